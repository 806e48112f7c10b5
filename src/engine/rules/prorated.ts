/**
 * In proportion to a target the rule itself states: "上报科普信息4篇以上记2分（完不成的按比例扣分）",
 * "完成15家得6分，未完成的按比例计分", "达到1.5%得满分，未达到的按完成比例得分". At or above the target
 * the full score; below it, score × value ÷ target (exact, then ROUND to 2 places like Excel); a cap
 * the rule states still bounds it. A "按比例" whose target is not in the rule (a plan set elsewhere,
 * "超额…按比例") is not read here and stays a RuleError naming the clause.
 */
import { Rational } from "../decimal";
import { foldChars, normalize } from "../normalize";
import { RuleError, type NeededOptions, type Rule, type ScoreContext, type ScoreResult, type ValueInput } from "../types";
import { clausesOf, clauseError, readClause, type Clause, type Reading } from "./clauses";
import { isDescription } from "./notes";
import { exact, leastScoreShowing, NUM, pointsShown, type RulePlugin, valueError, withUnit } from "./common";
import { decimalsOf, levelReader, WHOLE_UNITS, type StepRule } from "./steps";
import { parseBelow } from "./prorated-below";

/** "完不成的按比例扣分", "未完成的按比例计分", "不足的按比例扣分", "按完成比例得分" */
const PRORATE =
  /^(?:否则,?|(?:完不成|未完成|没有完成|未达到|达不到|不足|低于|少于)[^\d]*?(?:的|者)?,?)?按(?:完成|实际完成)?(?:的)?比例(?:相应)?(?:扣分|计分|得分|扣减|折算|计算)$/;

export interface ProratedRule extends Rule {
  kind: "prorated";
  target: number;
  /** null: the row's weight ("得满分") */
  full: number | null;
  /**
   * "2.5%以上得10分；…；1.5%-2%得6分；1.5%以下按比例计分": the bands at and above `target`; below it
   * the score at `target` in proportion. Absent: the full score at and above `target`.
   */
  upper?: StepRule;
}

interface Parts {
  target: Rational;
  inclusive: boolean;
  full: Rational | null;
  unit: string | null;
  clause: Clause;
}

/**
 * "得分值=年度建设任务完成率（超过100%以100%计算）×20", "得分=种植率×30": a rate times the full score —
 * in proportion to 100%, never above the full score.
 */
const RATE_TIMES = new RegExp(
  String.raw`^(?:得分|得分值|分值)=([^=×*]*?(?:率|比例|比重))(?:\(超过100%以100%计算?\))?[×*x](${NUM})(?:分)?$`,
);

function partsOf(text: string): Parts | null {
  const rt = RATE_TIMES.exec(normalize(foldChars(text)).replace(/[;。.]+$/, ""));
  if (rt) {
    const c = clausesOf(text)[0];
    return { target: Rational.of(100), inclusive: true, full: Rational.parse(rt[2]), unit: "%", clause: c };
  }
  const all = clausesOf(text);
  let k = 0;
  while (k < all.length - 1 && isDescription(all[k].norm)) k++;
  const cs = all.slice(k);
  // "…10例以上（含简易案件）;否则按完成比例得分（15分）": the item's full score after the 按比例
  const fullAfter = new RegExp(String.raw`\((${NUM})分\)$`);
  const pro = cs.filter((c) => PRORATE.test(c.norm.replace(fullAfter, "")));
  if (pro.length !== 1) return null;
  const statedAfter = fullAfter.exec(pro[0].norm);
  const rest = cs.filter((c) => c !== pro[0]);
  const readings: Reading[] = [];
  for (const c of rest) {
    const r = readClause(c);
    if (!r) throw clauseError(c, "看不懂这一条");
    readings.push(r);
  }
  const bands = readings.filter((r): r is Extract<Reading, { shape: "band" }> => r.shape === "band");
  if (bands.length !== 1) throw clauseError(pro[0], "按比例计分要写明一个目标值（如“完成15家得6分”）");
  const others = readings.filter((r) => r.shape !== "band");
  let stated: Rational | null = statedAfter ? Rational.parse(statedAfter[1]) : null;
  for (const r of others) {
    if (r.shape === "full" || r.shape === "cap") stated = r.shape === "full" ? r.n : r.max;
    else throw clauseError(r.clause, "按比例计分的规则里看不懂这一条");
  }
  const b = bands[0];
  if (!b.cond.low || b.cond.high || b.cond.low.at.sign() <= 0) {
    throw clauseError(b.clause, "按比例计分要写明一个目标值（如“完成15家得6分”）");
  }
  let full: Rational | null;
  if ("n" in b.score) full = b.score.n;
  else if ("full" in b.score) full = stated;
  else throw clauseError(b.clause, "按比例计分的得分应为一个分值");
  if (full !== null && stated !== null && !full.eq(stated)) throw clauseError(b.clause, `得${full}分与满分${stated}分不一致`);
  return { target: b.cond.low.at, inclusive: b.cond.low.inclusive, full, unit: b.cond.unit, clause: b.clause };
}

export function parseProrated(text: string): ProratedRule {
  const b = parseBelow(text);
  if (b) return b;
  const p = partsOf(text);
  if (!p) throw new RuleError(`评分标准“${text.trim()}”无法识别：看不懂按比例计分`, text.trim());
  const { target, full: statedFull, unit } = p;
  const whole = unit !== null && WHOLE_UNITS.test(unit);
  const read = levelReader(unit, whole);
  const u = unit ?? "";
  const fullOf = (w: number | null | undefined) => statedFull ?? (w === null || w === undefined ? null : Rational.fromNumber(w));

  function exactScore(v: Rational, full: Rational): Rational {
    if (v.sign() <= 0) return Rational.ZERO;
    const reached = p!.inclusive ? v.ge(target) : v.gt(target);
    return reached ? full : full.mul(v).div(target);
  }

  function score(input: ValueInput, context?: ScoreContext): ScoreResult {
    const r = read(input, context);
    if ("status" in r) return r;
    const full = fullOf(context?.weight);
    if (full === null) return valueError("评分标准写“得满分”但没有写明满分是几分，该行也没有权重分值");
    const v = r.value;
    const s = exactScore(v, full);
    return exact(s, v, () => {
      const why =
        s.eq(full) && v.sign() > 0
          ? `${withUnit(v, u)}达到目标${withUnit(target, u)}，得${full}分`
          : `${withUnit(v, u)}未达到目标${withUnit(target, u)}，按比例${full}×${withUnit(v, u)}÷${withUnit(target, u)}`;
      return `${why}：${pointsShown(s)}`;
    });
  }

  /** the smallest value at `places` decimals whose exact score reaches `goal` */
  function smallest(goal: Rational, places: number, full: Rational): Rational | null {
    if (goal.gt(full)) return null;
    if (goal.sign() <= 0) return Rational.ZERO;
    if (goal.eq(full)) {
      const ulp = Rational.fraction(1, 10n ** BigInt(places));
      const t = target.ceilTo(places);
      return p!.inclusive || !t.eq(target) ? t : t.add(ulp);
    }
    return goal.mul(target).div(full).ceilTo(places);
  }

  return {
    kind: "prorated",
    text,
    unit,
    max: statedFull === null ? null : statedFull.toNumber(),
    target: target.toNumber(),
    full: statedFull === null ? null : statedFull.toNumber(),
    wholeCount: whole,
    score,
    required(goal: number): number | null {
      if (!Number.isFinite(goal) || statedFull === null) return null;
      const v = smallest(Rational.fromNumber(goal), whole ? 0 : 4, statedFull);
      return v === null ? null : v.toNumber();
    },
    needed(goal: number, options: NeededOptions = {}): number | null {
      if (!Number.isFinite(goal)) return null;
      const full = fullOf(options.weight);
      if (full === null) return null;
      const places = options.precision ?? (whole ? 0 : Math.max(0, decimalsOf([target])));
      // ROUND(s, 2) ≥ goal exactly when s ≥ goal − 0.005
      const v = smallest(leastScoreShowing(goal), places, full);
      return v === null ? null : v.toNumber();
    },
  };
}

export const proratedPlugin: RulePlugin = {
  kind: "prorated",
  recognizes: (norm) =>
    (/按(?:完成|实际完成)?(?:的)?比例/.test(norm) && !/超额/.test(norm)) || RATE_TIMES.test(norm.replace(/[;。.]+$/, "")),
  parse: (text) => parseProrated(text),
};
