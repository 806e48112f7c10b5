/** How explanations show an exact score: exact when it has at most 8 places, else 6 places and "…". */
import fc from "fast-check";
import { Rational } from "../decimal";
import { shortDecimal } from "./common";

/** what the explanations showed before the denominator was looked at: the text first, then its length */
function byText(x: Rational): string {
  const s = x.toDecimalString();
  const dot = s.indexOf(".");
  return dot < 0 || s.length - dot - 1 <= 8 ? s : x.toDecimalString(6) + "…";
}

describe("shortDecimal", () => {
  test("3.37225 stays exact, 1/3 shows as 0.333333…, 1/2^9 (9 places) as 0.001953…", () => {
    expect(shortDecimal(Rational.parse("3.37225"))).toBe("3.37225");
    expect(shortDecimal(Rational.ONE.div(3))).toBe("0.333333…");
    expect(shortDecimal(Rational.ONE.div(512))).toBe("0.001953…");
    expect(shortDecimal(Rational.parse("0.00390625"))).toBe("0.00390625");
  });

  test("is what the decimal text and its length say, for fractions of every kind", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.oneof(
          fc.bigInt({ min: 1n, max: 10n ** 12n }),
          // 2^a·5^b: decimals that end, some within 8 places and some past them
          fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(([a, b]) => 2n ** BigInt(a) * 5n ** BigInt(b)),
        ),
        (n, d) => {
          const x = Rational.of(n).div(Rational.of(d));
          expect(shortDecimal(x)).toBe(byText(x));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
