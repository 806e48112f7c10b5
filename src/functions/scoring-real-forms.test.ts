/** =KJSCORE / =KJREQUIRED / =KJMAX over the forms real 考核办法 write: in proportion, graded, yes/no. */
import { kjMax, kjRequired, kjScore } from "./scoring";

const PRORATED = "每年向县全民科学素质工作领导小组办公室(科协)上报科普信息4篇以上记2分(完不成的按比例扣分)。";
const BANDS_THEN_PRORATED = "R&D经费投入强度2.5%以上得10分；2%-2.5%得8分；1.5%-2%得6分；1.5%以下按比例计分";
const GRADES = "发展农产品名、特、优，新品种、新技术示范推广完成情况好计4分，一般计3分，差计2分";
const YES_NO = "满分5分。积极参加对指导员的绩效考核的得5分，不参加的不得分。";

describe("KJSCORE", () => {
  test("3篇 under 4篇以上记2分（完不成的按比例扣分） scores 1.5; 6篇 scores the full 2", () => {
    expect(kjScore("3篇", PRORATED)).toEqual({ ok: true, value: 1.5 });
    expect(kjScore("6篇", PRORATED)).toEqual({ ok: true, value: 2 });
  });
  test("0.75% below the lowest band scores 6 × 0.75 ÷ 1.5 = 3; 2% scores its band's 8", () => {
    expect(kjScore("0.75%", BANDS_THEN_PRORATED)).toEqual({ ok: true, value: 3 });
    expect(kjScore("2%", BANDS_THEN_PRORATED)).toEqual({ ok: true, value: 8 });
  });
  test("“一般” scores 3; a grade the rule does not list is an error, never the nearest", () => {
    expect(kjScore("一般", GRADES)).toEqual({ ok: true, value: 3 });
    const r = kjScore("较好", GRADES);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("不是评分标准的等次");
  });
  test("“是” scores 5 and “否” 0 under a yes/no rule", () => {
    expect(kjScore("是", YES_NO)).toEqual({ ok: true, value: 5 });
    expect(kjScore("否", YES_NO)).toEqual({ ok: true, value: 0 });
  });
});

describe("KJREQUIRED", () => {
  test("1.2 under the prorated rule needs 3篇 (2.4 rounded up to a whole 篇)", () => {
    expect(kjRequired(1.2, PRORATED)).toEqual({ ok: true, value: 3 });
  });
  test("3 under bands-then-按比例 needs 0.75%", () => {
    expect(kjRequired(3, BANDS_THEN_PRORATED)).toEqual({ ok: true, value: 0.75 });
  });
  test("above the maximum is #NUM!", () => {
    expect(kjRequired(2.5, PRORATED)).toMatchObject({ ok: false });
  });
});

describe("KJMAX", () => {
  test.each([
    [PRORATED, 2],
    [BANDS_THEN_PRORATED, 10],
    [GRADES, 4],
    [YES_NO, 5],
  ])("%s → %p", (rule, max) => {
    expect(kjMax(rule)).toEqual({ ok: true, value: max });
  });
});
