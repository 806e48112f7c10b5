/** Grouping cells into runs, so a batch writes one range per run instead of one per cell. */
import { address } from "../model/sheet";

export interface At {
  row: number;
  col: number;
}

export interface Run<T extends At> {
  /** A1 address of the run ("D5" or "D5:D21") */
  address: string;
  items: T[];
}

/**
 * Consecutive cells of one column (and the same `key`) become one run. Only the given cells
 * are covered: a gap ends the run, so a write never spills onto a cell that is not listed.
 */
export function runsOf<T extends At>(cells: T[], key: (c: T) => string = () => ""): Run<T>[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run<T>[] = [];
  let cur: T[] = [];
  const flush = () => {
    if (!cur.length) return;
    const first = cur[0];
    const last = cur[cur.length - 1];
    const a = address(first.row, first.col);
    runs.push({ address: cur.length === 1 ? a : `${a}:${address(last.row, last.col)}`, items: cur });
    cur = [];
  };
  for (const c of sorted) {
    const prev = cur[cur.length - 1];
    if (prev && !(prev.col === c.col && prev.row + 1 === c.row && key(prev) === key(c))) flush();
    cur.push(c);
  }
  flush();
  return runs;
}

/** Every cell address of "D5" / "D5:F7" (null when it is not a plain A1 range or is huge). */
export function cellsOfRange(range: string, limit = 100_000): string[] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c1 = col(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const [top, bottom] = [Math.min(r1, r2), Math.max(r1, r2)];
  const [left, right] = [Math.min(c1, c2), Math.max(c1, c2)];
  if ((bottom - top + 1) * (right - left + 1) > limit) return null;
  const out: string[] = [];
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(address(r, c));
  return out;
}
