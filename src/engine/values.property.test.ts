/**
 * The short road of the value reader ("2489万元" in a 万元 rule, "0.35%", "28") gives exactly the
 * reading of the full reader, for texts near it: digits and points, the rule's unit and others,
 * spaces, brackets, qualifier and placeholder words, full-width characters. Any text the short
 * road does not take goes to the full reader, so the two must agree on every text.
 */
import fc from "fast-check";
import { readValue, readValueFully } from "./values";

const RULE_UNITS = [null, "万元", "%", "家", "件/万人", "个", "项", "亿元", "元", "万", "人次", "‰", "家企业", "千家", "场"];

const PIECES = [
  "0",
  "1",
  "2",
  "9",
  "00",
  "2489",
  ".",
  "..",
  "万元",
  "万",
  "元",
  "亿元",
  "%",
  "‰",
  "家",
  "个",
  "件/万人",
  "件",
  "/万人",
  "人次",
  "场",
  "企业",
  "千家",
  "约",
  "预计",
  "左右",
  "余",
  "多",
  "（",
  "）",
  "(",
  ")",
  " ",
  "\u3000",
  "，",
  ",",
  "-",
  "—",
  "暂无",
  "无",
  "２",
  "．",
  "萬",
  "人民币",
  "年",
  "万美元",
  "万园",
  "其中",
];

const textArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
/** mostly the common shape: digits, maybe a fraction, then a unit */
const plainArb = fc
  .tuple(
    fc.stringMatching(/^\d{1,6}$/),
    fc.option(fc.stringMatching(/^\d{1,4}$/)),
    fc.constantFrom("", ...RULE_UNITS.filter((u) => u !== null)),
  )
  .map(([i, f, u]) => `${i}${f === null ? "" : `.${f}`}${u}`);

function same(text: string, unit: string | null): void {
  const fast = readValue({ v: text }, unit);
  const full = readValueFully({ v: text }, unit);
  expect({ ...fast, value: fast.status === "value" ? fast.value.toDecimalString() : undefined }).toEqual({
    ...full,
    value: full.status === "value" ? full.value.toDecimalString() : undefined,
  });
}

describe("a value cell reads the same by the short road as by the full reader", () => {
  it("“2489万元”, “0.35%”, “28” and every plain number in any rule unit", () => {
    fc.assert(
      fc.property(plainArb, fc.constantFrom(...RULE_UNITS), (text, unit) => same(text, unit)),
      { numRuns: 3000 },
    );
  });

  it("texts made of numbers, units, brackets, spaces and words around them", () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom(...RULE_UNITS), (text, unit) => same(text, unit)),
      { numRuns: 3000 },
    );
  });

  it("2489万元 under a 万元 rule is 2489 in 万元, and 28 is a number without a unit", () => {
    expect(readValue({ v: "2489万元" }, "万元")).toMatchObject({ status: "value", unit: "万元" });
    expect(readValue({ v: "28" }, "家")).toMatchObject({ status: "value", unit: null });
    expect(readValue({ v: "2489元" }, "万元")).toMatchObject({ status: "error" });
  });
});
