/** What every rule kind shares: the plugin shape, the cap clause, result helpers. */
import { Rational } from "../decimal";
import type { Explain, Rule, RuleKind, ScoreResult } from "../types";

/** One rule kind, HyperFormula-plugin style: the registry asks each in turn whether it reads a text. */
export interface RulePlugin {
  kind: RuleKind;
  /** Does this text look like this kind? `norm` is `normalize(text)`. Cheap; no throwing. */
  recognizes(norm: string, text: string): boolean;
  /** Reads the text; throws RuleError naming the part it cannot read. */
  parse(text: string, norm: string): Rule;
}

export const NUM = String.raw`\d+(?:\.\d+)?`;

const CAP = new RegExp(
  String.raw`(?:(?:最高|最多|累计|合计|总分)?(?:不超过|不高于|不得超过|不超出)|(?:最高|最多)(?:限分|可?加|可?得|计|扣)?|上限|封顶|满分)为?(${NUM})分|封顶为?(${NUM})(?![\d.%分万千百元个项家件次人])`,
);

/** "最高不超过8分", "最多不超过5分", "上限8分" → 8. `norm` is normalised text. */
export function parseCap(norm: string): Rational | null {
  const m = CAP.exec(norm);
  // "封顶20": the cap's unit left out (the document's own 分值 column says points)
  return m ? Rational.parse(m[1] ?? m[2]) : null;
}

/** Removes the cap clause, so what is left can be read item by item. */
export function withoutCap(norm: string): string {
  return norm.replace(new RegExp(CAP.source, "g"), "");
}

const HALF_CENT = Rational.parse("0.005");

/**
 * The least exact score that a 得分 cell shows as `target` or more: ROUND(s, 2) ≥ target exactly
 * when s ≥ target − 0.005 (scores are ≥ 0, where half away from zero is half up). What a rule's
 * `needed` solves for.
 */
export function leastScoreShowing(target: number): Rational {
  return Rational.fromNumber(target).sub(HALF_CENT);
}

/** An explanation given as it is, or as the function that makes it when asked (types.ts `Explain`). */
export type Explanation = string | Explain;

const asExplain = (e: Explanation): Explain => (typeof e === "string" ? () => e : e);

export function exact(score: Rational, value: Rational | null, explain?: Explanation): ScoreResult {
  const r: ScoreResult = {
    status: "exact",
    score: score.roundHalfAwayFromZero(2).toNumber(),
    value: value === null ? null : value.toNumber(),
  };
  if (explain) r.explain = asExplain(explain);
  return r;
}

export function range(low: Rational, high: Rational, value: Rational | null, explain?: Explanation): ScoreResult {
  if (low.eq(high)) return exact(low, value, explain);
  const r: ScoreResult = {
    status: "range",
    low: low.roundHalfAwayFromZero(2).toNumber(),
    high: high.roundHalfAwayFromZero(2).toNumber(),
    value: value === null ? null : value.toNumber(),
  };
  if (explain) r.explain = asExplain(explain);
  return r;
}

export function valueError(message: string): ScoreResult {
  return { status: "error", message };
}

/** Trims separators a segment was cut from: "；", "，", "。", spaces. Works on text as written. */
export function trimSegment(text: string): string {
  return text.replace(/^[\s;；,，、。.]+|[\s;；,，、。]+$/g, "");
}

/** Shown in messages: "2489万元", "0.35%". */
export function withUnit(x: Rational, unit: string | null): string {
  return x.toDecimalString() + (unit ?? "");
}

/** A score in an explanation: "3分", or the exact score and its rounding ("3.3725 → 3.37分"). */
export function pointsShown(s: Rational): string {
  const rounded = s.roundHalfAwayFromZero(2);
  return s.eq(rounded) ? `${rounded}分` : `${shortDecimal(s)} → ${rounded.toDecimalString(2)}分`;
}

/** For explanations: exact when short ("3.37225"), else 6 places and an ellipsis ("8.333333…"). */
export function shortDecimal(x: Rational): string {
  // exact in 8 places or not, known from the denominator: 1/3 is not first written to 20 places
  return x.fitsPlaces(8) ? x.toDecimalString() : x.toDecimalString(6) + "…";
}
