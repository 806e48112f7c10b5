/**
 * Pieces of an indicator row's scoring that read text in place instead of through a pattern: each
 * must read exactly what the pattern it replaces read.
 */
import fc from "fast-check";
import { placesInText } from "./score-row";

/** the reading placesInText replaces: the first /\d+(?:\.\d+)?/ of the half-width text, its places */
function byPattern(text: string): number | null {
  const half = text.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const m = /\d+(?:\.\d+)?/.exec(half);
  if (!m) return null;
  const dot = m[0].indexOf(".");
  return dot < 0 ? 0 : m[0].length - dot - 1;
}

describe("a value text's decimal places (the row's precision)", () => {
  it("are those of its first number, as the pattern on the half-width text reads them", () => {
    // value cells as people write them: digits of both widths, points of both widths, units, signs, stray dots
    const piece = fc.constantFrom("0", "7", "12", "３", "５０", ".", "．", "..", "万元", "家", "%", "-", " ", "约", "e3", "个");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 10 }).map((p) => p.join("")),
        (text) => {
          expect(placesInText(text)).toBe(byPattern(text));
        },
      ),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => expect(placesInText(text)).toBe(byPattern(text))),
      { numRuns: 2000 },
    );
  });

  it("reads 2489.5万元 as 1, 27家 as 0, ３．５ as 1, 0.35% as 2, and 暂无 as none", () => {
    expect(placesInText("2489.5万元")).toBe(1);
    expect(placesInText("27家")).toBe(0);
    expect(placesInText("３．５")).toBe(1);
    expect(placesInText("0.35%")).toBe(2);
    expect(placesInText("12.家")).toBe(0);
    expect(placesInText("暂无")).toBeNull();
  });
});
