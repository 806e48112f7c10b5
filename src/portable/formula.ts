/**
 * Plain Excel formulas for the 分享版 (portable) workbook: a banded rule as nested IF over its
 * value cell, a total as SUM. Pure: no ExcelJS, no Office.js. Formulas are returned without "=".
 *
 * Only IF, ROUND, MIN, SUM and arithmetic appear, so Excel (any version), WPS, LibreOffice and
 * Google Sheets compute them; no LAMBDA, LET, XLOOKUP or custom functions.
 *
 * Shape, for "≧10000万元（5分）；10000-5000万元（5-4分）；5000-1000万元（4-3分）；1000万元以下（3-0分）"
 * over F5, with the stated score 3.39 kept while F5 is blank:
 *
 *   IF(F5="",3.39,IF(F5*1<0,"无法得分",ROUND(IF(F5>=10000,5,IF(F5>=5000,4+(F5-5000)*1/5000,
 *     IF(F5>=1000,3+(F5-1000)*1/4000,F5*3/1000)))+1E-10,2)))
 *
 * Why each part:
 *
 * - Rounding on halves. The engine rounds the exact decimal score half away from zero (5.025 → 5.03).
 *   A spreadsheet computes the linear part in binary floating point: 5+(20.5-20)*1/20 may come out
 *   as 5.0249999999999995 or 5.0250000000000004 depending on the operands, and whether ROUND then
 *   gives 5.02 or 5.03 depends on the program (Excel and LibreOffice snap to 15 significant digits
 *   first, others do not). So the formula adds 1E-10 before ROUND. Scores are never negative here
 *   (the engine refuses negative values, and every band score is ≥ 0), so "half away from zero" is
 *   "half up", and the nudge always points the right way.
 *   Why 1E-10 is safe both ways:
 *   · on a true half, the float error of the expression is a few ulps of the largest operand: below
 *     1E-13 for scores under 100 and values under 10^6 — far below 1E-10, so x+1E-10 lies clearly
 *     above the half and every ROUND implementation rounds it up, as the engine does;
 *   · a score that is not a half is moved across a rounding edge only if its exact value lies within
 *     1E-10 below a half: that needs a value typed with about 10 significant digits inside its band
 *     (e.g. 1019.9999999999万元). Values in a 分工表 carry 2–4 decimals, whose scores are either on a
 *     half exactly or at least ~1E-8 away from one. This is the documented limit.
 *   The property tests (test/portable-formula.test.ts) evaluate the formula in IEEE doubles with a
 *   naive ROUND and compare with the engine on every band edge, the halves 5.025, 2.675, 0.285,
 *   1.005 and thousands of random decimal values; the LibreOffice tests do the same in LibreOffice.
 *
 * - Comparisons use the raw cell against exact decimal thresholds. For a value cell that holds a
 *   real percentage (0.0035 shown as 0.35%, decided from its number format exactly as the engine
 *   reads it: a "%" outside quotes), the threshold 0.5% is written 0.005, the same double the cell
 *   holds when a person types 0.5%, so the band edge is hit exactly; only the linear part uses
 *   F5*100.
 *
 * - Blank value cell: the engine gives no score ("尚未填写数值") and the model keeps the stated
 *   score (the total adds it). For a value cell blank when the copy is made, the formula does the
 *   same: IF(F5="", <the stated score>, …) — the cached result, the total and what the reader saw
 *   agree, and the score follows as soon as someone fills in the value. For a value cell that has a
 *   value now and is cleared later, IF(F5="","",…): no score, never an old number (makePortable
 *   chooses; `blank` below).
 *
 * - Text typed into the value cell later ("3000万元"): a spreadsheet compares text as greater than
 *   any number, so F5>=10000 would silently give the top score. The first test is F5*1<…, which is
 *   #VALUE! for text: an honest error instead of a wrong number.
 *
 * - Below the lowest band (negative numbers, or under a lowest band that does not start at 0): the
 *   engine gives no score; the formula shows the text "无法得分", never a number.
 *
 * - A weight lower than the rule's top score caps the score (the model's min(score, weight)):
 *   MIN(weight, ROUND(…)).
 */
import { Rational } from "../engine/decimal";
import type { Band, Rule } from "../engine/types";
import { resolveBase, type Piece, type StepRule } from "../engine/rules/steps";
import type { ProratedRule } from "../engine/rules/prorated";

/** The nudge added before ROUND; see the comment above. */
export const ROUND_NUDGE = "1E-10";
/** What the formula shows for a value below the lowest band (the engine gives no score there). */
export const NO_SCORE_TEXT = "无法得分";

export interface BandedFormulaOptions {
  /**
   * The value cell holds a real percentage (its number format shows "%"), while the rule is
   * written in percent: thresholds are divided by 100 and the linear part uses value*100.
   */
  percent?: boolean;
  /**
   * What the cell shows while the value cell is blank: a number (the stated score, kept), or null
   * for an empty text "". Leave undefined to add no blank test (a literal value, say).
   */
  blank?: number | null;
  /** the row's weight when it is lower than the rule's top score: the score is capped at it */
  cap?: number | null;
}

/** A number as a formula literal: exact decimal text, no exponent, no float noise. */
export function numberLiteral(x: number | Rational): string {
  const r = x instanceof Rational ? x : Rational.fromNumber(x);
  return r.toDecimalString();
}

function dec(x: number): Rational {
  return Rational.fromNumber(x);
}

/** The formula text (without "=") scoring `valueRef` under a banded rule. Throws for any other rule kind. */
export function bandedFormula(rule: Rule, valueRef: string, opts: BandedFormulaOptions = {}): string {
  if (rule.kind !== "banded" || !rule.bands || rule.bands.length === 0) {
    throw new Error(`not a banded rule: ${rule.kind}`);
  }
  const bands = rule.bands;
  const ref = valueRef;
  const scale = opts.percent ? 100 : 1;
  /** a threshold in the rule's unit, as the cell holds it */
  const threshold = (x: number) => numberLiteral(dec(x).div(scale));
  /** the value in the rule's unit */
  const x = opts.percent ? `${ref}*100` : ref;

  const linear = (b: Band): string => {
    const ls = dec(b.lowScore);
    const hs = dec(b.highScore);
    if (b.high === null || ls.eq(hs)) return numberLiteral(hs);
    const dv = dec(b.high).sub(dec(b.low));
    const ds = hs.sub(ls);
    const offset = dec(b.low).isZero() ? x : `(${x}-${numberLiteral(dec(b.low))})`;
    const term = `${offset}*${numberLiteral(ds)}/${numberLiteral(dv)}`;
    return ls.isZero() ? term : `${numberLiteral(ls)}+${term}`;
  };

  // From the top band down: IF(v>=low_top, …, IF(v>=low_next, …, … lowest band's line)).
  const top = bands[bands.length - 1];
  let expr = linear(bands[0]);
  for (let i = 1; i < bands.length; i++) {
    const b = bands[i];
    expr = `IF(${ref}>=${threshold(b.low)},${linear(b)},${expr})`;
  }
  // a closed top band: at and above its upper end, its top score
  if (top.high !== null) {
    expr = `IF(${ref}>=${threshold(top.high)},${numberLiteral(dec(top.highScore))},${expr})`;
  }
  let scored = `ROUND(${expr}+${ROUND_NUDGE},2)`;
  if (opts.cap !== undefined && opts.cap !== null && (rule.max === null || opts.cap < rule.max)) {
    scored = `MIN(${numberLiteral(dec(opts.cap))},${scored})`;
  }
  // ref*1 turns text into #VALUE! (see above) and catches values under the lowest band.
  let formula = `IF(${ref}*1<${threshold(bands[0].low)},"${NO_SCORE_TEXT}",${scored})`;
  if (opts.blank !== undefined) {
    const shown = opts.blank === null ? '""' : numberLiteral(dec(opts.blank));
    formula = `IF(${ref}="",${shown},${formula})`;
  }
  return formula;
}

/** A1 reference parts: optional sheet prefix, column letters, row number. */
const CELL = /^((?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?\$?([A-Z]{1,3})\$?(\d+)$/;

/**
 * SUM over the given cells (A1 addresses, same sheet as the formula): runs of consecutive rows in one
 * column become ranges, so the formula stays short and lists exactly the cells the total adds —
 * never a row in between (a subtotal or a note) that the engine's total leaves out.
 */
export function totalFormula(cells: string[]): string {
  if (cells.length === 0) return "0";
  const parsed = cells.map((c) => {
    const m = CELL.exec(c);
    if (!m) throw new Error(`not a cell address: ${c}`);
    return { prefix: m[1] ?? "", col: m[2], row: Number(m[3]) };
  });
  const parts: string[] = [];
  let i = 0;
  while (i < parsed.length) {
    const start = parsed[i];
    let j = i;
    while (
      j + 1 < parsed.length &&
      parsed[j + 1].prefix === start.prefix &&
      parsed[j + 1].col === start.col &&
      parsed[j + 1].row === parsed[j].row + 1
    ) {
      j++;
    }
    const end = parsed[j];
    parts.push(j === i ? `${start.prefix}${start.col}${start.row}` : `${start.prefix}${start.col}${start.row}:${end.col}${end.row}`);
    i = j + 1;
  }
  return `SUM(${parts.join(",")})`;
}

/** The grade formula over a total: A at 80 and above, B from 60, C below (the province's grading). */
export function gradeFormula(totalExpr: string): string {
  return `IF(${totalExpr}>=80,"A",IF(${totalExpr}>=60,"B","C"))`;
}

export interface StepFormulaOptions extends BandedFormulaOptions {
  /** the row's weight: the full score of a rule that says "得满分" without a number */
  weight?: number | null;
  /**
   * A growth rule over a level: last year's value cell (the year column before). Without it the value
   * cell must hold the growth rate itself (`percent`).
   */
  previousRef?: string;
}

/**
 * The formula for a step rule (stepped, threshold, deduction — see src/engine/rules/steps.ts): an IF
 * chain over its pieces from the top down, each a flat score or base + per×TRUNC(steps), clamped with
 * MIN/MAX to the rule's cap and floor, rounded as above. Only IF, ROUND, TRUNC, INT, MIN, MAX.
 *
 * - Edges: "≥X" is ref>=X, "超过X" is ref>X, with X as the cell holds it (X/100 for a real percentage),
 *   so an edge typed as written is decided exactly as the engine decides it.
 * - Whole steps: TRUNC(ROUND((v−origin)/size, 9)). The ROUND to 9 places removes binary noise before
 *   TRUNC ((0.3−0.1)/0.1 is 1.9999999999999998 in doubles); a value with at most 4 decimals over a step
 *   with at most 4 decimals has an exact ratio far coarser than 1E-9, so nothing true is lost.
 * - A count that must be whole (家/次/项…) and is not: "无法得分", as the engine refuses it.
 */
export function stepFormula(rule: StepRule, valueRef: string, opts: StepFormulaOptions = {}): string {
  if (rule.kind === "growth") return growthFormula(rule, valueRef, opts);
  const ref = valueRef;
  const scale = opts.percent ? 100 : 1;
  const threshold = (x: Rational) => numberLiteral(x.div(scale));
  const x = opts.percent ? `ROUND(${ref}*100,10)` : ref;
  return chain(rule, ref, ref, x, threshold, opts);
}

/**
 * Growth: the rate in percent is the cell itself (a real percentage, ×100) or (level − last year) /
 * last year × 100, rounded to 10 places so a rate on an edge (2200 after 2000 is 10%) compares exactly;
 * edges then compare that rate with the rule's numbers as written. Last year blank or 0: "无法得分",
 * as the engine refuses it.
 */
function growthFormula(rule: StepRule, ref: string, opts: StepFormulaOptions): string {
  const prev = opts.previousRef;
  if (!opts.percent && !prev) throw new Error("a growth rule over a level needs last year's cell");
  const x = opts.percent ? `ROUND(${ref}*100,10)` : `ROUND((${ref}-${prev})/${prev}*100,10)`;
  let f = chain(rule, ref, x, x, (t) => numberLiteral(t), { ...opts, blank: undefined });
  if (!opts.percent) f = `IF(${prev}="","${NO_SCORE_TEXT}",IF(${prev}*1=0,"${NO_SCORE_TEXT}",${f}))`;
  if (opts.blank !== undefined) {
    const shown = opts.blank === null ? '""' : numberLiteral(dec(opts.blank));
    f = `IF(${ref}="",${shown},${f})`;
  }
  return f;
}

/** The IF chain over the pieces: `cmp` is what edges compare (in the rule's unit via `threshold`), `x` what steps count. */
function chain(rule: StepRule, ref: string, cmp: string, x: string, threshold: (x: Rational) => string, opts: StepFormulaOptions): string {
  const full = rule.full !== null ? Rational.fromNumber(rule.full) : opts.weight == null ? null : Rational.fromNumber(opts.weight);
  const pieceExpr = (p: Piece): string => {
    const base = resolveBase(p.base, full);
    if (base === null) throw new Error("the rule's full score is the row's weight, and the row has none");
    if (!p.step) return numberLiteral(base);
    const diff = p.step.origin.isZero() ? x : `${x}-${numberLiteral(p.step.origin)}`;
    const steps = `TRUNC(ROUND((${diff})/${numberLiteral(p.step.size)},9))`;
    const per = p.step.per;
    let term = per.eq(1) ? steps : `${steps}*${numberLiteral(per)}`;
    // "最高加减分不得超过5分": the steps move the base at most that far, either way (as the engine's raw())
    if (rule.swing !== null) term = `MAX(${numberLiteral(dec(-rule.swing))},MIN(${numberLiteral(dec(rule.swing))},${term}))`;
    // "加分最高不超过基本分值的50%": rising steps add at most that to a base (as the engine's raw())
    if (rule.bonus !== null && !base.isZero()) {
      const most = rule.bonus.share ? (full === null ? null : full.mul(dec(rule.bonus.max))) : dec(rule.bonus.max);
      if (most === null) throw new Error("the rule's bonus is a share of the row's weight, and the row has none");
      term = `MIN(${numberLiteral(most)},${term})`;
    }
    return base.isZero() ? term : `${numberLiteral(base)}+${term}`;
  };
  const ps = rule.pieces;
  let expr = pieceExpr(ps[0]);
  for (let i = 1; i < ps.length; i++) {
    const low = ps[i].low!;
    expr = `IF(${cmp}${low.inclusive ? ">=" : ">"}${threshold(low.at)},${pieceExpr(ps[i])},${expr})`;
  }
  if (rule.cap !== null) expr = `MIN(${numberLiteral(rule.cap)},${expr})`;
  if (ps.some((p) => p.step)) expr = `MAX(${numberLiteral(rule.floor)},${expr})`;
  let scored = `ROUND(${expr}+${ROUND_NUDGE},2)`;
  if (opts.cap !== undefined && opts.cap !== null && (rule.max === null || opts.cap < rule.max)) {
    scored = `MIN(${numberLiteral(dec(opts.cap))},${scored})`;
  }
  const top = ps[ps.length - 1];
  if (top.high) scored = `IF(${cmp}${top.high.inclusive ? ">" : ">="}${threshold(top.high.at)},"${NO_SCORE_TEXT}",${scored})`;
  if (rule.wholeCount) scored = `IF(INT(${ref})<>${ref},"${NO_SCORE_TEXT}",${scored})`;
  const bottom = ps[0].low;
  // text typed into the cell: ref*1 is #VALUE!, never a score; a growth rate may be negative
  const below = bottom
    ? `${cmp}*1${bottom.inclusive ? "<" : "<="}${threshold(bottom.at)}`
    : rule.kind === "growth" && opts.percent
      ? null
      : `${ref}*1<0`;
  let formula = below === null ? scored : `IF(${below},"${NO_SCORE_TEXT}",${scored})`;
  if (opts.blank !== undefined) {
    const shown = opts.blank === null ? '""' : numberLiteral(dec(opts.blank));
    formula = `IF(${ref}="",${shown},${formula})`;
  }
  return formula;
}

/**
 * In proportion to a stated target (src/engine/rules/prorated.ts): IF(v>=X, N, N×v/X), then ROUND as
 * above; below 0 or a count that must be whole and is not, "无法得分", as the engine refuses it.
 * The edge compares the cell as written (X/100 for a real percentage).
 */
function proratedFormula(rule: ProratedRule, ref: string, opts: StepFormulaOptions): string {
  if (rule.upper) {
    // bands at and above the edge (their own formula), the edge's score in proportion below it
    const edge = numberLiteral(Rational.fromNumber(rule.target).div(opts.percent ? 100 : 1));
    const above = stepFormula(rule.upper, ref, { ...opts, blank: undefined });
    let below = `ROUND(${numberLiteral(Rational.fromNumber(rule.full!))}*${ref}/${edge}+${ROUND_NUDGE},2)`;
    if (opts.cap !== undefined && opts.cap !== null && rule.full! > opts.cap) below = `MIN(${numberLiteral(dec(opts.cap))},${below})`;
    if (rule.wholeCount) below = `IF(INT(${ref})<>${ref},"${NO_SCORE_TEXT}",${below})`;
    let f = `IF(${ref}*1<0,"${NO_SCORE_TEXT}",IF(${ref}<${edge},${below},${above}))`;
    if (opts.blank !== undefined) f = `IF(${ref}="",${opts.blank === null ? '""' : numberLiteral(dec(opts.blank))},${f})`;
    return f;
  }
  const full = rule.full !== null ? Rational.fromNumber(rule.full) : opts.weight == null ? null : Rational.fromNumber(opts.weight);
  if (full === null) throw new Error("the rule's full score is the row's weight, and the row has none");
  const target = Rational.fromNumber(rule.target).div(opts.percent ? 100 : 1);
  const n = numberLiteral(full);
  let scored = `ROUND(IF(${ref}>=${numberLiteral(target)},${n},${n}*${ref}/${numberLiteral(target)})+${ROUND_NUDGE},2)`;
  if (opts.cap !== undefined && opts.cap !== null && full.gt(Rational.fromNumber(opts.cap)))
    scored = `MIN(${numberLiteral(dec(opts.cap))},${scored})`;
  if (rule.wholeCount) scored = `IF(INT(${ref})<>${ref},"${NO_SCORE_TEXT}",${scored})`;
  let formula = `IF(${ref}*1<0,"${NO_SCORE_TEXT}",${scored})`;
  if (opts.blank !== undefined) {
    const shown = opts.blank === null ? '""' : numberLiteral(dec(opts.blank));
    formula = `IF(${ref}="",${shown},${formula})`;
  }
  return formula;
}

/** Which rules a plain formula carries: banded, the step rules (growth over a level also needs last year's cell), prorated. */
export function formulaCarries(rule: Rule): boolean {
  if (rule.kind === "banded") return Boolean(rule.bands?.length);
  if (rule.kind === "prorated") return "target" in rule;
  return (rule.kind === "stepped" || rule.kind === "threshold" || rule.kind === "deduction" || rule.kind === "growth") && "pieces" in rule;
}

/** The 分享版 formula for any rule `formulaCarries`. */
export function scoreFormula(rule: Rule, valueRef: string, opts: StepFormulaOptions = {}): string {
  if (rule.kind === "banded") return bandedFormula(rule, valueRef, opts);
  if (rule.kind === "prorated") return proratedFormula(rule as ProratedRule, valueRef, opts);
  if (!formulaCarries(rule)) throw new Error(`no plain formula for a ${rule.kind} rule`);
  return stepFormula(rule as StepRule, valueRef, opts);
}
