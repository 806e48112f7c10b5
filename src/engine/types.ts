/**
 * The engine's contract. Pure TypeScript: no Office.js, no DOM, no file system.
 * Every host (command line, Office.js, browser page) passes cell contents in and
 * gets results out through these shapes.
 */

/** What a spreadsheet cell can hold, as every host reports it. */
export type CellScalar = string | number | boolean | null | CellError;

/** An Excel error value (#DIV/0!, #N/A, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!). */
export interface CellError {
  error: string;
}

/** A value cell (情况/目标) as the engine needs it: its content and, for numbers, its number format. */
export interface ValueInput {
  v: CellScalar;
  /** Excel number format, e.g. "0.00%" — a number shown as a percentage is read as percent. */
  numFmt?: string;
}

export type RuleKind =
  | "banded"
  | "counted"
  | "categorical"
  | "judged"
  /** flat score per band: "≥30%（10分）；20%-30%（8分）；…" */
  | "stepped"
  /** a threshold, then steps: "达到1.5%得满分，否则不得分", "达到200万元得1分，每增加100万元加1分，最高5分" */
  | "threshold"
  /** from the full score down: "按时报送得满分，每迟报1次扣0.5分，扣完为止" */
  | "deduction"
  /** growth over last year, base ± steps: "较上年增长10%得基本分4分，每增加1个百分点加0.5分…" */
  | "growth"
  /** options that do not add up: "国家级5分，省级3分，市级1分，取最高分不累计" */
  | "highest"
  /** in proportion to a target the rule states: "上报科普信息4篇以上记2分（完不成的按比例扣分）" */
  | "prorated"
  /** one grade or yes/no, exclusive: "完成情况好计4分，一般计3分，差计2分", "…记2分（不使用不得分）" */
  | "graded"
  /** steps over last year's level: "高新技术企业数较上年每新增1家得1分，最高5分" */
  | "increase"
  /** grades worth a share of the 分值, reached by a figure: "优秀(占比90-100%)：300天以上；优良(占比70-90%)：250天以上；…" */
  | "share-graded";

/** One band of a banded linear rule, in the rule's unit: value in [low, high] scores linearly lowScore..highScore. */
export interface Band {
  low: number;
  /** null for the open top band ("≧10000万元（5分）"), which scores highScore flat from low upwards. */
  high: number | null;
  lowScore: number;
  highScore: number;
  /** the segment of rule text this band came from, as written */
  text: string;
}

/**
 * How a scored value was written: "约2489万元" (approximate) or "预计2489万元" (an estimate). The
 * number is scored as written; `note` on the result says so in Chinese, for the explanation.
 */
export type ValueQualifier = "approximate" | "estimate";

/**
 * How a score was reached, in Chinese ("2489万元按“≥2000万元”：3.37分"). Made when asked: a plan
 * shows it only where it corrects a cell, and building it for every score was a large part of scoring.
 */
export type Explain = () => string;

/** The result of scoring one value under one rule. */
export type ScoreResult =
  /** The rule decides the score. `score` is rounded like Excel's ROUND(x, 2). */
  | { status: "exact"; score: number; value: number | null; explain?: Explain; qualifier?: ValueQualifier; note?: string }
  /** Counted rule given only a count: the score lies in [low, high]. */
  | { status: "range"; low: number; high: number; value: number | null; explain?: Explain; qualifier?: ValueQualifier; note?: string }
  /** Judged rule: assessors enter the score by hand. */
  | { status: "manual" }
  /** Blank cell, or a placeholder ("暂无", "—"; then `message` says so): no value yet. */
  | { status: "no-value"; message?: string }
  /** The value cannot be read under this rule (unit contradicts, Excel error, unreadable text). */
  | { status: "error"; message: string };

export interface Rule {
  kind: RuleKind;
  /** the rule text as given */
  text: string;
  /** the unit the rule is written in ("万元", "%", "家", "件/万人"), or null when it names none */
  unit: string | null;
  /**
   * the highest score the rule can give (banded: the top band's score; counted: its cap;
   * categorical: the sum of its options — of the best one where options are states of one thing,
   * 建成/在建 — capped when the rule states a cap); null when the
   * rule states no number (a judged rule in plain prose) — then the row's weight is the maximum.
   */
  max: number | null;
  /** banded rules only: the bands, ordered from the lowest value up */
  bands?: Band[];
  /**
   * Score a value cell. Never throws. `context.previous` is the previous year's result in the
   * same row: a counted value that starts with "新增" ("新增 1.某孵化园 2.某院士工作站") adds to it.
   */
  score(input: ValueInput, context?: ScoreContext): ScoreResult;
  /**
   * The rule read backwards: the smallest value (in the rule's unit) whose unrounded
   * score reaches `score`; null where no value does (score above max) or the rule
   * cannot be read backwards (counted, categorical, judged).
   */
  required(score: number): number | null;
  /**
   * The value a person can enter for `score`: the smallest value at `precision` decimals (default:
   * the rule's own — 0 for counts of whole things) whose ROUNDED score reaches `score`; null where
   * none does or the rule cannot be read backwards. `weight` is the row's 权重分值, for rules whose
   * full score is the weight ("得满分").
   */
  needed?(score: number, options?: NeededOptions): number | null;
  /** judged rules with assessors' ranges ("成效明显的得8-10分；一般的得5-7分"): the scores allowed */
  allowed?: [number, number][];
  /** the value needs whole numbers (a count of firms, items, times) */
  wholeCount?: boolean;
  /**
   * A rule whose text says "得基本分" with no number: its base is the row's 权重分值 and its steps
   * may add to it ("每增减1个百分点加减1分；最高加减分不得超过5分" gives up to weight + 5). `max` is the
   * most it gives for a weight, or null when the text bounds the steps neither way (no 最高分, no
   * 加减分上限): then a score above the weight cannot be settled from the text.
   */
  baseFromWeight?: { max(weight: number): number | null };
}

export interface NeededOptions {
  /** decimals the row's values are written in; counts of whole things are always 0 */
  precision?: number;
  weight?: number | null;
  /** the value cell of the year before (a rule over last year's level needs it to give a level) */
  previousInput?: ValueInput;
}

export interface ScoreContext {
  previous?: ScoreResult;
  /** the previous year's value cell in the same row (the year column before): a growth rule reads it */
  previousInput?: ValueInput;
  /** the row's 权重分值: the full score of a rule that says "得满分" without a number */
  weight?: number | null;
}

/** A rule text the engine cannot read. `part` is the piece of text it could not read. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly part: string,
  ) {
    super(message);
    this.name = "RuleError";
  }
}
