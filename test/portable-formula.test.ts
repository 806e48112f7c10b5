/**
 * The portable formulas, evaluated in IEEE doubles with a naive ROUND (test/helpers/formula-eval),
 * against the engine's exact scores: every band edge of every seed banded rule, the half cases,
 * and random rules and values. LibreOffice checks the same in test/portable-libreoffice.test.ts.
 */
import fc from "fast-check";
import { parseBanded } from "../src/engine/rules/banded";
import { Rational } from "../src/engine/decimal";
import type { Rule } from "../src/engine/types";
import { SEED } from "../src/sample/workbook-data";
import { bandedFormula, totalFormula, NO_SCORE_TEXT } from "../src/portable/formula";
import { compile, evaluate, functionsIn, type FValue } from "./helpers/formula-eval";

const ALLOWED = new Set(["IF", "ROUND", "MIN", "MAX", "SUM"]);

function seedBandedRules(): Rule[] {
  const out: Rule[] = [];
  for (const ind of SEED.indicators) {
    try {
      out.push(parseBanded(ind.评分标准));
    } catch {
      // counted, categorical and judged rules are not banded
    }
  }
  return out;
}

/** the engine's score of a number cell, as the model would give it; null when it gives none */
function engineScore(rule: Rule, v: number | null, numFmt?: string): number | string | null {
  const r = rule.score({ v, numFmt });
  if (r.status === "exact") return r.score;
  if (r.status === "no-value") return "blank";
  if (r.status === "error") return "error";
  throw new Error(`unexpected ${r.status}`);
}

function formulaScore(rule: Rule, v: number | null, percent: boolean, blank?: number | null): FValue {
  const f = bandedFormula(rule, "F5", { percent, blank });
  return evaluate(f, { cell: (ref) => (ref === "F5" ? v : null) });
}

/** values around every band edge, in the rule's unit */
function edgeValues(rule: Rule): number[] {
  const out = new Set<number>([0]);
  for (const b of rule.bands!) {
    for (const e of [b.low, b.high]) {
      if (e === null) continue;
      for (const d of [0, 0.01, -0.01, 0.0001, -0.0001, 1, -1]) {
        const x = Number((e + d).toFixed(6));
        if (x >= 0) out.add(x);
      }
    }
    if (b.high !== null) out.add(Number(((b.low + b.high) / 2).toFixed(6)));
  }
  const top = rule.bands![rule.bands!.length - 1];
  out.add(top.low * 3 + 7);
  return [...out];
}

describe("bandedFormula", () => {
  const rules = seedBandedRules();

  test("the seed has banded rules, and their formulas use only IF/ROUND/MIN/MAX/SUM", () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const r of rules) {
      for (const fn of functionsIn(bandedFormula(r, "F5", { blank: null }))) expect(ALLOWED.has(fn)).toBe(true);
      for (const fn of functionsIn(bandedFormula(r, "F5", { percent: true, cap: 1 }))) expect(ALLOWED.has(fn)).toBe(true);
    }
  });

  test("the seed's first rule reads as a person would write it", () => {
    const f = bandedFormula(rules[0], "F5", { blank: 3.39 });
    expect(f).toBe(
      'IF(F5="",3.39,IF(F5*1<0,"无法得分",ROUND(IF(F5>=10000,5,IF(F5>=5000,4+(F5-5000)*1/5000,IF(F5>=1000,3+(F5-1000)*1/4000,F5*3/1000)))+1E-10,2)))',
    );
  });

  test("every seed banded rule agrees with the engine around every band edge (plain numbers and real percentages)", () => {
    let checked = 0;
    for (const rule of rules) {
      for (const v of edgeValues(rule)) {
        expect([rule.text, v, formulaScore(rule, v, false)]).toEqual([rule.text, v, engineScore(rule, v)]);
        checked++;
        if (rule.unit === "%") {
          const cell = Number((v / 100).toPrecision(12));
          expect([rule.text, cell, formulaScore(rule, cell, true)]).toEqual([rule.text, cell, engineScore(rule, cell, "0.00%")]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  test.each([
    // [rule, value, exact score before rounding, rounded]
    ["≧40%（6分）；40%-20%（6-5分）；20%-10%（5-2分）；10%以下（2-0分）。", 20.5, 5.03],
    ["≧10家（5分）；10家以下（5-0分）", 5.35, 2.68], // 2.675
    ["≧10家（1分）；10家以下（1-0分）", 2.85, 0.29], // 0.285
    ["≧100万元（2分）；100万元以下（2-0分）", 50.25, 1.01], // 1.005
    ["≧12件/万人（6分）；12-4件/万人（6-4.5分）；4-2件/万人（4.5-3.5分）；2件/万人以下（3.5-0分）。", 1.37, 2.4], // 2.3975
  ])("half case: %s at %p gives %p in the engine and in the formula", (text, v, expected) => {
    const rule = parseBanded(text);
    expect(engineScore(rule, v)).toBe(expected);
    expect(formulaScore(rule, v, false)).toBe(expected);
    if (rule.unit === "%") {
      expect(engineScore(rule, v / 100, "0.00%")).toBe(expected);
      expect(formulaScore(rule, v / 100, true)).toBe(expected);
    }
  });

  test("without the nudge a naive ROUND gets halves wrong (0.285 and 1.005 under the seed's first rule); with it, right", () => {
    const rule = rules[0]; // ≧10000万元（5分）…1000万元以下（3-0分）
    const plain = bandedFormula(rule, "F5").replace("+1E-10", "");
    expect(plain).not.toContain("1E-10");
    // 95万元 → 95*3/1000 = 0.285; 335万元 → 1.005: in doubles both land just below the half
    expect(evaluate(plain, { cell: () => 95 })).toBe(0.28);
    expect(evaluate(plain, { cell: () => 335 })).toBe(1);
    expect(engineScore(rule, 95)).toBe(0.29);
    expect(engineScore(rule, 335)).toBe(1.01);
    expect(formulaScore(rule, 95, false)).toBe(0.29);
    expect(formulaScore(rule, 335, false)).toBe(1.01);
  });

  test("every x.xx5 score of the seed's rules agrees with the engine (2-decimal values; whole numbers for 万元)", () => {
    let halves = 0;
    const wrong: string[] = [];
    for (const rule of rules) {
      const top = rule.bands![rule.bands!.length - 1].low;
      const plain = compile(bandedFormula(rule, "F5"));
      const pct = rule.unit === "%" ? compile(bandedFormula(rule, "F5", { percent: true })) : null;
      const exactScore = (rule as unknown as { exactScore(x: Rational): Rational | null }).exactScore;
      const per = top > 1000 ? 1 : 100;
      for (let k = 0; k <= top * per; k++) {
        const v = k / per;
        const exact = exactScore(Rational.fromNumber(v));
        if (exact === null || exact.mul(100).isInteger() || !exact.mul(200).isInteger()) continue; // not a half
        halves++;
        const expected = exact.roundHalfAwayFromZero(2).toNumber();
        const got = plain({ cell: () => v });
        if (got !== expected) wrong.push(`${rule.text} at ${v}: ${String(got)} ≠ ${expected}`);
        if (pct) {
          const cell = Number((v / 100).toPrecision(15));
          const g = pct({ cell: () => cell });
          if (g !== expected) wrong.push(`${rule.text} at ${cell} (percent cell): ${String(g)} ≠ ${expected}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(halves).toBeGreaterThan(1000);
  });

  test("blank value: the stated score stays (or empty text), as the engine keeps it", () => {
    const rule = rules[0];
    expect(engineScore(rule, null)).toBe("blank");
    expect(formulaScore(rule, null, false, 3.39)).toBe(3.39);
    expect(formulaScore(rule, null, false, null)).toBe("");
  });

  test("text typed into the value cell later gives an error, never a number", () => {
    const f = bandedFormula(rules[0], "F5", { blank: 3.39 });
    const r = evaluate(f, { cell: () => "3000万元" });
    expect(r).toEqual({ error: "#VALUE!" });
  });

  test("below the lowest band (negative, or under a band that does not start at 0) shows 无法得分, as the engine gives no score", () => {
    const neg = rules[0];
    expect(engineScore(neg, -5)).toBe("error");
    expect(formulaScore(neg, -5, false)).toBe(NO_SCORE_TEXT);
    const noBottom = parseBanded("≧80%（5分）；80%-50%（5-4.5分）；50%-10%（4.5-3.5分）");
    expect(engineScore(noBottom, 5)).toBe("error");
    expect(formulaScore(noBottom, 5, false)).toBe(NO_SCORE_TEXT);
    expect(formulaScore(noBottom, 10, false)).toBe(engineScore(noBottom, 10));
  });

  test("a weight below the rule's top score caps the score", () => {
    const rule = rules[0]; // top 5
    const f = bandedFormula(rule, "F5", { cap: 4 });
    expect(evaluate(f, { cell: () => 20000 })).toBe(4);
    expect(evaluate(f, { cell: () => 2489 })).toBe(3.37);
  });

  test("a closed top band gives its top score above its upper end", () => {
    const rule = parseBanded("80%-50%（5-4.5分）；50%-10%（4.5-3.5分）；10%-0（3.5-0分）");
    for (const v of [80, 95, 1000, 65.5, 10, 0]) expect(formulaScore(rule, v, false)).toBe(engineScore(rule, v));
  });

  test("random banded rules and random decimal values agree with the engine", () => {
    let parsed = 0;
    const decimal = (maxInt: number, places: number) =>
      fc.tuple(fc.integer({ min: 0, max: maxInt * 10 ** places }), fc.constant(places)).map(([n, p]) => Number((n / 10 ** p).toFixed(p)));
    const ruleArb = fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 1, max: 20000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom("万元", "%", "家", "件/万人"),
      )
      .map(([edges, scoreSteps, thresholdPlaces, unit]) => {
        const e = [...edges].sort((a, b) => a - b).map((x) => Number((x / 10 ** thresholdPlaces).toFixed(thresholdPlaces)));
        const uniq = [...new Set(e)];
        // scores non-decreasing with the value: cumulate steps of 0.01..4.00
        const s: number[] = [];
        let acc = 0;
        for (let i = 0; i <= uniq.length; i++) {
          acc += (scoreSteps[i] ?? 0) / 100;
          s.push(Number(acc.toFixed(2)));
        }
        // s[0] at 0 … s[k] at uniq[k-1]
        const parts: string[] = [];
        const n = uniq.length;
        parts.push(`≧${uniq[n - 1]}${unit}（${s[n - 1]}分）`);
        for (let i = n - 1; i >= 1; i--) parts.push(`${uniq[i]}-${uniq[i - 1]}${unit}（${s[i]}-${s[i - 1] === s[i] ? s[i] : s[i - 1]}分）`);
        parts.push(`${uniq[0]}${unit}以下（${s[0] === 0 ? 0 : s[0]}-0分）`);
        return parts.join("；") + "。";
      });
    fc.assert(
      fc.property(ruleArb, fc.oneof(decimal(25000, 0), decimal(2000, 2), decimal(200, 4)), (text, v) => {
        const rule: Rule = parseBanded(text);
        parsed++;
        const expected = engineScore(rule, v);
        const got = formulaScore(rule, v, false);
        if (got !== expected) throw new Error(`${text} at ${v}: formula ${JSON.stringify(got)}, engine ${expected}`);
        if (rule.unit === "%") {
          const cell = Number((v / 100).toPrecision(15));
          const e2 = engineScore(rule, cell, "0.00%");
          const g2 = formulaScore(rule, cell, true);
          if (g2 !== e2) throw new Error(`${text} at ${cell} (percent cell): formula ${JSON.stringify(g2)}, engine ${e2}`);
        }
        return true;
      }),
      { numRuns: 5000, seed: 20200429 },
    );
    expect(parsed).toBe(5000);
  });
});

describe("totalFormula", () => {
  test("consecutive rows become ranges; gaps stay out", () => {
    expect(totalFormula(["G4", "G5", "G6", "G8", "G9", "G12"])).toBe("SUM(G4:G6,G8:G9,G12)");
    expect(totalFormula(["G4"])).toBe("SUM(G4)");
    const cells: Record<string, number> = { G4: 1.5, G5: 2.25, G6: 3, G7: 100, G8: 0.25 };
    expect(evaluate(totalFormula(["G4", "G5", "G6", "G8"]), { cell: (r) => cells[r] ?? null })).toBe(7);
  });
});
