/**
 * Reading a worksheet in one batch: the used range's values, value types, number formats and
 * formulas, and its merged areas, queued on a request context and turned into the model's
 * SheetData after the caller's single context.sync().
 *
 * Fills and notes are not read here: the plan does not need them, and apply() captures the
 * exact previous fill/note of each cell it touches inside its own write batch (see write.ts),
 * which also halves the read's payload.
 */
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData } from "../model/types";
import { parseRange } from "../model/sheet";

/** Excel on the web refuses responses over 5 MB; stay under it with headroom. */
export const WEB_PAYLOAD_LIMIT = 4_500_000;
/** Bytes per cell assumed before a sheet has been read once (values + types + formats + formulas). */
export const DEFAULT_BYTES_PER_CELL = 60;

const RANGE_PROPS = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "valueTypes", "numberFormat", "formulas"];

/** One rectangle of loaded cells, positioned on the sheet (0-based). */
export interface LoadedBlock {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

export interface SheetReadResult {
  id: string;
  name: string;
  data: SheetData;
  /** size of the used range (rows × columns from A1, what a later read will cover) */
  rows: number;
  cols: number;
  /** the read's payload, measured (UTF-8 bytes of the loaded arrays) */
  bytes: number;
}

/** A read queued on a context; `result()` is valid after the sync (null: no such sheet). */
export interface QueuedRead {
  result(): SheetReadResult | null;
}

/** Queue the whole-used-range read of `ws` (one sync). */
export function queueSheetRead(ws: Excel.Worksheet): QueuedRead {
  ws.load("id,name");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(RANGE_PROPS);
  const merged = used.getMergedAreasOrNullObject();
  merged.load("areas/items/address");
  return {
    result() {
      if (ws.isNullObject) return null;
      const blocks: LoadedBlock[] = used.isNullObject ? [] : [used];
      const merges = merged.isNullObject ? [] : merged.areas.items.map((a) => a.address);
      return sheetResult(ws.id, ws.name, blocks, merges);
    },
  };
}

/** Queue only the used range's extent and merges (first step of a chunked read). */
export function queueExtent(ws: Excel.Worksheet): () => { id: string; name: string; rows: number; cols: number; merges: string[] } | null {
  ws.load("id,name");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const merged = used.getMergedAreasOrNullObject();
  merged.load("areas/items/address");
  return () => {
    if (ws.isNullObject) return null;
    if (used.isNullObject) return { id: ws.id, name: ws.name, rows: 0, cols: 0, merges: [] };
    return {
      id: ws.id,
      name: ws.name,
      rows: used.rowIndex + used.rowCount,
      cols: used.columnIndex + used.columnCount,
      merges: merged.isNullObject ? [] : merged.areas.items.map((a) => a.address),
    };
  };
}

/** Queue one block of rows [firstRow, firstRow + rowCount) × columns [0, cols). */
export function queueRows(ws: Excel.Worksheet, firstRow: number, rowCount: number, cols: number): () => LoadedBlock {
  const r = ws.getRangeByIndexes(firstRow, 0, rowCount, cols);
  r.load(RANGE_PROPS.filter((p) => p !== "address"));
  return () => r;
}

export function sheetResult(id: string, name: string, blocks: LoadedBlock[], mergeAddresses: string[]): SheetReadResult {
  const cells: (CellData | undefined)[][] = [];
  let rows = 0;
  let cols = 0;
  let bytes = 0;
  const enc = new TextEncoder();
  for (const b of blocks) {
    bytes += enc.encode(JSON.stringify([b.values, b.valueTypes, b.numberFormat, b.formulas])).length;
    b.values.forEach((line, i) => {
      const r = b.rowIndex + i;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, b.columnIndex + line.length);
      line.forEach((v, j) => {
        const c = b.columnIndex + j;
        const cell = cellOf(v, b.valueTypes[i]?.[j], b.numberFormat[i]?.[j], b.formulas[i]?.[j]);
        if (cell) (cells[r] ??= [])[c] = cell;
      });
    });
  }
  for (let r = 0; r < rows; r++) cells[r] ??= [];
  const merges = mergeAddresses.flatMap(splitAreas).filter((a) => parseRange(a) !== null);
  return { id, name, data: { name, cells, merges }, rows, cols, bytes };
}

/** "分工表!A4:A6" or "'a,b'!A4:A6, 'a,b'!B4:B6" → ["A4:A6", …] (sheet prefix dropped). */
function splitAreas(addr: string): string[] {
  const out: string[] = [];
  // a quoted sheet name may contain commas; split only outside quotes
  let cur = "";
  let quoted = false;
  for (const ch of addr) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out
    .map((a) => a.trim())
    .map((a) => (a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a))
    .map((a) => a.replace(/\$/g, ""));
}

/** One Office.js cell → the model's CellData; undefined for an empty cell. */
export function cellOf(v: unknown, type: string | undefined, fmt: unknown, formula: unknown): CellData | undefined {
  if (type === "Empty" || (type === undefined && (v === "" || v === null || v === undefined))) return undefined;
  let scalar: CellScalar;
  if (type === "Error") scalar = { error: String(v) };
  else if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") scalar = v;
  else scalar = v === null || v === undefined ? null : String(v);
  const cell: CellData = { v: scalar };
  if (typeof fmt === "string" && fmt !== "" && fmt !== "General") cell.numFmt = fmt;
  if (typeof formula === "string" && formula.startsWith("=")) cell.formula = formula.slice(1);
  return cell;
}
