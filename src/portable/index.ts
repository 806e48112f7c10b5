/**
 * The 分享版 (portable) workbook: scores that stay right, and follow edits, without the add-in.
 *
 * `planPortable` says what would change (nothing is touched), so the command line and the task pane
 * can say it BEFORE doing it; `makePortable` does it on the file's package:
 * - every banded score cell of the 分工表 becomes a plain formula over its value cell
 *   (./formula.ts: IF, ROUND, MIN and arithmetic only), its cached result the engine's score;
 * - every 合计得分 cell becomes SUM over the year's score cells, its cached result the model's total;
 * - manual, judged, counted and categorical scores stay values;
 * - text value cells ("2489万元") become numbers whose format shows the same text (./values.ts) —
 *   only when `convertValues` is on, the one announced change to cells the user owns; otherwise the
 *   score keeps its value and gets a note saying why;
 * - =KJSCORE/KJMAX/KJREQUIRED/KJGRADE custom-function calls anywhere in the workbook become plain
 *   formulas or values, so a recipient without the add-in sees no #NAME?.
 * Nothing else changes (the package is patched: src/ooxml). Run it after applyPlan (so the score
 * cells hold the plan's numbers).
 *
 * The decisions are pure and host-neutral (./edits.ts: `portableEdits` over WorkbookData); this
 * file applies the edits to the file's package (src/ooxml/patch.ts). The Office.js host
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
import { Rational } from "../engine/decimal";
import { NOTE_PREFIX } from "../model/highlight-style";
import { parseAddress } from "../model/sheet";
import type { Plan } from "../model/types";
import type { CellChange, XlsxDocument } from "../ooxml/document";
import { isFormulaEdit, portableEdits, PortableError, type PortableEdits, type PortableOptions, type PortableReport } from "./edits";

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
export function planPortable(doc: XlsxDocument, plan: Plan, options: PortableOptions): PortableReport {
  return portableEdits(doc.data, plan, options).report;
}

/**
 * Makes the workbook portable (see the file comment) and returns what it did. Call `planPortable`
 * first to show the user what will change; `convertValues` is their answer to the offer.
 */
export function makePortable(doc: XlsxDocument, plan: Plan, options: PortableOptions): PortableReport {
  const decided = portableEdits(doc.data, plan, options);
  doc.patch(portableChanges(doc, decided));
  return decided.report;
}

// ------------------------------------------------------------------ writing

/**
 * The decided edits and notes as cell changes of the package: a formula edit writes the plain
 * formula with its cached result (a shared formula's other cells keep their meaning: see
 * src/ooxml/sheet-patch.ts), a value edit the number and, when given, its number format.
 */
function portableChanges(doc: XlsxDocument, { edits, notes }: PortableEdits): CellChange[] {
  const changes: CellChange[] = [];
  for (const e of edits) {
    const at = cellOf(e.sheet, e.cell);
    if (isFormulaEdit(e)) {
      changes.push({ sheet: e.sheet, ...at, value: { kind: "formula", formula: e.formula, result: e.result } });
    } else {
      changes.push({
        sheet: e.sheet,
        ...at,
        value: typeof e.value === "number" ? { kind: "number", n: e.value } : { kind: "text", s: e.value },
        ...(e.numFmt !== undefined ? { numFmt: e.numFmt } : {}),
      });
    }
  }
  const bySheet = new Map<string, Map<string, string>>();
  for (const n of notes) {
    if (!bySheet.has(n.sheet)) bySheet.set(n.sheet, new Map(doc.notes(n.sheet).text));
    const texts = bySheet.get(n.sheet)!;
    const ref = n.cell.toUpperCase();
    const text = texts.get(ref) ?? "";
    if (text.includes(n.text)) continue;
    const next = text.includes(NOTE_PREFIX)
      ? `${text}\n${n.text}`
      : text
        ? `${text}\n\n${NOTE_PREFIX}${n.text}`
        : `${NOTE_PREFIX}${n.text}`;
    texts.set(ref, next);
    const existing = changes.find(
      (c) => c.sheet === n.sheet && c.row === cellOf(n.sheet, n.cell).row && c.col === cellOf(n.sheet, n.cell).col,
    );
    if (existing) existing.note = next;
    else changes.push({ sheet: n.sheet, ...cellOf(n.sheet, n.cell), note: next });
  }
  return changes;
}

function cellOf(sheet: string, a1: string): { row: number; col: number } {
  const at = parseAddress(a1);
  if (!at) throw new PortableError(`${sheet}!${a1} 不是单元格地址`);
  return at;
}

/** The decimal text of a score, for messages. */
export function scoreText(x: number): string {
  return Rational.fromNumber(x).toDecimalString();
}
