/**
 * The 分享版 in the open workbook (makePortable): one read of the sheets, the decisions of
 * src/portable (the same as for a .xlsx), one write that captures what it replaces (portable.ts).
 */
import type { PortableReport } from "../portable/edits";
import { computePlan, NoTableError } from "../model";
import type { CellData, Plan, WorkbookData } from "../model/types";
import { parseAddress } from "../model/sheet";
import { queueNotesProbe, readKnown, requireSheet } from "./find";
import { noteWrite, queuePortable, queueRestorePortable, type NoteWrite } from "./portable";
import { queueSheetRead, type QueuedRead, type SheetReadResult } from "./read";
import { HostError, message, syncOwn, type HostState } from "./state";

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

/**
 * The 分享版 in place: the 分工表's banded scores and totals become plain formulas, custom-function
 * cells anywhere become plain formulas or values, text values become numbers when `convertValues`
 * is on, and cells that stay values get a note saying why. The decisions are src/portable's (the
 * same as for a .xlsx); undo() puts everything back.
 */
export async function makePortableReport(s: HostState, opts: { convertValues: boolean }): Promise<ExcelPortableResult> {
  const id = requireSheet(s);
  const notes = s.env.notesSupported();
  const { portableEdits, PortableError } = await import(/* webpackChunkName: "portable" */ "../portable/edits");
  try {
    return await s.env.run(async (ctx) => {
      // 1. one read: the sheet list, the 分工表 and every other sheet known, and which have notes
      const list = ctx.workbook.worksheets;
      list.load("items/id,items/name");
      const reads = new Map<string, SheetReadResult>();
      const hasNotes = new Map<string, () => boolean>();
      const queued: { id: string; q: QueuedRead }[] = [];
      const queueRead = (sid: string) => {
        const ws = list.getItemOrNullObject(sid);
        queued.push({ id: sid, q: queueSheetRead(ws) });
        hasNotes.set(sid, queueNotesProbe(s, ws).any);
      };
      const estimate = s.extent ? s.extent.rows * s.extent.cols * s.extent.bytesPerCell : 0;
      if (estimate > s.env.payloadLimit()) {
        // too big for one response: the 分工表 in row chunks first (as load() reads it)
        const known = await readKnown(s, ctx, id);
        if (known) {
          reads.set(id, known.read);
          hasNotes.set(id, () => known.anyNotes);
        }
      } else queueRead(id);
      for (const sid of s.allSheetIds) if (sid !== id) queueRead(sid);
      await ctx.sync();
      const collect = () => {
        for (const { id: sid, q } of queued.splice(0)) {
          const r = q.result();
          if (r) reads.set(sid, r);
        }
      };
      collect();
      const missing = list.items.filter((x) => !reads.has(x.id) && x.id !== id);
      if (missing.length) {
        // sheets added since the last load: one more read
        for (const x of missing) queueRead(x.id);
        await ctx.sync();
        collect();
      }
      s.allSheetIds = list.items.map((x) => x.id);
      const bound = reads.get(id);
      if (!bound) throw new HostError("分工表所在的工作表已不存在：请先重新计算");
      const data: WorkbookData = { sheets: list.items.map((x) => reads.get(x.id)?.data).filter((d): d is NonNullable<typeof d> => !!d) };
      const idOf = new Map(list.items.filter((x) => reads.has(x.id)).map((x) => [reads.get(x.id)!.name, x.id]));
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
        noteWrites = decided.notes.map((n) => noteWrite(n, s.env.language === "en" ? n.textEn : n.text, existing.get(key(n.sheet, n.cell)) ?? null));
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
      await syncOwn(s, ctx, q.writtenCells(id));
      const record = q.record();
      const stale = q.changedSinceRead();
      if (stale) {
        queueRestorePortable(ctx, record);
        await syncOwn(s, ctx, q.writtenCells(id));
        throw new HostError(`单元格 ${stale.sheet}!${stale.cell} 在读取之后被修改过，已撤回分享版的全部改动：请重试`);
      }
      s.lastWrite = { kind: "portable", record };
      return result;
    });
  } catch (e) {
    if (e instanceof HostError || e instanceof PortableError) throw e;
    throw new Error(`生成分享版失败：${message(e)}`);
  }
}
