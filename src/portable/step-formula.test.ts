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
  const values = stepSweep(text);

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

describe("分享版 formula for growth over last year", () => {
  const text = "较上年增长10%得基本分4分，每增加1个百分点加0.5分，每减少1个百分点减0.5分，最高6分，最低0分";
  const rule = ruleFor(text);
  // this year's and last year's levels around every edge: growth 10% exactly, ±1 point, ±0.01
  const pairs: [number, number][] = [];
  for (const prev of [2000, 1234.5, 80, 0.37]) {
    for (const g of [-12, -5, 0, 5.5, 8.99, 9, 9.01, 10, 10.01, 10.99, 11, 12, 13.5, 14, 14.01, 30]) {
      pairs.push([Number((prev * (1 + g / 100)).toPrecision(12)), prev]);
    }
  }

  test("a level and last year's level give the engine's score, exact at the edges", () => {
    expect(formulaCarries(rule)).toBe(true);
    const f = scoreFormula(rule, "F5", { previousRef: "D5" });
    for (const [now, prev] of pairs) {
      const want = rule.score({ v: now }, { previousInput: { v: prev } });
      const got = evaluate(f, { cell: (r) => (r === "F5" ? now : prev) });
      expect([now, prev, got]).toEqual([now, prev, want.status === "exact" ? want.score : want.status]);
    }
  });

  test("a real percentage is the rate itself, negative rates included", () => {
    const f = scoreFormula(rule, "F5", { percent: true });
    for (const g of [-12, -0.5, 0, 9, 9.5, 10, 11.9, 12, 14, 20]) {
      const cell = Number((g / 100).toPrecision(12));
      const want = rule.score({ v: cell, numFmt: "0.0%" });
      expect([g, evaluate(f, { cell: () => cell })]).toEqual([g, want.status === "exact" ? want.score : null]);
    }
  });

  test("last year blank or 0: 无法得分, never a number", () => {
    const f = scoreFormula(rule, "F5", { previousRef: "D5" });
    expect(evaluate(f, { cell: (r) => (r === "F5" ? 2200 : null) })).toBe("无法得分");
    expect(evaluate(f, { cell: (r) => (r === "F5" ? 2200 : 0) })).toBe("无法得分");
  });
});
