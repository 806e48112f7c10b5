/**
 * Applying a plan (one write sync, capturing what it replaces) and undoing the last write
 * (apply()'s or the 分享版's). Every write runs through runBatch: held while the user edits a
 * cell, and one entry on Excel's undo stack where Excel allows (mergeUndoGroup).
 */
import type { ApplyResult, UndoResult } from "../host/types";
import { NOTE_PREFIX } from "../model/highlight-style";
import type { Plan } from "../model/types";
import { requireSheet } from "./find";
import { queueRestorePortable, stillPortable } from "./portable";
import { noteProps, runBatch, syncOwn, type HostState } from "./state";
import { checkStillOurs, sameValue, type StillOurs } from "./still-ours";
import {
  isOurFill,
  noteSnapshot,
  queueApply,
  queueRestoreFill,
  queueRestoreNote,
  queueRestoreValues,
  type NoteSnapshot,
  type UndoRecord,
} from "./write";

/** The Excel host always says whether notes were written. */
export interface ExcelApplyResult extends ApplyResult {
  notesSkipped: boolean;
  notesKept: number;
}

/** What undo() did: cells changed since 应用 (by the user or a coauthor) are left as they are now. */
export interface ExcelUndoResult extends UndoResult {
  restored: number;
  leftAlone: string[];
  gradients: string[];
}

export async function apply(s: HostState, plan: Plan): Promise<ExcelApplyResult> {
  const id = requireSheet(s, plan);
  const notes = s.env.notesSupported();
  return runBatch(
    s,
    async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      // Notes already on the cells to highlight: the user's stay; the add-in's are replaced. They
      // are read first because a method on a note that is not there fails the batch.
      let keepNotes: Set<string> | undefined;
      const existingNotes = new Map<string, NoteSnapshot>();
      if (notes && s.anyNotesOnSheet && plan.highlights.length) {
        const props = noteProps(s);
        const probes = plan.highlights.map((h) => {
          const n = ws.notes.getItemOrNullObject(h.cell);
          n.load(props);
          return { cell: h.cell, n };
        });
        await ctx.sync();
        keepNotes = new Set();
        for (const p of probes) {
          const snap = noteSnapshot(p.n, props);
          if (!snap) continue;
          if (snap.content.startsWith(NOTE_PREFIX)) existingNotes.set(p.cell, snap);
          else keepNotes.add(p.cell);
        }
      }
      const q = queueApply(ws, id, plan, { notes, language: s.env.language, keepNotes, existingNotes });
      await syncOwn(s, ctx, q.writtenCells);
      const record = q.record();
      // Stale plan: a cell changed between the read and the write. Put everything back.
      const stale = q.writes.find((w) => !sameValue(w.before, record.values.find((v) => v.cell === w.cell)?.value));
      if (stale) {
        queueUndo(ws, record, allOurs(record));
        await syncOwn(
          s,
          ctx,
          record.values.map((v) => v.cell),
        );
        throw new Error(`单元格 ${stale.cell} 在计算之后被修改过，已撤回本次写入：请重新计算后再应用`);
      }
      for (const h of record.highlights) {
        const known = s.ownState.get(h.cell);
        if (known) {
          if (h.addedNote) known.addedNote = true;
          continue;
        }
        const leftover = isOurFill(h.fill);
        const note = h.note && !h.note.content.startsWith(NOTE_PREFIX) ? h.note : null;
        s.ownState.set(h.cell, { fill: leftover ? { pattern: "None" } : h.fill, note, addedNote: h.addedNote });
      }
      // the sheet has notes now (ours): the next 应用 reads them before replacing them
      if (record.highlights.some((h) => h.addedNote)) s.anyNotesOnSheet = true;
      s.lastWritten = new Set(record.values.map((v) => v.cell));
      s.lastWrite = { kind: "apply", record };
      return {
        written: q.writes.length,
        highlighted: q.highlights.length,
        notesSkipped: !notes && q.highlights.length > 0,
        notesKept: keepNotes?.size ?? 0,
      };
    },
    { write: true },
  );
}

/** Everything of the record counts as still written (the stale-plan rollback in the same batch). */
function allOurs(record: UndoRecord): StillOurs {
  return {
    values: new Set(record.values.map((v) => v.cell)),
    fills: new Set(record.highlights.map((h) => h.cell)),
    notes: new Set(record.highlights.filter((h) => h.addedNote).map((h) => h.cell)),
  };
}

/** Queue restoring the cells of `record` that `ours` says still hold what was written; returns gradient cells skipped. */
function queueUndo(ws: Excel.Worksheet, record: UndoRecord, ours: StillOurs): string[] {
  queueRestoreValues(
    ws,
    record.values.filter((v) => ours.values.has(v.cell)),
  );
  const gradients: string[] = [];
  for (const h of record.highlights) {
    if (ours.fills.has(h.cell) && !queueRestoreFill(ws, h.cell, h.fill)) gradients.push(h.cell);
    if (h.addedNote && ours.notes.has(h.cell)) queueRestoreNote(ws, h.cell, h.note ?? null);
  }
  return gradients;
}

export async function undo(s: HostState): Promise<ExcelUndoResult> {
  const last = s.lastWrite;
  if (!last) return { restored: 0, leftAlone: [], gradients: [] };
  if (last.kind === "portable") {
    const done = await runBatch(
      s,
      async (ctx) => {
        // only what is still as the 分享版 left it: a later edit (the user's or a coauthor's) stays
        const still = await stillPortable(ctx, last.record, s.env.notesSupported());
        queueRestorePortable(ctx, still.record);
        await syncOwn(s, ctx, still.record.sheets.find((x) => x.sheetId === s.sheetId)?.cells.map((c) => c.cell) ?? []);
        return still;
      },
      { write: true },
    );
    s.lastWrite = null;
    return { restored: done.record.sheets.reduce((n, x) => n + x.cells.length, 0), leftAlone: done.leftAlone, gradients: [] };
  }
  const record = last.record;
  const result = await runBatch(
    s,
    async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(record.sheetId);
      // 1. which cells still hold what 应用 wrote (a later edit, by the user or a coauthor, stays)
      const ours = await checkStillOurs(ctx, ws, record, s.env.notesSupported());
      // 2. restore only those
      const gradients = queueUndo(ws, record, ours);
      await syncOwn(
        s,
        ctx,
        record.values.filter((v) => ours.values.has(v.cell)).map((v) => v.cell),
      );
      const cells = new Set([...record.values.map((v) => v.cell), ...record.highlights.map((h) => h.cell)]);
      // a cell is left alone when any part the add-in wrote there (value, fill, note) has changed
      const changed = (c: string) =>
        (record.values.some((v) => v.cell === c) && !ours.values.has(c)) ||
        record.highlights.some((h) => h.cell === c && (!ours.fills.has(c) || (h.addedNote && !ours.notes.has(c))));
      const leftAlone = [...cells].filter(changed);
      return { ours, gradients, leftAlone, restored: cells.size - leftAlone.length };
    },
    { write: true },
  );
  s.lastWrite = null;
  s.lastWritten = new Set();
  // cells that were not highlighted before that apply are the user's again
  for (const h of record.highlights) if (!isOurFill(h.fill) && result.ours.fills.has(h.cell)) s.ownState.delete(h.cell);
  return { restored: result.restored, leftAlone: result.leftAlone, gradients: result.gradients };
}
