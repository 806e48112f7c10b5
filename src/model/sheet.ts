/** Small helpers over SheetData: addresses, merges, cell text. */
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData } from "./types";

export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/col → "A1". */
export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "B12" → {row: 11, col: 1}; null when it is not a single-cell A1 address. */
export function parseAddress(a1: string): { row: number; col: number } | null {
  // the plan's own addresses ("B12"): one to three capitals, then digits, read without the regular expression
  let i = 0;
  let col = 0;
  const len = a1.length;
  while (i < len && i < 3) {
    const c = a1.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i > 0 && i < len) {
    let row = 0;
    let j = i;
    for (; j < len; j++) {
      const c = a1.charCodeAt(j);
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
    }
    if (j === len && j - i <= 15) return { row: row - 1, col: col - 1 };
  }
  return parseAddressFully(a1);
}

function parseAddressFully(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): MergeArea | null {
  const [a, b] = range.split(":");
  const p = parseAddress(a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a);
  const q = b ? parseAddress(b) : p;
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** One more than the widest column parseAddress reads (ZZZ): every merged cell has its own key. */
const MAX_COLS = 18278;

/** Read access to one sheet that resolves merged cells to their top-left cell. */
export class SheetView {
  /** by row × MAX_COLS + col: a number key, not a string built per lookup */
  private readonly mergeOf = new Map<number, MergeArea>();

  constructor(readonly sheet: SheetData) {
    for (const r of sheet.merges) {
      const m = parseRange(r);
      if (!m) continue;
      for (let row = m.top; row <= m.bottom; row++) {
        for (let col = m.left; col <= m.right; col++) this.mergeOf.set(row * MAX_COLS + col, m);
      }
    }
  }

  get rowCount(): number {
    return this.sheet.cells.length;
  }

  get colCount(): number {
    let n = 0;
    for (const row of this.sheet.cells) if (row && row.length > n) n = row.length;
    return n;
  }

  cell(row: number, col: number): CellData | undefined {
    return this.sheet.cells[row]?.[col];
  }

  /** The merge area a cell belongs to, if any. */
  merge(row: number, col: number): MergeArea | undefined {
    // no merge reaches past ZZZ (parseAddress reads three letters at most)
    return col >= 0 && col < MAX_COLS ? this.mergeOf.get(row * MAX_COLS + col) : undefined;
  }

  /** The cell's content, or the content of the merged area it lies in. */
  resolved(row: number, col: number): CellData | undefined {
    const m = this.merge(row, col);
    return m ? this.cell(m.top, m.left) : this.cell(row, col);
  }

  /** Text of a cell as shown, trimmed; "" for empty. */
  text(row: number, col: number, resolveMerge = false): string {
    const c = resolveMerge ? this.resolved(row, col) : this.cell(row, col);
    return scalarText(c?.v ?? null);
  }
}

export function scalarText(v: CellScalar): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  return String(v).trim();
}

/** Header text compared without any white space (headers break lines anywhere: "2018年\n情况"). */
export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}
