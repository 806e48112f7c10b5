/**
 * The 分工表 model's contract: what a host hands in (the cells of a workbook) and the
 * plan it gets back (every score, total, flag, and exactly which cells to write).
 * No I/O here; the command line, the Office.js host and the browser page all drive this.
 */
import type { CellScalar, RuleKind } from "../engine/types";

/** One cell as a host reads it. */
export interface CellData {
  /** the value (for a formula cell: its cached result) */
  v: CellScalar;
  /** Excel number format ("General", "0.00%", …) */
  numFmt?: string;
  /** formula text without the leading "=", when the cell holds one */
  formula?: string;
}

/** One worksheet: cells[row][col], both 0-based (A1 is cells[0][0]); holes are empty cells. */
export interface SheetData {
  name: string;
  cells: (CellData | undefined)[][];
  /** merged areas in A1 notation, e.g. "A4:A6" */
  merges: string[];
}

export interface WorkbookData {
  sheets: SheetData[];
}

export type ColumnKind = "actual" | "forecast" | "target";

/** One year's pair of columns: the value (情况/目标) column and its score (得分) column. */
export interface YearColumns {
  /** the year label as the report names it: "2018" */
  label: string;
  year: number;
  kind: ColumnKind;
  /** 0-based column index of the value column, or null when the sheet has only a score column */
  valueCol: number | null;
  scoreCol: number;
  valueHeader: string | null;
  scoreHeader: string;
}

/** Where the 分工表 sits in its sheet; found by headers, never fixed addresses. */
export interface Layout {
  sheet: string;
  /** 0-based rows that hold the headers (one or two) */
  headerRows: number[];
  /** 0-based rows of indicators, in sheet order */
  indicatorRows: number[];
  /** 0-based row of 合计得分, or null when the sheet has none */
  totalRow: number | null;
  /** 0-based column of the total row's label ("合计得分") */
  totalLabelCol: number | null;
  columns: {
    seq: number | null;
    category: number | null;
    name: number;
    weight: number | null;
    rule: number;
    dept: number | null;
    /** 配合单位 in a column of its own, beside the 牵头/责任单位 column */
    support?: number | null;
  };
  years: YearColumns[];
}

export type ScoreStatus = "ok" | "mismatch" | "manual" | "range" | "no-value" | "error";

export type FlagCode = "target-unreachable" | "target-gap" | "score-mismatch" | "rule-error" | "value-error";

export interface Flag {
  code: FlagCode;
  /** the year label the flag is about ("2020"), or null for the whole row (a rule error) */
  column: string | null;
  /** A1 address of the cell the flag is shown on */
  cell: string;
  /** what is wrong and what would fix it, in Chinese */
  message: string;
  /** the same in English, for an English-speaking Office */
  messageEn: string;
}

export interface ScoreCell {
  column: string;
  kind: ColumnKind;
  /** A1 address of the score cell */
  cell: string;
  /** A1 address of the value cell, or null */
  valueCell: string | null;
  /** the value in the rule's unit, or null */
  value: number | null;
  /** the value cell as the sheet shows it (text), for display */
  valueText: string;
  /** the number in the score cell, or null */
  stated: number | null;
  /** the rule's score, or null when the rule cannot decide it */
  computed: number | null;
  /** [low, high] for a counted rule given only a count, else null */
  range: [number, number] | null;
  status: ScoreStatus;
  /** Chinese explanation (empty when ok) */
  message: string;
  /**
   * What the pane shows under the row about how the value was written: a placeholder ("暂无": no
   * value yet) or a qualifier ("约2489万元": scored as 2489万元, approximate). Absent otherwise.
   */
  note?: string;
  noteEn?: string;
}

export interface IndicatorPlan {
  /** 1-based sheet row, as a person reads it */
  row: number;
  category: string;
  name: string;
  weight: number | null;
  ruleKind: RuleKind | null;
  ruleText: string;
  /** A1 address of the rule cell */
  ruleCell: string;
  max: number | null;
  /** value needed for the target column's stated score; null when none or no target column */
  requiredValue: number | null;
  unit: string | null;
  /** the 责任单位/数据提供单位 cell's text as written ("" when the sheet has no such column) */
  dept: string;
  scores: ScoreCell[];
  flags: Flag[];
}

export type Grade = "A" | "B" | "C";

export interface TotalPlan {
  column: string;
  kind: ColumnKind;
  /** A1 address of the total cell, or null when the sheet has no 合计得分 row */
  cell: string | null;
  stated: number | null;
  computed: number;
  grade: Grade;
  /** points to the next grade up (0 for A) */
  gapToNext: number;
}

export interface SubtotalPlan {
  category: string;
  /** the 一级指标's points as its label states them ("创新投入（20分）" → 20), or null */
  points: number | null;
  /** computed subtotal per year label */
  byColumn: Record<string, number>;
}

/** One cell the plan would write. Only cells whose content changes are listed. */
export interface CellWrite {
  cell: string;
  /** 0-based */
  row: number;
  col: number;
  before: CellScalar;
  after: number;
  /** why, in Chinese */
  reason: string;
  reasonEn: string;
  /** set when the cell holds a formula that stays: only its cached result changes */
  keepsFormula?: string;
}

export type HighlightSeverity = "unreachable" | "gap" | "mismatch" | "error";

export interface Highlight {
  cell: string;
  row: number;
  col: number;
  severity: HighlightSeverity;
  /** the cell note, in Chinese */
  note: string;
  noteEn: string;
}

/**
 * Which 分工表 to bind when a workbook holds several: by `table` (1-based, in the order
 * Plan.tables lists them), or by `sheet` and optionally a 1-based `row` inside the table (or
 * above it: the first table at or below that row).
 */
/** How a plan is made. */
export interface PlanOptions {
  /**
   * false: the English texts of the score cells, flags, writes and highlights (noteEn, messageEn,
   * reasonEn) are left empty — for a host that shows only Chinese (the command line), as making them
   * cost a twentieth of a plan. The table notice keeps its own. Default true (the pane and the page
   * switch languages).
   */
  english?: boolean;
  /**
   * false: every write's reason (reason, reasonEn) is left empty — for a caller that only counts the
   * writes (`kjscore check`), as saying why each score is corrected, with the rule's explanation,
   * cost a sixth of a plan. Default true (recalc, report, the pane and the page show them).
   */
  writeReasons?: boolean;
}

export interface TableChoice {
  sheet?: string;
  row?: number;
  table?: number;
}

/** One 分工表 found in the workbook. */
export interface TableInfo {
  /** 1-based number, as `--table N` and TableChoice.table take it */
  table: number;
  sheet: string;
  /** 1-based row where its headers start */
  row: number;
  /** 1-based last row (its 合计得分 row, or its last indicator) */
  lastRow: number;
  indicators: number;
  /** its year labels ("2018", "2019", "2020") */
  years: string[];
}

export interface Plan {
  sheet: string;
  layout: Layout;
  /** every 分工表 found in the workbook (set by computePlan; one entry when there is one) */
  tables?: TableInfo[];
  /** 0-based index in `tables` of the table this plan scores */
  bound?: number;
  /** when several tables were found: which one was bound and which others exist */
  tableNotice?: { message: string; messageEn: string };
  indicators: IndicatorPlan[];
  totals: TotalPlan[];
  subtotals: SubtotalPlan[];
  writes: CellWrite[];
  highlights: Highlight[];
}

/** The table could not be found: which headers were looked for. */
export class NoTableError extends Error {
  constructor(
    message: string,
    readonly lookedFor: string[],
  ) {
    super(message);
    this.name = "NoTableError";
  }
}

/** A TableChoice that names no table of the workbook: says which there are. */
export class TableChoiceError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "TableChoiceError";
  }
}
