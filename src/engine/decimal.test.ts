import { Rational, ceilTo, excelRound } from "./decimal";

describe("excelRound rounds like Excel's ROUND, half away from zero, on the decimal as written", () => {
  test.each([
    [5.025, 5.03],
    [2.3975, 2.4],
    [2.675, 2.68],
    [-2.675, -2.68],
    [1.005, 1.01],
    [0.285, 0.29],
    [-0.285, -0.29],
    [3.37225, 3.37],
    [2.5, 2.5],
    [0, 0],
  ])("%p → %p", (x, r) => {
    expect(excelRound(x)).toBe(r);
  });

  test("from strings and rationals too", () => {
    expect(excelRound("5.025")).toBe(5.03);
    expect(excelRound(Rational.fraction(17, 6))).toBe(2.83); // 2.8333…
    expect(excelRound("2.5", 0)).toBe(3);
    expect(excelRound("-2.5", 0)).toBe(-3);
    expect(excelRound("1234.5678", 3)).toBe(1234.568);
  });

  test("binary floating point would get these wrong", () => {
    expect((2.675).toFixed(2)).toBe("2.67"); // what careless code prints
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(excelRound(2.675)).toBe(2.68);
    expect(excelRound(1.005)).toBe(1.01);
    expect(excelRound(Rational.of(20.5).sub(20).div(20).add(5))).toBe(5.03); // 20.50% under 40%-20%（6-5分）
  });
});

describe("Rational", () => {
  test("a JS number is the decimal its shortest string shows: 0.0035 is exactly 35/10000", () => {
    const r = Rational.of(0.0035);
    expect([r.n, r.d]).toEqual([7n, 2000n]);
    expect(Rational.of(0.1).add(0.2).eq("0.3")).toBe(true);
    expect(Rational.of(1e-7).toDecimalString()).toBe("0.0000001");
    expect(Rational.of(1.5e21).toDecimalString()).toBe("1500000000000000000000");
  });

  test("arithmetic and comparison are exact", () => {
    const a = Rational.of("2489").sub(1000).div(4000).add(3);
    expect(a.toDecimalString()).toBe("3.37225");
    expect(Rational.of("1").div(3).mul(3).eq(1)).toBe(true);
    expect(Rational.of("-1.5").compare("-1.4")).toBe(-1);
    expect(Rational.of("2").compare(2)).toBe(0);
    expect(Rational.of("-0.5").abs().toNumber()).toBe(0.5);
    expect(() => Rational.of(1).div(0)).toThrow(RangeError);
    expect(() => Rational.of("1,5")).toThrow(SyntaxError);
    expect(() => Rational.of(NaN)).toThrow(RangeError);
  });

  test("ceilTo and floorTo round to a grid toward +∞ and −∞", () => {
    expect(Rational.fraction(11680, 7000).ceilTo(4).toDecimalString()).toBe("1.6686");
    expect(Rational.of("2560").ceilTo(4).toDecimalString()).toBe("2560");
    expect(Rational.of("-1.23456").ceilTo(2).toDecimalString()).toBe("-1.23");
    expect(Rational.of("-1.23456").floorTo(2).toDecimalString()).toBe("-1.24");
    expect(ceilTo("0.123401", 4)).toBe(0.1235);
  });

  test("toDecimalString with places pads and rounds", () => {
    expect(Rational.of("2.4").toDecimalString(2)).toBe("2.40");
    expect(Rational.fraction(26, 3).toDecimalString(6)).toBe("8.666667");
    expect(Rational.of("-0.001").toDecimalString(2)).toBe("0.00");
  });

  test("toNumber is the nearest double", () => {
    expect(Rational.of("5.03").toNumber()).toBe(5.03);
    expect(Rational.fraction(1, 3).toNumber()).toBe(1 / 3);
    expect(Rational.fraction(10n ** 30n + 1n, 10n ** 30n).toNumber()).toBe(1);
  });
});
