/**
 * The 分享版 formula of every step rule evaluated in IEEE doubles with a naive ROUND
 * (test/helpers/formula-eval.ts) against the engine, on every edge and whole step, for plain numbers
 * and for real percentages (0.015 shown as 1.5%); and text typed into the value cell is #VALUE!, never
 * a score.
 */
import { ruleFor } from "../engine";
import type { StepRule } from "../engine/rules/steps";
import { evaluate, functionsIn } from "../../test/helpers/formula-eval";
import { STEP_RULES, stepSweep } from "../../test/helpers/step-rules";
import { formulaCarries, scoreFormula } from "./formula";

describe.each(STEP_RULES.map((r) => [r.rule, r] as const))("分享版 formula for %s", (_t, { rule: text, weight }) => {
  const rule = ruleFor(text) as StepRule;
  const values = stepSweep(text, weight);

  test("a plain formula carries it, with only IF, ROUND, TRUNC, INT, MIN, MAX", () => {
    expect(formulaCarries(rule)).toBe(true);
    const f = scoreFormula(rule, "F5", { weight });
    expect(functionsIn(f).every((n) => ["IF", "ROUND", "TRUNC", "INT", "MIN", "MAX"].includes(n))).toBe(true);
  });

  test("on every edge and whole step the formula gives the engine's score", () => {
    const f = scoreFormula(rule, "F5", { weight });
    for (const v of values) {
      const want = rule.score({ v }, { weight });
      expect(want.status).toBe("exact");
      const got = evaluate(f, { cell: () => v });
      expect([v, got]).toEqual([v, want.status === "exact" ? want.score : null]);
    }
  });

  if (rule.unit === "%") {
    test("a real percentage (the cell holds 0.015 shown as 1.5%) scores the same", () => {
      const f = scoreFormula(rule, "F5", { weight, percent: true });
      for (const v of values) {
        const cell = Number((v / 100).toPrecision(12));
        const want = rule.score({ v: cell, numFmt: "0.00%" }, { weight });
        expect([v, evaluate(f, { cell: () => cell })]).toEqual([v, want.status === "exact" ? want.score : null]);
      }
    });
  }

  test("text typed into the value cell is an error, not a score", () => {
    const got = evaluate(scoreFormula(rule, "F5", { weight }), { cell: () => "3000万元" });
    expect(got).toEqual({ error: "#VALUE!" });
  });
});

describe.each([
  {
    text: "较上年增长10%得基本分4分，每增加1个百分点加0.5分，每减少1个百分点减0.5分，最高6分，最低0分",
    weight: undefined,
    growths: [-12, -5, 0, 5.5, 8.99, 9, 9.01, 10, 10.01, 10.99, 11, 12, 13.5, 14, 14.01, 30],
  },
  {
    // 椒江区科技型小微企业自评表: the base is the row's weight, ±1 per 5 points, at most ±10 (so 20 ± 10)
    text: "1.企业2012年销售收入比去年同期增长20%得基本分，每增减5个百分点加减1分；2.最高加减分不得超过10分。",
    weight: 20,
    growths: [-40, -35, -30.01, -30, -29.99, -5, 0, 14.99, 15, 19.99, 20, 24.99, 25, 30, 69.99, 70, 70.01, 75, 120],
  },
  {
    // 江苏 开发区 考核办法 (JS1): 80% of the 基本分值 when level with the base figure, +1 per whole 5%, the bonus at most 50%
    text: "以2010年实绩为基数，持平得基本分值的80%，每项指标每超5%加1分，加分最高不超过基本分值的50%。",
    weight: 10,
    growths: [-20, -0.01, 0, 0.01, 4.99, 5, 5.01, 10, 19.99, 20, 24.99, 25, 25.01, 30, 100, 250],
  },
  {
    // "最高加5分" over a 基本分 of the weight: what the steps add is at most 5 (10 + 5)
    text: "以2015年完成数为基数，持平得基本分，每增长10%加1分，最高加5分。",
    weight: 10,
    growths: [-5, 0, 9.99, 10, 10.01, 19.99, 20, 49.99, 50, 50.01, 60, 200],
  },
])("分享版 formula for growth over last year: $text", ({ text, weight, growths }) => {
  const rule = ruleFor(text);
  // this year's and last year's levels around every edge and bound, growth as listed
  const pairs: [number, number][] = [];
  for (const prev of [2000, 1234.5, 80, 0.37]) {
    for (const g of growths) {
      pairs.push([Number((prev * (1 + g / 100)).toPrecision(12)), prev]);
    }
  }

  test("a level and last year's level give the engine's score, exact at the edges", () => {
    expect(formulaCarries(rule)).toBe(true);
    const f = scoreFormula(rule, "F5", { previousRef: "D5", weight });
    for (const [now, prev] of pairs) {
      const want = rule.score({ v: now }, { previousInput: { v: prev }, weight });
      const got = evaluate(f, { cell: (r) => (r === "F5" ? now : prev) });
      expect([now, prev, got]).toEqual([now, prev, want.status === "exact" ? want.score : want.status]);
    }
  });

  test("a real percentage is the rate itself, negative rates included", () => {
    const f = scoreFormula(rule, "F5", { percent: true, weight });
    for (const g of growths) {
      const cell = Number((g / 100).toPrecision(12));
      const want = rule.score({ v: cell, numFmt: "0.0%" }, { weight });
      expect([g, evaluate(f, { cell: () => cell })]).toEqual([g, want.status === "exact" ? want.score : null]);
    }
  });

  test("last year blank or 0: 无法得分, never a number", () => {
    const f = scoreFormula(rule, "F5", { previousRef: "D5", weight });
    expect(evaluate(f, { cell: (r) => (r === "F5" ? 2200 : null) })).toBe("无法得分");
    expect(evaluate(f, { cell: (r) => (r === "F5" ? 2200 : 0) })).toBe("无法得分");
  });
});
