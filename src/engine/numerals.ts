/**
 * Counts and amounts typed in Chinese numerals in a value cell: "五十家", "两家", "十二项", "一百零五件",
 * "三千万元" read as 50家, 2家, 12项, 105件, 3000万元 (the numeral's value; the unit is read as ever).
 *
 * Only a numeral right before a unit or classifier, and not right after a digit, is a number: "一级",
 * "第一批", "十几家" (an estimate with no one value) and "一些" stay words, and "1000一元" (万 mistyped)
 * stays an error rather than 10001元. Positional digits ("二〇二〇") are not quantities here.
 */
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

// what may follow a count or an amount in a 分工表's value cell
// (not 期/批/条: "二期工程", "一批项目" name things rather than count them)
const FOLLOWS = "(?:家|个|项|件|人次|人|名|所|篇|次|座|处|位|台|套|户|份|万元|亿元|元|%|个百分点|百分点)";
const NUMERAL = new RegExp(`(?<![第几\\d.])([零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*)(?=${FOLLOWS})`, "g");
const ANY = /[零〇一二两三四五六七八九十]/;

/** The value of a Chinese numeral ("一百零五" → 105, "一亿五千万" → 150,000,000), or null when it is not one. */
export function numeralValue(s: string): number | null {
  let yi = 0; // the 亿 part, done
  let wan = 0; // the 万 part, done
  let section = 0; // below 万: 千, 百, 十 done
  let digit: number | null = null; // the digit not yet given a place
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== null && digit !== 0 && DIGIT[ch] !== 0) return null; // "二三" is not a numeral
      digit = DIGIT[ch];
    } else if (ch in SMALL) {
      section += (digit ?? 1) * SMALL[ch]; // "十二": 十 alone is 10
      digit = null;
    } else if (ch === "万") {
      const n = section + (digit ?? 0);
      if (n === 0 || wan !== 0) return null;
      wan = n * 1e4;
      [section, digit] = [0, null];
    } else if (ch === "亿") {
      const n = wan + section + (digit ?? 0);
      if (n === 0 || yi !== 0) return null;
      yi = n * 1e8;
      [wan, section, digit] = [0, 0, null];
    } else return null;
  }
  return yi + wan + section + (digit ?? 0);
}

/** `text` with each numeral before a unit or classifier written in digits. */
export function withArabicNumerals(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(NUMERAL, (m) => {
    const v = numeralValue(m);
    return v === null ? m : String(v);
  });
}
