/**
 * Reading sheets under Excel on the web's response limit. The used ranges' extents come first
 * (one small sync); whole sheets whose estimated size fits are read together, a sheet that does not
 * fit is read in row chunks; a response Excel still refuses (RequestPayloadSizeLimitExceeded: the
 * estimate was low, e.g. long Chinese texts) is read again in halves.
 */
import { DEFAULT_BYTES_PER_CELL, queueExtent, queueRows, sheetResult, type LoadedBlock, type SheetReadResult } from "./read";

const TOO_BIG = "RequestPayloadSizeLimitExceeded";

export function tooBig(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return code === TOO_BIG || String((e as Error)?.message ?? e).includes(TOO_BIG);
}

type Extent = NonNullable<ReturnType<ReturnType<typeof queueExtent>>>;

/** A queued extent read; `extent()` after the sync (null: no such sheet). */
export function queueExtents(sheets: Excel.Worksheet[]): () => (Extent | null)[] {
  const q = sheets.map((ws) => queueExtent(ws));
  return () => q.map((f) => f());
}

/**
 * Read the rows of `extents[i]` on `sheets[i]`, every response under `limit` by estimate,
 * retrying in halves when Excel refuses one. Results in the same order (null: no such sheet).
 */
export async function readUnderLimit(
  ctx: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  extents: (Extent | null)[],
  limit: number,
  bytesPerCell = DEFAULT_BYTES_PER_CELL,
): Promise<(SheetReadResult | null)[]> {
  const blocks: LoadedBlock[][] = sheets.map(() => []);
  // pieces: [sheet, firstRow, rowCount]; whole small sheets share one sync
  type Piece = { i: number; first: number; rows: number };
  const pieces: Piece[] = [];
  extents.forEach((e, i) => {
    if (!e || e.rows === 0 || e.cols === 0) return;
    const perRow = Math.max(1, e.cols * bytesPerCell);
    const step = Math.max(1, Math.floor(limit / perRow));
    for (let r = 0; r < e.rows; r += step) pieces.push({ i, first: r, rows: Math.min(step, e.rows - r) });
  });
  const size = (p: Piece) => p.rows * extents[p.i]!.cols * bytesPerCell;
  const readGroup = async (group: Piece[]): Promise<void> => {
    const queued = group.map((p) => ({ p, block: queueRows(sheets[p.i], p.first, p.rows, extents[p.i]!.cols) }));
    try {
      await ctx.sync();
    } catch (e) {
      if (!tooBig(e)) throw e;
      // refused: split the group, or the one piece in half (a single row that is too big stays an error)
      if (group.length > 1) {
        const mid = Math.ceil(group.length / 2);
        await readGroup(group.slice(0, mid));
        await readGroup(group.slice(mid));
        return;
      }
      const p = group[0];
      if (p.rows <= 1) throw e;
      const half = Math.ceil(p.rows / 2);
      await readGroup([{ i: p.i, first: p.first, rows: half }]);
      await readGroup([{ i: p.i, first: p.first + half, rows: p.rows - half }]);
      return;
    }
    for (const { p, block } of queued) blocks[p.i].push(block());
  };
  let group: Piece[] = [];
  let bytes = 0;
  for (const p of pieces) {
    if (group.length && bytes + size(p) > limit) {
      await readGroup(group);
      group = [];
      bytes = 0;
    }
    group.push(p);
    bytes += size(p);
  }
  if (group.length) await readGroup(group);
  return extents.map((e, i) => {
    if (!e) return null;
    blocks[i].sort((a, b) => a.rowIndex - b.rowIndex);
    return sheetResult(e.id, e.name, blocks[i], e.merges);
  });
}
