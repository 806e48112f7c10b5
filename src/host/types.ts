/**
 * What the task pane asks of its host. Three hosts implement it: the Office.js host
 * (src/excel/) over the open workbook, the WPS host (src/wps/) inside WPS 表格, and the file host (src/filehost/) over an .xlsx
 * opened in the browser. The pane never touches Office.js or ExcelJS itself.
 */
import type { Plan, TableChoice } from "../model/types";

export type LoadResult =
  | { ok: true; plan: Plan; /** the workbook's name when the host knows it */ source?: string }
  | { ok: false; reason: "no-table"; message: string; lookedFor: string[] }
  | { ok: false; reason: "error"; message: string };

export interface ApplyResult {
  /** number of score/total cells written */
  written: number;
  /** number of cells highlighted */
  highlighted: number;
  /** the host could not write cell notes (Excel before ExcelApi 1.18): highlights are fills only */
  notesSkipped?: boolean;
  /** highlighted cells whose own (user's) note was left in place instead of the add-in's note */
  notesKept?: number;
}

/** What undo() did, when the host can say (the Excel host does). */
export interface UndoResult {
  /** cells left as they are because they were changed after 应用 (by the user or a coauthor) */
  leftAlone?: string[];
  /** highlighted cells whose gradient fill cannot be put back through the API */
  gradients?: string[];
}

/** What a change the host reports came from. */
export interface SheetChange {
  /** another person's edit (coauthoring): refresh the view, never write in answer */
  remote: boolean;
}

export interface PaneHost {
  readonly kind: "excel" | "file" | "wps";
  /**
   * Read the workbook (one batch) and compute the plan — for its first 分工表, or for the one
   * `choice` names (the pane's picker, when Plan.tables lists several). Hosts that take no choice
   * may ignore it; the plan's `bound` says which table it scores.
   */
  load(choice?: TableChoice): Promise<LoadResult>;
  /** Write the plan's cells and highlights in one batch, remembering what was there for undo. */
  apply(plan: Plan): Promise<ApplyResult>;
  /** True after apply() until undo() restores the previous contents. */
  canUndo(): boolean;
  /** Restore exactly what apply() replaced (values, formats, notes); cells changed since stay. */
  undo(): Promise<UndoResult | void>;
  /** Remove the add-in's highlights, restoring the cells' own fills and notes. */
  clearHighlights(): Promise<void>;
  /** Select (and scroll to) a cell of the 分工表 sheet. */
  selectCell(address: string): Promise<void>;
  /** Insert the built-in sample 分工表 as a new sheet (or, in the file host, open it). */
  insertSample(): Promise<void>;
  /** Live mode: call back (debounced by the host) when the user edits the sheet. Returns an unsubscribe. */
  subscribe?(onChanged: (change?: SheetChange) => void): () => void;
  /** File host only: the recalculated workbook as a download. */
  download?(): Promise<void>;
  /** File host only: the name download() ("download") or makePortable() ("portable") saves under. */
  downloadName?(kind: "download" | "portable"): string;
  /** Portable (分享版) workbook: scores as plain Excel formulas. Added by the portable-output work. */
  makePortable?(options: { convertValues: boolean }): Promise<void>;
}
