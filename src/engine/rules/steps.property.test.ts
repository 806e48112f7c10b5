/**
 * Properties of the step families over random rules written the ways typists write them: stepped
 * bands (edge words, letters and numbers, either order), a threshold with whole steps, a deduction,
 * growth with base ± steps. Each score is checked against the rule's meaning computed here in
 * integers; scores stay within [0, max]; rising rules never fall; and the value needed scores back
 * (rounded) to at least the asked score while the next smaller value at that precision does not.
 */
import fc from "fast-check";
import { Rational } from "../decimal";
import { parseRule } from "../index";
import type { Rule } from "../types";

const RUNS = { numRuns: 150 };

function scoreOf(rule: Rule, v: string, ctx = {}): number {
  const r = rule.score({ v }, ctx);
  if (r.status !== "exact") throw new Error(`${v} under ${rule.text}: ${JSON.stringify(r)}`);
  return r.score;
}

const dec = (tenths: number) => Rational.fraction(tenths, 10).toDecimalString();

/** needed(s) scores ≥ s; one unit of precision less scores < s (unless it is the lowest value). */
function checkNeeded(rule: Rule, target: number, precision: number, unit: string, ctx = {}, weight?: number): void {
  const need = rule.needed!(target, { precision, weight });
  if (need === null) {
    expect(rule.max === null || target > rule.max || weight === undefined || target > weight).toBe(true);
    return;
  }
  const at = Rational.fromNumber(need);
  expect(scoreOf(rule, `${at.toDecimalString()}${unit}`, ctx)).toBeGreaterThanOrEqual(target);
  const less = at.sub(Rational.fraction(1, 10 ** precision));
  if (less.sign() >= 0) expect(scoreOf(rule, `${less.toDecimalString()}${unit}`, ctx)).toBeLessThan(target);
}

interface SteppedShape {
  /** thresholds in tenths of a percent, ascending */
  t: number[];
  /** scores for the bands from the bottom up (t.length + 1 of them), non-decreasing, in tenths */
  s: number[];
}

const steppedArb: fc.Arbitrary<SteppedShape> = fc.integer({ min: 1, max: 4 }).chain((k) =>
  fc.record({
    t: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: k, maxLength: k }).map((a) => [...a].sort((x, y) => x - y)),
    s: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: k + 1, maxLength: k + 1 }).map((a) => {
      let acc = 0;
      return a.map((x) => (acc += x));
    }),
  }),
);

const styleArb = fc.record({
  top: fc.constantFrom("≥{a}%（{s}分）", "{a}%以上得{s}分", "{a}%及以上，得{s}分", "达到{a}%的，得{s}分", "不低于{a}%（{s}分）"),
  mid: fc.constantFrom(
    "{a}%-{b}%（{s}分）",
    "{a}%（含）-{b}%得{s}分",
    "{a}%至{b}%（不含）得{s}分",
    "{a}%～{b}%，得{s}分",
    "{a}%≤X<{b}%（{s}分）",
  ),
  bottom: fc.constantFrom("{b}%以下（{s}分）", "低于{b}%得{s}分", "不足{b}%的，得{s}分", "<{b}%（{s}分）"),
  sep: fc.constantFrom("；", "；\n", ";", "。", "\n"),
  marker: fc.constantFrom("", "letter", "number", "paren"),
  descending: fc.boolean(),
});

type Style = typeof styleArb extends fc.Arbitrary<infer T> ? T : never;

function steppedText(sh: SteppedShape, st: Style): string {
  const k = sh.t.length;
  const fill = (tpl: string, a: number | null, b: number | null, s: number) =>
    tpl
      .replace("{a}", a === null ? "" : dec(a))
      .replace("{b}", b === null ? "" : dec(b))
      .replace("{s}", dec(s))
      .replace("X", "比例");
  const clauses: string[] = [fill(st.bottom, null, sh.t[0], sh.s[0])];
  for (let i = 0; i + 1 < k; i++) clauses.push(fill(st.mid, sh.t[i], sh.t[i + 1], sh.s[i + 1]));
  clauses.push(fill(st.top, sh.t[k - 1], null, sh.s[k]));
  const ordered = st.descending ? clauses.reverse() : clauses;
  const marked = ordered.map((c, i) =>
    st.marker === "letter"
      ? `${"ABCDE"[i]}.${c}`
      : st.marker === "number"
        ? `${i + 1}、${c}`
        : st.marker === "paren"
          ? `（${i + 1}）${c}`
          : c,
  );
  return marked.join(st.sep);
}

describe("stepped bands", () => {
  test("every value scores its band's flat score; edges go to the higher band; needed scores back", () => {
    fc.assert(
      fc.property(steppedArb, styleArb, fc.array(fc.integer({ min: 0, max: 1100 }), { minLength: 3, maxLength: 8 }), (sh, st, probes) => {
        const text = steppedText(sh, st);
        const rule = parseRule(text);
        expect(rule.kind).toBe("stepped");
        expect(rule.max).toBe(sh.s[sh.s.length - 1] / 10);
        const values = [...probes, ...sh.t, ...sh.t.map((t) => t - 1)].filter((v) => v >= 0);
        let last = -1;
        for (const v of [...values].sort((a, b) => a - b)) {
          const band = sh.t.filter((t) => t <= v).length;
          const got = scoreOf(rule, `${dec(v)}%`);
          expect(got).toBe(sh.s[band] / 10);
          expect(got).toBeGreaterThanOrEqual(last);
          last = got;
        }
        for (const s of sh.s) checkNeeded(rule, s / 10, 1, "%");
        expect(rule.needed!(rule.max! + 0.01)).toBeNull();
      }),
      RUNS,
    );
  });
});

describe("a threshold then whole steps", () => {
  test("0 below the threshold, base + per × completed steps above, capped", () => {
    fc.assert(
      fc.property(
        fc.record({
          t: fc.integer({ min: 1, max: 500 }),
          d: fc.integer({ min: 1, max: 200 }),
          b: fc.integer({ min: 1, max: 30 }),
          p: fc.integer({ min: 1, max: 20 }),
          extra: fc.integer({ min: 0, max: 60 }),
        }),
        fc.constantFrom(
          "投入达到{t}万元得{b}分，每增加{d}万元加{p}分，最高{c}分",
          "研发投入≥{t}万元的，得{b}分；每增加{d}万元，加{p}分；最高不超过{c}分。",
          "达到{t}万元（{b}分），每多{d}万元加{p}分，上限{c}分",
        ),
        fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 4, maxLength: 10 }),
        ({ t, d, b, p, extra }, tpl, probes) => {
          const c = b + extra;
          const text = tpl
            .replace("{t}", String(t))
            .replace("{d}", String(d))
            .replace("{b}", dec(b))
            .replace("{p}", dec(p))
            .replace("{c}", dec(c));
          const rule = parseRule(text);
          expect(rule.kind).toBe("threshold");
          expect(rule.max).toBe(c / 10);
          let last = -1;
          for (const v of [...probes, t, t - 1, t + d, t + d - 1].filter((x) => x >= 0).sort((x, y) => x - y)) {
            const want = v < t ? 0 : Math.min(c, b + p * Math.floor((v - t) / d)) / 10;
            const got = scoreOf(rule, `${v}万元`);
            expect(got).toBe(want);
            expect(got).toBeGreaterThanOrEqual(last);
            expect(got).toBeLessThanOrEqual(rule.max!);
            last = got;
          }
          for (const s of [b, b + p, c].map((x) => x / 10)) checkNeeded(rule, Math.min(s, c / 10), 0, "万元");
        },
      ),
      RUNS,
    );
  });
});

describe("deductions", () => {
  test("the full score less per × count, never below 0, never rising with the count", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom(
          "按时报送得满分，每迟报1次扣{p}分，扣完为止",
          "每迟报一次扣{p}分，扣完为止。",
          "按要求报送的得满分；每漏报1次，扣{p}分",
        ),
        (p, w, tpl) => {
          const rule = parseRule(tpl.replace("{p}", dec(p)));
          expect(rule.kind).toBe("deduction");
          let last = Infinity;
          for (let n = 0; n <= 12; n++) {
            const got = scoreOf(rule, `${n}次`, { weight: w / 10 });
            expect(got).toBe(Math.max(0, w - p * n) / 10);
            expect(got).toBeLessThanOrEqual(last);
            last = got;
          }
        },
      ),
      RUNS,
    );
  });
});

describe("growth with base ± steps", () => {
  test("clamped base ± whole points, from the rate or from two levels", () => {
    fc.assert(
      fc.property(
        fc.record({
          t: fc.integer({ min: 1, max: 30 }),
          b: fc.integer({ min: 10, max: 50 }),
          up: fc.integer({ min: 1, max: 10 }),
          down: fc.integer({ min: 1, max: 10 }),
          extra: fc.integer({ min: 0, max: 30 }),
        }),
        fc.array(fc.integer({ min: -300, max: 800 }), { minLength: 4, maxLength: 10 }),
        ({ t, b, up, down, extra }, probes) => {
          const c = b + extra;
          const text = `较上年增长${t}%得基本分${dec(b)}分，每增加1个百分点加${dec(up)}分，每减少1个百分点减${dec(down)}分，最高${dec(c)}分，最低0分`;
          const rule = parseRule(text);
          expect(rule.kind).toBe("growth");
          let last = -1;
          for (const g10 of [...probes, t * 10, t * 10 - 1, t * 10 + 10].sort((x, y) => x - y)) {
            // g10: the growth in tenths of a point
            const k = Math.trunc((g10 - t * 10) / 10);
            const want = Math.max(0, Math.min(c, b + (k >= 0 ? up : down) * k)) / 10;
            const got = scoreOf(rule, `${dec(g10)}%`);
            expect(got).toBe(want);
            expect(got).toBeGreaterThanOrEqual(last);
            last = got;
            // the same growth from two levels: 1000 last year, 1000 × (1 + g) this year
            const now = Rational.of(1000).mul(Rational.fraction(1000 + g10, 1000));
            if (now.sign() >= 0) expect(scoreOf(rule, `${now.toDecimalString()}万元`, { previousInput: { v: "1000万元" } })).toBe(want);
          }
          for (const s of [b, c].map((x) => x / 10)) checkNeeded(rule, s, 1, "%");
        },
      ),
      RUNS,
    );
  });
});

describe("base ± steps both ways, bounded around the base (椒江区 自评表's form)", () => {
  test("'X%以上，得基本分；每增减s个百分点加减p分；最高加减分不得超过b分': W at X, whole steps either way, never past W ± b", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(0.5, 1, 2),
        fc.constantFrom(0.5, 1, 2),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 10, max: 30 }),
        fc.integer({ min: 0, max: 400 }),
        (x, s, p, b, w, tenths) => {
          const rule = parseRule(
            `1.研发经费占销售收入总额的${x}%以上，得基本分；每增减${s}个百分点加减${p}分；2.最高加减分不得超过${b}分。`,
          );
          const v = tenths / 10;
          const r = rule.score({ v: `${v}%` }, { weight: w });
          const steps = Math.trunc(Math.round(((v - x) / s) * 1e9) / 1e9);
          const want = Math.max(0, w + Math.max(-b, Math.min(b, steps * p)));
          expect(r).toMatchObject({ status: "exact", score: Math.round(want * 100) / 100 });
        },
      ),
      { numRuns: 150 },
    );
  });
});
