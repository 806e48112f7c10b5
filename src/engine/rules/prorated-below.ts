/**
 * Bands with "X以下按比例计分" under them: "2.5%以上得10分；2%-2.5%得8分；1.5%-2%得6分；1.5%以下按比例计分".
 * At and above X the bands score as a stepped (or threshold) rule; below X the lowest band's score in
 * proportion (6 × v ÷ 1.5). X must be where the lowest band starts, else a RuleError naming the clause.
 */
import { Rational } from "../decimal";
import type { NeededOptions, ScoreContext, ScoreResult, ValueInput } from "../types";
import { clauseError, clausesOf } from "./clauses";
import { exact, leastScoreShowing, NUM, pointsShown, withUnit } from "./common";
import type { ProratedRule } from "./prorated";
import { decimalsOf, levelReader, type StepRule } from "./steps";
import { parseStepped } from "./stepped";
import { parseThreshold } from "./threshold";

/** "1.5%以下按比例计分", "不足1.5%的按比例得分": the edge below which the score is in proportion */
const BELOW = new RegExp(
  String.raw`^(?:低于|不足|少于|未达到|未达)?(${NUM})(%|[百千万亿]*元|[个项次篇人家件条])?(?:以下|以内)?(?:的|者)?,?按(?:完成|实际完成)?(?:的)?比例(?:相应)?(?:计分|得分|折算|计算|扣分)$`,
);

export function parseBelow(text: string): ProratedRule | null {
  const cs = clausesOf(text);
  const at = cs.findIndex((c) => BELOW.test(c.norm));
  if (at < 0) return null;
  const clause = cs[at];
  const m = BELOW.exec(clause.norm)!;
  const edge = Rational.parse(m[1]);
  const rest = cs
    .filter((_c, i) => i !== at)
    .map((c) => c.text)
    .join("；");
  if (rest === "") throw clauseError(clause, "按比例计分要写明以上各档的得分");
  let upper: StepRule;
  try {
    upper = parseStepped(rest);
  } catch {
    upper = parseThreshold(rest);
  }
  const lowest = upper.pieces.find((q) => !q.implied);
  if (!lowest || !lowest.low || !lowest.low.at.eq(edge) || !lowest.low.inclusive) {
    throw clauseError(clause, `按比例计分的分界${withUnit(edge, m[2] ?? "")}与最低一档不衔接`);
  }
  if (m[2] && upper.unit !== null && m[2] !== upper.unit) throw clauseError(clause, `单位“${m[2]}”与其他条的单位“${upper.unit}”不一致`);
  const atEdge = upper.exactScore(edge, null);
  if (atEdge === null || atEdge.sign() <= 0) throw clauseError(clause, "按比例计分的分界处没有得分");
  const unit = upper.unit;
  const whole = upper.wholeCount ?? false;
  const read = levelReader(unit, whole);
  const u = unit ?? "";
  const below = (v: Rational) => (v.sign() <= 0 ? Rational.ZERO : atEdge.mul(v).div(edge));
  return {
    kind: "prorated",
    text,
    unit,
    max: upper.max,
    target: edge.toNumber(),
    full: atEdge.toNumber(),
    upper,
    wholeCount: whole,
    score(input: ValueInput, context?: ScoreContext): ScoreResult {
      const r = read(input, context);
      if ("status" in r) return r;
      if (r.value.ge(edge)) return upper.score(input, context);
      const sc = below(r.value);
      const v = r.value;
      return exact(
        sc,
        v,
        () => `${withUnit(v, u)}低于${withUnit(edge, u)}，按比例${atEdge}×${withUnit(v, u)}÷${withUnit(edge, u)}：${pointsShown(sc)}`,
      );
    },
    required(goal: number): number | null {
      if (!Number.isFinite(goal)) return null;
      const g = Rational.fromNumber(goal);
      if (g.le(atEdge))
        return g.sign() <= 0
          ? 0
          : g
              .mul(edge)
              .div(atEdge)
              .ceilTo(whole ? 0 : 4)
              .toNumber();
      return upper.required(goal);
    },
    needed(goal: number, options: NeededOptions = {}): number | null {
      if (!Number.isFinite(goal)) return null;
      const g = leastScoreShowing(goal);
      if (g.sign() <= 0) return 0;
      const places = options.precision ?? (whole ? 0 : Math.max(decimalsOf([edge]), 2));
      if (g.lt(atEdge)) {
        const v = g.mul(edge).div(atEdge).ceilTo(places);
        if (v.lt(edge)) return v.toNumber();
      }
      return upper.needed ? upper.needed(goal, options) : null;
    },
  };
}
