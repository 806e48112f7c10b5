/**
 * Finding the 分工表 and reading it: load(). Once the sheet is known (by worksheet id) a load is
 * one read sync; the first load reads the sheet named 分工表 and the active sheet, then the
 * other visible sheets. On Excel on the web every response stays under the 5 MB limit: extents
 * first, then pieces (chunked.ts).
 */
import type { LoadResult } from "../host/types";
import { NOTE_PREFIX } from "../model/highlight-style";
import { NoTableError, TableChoiceError, type Plan, type TableChoice } from "../model/types";

// The model and its engine load with the first read, not with the pane: the first view's chunk
// stays small, and the import runs while Excel answers the read.
const model = () => import(/* webpackChunkName: "model" */ "../model");
import { queueExtents, readUnderLimit, tooBig } from "./chunked";
import { DEFAULT_BYTES_PER_CELL, queueSheetRead, type QueuedRead, type SheetReadResult } from "./read";
import { forgetSheet, message, runBatch, type HostState } from "./state";

export const SAMPLE_SHEET = "分工表";

/**
 * Whether the sheet has notes at all (`any`), and notes of the user's own, not the add-in's
 * (`user`): queued with a read of `ws` (which loads the worksheet, so a missing sheet can be
 * told); both false when notes are not available.
 */
export function queueNotesProbe(s: HostState, ws: Excel.Worksheet): { user(): boolean; any(): boolean } {
  if (!s.env.notesSupported()) return { user: () => false, any: () => false };
  const notes = ws.notes;
  notes.load("items/content"); // content only: visible/width/height fail the batch on the web
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

/** Bytes per cell to assume for a sheet: as measured on the last read of the bound sheet, or the default. */
function perCell(s: HostState): number {
  return s.extent?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
}

/**
 * Read `sheets` with their notes probes. Without a response limit (Excel on Windows and Mac) every
 * sheet's used range in one sync. Under a limit (the web): extents first, then reads under it
 * (chunked.ts) — except `knownFits`: the bound sheet last measured under the limit is read whole at
 * once, and only read again in pieces if Excel refuses the response.
 */
export async function readSheets(
  s: HostState,
  ctx: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  knownFits = false,
): Promise<{ read: SheetReadResult | null; userNotes: () => boolean; anyNotes: () => boolean }[]> {
  const limit = s.env.payloadLimit();
  const probes = sheets.map((ws) => queueNotesProbe(s, ws));
  const withProbes = (reads: (SheetReadResult | null)[]) =>
    reads.map((read, i) => ({ read, userNotes: probes[i].user, anyNotes: probes[i].any }));
  if (limit === Infinity || knownFits) {
    const q: QueuedRead[] = sheets.map((ws) => queueSheetRead(ws));
    try {
      await ctx.sync();
      return withProbes(q.map((x) => x.result()));
    } catch (e) {
      if (limit === Infinity || !tooBig(e)) throw e;
      // the sheet grew past the limit since it was measured: read it in pieces (probes again too)
      return readSheets(s, ctx, sheets, false);
    }
  }
  const extents = queueExtents(sheets);
  await ctx.sync();
  const reads = await readUnderLimit(ctx, sheets, extents(), limit, perCell(s));
  return withProbes(reads);
}

function sheetByKey(ctx: Excel.RequestContext, key: string, nullable: boolean): Excel.Worksheet {
  return nullable ? ctx.workbook.worksheets.getItemOrNullObject(key) : ctx.workbook.worksheets.getItem(key);
}

/** Read the known sheet: one sync when it fits (or there is no limit), else extent then pieces. */
export async function readKnown(s: HostState, ctx: Excel.RequestContext, id: string): Promise<KnownRead | null> {
  const estimate = s.extent ? s.extent.rows * s.extent.cols * s.extent.bytesPerCell : Infinity;
  const [r] = await readSheets(s, ctx, [sheetByKey(ctx, id, true)], estimate <= s.env.payloadLimit());
  return r.read ? { read: r.read, userNotes: r.userNotes(), anyNotes: r.anyNotes() } : null;
}

interface Found {
  plan: Plan;
  read: SheetReadResult;
  userNotes: boolean;
  anyNotes: boolean;
}

/** First load: the sheet named 分工表 and the active sheet, then every other visible sheet. */
async function discover(s: HostState, ctx: Excel.RequestContext, choice?: TableChoice): Promise<Found> {
  const { computePlan } = await model();
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name,items/visibility");
  // a chosen table's sheet is read first, in the same sync
  const chosen = choice?.sheet ? [sheetByKey(ctx, choice.sheet, true)] : [];
  const firstSheets = [...chosen, sheetByKey(ctx, SAMPLE_SHEET, true), sheets.getActiveWorksheet()];
  const first = await readSheets(s, ctx, firstSheets);
  s.allSheetIds = sheets.items.map((x) => x.id);
  const tried = new Map<string, { read: SheetReadResult; userNotes: () => boolean; anyNotes: () => boolean }>();
  const keep = (rs: typeof first) => {
    for (const r of rs) if (r.read && !tried.has(r.read.id)) tried.set(r.read.id, { ...r, read: r.read });
  };
  keep(first);
  const attempt = (): Found => {
    const reads = [...tried.values()];
    const plan = computePlan({ sheets: reads.map((r) => r.read.data) }, choice);
    const hit = reads.find((r) => r.read.name === plan.sheet)!;
    return { plan, read: hit.read, userNotes: hit.userNotes(), anyNotes: hit.anyNotes() };
  };
  try {
    return attempt();
  } catch (e) {
    if (!(e instanceof NoTableError)) throw e;
  }
  const rest = sheets.items.filter((x) => !tried.has(x.id) && x.visibility === "Visible");
  if (!rest.length) return attempt(); // throws the NoTableError again
  keep(
    await readSheets(
      s,
      ctx,
      rest.map((x) => sheetByKey(ctx, x.id, false)),
    ),
  );
  return attempt();
}

/** `choice` binds another 分工表 than the first (the pane's picker): its sheet is read, then scored. */
export async function load(s: HostState, choice?: TableChoice): Promise<LoadResult> {
  try {
    const { computePlan } = await model();
    return await runBatch(
      s,
      async (ctx) => {
        ctx.workbook.load("name");
        let plan: Plan | null = null;
        let read: SheetReadResult | null = null;
        let userNotes = false;
        let anyNotes = false;
        if (choice?.sheet && choice.sheet !== s.sheetName) forgetSheet(s);
        if (s.sheetId) {
          const known = await readKnown(s, ctx, s.sheetId);
          if (known) {
            read = known.read;
            userNotes = known.userNotes;
            anyNotes = known.anyNotes;
            try {
              plan = computePlan({ sheets: [read.data] }, choice);
            } catch (e) {
              if (!(e instanceof NoTableError)) throw e;
              forgetSheet(s); // headers gone or moved to another sheet: look again
            }
          } else forgetSheet(s); // sheet deleted
        }
        if (!plan) {
          const found = await discover(s, ctx, choice);
          ({ plan, read, userNotes, anyNotes } = found);
        }
        remember(s, read!, userNotes, anyNotes);
        return { ok: true as const, plan, source: ctx.workbook.name || undefined };
      },
      { write: false },
    );
  } catch (e) {
    if (e instanceof NoTableError) {
      forgetSheet(s);
      return { ok: false, reason: "no-table", message: e.message, lookedFor: e.lookedFor };
    }
    if (e instanceof TableChoiceError) return { ok: false, reason: "error", message: e.message };
    return { ok: false, reason: "error", message: `读取工作簿失败：${message(e)}` };
  }
}

function remember(s: HostState, read: SheetReadResult, userNotes: boolean, anyNotes: boolean): void {
  const changed = s.sheetId !== read.id;
  s.sheetId = read.id;
  s.sheetName = read.name;
  const cells = Math.max(1, read.rows * read.cols);
  s.extent = { rows: read.rows, cols: read.cols, bytesPerCell: Math.max(8, read.bytes / cells) };
  s.userNotesOnSheet = userNotes;
  s.anyNotesOnSheet = anyNotes;
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
