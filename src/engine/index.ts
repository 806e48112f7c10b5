/**
 * The scoring engine: pure TypeScript (no Office.js, no DOM, no file system).
 * Rule text and cell contents in, scores out — see ./types for the contract.
 */
import { Rational } from "./decimal";
import { dropThousandsSeparators, foldChars, unifyWords } from "./normalize";
import { withValueNotes } from "./qualified";
import { parseRule as parseRuleText } from "./rules/registry";
import { RuleError, type CellScalar, type Rule, type ScoreContext, type ScoreResult, type ValueInput } from "./types";

export * from "./types";
export { Rational, DecimalSum, excelRound, ceilTo } from "./decimal";
export { normalize, foldChars } from "./normalize";
export { readValue, isPercentFormat, type ValueReading } from "./values";
export { placeholderOf, qualifierOf, type Qualifier } from "./value-words";
export { editDistance } from "./unit-typos";

/**
 * Reads a rule text (the registry's kinds, tried in order); throws RuleError naming the part it
 * cannot read. Its score says in the explanation when a value is approximate or an estimate.
 */
export function parseRule(text: string): Rule {
  return withValueNotes(parseRuleText(text));
}
export type { BandedRule } from "./rules/banded";
export type { CountedRule, CountedItem } from "./rules/counted";
export type { CategoricalRule, CategoricalOption } from "./rules/categorical";

const CACHE_LIMIT = 1000;
const cache = new Map<string, Rule | RuleError>();
/** the same cache by the text exactly as written: each entry is what ruleFor returns (or throws) for it */
const byText = new Map<string, Rule | RuleError>();

/**
 * parseRule, cached by normalised text (see cacheKey): each distinct rule is read once (a workbook
 * repeats the same 评分标准 over years and counties). Errors are cached too. The cache forgets its oldest
 * entry past 1000 texts.
 */
export function ruleFor(text: string): Rule {
  // the same text as written is looked up before it is normalised (normalising costs more than a lookup)
  const seen = byText.get(text);
  if (seen !== undefined) {
    if (seen instanceof RuleError) throw seen;
    return seen;
  }
  const key = cacheKey(text ?? "");
  let hit = cache.get(key);
  if (hit === undefined) {
    try {
      hit = parseRule(text);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      hit = e;
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, hit);
  }
  const rule = hit instanceof RuleError || hit.text === text ? hit : { ...hit, text };
  if (byText.size >= CACHE_LIMIT) byText.delete(byText.keys().next().value as string);
  byText.set(text, rule);
  if (rule instanceof RuleError) throw rule;
  return rule;
}

/**
 * Folded characters and words, no spaces or thousands separators — but line breaks stay, because
 * a categorical or counted rule may use them to separate its options.
 */
function cacheKey(text: string): string {
  return dropThousandsSeparators(unifyWords(foldChars(text)))
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, "")
    .trim();
}

/** Scores one value under one rule text; an unreadable rule becomes an error result. Never throws. */
export function scoreValue(value: ValueInput | CellScalar, ruleText: string, context?: ScoreContext): ScoreResult {
  let rule: Rule;
  try {
    rule = ruleFor(ruleText);
  } catch (e) {
    return { status: "error", message: e instanceof Error ? e.message : String(e) };
  }
  const input: ValueInput = isValueInput(value) ? value : { v: value };
  return rule.score(input, context);
}

function isValueInput(x: ValueInput | CellScalar): x is ValueInput {
  return typeof x === "object" && x !== null && "v" in x;
}

export type Grade = "A" | "B" | "C";

/** The province's grade of a total: A at 80 and above, B from 60 to below 80, C below 60. */
export function gradeOf(total: number): Grade {
  const t = Rational.fromNumber(total);
  return t.ge(80) ? "A" : t.ge(60) ? "B" : "C";
}

/** Points still needed for the next grade up (0 at A), rounded up to 2 decimals: 61.33 → 18.67. */
export function gapToNextGrade(total: number): number {
  const t = Rational.fromNumber(total);
  const next = t.ge(80) ? null : t.ge(60) ? 80 : 60;
  return next === null ? 0 : Rational.of(next).sub(t).ceilTo(2).toNumber();
}
