/**
 * .xlsx → WorkbookData, through ExcelJS. Runs in Node and in the browser: no fs here,
 * the caller hands in the file's bytes (the command line reads the file, the browser
 * page a File's ArrayBuffer).
 *
 * How cells come out (CellData):
 * - numbers, strings, booleans as they are; rich text as its plain text (runs joined);
 *   a hyperlink as its display text;
 * - a formula (own or shared) as `formula` (text without "=") and its cached result as `v`
 *   (null when the file carries no cached result);
 * - Excel errors as `{ error: "#DIV/0!" }`, in a plain cell or as a formula's result;
 * - dates as the Excel serial number (what Office.js reports too), with the cell's numFmt,
 *   so every host hands the model the same thing;
 * - the cells a merge covers, other than its top-left one, are holes (undefined), again
 *   like Office.js; the merges are listed in A1 notation;
 * - empty cells are holes, whatever their style.
 */
import { columnLetter } from "../model/sheet";
import ExcelJS from "exceljs";
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData, WorkbookData } from "../model/types";

/** The bytes are not a readable .xlsx workbook. `message` is Chinese and says why. */
export class XlsxReadError extends Error {
  constructor(
    /** the reason alone, without the "不是有效的 .xlsx 文件：" lead */
    readonly reason: string,
  ) {
    super(`不是有效的 .xlsx 文件：${reason}`);
    this.name = "XlsxReadError";
  }
}

export interface ReadResult {
  workbook: ExcelJS.Workbook;
  data: WorkbookData;
}

export async function readWorkbook(buffer: ArrayBuffer | Uint8Array): Promise<ReadResult> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  checkSignature(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS (JSZip) takes a Node Buffer or an ArrayBuffer; a Uint8Array view works in both.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxReadError(`无法解开工作簿（文件损坏或不完整：${shortReason(e)}）`);
  }
  if (workbook.worksheets.length === 0) {
    throw new XlsxReadError("压缩包里没有工作表（可能不是 Excel 工作簿）");
  }
  return { workbook, data: workbookToData(workbook) };
}

function checkSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxReadError("文件是空的");
  const b = bytes;
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new XlsxReadError("这是旧版 .xls 文件或加密（设了打开密码）的工作簿，请在 Excel 中另存为不加密的 .xlsx");
  }
  if (!(b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7))) {
    throw new XlsxReadError("内容不是 .xlsx 的压缩包格式（可能是文本、CSV 或其他文件改了扩展名）");
  }
}

function shortReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0].slice(0, 120);
}

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

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  return columnLetter(col - 1);
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
