/**
 * The JSON report: what `kjscore check --json` prints and other tools read.
 * Field names are a contract; add fields freely, never rename.
 */
import type { ColumnKind, Flag, FlagCode, Grade, IndicatorPlan, Plan, ScoreStatus, TableInfo } from "./types";
import type { RuleKind } from "../engine/types";
import { departmentsStream, upgradeAnalysesStream, type DepartmentPlan, type UpgradeAnalysis } from "./analysis";
import type { UpgradeAnalysisStream } from "./analysis";
import { lazyMap, type LazyList } from "./lazy-list";

export interface ReportScore {
  column: string;
  kind: ColumnKind;
  cell: string;
  valueCell: string | null;
  value: number | null;
  stated: number | null;
  computed: number | null;
  range: [number, number] | null;
  status: ScoreStatus;
  message: string;
}

export interface ReportFlag {
  code: FlagCode;
  column: string | null;
  cell: string;
  message: string;
}

export interface ReportIndicator {
  row: number;
  category: string;
  name: string;
  weight: number | null;
  ruleKind: RuleKind | null;
  unit: string | null;
  max: number | null;
  requiredValue: number | null;
  scores: ReportScore[];
  flags: ReportFlag[];
}

export interface ReportTotal {
  column: string;
  kind: ColumnKind;
  cell: string | null;
  stated: number | null;
  computed: number;
  grade: Grade;
  gapToNext: number;
}

export interface Report {
  file: string;
  sheet: string;
  indicators: ReportIndicator[];
  totals: ReportTotal[];
  subtotals: { category: string; points: number | null; scores: Record<string, number> }[];
  /** how many cells `kjscore recalc` would write, and how many it would highlight */
  changes: { writes: number; highlights: number };
  summary: Record<FlagCode, number>;
  /** every 分工表 found in the workbook, in the order `--table N` numbers them */
  tables: TableInfo[];
  /** the `table` number of the one this report scores */
  bound: number;
  /** when several were found: which one was scored and which others exist (Chinese) */
  notice?: string;
  /** 升级分析: the target year, then the latest actual year (see src/model/analysis/upgrade.ts) */
  upgrade: UpgradeAnalysis[];
  /** 按责任单位: each department's indicators, scores, values needed and flags */
  departments: ReportDepartment[];
}

export interface ReportDepartment extends Omit<DepartmentPlan, "tasks"> {
  tasks: ReportTask[];
}

type ReportTask = Omit<DepartmentPlan["tasks"][number], "flags"> & { flags: ReportFlag[] };

/**
 * The report with its long lists made as they are read (./lazy-list.ts): the indicators, the
 * 升级分析's rows and each department's tasks. `kjscore check --json` writes this one element at a
 * time (src/cli/json-out.ts), so a 100,000-row 分工表's report is never held whole beside its plan;
 * JSON.stringify of it gives the same text as of toReport's.
 */
export interface ReportStream extends Omit<Report, "indicators" | "upgrade" | "departments"> {
  indicators: LazyList<ReportIndicator>;
  upgrade: UpgradeAnalysisStream[];
  departments: (Omit<ReportDepartment, "tasks"> & { tasks: LazyList<ReportTask> })[];
}

/** The whole report, every list made. */
export function toReport(plan: Plan, file: string): Report {
  const r = reportStream(plan, file);
  return {
    ...r,
    indicators: r.indicators.toArray(),
    upgrade: r.upgrade.map((a) => ({ ...a, rows: a.rows.toArray() })),
    departments: r.departments.map((d) => ({ ...d, tasks: d.tasks.toArray() })),
  };
}

const reportFlag = (f: Flag): ReportFlag => ({ code: f.code, column: f.column, cell: f.cell, message: f.message });

function reportIndicator(ind: IndicatorPlan): ReportIndicator {
  return {
    row: ind.row,
    category: ind.category,
    name: ind.name,
    weight: ind.weight,
    ruleKind: ind.ruleKind,
    unit: ind.unit,
    max: ind.max,
    requiredValue: ind.requiredValue,
    scores: ind.scores.map((s) => ({
      column: s.column,
      kind: s.kind,
      cell: s.cell,
      valueCell: s.valueCell,
      value: s.value,
      stated: s.stated,
      computed: s.computed,
      range: s.range,
      status: s.status,
      message: s.message,
    })),
    flags: ind.flags.map(reportFlag),
  };
}

export function reportStream(plan: Plan, file: string): ReportStream {
  const summary: Record<FlagCode, number> = {
    "target-unreachable": 0,
    "target-gap": 0,
    "score-mismatch": 0,
    "rule-error": 0,
    "value-error": 0,
  };
  for (const ind of plan.indicators) for (const f of ind.flags) summary[f.code]++;
  const upgrade = upgradeAnalysesStream(plan);
  return {
    file,
    sheet: plan.sheet,
    indicators: lazyMap(plan.indicators, reportIndicator),
    totals: plan.totals.map((t) => ({
      column: t.column,
      kind: t.kind,
      cell: t.cell,
      stated: t.stated,
      computed: t.computed,
      grade: t.grade,
      gapToNext: t.gapToNext,
    })),
    subtotals: plan.subtotals.map((s) => ({ category: s.category, points: s.points, scores: s.byColumn })),
    changes: { writes: plan.writes.length, highlights: plan.highlights.length },
    summary,
    tables: plan.tables ?? [],
    bound: (plan.bound ?? 0) + 1,
    ...(plan.tableNotice ? { notice: plan.tableNotice.message } : {}),
    upgrade,
    departments: departmentsStream(plan, upgrade[0] ?? null).map((d) => ({
      ...d,
      tasks: d.tasks.map((t) => ({ ...t, flags: t.flags.map(reportFlag) })),
    })),
  };
}
