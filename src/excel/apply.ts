/**
 * Applying a plan (one write sync, capturing what it replaces) and undoing the last write
 * (apply()'s or the 分享版's).
 */
import type { ApplyResult } from "../host/types";
import { NOTE_PREFIX } from "../model/highlight-style";
import type { Plan } from "../model/types";
import { requireSheet } from "./find";
import { queueRestorePortable } from "./portable";
import { syncOwn, type HostState } from "./state";
import { isOurFill, queueApply, queueRestoreFill, queueRestoreNote, queueRestoreValues, type UndoRecord } from "./write";

/** The Excel host always says whether notes were written. */
export interface ExcelApplyResult extends ApplyResult {
  notesSkipped: boolean;
  notesKept: number;
}

/** Cell values as the model saw them vs. as Excel returned them just before the write. */
function sameValue(before: unknown, now: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" && v && "error" in v ? (v as { error: string }).error : v);
  return norm(before) === norm(now);
}

export async function apply(s: HostState, plan: Plan): Promise<ExcelApplyResult> {
  const id = requireSheet(s, plan);
  const notes = s.env.notesSupported();
  return s.env.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(id);
    // The user's own notes stay where they are: find them on the cells to highlight first.
    let keepNotes: Set<string> | undefined;
    if (notes && s.userNotesOnSheet && plan.highlights.length) {
      const probes = plan.highlights.map((h) => {
        const n = ws.notes.getItemOrNullObject(h.cell);
        n.load("content");
        return { cell: h.cell, n };
      });
      await ctx.sync();
      keepNotes = new Set(probes.filter((p) => !p.n.isNullObject && !String(p.n.content).startsWith(NOTE_PREFIX)).map((p) => p.cell));
    }
    const q = queueApply(ws, id, plan, { notes, language: s.env.language, keepNotes });
    await syncOwn(s, ctx, q.writtenCells);
    const record = q.record();
    // Stale plan: a cell changed between the read and the write. Put everything back.
    const stale = q.writes.find((w) => !sameValue(w.before, record.values.find((v) => v.cell === w.cell)?.value));
    if (stale) {
      queueUndo(ws, record);
      await syncOwn(s, ctx, record.values.map((v) => v.cell));
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
    s.lastWrite = { kind: "apply", record };
    return {
      written: q.writes.length,
      highlighted: q.highlights.length,
      notesSkipped: !notes && q.highlights.length > 0,
      notesKept: keepNotes?.size ?? 0,
    };
  });
}

function queueUndo(ws: Excel.Worksheet, record: UndoRecord): void {
  queueRestoreValues(ws, record.values);
  for (const h of record.highlights) {
    queueRestoreFill(ws, h.cell, h.fill);
    if (h.addedNote) queueRestoreNote(ws, h.cell, h.note ?? null);
  }
}

export async function undo(s: HostState): Promise<void> {
  const last = s.lastWrite;
  if (!last) return;
  if (last.kind === "portable") {
    await s.env.run(async (ctx) => {
      queueRestorePortable(ctx, last.record);
      await syncOwn(s, ctx, last.record.sheets.find((x) => x.sheetId === s.sheetId)?.cells.map((c) => c.cell) ?? []);
    });
    s.lastWrite = null;
    return;
  }
  const record = last.record;
  await s.env.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(record.sheetId);
    queueUndo(ws, record);
    await syncOwn(s, ctx, record.values.map((v) => v.cell));
  });
  s.lastWrite = null;
  // cells that were not highlighted before that apply are the user's again
  for (const h of record.highlights) if (!isOurFill(h.fill)) s.ownState.delete(h.cell);
}
