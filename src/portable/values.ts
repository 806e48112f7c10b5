/**
 * A text value cell ("2489万元") as a number whose number format shows exactly what the cell
 * showed, so a formula can read it and a reader loses nothing. Pure: no ExcelJS.
 *
 * Rules:
 * - The number is the one the engine reads from the text (the caller passes the engine's value, in
 *   the rule's unit); it must appear in the text as written, in ASCII digits. Everything before it
 *   and after it becomes literal text in the format: "2.23家（工商企业注册15558家）" → 2.23 with
 *   0.00"家（工商企业注册15558家）"; "研发机构32家占15.14%" → 0.1514 with "研发机构32家占"0.00%.
 * - The decimals shown are kept exactly ("0.50%" → 0.00%, "3.5家" → 0.0"家"), thousands
 *   separators too ("15,558家" → #,##0"家"), a missing leading zero too (".5" → #.0).
 * - A half-width "%" right after the number becomes the format's own percent sign and the number a
 *   real percentage: "0.35%" → 0.0035 with 0.00%. That is what Excel does when a person types
 *   0.35%, so typing 0.5% into the cell later gives what they expect, and the engine (which reads
 *   a number shown as a percentage as percent) and the formula (value*100) agree. A full-width "％"
 *   stays literal text ("0.35％" → 0.35 with 0.00"％"): a real percentage would print "%".
 * - Literal text goes in double quotes; a double quote in it becomes \" outside the quotes (a
 *   backslash inside quotes is literal in Excel and LibreOffice).
 * - Declined, with a reason in Chinese: the number the engine read is not written in the text as
 *   it is (a unit conversion like "1.2亿元" under 万元, or "3.5‰" under %), full-width digits
 *   (a format prints ASCII digits), line breaks, formats longer than Excel's 255 characters, and
 *   anything the format would not print back character for character.
 */
import { Rational } from "../engine/decimal";

export type TextConversion =
  | {
      ok: true;
      /** the number the cell will hold */
      number: number;
      /** its number format */
      numFmt: string;
      /** what the format shows for the number: always the original text */
      shown: string;
    }
  | { ok: false; reason: string; reasonEn: string };

/** ASCII numbers as a person writes them: 2489, 2.23, 15,558, .5 */
const NUMBER_TOKEN = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+/g;

/** Excel's limit on the length of a number format. */
const MAX_FORMAT_LENGTH = 255;

/** Literal text for a number format: quoted runs, a double quote escaped as \" outside the quotes. */
export function formatLiteral(text: string): string {
  if (text === "") return "";
  return text
    .split('"')
    .map((run) => (run === "" ? "" : `"${run}"`))
    .join('\\"');
}

/**
 * ExcelJS decides whether a number format is a date by looking for date letters outside "…" and
 * […], pairing quotes naively; a cell read back as a date would not be a number any more. A format
 * that trips this is declined.
 */
function looksLikeDateToExcelJS(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

interface Pattern {
  comma: boolean;
  noLeadingZero: boolean;
  decimals: number;
  percent: boolean;
}

function patternText(p: Pattern): string {
  const int = p.comma ? "#,##0" : p.noLeadingZero ? "#" : "0";
  return int + (p.decimals > 0 ? "." + "0".repeat(p.decimals) : "") + (p.percent ? "%" : "");
}

/** What our own formats print for a number (an independent check runs in LibreOffice, in the tests). */
export function renderNumber(x: number, p: Pattern): string {
  let r = Rational.fromNumber(x);
  if (p.percent) r = r.mul(100);
  let digits = r.toDecimalString(p.decimals);
  const neg = digits.startsWith("-");
  if (neg) digits = digits.slice(1);
  let [int, frac] = digits.split(".");
  if (p.comma) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (p.noLeadingZero && int === "0") int = "";
  return (neg ? "-" : "") + int + (frac !== undefined ? "." + frac : "") + (p.percent ? "%" : "");
}

const decline = (reason: string, reasonEn: string): TextConversion => ({ ok: false, reason, reasonEn });

/**
 * `text` is the value cell as it shows; `value` the number the engine reads from it, in the rule's
 * unit (for a "%" rule: 0.35 for "0.35%").
 */
export function convertTextValue(text: string, value: Rational | number): TextConversion {
  const v = value instanceof Rational ? value : Rational.fromNumber(value);
  if (/[\r\n\t]/.test(text)) return decline("文字中有换行，数字格式无法原样显示", "the text has line breaks a number format cannot show");
  if (/[\uff10-\uff19]/.test(text)) {
    return decline("文字中是全角数字，数字格式只能显示半角数字", "full-width digits cannot be shown by a number format");
  }
  for (const m of text.matchAll(NUMBER_TOKEN)) {
    const token = m[0];
    const start = m.index!;
    const n = Rational.parse(token.replace(/,/g, ""));
    if (!n.eq(v)) continue;
    const before = text.slice(0, start);
    let after = text.slice(start + token.length);
    const percent = after.startsWith("%");
    if (percent) after = after.slice(1);
    const dot = token.indexOf(".");
    const p: Pattern = {
      comma: token.includes(","),
      noLeadingZero: token.startsWith("."),
      decimals: dot < 0 ? 0 : token.length - dot - 1,
      percent,
    };
    const numFmt = formatLiteral(before) + patternText(p) + formatLiteral(after);
    const number = (percent ? n.div(100) : n).toNumber();
    const shown = before + renderNumber(number, p) + after;
    if (shown !== text) continue;
    if (numFmt.length > MAX_FORMAT_LENGTH) {
      return decline("文字太长，超出 Excel 数字格式的 255 个字符", "the text is longer than a number format can hold");
    }
    if (looksLikeDateToExcelJS(numFmt)) {
      return decline("文字中的英文双引号会让格式被误读为日期", "a double quote in the text would make the format read as a date");
    }
    return { ok: true, number, numFmt, shown };
  }
  return decline(
    `数值 ${v.toDecimalString()} 没有原样写在“${text}”中（如单位换算），转成数字后无法原样显示`,
    `the value ${v.toDecimalString()} is not written as such in "${text}" (a unit conversion?), so a number format cannot show the text as it was`,
  );
}
