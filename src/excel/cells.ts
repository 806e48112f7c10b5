/** Grouping cells into runs, so a batch writes one range per run instead of one per cell. */
import { address, parseRange } from "../model/sheet";

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
  const area = parseRange(range.trim());
  if (!area) return null;
  const { top, left, bottom, right } = area;
  if ((bottom - top + 1) * (right - left + 1) > limit) return null;
  const out: string[] = [];
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(address(r, c));
  return out;
}
