/**
 * Words staff type into a value cell around (or instead of) the number: placeholders that mean
 * "no value yet" ("暂无", "待定", "—", "/") and qualifiers that make the number approximate
 * ("约2489万元", "2400余万元", "2489万元左右") or an estimate ("预计2489万元", "2489万元（预计）").
 * The number is still scored; the qualifier goes into the explanation. Text is as written; these
 * functions fold full-width characters themselves.
 */
import { foldChars } from "./normalize";

/** A dash, slash, dot or star run standing alone: "—", "--", "/", "／", "\", "…", "*". */
const MARKS = /^[-_/\\.。·…、*—–―‒−~～〜]+$/;

/**
 * "无", "暂无", "尚无数据", "待定", "待统计", "未统计", "未填报", "缺", "空", "空白", "不详", "N/A".
 * Built from the words' parts (a time word, a "none/not yet" word, what is missing), not a list of
 * whole examples, so "暂未统计" and "待核实" read the same way.
 */
const WORDS = new RegExp(
  "^(?:" +
    [
      String.raw`(?:暂|尚|还|目前|当前|暂时)?(?:无|没有|未|待|缺|暂缺)(?:数据|数值|统计|填报|填写|上报|核实|核定|确定|定|补充|公布|提供|报送|录入|测算)?(?:数据)?`,
      "空",
      "空白",
      "不详",
      "未知",
      "不适用",
      String.raw`n/?a`,
      "null",
      "none",
      "tbd",
    ].join("|") +
    ")$",
  "i",
);

/** Folded, without spaces and without a bracket pair around the whole text: "（暂无）" → "暂无". */
function core(text: string): string {
  let t = foldChars(text).replace(/\s+/g, "");
  while (/^[([].*[)\]]$/.test(t)) t = t.slice(1, -1);
  return t;
}

/**
 * The placeholder a value cell holds instead of a number ("暂无", "—", "/"), as written and trimmed;
 * null when the cell says something else. A placeholder means "no value yet", never zero.
 */
export function placeholderOf(text: string): string | null {
  // no mark or word above holds a digit, and folding keeps digits digits: a figure is never a placeholder
  if (HAS_DIGIT.test(text)) return null;
  const t = core(text);
  if (t === "") return null;
  if (MARKS.test(t) || WORDS.test(t)) return text.trim();
  return null;
}

const HAS_DIGIT = /[0-9\uff10-\uff19]/;

/** The message the pane and the report show for a placeholder. */
export function placeholderMessage(shown: string): string {
  return `数值填写为“${shown}”，视为尚无数值，不计分`;
}

export type QualifierKind = "approximate" | "estimate";

export interface Qualifier {
  kind: QualifierKind;
  /** the word as folded ("约", "预计", "左右") */
  word: string;
}

// Approximate: a word right before the number ("约", "大约", "约为", "近", "≈"), "余/多" between
// the number and its unit, or "左右/上下/前后" after it.
const APPROX_BEFORE = /(大约|约为|约合|约莫|大概|约|≈|近(?=\d+(?:\.\d+)?(?:[^\d.年月日天期届]|$)))(?=\d)/;
const APPROX_INFIX = /\d(余|多)(?=[万亿千百]|[\u4e00-\u9fff%‰]|$)/;
const APPROX_AFTER = /\d[^\d]{0,6}?(左右|上下|前后)/;
// Estimate: anywhere outside a bracket remark, or a bracket that holds only the word.
const ESTIMATE = /(预计|预估|估计|估算|预测|暂估|暂定|初步统计|初步估算|初步测算|快报)/;
const BRACKET_WORD =
  /[([]\s*(预计|预估|估计|估算|预测|暂估|暂定|估|预计数|估计数|估算数|预估数|快报数|初步统计|初步数|约|约数|概数|大约)\s*[)\]]/;

/**
 * A character every pattern above needs (约 大约 约为 大概→概, ≈, 近, 余/多, 左右/上下/前后, 预计 预估 预测,
 * 估计 估算, 暂估 暂定, 初步…, 快报, the bracket words): a text with none of them has no qualifier.
 * Folding makes none of them, so the test runs on the text as written.
 */
const QUALIFIER_CHARS = /[约概≈近余多左上前预估暂初快]/;

/** Bracketed remarks removed, innermost first ("2489万元（其中约300万元）" → "2489万元"). */
function outsideBrackets(t: string): string {
  let prev: string;
  let out = t;
  do {
    prev = out;
    out = out.replace(/\([^()]*\)|\[[^[\]]*\]/g, "");
  } while (out !== prev);
  return out;
}

/**
 * Whether a value is written as approximate or as an estimate; null when it is a plain figure.
 * A word inside a longer bracket remark ("（其中约300万元为省级补助）") is about the remark, not the value.
 */
export function qualifierOf(text: string): Qualifier | null {
  if (!QUALIFIER_CHARS.test(text)) return null;
  const folded = foldChars(text).replace(/\s+/g, "");
  const word = BRACKET_WORD.exec(folded);
  if (word) {
    const w = word[1];
    return { kind: /约|概/.test(w) ? "approximate" : "estimate", word: w };
  }
  const out = outsideBrackets(folded);
  const est = ESTIMATE.exec(out);
  if (est) return { kind: "estimate", word: est[1] };
  for (const re of [APPROX_BEFORE, APPROX_INFIX, APPROX_AFTER]) {
    const m = re.exec(out);
    if (m) return { kind: "approximate", word: m[1] };
  }
  return null;
}

/** The explanation's clause: "“约2489万元”是约数，按 2489万元 计分". */
export function qualifierNote(q: Qualifier, shown: string, valueWithUnit: string | null): string {
  const what = q.kind === "approximate" ? "约数" : "预计数（估计值）";
  return `“${shown}”是${what}，${valueWithUnit === null ? "按其中的数值计分" : `按 ${valueWithUnit} 计分`}`;
}
