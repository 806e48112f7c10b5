/**
 * Writing the 分享版 (portable) edits into the open workbook in one batch, and putting everything
 * back in one batch. The edits are decided by src/portable/edits.ts (pure, shared with the .xlsx
 * route); this file only carries them out through Office.js:
 * - a formula edit: range.formulas ("=" + the same text the .xlsx route writes). Excel computes the
 *   result itself, so no cached result is written. The cell's number format is written back as it
 *   was read, so Excel's automatic formatting of a new formula (a score over a 0.00% cell shown as
 *   a percentage) does not change what the reader sees;
 * - a value edit: range.values, and range.numberFormat (the format that shows the old text, or the
 *   cell's own format);
 * - a note on a cell that stays a value: the add-in's prefix + the reason; a note of the add-in's
 *   already there gets the line added; a user's own note is left alone (as apply() does).
 * Every range the batch writes covers listed cells only (runs of consecutive listed cells).
 *
 * What the cells held is loaded in the same batch, queued before the writes (Office.js runs a batch
 * in order), so undo restores values, formulas, number formats and notes exactly.
 */
import type { CellData } from "../model/types";
import { parseAddress } from "../model/sheet";
import { NOTE_PREFIX } from "../model/highlight-style";
import type { PortableEdit, PortableNote } from "../portable/edits";
import { runsOf } from "./cells";
import { queueRestoreNote, type NoteSnapshot } from "./write";

/** What one edited cell held before. */
export interface PortableCellSnapshot {
  cell: string;
  row: number;
  col: number;
  /** the value as Excel returned it ("" for empty) */
  value: unknown;
  /** "=…" when the cell held a formula, else null */
  formula: string | null;
  /** the cell held text (restored through the Text format, so Excel does not read "0.35%" as a number) */
  text: boolean;
  numberFormat: string;
  /** what the 分享版 wrote: "=…" for a formula, else the value (undo restores only while it is still there) */
  written?: unknown;
}

export interface PortableSheetUndo {
  sheetId: string;
  cells: PortableCellSnapshot[];
  /** cells whose note the add-in added or extended, with the note that was there */
  notes: { cell: string; note: NoteSnapshot | null; written?: string }[];
}

export interface PortableUndoRecord {
  sheets: PortableSheetUndo[];
}

/** How the note of a kept cell is written, decided from the note that is there now. */
export type NoteWrite = { sheet: string; cell: string; content: string } | { sheet: string; cell: string; skip: "user" | "present" };

/**
 * The note to write on a kept cell, given the note there now (null: none): the add-in's own note
 * gets the line added (once), a user's own note stays as it is.
 */
export function noteWrite(n: PortableNote, line: string, existing: string | null): NoteWrite {
  if (existing === null || existing === "") return { sheet: n.sheet, cell: n.cell, content: NOTE_PREFIX + line };
  if (!existing.startsWith(NOTE_PREFIX)) return { sheet: n.sheet, cell: n.cell, skip: "user" };
  if (existing.includes(line)) return { sheet: n.sheet, cell: n.cell, skip: "present" };
  return { sheet: n.sheet, cell: n.cell, content: `${existing}\n${line}` };
}

interface Located {
  edit: PortableEdit;
  row: number;
  col: number;
}

export interface QueuedPortable {
  /** cells of each sheet (by id) whose content the batch writes */
  writtenCells(sheetId: string): string[];
  /** after sync: everything the batch replaced */
  record(): PortableUndoRecord;
  /** after sync: the first edited cell that no longer holds what was read (a stale read), or null */
  changedSinceRead(): { sheet: string; cell: string } | null;
}

/**
 * Queue all edits and note writes (one sync). `sheetIds` maps the sheet names the edits use to
 * worksheet ids; `read(sheet, cell)` is the cell as the decisions saw it.
 */
export function queuePortable(
  ctx: Excel.RequestContext,
  sheetIds: Map<string, string>,
  edits: PortableEdit[],
  notes: Extract<NoteWrite, { content: string }>[],
  read: (sheet: string, cell: string) => CellData | undefined,
  /** the notes on the noted cells, as read before this batch, by "sheet!cell" (missing: none) */
  existingNotes: Map<string, NoteSnapshot> = new Map(),
): QueuedPortable {
  const bySheet = new Map<string, { ws: Excel.Worksheet; edits: Located[]; notes: typeof notes }>();
  const sheetFor = (name: string) => {
    const id = sheetIds.get(name);
    if (id === undefined) throw new Error(`找不到工作表“${name}”，未做任何改动`);
    let s = bySheet.get(id);
    if (!s) bySheet.set(id, (s = { ws: ctx.workbook.worksheets.getItem(id), edits: [], notes: [] }));
    return s;
  };
  for (const e of edits) {
    const p = parseAddress(e.cell);
    if (!p) throw new Error(`单元格地址“${e.cell}”无法识别，未做任何改动`);
    sheetFor(e.sheet).edits.push({ edit: e, row: p.row, col: p.col });
  }
  for (const n of notes) sheetFor(n.sheet).notes.push(n);

  const captured: {
    sheetId: string;
    runs: { items: Located[]; r: Excel.Range }[];
    notes: { cell: string; prev: NoteSnapshot | null; written: string }[];
  }[] = [];
  for (const [sheetId, s] of bySheet) {
    const runs = runsOf(s.edits, (x) => ("formula" in x.edit ? "formula" : "value")).map((run) => {
      const r = s.ws.getRange(run.address);
      r.load("values,valueTypes,formulas,numberFormat");
      const fmt = (x: Located) => {
        const own = "numFmt" in x.edit ? x.edit.numFmt : undefined;
        return own ?? read(x.edit.sheet, x.edit.cell)?.numFmt ?? "General";
      };
      if ("formula" in run.items[0].edit) {
        r.formulas = run.items.map((x) => ["=" + (x.edit as { formula: string }).formula]);
      } else {
        r.values = run.items.map((x) => [(x.edit as { value: number | string }).value]);
      }
      r.numberFormat = run.items.map((x) => [fmt(x)]);
      return { items: run.items, r };
    });
    const ns = s.notes.map((n) => {
      const prev = existingNotes.get(`${n.sheet}!${n.cell}`) ?? null;
      if (prev) s.ws.notes.getItem(n.cell).delete(); // known to be there (a missing note's delete fails the batch)
      s.ws.notes.add(n.cell, n.content);
      return { cell: n.cell, prev, written: n.content };
    });
    captured.push({ sheetId, runs, notes: ns });
  }

  return {
    writtenCells(sheetId) {
      return bySheet.get(sheetId)?.edits.map((x) => x.edit.cell) ?? [];
    },
    record() {
      return {
        sheets: captured.map((c) => ({
          sheetId: c.sheetId,
          cells: c.runs.flatMap(({ items, r }) =>
            items.map((x, i) => {
              const f = r.formulas[i][0];
              const formula = typeof f === "string" && f.startsWith("=") ? f : null;
              return {
                cell: x.edit.cell,
                row: x.row,
                col: x.col,
                value: r.values[i][0],
                formula,
                text: formula === null && r.valueTypes[i][0] === "String",
                numberFormat: String(r.numberFormat[i][0] ?? "General"),
                written: "formula" in x.edit ? `=${x.edit.formula}` : (x.edit as { value: unknown }).value,
              };
            }),
          ),
          notes: c.notes.map((n) => ({ cell: n.cell, note: n.prev, written: n.written })),
        })),
      };
    },
    changedSinceRead() {
      for (const c of captured) {
        for (const { items, r } of c.runs) {
          for (let i = 0; i < items.length; i++) {
            const was = read(items[i].edit.sheet, items[i].edit.cell);
            if (!sameContent(was, r.formulas[i][0], r.valueTypes[i][0])) return { sheet: items[i].edit.sheet, cell: items[i].edit.cell };
          }
        }
      }
      return null;
    },
  };
}

/** The cell as read (CellData) vs. as Excel returned its formulas just before the write. */
function sameContent(was: CellData | undefined, formulaNow: unknown, typeNow: string | undefined): boolean {
  if (!was) return typeNow === "Empty" || formulaNow === "" || formulaNow === null || formulaNow === undefined;
  if (was.formula !== undefined) return formulaNow === `=${was.formula}`;
  const v = was.v;
  const expected = v === null ? "" : typeof v === "object" ? v.error : v;
  return expected === formulaNow;
}

/** Queue putting every edited cell and note back exactly (one sync). */
export function queueRestorePortable(ctx: Excel.RequestContext, record: PortableUndoRecord): void {
  for (const s of record.sheets) {
    const ws = ctx.workbook.worksheets.getItem(s.sheetId);
    const kind = (c: PortableCellSnapshot) => (c.formula !== null ? "formula" : c.text ? "text" : "value");
    for (const run of runsOf(s.cells, kind)) {
      const r = ws.getRange(run.address);
      const k = kind(run.items[0]);
      if (k === "formula") r.formulas = run.items.map((c) => [c.formula]);
      else {
        // text goes back as text: under the Text format Excel keeps "0.35%" a string
        if (k === "text") r.numberFormat = run.items.map(() => ["@"]);
        r.values = run.items.map((c) => [c.value]);
      }
      r.numberFormat = run.items.map((c) => [c.numberFormat]);
    }
    for (const n of s.notes) queueRestoreNote(ws, n.cell, n.note);
  }
}

/** "=ROUND(A1, 2)" and "=round(A1,2)" are the same formula (Excel normalises case and may drop spaces). */
function sameFormula(a: unknown, b: unknown): boolean {
  const norm = (x: unknown) =>
    String(x ?? "")
      .replace(/\s+/g, "")
      .toUpperCase();
  return norm(a) === norm(b);
}

/**
 * Before the 分享版 is undone: the part of `record` still as the 分享版 left it (one read sync), and
 * the cells changed since, by the user or a coauthor, which stay as they are now.
 */
export async function stillPortable(
  ctx: Excel.RequestContext,
  record: PortableUndoRecord,
  notes: boolean,
): Promise<{ record: PortableUndoRecord; leftAlone: string[] }> {
  const probes = record.sheets.map((sh) => {
    const ws = ctx.workbook.worksheets.getItem(sh.sheetId);
    ws.load("name");
    const cells = sh.cells.map((c) => {
      const r = ws.getRange(c.cell);
      r.load("values,formulas");
      return { c, r };
    });
    const ns = notes
      ? sh.notes.map((n) => {
          const x = ws.notes.getItemOrNullObject(n.cell);
          x.load("content");
          return { n, x };
        })
      : [];
    return { sh, ws, cells, ns };
  });
  await ctx.sync();
  const leftAlone: string[] = [];
  const sheets = probes.map(({ sh, ws, cells, ns }) => {
    const keep = cells.filter(({ c, r }) => {
      const w = c.written;
      const ok =
        w === undefined ||
        (typeof w === "string" && w.startsWith("=") ? sameFormula(r.formulas[0][0], w) : String(r.values[0][0]) === String(w)); // "2489" written reads back as 2489
      if (!ok) leftAlone.push(`${ws.name}!${c.cell}`);
      return ok;
    });
    const keptNotes = ns.filter(({ n, x }) => n.written === undefined || (!x.isNullObject && x.content === n.written)).map(({ n }) => n);
    return { ...sh, cells: keep.map(({ c }) => c), notes: notes ? keptNotes : [] };
  });
  return { record: { sheets }, leftAlone };
}
