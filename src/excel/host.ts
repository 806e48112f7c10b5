/**
 * The Office.js host: the task pane's PaneHost over the open workbook. React never calls
 * Office.js; it calls these functions.
 *
 * Sync budget: once the 分工表's sheet is known (remembered by worksheet id), load() is one
 * context.sync() (the read) and apply() is one (the write, which also captures what it
 * replaces): a full recalculation is 2 syncs. Exceptions, each stated where it happens: the
 * first load may read candidate sheets first; a sheet too big for Excel on the web's 5 MB
 * response is read in row chunks; a sheet that has notes of the user's own costs apply() one
 * read of the notes on the cells it will highlight, so that those notes are left alone.
 *
 * Requirement sets: ExcelApi 1.13 (getMergedAreasOrNullObject, insertWorksheetsFromBase64;
 * 1.9 getCellProperties/setCellProperties; 1.7 onChanged, getRangeByIndexes, workbook.name;
 * 1.4 *OrNullObject). Optional: 1.14 (triggerSource on change events), 1.18 (notes).
 */
import type { ApplyResult, LoadResult, PaneHost } from "../host/types";
import { NOTE_PREFIX } from "../model/highlight-style";
import { computePlan, NoTableError } from "../model";
import type { Plan } from "../model/types";
import { OwnWrites, debounce } from "./events";
import {
  DEFAULT_BYTES_PER_CELL,
  WEB_PAYLOAD_LIMIT,
  queueExtent,
  queueRows,
  queueSheetRead,
  sheetResult,
  type QueuedRead,
  type SheetReadResult,
} from "./read";
import {
  isOurFill,
  queueApply,
  queueRestoreFill,
  queueRestoreNote,
  queueRestoreValues,
  type FillSnapshot,
  type NoteSnapshot,
  type UndoRecord,
} from "./write";

export type Batch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Excel.run, or a test double */
  run?: Batch;
  /** whether worksheet notes (ExcelApi 1.18) can be used; default: asks Office */
  notesSupported?: () => boolean;
  /** response size above which a read is split into row chunks; default 4.5 MB on the web, none elsewhere */
  payloadLimit?: number;
  /** live mode's debounce, ms */
  debounceMs?: number;
  /** language of the notes the add-in writes */
  language?: "zh" | "en";
  /** the sample 分工表 as .xlsx bytes, with its sheet named `sheetName` (default: lazy-loaded template) */
  sampleWorkbook?: (sheetName: string) => Promise<Uint8Array>;
  now?: () => number;
}

/** The Excel host always says whether notes were written. */
export interface ExcelApplyResult extends ApplyResult {
  notesSkipped: boolean;
  notesKept: number;
}

const SAMPLE_SHEET = "分工表";

function officeSupports(set: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

function defaultPayloadLimit(): number {
  try {
    return typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.OfficeOnline ? WEB_PAYLOAD_LIMIT : Infinity;
  } catch {
    return Infinity;
  }
}

async function defaultSample(sheetName: string): Promise<Uint8Array> {
  // ExcelJS stays out of the task pane's initial chunk: this import becomes a lazy chunk.
  const t = await import(/* webpackChunkName: "template" */ "../xlsx/template");
  const wb = t.newWorkbook();
  t.addTableSheet(wb, { ...t.sampleSpec(), sheetName });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** "分工表", or "分工表 (2)" … when that name is taken (Excel compares sheet names case-insensitively). */
export function uniqueSheetName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Cell values as the model saw them vs. as Excel returned them just before the write. */
function sameValue(before: unknown, now: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" && v && "error" in v ? (v as { error: string }).error : v);
  return norm(before) === norm(now);
}

/** The PaneHost over Office.js; apply() also says whether notes were written. */
export interface ExcelHost extends PaneHost {
  apply(plan: Plan): Promise<ExcelApplyResult>;
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const run: Batch = options.run ?? ((b) => Excel.run(b));
  const notesSupported = options.notesSupported ?? (() => officeSupports("ExcelApi", "1.18"));
  const payloadLimit = () => options.payloadLimit ?? defaultPayloadLimit();
  const language = options.language ?? "zh";
  const sample = options.sampleWorkbook ?? defaultSample;
  const own = new OwnWrites(options.now);

  let sheetId: string | null = null;
  let sheetName: string | null = null;
  let extent: { rows: number; cols: number; bytesPerCell: number } | null = null;
  let userNotesOnSheet = false;
  let undoRecord: UndoRecord | null = null;
  /** the state each highlighted cell had before the add-in first highlighted it */
  const ownState = new Map<string, { fill: FillSnapshot; note: NoteSnapshot | null; addedNote: boolean }>();
  const subscribers = new Set<() => void>();
  let registration: { sheetId: string; remove(): Promise<void> } | null = null;

  const forgetSheet = () => {
    sheetId = null;
    sheetName = null;
    extent = null;
  };

  /** The sheet's user notes (not the add-in's): queued with a read when notes are available. */
  function queueNotesProbe(ws: Excel.Worksheet): () => boolean {
    if (!notesSupported()) return () => false;
    const notes = ws.notes;
    notes.load("items/content");
    return () => !ws.isNullObject && notes.items.some((n) => !String(n.content ?? "").startsWith(NOTE_PREFIX));
  }

  /** Read the known sheet: one sync, or row chunks past the payload limit. */
  async function readKnown(ctx: Excel.RequestContext, id: string): Promise<{ read: SheetReadResult; userNotes: boolean } | null> {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(id);
    const estimate = extent ? extent.rows * extent.cols * extent.bytesPerCell : 0;
    if (estimate <= payloadLimit()) {
      const q = queueSheetRead(ws);
      const probe = queueNotesProbe(ws);
      await ctx.sync();
      const read = q.result();
      return read ? { read, userNotes: probe() } : null;
    }
    // Too big for one response: extent first, then rows in chunks under the limit.
    const ext = queueExtent(ws);
    const probe = queueNotesProbe(ws);
    await ctx.sync();
    const e = ext();
    if (!e) return null;
    const perRow = Math.max(1, e.cols * (extent?.bytesPerCell ?? DEFAULT_BYTES_PER_CELL));
    const rowsPerChunk = Math.max(1, Math.floor(payloadLimit() / perRow));
    const blocks = [];
    for (let r = 0; r < e.rows; r += rowsPerChunk) {
      const block = queueRows(ws, r, Math.min(rowsPerChunk, e.rows - r), e.cols);
      await ctx.sync();
      blocks.push(block());
    }
    return { read: sheetResult(e.id, e.name, blocks, e.merges), userNotes: probe() };
  }

  /** First load: the sheet named 分工表 and the active sheet in one sync, then every other sheet. */
  async function discover(ctx: Excel.RequestContext): Promise<{ plan: Plan; read: SheetReadResult; userNotes: boolean }> {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/id,items/name,items/visibility");
    const first: { q: QueuedRead; probe: () => boolean }[] = [];
    for (const ws of [sheets.getItemOrNullObject(SAMPLE_SHEET), sheets.getActiveWorksheet()]) {
      first.push({ q: queueSheetRead(ws), probe: queueNotesProbe(ws) });
    }
    await ctx.sync();
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
    const rest = sheets.items.filter((s) => !tried.has(s.id) && s.visibility === "Visible");
    if (!rest.length) return attempt(); // throws the NoTableError again
    const more = rest.map((s) => {
      const ws = sheets.getItem(s.id);
      return { q: queueSheetRead(ws), probe: queueNotesProbe(ws) };
    });
    await ctx.sync();
    for (const m of more) {
      const read = m.q.result();
      if (read) tried.set(read.id, { read, probe: m.probe });
    }
    return attempt();
  }

  async function load(): Promise<LoadResult> {
    try {
      return await run(async (ctx) => {
        ctx.workbook.load("name");
        let plan: Plan | null = null;
        let read: SheetReadResult | null = null;
        let userNotes = false;
        if (sheetId) {
          const known = await readKnown(ctx, sheetId);
          if (known) {
            read = known.read;
            userNotes = known.userNotes;
            try {
              plan = computePlan({ sheets: [read.data] });
            } catch (e) {
              if (!(e instanceof NoTableError)) throw e;
              forgetSheet(); // headers gone or moved to another sheet: look again
            }
          } else forgetSheet(); // sheet deleted
        }
        if (!plan) {
          const found = await discover(ctx);
          ({ plan, read, userNotes } = found);
        }
        remember(read!, userNotes);
        return { ok: true as const, plan, source: ctx.workbook.name || undefined };
      });
    } catch (e) {
      if (e instanceof NoTableError) {
        forgetSheet();
        return { ok: false, reason: "no-table", message: e.message, lookedFor: e.lookedFor };
      }
      return { ok: false, reason: "error", message: `读取工作簿失败：${message(e)}` };
    }
  }

  function remember(read: SheetReadResult, userNotes: boolean) {
    const changed = sheetId !== read.id;
    sheetId = read.id;
    sheetName = read.name;
    const cells = Math.max(1, read.rows * read.cols);
    extent = { rows: read.rows, cols: read.cols, bytesPerCell: Math.max(8, read.bytes / cells) };
    userNotesOnSheet = userNotes;
    if (changed && subscribers.size) void register();
  }

  function requireSheet(plan?: Plan): string {
    if (!sheetId) throw new Error("尚未找到分工表：请先重新计算");
    if (plan && sheetName !== null && plan.sheet !== sheetName) {
      throw new Error(`计算结果属于工作表“${plan.sheet}”，当前绑定的是“${sheetName}”：请重新计算`);
    }
    return sheetId;
  }

  async function apply(plan: Plan): Promise<ExcelApplyResult> {
    const id = requireSheet(plan);
    const notes = notesSupported();
    return run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      // The user's own notes stay where they are: find them on the cells to highlight first.
      let keepNotes: Set<string> | undefined;
      if (notes && userNotesOnSheet && plan.highlights.length) {
        const probes = plan.highlights.map((h) => {
          const n = ws.notes.getItemOrNullObject(h.cell);
          n.load("content");
          return { cell: h.cell, n };
        });
        await ctx.sync();
        keepNotes = new Set(probes.filter((p) => !p.n.isNullObject && !String(p.n.content).startsWith(NOTE_PREFIX)).map((p) => p.cell));
      }
      const q = queueApply(ws, id, plan, { notes, language, keepNotes });
      own.begin(q.writtenCells);
      try {
        await ctx.sync();
      } finally {
        own.end();
      }
      const record = q.record();
      // Stale plan: a cell changed between the read and the write. Put everything back.
      const stale = q.writes.find((w) => !sameValue(w.before, record.values.find((v) => v.cell === w.cell)?.value));
      if (stale) {
        queueUndo(ws, record);
        own.begin(record.values.map((v) => v.cell));
        try {
          await ctx.sync();
        } finally {
          own.end();
        }
        throw new Error(`单元格 ${stale.cell} 在计算之后被修改过，已撤回本次写入：请重新计算后再应用`);
      }
      for (const h of record.highlights) {
        if (ownState.has(h.cell)) {
          if (h.addedNote && !ownState.get(h.cell)!.addedNote) ownState.get(h.cell)!.addedNote = true;
          continue;
        }
        const leftover = isOurFill(h.fill);
        const note = h.note && !h.note.content.startsWith(NOTE_PREFIX) ? h.note : null;
        ownState.set(h.cell, { fill: leftover ? { pattern: "None" } : h.fill, note, addedNote: h.addedNote });
      }
      undoRecord = record;
      return {
        written: q.writes.length,
        highlighted: q.highlights.length,
        notesSkipped: !notes && q.highlights.length > 0,
        notesKept: keepNotes?.size ?? 0,
      };
    });
  }

  function queueUndo(ws: Excel.Worksheet, record: UndoRecord) {
    queueRestoreValues(ws, record.values);
    for (const h of record.highlights) {
      queueRestoreFill(ws, h.cell, h.fill);
      if (h.addedNote) queueRestoreNote(ws, h.cell, h.note ?? null);
    }
  }

  async function undo(): Promise<void> {
    const record = undoRecord;
    if (!record) return;
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(record.sheetId);
      queueUndo(ws, record);
      own.begin(record.values.map((v) => v.cell));
      try {
        await ctx.sync();
      } finally {
        own.end();
      }
    });
    undoRecord = null;
    // cells that were not highlighted before that apply are the user's again
    for (const h of record.highlights) if (!isOurFill(h.fill)) ownState.delete(h.cell);
  }

  async function clearHighlights(): Promise<void> {
    if (!ownState.size || !sheetId) return;
    const id = sheetId;
    const notes = notesSupported();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      for (const [cell, s] of ownState) {
        queueRestoreFill(ws, cell, s.fill);
        if (notes && s.addedNote) queueRestoreNote(ws, cell, s.note);
      }
      await ctx.sync();
    });
    ownState.clear();
  }

  async function selectCell(address: string): Promise<void> {
    const id = sheetId;
    await run(async (ctx) => {
      const ws = id ? ctx.workbook.worksheets.getItem(id) : ctx.workbook.worksheets.getActiveWorksheet();
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }

  async function insertSample(): Promise<void> {
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const name = uniqueSheetName(SAMPLE_SHEET, sheets.items.map((s) => s.name));
      const bytes = await sample(name);
      ctx.workbook.insertWorksheetsFromBase64(toBase64(bytes), { positionType: "End" });
      const ws = sheets.getItem(name);
      ws.activate();
      ws.load("id,name");
      await ctx.sync();
      // bind to the sheet just inserted: the next load reads it
      forgetSheet();
      sheetId = ws.id;
      sheetName = ws.name;
      if (subscribers.size) void register();
    });
  }

  const fire = debounce(() => subscribers.forEach((cb) => cb()), options.debounceMs ?? 400);

  async function register(): Promise<void> {
    const id = sheetId;
    if (!id || registration?.sheetId === id) return;
    await registration?.remove();
    registration = null;
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      const handler = ws.onChanged.add(async (ev: Excel.WorksheetChangedEventArgs) => {
        if (own.isOwn(ev)) return;
        fire.call();
      });
      await ctx.sync();
      registration = {
        sheetId: id,
        remove: async () => {
          const batch = async (c: Excel.RequestContext) => {
            handler.remove();
            await c.sync();
          };
          // the handler must be removed through the context it was added with
          if (options.run) await options.run(batch);
          else await Excel.run(handler.context, batch);
        },
      };
    });
  }

  function subscribe(onChanged: () => void): () => void {
    subscribers.add(onChanged);
    void register().catch(() => undefined);
    return () => {
      subscribers.delete(onChanged);
      if (!subscribers.size) {
        fire.cancel();
        const r = registration;
        registration = null;
        void r?.remove().catch(() => undefined);
      }
    };
  }

  return {
    kind: "excel",
    load,
    apply,
    canUndo: () => undoRecord !== null,
    undo,
    clearHighlights,
    selectCell,
    insertSample,
    subscribe,
  };
}

