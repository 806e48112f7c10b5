/**
 * Scores written as a share of the row's 基本分值 and a bound on what the steps add, from a 江苏 开发区
 * 考核办法 (sources/other-places-2026b.json, JS1/JS3/JS6): "以2010年实绩为基数，持平得基本分值的80%，每项指标
 * 每超5%加1分，加分最高不超过基本分值的50%" and "每投产…一个2亿元以上项目…的得1分，达到8个项目得满基本分，每超
 * 一个加1分，加分最高不超过基本分值". The 基本分值 is the row's 权重分值; the base year's 实绩 is the value
 * the row holds before this one, as for "较上年".
 */
import fc from "fast-check";
import { parseRule } from "../index";
import type { StepRule } from "./steps";
import { explained } from "../../../test/helpers/explained";

const JS1 = "以2010年实绩为基数，持平得基本分值的80%，每项指标每超5%加1分，加分最高不超过基本分值的50%。";
const JS3 =
  "每投产或开工总投资一个2亿元以上项目或2000万美元以上项目的得1分，达到8个项目得满基本分，每超一个加1分，加分最高不超过基本分值。";

const after = (prev: number, weight = 10) => ({ weight, previousInput: { v: prev } });

describe("开发区's 持平得基本分值的80%，每超5%加1分，加分最高不超过基本分值的50% (基本分值 10)", () => {
  const rule = parseRule(JS1);

  test("level with the base year (100 after 100) scores 8, 80% of the 基本分值", () => {
    expect(rule.kind).toBe("growth");
    const r = rule.score({ v: 100 }, after(100));
    expect(r).toMatchObject({ status: "exact", score: 8 });
    expect(JSON.stringify(explained(r))).toContain("其80%为8分");
  });

  test("110 after 100 (+10%, two whole 5% steps) scores 10; 104.9 (+4.9%) is no step and scores 8", () => {
    expect(rule.score({ v: 110 }, after(100))).toMatchObject({ status: "exact", score: 10 });
    expect(rule.score({ v: 104.9 }, after(100))).toMatchObject({ status: "exact", score: 8 });
  });

  test("200 after 100 (+100%, 20 steps) adds at most 50% of the 基本分值: 8 + 5 = 13, and says so", () => {
    const r = rule.score({ v: 200 }, after(100));
    expect(r).toMatchObject({ status: "exact", score: 13 });
    expect(JSON.stringify(explained(r))).toContain("加分不超过5分");
  });

  test("the growth written as a rate (12%) scores 8 + 2 = 10", () => {
    expect(rule.score({ v: "12%" }, { weight: 10 })).toMatchObject({ status: "exact", score: 10 });
  });

  test("its maximum follows the weight: 1.3 × 基本分值 (13 for 10, 6.5 for 5); no number stated of its own", () => {
    expect(rule.max).toBeNull();
    expect(rule.baseFromWeight?.max(10)).toBe(13);
    expect(rule.baseFromWeight?.max(5)).toBe(6.5);
  });

  test("without a 权重分值 the share has nothing to be a share of: an error, not a number", () => {
    const r = rule.score({ v: 110 }, { previousInput: { v: 100 } });
    expect(r.status).toBe("error");
    expect(JSON.stringify(explained(r))).toContain("权重分值");
  });

  test("without the base year's figure in the row it says so instead of guessing", () => {
    const r = rule.score({ v: 110 }, { weight: 10 });
    expect(r.status).toBe("error");
    expect(JSON.stringify(explained(r))).toContain("上一年");
  });

  test("JS6's 每提高5% reads as JS1's 每超5%: 105 after 100 scores 9", () => {
    const js6 = parseRule("以2010年实绩为基数，持平得基本分值的80%，每项指标每提高5%加1分，加分最高不超过基本分值的50%。");
    expect(js6.score({ v: 105 }, after(100))).toMatchObject({ status: "exact", score: 9 });
  });

  test("the bound on what is added, however it is worded: 加分不超过…, 最高加分不超过…, 加分上限为…", () => {
    for (const bound of ["加分不超过基本分值的50%", "最高加分不超过基本分值的50%", "加分上限为基本分值的50%"]) {
      const r = parseRule(`以上年实绩为基数，持平得基本分值的80%，每提高5%加1分，${bound}。`);
      expect([bound, r.score({ v: 300 }, after(100))]).toMatchObject([bound, { status: "exact", score: 13 }]);
    }
  });

  test("比上年持平 / 达到上年水平 is level with last year: 110 after 100 under 达到上年水平得基本分值的60%，每增长1个百分点加0.2分 scores 6 + 2 = 8", () => {
    const r = parseRule("达到上年水平得基本分值的60%，每增长1个百分点加0.2分，加分上限为基本分值的40%。");
    expect(r.score({ v: 110 }, after(100))).toMatchObject({ status: "exact", score: 8 });
    expect(
      parseRule("比上年持平的得基本分值的80%，每增长5%加1分，加分最高不超过基本分值的50%。").score({ v: 110 }, after(100)),
    ).toMatchObject({
      status: "exact",
      score: 10,
    });
  });

  test("over a 基本分 of the weight, '最高加5分' bounds what is added (10 + 5), it is no total of 5", () => {
    const r = parseRule("以2015年完成数为基数，持平得基本分，每增长10%加1分，最高加5分。");
    expect(r.score({ v: 120 }, after(100))).toMatchObject({ status: "exact", score: 12 });
    expect(r.score({ v: 300 }, after(100))).toMatchObject({ status: "exact", score: 15 });
    expect(r.baseFromWeight?.max(10)).toBe(15);
  });

  test("持平 with no base figure named is not guessed at", () => {
    expect(() => parseRule("持平得基本分值的80%，每超5%加1分")).toThrow();
  });

  test("'持平得基本分值P%，每提高s%加a分，加分最高不超过基本分值的Q%': P% of the weight plus whole steps, the steps within Q% of it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(50, 60, 70, 80, 90),
        fc.constantFrom(1, 2, 5, 10),
        fc.constantFrom(0.5, 1, 2),
        fc.constantFrom(20, 30, 50, 100),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 3000 }),
        (p, s, a, q, weight, tenths) => {
          const r = parseRule(`以上年实绩为基数，持平得基本分值的${p}%，每提高${s}%加${a}分，加分最高不超过基本分值的${q}%。`);
          const g = tenths / 10;
          const got = r.score({ v: `${g}%` }, { weight });
          const bonus = Math.min((weight * q) / 100, Math.trunc(Math.round((g / s) * 1e9) / 1e9) * a);
          const want = (weight * p) / 100 + bonus;
          expect(got).toMatchObject({ status: "exact", score: Math.round(want * 100 + 1e-9) / 100 });
          expect(r.baseFromWeight?.max(weight)).toBeCloseTo((weight * (p + q)) / 100, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("开发区's 每…一个2亿元以上项目的得1分，达到8个项目得满基本分，每超一个加1分 (基本分值 8)", () => {
  const rule = parseRule(JS3) as StepRule;

  test("3 projects score 3 (one each); 8 score the full 基本分 8; 10 score 10", () => {
    expect(rule.kind).toBe("threshold");
    expect(rule.score({ v: 3 }, { weight: 8 })).toMatchObject({ status: "exact", score: 3 });
    expect(rule.score({ v: "8个" }, { weight: 8 })).toMatchObject({ status: "exact", score: 8 });
    expect(rule.score({ v: 10 }, { weight: 8 })).toMatchObject({ status: "exact", score: 10 });
  });

  test("20 projects add 12 beyond 8 but at most the 基本分值: 8 + 8 = 16", () => {
    expect(rule.score({ v: 20 }, { weight: 8 })).toMatchObject({ status: "exact", score: 16 });
    expect(rule.baseFromWeight?.max(8)).toBe(16);
  });

  test("the numbers that describe a project (2亿元, 2000万美元) are no condition on the value: 3 is 3个, the explanation counts projects", () => {
    const r = rule.score({ v: 3 }, { weight: 8 });
    expect(JSON.stringify(explained(r))).toContain("共3个（每个加1分）");
    expect(rule.score({ v: "2.5个" }, { weight: 8 }).status).toBe("error");
  });

  test("the value a target needs: 11 projects for 11 points, none past 16", () => {
    expect(rule.needed?.(11, { weight: 8 })).toBe(11);
    expect(rule.needed?.(16.01, { weight: 8 })).toBeNull();
  });

  test("'每…一个…的得a分，达到N个得满基本分，每超一个加b分，加分最高不超过基本分值': n×a below N, weight + min(weight, (n−N)×b) from N", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.constantFrom(0.5, 1, 2),
        fc.constantFrom(0.5, 1, 2),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 60 }),
        (n, a, b, weight, count) => {
          const r = parseRule(
            `每引进一个总投资1亿元以上项目的得${a}分，达到${n}个项目得满基本分，每超一个加${b}分，加分最高不超过基本分值。`,
          );
          const want = count < n ? count * a : weight + Math.min(weight, (count - n) * b);
          expect(r.score({ v: count }, { weight })).toMatchObject({ status: "exact", score: Math.round(want * 100) / 100 });
        },
      ),
      { numRuns: 200 },
    );
  });
});
