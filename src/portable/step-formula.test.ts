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

test("a growth rule needs last year's cell: no one-cell formula carries it", () => {
  expect(formulaCarries(ruleFor("较上年增长10%得基本分4分，每增加1个百分点加0.5分，最高6分"))).toBe(false);
});
