/**
 * What the page's sheet preview shows, as plain data (no DOM): the 分工表's cells from the
 * workbook the pane was scored from, laid out like a spreadsheet (row numbers, column letters,
 * merged areas), with the plan's highlights and the writes 应用 would make (old → new).
 * Pure over WorkbookData + Plan, so the built-in sample needs no ExcelJS.
 */
import type { CellScalar } from "../engine/types";
import { address, columnLetter, parseAddress, parseRange, scalarText, type MergeArea } from "../model/sheet";
import type { CellData, HighlightSeverity, Plan, WorkbookData } from "../model/types";

/** The workbook and the plan the pane currently shows (the host's last successful load). */
export interface SheetSnapshot {
  /** the workbook's name as the page shows it */
  name: string;
  data: WorkbookData;
  plan: Plan;
}

export type ColumnRole = "seq" | "category" | "name" | "weight" | "rule" | "dept" | "value" | "score" | "other";
export type RowRole = "title" | "header" | "indicator" | "total" | "other";

export interface GridColumn {
  col: number;
  letter: string;
  role: ColumnRole;
}

export interface GridCell {
  row: number;
  col: number;
  /** A1 address (the top-left of a merged area) */
  address: string;
  text: string;
  numeric: boolean;
  rowSpan: number;
  colSpan: number;
  /** the plan would write this cell: its text now and after 应用 */
  write?: { before: string; after: string };
  highlight?: { severity: HighlightSeverity; note: string; noteEn: string };
}

export interface GridRow {
  row: number;
  role: RowRole;
  /** the cells that start in this row (cells covered by a merge from above or the left are left out) */
  cells: GridCell[];
}

export interface Grid {
  sheet: string;
  columns: GridColumn[];
  rows: GridRow[];
}

/**
 * The grid of the plan's sheet: from the row above the headers (the title, usually) to the
 * 合计得分 row, across every column of the table, widened to take in `extra` cells (a cell
 * selected outside the table) and every cell the plan highlights or writes.
 */
export function buildGrid(snap: SheetSnapshot, extra: string[] = []): Grid {
  const { plan } = snap;
  const layout = plan.layout;
  const sheet = snap.data.sheets.find((s) => s.name === plan.sheet);
  const cells = sheet?.cells ?? [];
  const merges = (sheet?.merges ?? []).map(parseRange).filter((m): m is MergeArea => m !== null);

  const roleOf = new Map<number, ColumnRole>();
  const setRole = (c: number | null, r: ColumnRole) => {
    if (c !== null && !roleOf.has(c)) roleOf.set(c, r);
  };
  setRole(layout.columns.seq, "seq");
  setRole(layout.columns.category, "category");
  setRole(layout.columns.name, "name");
  setRole(layout.columns.weight, "weight");
  setRole(layout.columns.rule, "rule");
  setRole(layout.columns.dept, "dept");
  for (const y of layout.years) {
    setRole(y.valueCol, "value");
    setRole(y.scoreCol, "score");
  }

  const rowsOf = [...layout.headerRows, ...layout.indicatorRows, ...(layout.totalRow !== null ? [layout.totalRow] : [])];
  const colsOf = [...roleOf.keys(), ...(layout.totalLabelCol !== null ? [layout.totalLabelCol] : [])];
  const points = [
    ...plan.highlights.map((h) => ({ row: h.row, col: h.col })),
    ...plan.writes.map((w) => ({ row: w.row, col: w.col })),
    ...extra.map(parseAddress).filter((p): p is { row: number; col: number } => p !== null),
  ];
  let top = Math.max(0, Math.min(...rowsOf) - 1);
  let bottom = Math.max(...rowsOf);
  let left = Math.min(...colsOf);
  let right = Math.max(...colsOf);
  for (const p of points) {
    top = Math.min(top, p.row);
    bottom = Math.max(bottom, p.row);
    left = Math.min(left, p.col);
    right = Math.max(right, p.col);
  }

  const mergeAt = (row: number, col: number) => merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  const writes = new Map(plan.writes.map((w) => [`${w.row},${w.col}`, w]));
  const highlights = new Map(plan.highlights.map((h) => [`${h.row},${h.col}`, h]));
  const headerRows = new Set(layout.headerRows);
  const indicatorRows = new Set(layout.indicatorRows);

  const columns: GridColumn[] = [];
  for (let c = left; c <= right; c++) columns.push({ col: c, letter: columnLetter(c), role: roleOf.get(c) ?? "other" });

  const rows: GridRow[] = [];
  for (let r = top; r <= bottom; r++) {
    const role: RowRole = headerRows.has(r)
      ? "header"
      : indicatorRows.has(r)
        ? "indicator"
        : r === layout.totalRow
          ? "total"
          : r < Math.min(...layout.headerRows)
            ? "title"
            : "other";
    const out: GridCell[] = [];
    for (let c = left; c <= right; c++) {
      const m = mergeAt(r, c);
      // a merged area is drawn once, from its first visible cell
      if (m && (r !== Math.max(m.top, top) || c !== Math.max(m.left, left))) continue;
      const at = m ? { row: m.top, col: m.left } : { row: r, col: c };
      const data: CellData | undefined = cells[at.row]?.[at.col];
      const key = `${at.row},${at.col}`;
      const w = writes.get(key);
      const h = highlights.get(key);
      out.push({
        row: at.row,
        col: at.col,
        address: address(at.row, at.col),
        text: cellText(data),
        numeric: typeof data?.v === "number",
        rowSpan: m ? Math.min(m.bottom, bottom) - Math.max(m.top, top) + 1 : 1,
        colSpan: m ? Math.min(m.right, right) - Math.max(m.left, left) + 1 : 1,
        ...(w ? { write: { before: scalarAsShown(w.before, data?.numFmt), after: scalarAsShown(w.after, data?.numFmt) } } : {}),
        ...(h ? { highlight: { severity: h.severity, note: h.note, noteEn: h.noteEn } } : {}),
      });
    }
    rows.push({ row: r, role, cells: out });
  }
  return { sheet: plan.sheet, columns, rows };
}

/**
 * The cell a selection lands on: "k5" → "K5"; a cell inside a merged area → the area's
 * top-left, as Excel selects the whole area. null when `a1` is not a cell address.
 */
export function selectionAddress(snap: SheetSnapshot, a1: string): string | null {
  const p = parseAddress(a1);
  if (!p) return null;
  const sheet = snap.data.sheets.find((s) => s.name === snap.plan.sheet);
  for (const r of sheet?.merges ?? []) {
    const m = parseRange(r);
    if (m && p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right) return address(m.top, m.left);
  }
  return address(p.row, p.col);
}

export function cellText(c: CellData | undefined): string {
  if (!c) return "";
  return scalarAsShown(c.v, c.numFmt);
}

/** A value as the sheet shows it, for the common number formats ("0.00", "#,##0", "0.0%"); General otherwise. */
export function scalarAsShown(v: CellScalar, numFmt?: string): string {
  if (typeof v !== "number") return typeof v === "string" ? v.replace(/\s+$/, "") : scalarText(v);
  const fmt = (numFmt ?? "General").split(";")[0];
  const decimals = (/0\.(0+)/.exec(fmt)?.[1] ?? "").length;
  if (/^[#,0.]*0(\.0+)?%$/.test(fmt)) return `${(v * 100).toFixed(decimals)}%`;
  if (/^#,##0(\.0+)?$/.test(fmt)) {
    return v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  if (/^0(\.0+)?$/.test(fmt)) return v.toFixed(decimals);
  return String(Number(v.toPrecision(11)));
}
