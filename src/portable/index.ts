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
 * The decisions are pure and host-neutral (./edits.ts: `portableEdits` over WorkbookData); this
 * file reads the ExcelJS workbook as WorkbookData and applies the edits to it. The Office.js host
 * (src/excel/host.ts) applies the same edits to the open workbook.
 *
 * Conventions:
 * - A KJSCORE over a cell shown as a percentage (0.0035 as 0.35%) becomes a formula that reads it as
 *   0.35%, like the model does (a custom function only sees 0.0035); the report says when that changes
 *   the cell's number.
 * - KJSCORE over a blank value shows "" (the function showed #N/A "尚无数值").
 * - KJREQUIRED and KJMAX become numbers (the rule read backwards, the rule's maximum), KJGRADE
 *   IF(x>=80,"A",IF(x>=60,"B","C")).
 */
import ExcelJS from "exceljs";
import { Rational } from "../engine/decimal";
import { NOTE_PREFIX } from "../model/highlight-style";
import type { Plan } from "../model/types";
import { noteText, workbookToData } from "../xlsx/read";
import { isFormulaEdit, portableEdits, type PortableEdits, type PortableOptions, type PortableReport } from "./edits";

export { bandedFormula, totalFormula, gradeFormula } from "./formula";
export { convertTextValue } from "./values";
export {
  PortableError,
  convertCustomFunctions,
  hasCustomFunction,
  isFormulaEdit,
  portableEdits,
  type PortableChange,
  type PortableChangeKind,
  type PortableEdit,
  type PortableEdits,
  type PortableFormulaEdit,
  type PortableKept,
  type PortableNote,
  type PortableOptions,
  type PortableReport,
  type PortableValueEdit,
} from "./edits";

/** Lists every change `makePortable` would make, without touching the workbook. */
export function planPortable(workbook: ExcelJS.Workbook, plan: Plan, options: PortableOptions): PortableReport {
  return portableEdits(workbookToData(workbook), plan, options).report;
}

/**
 * Makes the workbook portable (see the file comment) and returns what it did. Call `planPortable`
 * first to show the user what will change; `convertValues` is their answer to the offer.
 */
export function makePortable(workbook: ExcelJS.Workbook, plan: Plan, options: PortableOptions): PortableReport {
  const decided = portableEdits(workbookToData(workbook), plan, options);
  apply(workbook, decided);
  return decided.report;
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

/** Writes exactly the decided edits and notes into the ExcelJS workbook. */
function apply(workbook: ExcelJS.Workbook, { edits, notes }: PortableEdits): void {
  // a formula cell that changes (its own or a custom function's) may be part of a shared formula
  const formulaSheets = new Set(edits.filter((e) => e.kind !== "value-number").map((e) => e.sheet));
  for (const name of formulaSheets) unshareFormulas(sheetOf(workbook, name));
  for (const e of edits) {
    const cell = sheetOf(workbook, e.sheet).getCell(e.cell);
    if (isFormulaEdit(e)) {
      cell.value = { formula: e.formula, result: resultValue(e.result) } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = e.value;
      // a copy of the style: ExcelJS shares one style object between cells read with the same style id
      if (e.numFmt !== undefined) cell.style = { ...cell.style, numFmt: e.numFmt } as Partial<ExcelJS.Style>;
    }
  }
  for (const n of notes) addNote(sheetOf(workbook, n.sheet).getCell(n.cell), n.text);
}

/** The worksheet the edits name (the decisions were read from this very workbook). */
function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name) ?? workbook.worksheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!ws) throw new Error(`找不到工作表“${name}”`);
  return ws;
}

/** Adds a line to the add-in's part of the cell's note (the user's own text stays first). */
function addNote(cell: ExcelJS.Cell, line: string): void {
  const text = noteText(cell);
  if (text.includes(line)) return;
  cell.note = text.includes(NOTE_PREFIX) ? `${text}\n${line}` : text ? `${text}\n\n${NOTE_PREFIX}${line}` : `${NOTE_PREFIX}${line}`;
}

/** The decimal text of a score, for messages. */
export function scoreText(x: number): string {
  return Rational.fromNumber(x).toDecimalString();
}
