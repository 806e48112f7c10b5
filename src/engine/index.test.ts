import { gapToNextGrade, gradeOf, ruleFor, scoreValue, RuleError } from "./index";
import { explained } from "../../test/helpers/explained";

const FISCAL = "≧10000万元（5分）；\n10000-5000万元（5-4分）；\n5000-1000万元（4-3分）；\n1000万元以下（3-0分）。";

describe("grades: A at 80 and above, B from 60, C below", () => {
  test.each([
    [100, "A", 0],
    [80, "A", 0],
    [79.99, "B", 0.01],
    [61.33, "B", 18.67],
    [60, "B", 20],
    [59.99, "C", 0.01],
    [52.64, "C", 7.36],
    [0, "C", 60],
  ])("total %p is %s, %p points from the next grade", (total, grade, gap) => {
    expect(gradeOf(total)).toBe(grade);
    expect(gapToNextGrade(total)).toBe(gap);
  });

  test("a total with more decimals rounds the gap up, so closing it is enough", () => {
    expect(gapToNextGrade(61.333)).toBe(18.67);
  });
});

describe("ruleFor reads each distinct rule once", () => {
  test("texts that differ only in spacing and width share one reading", () => {
    const a = ruleFor(FISCAL);
    const b = ruleFor(FISCAL.replace(/万元/g, " 万元 ").replace(/；/g, ";").replace(/5/g, "５"));
    expect(b.bands).toBe(a.bands);
    expect(b.text).not.toBe(a.text); // each keeps its own text as given
    expect(explained(b.score({ v: "2489万元" }))).toEqual(explained(a.score({ v: "2489万元" })));
    expect(ruleFor(FISCAL)).toBe(a);
  });

  test("line breaks are kept apart: they can separate a categorical rule's options", () => {
    const lines = ruleFor("合署办公的（2分）\n加挂科技局牌子（1分）");
    const joined = ruleFor("合署办公的（2分）加挂科技局牌子（1分）");
    expect(lines.max).toBe(3);
    expect(joined.max).toBe(3);
    expect(joined).not.toBe(lines);
  });

  test("an unreadable rule throws the same RuleError every time", () => {
    const bad = "≧10000万元（5分）；10000-5000万元（5-4）";
    let first: unknown;
    try {
      ruleFor(bad);
    } catch (e) {
      first = e;
    }
    expect(first).toBeInstanceOf(RuleError);
    expect(() => ruleFor(bad)).toThrow(first as Error);
  });
});

describe("scoreValue never throws", () => {
  test("2489万元 under the 财政科技支出 rule scores 3.37", () => {
    expect(scoreValue("2489万元", FISCAL)).toMatchObject({ status: "exact", score: 3.37, value: 2489 });
    expect(scoreValue({ v: 0.0035, numFmt: "0.00%" }, "≧2%（8分）；2%-1%（8-6分）；1%-0.5%（6-4分）；0.5%以下（4-0分）。")).toMatchObject({
      score: 2.8,
    });
  });

  test.each([
    ["banded", FISCAL],
    ["counted", "国家级重点实验室每家2分，省级每家1分；最高不超过8分。"],
    ["categorical", "合署办公的（2分）；加挂科技局牌子（1分）"],
  ])("a number that is not finite is a value error under a %s rule", (_kind, rule) => {
    for (const v of [Infinity, -Infinity, NaN]) {
      expect(scoreValue(v, rule)).toMatchObject({ status: "error" });
    }
  });

  test("a rule with a typo becomes an error result naming the part", () => {
    const r = scoreValue("2489万元", "≧10000万元（5分）；10000-5000万元（5-4）");
    expect(r).toEqual({ status: "error", message: "评分标准第2段“10000-5000万元（5-4）”无法识别：缺少分值" });
  });
});
