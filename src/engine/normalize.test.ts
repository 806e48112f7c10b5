import { foldChars, normalize, normalizeValueText } from "./normalize";

describe("the normaliser turns what a typist varies into one spelling", () => {
  test("full-width digits, letters and punctuation become half-width, one character for one", () => {
    const s = "０１２３４５６７８９（）％，；：．ＡＢｃ";
    expect(foldChars(s)).toBe("0123456789()%,;:.ABc");
    expect(foldChars(s)).toHaveLength(s.length);
  });

  test.each([["≧"], ["≥"], [">="], ["大于等于"], ["大于或等于"], ["不低于"]])("%s becomes ≥", (ge) => {
    expect(normalize(`${ge}10000万元（5分）`)).toBe("≥10000万元(5分)");
  });

  test.each([["-"], ["–"], ["—"], ["－"], ["～"], ["~"], ["至"], [" to "], ["——"]])("%s joins a range as -", (j) => {
    expect(normalize(`10000${j}5000万元`)).toBe("10000-5000万元");
  });

  test("line breaks and spaces anywhere disappear; thousands separators go", () => {
    expect(normalize("≧ 10,000\n万元 （5\r\n分）")).toBe("≥10000万元(5分)");
    expect(normalize("1,000,000")).toBe("1000000");
    expect(normalize("（4,5分）")).toBe("(4,5分)"); // not a thousands separator
  });

  test("a value keeps numbers apart that only a space separates", () => {
    expect(normalizeValueText("２，４８９ 万元")).toBe("2489万元");
    expect(normalizeValueText("2489 2557")).toBe("2489、2557");
  });

  test.each([["至少"], ["至今"], ["以至"], ["甚至"], ["截至"], ["至多"]])("%s keeps its 至: it joins nothing", (w) => {
    expect(foldChars(`${w}3次`)).toBe(`${w}3次`);
    expect(normalize(`10${w === "以至" ? "至" : "至"}20家`)).toBe("10-20家");
  });
});
