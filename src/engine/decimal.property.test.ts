/**
 * Rational keeps small values as doubles and large ones as BigInts. Both roads must give the
 * exact results of plain BigInt fractions: here every operation is checked against a reference
 * written directly on BigInt, over decimals from the everyday ("2489", "3.37225") to ones whose
 * products pass 2^53 (where a double stops being exact) and beyond.
 */
import fc from "fast-check";
import { DecimalSum, Rational } from "./decimal";

/** the reference: a reduced BigInt fraction */
interface Ref {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function ref(n: bigint, d: bigint): Ref {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

function refOf(text: string): Ref {
  const [int, frac = ""] = text.replace("-", "").split(".");
  const r = ref(BigInt(int + frac), 10n ** BigInt(frac.length));
  return text.startsWith("-") ? { n: -r.n, d: r.d } : r;
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n < 0n && q * d !== n ? q - 1n : q;
}

/** half away from zero at `places`, as the whole number of 10^-places */
function roundScaled(r: Ref, places: number): bigint {
  const an = r.n < 0n ? -r.n : r.n;
  const q = (2n * an * 10n ** BigInt(places) + r.d) / (2n * r.d);
  return r.n < 0n ? -q : q;
}

function decimalText(scaled: bigint, places: number): string {
  const neg = scaled < 0n;
  let s = (neg ? -scaled : scaled).toString().padStart(places + 1, "0");
  if (places > 0) s = s.slice(0, -places) + "." + s.slice(-places);
  return (neg && scaled !== 0n ? "-" : "") + s;
}

function same(x: Rational, r: Ref): void {
  expect([x.n, x.d]).toEqual([r.n, r.d]);
}

/** decimals of every size: few digits (a cell), up to 22 digits (past 2^53), signed, with up to 12 places */
const decimalArb = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,21}$|^0$/), fc.stringMatching(/^\d{0,12}$/))
  .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`);

describe("Rational is exact on both of its roads (doubles below 2^53, BigInt above)", () => {
  it("reads a decimal text as the reduced fraction it writes", () => {
    fc.assert(
      fc.property(decimalArb, (a) => same(Rational.parse(a), refOf(a))),
      { numRuns: 2000 },
    );
  });

  it("adds, subtracts, multiplies, divides and compares like BigInt fractions", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        const x = Rational.parse(a);
        const y = Rational.parse(b);
        const p = refOf(a);
        const q = refOf(b);
        same(x.add(y), ref(p.n * q.d + q.n * p.d, p.d * q.d));
        same(x.sub(y), ref(p.n * q.d - q.n * p.d, p.d * q.d));
        same(x.mul(y), ref(p.n * q.n, p.d * q.d));
        if (q.n !== 0n) same(x.div(y), ref(p.n * q.d, p.d * q.n));
        const l = p.n * q.d;
        const r = q.n * p.d;
        expect(x.compare(y)).toBe(l < r ? -1 : l > r ? 1 : 0);
      }),
      { numRuns: 3000 },
    );
  });

  it("rounds half away from zero, ceils and floors to places, and prints, like BigInt fractions", () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, fc.integer({ min: 0, max: 18 }), (a, b, places) => {
        const p = refOf(a);
        const q = refOf(b);
        if (q.n === 0n) return;
        const x = Rational.parse(a).div(Rational.parse(b));
        const r = ref(p.n * q.d, p.d * q.n);
        const scale = 10n ** BigInt(places);
        same(x.roundHalfAwayFromZero(places), ref(roundScaled(r, places), scale));
        const f = floorDiv(r.n * scale, r.d);
        same(x.floorTo(places), ref(f, scale));
        same(x.ceilTo(places), ref(f * r.d === r.n * scale ? f : f + 1n, scale));
        expect(x.toDecimalString(places)).toBe(decimalText(roundScaled(r, places), places));
        expect(x.sign()).toBe(r.n < 0n ? -1 : r.n > 0n ? 1 : 0);
        expect(x.isInteger()).toBe(r.d === 1n);
        // written exactly in `places` decimals exactly when 10^places is a multiple of the denominator
        expect(x.fitsPlaces(places)).toBe(scale % r.d === 0n);
      }),
      { numRuns: 3000 },
    );
  });

  it("2489万元 under “5000-1000万元（4-3分）” scores 3.37225, printed exactly and rounded to 3.37", () => {
    const s = Rational.parse("2489").sub(1000).mul(Rational.parse("4").sub(3)).div(4000).add(3);
    expect(s.toDecimalString()).toBe("3.37225");
    expect(s.roundHalfAwayFromZero(2).toNumber()).toBe(3.37);
    // past 2^53 the BigInt road takes over and stays exact
    const big = Rational.parse("9007199254740993").mul(3);
    expect(big.toDecimalString()).toBe("27021597764222979");
  });
});

describe("a JS number is read as the decimal String() prints for it", () => {
  const numberArb = fc.oneof(
    // the cells' and scores' decimals: few places
    fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 8 })).map(([k, p]) => k / 10 ** p),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  );
  it("fromNumber(x) is parse(String(x)) for every finite double", () => {
    fc.assert(
      fc.property(numberArb, (x) => {
        const r = Rational.fromNumber(x);
        const s = Rational.parse(String(x));
        expect([r.n, r.d]).toEqual([s.n, s.d]);
        expect(r.toDecimalString()).toBe(s.toDecimalString());
      }),
      { numRuns: 5000 },
    );
  });

  it("DecimalSum is the nearest double to the exact sum of the parts' decimals, on either road", () => {
    // scores (≤ 6 places, the millionths road), any double (the Rational road), and mixes of both
    const scoreArb = fc
      .tuple(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([k, p]) => k / 10 ** p);
    fc.assert(
      fc.property(fc.array(fc.oneof(scoreArb, scoreArb, numberArb), { maxLength: 40 }), (xs) => {
        const sum = new DecimalSum();
        for (const x of xs) sum.add(x);
        const exact = xs.reduce((s, x) => s.add(Rational.fromNumber(x)), Rational.ZERO);
        expect(Object.is(sum.toNumber(), exact.toNumber())).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("DecimalSum adds 0.1 and 0.2 to 0.3, and 5.025 × 3 to 15.075, as the decimals do", () => {
    expect(new DecimalSum().add(0.1).add(0.2).toNumber()).toBe(0.3);
    expect(new DecimalSum().add(5.025).add(5.025).add(5.025).toNumber()).toBe(15.075);
    expect(new DecimalSum().add(1e-7).add(0.1).toNumber()).toBe(0.1000001);
    expect(new DecimalSum().toNumber()).toBe(0);
  });

  it("prints 3.37225, 0.0035, -2.5 and 1e-7 as written", () => {
    for (const [x, t] of [
      [3.37225, "3.37225"],
      [0.0035, "0.0035"],
      [-2.5, "-2.5"],
      [1e-7, "0.0000001"],
      [0.1 + 0.2, "0.30000000000000004"],
    ] as const) {
      expect(Rational.fromNumber(x).toDecimalString()).toBe(t);
    }
  });
});
