/**
 * 升级分析 — the path to the next grade ("退C进B争A"), for one year column of a plan.
 *
 * Per indicator: the points still available (max − score), the value a rule that rises with the
 * row's value needs for full marks and for the next whole point (the engine's Rule.needed, under
 * the row's precision and weight, used as returned), how far that is
 * from today's value (the latest actual year), and for counted rules the cheapest items that add
 * points. Then one suggested combination that closes the gap to the next grade, every new score
 * scored through the rule itself. Pure: a plan in, an analysis out.
 */
import { Rational, gradeOf, ruleFor } from "../../engine";
import type { CountedItem, CountedRule, Rule } from "../../engine";
import type { Grade, IndicatorPlan, Plan, ScoreCell } from "../types";
import type { Distance, SuggestedStep, Suggestion, UpgradeAnalysis, UpgradeGoal, UpgradeRow, UpgradeRowKind } from "./upgrade-types";
import { cheapestItems, itemLabel, scoreAdded } from "./counted-steps";
import { solvedExactly, suggestCombination, type Candidate } from "./combination";
import { RuleMemo } from "./row-memo";
import { LazyList, lazyMap } from "../lazy-list";

export type {
  Distance,
  UpgradeGoal,
  CountedOption,
  UpgradeRowKind,
  UpgradeRow,
  SuggestedStep,
  Suggestion,
  UpgradeAnalysis,
} from "./upgrade-types";

const contribution = (s: ScoreCell) => s.computed ?? s.stated ?? 0;
const num = (x: number) => String(Number(x.toFixed(10)));
export const withUnit = (x: number, unit: string | null) => `${num(x)}${unit ?? ""}`;

function distance(from: number | null, to: number | null): Distance | null {
  if (from === null || to === null) return null;
  const d = Rational.fromNumber(to).sub(Rational.fromNumber(from));
  // relative to 4 places: a display figure (2.85%), never fed back into a score
  const relative = from > 0 ? d.div(Rational.fromNumber(from)).roundHalfAwayFromZero(4).toNumber() : null;
  return { absolute: d.toNumber(), relative };
}

/** The row's maximum: the plan's (rule max capped by the weight). */
function capScore(x: number, max: number | null): number {
  return max !== null && x > max ? max : x;
}

/** Scores a value through the rule, as a person would type it ("2560万元"); null when not exact. */
function scoreValueText(rule: Rule, value: number, max: number | null, weight: number | null): number | null {
  const r = rule.score({ v: withUnit(value, rule.unit) }, { weight });
  return r.status === "exact" ? capScore(r.score, max) : null;
}

/**
 * Rules whose score rises with the row's own value, so a value to reach can be named: bands,
 * flat bands, a threshold with steps, in proportion to a stated target. Not the rules over last
 * year's figure (growth, increase: the level needed depends on the year before, which the
 * analysis does not hold), not deductions (fewer is better: "reach 0次" is not a cost), and not
 * counted items, which have their own road below.
 */
const VALUE_KINDS: ReadonlySet<string> = new Set(["banded", "stepped", "threshold", "prorated"]);

/** Whole points above `score` up to `max`, and `max` itself when it is not whole: 3.37/5 → 4, 5. */
function levelsAbove(score: number, max: number): number[] {
  const out: number[] = [];
  const s = Rational.fromNumber(score);
  const m = Rational.fromNumber(max);
  for (let k = s.floorTo(0).add(1); k.le(m); k = k.add(1)) out.push(k.toNumber());
  if (s.lt(m) && (out.length === 0 || out[out.length - 1] !== max)) out.push(max);
  return out;
}

function ruleOf(ind: IndicatorPlan): Rule | null {
  if (!ind.ruleKind) return null;
  try {
    return ruleFor(ind.ruleText);
  } catch {
    return null;
  }
}

/**
 * Whether a row with no value to reach is scored by the assessors' judgement (评估打分: prose, a
 * grade such as 好/一般/差, or a range of the 分值 its grade gives) rather than by a rule that simply
 * names no value (a deduction, a rise over last year's figure, options to choose from): the views
 * say which.
 */
export function judgedByAssessors(r: Pick<UpgradeRow, "ruleKind">): boolean {
  return r.ruleKind === "judged" || r.ruleKind === "graded" || r.ruleKind === "share-graded";
}

/** The column analysed first: the target year, else the latest year. */
export function targetColumn(plan: Plan): string | null {
  const ys = plan.layout.years;
  const t = [...ys].reverse().find((y) => y.kind === "target");
  return (t ?? ys[ys.length - 1])?.label ?? null;
}

/** The latest actual year ("today"), or null when the sheet has none. */
export function latestActualColumn(plan: Plan): string | null {
  return [...plan.layout.years].reverse().find((y) => y.kind === "actual")?.label ?? null;
}

interface RowWork {
  row: UpgradeRow;
  candidates: Candidate[];
}

function analyseRow(ind: IndicatorPlan, col: number, todayCol: number, memo: RuleMemo): RowWork {
  const sc = ind.scores[col];
  const today = todayCol >= 0 ? ind.scores[todayCol] : null;
  const rule = ruleOf(ind);
  const score = contribution(sc);
  const max = ind.max;
  const headroom = max === null ? null : Math.max(0, Rational.fromNumber(max).sub(Rational.fromNumber(score)).toNumber());
  // a value rule names values only when it can name the one for full marks (needed answers it)
  const precision = rowPrecision(ind);
  const weight = ind.weight;
  const needFor = (r: Rule, s: number) =>
    memo.of(r, `need|${precision}|${weight}|${s}`, () => (r.needed ? r.needed(s, { precision, weight }) : r.required(s)));
  const valueRule = rule !== null && VALUE_KINDS.has(rule.kind) && (rule.kind === "banded" || rule.needed !== undefined);
  const kind: UpgradeRowKind =
    valueRule && max !== null && needFor(rule, max) !== null ? "value" : rule?.kind === "counted" ? "counted" : "manual";
  const row: UpgradeRow = {
    row: ind.row,
    category: ind.category,
    name: ind.name,
    ruleKind: ind.ruleKind,
    unit: ind.unit,
    kind,
    max,
    score,
    headroom,
    value: sc.value,
    valueText: sc.valueText,
    today: today ? { column: today.column, value: today.value, valueText: today.valueText } : null,
    full: null,
    next: null,
    items: [],
  };
  const candidates: Candidate[] = [];
  if (!rule || max === null || headroom === null || headroom <= 0) return { row, candidates };
  const levels = memo.of(rule, `levels|${score}|${max}`, () => levelsAbove(score, max));
  const todayValue = today?.value ?? null;

  if (kind === "value") {
    // the value the column's score rests on: its own value, else what the rule needs for that score
    // a value a person can enter: at the precision the row writes its values in, whose ROUNDED
    // score reaches s (the same reading as the plan's requiredValue), under the row's weight
    const base = sc.value ?? (score > 0 ? needFor(rule, score) : null) ?? todayValue;
    const goal = (s: number): UpgradeGoal => {
      const v = needFor(rule, s);
      return { score: s, value: v, valueText: v === null ? null : withUnit(v, rule.unit), fromToday: distance(todayValue, v), add: null };
    };
    row.full = goal(max);
    row.next = goal(levels[0]);
    // with no base value, costs are measured against the first step's value (the first step costs 1)
    const first = needFor(rule, levels[0]);
    for (const s of levels) {
      const v = needFor(rule, s);
      if (v === null) continue;
      const reached = memo.of(rule, `score|${v}|${max}|${weight}`, () => scoreValueText(rule, v, max, weight));
      if (reached === null || reached <= score) continue;
      const ref = base !== null && base > 0 ? base : first;
      const rel = ref !== null && ref > 0 ? Math.max(0, (v - (base ?? 0)) / ref) : 1;
      candidates.push({
        row: ind.row,
        name: ind.name,
        fromScore: score,
        toScore: reached,
        value: v,
        action: withUnit(v, rule.unit),
        relative: rel,
      });
    }
  } else if (rule.kind === "counted") {
    const counted = rule as CountedRule;
    const items = memo.of(rule, "items", () => cheapestItems(counted.items));
    const unit = counted.unit ?? "家";
    row.items = items.map((it) => ({
      label: itemLabel(it, unit),
      kind: it.kind,
      level: it.level,
      points: it.points,
      countToFull: Math.ceil(Rational.of(headroom).div(Rational.fromNumber(it.points)).toNumber() - 1e-12),
    }));
    const cheapest: CountedItem | undefined = items[0];
    if (cheapest) {
      const have = sc.value !== null && sc.value > 0 ? sc.value : 1;
      const toFull = row.items[0].countToFull;
      const steps = memo.of(rule, `steps|${score}|${max}|${toFull}|${unit}`, () => {
        const out: { k: number; s: number }[] = [];
        for (let k = 1; k <= toFull; k++) {
          const s = scoreAdded(counted, cheapest, k, score, unit);
          if (s === null) break; // the rule cannot read its own item back: suggest nothing rather than guess
          out.push({ k, s: capScore(s, max) });
        }
        return out;
      });
      const goal = (target: number): UpgradeGoal | null => {
        const hit = steps.find((x) => x.s >= target - 1e-9);
        return hit
          ? { score: hit.s, value: null, valueText: null, fromToday: null, add: { item: row.items[0].label, count: hit.k } }
          : null;
      };
      row.full = goal(max);
      row.next = goal(levels[0]);
      for (const { k, s } of steps) {
        if (s <= score) continue;
        candidates.push({
          row: ind.row,
          name: ind.name,
          fromScore: score,
          toScore: s,
          value: null,
          action: `新增 ${itemLabelShort(cheapest)}${k}${unit}`,
          relative: k / have,
        });
      }
    }
  }
  return { row, candidates };
}

function itemLabelShort(it: CountedItem): string {
  return `${it.level ?? ""}${it.aliases[0] ?? it.kind}`;
}

/** An UpgradeAnalysis whose rows are made as they are read (a report writes them one by one). */
export interface UpgradeAnalysisStream extends Omit<UpgradeAnalysis, "rows"> {
  rows: LazyList<UpgradeRow>;
}

/** The path to the next grade for one year column (default: the target year). */
export function upgradeAnalysis(plan: Plan, column: string | null = targetColumn(plan)): UpgradeAnalysis | null {
  const a = upgradeAnalysisStream(plan, column);
  return a && { ...a, rows: a.rows.toArray() };
}

/**
 * The same analysis with its rows made only when read, so a 100,000-row 分工表's analysis is never
 * held whole: the suggestion is found from each row's candidate steps first (the rows themselves
 * dropped), and the rows are made again, from the same memo, as they are written.
 */
export function upgradeAnalysisStream(
  plan: Plan,
  column: string | null = targetColumn(plan),
  memo: RuleMemo = new RuleMemo(),
): UpgradeAnalysisStream | null {
  const col = plan.layout.years.findIndex((y) => y.label === column);
  if (col < 0) return null;
  const todayLabel = latestActualColumn(plan);
  const todayCol = plan.layout.years.findIndex((y) => y.label === todayLabel);
  const total = plan.totals[col];
  const nextGrade: Grade | null = total.grade === "A" ? null : total.grade === "B" ? "A" : "B";
  let suggestion: Suggestion | null = null;
  if (nextGrade !== null) {
    const groups = plan.indicators.map((ind) => analyseRow(ind, col, todayCol, memo).candidates);
    const chosen = suggestCombination(groups, total.gapToNext);
    const method = solvedExactly(groups, total.gapToNext) ? "exact" : "greedy";
    const steps: SuggestedStep[] = chosen.map((c) => ({
      row: c.row,
      name: c.name,
      fromScore: c.fromScore,
      toScore: c.toScore,
      gain: Rational.fromNumber(c.toScore).sub(Rational.fromNumber(c.fromScore)).toNumber(),
      value: c.value,
      action: c.action,
      relative: Number(c.relative.toFixed(4)),
    }));
    // the new total: every row's score, the suggested ones as the rule scored them, added exactly
    const byRow = new Map(steps.map((s) => [s.row, s.toScore]));
    const newTotal = plan.indicators
      .reduce((sum, ind) => sum.add(Rational.fromNumber(byRow.get(ind.row) ?? contribution(ind.scores[col]))), Rational.ZERO)
      .toNumber();
    const grade = gradeOf(newTotal);
    suggestion = { method, steps, total: newTotal, grade, reaches: grade === nextGrade || grade === "A" };
  }
  return {
    column: total.column,
    kind: total.kind,
    total: total.computed,
    grade: total.grade,
    nextGrade,
    gap: total.gapToNext,
    todayColumn: todayLabel,
    rows: lazyMap(plan.indicators, (ind) => analyseRow(ind, col, todayCol, memo).row),
    suggestion,
  };
}

/** The analyses a report shows: the target year, then the latest actual year (when different). */
export function upgradeAnalyses(plan: Plan): UpgradeAnalysis[] {
  return upgradeAnalysesStream(plan).map((a) => ({ ...a, rows: a.rows.toArray() }));
}

/** upgradeAnalyses with lazy rows, sharing one memo of the rules' answers. */
export function upgradeAnalysesStream(plan: Plan): UpgradeAnalysisStream[] {
  const memo = new RuleMemo();
  const cols = [targetColumn(plan), latestActualColumn(plan)].filter((c, i, a): c is string => c !== null && a.indexOf(c) === i);
  return cols.map((c) => upgradeAnalysisStream(plan, c, memo)).filter((a): a is UpgradeAnalysisStream => a !== null);
}

/** The most decimals the row's values are written with (1.37 → 2), or undefined when it has none. */
function rowPrecision(ind: IndicatorPlan): number | undefined {
  let most: number | undefined;
  for (const sc of ind.scores) {
    if (sc.value === null || !Number.isFinite(sc.value)) continue;
    const text = String(sc.value);
    const decimals = /e/i.test(text) ? 4 : (text.split(".")[1]?.length ?? 0);
    most = Math.max(most ?? 0, Math.min(decimals, 4));
  }
  return most;
}
