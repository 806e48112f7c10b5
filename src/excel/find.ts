/**
 * Finding the 分工表 and reading it: load(). Once the sheet is known (by worksheet id) a load is
 * one read sync; the first load reads the sheet named 分工表 and the active sheet, then the
 * other visible sheets. A sheet too big for one response is read in row chunks (read.ts).
 */
import type { LoadResult } from "../host/types";
import { NOTE_PREFIX } from "../model/highlight-style";
import { computePlan, NoTableError } from "../model";
import type { Plan } from "../model/types";
import {
  DEFAULT_BYTES_PER_CELL,
  queueExtent,
  queueRows,
  queueSheetRead,
  sheetResult,
  type QueuedRead,
  type SheetReadResult,
} from "./read";
import { forgetSheet, message, type HostState } from "./state";

export const SAMPLE_SHEET = "分工表";

/**
 * Whether the sheet has notes at all (`any`), and notes of the user's own, not the add-in's
 * (`user`): queued with a read of `ws` (which loads the worksheet, so a missing sheet can be
 * told); both false when notes are not available.
 */
export function queueNotesProbe(s: HostState, ws: Excel.Worksheet): { user(): boolean; any(): boolean } {
  if (!s.env.notesSupported()) return { user: () => false, any: () => false };
  const notes = ws.notes;
  notes.load("items/content");
  const items = () => (ws.isNullObject ? [] : notes.items);
  return {
    user: () => items().some((n) => !String(n.content ?? "").startsWith(NOTE_PREFIX)),
    any: () => items().length > 0,
  };
}

export interface KnownRead {
  read: SheetReadResult;
  userNotes: boolean;
  anyNotes: boolean;
}

/** Read the known sheet: one sync, or row chunks past the payload limit. */
export async function readKnown(s: HostState, ctx: Excel.RequestContext, id: string): Promise<KnownRead | null> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(id);
  const limit = s.env.payloadLimit();
  const estimate = s.extent ? s.extent.rows * s.extent.cols * s.extent.bytesPerCell : 0;
  if (estimate <= limit) {
    const q = queueSheetRead(ws);
    const probe = queueNotesProbe(s, ws);
    await ctx.sync();
    const read = q.result();
    return read ? { read, userNotes: probe.user(), anyNotes: probe.any() } : null;
  }
  // Too big for one response: extent first, then rows in chunks under the limit.
  const ext = queueExtent(ws);
  const probe = queueNotesProbe(s, ws);
  await ctx.sync();
  const e = ext();
  if (!e) return null;
  const perRow = Math.max(1, e.cols * (s.extent?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL));
  const rowsPerChunk = Math.max(1, Math.floor(limit / perRow));
  const blocks = [];
  for (let r = 0; r < e.rows; r += rowsPerChunk) {
    const block = queueRows(ws, r, Math.min(rowsPerChunk, e.rows - r), e.cols);
    await ctx.sync();
    blocks.push(block());
  }
  return { read: sheetResult(e.id, e.name, blocks, e.merges), userNotes: probe.user(), anyNotes: probe.any() };
}

/** First load: the sheet named 分工表 and the active sheet in one sync, then every other sheet. */
async function discover(s: HostState, ctx: Excel.RequestContext): Promise<{ plan: Plan; read: SheetReadResult; userNotes: boolean }> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name,items/visibility");
  const first: { q: QueuedRead; probe: () => boolean }[] = [];
  for (const ws of [sheets.getItemOrNullObject(SAMPLE_SHEET), sheets.getActiveWorksheet()]) {
    first.push({ q: queueSheetRead(ws), probe: queueNotesProbe(s, ws).user });
  }
  await ctx.sync();
  s.allSheetIds = sheets.items.map((x) => x.id);
  const tried = new Map<string, { read: SheetReadResult; probe: () => boolean }>();
  for (const f of first) {
    const read = f.q.result();
    if (read && !tried.has(read.id)) tried.set(read.id, { read, probe: f.probe });
  }
  const attempt = () => {
    const reads = [...tried.values()];
    const plan = computePlan({ sheets: reads.map((r) => r.read.data) });
    const hit = reads.find((r) => r.read.name === plan.sheet)!;
    return { plan, read: hit.read, userNotes: hit.probe() };
  };
  try {
    return attempt();
  } catch (e) {
    if (!(e instanceof NoTableError)) throw e;
  }
  const rest = sheets.items.filter((x) => !tried.has(x.id) && x.visibility === "Visible");
  if (!rest.length) return attempt(); // throws the NoTableError again
  const more = rest.map((x) => {
    const ws = sheets.getItem(x.id);
    return { q: queueSheetRead(ws), probe: queueNotesProbe(s, ws).user };
  });
  await ctx.sync();
  for (const m of more) {
    const read = m.q.result();
    if (read) tried.set(read.id, { read, probe: m.probe });
  }
  return attempt();
}

export async function load(s: HostState): Promise<LoadResult> {
  try {
    return await s.env.run(async (ctx) => {
      ctx.workbook.load("name");
      let plan: Plan | null = null;
      let read: SheetReadResult | null = null;
      let userNotes = false;
      if (s.sheetId) {
        const known = await readKnown(s, ctx, s.sheetId);
        if (known) {
          read = known.read;
          userNotes = known.userNotes;
          try {
            plan = computePlan({ sheets: [read.data] });
          } catch (e) {
            if (!(e instanceof NoTableError)) throw e;
            forgetSheet(s); // headers gone or moved to another sheet: look again
          }
        } else forgetSheet(s); // sheet deleted
      }
      if (!plan) {
        const found = await discover(s, ctx);
        ({ plan, read, userNotes } = found);
      }
      remember(s, read!, userNotes);
      return { ok: true as const, plan, source: ctx.workbook.name || undefined };
    });
  } catch (e) {
    if (e instanceof NoTableError) {
      forgetSheet(s);
      return { ok: false, reason: "no-table", message: e.message, lookedFor: e.lookedFor };
    }
    return { ok: false, reason: "error", message: `读取工作簿失败：${message(e)}` };
  }
}

function remember(s: HostState, read: SheetReadResult, userNotes: boolean): void {
  const changed = s.sheetId !== read.id;
  s.sheetId = read.id;
  s.sheetName = read.name;
  const cells = Math.max(1, read.rows * read.cols);
  s.extent = { rows: read.rows, cols: read.cols, bytesPerCell: Math.max(8, read.bytes / cells) };
  s.userNotesOnSheet = userNotes;
  if (changed) s.onBound();
}

/** The bound sheet's id; throws (Chinese) when there is none or `plan` belongs to another sheet. */
export function requireSheet(s: HostState, plan?: Plan): string {
  if (!s.sheetId) throw new Error("尚未找到分工表：请先重新计算");
  if (plan && s.sheetName !== null && plan.sheet !== s.sheetName) {
    throw new Error(`计算结果属于工作表“${plan.sheet}”，当前绑定的是“${s.sheetName}”：请重新计算`);
  }
  return s.sheetId;
}
