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
 * makePortable() (the 分享版 in place) is one read sync (the 分工表 and every other sheet, for the
 * custom-function cells) and one write sync. Exceptions: a sheet added since the last load costs
 * one more read; notes already on sheets holding cells that stay values cost one read of those
 * cells' notes (so a user's note is left alone and the add-in's own is extended); a 分工表 too big
 * for one response is read in row chunks, as in load().
 *
 * Requirement sets: ExcelApi 1.13 (getMergedAreasOrNullObject, insertWorksheetsFromBase64;
 * 1.9 getCellProperties/setCellProperties; 1.7 onChanged, getRangeByIndexes, workbook.name;
 * 1.4 *OrNullObject). Optional: 1.14 (triggerSource on change events), 1.18 (notes).
 */
import type { ApplyResult, LoadResult, PaneHost } from "../host/types";
import type { PortableReport } from "../portable/edits";
import { NOTE_PREFIX } from "../model/highlight-style";
import { computePlan, NoTableError } from "../model";
import type { CellData, Plan, WorkbookData } from "../model/types";
import { parseAddress } from "../model/sheet";
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
import { noteWrite, queuePortable, queueRestorePortable, type NoteWrite, type PortableUndoRecord } from "./portable";
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
  const norm = (v: unknown) =>
    v === null || v === undefined ? "" : typeof v === "object" && v && "error" in v ? (v as { error: string }).error : v;
  return norm(before) === norm(now);
}

/** What makePortable() did in the open workbook. */
export interface ExcelPortableResult {
  /** the same report the command line prints (changes, cells kept as values and why, the offer) */
  report: PortableReport;
  /** cells written (formulas and values) */
  written: number;
  /** cells kept as values that got (or extended) the add-in's note saying why */
  noted: number;
  /** the host could not write cell notes (Excel before ExcelApi 1.18) */
  notesSkipped: boolean;
  /** kept cells whose own (user's) note was left in place instead */
  notesKept: number;
}

/** The PaneHost over Office.js; apply() also says whether notes were written. */
export interface ExcelHost extends PaneHost {
  apply(plan: Plan): Promise<ExcelApplyResult>;
  makePortable(options: { convertValues: boolean }): Promise<void>;
  /** makePortable(), saying what it did (the PaneHost contract returns nothing) */
  makePortableReport(options: { convertValues: boolean }): Promise<ExcelPortableResult>;
}

/** An error whose message is for the user as it is (Chinese). */
class HostError extends Error {}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const run: Batch = options.run ?? ((b) => Excel.run(b));
  const notesSupported = options.notesSupported ?? (() => officeSupports("ExcelApi", "1.18"));
  const payloadLimit = () => options.payloadLimit ?? defaultPayloadLimit();
  const language = options.language ?? "zh";
  const sample = options.sampleWorkbook ?? defaultSample;
  const own = new OwnWrites(options.now);
  /** Sync a batch of the add-in's own writes: the change events it causes are not the user's edits. */
  const syncOwn = async (ctx: Excel.RequestContext, cells: string[]) => {
    own.begin(cells);
    try {
      await ctx.sync();
    } finally {
      own.end();
    }
  };

  let sheetId: string | null = null;
  let sheetName: string | null = null;
  let extent: { rows: number; cols: number; bytesPerCell: number } | null = null;
  let userNotesOnSheet = false;
  /** the last write, for undo(): apply()'s or makePortable()'s */
  let lastWrite: { kind: "apply"; record: UndoRecord } | { kind: "portable"; record: PortableUndoRecord } | null = null;
  /** every worksheet's id, in workbook order, as last seen (makePortable reads them all) */
  let allSheetIds: string[] = [];
  /** the state each highlighted cell had before the add-in first highlighted it */
  const ownState = new Map<string, { fill: FillSnapshot; note: NoteSnapshot | null; addedNote: boolean }>();
  const subscribers = new Set<() => void>();
  let registration: { sheetId: string; remove(): Promise<void> } | null = null;

  /** Listen to the bound sheet's changes (when someone subscribed); a failure leaves live mode quiet, never an unhandled rejection. */
  const listen = () => void register().catch(() => undefined);

  const forgetSheet = () => {
    sheetId = null;
    sheetName = null;
    extent = null;
  };

  /**
   * Whether the sheet has notes at all (`any`), and notes of the user's own, not the add-in's
   * (`user`): queued with a read of `ws` (which loads the worksheet, so a missing sheet can be
   * told); both false when notes are not available.
   */
  function queueNotesProbe(ws: Excel.Worksheet): { user(): boolean; any(): boolean } {
    if (!notesSupported()) return { user: () => false, any: () => false };
    const notes = ws.notes;
    notes.load("items/content");
    const items = () => (ws.isNullObject ? [] : notes.items);
    return {
      user: () => items().some((n) => !String(n.content ?? "").startsWith(NOTE_PREFIX)),
      any: () => items().length > 0,
    };
  }

  /** Read the known sheet: one sync, or row chunks past the payload limit. */
  async function readKnown(
    ctx: Excel.RequestContext,
    id: string,
  ): Promise<{ read: SheetReadResult; userNotes: boolean; anyNotes: boolean } | null> {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(id);
    const estimate = extent ? extent.rows * extent.cols * extent.bytesPerCell : 0;
    if (estimate <= payloadLimit()) {
      const q = queueSheetRead(ws);
      const probe = queueNotesProbe(ws);
      await ctx.sync();
      const read = q.result();
      return read ? { read, userNotes: probe.user(), anyNotes: probe.any() } : null;
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
    return { read: sheetResult(e.id, e.name, blocks, e.merges), userNotes: probe.user(), anyNotes: probe.any() };
  }

  /** First load: the sheet named 分工表 and the active sheet in one sync, then every other sheet. */
  async function discover(ctx: Excel.RequestContext): Promise<{ plan: Plan; read: SheetReadResult; userNotes: boolean }> {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/id,items/name,items/visibility");
    const first: { q: QueuedRead; probe: () => boolean }[] = [];
    for (const ws of [sheets.getItemOrNullObject(SAMPLE_SHEET), sheets.getActiveWorksheet()]) {
      first.push({ q: queueSheetRead(ws), probe: queueNotesProbe(ws).user });
    }
    await ctx.sync();
    allSheetIds = sheets.items.map((s) => s.id);
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
      return { q: queueSheetRead(ws), probe: queueNotesProbe(ws).user };
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
    if (changed && subscribers.size) listen();
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
      await syncOwn(ctx, q.writtenCells);
      const record = q.record();
      // Stale plan: a cell changed between the read and the write. Put everything back.
      const stale = q.writes.find((w) => !sameValue(w.before, record.values.find((v) => v.cell === w.cell)?.value));
      if (stale) {
        queueUndo(ws, record);
        await syncOwn(
          ctx,
          record.values.map((v) => v.cell),
        );
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
      lastWrite = { kind: "apply", record };
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
    const last = lastWrite;
    if (!last) return;
    if (last.kind === "portable") {
      await run(async (ctx) => {
        queueRestorePortable(ctx, last.record);
        await syncOwn(ctx, last.record.sheets.find((s) => s.sheetId === sheetId)?.cells.map((c) => c.cell) ?? []);
      });
      lastWrite = null;
      return;
    }
    const record = last.record;
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(record.sheetId);
      queueUndo(ws, record);
      await syncOwn(
        ctx,
        record.values.map((v) => v.cell),
      );
    });
    lastWrite = null;
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
      const name = uniqueSheetName(
        SAMPLE_SHEET,
        sheets.items.map((s) => s.name),
      );
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
      if (subscribers.size) listen();
    });
  }

  /**
   * The 分享版 in place: the 分工表's banded scores and totals become plain formulas, custom-function
   * cells anywhere become plain formulas or values, text values become numbers when `convertValues`
   * is on, and cells that stay values get a note saying why. The decisions are src/portable's (the
   * same as for a .xlsx); undo() puts everything back.
   */
  async function makePortableReport(opts: { convertValues: boolean }): Promise<ExcelPortableResult> {
    const id = requireSheet();
    const notes = notesSupported();
    const { portableEdits, PortableError } = await import(/* webpackChunkName: "portable" */ "../portable/edits");
    try {
      return await run(async (ctx) => {
        // 1. one read: the sheet list, the 分工表 and every other sheet known, and which have notes
        const list = ctx.workbook.worksheets;
        list.load("items/id,items/name");
        const reads = new Map<string, SheetReadResult>();
        const hasNotes = new Map<string, () => boolean>();
        const queued: { id: string; q: QueuedRead }[] = [];
        const queueRead = (sid: string) => {
          const ws = list.getItemOrNullObject(sid);
          queued.push({ id: sid, q: queueSheetRead(ws) });
          hasNotes.set(sid, queueNotesProbe(ws).any);
        };
        const estimate = extent ? extent.rows * extent.cols * extent.bytesPerCell : 0;
        if (estimate > payloadLimit()) {
          // too big for one response: the 分工表 in row chunks first (as load() reads it)
          const known = await readKnown(ctx, id);
          if (known) {
            reads.set(id, known.read);
            hasNotes.set(id, () => known.anyNotes);
          }
        } else queueRead(id);
        for (const sid of allSheetIds) if (sid !== id) queueRead(sid);
        await ctx.sync();
        const collect = () => {
          for (const { id: sid, q } of queued.splice(0)) {
            const r = q.result();
            if (r) reads.set(sid, r);
          }
        };
        collect();
        const missing = list.items.filter((s) => !reads.has(s.id) && s.id !== id);
        if (missing.length) {
          // sheets added since the last load: one more read
          for (const s of missing) queueRead(s.id);
          await ctx.sync();
          collect();
        }
        allSheetIds = list.items.map((s) => s.id);
        const bound = reads.get(id);
        if (!bound) throw new HostError("分工表所在的工作表已不存在：请先重新计算");
        const data: WorkbookData = { sheets: list.items.map((s) => reads.get(s.id)?.data).filter((d): d is NonNullable<typeof d> => !!d) };
        const idOf = new Map(list.items.filter((s) => reads.has(s.id)).map((s) => [reads.get(s.id)!.name, s.id]));
        const cellAt = (sheet: string, cell: string): CellData | undefined => {
          const p = parseAddress(cell);
          const sid = idOf.get(sheet);
          return p && sid ? reads.get(sid)?.data.cells[p.row]?.[p.col] : undefined;
        };

        // 2. the decisions (pure; the same as for a .xlsx)
        let plan: Plan;
        try {
          plan = computePlan({ sheets: [bound.data] });
        } catch (e) {
          if (e instanceof NoTableError) throw new HostError(`工作表“${bound.name}”中找不到分工表：请先重新计算`);
          throw e;
        }
        const decided = portableEdits(data, plan, opts);

        // 3. notes for the cells that stay values: what is there decides how ours is written
        let noteWrites: NoteWrite[] = [];
        if (notes && decided.notes.length) {
          const key = (sheet: string, cell: string) => `${sheet}!${cell}`;
          const probes = decided.notes
            .filter((n) => hasNotes.get(idOf.get(n.sheet) ?? "")?.())
            .map((n) => {
              const x = list.getItem(idOf.get(n.sheet)!).notes.getItemOrNullObject(n.cell);
              x.load("content");
              return { k: key(n.sheet, n.cell), x };
            });
          if (probes.length) await ctx.sync();
          const existing = new Map(probes.map((p) => [p.k, p.x.isNullObject ? null : String(p.x.content)]));
          noteWrites = decided.notes.map((n) =>
            noteWrite(n, language === "en" ? n.textEn : n.text, existing.get(key(n.sheet, n.cell)) ?? null),
          );
        }
        const toWrite = noteWrites.filter((w): w is Extract<NoteWrite, { content: string }> => "content" in w);
        const result: ExcelPortableResult = {
          report: decided.report,
          written: decided.edits.length,
          noted: toWrite.length,
          notesSkipped: !notes && decided.notes.length > 0,
          notesKept: noteWrites.filter((w) => "skip" in w && w.skip === "user").length,
        };
        if (!decided.edits.length && !toWrite.length) return result;

        // 4. one write: every edit and note, capturing what it replaces
        const q = queuePortable(ctx, idOf, decided.edits, toWrite, cellAt);
        await syncOwn(ctx, q.writtenCells(id));
        const record = q.record();
        const stale = q.changedSinceRead();
        if (stale) {
          queueRestorePortable(ctx, record);
          await syncOwn(ctx, q.writtenCells(id));
          throw new HostError(`单元格 ${stale.sheet}!${stale.cell} 在读取之后被修改过，已撤回分享版的全部改动：请重试`);
        }
        lastWrite = { kind: "portable", record };
        return result;
      });
    } catch (e) {
      if (e instanceof HostError || e instanceof PortableError) throw e;
      throw new Error(`生成分享版失败：${message(e)}`);
    }
  }

  const fire = debounce(() => subscribers.forEach((cb) => cb()), options.debounceMs ?? 400);

  /** Registrations run one after another, so two at once (subscribe and a first load) add one handler. */
  let registering: Promise<void> = Promise.resolve();
  function register(): Promise<void> {
    registering = registering.catch(() => undefined).then(registerNow);
    return registering;
  }

  async function registerNow(): Promise<void> {
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
    listen();
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
    canUndo: () => lastWrite !== null,
    undo,
    clearHighlights,
    selectCell,
    insertSample,
    subscribe,
    makePortable: async (opts: { convertValues: boolean }) => {
      await makePortableReport(opts);
    },
    makePortableReport,
  };
}
