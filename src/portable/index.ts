/**
 * The 分享版 (portable) workbook: scores that stay right, and follow edits, without the add-in.
 *
 * `planPortable` says what would change (nothing is touched), so the command line and the task pane
 * can say it BEFORE doing it; `makePortable` does it on the ExcelJS workbook:
 * - every banded score cell of the 分工表 becomes a plain formula over its value cell
 *   (./formula.ts: IF, ROUND, MIN and arithmetic only), its cached result the engine's score;
 * - every 合计得分 cell becomes SUM over the year's score cells, its cached result the model's total;
 * - manual, judged, counted and categorical scores stay values;
 * - text value cells ("2489万元") become numbers whose format shows the same text (./values.ts) —
 *   only when `convertValues` is on, the one announced change to cells the user owns; otherwise the
 *   score keeps its value and gets a note saying why;
 * - =KJSCORE/KJMAX/KJREQUIRED/KJGRADE custom-function calls anywhere in the workbook become plain
 *   formulas or values, so a recipient without the add-in sees no #NAME?.
 * Nothing else changes. Run it after applyPlan (so the score cells hold the plan's numbers).
 *
 * Conventions:
 * - A KJSCORE over a cell shown as a percentage (0.0035 as 0.35%) becomes a formula that reads it as
 *   0.35%, like the model does (a custom function only sees 0.0035); the report says when that changes
 *   the cell's number.
 * - KJSCORE over a blank value shows "" (the function showed #N/A "尚无数值").
 * - KJREQUIRED and KJMAX become numbers (the rule read backwards, the rule's maximum), KJGRADE
 *   IF(x>=80,"A",IF(x>=60,"B","C")).
 */
import { address } from "../model/sheet";
import ExcelJS from "exceljs";
import { isPercentFormat, readValue, ruleFor, type Rule } from "../engine";
import { Rational } from "../engine/decimal";
import type { CellScalar } from "../engine/types";
import { NOTE_PREFIX } from "../model/highlight-style";
import type { IndicatorPlan, Plan, ScoreCell } from "../model/types";
import { bandedFormula, gradeFormula, numberLiteral, totalFormula } from "./formula";
import { EN, ZH } from "./strings";
import { convertTextValue } from "./values";

export { bandedFormula, totalFormula, gradeFormula } from "./formula";
export { convertTextValue } from "./values";

export interface PortableOptions {
  /** turn text value cells with a unit into numbers whose format shows the same text */
  convertValues: boolean;
}

export type PortableChangeKind = "score-formula" | "total-formula" | "value-number" | "custom-function";

export interface PortableChange {
  kind: PortableChangeKind;
  sheet: string;
  /** A1 address */
  cell: string;
  /** what the cell held, as text ("2489万元", "3.37", "=KJSCORE(F5,D5)") */
  before: string;
  /** what it will hold: "=IF(…)", or a number as text */
  after: string;
  /** the new number format (value conversions) */
  numFmt?: string;
  /** the cached result written with a formula */
  result?: number | string | null;
  reason: string;
  reasonEn: string;
}

export interface PortableKept {
  sheet: string;
  cell: string;
  reason: string;
  reasonEn: string;
}

export interface PortableReport {
  changes: PortableChange[];
  /** cells left as values (or formulas left alone), with why */
  kept: PortableKept[];
  /**
   * text value cells that could become numbers: with convertValues off, the conversions on offer
   * (ask, then run again with convertValues); with it on, the same cells as in `changes`
   */
  convertible: PortableChange[];
  summary: string;
  summaryEn: string;
  /** with convertValues off and text values present: the question to put to the user */
  offer: string | null;
  offerEn: string | null;
}

/** The plan does not fit the workbook (no such sheet). */
export class PortableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortableError";
  }
}

// ------------------------------------------------------------------ addresses

const a1 = address;

// ------------------------------------------------------------------ cells

interface CellView {
  v: CellScalar;
  numFmt?: string;
  formula?: string;
}

function scalar(value: unknown): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return null;
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return o.richText.map((r) => String((r as { text?: unknown }).text ?? "")).join("");
    if ("text" in o && typeof o.text === "string") return o.text;
    if ("result" in o) return scalar(o.result);
  }
  return null;
}

function view(cell: ExcelJS.Cell): CellView {
  const numFmt = cell.numFmt || undefined;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.result, not cell.value.result: ExcelJS leaves a cached 0 out of cell.value
    return { v: scalar(cell.result), numFmt, formula: cell.formula };
  }
  return { v: scalar(cell.value), numFmt };
}

function shown(c: CellView): string {
  if (c.formula) return `=${c.formula}`;
  if (c.v === null) return "";
  if (typeof c.v === "object") return c.v.error;
  return String(c.v);
}

function numberText(x: number): string {
  return numberLiteral(x);
}

// ------------------------------------------------------------------ the plan of changes

interface Pending {
  report: PortableReport;
  /** value conversions to apply, by sheet!cell */
  values: Map<string, PortableChange>;
}

function emptyReport(): PortableReport {
  return { changes: [], kept: [], convertible: [], summary: "", summaryEn: "", offer: null, offerEn: null };
}

/**
 * What a text value cell becomes, or why it cannot: the number the engine reads from it under `rule`,
 * with a format showing the same text; checked by reading the converted cell back through the engine.
 */
function valueConversion(sheet: string, cell: string, text: string, rule: Rule): { change: PortableChange } | { why: string; whyEn: string } {
  const reading = readValue({ v: text }, rule.unit);
  if (reading.status !== "value") {
    const m = reading.status === "error" ? reading.message : "空白";
    return { why: m, whyEn: m };
  }
  const conv = convertTextValue(text, reading.value);
  if (!conv.ok) return { why: conv.reason, whyEn: conv.reasonEn };
  const back = readValue({ v: conv.number, numFmt: conv.numFmt }, rule.unit);
  if (back.status !== "value" || !back.value.eq(reading.value)) {
    return { why: "转换后的数字读出的数值不同", whyEn: "the converted number reads differently" };
  }
  return {
    change: {
      kind: "value-number",
      sheet,
      cell,
      before: text,
      after: numberText(conv.number),
      numFmt: conv.numFmt,
      reason: ZH.valueNumber(text, conv.numFmt),
      reasonEn: EN.valueNumber(text, conv.numFmt),
    },
  };
}

/** Lists every change `makePortable` would make, without touching the workbook. */
export function planPortable(workbook: ExcelJS.Workbook, plan: Plan, options: PortableOptions): PortableReport {
  return build(workbook, plan, options).report;
}

/**
 * Makes the workbook portable (see the file comment) and returns what it did. Call `planPortable`
 * first to show the user what will change; `convertValues` is their answer to the offer.
 */
export function makePortable(workbook: ExcelJS.Workbook, plan: Plan, options: PortableOptions): PortableReport {
  const { report } = build(workbook, plan, options);
  apply(workbook, report);
  return report;
}

function build(workbook: ExcelJS.Workbook, plan: Plan, options: PortableOptions): Pending {
  const ws = workbook.getWorksheet(plan.sheet);
  if (!ws) throw new PortableError(`找不到工作表“${plan.sheet}”，未做任何改动`);
  const report = emptyReport();
  const values = new Map<string, PortableChange>();
  const key = (sheet: string, cell: string) => `${sheet}!${cell}`;
  const keep = (sheet: string, cell: string, reason: string, reasonEn: string) => report.kept.push({ sheet, cell, reason, reasonEn });
  /** cells already decided by the 分工表 pass (the custom-function pass skips them) */
  const decided = new Set<string>();

  /** A text value cell: offered for conversion; converted when the option is on. */
  const offerValue = (sheet: string, cell: string, text: string, rule: Rule): PortableChange | { why: string; whyEn: string } => {
    const existing = values.get(key(sheet, cell)) ?? report.convertible.find((c) => c.sheet === sheet && c.cell === cell);
    if (existing) return existing;
    const conv = valueConversion(sheet, cell, text, rule);
    if (!("change" in conv)) return conv;
    report.convertible.push(conv.change);
    if (options.convertValues) values.set(key(sheet, cell), conv.change);
    return conv.change;
  };

  // 1. the 分工表's banded score cells
  for (const ind of plan.indicators) {
    if (ind.ruleKind !== "banded") continue;
    let rule: Rule;
    try {
      rule = ruleFor(ind.ruleText);
    } catch {
      continue;
    }
    if (rule.kind !== "banded") continue;
    for (const sc of ind.scores) {
      const scoreCell = ws.getCell(sc.cell);
      const sv = view(scoreCell);
      if (sv.formula !== undefined) {
        if (hasCustomFunction(sv.formula)) continue; // the custom-function pass converts it
        decided.add(key(plan.sheet, sc.cell));
        keep(plan.sheet, sc.cell, ZH.keptUserFormula(sv.formula), EN.keptUserFormula(sv.formula));
        continue;
      }
      decided.add(key(plan.sheet, sc.cell));
      const r = scoreFormulaFor(ind, sc, rule, ws, plan.sheet, options, offerValue);
      if ("formula" in r) {
        report.changes.push({
          kind: "score-formula",
          sheet: plan.sheet,
          cell: sc.cell,
          before: shown(sv),
          after: `=${r.formula}`,
          result: r.result,
          reason: ZH.scoreFormula(sc.valueCell ?? ""),
          reasonEn: EN.scoreFormula(sc.valueCell ?? ""),
        });
      } else {
        keep(plan.sheet, sc.cell, r.why, r.whyEn);
      }
    }
  }

  // 2. the 合计得分 cells
  plan.totals.forEach((t, i) => {
    if (t.cell === null) return;
    const cell = ws.getCell(t.cell);
    const tv = view(cell);
    decided.add(key(plan.sheet, t.cell));
    if (tv.formula !== undefined && !hasCustomFunction(tv.formula)) {
      keep(plan.sheet, t.cell, ZH.keptTotalFormula(tv.formula), EN.keptTotalFormula(tv.formula));
      return;
    }
    const cells = plan.indicators.map((ind) => ind.scores[i]?.cell).filter((c): c is string => Boolean(c));
    report.changes.push({
      kind: "total-formula",
      sheet: plan.sheet,
      cell: t.cell,
      before: shown(tv),
      after: `=${totalFormula(cells)}`,
      result: t.computed,
      reason: ZH.totalFormula,
      reasonEn: EN.totalFormula,
    });
  });

  // 3. custom functions anywhere
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const formula = cell.formula;
        if (!formula || !hasCustomFunction(formula)) return;
        const addr = cell.address;
        if (decided.has(key(sheet.name, addr))) return;
        const conv = convertCustomFunctions(formula, { workbook, sheet, convertValues: options.convertValues, offerValue });
        if (!conv.ok) {
          keep(sheet.name, addr, ZH.keptCustomFunction(formula, conv.why), EN.keptCustomFunction(formula, conv.whyEn));
          return;
        }
        const isValue = conv.value !== undefined;
        const cached = scalar(cell.result);
        // say so when the plain formula gives another number than the function showed (a value
        // shown as a percentage: the function saw 0.0035, the formula reads 0.35%, like the model)
        const changed =
          typeof cached === "number" && typeof conv.result === "number" && Math.abs(cached - conv.result) > 1e-9
            ? { zh: `；结果由 ${numberText(cached)} 变为 ${numberText(conv.result)}（按单元格显示的数值计算）`, en: `; the result changes from ${numberText(cached)} to ${numberText(conv.result)} (the value as the cell shows it)` }
            : { zh: "", en: "" };
        report.changes.push({
          kind: "custom-function",
          sheet: sheet.name,
          cell: addr,
          before: `=${formula}`,
          after: isValue ? (typeof conv.value === "number" ? numberText(conv.value) : String(conv.value)) : `=${conv.formula}`,
          result: conv.result !== undefined ? conv.result : typeof cached === "number" || typeof cached === "string" ? cached : null,
          reason: (isValue ? ZH.customFunctionValue(formula) : ZH.customFunction(formula)) + changed.zh,
          reasonEn: (isValue ? EN.customFunctionValue(formula) : EN.customFunction(formula)) + changed.en,
        });
      });
    });
  }

  for (const c of values.values()) report.changes.push(c);
  const count = (k: PortableChangeKind) => report.changes.filter((c) => c.kind === k).length;
  report.summary = ZH.summary(count("score-formula"), count("total-formula"), count("value-number"), count("custom-function"), report.kept.length);
  report.summaryEn = EN.summary(count("score-formula"), count("total-formula"), count("value-number"), count("custom-function"), report.kept.length);
  if (!options.convertValues && report.convertible.length > 0) {
    report.offer = ZH.offerConvert(report.convertible.length);
    report.offerEn = EN.offerConvert(report.convertible.length);
  }
  return { report, values };
}

type OfferValue = (sheet: string, cell: string, text: string, rule: Rule) => PortableChange | { why: string; whyEn: string };

/** The formula for one banded score cell, or why it stays a value. */
function scoreFormulaFor(
  ind: IndicatorPlan,
  sc: ScoreCell,
  rule: Rule,
  ws: ExcelJS.Worksheet,
  sheet: string,
  options: PortableOptions,
  offerValue: OfferValue,
): { formula: string; result: number | string } | { why: string; whyEn: string } {
  const note = (why: string, whyEn: string) => ({ why, whyEn });
  if (sc.valueCell === null) return note(ZH.keptNoValueColumn, EN.keptNoValueColumn);
  const cap = ind.weight !== null && rule.max !== null && ind.weight < rule.max ? ind.weight : null;
  const vv = view(ws.getCell(sc.valueCell));
  // While the value cell is blank: a blank value now keeps its stated score (as the model does);
  // a value cleared later shows "" (no score yet), never an old number.
  const blank = sc.status === "no-value" ? sc.stated : null;

  if (sc.status === "no-value") {
    return { formula: bandedFormula(rule, sc.valueCell, { blank, cap }), result: blank === null ? "" : blank };
  }
  if (sc.computed === null) {
    // the value cannot be read under the rule: a formula could only show an error
    return note(ZH.keptValueError(stripCell(sc.message)), EN.keptValueError(stripCell(sc.message)));
  }
  if (typeof vv.v === "number") {
    return { formula: bandedFormula(rule, sc.valueCell, { percent: isPercentFormat(vv.numFmt), blank, cap }), result: sc.computed };
  }
  if (typeof vv.v === "string") {
    if (vv.formula !== undefined) return note(ZH.keptValueFormulaText(sc.valueCell), EN.keptValueFormulaText(sc.valueCell));
    const offer = offerValue(sheet, sc.valueCell, vv.v, rule);
    if (!("kind" in offer)) {
      return note(ZH.keptTextDeclined(sc.valueCell, vv.v, offer.why), EN.keptTextDeclined(sc.valueCell, vv.v, offer.whyEn));
    }
    if (!options.convertValues) return note(ZH.keptTextValue(sc.valueCell, vv.v), EN.keptTextValue(sc.valueCell, vv.v));
    return {
      formula: bandedFormula(rule, sc.valueCell, { percent: isPercentFormat(offer.numFmt), blank, cap }),
      result: sc.computed,
    };
  }
  return note(ZH.keptValueError(shown(vv)), EN.keptValueError(shown(vv)));
}

/** "F5：单位…" → "单位…" (the kept note sits on the score cell; the value cell is named elsewhere) */
function stripCell(message: string): string {
  return message.replace(/^[A-Z]{1,3}\d+：/, "");
}

// ------------------------------------------------------------------ custom functions

const CUSTOM = /^(?:_xldudf_)?(?:[A-Za-z0-9_]+\.)?(KJSCORE|KJREQUIRED|KJMAX|KJGRADE)$/i;

/** True when the formula calls one of the add-in's functions (outside string literals). */
export function hasCustomFunction(formula: string): boolean {
  return scan(formula).some((t) => t.kind === "call" && CUSTOM.test(t.name));
}

type Token = { kind: "text"; text: string } | { kind: "call"; name: string; start: number; open: number };

/** Finds function-name tokens followed by "(", skipping string literals and quoted sheet names. */
function scan(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      const q = c;
      i++;
      while (i < formula.length) {
        if (formula[i] === q) {
          if (formula[i + 1] === q) {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      i++;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(formula.slice(i));
    if (m && !/[A-Za-z0-9_.$]/.test(formula[i - 1] ?? "")) {
      out.push({ kind: "call", name: m[0], start: i, open: i + m[0].length });
      i += m[0].length;
      continue;
    }
    i++;
  }
  return out;
}

/** From the "(" at `open`: the argument texts and the index after the closing ")". */
function readArgs(formula: string, open: number): { args: string[]; end: number } | null {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  let i = open;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      const q = c;
      i++;
      while (i < formula.length && !(formula[i] === q && formula[i + 1] !== q)) i += formula[i] === q ? 2 : 1;
      i++;
      continue;
    }
    if (c === "(" || c === "{") depth++;
    else if (c === ")" || c === "}") {
      depth--;
      if (depth === 0) {
        const last = formula.slice(start, i).trim();
        if (last !== "" || args.length > 0) args.push(last);
        return { args, end: i + 1 };
      }
    } else if (c === "," && depth === 1) {
      args.push(formula.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  return null;
}

interface ConvertContext {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  convertValues: boolean;
  offerValue: OfferValue;
}

type Converted =
  | { ok: true; formula: string; value?: number | string; result?: number | string | null }
  | { ok: false; why: string; whyEn: string };

const REF = /^(?:('(?:[^']|'')+'|[A-Za-z0-9_.\u4e00-\u9fff]+)!)?(\$?[A-Z]{1,3}\$?\d+)$/;

/** A single-cell reference argument: its sheet and cell, or null. */
function refOf(arg: string, ctx: ConvertContext): { sheet: ExcelJS.Worksheet; address: string; text: string } | null {
  const m = REF.exec(arg);
  if (!m) return null;
  const sheetName = m[1] ? (m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]) : null;
  const sheet = sheetName === null ? ctx.sheet : ctx.workbook.getWorksheet(sheetName);
  if (!sheet) return null;
  return { sheet, address: m[2].replace(/\$/g, ""), text: arg };
}

function stringLiteral(arg: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(arg);
  return m ? m[1].replace(/""/g, '"') : null;
}

function numberLiteralArg(arg: string): number | null {
  return /^-?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?$/i.test(arg) ? Number(arg) : null;
}

/** The rule text of a KJ function's rule argument: a literal or a cell holding the text. */
function ruleArg(arg: string, ctx: ConvertContext): Rule | string {
  let text = stringLiteral(arg);
  if (text === null) {
    const ref = refOf(arg, ctx);
    if (!ref) return "评分标准不是文字或单元格引用";
    const v = view(ref.sheet.getCell(ref.address)).v;
    if (typeof v !== "string") return `${arg} 中没有评分标准文字`;
    text = v;
  }
  try {
    return ruleFor(text);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Rewrites every KJ call in a formula (innermost first). */
export function convertCustomFunctions(formula: string, ctx: ConvertContext): Converted {
  const calls = scan(formula).filter((t): t is Extract<Token, { kind: "call" }> => t.kind === "call" && CUSTOM.test(t.name));
  if (calls.length === 0) return { ok: true, formula };
  // the first KJ call whose arguments hold no further KJ call
  for (const call of calls) {
    const args = readArgs(formula, call.open);
    if (!args) return { ok: false, why: "公式括号不配对", whyEn: "unbalanced parentheses" };
    if (args.args.some((a) => hasCustomFunction(a))) continue;
    const name = CUSTOM.exec(call.name)![1].toUpperCase();
    const one = convertCall(name, args.args, ctx);
    if (!one.ok) return one;
    const whole = call.start === 0 && args.end === formula.length;
    const replaced = formula.slice(0, call.start) + (whole || /^[\w."]+$/.test(one.text) || /^IF\(/.test(one.text) ? one.text : `(${one.text})`) + formula.slice(args.end);
    const rest = convertCustomFunctions(replaced, ctx);
    if (!rest.ok) return rest;
    if (whole) {
      if (one.isValue) return { ok: true, formula: rest.formula, value: one.result as number | string, result: one.result };
      return { ok: true, formula: rest.formula, result: one.result };
    }
    return { ok: true, formula: rest.formula };
  }
  return { ok: false, why: "公式结构无法识别", whyEn: "cannot read the formula" };
}

type CallResult = { ok: true; text: string; isValue: boolean; result?: number | string | null } | { ok: false; why: string; whyEn: string };

function convertCall(name: string, args: string[], ctx: ConvertContext): CallResult {
  const fail = (why: string): CallResult => ({ ok: false, why, whyEn: why });
  const asValue = (x: number | string): CallResult => ({
    ok: true,
    text: typeof x === "number" ? numberLiteral(x) : `"${x.replace(/"/g, '""')}"`,
    isValue: true,
    result: x,
  });
  switch (name) {
    case "KJGRADE": {
      if (args.length !== 1) return fail("KJGRADE 需要 1 个参数");
      const x = /^[\w$.!']+$/.test(args[0]) ? args[0] : `(${args[0]})`;
      return { ok: true, text: gradeFormula(x), isValue: false };
    }
    case "KJMAX": {
      if (args.length !== 1) return fail("KJMAX 需要 1 个参数");
      const rule = ruleArg(args[0], ctx);
      if (typeof rule === "string") return fail(rule);
      if (rule.max === null) return fail("该评分标准没有写明分值");
      return asValue(rule.max);
    }
    case "KJREQUIRED": {
      if (args.length !== 2) return fail("KJREQUIRED 需要 2 个参数");
      const rule = ruleArg(args[1], ctx);
      if (typeof rule === "string") return fail(rule);
      let s = numberLiteralArg(args[0]);
      if (s === null) {
        const ref = refOf(args[0], ctx);
        const v = ref ? view(ref.sheet.getCell(ref.address)).v : null;
        s = typeof v === "number" ? v : null;
      }
      if (s === null) return fail("目标得分不是数字");
      if (rule.kind !== "banded") return fail("只有分段计分的评分标准可以反推");
      const need = rule.required(s);
      if (need === null) return fail(`得分 ${s} 超过最高分`);
      return asValue(need);
    }
    case "KJSCORE": {
      if (args.length !== 2) return fail("KJSCORE 需要 2 个参数");
      const rule = ruleArg(args[1], ctx);
      if (typeof rule === "string") return fail(rule);
      const lit = numberLiteralArg(args[0]);
      const str = stringLiteral(args[0]);
      const ref = refOf(args[0], ctx);
      if (lit !== null || str !== null) {
        const r = rule.score({ v: lit ?? str });
        if (r.status !== "exact") return fail("该数值按评分标准无法得出确定的分数");
        return asValue(r.score);
      }
      if (!ref) {
        if (rule.kind !== "banded") return fail("数值参数是表达式，且评分标准不是分段计分");
        return { ok: true, text: bandedFormula(rule, `(${args[0]})`, { blank: null }), isValue: false };
      }
      const cell = ref.sheet.getCell(ref.address);
      const vv = view(cell);
      if (rule.kind !== "banded") {
        const r = rule.score({ v: vv.v, numFmt: vv.numFmt });
        if (r.status !== "exact") return fail("该评分标准无法写成普通公式，且数值不能确定分数");
        return asValue(r.score);
      }
      if (vv.v === null || typeof vv.v === "number") {
        const r = rule.score({ v: vv.v, numFmt: vv.numFmt });
        return {
          ok: true,
          text: bandedFormula(rule, ref.text, { percent: isPercentFormat(vv.numFmt), blank: null }),
          isValue: false,
          result: r.status === "exact" ? r.score : r.status === "no-value" ? "" : undefined,
        };
      }
      if (typeof vv.v === "string" && vv.formula === undefined) {
        const offer = ctx.offerValue(ref.sheet.name, ref.address, vv.v, rule);
        const r = rule.score({ v: vv.v });
        if ("kind" in offer && ctx.convertValues) {
          return {
            ok: true,
            text: bandedFormula(rule, ref.text, { percent: isPercentFormat(offer.numFmt), blank: null }),
            isValue: false,
            result: r.status === "exact" ? r.score : undefined,
          };
        }
        if (r.status === "exact") return asValue(r.score);
        return fail(r.status === "error" ? r.message : "数值无法得分");
      }
      return fail("数值单元格无法读取");
    }
  }
  return fail(`未知函数 ${name}`);
}

// ------------------------------------------------------------------ writing

/**
 * ExcelJS shares formulas between cells (a master and its clones); a clone is rebuilt from its
 * master on write, so before a formula in a sheet changes, every shared formula there becomes the
 * cell's own.
 */
function unshareFormulas(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const v = cell.value as ExcelJS.CellFormulaValue & { sharedFormula?: string; shareType?: string; ref?: string };
      if (v.shareType === "array") return;
      if (v.sharedFormula !== undefined || v.shareType === "shared") {
        cell.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
      }
    });
  });
}

function resultValue(r: number | string | null | undefined): ExcelJS.CellFormulaValue["result"] {
  return r === null || r === undefined ? undefined : (r as number | string);
}

function apply(workbook: ExcelJS.Workbook, report: PortableReport): void {
  const formulaSheets = new Set(report.changes.filter((c) => c.kind !== "value-number").map((c) => c.sheet));
  for (const name of formulaSheets) unshareFormulas(workbook.getWorksheet(name)!);
  for (const c of report.changes) {
    const ws = workbook.getWorksheet(c.sheet)!;
    const cell = ws.getCell(c.cell);
    if (c.kind === "value-number") {
      cell.value = Number(c.after);
      // a copy of the style: ExcelJS shares one style object between cells read with the same style id
      cell.style = { ...cell.style, numFmt: c.numFmt } as Partial<ExcelJS.Style>;
    } else if (c.after.startsWith("=")) {
      cell.value = { formula: c.after.slice(1), result: resultValue(c.result) } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = typeof c.result === "number" || typeof c.result === "string" ? c.result : Number(c.after);
    }
  }
  for (const k of report.kept) {
    const ws = workbook.getWorksheet(k.sheet)!;
    addNote(ws.getCell(k.cell), ZH.noteKept(k.reason));
  }
}

/** Adds a line to the add-in's part of the cell's note (the user's own text stays first). */
function addNote(cell: ExcelJS.Cell, line: string): void {
  const note = cell.note as unknown;
  let text = "";
  if (typeof note === "string") text = note;
  else if (note && typeof note === "object" && Array.isArray((note as ExcelJS.Comment).texts)) {
    text = ((note as ExcelJS.Comment).texts ?? []).map((t) => t.text ?? "").join("");
  }
  if (text.includes(line)) return;
  cell.note = text.includes(NOTE_PREFIX) ? `${text}\n${line}` : text ? `${text}\n\n${NOTE_PREFIX}${line}` : `${NOTE_PREFIX}${line}`;
}

/** The decimal text of a score, for messages. */
export function scoreText(x: number): string {
  return Rational.fromNumber(x).toDecimalString();
}
