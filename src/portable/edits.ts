/**
 * The 分享版 (portable) decisions, pure and host-neutral: from WorkbookData (what every host reads:
 * values, number formats and formulas of every sheet) and the Plan, which cells change and how,
 * which stay (and why), and what to offer the user. No ExcelJS, no Office.js: ./index.ts applies the
 * edits to the file's package (command line, browser page), src/excel/host.ts through Office.js.
 * What the edits are, and the conventions they follow, is described in ./index.ts.
 */
import { address, parseAddress } from "../model/sheet";
import { isPercentFormat, readValue, ruleFor, type Rule } from "../engine";
import type { CellData, IndicatorPlan, Plan, ScoreCell, SheetData, WorkbookData } from "../model/types";
import { formulaCarries, gradeFormula, numberLiteral, scoreFormula, totalFormula } from "./formula";
import { EN, ZH } from "./strings";
import { convertTextValue } from "./values";

export interface PortableOptions {
  /** turn text value cells with a unit into numbers whose format shows the same text */
  convertValues: boolean;
}

export type PortableChangeKind = "score-formula" | "total-formula" | "value-number" | "custom-function" | "score-value";

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

// ------------------------------------------------------------------ cells

/** A cell as the decisions see it: WorkbookData's CellData (an empty cell is { v: null }). */
type CellView = CellData;

const EMPTY: CellView = { v: null };

/** The sheet named `name` (Excel compares sheet names case-insensitively), or null. */
function sheetNamed(data: WorkbookData, name: string): SheetData | null {
  return data.sheets.find((s) => s.name === name) ?? data.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
}

/** The cell at an A1 address ("F5", "$F$5") of a sheet. */
function view(sheet: SheetData, ref: string): CellView {
  const p = parseAddress(ref);
  if (!p) return EMPTY;
  return sheet.cells[p.row]?.[p.col] ?? EMPTY;
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
function valueConversion(
  sheet: string,
  cell: string,
  text: string,
  rule: Rule,
): { change: PortableChange } | { why: string; whyEn: string } {
  const reading = readValue({ v: text }, rule.unit);
  if (reading.status !== "value") {
    const m = reading.status === "error" ? reading.message : (reading.message ?? "空白");
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

/** One cell to change: a plain formula (with its cached result), or a value (with its number format). */
export type PortableEdit = PortableFormulaEdit | PortableValueEdit;

export interface PortableFormulaEdit {
  kind: PortableChangeKind;
  sheet: string;
  /** A1 address */
  cell: string;
  /** formula text without "=" */
  formula: string;
  /** the cached result a file carries (a live spreadsheet computes it itself); null: none */
  result: number | string | null;
}

export interface PortableValueEdit {
  kind: PortableChangeKind;
  sheet: string;
  cell: string;
  value: number | string;
  /** the new number format; undefined: the cell keeps its own */
  numFmt?: string;
}

/** A note on a cell that stays as it is, saying why (the host adds it to the cell's note). */
export interface PortableNote {
  sheet: string;
  cell: string;
  /** one line, without the add-in's note prefix */
  text: string;
  textEn: string;
}

export interface PortableEdits {
  report: PortableReport;
  /** exactly the cells to change, in the report's order (report.changes[i] ↔ edits[i]) */
  edits: PortableEdit[];
  /** one per report.kept entry */
  notes: PortableNote[];
}

export function isFormulaEdit(e: PortableEdit): e is PortableFormulaEdit {
  return "formula" in e;
}

/**
 * Decides the 分享版 from what every host reads (WorkbookData: values, number formats, formulas of
 * every sheet) and the plan: the report, and the cell edits and notes that carry it out. Touches
 * nothing; each host applies the edits its own way (./index.ts on the file's package, src/excel/
 * through Office.js). Read the cells after the plan's scores are written when a file is to carry
 * the plan's numbers as cached results.
 */
export function portableEdits(data: WorkbookData, plan: Plan, options: PortableOptions): PortableEdits {
  const { report } = build(data, plan, options);
  const edits = report.changes.map(editOf);
  const notes = report.kept.map((k) => ({ sheet: k.sheet, cell: k.cell, text: ZH.noteKept(k.reason), textEn: EN.noteKept(k.reasonEn) }));
  return { report, edits, notes };
}

function editOf(c: PortableChange): PortableEdit {
  const at = { kind: c.kind, sheet: c.sheet, cell: c.cell };
  if (c.kind === "value-number") return { ...at, value: Number(c.after), numFmt: c.numFmt };
  if (c.after.startsWith("=")) return { ...at, formula: c.after.slice(1), result: c.result ?? null };
  return { ...at, value: typeof c.result === "number" || typeof c.result === "string" ? c.result : Number(c.after) };
}

function build(data: WorkbookData, plan: Plan, options: PortableOptions): Pending {
  const ws = sheetNamed(data, plan.sheet);
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
    if (ind.ruleKind === null) continue;
    let rule: Rule;
    try {
      rule = ruleFor(ind.ruleText);
    } catch {
      continue;
    }
    if (!formulaCarries(rule)) continue;
    for (const sc of ind.scores) {
      const sv = view(ws, sc.cell);
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
    const tv = view(ws, t.cell);
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
  for (const sheet of data.sheets) {
    sheet.cells.forEach((row, r) => {
      row?.forEach((cell, col) => {
        const formula = cell?.formula;
        if (!cell || !formula || !hasCustomFunction(formula)) return;
        const addr = address(r, col);
        if (decided.has(key(sheet.name, addr))) return;
        const conv = convertCustomFunctions(formula, { data, sheet, convertValues: options.convertValues, offerValue });
        if (!conv.ok) {
          keep(sheet.name, addr, ZH.keptCustomFunction(formula, conv.why), EN.keptCustomFunction(formula, conv.whyEn));
          return;
        }
        const isValue = conv.value !== undefined;
        const cached = cell.v;
        // say so when the plain formula gives another number than the function showed (a value
        // shown as a percentage: the function saw 0.0035, the formula reads 0.35%, like the model)
        const changed =
          typeof cached === "number" && typeof conv.result === "number" && Math.abs(cached - conv.result) > 1e-9
            ? {
                zh: `；结果由 ${numberText(cached)} 变为 ${numberText(conv.result)}（按单元格显示的数值计算）`,
                en: `; the result changes from ${numberText(cached)} to ${numberText(conv.result)} (the value as the cell shows it)`,
              }
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

  // 4. The rest stays values, recalculated: a score the plan corrects that did not become a
  // formula above (kept as a value, or a categorical score) gets the rule's number, so the 分享版
  // made straight from an unapplied sheet (the Excel route) shows what the .xlsx routes show.
  const changed = new Set(report.changes.map((c) => key(c.sheet, c.cell)));
  for (const w of plan.writes) {
    if (w.keepsFormula !== undefined || changed.has(key(plan.sheet, w.cell))) continue;
    const now = view(ws, w.cell);
    if (typeof now.v === "number" && Math.abs(now.v - w.after) < 1e-9) continue; // already recalculated (applyPlan)
    report.changes.push({
      kind: "score-value",
      sheet: plan.sheet,
      cell: w.cell,
      before: shown(now),
      after: numberText(w.after),
      result: w.after,
      reason: w.reason,
      reasonEn: w.reasonEn,
    });
  }

  for (const c of values.values()) report.changes.push(c);
  const count = (k: PortableChangeKind) => report.changes.filter((c) => c.kind === k).length;
  report.summary = ZH.summary(
    count("score-formula"),
    count("total-formula"),
    count("value-number"),
    count("custom-function"),
    report.kept.length,
  );
  report.summaryEn = EN.summary(
    count("score-formula"),
    count("total-formula"),
    count("value-number"),
    count("custom-function"),
    report.kept.length,
  );
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
  ws: SheetData,
  sheet: string,
  options: PortableOptions,
  offerValue: OfferValue,
): { formula: string; result: number | string } | { why: string; whyEn: string } {
  const note = (why: string, whyEn: string) => ({ why, whyEn });
  if (sc.valueCell === null) return note(ZH.keptNoValueColumn, EN.keptNoValueColumn);
  // 基本分 = the weight, steps up with no bound: the model refuses scores above the weight, a formula would give them
  if (rule.baseFromWeight && ind.max === null) return note(ZH.keptUnboundedBase, EN.keptUnboundedBase);
  const cap = rowCap(ind, rule);
  const vv = view(ws, sc.valueCell);
  if (rule.kind === "growth") return growthFormulaFor(ind, sc, rule, ws);
  // While the value cell is blank: a blank value now keeps its stated score (as the model does);
  // a value cleared later shows "" (no score yet), never an old number.
  const blank = sc.status === "no-value" ? sc.stated : null;

  if (sc.status === "no-value") {
    return { formula: scoreFormula(rule, sc.valueCell, { weight: ind.weight, blank, cap }), result: blank === null ? "" : blank };
  }
  if (sc.computed === null) {
    // the value cannot be read under the rule: a formula could only show an error
    return note(ZH.keptValueError(stripCell(sc.message)), EN.keptValueError(stripCell(sc.message)));
  }
  if (typeof vv.v === "number") {
    return {
      formula: scoreFormula(rule, sc.valueCell, { weight: ind.weight, percent: isPercentFormat(vv.numFmt), blank, cap }),
      result: sc.computed,
    };
  }
  if (typeof vv.v === "string") {
    if (vv.formula !== undefined) return note(ZH.keptValueFormulaText(sc.valueCell), EN.keptValueFormulaText(sc.valueCell));
    const offer = offerValue(sheet, sc.valueCell, vv.v, rule);
    if (!("kind" in offer)) {
      return note(ZH.keptTextDeclined(sc.valueCell, vv.v, offer.why), EN.keptTextDeclined(sc.valueCell, vv.v, offer.whyEn));
    }
    if (!options.convertValues) return note(ZH.keptTextValue(sc.valueCell, vv.v), EN.keptTextValue(sc.valueCell, vv.v));
    return {
      formula: scoreFormula(rule, sc.valueCell, { weight: ind.weight, percent: isPercentFormat(offer.numFmt), blank, cap }),
      result: sc.computed,
    };
  }
  return note(ZH.keptValueError(shown(vv)), EN.keptValueError(shown(vv)));
}

/**
 * The cap the model puts on the row's score (its max: the weight, or what a 基本分 rule allows above
 * it) when the rule's own top score is higher or unbounded: the formula must cap the same way, or a
 * value entered later would score past what `check` gives.
 */
function rowCap(ind: IndicatorPlan, rule: Rule): number | null {
  return ind.max !== null && (rule.max === null || ind.max < rule.max) ? ind.max : null;
}

/** A rule a formula carries with no row around it (no weight for "得满分", no last year for growth). */
function carriesAlone(rule: Rule): boolean {
  return formulaCarries(rule) && rule.max !== null && rule.kind !== "growth";
}

/**
 * A growth rule's score cell: a real percentage in the value cell is the rate; a plain number is the
 * level, over last year's value cell (the year column before, a number too). Anything else keeps its value.
 */
function growthFormulaFor(
  ind: IndicatorPlan,
  sc: ScoreCell,
  rule: Rule,
  ws: SheetData,
): { formula: string; result: number | string } | { why: string; whyEn: string } {
  const vv = view(ws, sc.valueCell!);
  const cap = rowCap(ind, rule);
  const why = "按增长率计分：本年和上一年的数值都是数字时才写成公式";
  const whyEn = "growth rule: a formula needs this year's and last year's values as numbers";
  if (sc.computed === null || typeof vv.v !== "number" || vv.formula !== undefined)
    return { why: ZH.keptValueError(why), whyEn: EN.keptValueError(whyEn) };
  if (isPercentFormat(vv.numFmt))
    return { formula: scoreFormula(rule, sc.valueCell!, { percent: true, blank: null, cap, weight: ind.weight }), result: sc.computed };
  const i = ind.scores.indexOf(sc);
  const prevCell = i > 0 ? ind.scores[i - 1].valueCell : null;
  const pv = prevCell ? view(ws, prevCell) : null;
  if (!prevCell || !pv || typeof pv.v !== "number" || isPercentFormat(pv.numFmt))
    return { why: ZH.keptValueError(why), whyEn: EN.keptValueError(whyEn) };
  // the weight: a base of "基本分" or "基本分值的80%" is the row's 权重分值
  return {
    formula: scoreFormula(rule, sc.valueCell!, { previousRef: prevCell, blank: null, cap, weight: ind.weight }),
    result: sc.computed,
  };
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

/** From a '"' or "'" at `i`: the index after its closing quote (a doubled quote inside is one character). */
function skipQuoted(formula: string, i: number): number {
  const q = formula[i];
  i++;
  while (i < formula.length && !(formula[i] === q && formula[i + 1] !== q)) i += formula[i] === q ? 2 : 1;
  return i + 1;
}

/** Finds function-name tokens followed by "(", skipping string literals and quoted sheet names. */
function scan(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(formula, i);
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
      i = skipQuoted(formula, i);
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
  data: WorkbookData;
  /** the sheet holding the formula (references without a sheet name point here) */
  sheet: SheetData;
  convertValues: boolean;
  offerValue: OfferValue;
}

type Converted =
  { ok: true; formula: string; value?: number | string; result?: number | string | null } | { ok: false; why: string; whyEn: string };

const REF = /^(?:('(?:[^']|'')+'|[A-Za-z0-9_.\u4e00-\u9fff]+)!)?(\$?[A-Z]{1,3}\$?\d+)$/;

/** A single-cell reference argument: its sheet and cell, or null. */
function refOf(arg: string, ctx: ConvertContext): { sheet: SheetData; address: string; text: string } | null {
  const m = REF.exec(arg);
  if (!m) return null;
  const sheetName = m[1] ? (m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]) : null;
  const sheet = sheetName === null ? ctx.sheet : sheetNamed(ctx.data, sheetName);
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
    const v = view(ref.sheet, ref.address).v;
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
    const replaced =
      formula.slice(0, call.start) +
      (whole || /^[\w."]+$/.test(one.text) || /^IF\(/.test(one.text) ? one.text : `(${one.text})`) +
      formula.slice(args.end);
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
        const v = ref ? view(ref.sheet, ref.address).v : null;
        s = typeof v === "number" ? v : null;
      }
      if (s === null) return fail("目标得分不是数字");
      if (!rule.needed) return fail("只有按数值计分的评分标准可以反推");
      const need = rule.needed(s);
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
        if (!carriesAlone(rule)) return fail("数值参数是表达式，且评分标准不能写成普通公式");
        return { ok: true, text: scoreFormula(rule, `(${args[0]})`, { blank: null }), isValue: false };
      }
      const vv = view(ref.sheet, ref.address);
      if (!carriesAlone(rule)) {
        const r = rule.score({ v: vv.v, numFmt: vv.numFmt });
        if (r.status !== "exact") return fail("该评分标准无法写成普通公式，且数值不能确定分数");
        return asValue(r.score);
      }
      if (vv.v === null || typeof vv.v === "number") {
        const r = rule.score({ v: vv.v, numFmt: vv.numFmt });
        return {
          ok: true,
          text: scoreFormula(rule, ref.text, { percent: isPercentFormat(vv.numFmt), blank: null }),
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
            text: scoreFormula(rule, ref.text, { percent: isPercentFormat(offer.numFmt), blank: null }),
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
