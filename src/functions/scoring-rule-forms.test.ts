/** =KJSCORE / =KJREQUIRED / =KJMAX over the rule forms of other places' documents. */
import { kjMax, kjRequired, kjScore } from "./scoring";

const STEPPED = "A.30%以上得10分；B.20%（含）-30%得8分；C.10%（含）-20%得5分；D.10%以下不得分。";
const THRESHOLD = "投入达到200万元得1分，每增加100万元加1分，最高5分";
const PER_ITEM = "组织活动一次得1分，本项最高3分";
const HIGHEST = "获国家级奖励得5分，省级得3分，市级得1分，取最高分不累计";
const GROWTH = "较上年增长10%得基本分4分，每增加1个百分点加0.5分，每减少1个百分点减0.5分，最高6分，最低0分";
const FULL = "达到1.5%得满分，否则不得分";

describe("KJSCORE", () => {
  test("20% under the lettered stepped rule scores 8 (the edge belongs to 20%（含）-30%)", () => {
    expect(kjScore("20%", STEPPED)).toEqual({ ok: true, value: 8 });
    expect(kjScore("19.99%", STEPPED)).toEqual({ ok: true, value: 5 });
  });
  test("350万元 is one whole step past 200万元: 2分", () => {
    expect(kjScore("350万元", THRESHOLD)).toEqual({ ok: true, value: 2 });
  });
  test("“报道2次” under 一次得1分 scores 2; 5次 is capped at 3", () => {
    expect(kjScore("报道2次", PER_ITEM)).toEqual({ ok: true, value: 2 });
    expect(kjScore("5次", PER_ITEM)).toEqual({ ok: true, value: 3 });
  });
  test("省级、市级 takes the highest, 3分", () => {
    expect(kjScore("省级、市级", HIGHEST)).toEqual({ ok: true, value: 3 });
  });
  test("a growth rate 12% scores 5", () => {
    expect(kjScore("12%", GROWTH)).toEqual({ ok: true, value: 5 });
  });
  test("a level under a growth rule has no last year in a formula: an error saying so, never a number", () => {
    const r = kjScore("2200万元", GROWTH);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("上一年");
  });
  test("得满分 with no stated full score and no weight: an error, never a number", () => {
    const r = kjScore("2%", FULL);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("满分");
  });
});

describe("KJREQUIRED", () => {
  test("8 under the stepped rule needs 20%", () => {
    expect(kjRequired(8, STEPPED)).toEqual({ ok: true, value: 20 });
  });
  test("4 under the threshold rule needs 500万元 (three whole steps)", () => {
    expect(kjRequired(4, THRESHOLD)).toEqual({ ok: true, value: 500 });
  });
  test("2 under 一次得1分 needs 2次, a whole number", () => {
    expect(kjRequired(2, PER_ITEM)).toEqual({ ok: true, value: 2 });
  });
  test("a score above the rule's maximum is #VALUE! with the reason (Excel drops #NUM! messages)", () => {
    expect(kjRequired(6, THRESHOLD)).toMatchObject({ ok: false, code: "invalidValue" });
  });
});

describe("KJMAX", () => {
  test.each([
    [STEPPED, 10],
    [THRESHOLD, 5],
    [PER_ITEM, 3],
    [HIGHEST, 5],
    [GROWTH, 6],
    ["成效明显的得8-10分；一般的得5-7分；较差的得0-4分", 10],
  ])("%s → %p", (rule, max) => {
    expect(kjMax(rule)).toEqual({ ok: true, value: max });
  });
  test("得满分 without a number: the maximum is the row's weight", () => {
    expect(kjMax(FULL)).toMatchObject({ ok: false });
  });
});
