/**
 * The command line's UTF-8 road (zip-node.ts decodeUtf8: Latin-1 for ASCII, ICU's transcode for
 * valid UTF-8) must give exactly what TextDecoder gives — for any text, with or without a BOM,
 * and for broken bytes (which it leaves to TextDecoder).
 */
import fc from "fast-check";
import { decodeUtf8 } from "./zip-node";

const reference = (b: Uint8Array) => new TextDecoder("utf-8").decode(b);
const BOM = [0xef, 0xbb, 0xbf];

describe("decodeUtf8: the command line's UTF-8 decoding", () => {
  test("a shared-strings text in Chinese, an emoji and a CJK Extension B character read as written", () => {
    const text = '<si><t xml:space="preserve">高新技术企业数量（家）😀𠀀 ≧10000万元</t></si>';
    expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
    expect(decodeUtf8(new Uint8Array([...BOM, ...new TextEncoder().encode("分工表")]))).toBe("分工表");
    expect(decodeUtf8(new Uint8Array([...BOM, ...BOM]))).toBe(reference(new Uint8Array([...BOM, ...BOM])));
    expect(decodeUtf8(new Uint8Array(0))).toBe("");
  });

  test("decodes every text, with or without a BOM, as TextDecoder does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.boolean(), (s, bom) => {
        const bytes = new TextEncoder().encode(s);
        const all = bom ? new Uint8Array([...BOM, ...bytes]) : bytes;
        expect(decodeUtf8(all)).toBe(reference(all));
      }),
      { numRuns: 3000 },
    );
  });

  test("decodes broken bytes (overlong, surrogates, cut sequences, stray continuations) as TextDecoder does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(decodeUtf8(b)).toBe(reference(b));
      }),
      { numRuns: 5000 },
    );
    for (const broken of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe4, 0xbd],
      [0x80, 0x41],
      [0xf4, 0x90, 0x80, 0x80],
      [0xef, 0xbb],
    ]) {
      const b = new Uint8Array(broken);
      expect(decodeUtf8(b)).toBe(reference(b));
    }
  });

  test("a view into a larger buffer decodes only its own bytes", () => {
    const whole = new TextEncoder().encode("前缀分工表后缀");
    const view = whole.subarray(6, 15);
    expect(decodeUtf8(view)).toBe("分工表");
  });
});
