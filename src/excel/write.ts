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

/**
 * A cell's own fill, as getCellProperties reports it. Real Excel reports "no fill" and solid white
 * alike as color #FFFFFF with pattern null; tintAndShade is null only for no fill (office-js
 * issues 4900, 6218).
 */
export interface FillSnapshot {
  color?: string | null;
  pattern?: Excel.FillPattern | string | null;
  patternColor?: string | null;
  patternTintAndShade?: number | null;
  tintAndShade?: number | null;
}

/** No fill: pattern "None", or tintAndShade null (how real Excel says it), or nothing reported. */
export function isNoFill(f: FillSnapshot): boolean {
  if (f.pattern === "None" || f.tintAndShade === null) return true;
  return !f.pattern && f.tintAndShade === undefined && !f.color;
}

/** A gradient: reported, but the API cannot set one back (RangeFill has no gradient stops). */
export function isGradient(f: FillSnapshot): boolean {
  return typeof f.pattern === "string" && /gradient/i.test(f.pattern);
}

export interface NoteSnapshot {
  content: string;
  visible?: boolean;
  width?: number;
  height?: number;
}

export interface ValueSnapshot {
  cell: string;
  /** what the add-in wrote there (undo restores the cell only while it still holds this) */
  written?: unknown;
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
  /** the fill colour and note text the add-in wrote (undo restores only while they are still there) */
  painted?: string;
  noteWritten?: string;
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
  return !!f.color && !isNoFill(f) && OUR_FILLS.has(f.color.toUpperCase());
}

export function withPrefix(note: string): string {
  return note.startsWith(NOTE_PREFIX) ? note : NOTE_PREFIX + note;
}

export interface ApplyOptions {
  notes: boolean;
  language: "zh" | "en";
  /** cells whose user note must stay: no note of ours goes there */
  keepNotes?: Set<string>;
  /**
   * the notes already on the cells to highlight, as read before this batch (a cell missing here
   * has none). Only those are deleted: a method on a note that is not there fails the batch.
   */
  existingNotes?: Map<string, NoteSnapshot>;
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

  const capturedNotes = new Map<string, { prev: NoteSnapshot | null; added: boolean; text?: string }>();
  if (opts.notes) {
    for (const h of highlights) {
      if (opts.keepNotes?.has(h.cell)) {
        capturedNotes.set(h.cell, { prev: null, added: false });
        continue;
      }
      const prev = opts.existingNotes?.get(h.cell) ?? null;
      if (prev) ws.notes.getItem(h.cell).delete(); // known to be there: replaced by ours
      const text = withPrefix(opts.language === "en" ? h.noteEn : h.note);
      ws.notes.add(h.cell, text);
      capturedNotes.set(h.cell, { prev, added: true, text });
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
          values.push({
            cell: w.cell,
            value: r.values[i][0],
            formula: typeof f === "string" && f.startsWith("=") ? f : null,
            written: w.after,
          });
        });
      }
      const hs: CellHighlightSnapshot[] = [];
      for (const { run, props } of capturedFills) {
        run.items.forEach((h, i) => {
          const fill = { ...(props.value[i][0].format?.fill ?? {}) } as FillSnapshot;
          const n = capturedNotes.get(h.cell);
          const snap: CellHighlightSnapshot = { cell: h.cell, fill, addedNote: !!n?.added, painted: HIGHLIGHT_FILL[h.severity] };
          if (n?.added) {
            snap.note = n.prev;
            snap.noteWritten = n.text;
          }
          hs.push(snap);
        });
      }
      return { sheetId, values, highlights: hs };
    },
  };
}

/**
 * The note a batch loaded (null: there was none). Only what was loaded is kept: on the web that is
 * the content alone (visible/width/height are not supported there, office-js issue 6198).
 */
export function noteSnapshot(n: Excel.Note | null, props: string): NoteSnapshot | null {
  if (!n || n.isNullObject) return null;
  const snap: NoteSnapshot = { content: n.content };
  if (props.includes("visible")) Object.assign(snap, { visible: n.visible, width: n.width, height: n.height });
  return snap;
}

/**
 * Queue putting a fill back exactly: no fill → clear; white stays white; a gradient cannot be set
 * through the API, so it is left as it is (returns false) instead of failing the whole batch.
 */
export function queueRestoreFill(ws: Excel.Worksheet, cell: string, fill: FillSnapshot): boolean {
  if (isGradient(fill)) return false;
  const r = ws.getRange(cell);
  if (isNoFill(fill)) {
    r.format.fill.clear();
    return true;
  }
  const f: FillSnapshot = {};
  for (const k of Object.keys(FILL_PROPS) as (keyof FillSnapshot)[]) {
    if (fill[k] !== undefined && fill[k] !== null) (f as Record<string, unknown>)[k] = fill[k];
  }
  r.setCellProperties([[{ format: { fill: f as Excel.CellPropertiesFill } }]]);
  return true;
}

/**
 * Queue removing the add-in's note (the caller knows it is there: deleting a missing note fails
 * the batch) and putting back the one it replaced (if any), with only the properties it has.
 */
export function queueRestoreNote(ws: Excel.Worksheet, cell: string, prev: NoteSnapshot | null): void {
  ws.notes.getItem(cell).delete();
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
