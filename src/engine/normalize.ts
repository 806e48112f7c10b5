/**
 * The one normaliser in front of every rule kind and every value: what a typist varies
 * (full-width characters, ≧ vs >=, 至 vs ～ vs -, line breaks, thousands separators)
 * becomes one spelling, so the parsers only ever see one form.
 */
import { withArabicNumerals } from "./numerals";

/**
 * Character-for-character folding (the output has the same length as the input, so offsets
 * still point into the text as written): full-width ASCII → half-width, ideographic space → space,
 * ≧ ≥ → "≥", ≦ ≤ → "≤", dashes and tildes (– — － ～ ~ 〜 至) → "-", ． → ".".
 */
export function foldChars(text: string): string {
  // most texts hold nothing to fold: one scan instead of three replacements
  if (!FOLDABLE.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(FOLDED, (c) => CHAR_MAP[c])
    .replace(JOINER_ZHI, "-");
}

/**
 * "至" joins a range ("10000至5000万元") but is also part of words that join nothing: 至少, 至今,
 * 至多, 至于, 以至, 甚至, 乃至, 直至, 截至, 至关, 至此 — those keep their "至".
 */
const JOINER_ZHI = /(?<![以甚乃直截])至(?![少今多于关此])/g;

const CHAR_MAP: Record<string, string> = {
  "\u3000": " ",
  "\u00a0": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "≧": "≥",
  "≥": "≥",
  "≦": "≤",
  "≤": "≤",
  "–": "-",
  "—": "-",
  "―": "-",
  "‒": "-",
  "−": "-",
  "~": "-",
  "〜": "-",
  "【": "[",
  "】": "]",
  "〔": "[",
  "〕": "]",
};

const FOLDED = new RegExp(`[${Object.keys(CHAR_MAP).join("")}]`, "g");
/** any character foldChars changes: full-width ASCII, CHAR_MAP's keys, 至 */
const FOLDABLE = new RegExp(`[\\uff01-\\uff5e${Object.keys(CHAR_MAP).join("")}至]`);

/**
 * Like `unifyWords` but keeps every offset: ">=" → "≥ ", "大于等于" → "≥   ", "10 to 5" → "10 - 5".
 * Used where a parser cuts the text as written into segments.
 */
export function unifyWordsSameLength(folded: string): string {
  const pad = (m: string, to: string) => to + " ".repeat(m.length - to.length);
  return folded
    .replace(/>=|=>|大于或等于|大于等于|不低于|不少于/g, (m) => pad(m, "≥"))
    .replace(/<=|=<|小于或等于|小于等于/g, (m) => pad(m, "≤"))
    .replace(/(?<=[\d%\u4e00-\u9fff/)\]])(\s*)to(?=\s*\d)/gi, (_m, sp: string) => sp + "- ");
}

/** Drops the thousands separators of numbers: "15,558" → "15558", "1,000,000" → "1000000". */
export function dropThousandsSeparators(text: string): string {
  return text.replace(/(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])/g, (m) => m.replace(/,/g, ""));
}

/**
 * Multi-character spellings of comparisons and joiners, on folded text:
 * ">=", "大于等于", "大于或等于", "不低于", "不少于" → "≥"; "<=", "小于等于", "不高于", "不超过" (before a number) → "≤";
 * "to" between numbers → "-"; runs of joiners ("--") → "-".
 */
export function unifyWords(text: string): string {
  return text
    .replace(/>=|=>|大于或等于|大于等于|不低于|不少于/g, "≥")
    .replace(/<=|=<|小于或等于|小于等于/g, "≤")
    .replace(/(?<=[\d%\u4e00-\u9fff/)\]])\s*to\s*(?=[\d\s])/gi, "-")
    .replace(/-{2,}/g, "-");
}

/** Removes every whitespace character (spaces, tabs, line breaks). */
export function dropSpaces(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * The full normal form used to compare and parse: folded characters, unified words,
 * no thousands separators, no whitespace. Not length-preserving.
 */
export function normalize(text: string): string {
  return dropSpaces(dropThousandsSeparators(unifyWords(foldChars(text))));
}

const WIDE = /[\uff01-\uff5e\u3000【】]/;

/** Normal form of a value cell's text: like `normalize`, but "-" stays a minus (a value names no range). */
export function normalizeValueText(text: string): string {
  // In a value, 至/～ would join a range the value cannot have; keep them as written so the
  // reader reports "several numbers" instead of reading a minus sign.
  // most values hold no full-width character: the text is used as it is
  let out = text;
  if (WIDE.test(text)) {
    out = "";
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      const half = c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
      out += half === "\u3000" ? " " : half === "【" ? "[" : half === "】" ? "]" : half;
    }
  }
  // "五十家" is 50家 (numerals right before a unit or classifier only: src/engine/numerals.ts)
  out = withArabicNumerals(out);
  // "2489 2557" is two numbers, not 24892557
  return dropSpaces(dropThousandsSeparators(out.replace(/(?<=\d)\s+(?=\d)/g, "、")));
}
