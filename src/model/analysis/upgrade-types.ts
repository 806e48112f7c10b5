/** The shapes of the 升级分析 (see ./upgrade.ts): per indicator, its goals, and the suggested combination. */
import type { ColumnKind, Grade, IndicatorPlan } from "../types";

/** A distance between two values, in the rule's unit; relative is a fraction of the first (0.0285 = 2.85%). */
export interface Distance {
  absolute: number;
  /** null when the starting value is 0 or unknown */
  relative: number | null;
}

/** What one score level needs. */
export interface UpgradeGoal {
  score: number;
  /** banded: the value the rule needs (Rule.required), in the rule's unit; null for other kinds */
  value: number | null;
  /** the value as a person enters it ("2560万元"), or null */
  valueText: string | null;
  /** from today's value (the latest actual year) to `value` */
  fromToday: Distance | null;
  /** counted: how many of the cheapest item reach this score ("省级孵化器每家1分" × 2) */
  add: { item: string; count: number } | null;
}

export interface CountedOption {
  /** "省级孵化器每家1分" */
  label: string;
  kind: string;
  level: string | null;
  points: number;
  /** how many of this item alone fill the headroom */
  countToFull: number;
}

export type UpgradeRowKind = "value" | "counted" | "manual";

export interface UpgradeRow {
  row: number;
  category: string;
  name: string;
  ruleKind: IndicatorPlan["ruleKind"];
  unit: string | null;
  /** value: a banded rule (a value to reach); counted: items to add; manual: judged/categorical/unreadable, headroom only */
  kind: UpgradeRowKind;
  max: number | null;
  /** the column's score (computed, else as stated, else 0 — what the total adds) */
  score: number;
  /** max − score, or null when the row has no maximum */
  headroom: number | null;
  /** the column's value in the rule's unit, or null */
  value: number | null;
  valueText: string;
  /** the latest actual year's value, or null */
  today: { column: string; value: number | null; valueText: string } | null;
  full: UpgradeGoal | null;
  next: UpgradeGoal | null;
  /** counted rules: the items that add points, cheapest first */
  items: CountedOption[];
}

export interface SuggestedStep {
  row: number;
  name: string;
  fromScore: number;
  toScore: number;
  gain: number;
  /** the value to reach (banded) or null */
  value: number | null;
  /** what to do, as a person reads it: "2560万元" or "新增 省级孵化器2家" */
  action: string;
  /** relative increase over the column's value (counted: items added over items there) */
  relative: number;
}

export interface Suggestion {
  /**
   * "exact": the smallest sum of relative increases (see combination.ts); "greedy": a sheet too large
   * for the exact search (thousands of indicators), steps taken by cost per point
   */
  method: "exact" | "greedy";
  steps: SuggestedStep[];
  /** the column's total with the suggested scores, recomputed (exact decimal sum of each row's score) */
  total: number;
  grade: Grade;
  /** whether the total reaches the next grade; false when even every candidate together falls short */
  reaches: boolean;
}

export interface UpgradeAnalysis {
  column: string;
  kind: ColumnKind;
  total: number;
  grade: Grade;
  /** null at A */
  nextGrade: Grade | null;
  gap: number;
  /** the latest actual year the distances are measured from, or null */
  todayColumn: string | null;
  rows: UpgradeRow[];
  /** null at A (nothing to close) */
  suggestion: Suggestion | null;
}
