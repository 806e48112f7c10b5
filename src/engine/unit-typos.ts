/**
 * The word after a number that is not a unit KJScore reads ("2489万园", "28加", "2489万美元"):
 * a typo of the rule's unit (suggest it), a real unit the rule does not use (a currency, a
 * measure: a contradiction), or a context word (a year, a batch) that says nothing about the unit.
 * Typos are decided by edit distance on the unit — homophones and near-shape characters
 * (园/圆/元, 加/家, 向/项, 间/件) are one substitution, a missing or extra character one edit —
 * never by a list of misspellings.
 */

/**
 * The unit-like word right after a number: letters of any script (CJK, Latin, 〇), symbols (●, ○) and
 * % ‰ /, up to 8, stopping at digits, spaces and punctuation. A symbol typed where a unit's character
 * goes ("1000〇元", "1000●元") is part of the word, so it is asked about, not dropped with the unit.
 */
export function wordAfter(text: string): string {
  const m = /^[\p{L}\p{Nl}\p{So}%‰/]{1,8}/u.exec(text);
  return m ? m[0] : "";
}

const MULT = "(?:百万|千万|万|亿|千|百)?";

/** Money that is not 元 (人民币): the rule's 万元 cannot take them at any rate. */
const CURRENCY = new RegExp(
  `^${MULT}(美元|美金|欧元|英镑|日元|日圆|港元|港币|澳门元|澳元|加元|韩元|卢布|新台币|台币|法郎|瑞郎|泰铢|卢比|新加坡元|新元|dollars?|usd|eur|hkd|jpy|gbp)`,
  "i",
);

/** Measures of other things (area, length, mass, energy, time, points, ratio). */
const MEASURE = new RegExp(
  `^${MULT}(平方公里|平方千米|平方米|平米|立方米|公顷|公里|千米|厘米|毫米|米|公斤|千克|克|千瓦时|千瓦|兆瓦|瓦|度电|小时|分钟|秒|升|辆|栋|幢|倍|分|岁|天|km2|km|kg|kwh|kw|mw|m2|m²|㎡|ha)(?![A-Za-z])`,
  "i",
);

/** Words after a number that date or rank it ("2018年", "第3批"), not units. */
const CONTEXT = /^(年|月|日|号|时|季度|期|届|批|级|类|版|轮|代|周|轮次|季)/;

export type UnitWord =
  /** the rule's own unit, one KJScore has no table entry for ("5场" under a 场 rule) */
  | { kind: "rule-unit" }
  | { kind: "other-unit"; unit: string }
  | { kind: "typo"; written: string }
  /** a word that dates or ranks the number ("2018年", "3批"): the number is no value */
  | { kind: "context" }
  | { kind: "word" };

/** Levenshtein distance over characters (code points). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** How far a written word may be from a unit of this length and still be read as a typo of it. */
function allowed(unit: string): number {
  return [...unit].length >= 4 ? 2 : 1;
}

/**
 * Classifies `word` (from wordAfter, not a unit KJScore reads) against the rule's unit.
 * `ruleUnit` is as the rule writes it ("万元", "家", "件/万人"); `ruleBase` is the unit without its
 * multiplier ("元" for 万元), or null when it has none.
 */
export function classifyWord(word: string, ruleUnit: string | null, ruleBase: string | null): UnitWord {
  if (word === "") return { kind: "word" };
  if (ruleUnit !== null && word.startsWith(ruleUnit)) return { kind: "rule-unit" };
  const currency = CURRENCY.exec(word);
  if (currency) return { kind: "other-unit", unit: currency[0] };
  const measure = MEASURE.exec(word);
  if (measure) return { kind: "other-unit", unit: measure[0] };
  if (CONTEXT.test(word)) return { kind: "context" };
  if (ruleUnit === null) return { kind: "word" };
  // Latin letters where the unit goes: pinyin typed with the input method off ("28jia",
  // "2489wanyuan"), initials ("2489wy", "2489w"); the whole run is what was written
  const latin = /^[\u4e00-\u9fff]{0,2}?[A-Za-z]+/.exec(word);
  if (latin && /^(?:百万|千万|万|亿|千|百)?[A-Za-z]+$/.test(latin[0])) return { kind: "typo", written: latin[0] };

  const chars = [...word];
  const unitLen = [...ruleUnit].length;
  if (unitLen === 1 || chars.length === 1) {
    // one character against one: only the whole word, or "28加企业" would make every noun a typo
    if (chars.length === 1 && editDistance(word, ruleUnit) <= 1) return { kind: "typo", written: word };
    if (chars.length === 1 && ruleBase !== null && [...ruleBase].length === 1) return { kind: "typo", written: word };
    return { kind: "word" };
  }
  // a longer unit ("万元", "件/万人"): the word's start, as long as the unit give or take one
  let best: { head: string; d: number; off: number } | null = null;
  for (let n = Math.max(2, unitLen - 1); n <= Math.min(chars.length, unitLen + 1); n++) {
    const head = chars.slice(0, n).join("");
    const d = editDistance(head, ruleUnit);
    const off = Math.abs(n - unitLen);
    if (d <= allowed(ruleUnit) && (!best || d < best.d || (d === best.d && off < best.off))) best = { head, d, off };
  }
  return best ? { kind: "typo", written: best.head } : { kind: "word" };
}

/** The message for a unit that looks like a typo of the rule's unit. */
export function typoMessage(written: string, ruleUnit: string): string {
  return `单位“${written}”不是评分标准的单位“${ruleUnit}”，是否为“${ruleUnit}”？`;
}
