/**
 * The custom functions' logic as plain functions: no CustomFunctions global, no Office.js, so
 * jest calls them directly. functions.ts turns a failed Outcome into a CustomFunctions.Error.
 *
 * Choices (documented in the functions' descriptions too):
 * - an unreadable rule or value → #VALUE! with the engine's Chinese message, never a number;
 * - a counted rule given only a count (a range of scores) → #VALUE!, naming the range;
 * - a judged rule (assessors score by hand) → #VALUE!, saying so;
 * - a blank value → #N/A ("尚无数值"), as Excel's own lookups say "not available yet";
 * - KJREQUIRED of a score above the rule's maximum, or one no value reaches → #VALUE! saying so
 *   (Excel drops the message of every error but #VALUE! and #N/A, so #NUM! would say nothing);
 * - KJSCORE of a number from a cell formatted as a percentage (0.0035 shown as 0.35%) is scored
 *   as the pane scores it: with the cell's number format (functions.ts reads it).
 */
import { gradeOf, ruleFor } from "../engine";
import type { CellScalar, Rule } from "../engine/types";

/** Only these two carry a message into Excel's cell (CustomFunctions.Error). */
export type FunctionErrorCode = "invalidValue" | "notAvailable";

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: FunctionErrorCode; message: string };

const fail = (code: FunctionErrorCode, message: string): Outcome<never> => ({ ok: false, code, message });

/** What Excel hands a custom function for one cell: a number, text, a boolean, or nothing. */
export type CellArg = number | string | boolean | null | undefined;

function readRule(rule: CellArg): Outcome<Rule> {
  if (typeof rule !== "string" || rule.trim() === "") {
    return fail("invalidValue", "评分标准为空：请填写评分标准文字，或引用含评分标准的单元格");
  }
  try {
    return { ok: true, value: ruleFor(rule) };
  } catch (e) {
    return fail("invalidValue", e instanceof Error ? e.message : String(e));
  }
}

function toScalar(v: CellArg): CellScalar {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" && v.trim() === "") return null;
  return v;
}

/** A plain number from a cell: 73.97, "73.97", "７３.９７分". */
function numberArg(v: CellArg): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = v
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, ".")
    .replace(/分$/, "")
    .trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** KJSCORE(value, rule): the score the rule gives the value, rounded like ROUND(x, 2). */
export function kjScore(value: CellArg, rule: CellArg, numFmt?: string): Outcome<number> {
  const r = readRule(rule);
  if (!r.ok) return r;
  const result = r.value.score(numFmt ? { v: toScalar(value), numFmt } : { v: toScalar(value) });
  switch (result.status) {
    case "exact":
      return { ok: true, value: result.score };
    case "range":
      return fail(
        "invalidValue",
        `只给出个数，按评分标准得分在 ${result.low}–${result.high} 分之间；请写明级别和类别（如“省级孵化器1家”）`,
      );
    case "manual":
      return fail("invalidValue", "此评分标准由评估人员酌情打分，不能由公式计算");
    case "no-value":
      return fail("notAvailable", "尚无数值");
    case "error":
      return fail("invalidValue", result.message);
  }
}

/** KJREQUIRED(score, rule): the smallest value (in the rule's unit, at its precision) whose rounded score reaches the score. */
export function kjRequired(score: CellArg, rule: CellArg): Outcome<number> {
  const r = readRule(rule);
  if (!r.ok) return r;
  const s = numberArg(score);
  if (s === null) return fail("invalidValue", `无法从“${String(score ?? "")}”读出得分`);
  if (!r.value.needed) {
    return fail("invalidValue", "只有按数值计分的评分标准（如“≧10000万元（5分）；…”）可以反推所需数值");
  }
  if (r.value.max !== null && s > r.value.max) {
    return fail("invalidValue", `得分 ${s} 超过此评分标准的最高分 ${r.value.max}，任何数值都达不到`);
  }
  // the value a person can enter: the smallest at the rule's own precision whose ROUNDED score reaches s
  const needed = r.value.needed(s);
  if (needed === null) return fail("invalidValue", `得分 ${s} 无法由此评分标准反推出数值`);
  return { ok: true, value: needed };
}

/** KJMAX(rule): the highest score the rule can give. */
export function kjMax(rule: CellArg): Outcome<number> {
  const r = readRule(rule);
  if (!r.ok) return r;
  if (r.value.max === null) return fail("invalidValue", "此评分标准没有写明分值，最高分即该指标的权重分值");
  return { ok: true, value: r.value.max };
}

/** KJGRADE(total): "A" at 80 and above, "B" from 60, "C" below 60. */
export function kjGrade(total: CellArg): Outcome<string> {
  const t = numberArg(total);
  if (t === null) return fail("invalidValue", `无法从“${String(total ?? "")}”读出合计得分`);
  return { ok: true, value: gradeOf(t) };
}
