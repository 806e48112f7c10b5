/**
 * Writes a Plan into an ExcelJS workbook: the plan's score/total values and its highlights,
 * nothing else. The whole plan is checked against the sheet before the first cell changes,
 * so a plan that does not fit the workbook leaves it untouched.
 */
import ExcelJS from "exceljs";
import type { CellScalar } from "../engine/types";
import { HIGHLIGHT_FILL, NOTE_PREFIX, SEVERITY_RANK } from "../model/highlight-style";
import type { CellWrite, Highlight, Plan } from "../model/types";
import { cellToData, columnLetters, noteText } from "./read";

/** The plan does not fit the workbook (another sheet, changed cells, a broken write). Chinese message. */
export class PlanApplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanApplyError";
  }
}

export interface ApplySummary {
  written: number;
  highlighted: number;
}

export function applyPlan(workbook: ExcelJS.Workbook, plan: Plan): ApplySummary {
  const ws = workbook.getWorksheet(plan.sheet);
  if (!ws) throw new PlanApplyError(`找不到工作表“${plan.sheet}”，未写入任何单元格`);
  const date1904 = Boolean(workbook.properties?.date1904);

  // 1. check everything
  const seen = new Set<string>();
  for (const w of plan.writes) {
    checkAddress(w.cell, w.row, w.col);
    if (typeof w.after !== "number" || !Number.isFinite(w.after)) {
      throw new PlanApplyError(`${w.cell} 没有算出的数值（${String(w.after)}），未写入任何单元格`);
    }
    if (seen.has(w.cell)) throw new PlanApplyError(`${w.cell} 在写入计划中出现了两次，未写入任何单元格`);
    seen.add(w.cell);
    const cell = ws.getCell(w.row + 1, w.col + 1);
    if (cell.type === ExcelJS.ValueType.Merge) {
      throw new PlanApplyError(`${w.cell} 是合并单元格中被覆盖的格子，不能写入；未写入任何单元格`);
    }
    const now = cellToData(cell, date1904);
    if (!sameScalar(now?.v ?? null, w.before)) {
      throw new PlanApplyError(
        `${w.cell} 的内容已变化（计划时为 ${show(w.before)}，现在是 ${show(now?.v ?? null)}），请重新计算；未写入任何单元格`,
      );
    }
    if (w.keepsFormula !== undefined && normFormula(now?.formula) !== normFormula(w.keepsFormula)) {
      throw new PlanApplyError(`${w.cell} 的公式已变化，请重新计算；未写入任何单元格`);
    }
  }
  for (const h of plan.highlights) {
    checkAddress(h.cell, h.row, h.col);
    if (!(h.severity in HIGHLIGHT_FILL)) throw new PlanApplyError(`${h.cell} 的标注类别未知：${String(h.severity)}`);
  }

  // 2. write values, keeping each cell's style and any formula
  for (const w of plan.writes) writeValue(ws.getCell(w.row + 1, w.col + 1), w);

  // 3. highlights: one fill and one note per cell
  const byCell = new Map<string, Highlight[]>();
  for (const h of plan.highlights) {
    const list = byCell.get(h.cell) ?? [];
    list.push(h);
    byCell.set(h.cell, list);
  }
  clearStaleHighlights(ws, byCell);
  for (const list of byCell.values()) {
    const cell = ws.getCell(list[0].row + 1, list[0].col + 1);
    const severity = SEVERITY_RANK.find((s) => list.some((h) => h.severity === s)) ?? list[0].severity;
    setFill(cell, HIGHLIGHT_FILL[severity]);
    const ours = [...new Set(list.map((h) => stripPrefix(h.note)))].join("\n");
    setNote(cell, NOTE_PREFIX + ours);
  }
  return { written: plan.writes.length, highlighted: byCell.size };
}

export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await workbook.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

function writeValue(cell: ExcelJS.Cell, w: CellWrite): void {
  const value = cell.value;
  if (w.keepsFormula !== undefined && cell.type === ExcelJS.ValueType.Formula && value && typeof value === "object") {
    // keep the formula object as it is (shared-formula master/clone, array refs) and replace its cached result
    cell.value = { ...(value as ExcelJS.CellFormulaValue), result: w.after } as ExcelJS.CellValue;
    return;
  }
  // setting .value keeps the cell's style (number format, font, borders) as it was
  cell.value = w.after;
}

/**
 * ExcelJS shares one style object between every cell read with the same style id, so
 * `cell.fill = …` would paint them all: give this cell its own copy first.
 */
function setFill(cell: ExcelJS.Cell, hex: string): void {
  const argb = "FF" + hex.replace(/^#/, "").toUpperCase();
  cell.style = {
    ...cell.style,
    fill: { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { indexed: 64 } },
  } as Partial<ExcelJS.Style>;
}

/** Our note goes after the user's own text, which is kept; an earlier note of ours is replaced. */
function setNote(cell: ExcelJS.Cell, ours: string): void {
  const user = userNoteText(cell);
  cell.note = user ? `${user}\n\n${ours}` : ours;
}

/** The user's part of a cell's note: its text without any note KJScore added before. */
export function userNoteText(cell: ExcelJS.Cell): string {
  let text = noteText(cell);
  const at = text.indexOf(NOTE_PREFIX);
  if (at >= 0) text = text.slice(0, at);
  return text.replace(/\s+$/, "");
}

/**
 * A workbook KJScore wrote before carries its highlights; a cell that is no longer flagged
 * loses them: our part of its note goes (the user's part stays), and its fill goes when it
 * is one of our colours. Cells without a note of ours are not touched.
 */
function clearStaleHighlights(ws: ExcelJS.Worksheet, current: Map<string, Highlight[]>): void {
  const ours = new Set(Object.values(HIGHLIGHT_FILL).map((hex) => "FF" + hex.replace(/^#/, "").toUpperCase()));
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (current.has(cell.address) || !noteText(cell).includes(NOTE_PREFIX)) return;
      const user = userNoteText(cell);
      if (user) cell.note = user;
      else {
        // ExcelJS has no "remove note": drop the private _comment, and re-set the value so the
        // value's model (which keeps the comment it was loaded with) is built afresh
        delete (cell as unknown as { _comment?: unknown })._comment;
        cell.value = cell.value;
      }
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      const argb = (fill?.fgColor as { argb?: string } | undefined)?.argb?.toUpperCase();
      if (fill?.type === "pattern" && fill.pattern === "solid" && argb && ours.has(argb)) {
        const style = { ...cell.style };
        delete style.fill;
        cell.style = style;
      }
    }),
  );
}

function stripPrefix(note: string): string {
  return note.startsWith(NOTE_PREFIX) ? note.slice(NOTE_PREFIX.length) : note;
}

function checkAddress(address: string, row: number, col: number): void {
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || `${columnLetters(col + 1)}${row + 1}` !== address) {
    throw new PlanApplyError(`写入计划中的地址不一致：${address}（行 ${row}，列 ${col}），未写入任何单元格`);
  }
}

function normFormula(f: string | undefined): string {
  return (f ?? "").replace(/^=/, "").trim();
}

function sameScalar(a: CellScalar, b: CellScalar): boolean {
  const blank = (x: CellScalar) => x === null || x === "";
  if (blank(a) && blank(b)) return true;
  if (a && b && typeof a === "object" && typeof b === "object") return a.error === b.error;
  return a === b;
}

function show(v: CellScalar): string {
  if (v === null || v === "") return "空";
  if (typeof v === "object") return v.error;
  return String(v);
}
