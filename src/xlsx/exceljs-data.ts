/**
 * An ExcelJS workbook's cells as WorkbookData. Only for workbooks this project builds itself
 * (the template, src/xlsx/template.ts, and tests that build inputs with ExcelJS): a user's file
 * is never read through ExcelJS (src/xlsx/read.ts reads the package directly).
 */
import ExcelJS from "exceljs";
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData, WorkbookData } from "../model/types";
import { columnLetters } from "./read";

export function workbookToData(workbook: ExcelJS.Workbook): WorkbookData {
  return { sheets: workbook.worksheets.map(sheetToData) };
}

export function sheetToData(ws: ExcelJS.Worksheet): SheetData {
  const cells: (CellData | undefined)[][] = [];
  const date1904 = Boolean((ws.workbook as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (CellData | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const data = cellToData(cell, date1904);
      if (data) out[colNumber - 1] = data;
    });
    if (out.length > 0) cells[rowNumber - 1] = out;
  });
  // Fill the sparse outer array so consumers can iterate it safely (inner rows keep their holes).
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  const merges = mergesOf(ws);
  return { name: ws.name, cells, merges };
}

interface MergeDims {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged areas of a sheet, in A1 notation ("A3:A5"), in the sheet's own order. */
export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // ws.model would rebuild the whole sheet model just for this; _merges is what it reads from.
  const merges = (ws as unknown as { _merges?: Record<string, MergeDims> })._merges ?? {};
  return Object.values(merges).map((m) => `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`);
}

/** One ExcelJS cell as CellData, or undefined when it is empty or covered by a merge. */
export function cellToData(cell: ExcelJS.Cell, date1904 = false): CellData | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) {
    // the top-left cell of a merge is not of type Merge; the covered ones are
    return undefined;
  }
  const numFmt = cell.numFmt || undefined;
  const raw = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const fv = raw as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const formula = cell.formula ?? (fv as ExcelJS.CellFormulaValue).formula;
    // cell.result, not fv.result: ExcelJS leaves a cached 0 out of the value object but keeps it there
    const v = scalarOf(cell.result ?? fv.result, date1904);
    return withFmt({ v, formula }, numFmt);
  }
  const v = scalarOf(raw, date1904);
  if (v === null) return undefined;
  return withFmt({ v }, numFmt);
}

function withFmt(data: CellData, numFmt: string | undefined): CellData {
  if (numFmt) data.numFmt = numFmt;
  return data;
}

/** An ExcelJS value (or formula result) as a CellScalar. */
export function scalarOf(value: unknown, date1904 = false): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return richTextOf(o.richText);
    if ("hyperlink" in o || "text" in o) {
      const t = o.text;
      if (typeof t === "string") return t;
      if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText)) {
        return richTextOf((t as { richText: unknown[] }).richText);
      }
      return t === undefined || t === null ? null : String(t);
    }
    // a formula value object passed in directly
    if ("result" in o) return scalarOf(o.result, date1904);
  }
  return null;
}

function richTextOf(runs: unknown[]): string {
  return runs.map((r) => (r && typeof r === "object" ? String((r as { text?: unknown }).text ?? "") : "")).join("");
}

/** Excel serial date number: days since 1899-12-30 (1900 system) or 1904-01-01. ExcelJS dates are UTC. */
export function dateToSerial(d: Date, date1904 = false): number {
  const days = d.getTime() / 86400000 + (date1904 ? 24107 : 25569);
  // keep what Excel stores: whole days plus a fraction, without float noise beyond a millisecond
  return Math.round(days * 86400000) / 86400000;
}

/** A cell's note as plain text (a rich-text comment's runs joined); "" for none. */
export function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (typeof note === "string") return note;
  if (note && typeof note === "object" && Array.isArray((note as ExcelJS.Comment).texts)) {
    return ((note as ExcelJS.Comment).texts ?? []).map((t) => t.text ?? "").join("");
  }
  return "";
}

/** An ExcelJS workbook this project built (the template, a test's input) as .xlsx bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await workbook.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
