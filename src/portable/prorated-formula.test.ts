/**
 * The 分享版 formula of prorated rules ("4篇以上记2分（完不成的按比例扣分）") evaluated in IEEE doubles
 * with a naive ROUND (test/helpers/formula-eval.ts) against the engine: below, at and above the
 * target, on values whose N×v/X ends in a half (rounded away from zero like Excel), for plain numbers
 * and real percentages; text in the value cell is #VALUE!, never a score.
 */
import { ruleFor } from "../engine";
import { evaluate, functionsIn } from "../../test/helpers/formula-eval";
import { formulaCarries, scoreFormula } from "./formula";

const CASES: { rule: string; weight?: number; values: number[] }[] = [
  { rule: "每年向县全民科学素质工作领导小组办公室(科协)上报科普信息4篇以上记2分(完不成的按比例扣分)。", values: [0, 1, 2, 3, 4, 5, 40] },
  { rule: "完成15家得6分，未完成的按比例计分", values: [0, 1, 7, 14, 15, 16, 100] },
  {
    rule: "研发经费投入达到500万元得满分，未达到的按完成比例得分",
    weight: 6,
    values: [0, 0.01, 41.25, 250, 333, 333.33, 499.99, 500, 500.01, 1200],
  },
  { rule: "研发经费投入强度达到1.6%得3分，未达到的按比例计分", values: [0, 0.01, 0.8, 1.2, 1.59, 1.6, 1.61, 2.4] },
  {
    rule: "R&D经费投入强度2.5%以上得10分；2%-2.5%得8分；1.5%-2%得6分；1.5%以下按比例计分",
    values: [0, 0.01, 0.25, 0.75, 1.49, 1.5, 1.99, 2, 2.49, 2.5, 3.7],
  },
  { rule: "得分值=年度建设任务完成率(超过100%以100%计算)×20", values: [0, 0.025, 33.33, 50, 99.5, 99.99, 100, 120] },
];

describe.each(CASES.map((c) => [c.rule, c] as const))("分享版 formula for %s", (_t, { rule: text, weight, values }) => {
  const rule = ruleFor(text);

  test("a plain formula carries it, with only IF, ROUND, INT, MIN, MAX, TRUNC", () => {
    expect(rule.kind).toBe("prorated");
    expect(formulaCarries(rule)).toBe(true);
    const f = scoreFormula(rule, "F5", { weight });
    expect(functionsIn(f).every((n) => ["IF", "ROUND", "INT", "MIN", "MAX", "TRUNC"].includes(n))).toBe(true);
  });

  test("below, at and above the target the formula gives the engine's score", () => {
    const f = scoreFormula(rule, "F5", { weight });
    for (const v of values) {
      const want = rule.score({ v }, { weight });
      if (rule.wholeCount && !Number.isInteger(v)) continue;
      expect(want.status).toBe("exact");
      expect([v, evaluate(f, { cell: () => v })]).toEqual([v, want.status === "exact" ? want.score : null]);
    }
  });

  if (rule.unit === "%") {
    test("a real percentage (the cell holds 0.012 shown as 1.2%) scores the same", () => {
      const f = scoreFormula(rule, "F5", { weight, percent: true });
      for (const v of values) {
        const cell = Number((v / 100).toPrecision(12));
        const want = rule.score({ v: cell, numFmt: "0.00%" }, { weight });
        expect([v, evaluate(f, { cell: () => cell })]).toEqual([v, want.status === "exact" ? want.score : null]);
      }
    });
  }

  if (rule.wholeCount) {
    test("a count that is not whole shows 无法得分, as the engine refuses it", () => {
      expect(evaluate(scoreFormula(rule, "F5", { weight }), { cell: () => 2.5 })).toBe("无法得分");
    });
  }

  test("text typed into the value cell is an error, not a score", () => {
    expect(evaluate(scoreFormula(rule, "F5", { weight }), { cell: () => "3篇" })).toEqual({ error: "#VALUE!" });
  });
});
