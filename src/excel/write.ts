/**
 * Writing a plan in one batch, and putting things back in one batch.
 *
 * Office.js runs a batch's queued commands in order, so a load queued before a write returns
 * the cell as it was just before that write: apply() captures the exact previous values,
 * formulas, fills and notes of the cells it changes inside its single write batch. The whole
 * batch is built before the one context.sync(); nothing is written outside plan.writes and
 * plan.highlights.
 */
import type { CellWrite, Highlight, Plan } from "../model/types";
import { HIGHLIGHT_FILL, NOTE_PREFIX } from "../model/highlight-style";
import { parseAddress } from "../model/sheet";
import { runsOf } from "./cells";

/** A cell's own fill, as getCellProperties reports it. */
export interface FillSnapshot {
  color?: string;
  pattern?: Excel.FillPattern | string;
  patternColor?: string;
  patternTintAndShade?: number;
  tintAndShade?: number;
}

export interface NoteSnapshot {
  content: string;
  visible?: boolean;
  width?: number;
  height?: number;
}

export interface ValueSnapshot {
  cell: string;
  /** the value as Excel returned it ("" for empty) */
  value: unknown;
  /** the formula ("=…") when the cell held one, else null */
  formula: string | null;
}

export interface CellHighlightSnapshot {
  cell: string;
  fill: FillSnapshot;
  /** the note that was there (null: none); undefined when notes were not touched */
  note?: NoteSnapshot | null;
  /** true when the add-in put a note of its own on the cell */
  addedNote: boolean;
}

/** Everything apply() replaced, enough to restore it exactly. */
export interface UndoRecord {
  sheetId: string;
  values: ValueSnapshot[];
  highlights: CellHighlightSnapshot[];
}

const FILL_PROPS = { color: true, pattern: true, patternColor: true, patternTintAndShade: true, tintAndShade: true };

const OUR_FILLS = new Set(Object.values(HIGHLIGHT_FILL).map((c) => c.toUpperCase()));

/** True when the fill is one the add-in paints (a highlight left from an earlier session). */
export function isOurFill(f: FillSnapshot): boolean {
  return !!f.color && f.pattern !== "None" && OUR_FILLS.has(f.color.toUpperCase());
}

export function withPrefix(note: string): string {
  return note.startsWith(NOTE_PREFIX) ? note : NOTE_PREFIX + note;
}

export interface ApplyOptions {
  notes: boolean;
  language: "zh" | "en";
  /** cells whose user note must stay: no note of ours goes there */
  keepNotes?: Set<string>;
}

export interface QueuedApply {
  /** the plan's writes actually sent (formula cells that stay are left to Excel) */
  writes: CellWrite[];
  highlights: Highlight[];
  /** cells whose value the batch writes */
  writtenCells: string[];
  /** after sync: what was there before */
  record(): UndoRecord;
}

/** Queue the whole write of `plan` on `ws` (one sync). */
export function queueApply(ws: Excel.Worksheet, sheetId: string, plan: Plan, opts: ApplyOptions): QueuedApply {
  // A formula the plan keeps recomputes by itself in Excel; writing a value would destroy it.
  const writes = plan.writes.filter((w) => !w.keepsFormula);
  const valueRuns = runsOf(writes);
  const capturedValues = valueRuns.map((run) => {
    const r = ws.getRange(run.address);
    r.load("values,formulas");
    r.values = run.items.map((w) => [w.after]);
    return { run, r };
  });

  const highlights = plan.highlights;
  const fillRuns = runsOf(highlights, (h) => h.severity);
  const capturedFills = fillRuns.map((run) => {
    const r = ws.getRange(run.address);
    const props = r.getCellProperties({ format: { fill: FILL_PROPS } });
    r.format.fill.color = HIGHLIGHT_FILL[run.items[0].severity];
    return { run, props };
  });

  const capturedNotes = new Map<string, { prev: Excel.Note | null; added: boolean }>();
  if (opts.notes) {
    for (const h of highlights) {
      if (opts.keepNotes?.has(h.cell)) {
        capturedNotes.set(h.cell, { prev: null, added: false });
        continue;
      }
      const prev = ws.notes.getItemOrNullObject(h.cell);
      prev.load("content,visible,width,height");
      prev.delete(); // a no-op on a null object: only an existing note is replaced
      ws.notes.add(h.cell, withPrefix(opts.language === "en" ? h.noteEn : h.note));
      capturedNotes.set(h.cell, { prev, added: true });
    }
  }

  return {
    writes,
    highlights,
    writtenCells: writes.map((w) => w.cell),
    record(): UndoRecord {
      const values: ValueSnapshot[] = [];
      for (const { run, r } of capturedValues) {
        run.items.forEach((w, i) => {
          const f = r.formulas[i][0];
          values.push({ cell: w.cell, value: r.values[i][0], formula: typeof f === "string" && f.startsWith("=") ? f : null });
        });
      }
      const hs: CellHighlightSnapshot[] = [];
      for (const { run, props } of capturedFills) {
        run.items.forEach((h, i) => {
          const fill = { ...(props.value[i][0].format?.fill ?? {}) } as FillSnapshot;
          const n = capturedNotes.get(h.cell);
          const snap: CellHighlightSnapshot = { cell: h.cell, fill, addedNote: !!n?.added };
          if (n?.added) snap.note = noteSnapshot(n.prev);
          hs.push(snap);
        });
      }
      return { sheetId, values, highlights: hs };
    },
  };
}

/** The note a batch loaded before replacing it (null: there was none). */
export function noteSnapshot(n: Excel.Note | null): NoteSnapshot | null {
  if (!n || n.isNullObject) return null;
  return { content: n.content, visible: n.visible, width: n.width, height: n.height };
}

/** Queue putting a fill back exactly (no fill → clear). */
export function queueRestoreFill(ws: Excel.Worksheet, cell: string, fill: FillSnapshot): void {
  const r = ws.getRange(cell);
  if (!fill.pattern || fill.pattern === "None") {
    r.format.fill.clear();
    return;
  }
  const f: FillSnapshot = {};
  for (const k of Object.keys(FILL_PROPS) as (keyof FillSnapshot)[]) {
    if (fill[k] !== undefined && fill[k] !== null) (f as Record<string, unknown>)[k] = fill[k];
  }
  r.setCellProperties([[{ format: { fill: f as Excel.CellPropertiesFill } }]]);
}

/** Queue removing the add-in's note and putting back the one it replaced (if any). */
export function queueRestoreNote(ws: Excel.Worksheet, cell: string, prev: NoteSnapshot | null): void {
  ws.notes.getItemOrNullObject(cell).delete();
  if (prev) {
    const n = ws.notes.add(cell, prev.content);
    if (prev.visible !== undefined) n.visible = prev.visible;
    if (prev.width !== undefined) n.width = prev.width;
    if (prev.height !== undefined) n.height = prev.height;
  }
}

/** Queue restoring values exactly: formula cells through `formulas`, constants through `values`. */
export function queueRestoreValues(ws: Excel.Worksheet, values: ValueSnapshot[]): void {
  const cells = values.map((v) => ({ ...v, ...parseAddress(v.cell)! }));
  for (const run of runsOf(cells, (v) => (v.formula === null ? "value" : "formula"))) {
    const r = ws.getRange(run.address);
    if (run.items[0].formula !== null) r.formulas = run.items.map((v) => [v.formula]);
    else r.values = run.items.map((v) => [v.value]);
  }
}
