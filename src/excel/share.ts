/**
 * The 分享版 in the open workbook (makePortable): one read of the sheets, the decisions of
 * src/portable (the same as for a .xlsx), one write that captures what it replaces (portable.ts).
 */
import type { PortableReport } from "../portable/edits";
import { NoTableError, type CellData, type Plan, type WorkbookData } from "../model/types";
import { parseAddress } from "../model/sheet";
import { readSheets, requireSheet } from "./find";
import { noteWrite, queuePortable, queueRestorePortable, type NoteWrite } from "./portable";
import type { SheetReadResult } from "./read";
import { HostError, message, noteProps, runBatch, syncOwn, type HostState } from "./state";
import { noteSnapshot, type NoteSnapshot } from "./write";

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
  const [{ portableEdits, PortableError }, { computePlan }] = await Promise.all([
    import(/* webpackChunkName: "portable" */ "../portable/edits"),
    import(/* webpackChunkName: "model" */ "../model"),
  ]);
  try {
    return await runBatch(
      s,
      async (ctx) => {
        // 1. the sheet list, the 分工表 and every other sheet known, and which have notes: one read
        //    sync, or on the web extents first and then reads under the response limit
        const list = ctx.workbook.worksheets;
        list.load("items/id,items/name");
        const reads = new Map<string, SheetReadResult>();
        const hasNotes = new Map<string, () => boolean>();
        const readAll = async (ids: string[]) => {
          const got = await readSheets(
            s,
            ctx,
            ids.map((sid) => list.getItemOrNullObject(sid)),
          );
          got.forEach((g, i) => {
            if (g.read) reads.set(ids[i], g.read);
            hasNotes.set(ids[i], g.anyNotes);
          });
        };
        await readAll([id, ...s.allSheetIds.filter((sid) => sid !== id)]);
        const missing = list.items.filter((x) => !reads.has(x.id) && x.id !== id);
        // sheets added since the last load: one more read
        if (missing.length) await readAll(missing.map((x) => x.id));
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
        const existingNotes = new Map<string, NoteSnapshot>();
        if (notes && decided.notes.length) {
          const key = (sheet: string, cell: string) => `${sheet}!${cell}`;
          const probes = decided.notes
            .filter((n) => hasNotes.get(idOf.get(n.sheet) ?? "")?.())
            .map((n) => {
              const x = list.getItem(idOf.get(n.sheet)!).notes.getItemOrNullObject(n.cell);
              x.load(noteProps(s));
              return { k: key(n.sheet, n.cell), x };
            });
          if (probes.length) await ctx.sync();
          for (const p of probes) {
            const snap = noteSnapshot(p.x, noteProps(s));
            if (snap) existingNotes.set(p.k, snap);
          }
          noteWrites = decided.notes.map((n) =>
            noteWrite(n, s.env.language === "en" ? n.textEn : n.text, existingNotes.get(key(n.sheet, n.cell))?.content ?? null),
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
        const q = queuePortable(ctx, idOf, decided.edits, toWrite, cellAt, existingNotes);
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
      },
      { write: true },
    );
  } catch (e) {
    if (e instanceof HostError || e instanceof PortableError) throw e;
    throw new Error(`生成分享版失败：${message(e)}`);
  }
}
