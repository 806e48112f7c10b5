/**
 * The WPS host: the task pane's PaneHost over WPS 表格's object model (a WPS 加载项's task pane).
 * The model decides everything (computePlan, portableEdits); this file only reads cells into
 * WorkbookData and carries a plan out, as src/excel/ does over Office.js and src/filehost/ over a file.
 *
 * ET's calls are synchronous, one call into WPS each, and there are no batches; "one read, one
 * write" here means one pass: load() reads every sheet's used range once (Value2) and the 分工表's
 * formulas, formats and merges by whole rows and columns (src/wps/read.ts); apply() first checks
 * every cell it will write (nothing is written when one has changed), then writes values, fills and
 * notes with screen updating off, so WPS repaints once.
 *
 * Undo: WPS documents no undo list for a 加载项's writes (in Excel, VBA macros clear it), so
 * 撤销 in the pane is the way back; it restores only the cells that still hold what 应用 wrote and
 * says which it left alone.
 */
import type { ApplyResult, LoadResult, PaneHost } from "../host/types";
import { computePlan, findTable } from "../model";
import { NoTableError, type CellWrite, type Highlight, type Plan, type TableChoice, type WorkbookData } from "../model/types";
import { NOTE_PREFIX, SEVERITY_RANK } from "../model/highlight-style";
import { parseAddress } from "../model/sheet";
import { isFormulaEdit, portableEdits } from "../portable/edits";
import { noteWrite } from "../excel/portable";
import { seedWorkbookData } from "../sample/workbook-data";
import type { EtApplication, EtRange, EtWorksheet, WpsGlobal } from "./et";
import { fillOf, hasOurFill, noteOf, paint, restoreFill, restoreNote, setNote, type FillSnapshot, type NoteSnapshot } from "./look";
import { readAllValues, readSheet, scalarOf } from "./read";
import { WS, type WpsHostStrings } from "./strings";

export interface WpsHostOptions {
  /** the ET Application (default: wps.EtApplication() or window.Application) */
  app?: () => EtApplication;
  /** the add-in global, for change events (default: window.wps) */
  wps?: () => WpsGlobal | undefined;
  language?: "zh" | "en";
  debounceMs?: number;
}

/** What undo() puts back: every cell apply() changed, as it was, and what apply() left there. */
interface WrittenCell {
  key: string;
  sheet: string;
  row: number;
  col: number;
  /** Value2 / Formula before the write */
  before: unknown;
  formula: string | null;
  numberFormat?: string | null;
  /** what the write left (Value2), to tell a later edit from ours */
  after: unknown;
  afterFormula?: string;
}

interface LookRecord {
  sheet: string;
  row: number;
  col: number;
  /** absent when the write changed only the note (a 分享版 note on a kept cell) */
  fill?: FillSnapshot;
  note: NoteSnapshot;
}

interface UndoRecord {
  cells: WrittenCell[];
  looks: LookRecord[];
}

export interface WpsUndoResult {
  restored: number;
  /** cells edited since 应用 (by the user): left as they are */
  leftAlone: string[];
}

export interface WpsHost extends PaneHost {
  undoReport(): Promise<WpsUndoResult>;
}

class HostError extends Error {}

function defaultApp(): EtApplication {
  const g = globalThis as unknown as { wps?: WpsGlobal; Application?: EtApplication };
  const app = g.wps?.EtApplication?.() ?? g.wps?.Application ?? g.Application;
  if (!app) throw new HostError(WS.zh.noApplication);
  return app;
}

const key = (sheet: string, row: number, col: number) => `${sheet}!${row},${col}`;

function sameValue(a: unknown, b: unknown): boolean {
  const x = scalarOf(a);
  const y = scalarOf(b);
  if (x === null || y === null) return x === y || x === "" || y === "";
  if (typeof x === "object" && typeof y === "object" && x && y) return x.error === y.error;
  return x === y;
}

function formulaOf(cell: EtRange): string | null {
  const f = cell.Formula;
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

export function createWpsHost(options: WpsHostOptions = {}): WpsHost {
  const app = options.app ?? defaultApp;
  const wpsGlobal = options.wps ?? (() => (globalThis as unknown as { wps?: WpsGlobal }).wps);
  const t: WpsHostStrings = WS[options.language ?? "zh"];
  /** the sheet the last load() bound, and the data its plan came from */
  let bound: { sheet: string; data: WorkbookData } | null = null;
  let lastWrite: UndoRecord | null = null;
  /** each highlighted cell's fill and note before the add-in first touched it (清除标注 restores these) */
  const original = new Map<string, LookRecord>();
  /** while > 0 the host is writing: change events are its own */
  let writing = 0;

  const sheetNamed = (name: string): EtWorksheet => {
    const wb = app().ActiveWorkbook;
    if (!wb) throw new HostError(t.noWorkbook);
    for (let i = 1; i <= wb.Worksheets.Count; i++) {
      const ws = wb.Worksheets.Item(i);
      if (ws.Name === name) return ws;
    }
    throw new HostError(t.sheetGone(name));
  };

  /** Screen updating off while writing, back on whatever happens. */
  const writingPass = <T>(fn: () => T): T => {
    const a = app();
    const was = a.ScreenUpdating;
    writing++;
    a.ScreenUpdating = false;
    try {
      return fn();
    } finally {
      a.ScreenUpdating = was === false ? false : true;
      // change events fired by our own writes arrive synchronously in WPS; a short grace covers late ones
      setTimeout(() => (writing = Math.max(0, writing - 1)), 0);
    }
  };

  /** The table `choice` names (the pane's picker), or the first 分工表; other sheets are read for their values only. */
  async function load(choice?: TableChoice): Promise<LoadResult> {
    try {
      const a = app();
      const wb = a.ActiveWorkbook;
      if (!wb) return { ok: false, reason: "error", message: t.noWorkbook };
      const { sheets, data } = readAllValues(a);
      let sheetName: string;
      try {
        sheetName = findTable(data, choice).sheet.name;
      } catch (e) {
        if (e instanceof NoTableError) return { ok: false, reason: "no-table", message: e.message, lookedFor: e.lookedFor };
        throw e;
      }
      const i = sheets.findIndex((s) => s.Name === sheetName);
      data.sheets[i] = readSheet(sheets[i]);
      const plan = computePlan(data, choice);
      bound = { sheet: plan.sheet, data };
      return { ok: true, plan, source: wb.Name };
    } catch (e) {
      return { ok: false, reason: "error", message: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Refuse the whole plan, before the first write, when a cell no longer holds what the plan read. */
  function check(ws: EtWorksheet, writes: CellWrite[]): void {
    for (const w of writes) {
      const p = parseAddress(w.cell);
      if (!p || p.row !== w.row || p.col !== w.col) throw new HostError(t.badAddress(w.cell));
      const cell = ws.Cells(w.row + 1, w.col + 1);
      if (cell.MergeCells && cell.MergeArea.Address().replace(/\$/g, "").split(":")[0] !== w.cell)
        throw new HostError(t.mergedOver(w.cell));
      if (!sameValue(cell.Value2, w.before)) throw new HostError(t.changed(w.cell));
      if (w.keepsFormula !== undefined && (formulaOf(cell) ?? "").replace(/^=/, "") !== w.keepsFormula.replace(/^=/, "")) {
        throw new HostError(t.changed(w.cell));
      }
    }
  }

  async function apply(plan: Plan): Promise<ApplyResult> {
    const ws = sheetNamed(plan.sheet);
    check(ws, plan.writes);
    const record: UndoRecord = { cells: [], looks: [] };
    const byCell = new Map<string, Highlight[]>();
    for (const h of plan.highlights) byCell.set(h.cell, [...(byCell.get(h.cell) ?? []), h]);
    let notesKept = 0;
    writingPass(() => {
      for (const w of plan.writes) {
        // a formula that stays computes its own result in a live sheet: nothing to write
        if (w.keepsFormula !== undefined) continue;
        const cell = ws.Cells(w.row + 1, w.col + 1);
        const before = cell.Value2;
        const formula = formulaOf(cell);
        cell.Value2 = w.after;
        record.cells.push({
          key: key(plan.sheet, w.row, w.col),
          sheet: plan.sheet,
          row: w.row,
          col: w.col,
          before,
          formula,
          after: cell.Value2,
        });
      }
      // cells this session highlighted that the plan no longer flags get their own look back
      for (const [k, l] of [...original]) {
        if (l.sheet !== plan.sheet || byCell.has(cellName(l.row, l.col))) continue;
        const cell = ws.Cells(l.row + 1, l.col + 1);
        record.looks.push({ sheet: l.sheet, row: l.row, col: l.col, fill: fillOf(cell), note: noteOf(cell) });
        if (l.fill && hasOurFill(cell)) restoreFill(cell, l.fill);
        if ((noteOf(cell).text ?? "").includes(NOTE_PREFIX)) restoreNote(cell, l.note);
        original.delete(k);
      }
      for (const list of byCell.values()) {
        const { row, col } = list[0];
        const cell = ws.Cells(row + 1, col + 1);
        const look: LookRecord = { sheet: plan.sheet, row, col, fill: fillOf(cell), note: noteOf(cell) };
        record.looks.push(look);
        const k = key(plan.sheet, row, col);
        if (!original.has(k)) original.set(k, look);
        const severity = SEVERITY_RANK.find((s) => list.some((h) => h.severity === s)) ?? list[0].severity;
        if (look.fill?.kind !== "gradient") paint(cell, severity);
        const ours = NOTE_PREFIX + [...new Set(list.map((h) => h.note.replace(NOTE_PREFIX, "")))].join("\n");
        const user = userPart(original.get(k)!.note);
        if (user) notesKept++;
        setNote(cell, user ? `${user}\n\n${ours}` : ours);
      }
    });
    lastWrite = record;
    return { written: record.cells.length, highlighted: byCell.size, notesKept };
  }

  /** Restore only the cells that still hold what the add-in wrote; report the rest. */
  async function undoReport(): Promise<WpsUndoResult> {
    const record = lastWrite;
    if (!record) return { restored: 0, leftAlone: [] };
    const leftAlone: string[] = [];
    let restored = 0;
    writingPass(() => {
      for (const c of record.cells) {
        const cell = sheetNamed(c.sheet).Cells(c.row + 1, c.col + 1);
        const now = c.afterFormula !== undefined ? formulaOf(cell) : cell.Value2;
        const expected = c.afterFormula !== undefined ? c.afterFormula : c.after;
        if (!sameValue(now, expected)) {
          leftAlone.push(`${c.sheet}!${cellName(c.row, c.col)}`);
          continue;
        }
        if (c.formula !== null) cell.Formula = c.formula;
        else if (typeof c.before === "string") {
          // like typing, assigning text can turn "0.35%" into a number: put it back as text
          const format = cell.NumberFormat;
          cell.NumberFormat = "@";
          cell.Value2 = c.before;
          cell.NumberFormat = c.numberFormat ?? format ?? "General";
        } else cell.Value2 = c.before === undefined ? null : c.before;
        if (c.numberFormat !== undefined && c.numberFormat !== null && typeof c.before !== "string") cell.NumberFormat = c.numberFormat;
        restored++;
      }
      for (const l of [...record.looks].reverse()) {
        const cell = sheetNamed(l.sheet).Cells(l.row + 1, l.col + 1);
        if (l.fill) restoreFill(cell, l.fill);
        restoreNote(cell, l.note);
        const k = key(l.sheet, l.row, l.col);
        // the look before this apply is the original again only if this apply made the first change
        if (original.get(k) === l) original.delete(k);
      }
    });
    lastWrite = null;
    return { restored, leftAlone };
  }

  async function clearHighlights(): Promise<void> {
    writingPass(() => {
      for (const [k, l] of original) {
        const cell = sheetNamed(l.sheet).Cells(l.row + 1, l.col + 1);
        if (l.fill && hasOurFill(cell)) restoreFill(cell, l.fill);
        if ((noteOf(cell).text ?? "").includes(NOTE_PREFIX)) restoreNote(cell, l.note);
        original.delete(k);
      }
      // highlights from an earlier session (the pane was closed since): our notes and fills only
      if (bound) {
        const ws = sheetNamed(bound.sheet);
        const used = ws.UsedRange;
        for (let r = 0; r < used.Rows.Count; r++) {
          for (let c = 0; c < used.Columns.Count; c++) {
            const cell = used.Cells(r + 1, c + 1);
            const n = noteOf(cell);
            if (!n.text?.includes(NOTE_PREFIX)) continue;
            const user = userPart(n);
            restoreNote(cell, { text: user || null });
            if (hasOurFill(cell)) restoreFill(cell, { kind: "none" });
          }
        }
      }
    });
    lastWrite = null;
  }

  async function makePortable(opts: { convertValues: boolean }): Promise<void> {
    const loaded = await load();
    if (!loaded.ok) throw new HostError(loaded.message);
    const a = app();
    const wb = a.ActiveWorkbook!;
    // every sheet in full: KJ.KJSCORE cells anywhere become plain formulas too
    const data: WorkbookData = { sheets: [] };
    for (let i = 1; i <= wb.Worksheets.Count; i++) data.sheets.push(readSheet(wb.Worksheets.Item(i)));
    const { edits, notes } = portableEdits(data, loaded.plan, { convertValues: opts.convertValues });
    const record: UndoRecord = { cells: [], looks: [] };
    writingPass(() => {
      for (const e of edits) {
        const p = parseAddress(e.cell)!;
        const cell = sheetNamed(e.sheet).Cells(p.row + 1, p.col + 1);
        const w: WrittenCell = {
          key: key(e.sheet, p.row, p.col),
          sheet: e.sheet,
          row: p.row,
          col: p.col,
          before: cell.Value2,
          formula: formulaOf(cell),
          numberFormat: cell.NumberFormat,
          after: null,
        };
        if (isFormulaEdit(e)) {
          const format = cell.NumberFormat;
          cell.Formula = "=" + e.formula;
          // keep what the reader sees: WPS, like Excel, may give a new formula the format of the cells it reads
          if (format !== null) cell.NumberFormat = format;
          w.afterFormula = formulaOf(cell) ?? "=" + e.formula;
        } else {
          cell.Value2 = e.value;
          if (e.numFmt !== undefined) cell.NumberFormat = e.numFmt;
          w.after = cell.Value2;
        }
        record.cells.push(w);
      }
      for (const n of notes) {
        const p = parseAddress(n.cell)!;
        const cell = sheetNamed(n.sheet).Cells(p.row + 1, p.col + 1);
        const existing = noteOf(cell);
        const nw = noteWrite(n, options.language === "en" ? n.textEn : n.text, existing.text);
        if ("skip" in nw) continue;
        record.looks.push({ sheet: n.sheet, row: p.row, col: p.col, note: existing });
        setNote(cell, nw.content);
      }
    });
    lastWrite = record;
  }

  async function selectCell(a1: string): Promise<void> {
    if (!bound) throw new HostError(t.notLoaded);
    const ws = sheetNamed(bound.sheet);
    ws.Activate();
    ws.Range(a1).Select();
  }

  /** A new sheet holding the sample 分工表: values in one Value2 write, then its merges. */
  async function insertSample(): Promise<void> {
    const wb = app().ActiveWorkbook;
    if (!wb) throw new HostError(t.noWorkbook);
    const sample = findTable(seedWorkbookData()).sheet;
    writingPass(() => {
      const last = wb.Worksheets.Item(wb.Worksheets.Count);
      const ws = wb.Worksheets.Add(null, last);
      const rows = sample.cells.length;
      const cols = Math.max(...sample.cells.map((r) => r?.length ?? 0));
      const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sample.cells[r]?.[c]?.v ?? null));
      // text that typing would turn into a number ("0.35%") is kept as text, as the sample holds it
      sample.cells.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (typeof cell?.v === "string" && /^[\s\d.,%+-]+$/.test(cell.v)) ws.Cells(r + 1, c + 1).NumberFormat = "@";
          else if (cell?.numFmt && cell.numFmt !== "General") ws.Cells(r + 1, c + 1).NumberFormat = cell.numFmt;
        }),
      );
      ws.Range(`A1:${cellName(rows - 1, cols - 1)}`).Value2 = values;
      for (const m of sample.merges) ws.Range(m).Merge();
      ws.Activate();
    });
  }

  function subscribe(onChanged: () => void): () => void {
    const api = wpsGlobal()?.ApiEvent;
    if (!api) return () => undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handler = () => {
      if (writing > 0) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChanged, options.debounceMs ?? 400);
    };
    api.AddApiEventListener("SheetChange", handler);
    return () => {
      if (timer) clearTimeout(timer);
      api.RemoveApiEventListener("SheetChange", handler);
    };
  }

  return {
    kind: "wps",
    load,
    apply,
    canUndo: () => lastWrite !== null,
    undo: undoReport,
    undoReport,
    clearHighlights,
    selectCell,
    insertSample,
    subscribe,
    makePortable,
  };
}

/** The user's part of a note: its text before the add-in's line. */
function userPart(n: NoteSnapshot): string {
  const text = n.text ?? "";
  const at = text.indexOf(NOTE_PREFIX);
  return (at >= 0 ? text.slice(0, at) : text).replace(/\s+$/, "");
}

function cellName(row: number, col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}
