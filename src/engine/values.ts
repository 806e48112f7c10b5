/**
 * Reading a value cell (情况/目标) in a rule's unit: "2489万元", "0.35%", "28家", "1.37件/万人",
 * plain numbers, numbers formatted as percentages, "2.23家（工商企业注册15558家）",
 * "研发机构32家占15.14%", "1.2亿元" under a 万元 rule. A unit that contradicts the rule is an
 * error, never a guess. Messages are Chinese; the model layer prefixes the cell address.
 */
import { Rational } from "./decimal";
import { normalizeValueText } from "./normalize";
import type { ValueInput } from "./types";
import { classifyWord, typoMessage, wordAfter, type UnitWord } from "./unit-typos";
import { placeholderMessage, placeholderOf, qualifierOf, type Qualifier } from "./value-words";

export type ValueReading =
  /** `value` is in the rule's unit; `unit` is the unit the cell was written in (null: none) */
  | {
      status: "value";
      value: Rational;
      unit: string | null;
      /** set when the cell writes the number as approximate ("约") or an estimate ("预计") */
      qualifier?: Qualifier;
    }
  /** `message` is set when the cell holds a placeholder ("暂无", "—") rather than nothing */
  | { status: "no-value"; message?: string }
  | { status: "error"; message: string };

export interface ReadOptions {
  /** accept negative numbers (no rule kind does today) */
  allowNegative?: boolean;
}

/** A unit taken apart: multiplier × base [per divisor], e.g. 万元 = 10⁴ × 元, 件/万人 = 件 per 万人. */
interface Unit {
  text: string;
  mult: Rational;
  /** "" when the text was a bare multiplier ("1.2亿") */
  base: string;
  per: string | null;
}

const MULTIPLIERS: Record<string, Rational> = {
  百万: Rational.fraction(1_000_000),
  千万: Rational.fraction(10_000_000),
  万: Rational.fraction(10_000),
  亿: Rational.fraction(100_000_000),
  千: Rational.fraction(1_000),
};

/** classifiers that all count things; "个" may stand for any of them */
const COUNT_BASES = new Set(["家", "个", "项", "件", "所", "座", "处", "名", "位", "台", "套", "篇"]);

// Longest spellings first so "人次" wins over "人" and "个百分点" over "个".
const UNIT_PATTERN =
  /^(百万|千万|万|亿|千)?(个百分点|百分点|人次|元|%|‰|家|个|项|件|所|座|处|人|次|篇|名|位|台|套|户|亩|吨)(?:\/(百万|千万|万|亿|千)?(人|家|户|元|亩))?/;

/** Reads the unit at the start of `text` (the text right after a number), or null. */
export function readUnit(text: string): Unit | null {
  const m = UNIT_PATTERN.exec(text);
  if (m) {
    const [whole, mult, base0, perMult, perBase] = m;
    const base = base0 === "个百分点" || base0 === "百分点" ? "%" : base0;
    // "千" alone only multiplies money ("千元"); "3千家" is rare and "千" is also a word
    if (mult === "千" && base !== "元") return null;
    return {
      text: whole,
      mult: mult ? MULTIPLIERS[mult] : Rational.ONE,
      base,
      per: perBase ? (perMult ?? "") + perBase : null,
    };
  }
  const bare = /^(百万|千万|万|亿)(?![\u4e00-\u9fffA-Za-z])/.exec(text);
  if (bare) return { text: bare[0], mult: MULTIPLIERS[bare[1]], base: "", per: null };
  return null;
}

/**
 * The factor that turns a number written in `v` into the rule's unit `r`, or null when the units
 * contradict each other.
 */
function conversion(v: Unit, r: Unit): Rational | null {
  const factor = v.mult.div(r.mult);
  if (v.base === "") return factor; // "1.2亿" under 万元: the base is the rule's
  if (v.base === r.base) {
    if (v.per === r.per || v.per === null) return factor; // "1.37件" under 件/万人: the typist left off the divisor
    return null;
  }
  if (v.base === "‰" && r.base === "%") return factor.div(10);
  if (v.base === "%" && r.base === "‰") return factor.mul(10);
  if (v.base === "个" && COUNT_BASES.has(r.base) && v.per === r.per) return factor;
  return null;
}

interface Candidate {
  raw: string;
  value: Rational;
  unit: Unit | null;
  /** the word after a number whose unit KJScore does not read ("万园", "万美元"), or "" */
  word: string;
}

const NUMBER = /\d+(?:\.\d+)?|\.\d+/g;

function candidatesIn(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    const before = text[start - 1];
    // "1.融创空间" and "v2" are not quantities; a minus counts only where no range or word joins it
    const negative = before === "-" && !/[\d%\u4e00-\u9fffA-Za-z)]/.test(text[start - 2] ?? "");
    const raw = (negative ? "-" : "") + m[0];
    // "2400余万元", "30多家": the number is approximate, the unit comes after 余/多
    let after = text.slice(start + m[0].length);
    if (/^[余多](?=[万亿千百]|[\u4e00-\u9fff%‰])/.test(after)) after = after.slice(1);
    const unit = readUnit(after);
    out.push({ raw, value: Rational.parse(raw), unit, word: unit ? "" : wordAfter(after) });
  }
  return out;
}

/** A number format without its literal text: quoted runs, backslash escapes, [colour]/[locale] sections. */
function formatCodes(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

/** "0.00%", "0%", "#,##0.0%" show a percentage; a "%" inside quotes or after a backslash is literal. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  return Boolean(numFmt) && formatCodes(numFmt!).includes("%");
}

/**
 * "yyyy/m/d", "[$-804]yyyy\"年\"m\"月\"", "h:mm" show a date or time: the number is a serial day, not
 * a value (Excel turns a typed "10-5" into a date).
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  return Boolean(numFmt) && /[ymdhs]/i.test(formatCodes(numFmt!));
}

/** The message for a number whose format shows it as a date; `what` is 数值 or 数量. */
export function dateMessage(numFmt: string | undefined, what: string): string {
  return `单元格显示为日期（格式 ${numFmt}），不是${what}`;
}

/** Removes bracketed remarks — "2.23家（工商企业注册15558家）" → "2.23家". Text must be folded to half-width brackets. */
export function stripBrackets(text: string): string {
  let prev: string;
  let out = text;
  do {
    prev = out;
    out = out.replace(/\([^()]*\)|\[[^[\]]*\]/g, "");
  } while (out !== prev);
  return out;
}

function describeUnit(unit: string | null): string {
  return unit === null ? "（无单位）" : `“${unit}”`;
}

/**
 * A rule's unit, read once per rule: taken apart, and whether the value text can take the short
 * road (a plain number followed by exactly this unit, or by nothing; see `plainNumber`).
 */
interface RuleUnit {
  text: string | null;
  unit: Unit | null;
  /** the unit as written is whole in the unit table ("万元", "%", "件/万人"): "2489万元" reads as 2489 of it */
  plain: boolean;
}

const NO_UNIT: RuleUnit = { text: null, unit: null, plain: true };

function ruleUnitOf(ruleUnit: string | null): RuleUnit {
  if (ruleUnit === null) return NO_UNIT;
  const read = readUnit(ruleUnit);
  return {
    text: ruleUnit,
    unit: read ?? { text: ruleUnit, mult: Rational.ONE, base: ruleUnit, per: null },
    plain: read !== null && read.text === ruleUnit,
  };
}

/** Rules read their unit once, when they are made; this map serves callers that pass only the text. */
const ruleUnits = new Map<string, RuleUnit>();
function ruleUnitFor(ruleUnit: string | null): RuleUnit {
  if (ruleUnit === null) return NO_UNIT;
  let u = ruleUnits.get(ruleUnit);
  if (u === undefined) {
    u = ruleUnitOf(ruleUnit);
    if (ruleUnits.size >= 1000) ruleUnits.clear();
    ruleUnits.set(ruleUnit, u);
  }
  return u;
}

/** Reads value cells in one rule's unit: made once per rule, called for every value cell. */
export type ValueReader = (input: ValueInput, options?: ReadOptions) => ValueReading;

export function valueReader(ruleUnit: string | null): ValueReader {
  const u = ruleUnitOf(ruleUnit);
  return (input, options) => readWith(input, u, options);
}

/**
 * Reads one value cell in the rule's unit (`ruleUnit`, e.g. "万元", "%", "家", "件/万人", or null
 * when the rule names none). Never throws.
 */
export function readValue(input: ValueInput, ruleUnit: string | null, options: ReadOptions = {}): ValueReading {
  return readWith(input, ruleUnitFor(ruleUnit), options);
}

function readWith(input: ValueInput, u: RuleUnit, options: ReadOptions = {}): ValueReading {
  const v = input.v;
  if (v === null || v === undefined) return { status: "no-value" };
  if (typeof v === "boolean") return { status: "error", message: `单元格是逻辑值 ${v ? "TRUE" : "FALSE"}，不是数值` };
  if (typeof v === "object") return { status: "error", message: `单元格是错误值 ${v.error}` };

  const ruleUnit = u.text;
  const rUnit = u.unit;

  let reading: ValueReading;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { status: "error", message: `无法从“${v}”读出数值` };
    if (isDateFormat(input.numFmt)) return { status: "error", message: dateMessage(input.numFmt, "数值") };
    const x = Rational.fromNumber(v);
    if (isPercentFormat(input.numFmt)) {
      const pct = x.mul(100);
      if (rUnit !== null && rUnit.base !== "%") {
        return {
          status: "error",
          message: `单元格显示为百分数（${pct.toDecimalString()}%），与评分标准的单位“${ruleUnit}”不符`,
        };
      }
      reading = { status: "value", value: pct, unit: "%" };
    } else {
      reading = { status: "value", value: x, unit: null };
    }
  } else {
    // the common cell ("2489万元", "0.35%", "28"): nothing for the full reader to unify, fold or weigh
    const plain = plainNumber(v, u);
    if (plain !== null) return plain;
    reading = readText(v, ruleUnit, rUnit);
  }
  if (reading.status === "value" && reading.value.sign() < 0 && !options.allowNegative) {
    return { status: "error", message: `数值不能为负（${reading.value.toDecimalString()}）` };
  }
  return reading;
}

/**
 * The short road, for a text that is only digits (with one decimal point inside) followed by
 * exactly the rule's unit, or by nothing. What the full reader (readText) gives such a text,
 * step by step: no width, space, separator or unit spelling to unify; a digit means no
 * placeholder; one number, no bracket; its unit is the rule's own (factor 1, nothing missing) or
 * none; no qualifier word; not negative. So it returns the same reading, or null to take the full road.
 */
function plainNumber(text: string, u: RuleUnit): ValueReading | null {
  if (!u.plain) return null;
  const n = text.length;
  let i = 0;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === 0) return null;
  let end = i;
  if (i < n && text.charCodeAt(i) === 46 /* . */) {
    let j = i + 1;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    if (j === i + 1) return null; // "5." : the full reader decides
    end = j;
  }
  const rest = n - end;
  if (rest === 0) return { status: "value", value: Rational.parse(text.slice(0, end)), unit: null };
  if (u.text === null || rest !== u.text.length || !text.endsWith(u.text)) return null;
  return { status: "value", value: Rational.parse(text.slice(0, end)), unit: u.text };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The full reader, without the short road: for tests that prove both give the same reading. */
export function readValueFully(input: ValueInput, ruleUnit: string | null): ValueReading {
  const v = input.v;
  if (typeof v !== "string") return readValue(input, ruleUnit);
  const u = ruleUnitOf(ruleUnit);
  const reading = readText(v, u.text, u.unit);
  if (reading.status === "value" && reading.value.sign() < 0) {
    return { status: "error", message: `数值不能为负（${reading.value.toDecimalString()}）` };
  }
  return reading;
}

/** Spellings of the same unit: traditional characters, 人民币 for 元 ("2489万人民币"). */
function unifyUnits(text: string): string {
  return text
    .replace(/[萬億個項]/g, (c) => ({ 萬: "万", 億: "亿", 個: "个", 項: "项" })[c]!)
    .replace(/(?<=[\d万亿千百])元?(?:人民币|RMB|CNY)/gi, "元")
    .replace(/百分之(\d+(?:\.\d+)?)/g, "$1%")
    .replace(/(?<=\d)百分比/g, "%");
}

function readText(original: string, ruleUnit: string | null, rUnit: Unit | null): ValueReading {
  const text = unifyUnits(normalizeValueText(original));
  if (text === "") return { status: "no-value" };
  const shown = original.trim();
  const placeholder = placeholderOf(original);
  if (placeholder !== null) return { status: "no-value", message: placeholderMessage(placeholder) };
  const reading = readNumber(text, shown, ruleUnit, rUnit);
  if (reading.status !== "value") return reading;
  const qualifier = qualifierOf(original);
  return qualifier ? { ...reading, qualifier } : reading;
}

function readNumber(text: string, shown: string, ruleUnit: string | null, rUnit: Unit | null): ValueReading {
  // The bracket is context ("工商企业注册15558家"); look inside only when nothing stands outside it.
  let candidates = candidatesIn(stripBrackets(text));
  if (candidates.length === 0) candidates = candidatesIn(text);
  if (candidates.length === 0) return { status: "error", message: `无法从“${shown}”读出数值` };

  if (rUnit === null) {
    if (candidates.length === 1) return { status: "value", value: candidates[0].value, unit: candidates[0].unit?.text ?? null };
    return several(shown, candidates);
  }

  const fitting: { c: Candidate; factor: Rational }[] = [];
  const unitless: Candidate[] = [];
  /** a unit KJScore reads, or a currency or measure, that is not the rule's */
  const contradicting: { c: Candidate; unit: string }[] = [];
  const typos: { c: Candidate; written: string }[] = [];
  /** numbers a word dates or ranks ("2018年"): read only when nothing else is there */
  const context: Candidate[] = [];
  const ruleBase = rUnit.base !== "" && !rUnit.mult.eq(Rational.ONE) && rUnit.per === null ? rUnit.base : null;
  for (const c of candidates) {
    if (c.unit === null) {
      const w: UnitWord = classifyWord(c.word, ruleUnit, ruleBase);
      if (w.kind === "rule-unit") fitting.push({ c, factor: Rational.ONE });
      else if (w.kind === "other-unit") contradicting.push({ c, unit: w.unit });
      else if (w.kind === "typo") typos.push({ c, written: w.written });
      else if (w.kind === "context") context.push(c);
      else unitless.push(c);
      continue;
    }
    const factor = conversion(c.unit, rUnit);
    if (factor === null) contradicting.push({ c, unit: c.unit.text });
    else fitting.push({ c, factor });
  }
  if (fitting.length === 1) {
    const { c, factor } = fitting[0];
    const value = c.value.mul(factor);
    const missing = c.unit ? missingMultiplier(c, value, rUnit, ruleUnit!) : null;
    if (missing) return { status: "error", message: missing };
    return { status: "value", value, unit: c.unit?.text ?? ruleUnit };
  }
  if (fitting.length > 1) {
    // "28家，其中国家级3家", "2489万元（含省级300万元）" unbracketed: what follows 其中/含/包括 is a part of the figure
    const whole = /^(.*?)[,，;；:：]?(?:其中|含|包括|包含)/.exec(text);
    if (whole && whole[1] !== text) {
      const head = readNumber(whole[1], shown, ruleUnit, rUnit);
      if (head.status === "value" && head.unit !== null) return head;
    }
    return several(
      shown,
      fitting.map((f) => f.c),
    );
  }
  if (typos.length > 0) return { status: "error", message: typoMessage(typos[0].written, ruleUnit!) };
  if (unitless.length === 1) return { status: "value", value: unitless[0].value, unit: null };
  if (unitless.length > 1) return several(shown, unitless);
  // a unit the rule does not use is an error, and the year beside it is never read instead
  // ("2018年2489万美元" must not score 2018)
  if (contradicting.length > 0) {
    return {
      status: "error",
      message: `单位${describeUnit(contradicting[0].unit)}与评分标准的单位${describeUnit(ruleUnit)}不符`,
    };
  }
  if (context.length === 1) {
    const c = context[0];
    return { status: "error", message: `无法从“${shown}”读出数值：“${c.raw}${c.word}”是日期或序次，不是${describeUnit(ruleUnit)}的数值` };
  }
  return several(shown, context);
}

/**
 * "2489元" under a 万元 rule reads as 0.2489万元 — less than one of the rule's units, from a number
 * written in a unit one multiplier short. That is the typist leaving out "万" far more often than a
 * real figure, so it is an error that says both readings ("24,890,000元" converts as written).
 */
function missingMultiplier(c: Candidate, value: Rational, rUnit: Unit, ruleUnit: string): string | null {
  const u = c.unit!;
  if (u.base === "" || !u.mult.lt(rUnit.mult) || !value.lt(Rational.ONE) || c.value.sign() <= 0) return null;
  return `“${c.raw}${u.text}”折合 ${value.toDecimalString()}${ruleUnit}，不到 1${ruleUnit}；是否为“${c.raw}${ruleUnit}”？（确为${u.text}请换算后填写）`;
}

function several(shown: string, cs: Candidate[]): ValueReading {
  return {
    status: "error",
    message: `“${shown}”中有多个数值（${cs.map((c) => c.raw + (c.unit?.text ?? "")).join("、")}），无法确定用哪一个`,
  };
}
