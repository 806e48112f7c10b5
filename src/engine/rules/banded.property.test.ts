/**
 * Properties of banded rules, over random well-formed rules written the many ways typists write them:
 * the reading recovers the bands; the score never leaves [0, max], never falls as the value rises,
 * does not jump at band edges; and `required` is the smallest 4-decimal value that scores back.
 */
import fc from "fast-check";
import { Rational } from "../decimal";
import { parseRule } from "../index";
import type { BandedRule } from "./banded";
import { explained } from "../../../test/helpers/explained";

interface Shape {
  /** thresholds t1 < … < tk in hundredths */
  cents: number[];
  /** score increments in tenths (s1, s2-s1, …), all > 0 */
  tenths: number[];
}

interface Style {
  unit: string;
  ge: string;
  joiner: string;
  full: boolean;
  sep: string;
  /** where the unit goes in a range: after both numbers, after the last, or only in the top band */
  unitAt: "both" | "last" | "top";
  bottomAsRange: boolean;
  ascending: boolean;
  lowHigh: boolean;
  scoreLowHigh: boolean;
  fenTwice: boolean;
  thousands: boolean;
  gaps: string[];
}

const shapeArb: fc.Arbitrary<Shape> = fc.integer({ min: 1, max: 4 }).chain((k) =>
  fc.record({
    cents: fc.uniqueArray(fc.integer({ min: 1, max: 2_000_000 }), { minLength: k, maxLength: k }).map((a) => [...a].sort((x, y) => x - y)),
    tenths: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: k, maxLength: k }),
  }),
);

const styleArb: fc.Arbitrary<Style> = fc.record({
  unit: fc.constantFrom("万元", "%", "家", "件/万人", ""),
  ge: fc.constantFrom("≧{}", "≥{}", ">={}", "{}以上", "{}及以上", "大于等于{}", "≥{}以上"),
  joiner: fc.constantFrom("-", "–", "—", "－", "～", "~", "至", " to "),
  full: fc.boolean(),
  sep: fc.constantFrom("；", ";", "；\n", "\n", "，", ",", "。", ""),
  unitAt: fc.constantFrom("both" as const, "last" as const, "top" as const),
  bottomAsRange: fc.boolean(),
  ascending: fc.boolean(),
  lowHigh: fc.boolean(),
  scoreLowHigh: fc.boolean(),
  fenTwice: fc.boolean(),
  thousands: fc.boolean(),
  gaps: fc.array(fc.constantFrom("", "", "", " ", "\n", " \n "), { minLength: 64, maxLength: 64 }),
});

const FULL = "０１２３４５６７８９";

function num(x: Rational, st: Style): string {
  let s = x.toDecimalString();
  if (st.thousands) s = s.replace(/^(\d+)/, (i) => i.replace(/\B(?=(\d{3})+$)/g, ","));
  return st.full ? s.replace(/\d/g, (d) => FULL[Number(d)]).replace(/,/g, "，") : s;
}

/** Renders the rule text; `gap()` puts a random space or line break between tokens. */
function render(shape: Shape, st: Style): string {
  let g = 0;
  const gap = () => st.gaps[g++ % st.gaps.length];
  const open = st.full ? "（" : "(";
  const close = st.full ? "）" : ")";
  const t = shape.cents.map((c) => Rational.fraction(c, 100));
  const s: Rational[] = [];
  shape.tenths.reduce((acc, d) => {
    const next = acc.add(Rational.fraction(d, 10));
    s.push(next);
    return next;
  }, Rational.ZERO);
  const k = t.length;
  const u = st.unit;
  const scores = (lo: Rational, hi: Rational) => {
    const [a, b] = st.scoreLowHigh ? [lo, hi] : [hi, lo];
    return (
      open +
      gap() +
      num(a, st) +
      (st.fenTwice ? "分" : "") +
      gap() +
      st.joiner.replace(/ /g, "") +
      gap() +
      num(b, st) +
      "分" +
      gap() +
      close
    );
  };
  const range = (lo: Rational, hi: Rational, sLo: Rational, sHi: Rational) => {
    const [a, b] = st.lowHigh ? [lo, hi] : [hi, lo];
    const first = num(a, st) + (st.unitAt === "both" ? gap() + u : "");
    const second = num(b, st) + (st.unitAt !== "top" || b.isZero() ? gap() + (b.isZero() && st.unitAt !== "both" ? "" : u) : "");
    return first + gap() + st.joiner + gap() + second + gap() + scores(sLo, sHi);
  };
  const segs: string[] = [];
  // bottom band: "t1以下（s1-0分）" or "t1-0（s1-0分）"
  segs.push(
    st.bottomAsRange
      ? range(Rational.ZERO, t[0], Rational.ZERO, s[0])
      : num(t[0], st) + gap() + (st.unitAt === "top" ? "" : u) + gap() + "以下" + gap() + scores(Rational.ZERO, s[0]),
  );
  for (let i = 0; i + 1 < k; i++) segs.push(range(t[i], t[i + 1], s[i], s[i + 1]));
  segs.push(st.ge.replace("{}", num(t[k - 1], st) + gap() + u) + gap() + open + num(s[k - 1], st) + "分" + close);
  if (!st.ascending) segs.reverse();
  return segs.join(st.sep + gap());
}

function expectedBands(shape: Shape): [number, number | null, number, number][] {
  const t = shape.cents.map((c) => c / 100);
  const s: number[] = [];
  shape.tenths.reduce((acc, d) => {
    s.push((acc + d) / 10);
    return acc + d;
  }, 0);
  const out: [number, number | null, number, number][] = [[0, t[0], 0, s[0]]];
  for (let i = 0; i + 1 < t.length; i++) out.push([t[i], t[i + 1], s[i], s[i + 1]]);
  out.push([t[t.length - 1], null, s[s.length - 1], s[s.length - 1]]);
  return out;
}

const ruleArb = fc.tuple(shapeArb, styleArb).map(([shape, style]) => ({ shape, style, text: render(shape, style) }));

function banded(text: string): BandedRule {
  const r = parseRule(text);
  if (r.kind !== "banded") throw new Error(`not banded: ${text}`);
  return r as BandedRule;
}

/** a value somewhere from 0 to twice the top threshold, in ten-thousandths */
function valueIn(shape: Shape, frac: number): Rational {
  const top = shape.cents[shape.cents.length - 1] * 2;
  return Rational.fraction(Math.round(top * frac * 100), 10000);
}

const RUNS = { numRuns: 300 };

describe("random banded rules, written any way a typist might", () => {
  test("reading the text recovers the bands and the unit", () => {
    fc.assert(
      fc.property(ruleArb, ({ shape, style, text }) => {
        const r = banded(text);
        expect(r.bands.map((b) => [b.low, b.high, b.lowScore, b.highScore])).toEqual(expectedBands(shape));
        expect(r.unit).toBe(style.unit === "" ? null : style.unit.replace(/％/, "%"));
        expect(r.max).toBe(expectedBands(shape)[shape.cents.length][2]);
      }),
      RUNS,
    );
  });

  test("the score stays within [0, max] and never falls as the value rises", () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ shape, text }, f1, f2) => {
          const r = banded(text);
          const [a, b] = [valueIn(shape, Math.min(f1, f2)), valueIn(shape, Math.max(f1, f2))];
          const sa = r.exactScore(a)!;
          const sb = r.exactScore(b)!;
          expect(sa.ge(0) && sa.le(r.max!)).toBe(true);
          expect(sa.le(sb)).toBe(true);
          const ra = r.score({ v: a.toNumber() });
          const rb = r.score({ v: b.toNumber() });
          expect(ra.status === "exact" && rb.status === "exact" && ra.score <= rb.score && rb.score <= r.max!).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test("the score does not jump at a band edge", () => {
    const eps = Rational.fraction(1, 1_000_000);
    fc.assert(
      fc.property(ruleArb, ({ text }) => {
        const r = banded(text);
        for (const b of r.bands) {
          const edge = Rational.of(b.low);
          const at = r.exactScore(edge)!;
          const above = r.exactScore(edge.add(eps))!;
          expect(above.sub(at).abs().le("0.001")).toBe(true);
          if (edge.gt(0)) {
            const below = r.exactScore(edge.sub(eps))!;
            expect(at.sub(below).abs().le("0.001")).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  test("required(s) is the smallest 4-decimal value whose unrounded score reaches s", () => {
    fc.assert(
      fc.property(ruleArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ text }, f) => {
        const r = banded(text);
        const s = Rational.of(Math.round(r.max! * f * 100) / 100);
        const need = r.required(s.toNumber());
        expect(need).not.toBeNull();
        const v = Rational.of(need!);
        expect(v.ceilTo(4).eq(v)).toBe(true); // at most 4 decimals
        expect(r.exactScore(v)!.ge(s)).toBe(true);
        if (v.ge("0.0001")) expect(r.exactScore(v.sub("0.0001"))!.lt(s)).toBe(true);
        expect(r.required(Rational.of(r.max!).add("0.01").toNumber())).toBeNull();
      }),
      RUNS,
    );
  });

  test("a value written with the rule's unit scores what the number does", () => {
    fc.assert(
      fc.property(ruleArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ shape, style, text }, f) => {
        const r = banded(text);
        const v = valueIn(shape, f);
        const asText = r.score({ v: v.toDecimalString() + style.unit });
        const asNumber = r.score({ v: v.toNumber() });
        expect(explained(asText)).toEqual(explained(asNumber));
        expect(asNumber).toMatchObject({ status: "exact", score: r.exactScore(v)!.roundHalfAwayFromZero(2).toNumber() });
      }),
      RUNS,
    );
  });
});
