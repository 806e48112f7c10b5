import fc from "fast-check";
import { fmt } from "./fmt";

/** What the messages showed before the shortcut: rounded to 6 places, then the shortest form. */
const rounded = (x: number) => String(Number(x.toFixed(6)));

describe("fmt: a number in a message", () => {
  it("3.37, 2489 and 1/3 show as 3.37, 2489 and 0.333333", () => {
    expect(fmt(3.37)).toBe("3.37");
    expect(fmt(2489)).toBe("2489");
    expect(fmt(1 / 3)).toBe("0.333333");
    expect(fmt(0.1 + 0.2)).toBe("0.3");
    expect(fmt(-0)).toBe("0");
    expect(fmt(-0.05)).toBe("-0.05");
    expect(fmt(12.3)).toBe("12.3");
    expect(fmt(-999999999.99)).toBe("-999999999.99");
    expect(fmt(1e-7)).toBe("0");
    expect(fmt(1234567890.1234567)).toBe("1234567890.123457");
  });

  it("shows every number as rounding it to 6 places does", () => {
    const decimals = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 9 })).map(([n, k]) => n / 10 ** k);
    fc.assert(
      fc.property(fc.oneof(decimals, fc.double({ noNaN: false }), fc.double({ min: -1e10, max: 1e10 })), (x) => {
        expect(fmt(x)).toBe(rounded(x));
      }),
      { numRuns: 20000 },
    );
  });
});
