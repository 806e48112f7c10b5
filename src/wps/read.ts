/**
 * Reading the workbook through ET's object model into the WorkbookData every host hands the model.
 *
 * Calls are synchronous and each one crosses into WPS, so the host reads whole used ranges at once:
 * per sheet one Value2 (every sheet, to find the 分工表 by its headers), and for the sheet that holds
 * it one Formula, the number formats by column (one call per column; a column of mixed formats is
 * read cell by cell) and the merges by row (a row without merged cells costs one call).
 */
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData, WorkbookData } from "../model/types";
import { address } from "../model/sheet";
import type { EtApplication, EtRange, EtWorksheet } from "./et";

/** A 2-D view of what Value2/Formula returned: one cell gives a scalar, a range a [row][col] array. */
export function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  if (rows === 1 && cols === 1) return [[v]];
  return [];
}

/**
 * Excel's error values as a COM Variant error reaches JavaScript: the HRESULT 0x800A0000 + xlErr
 * code, as a signed 32-bit number (xlErrDiv0 2007 → −2146826281). Plain numbers are never mapped.
 */
const CV_ERRORS: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
};
const CV_BASE = 0x800a0000 | 0; // −2146828288

export function scalarOf(v: unknown): CellScalar {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") {
    const code = v - CV_BASE;
    if (code in CV_ERRORS && Number.isInteger(v)) return { error: CV_ERRORS[code] };
    return v;
  }
  if (typeof v === "string") return v === "" ? null : /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(v) ? { error: v } : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return null;
  return String(v);
}

/** WPS in Chinese reports General as "G/通用格式" (its local spelling); the model knows "General". */
export function normalNumberFormat(f: string | null | undefined): string | undefined {
  if (f === null || f === undefined || f === "") return undefined;
  if (f === "G/通用格式" || f.toLowerCase() === "general") return "General";
  return f;
}

/** A used range's place in the sheet (0-based top-left) and size. */
export interface Extent {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export function extentOf(r: EtRange): Extent {
  return { top: r.Row - 1, left: r.Column - 1, rows: r.Rows.Count, cols: r.Columns.Count };
}

/** One sheet's values only, placed at their sheet coordinates: enough to find the 分工表 by its headers. */
export function readValues(ws: EtWorksheet): SheetData {
  const used = ws.UsedRange;
  const ext = extentOf(used);
  const values = matrix(used.Value2, ext.rows, ext.cols);
  const cells: (CellData | undefined)[][] = [];
  for (let r = 0; r < values.length; r++) {
    const row: (CellData | undefined)[] = [];
    for (let c = 0; c < values[r].length; c++) {
      const v = scalarOf(values[r][c]);
      if (v !== null) row[ext.left + c] = { v };
    }
    if (row.length) cells[ext.top + r] = row;
  }
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  return { name: ws.Name, cells, merges: [] };
}

/** The whole sheet: values, formulas, number formats and merges, in the calls the header comment lists. */
export function readSheet(ws: EtWorksheet): SheetData {
  const sheet = readValues(ws);
  const used = ws.UsedRange;
  const ext = extentOf(used);
  if (ext.rows === 0 || ext.cols === 0) return sheet;
  const formulas = matrix(used.Formula, ext.rows, ext.cols);
  for (let r = 0; r < formulas.length; r++) {
    for (let c = 0; c < formulas[r].length; c++) {
      const f = formulas[r][c];
      if (typeof f !== "string" || !f.startsWith("=")) continue;
      const row = (sheet.cells[ext.top + r] ??= []);
      row[ext.left + c] = { ...(row[ext.left + c] ?? { v: null }), formula: f.slice(1) };
    }
  }
  for (let c = 0; c < ext.cols; c++) {
    const col = ext.left + c;
    const shared = ws.Range(`${address(ext.top, col)}:${address(ext.top + ext.rows - 1, col)}`).NumberFormat;
    for (let r = 0; r < ext.rows; r++) {
      const cell = sheet.cells[ext.top + r]?.[col];
      if (!cell) continue;
      const f = normalNumberFormat(shared ?? ws.Cells(ext.top + r + 1, col + 1).NumberFormat);
      if (f && f !== "General") cell.numFmt = f;
    }
  }
  sheet.merges = readMerges(ws, ext);
  // The cells a merge covers, other than its top-left one, are holes, as the other hosts give them.
  for (const m of sheet.merges) {
    const [a, b] = m.split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) if (r !== p.row || c !== p.col) delete sheet.cells[r]?.[c];
  }
  return sheet;
}

function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Merged areas, "A4:A6": a row with no merged cell costs one MergeCells call. */
function readMerges(ws: EtWorksheet, ext: Extent): string[] {
  const seen = new Set<string>();
  for (let r = 0; r < ext.rows; r++) {
    const rowRange = ws.Range(`${address(ext.top + r, ext.left)}:${address(ext.top + r, ext.left + ext.cols - 1)}`);
    if (rowRange.MergeCells === false) continue;
    for (let c = 0; c < ext.cols; c++) {
      const cell = ws.Cells(ext.top + r + 1, ext.left + c + 1);
      if (!cell.MergeCells) continue;
      const a = cell.MergeArea.Address().replace(/\$/g, "");
      if (a.includes(":")) seen.add(a);
    }
  }
  return [...seen];
}

/** Every worksheet's values (to find the 分工表), in workbook order. */
export function readAllValues(app: EtApplication): { sheets: EtWorksheet[]; data: WorkbookData } {
  const wb = app.ActiveWorkbook;
  if (!wb) return { sheets: [], data: { sheets: [] } };
  const sheets: EtWorksheet[] = [];
  for (let i = 1; i <= wb.Worksheets.Count; i++) sheets.push(wb.Worksheets.Item(i));
  return { sheets, data: { sheets: sheets.map(readValues) } };
}
