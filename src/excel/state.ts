/**
 * The one state object the Excel host's rooms share (find-and-read, apply-and-undo, highlights,
 * 分享版, live mode), and the environment they run in. Each room is a module of functions over
 * this object; host.ts wires them into the PaneHost.
 */
import type { OwnWrites } from "./events";
import type { PortableUndoRecord } from "./portable";
import type { FillSnapshot, NoteSnapshot, UndoRecord } from "./write";

export type Batch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the host was given (or found out from Office) once, at creation. */
export interface HostEnv {
  run: Batch;
  /** whether worksheet notes (ExcelApi 1.18) can be used */
  notesSupported(): boolean;
  /** response size above which a read is split */
  payloadLimit(): number;
  language: "zh" | "en";
  sample(sheetName: string): Promise<Uint8Array>;
  /** true when a handler was added through `run` (tests), so it is removed through it too */
  customRun: boolean;
  debounceMs: number;
}

export interface HostState {
  env: HostEnv;
  /** the add-in's own writes, so their change events are not taken for the user's */
  own: OwnWrites;
  /** the 分工表's worksheet, once found (remembered by id) */
  sheetId: string | null;
  sheetName: string | null;
  /** the bound sheet's size as last read, and its measured payload per cell */
  extent: { rows: number; cols: number; bytesPerCell: number } | null;
  /** the bound sheet has notes that are not the add-in's */
  userNotesOnSheet: boolean;
  /** the last write, for undo(): apply()'s or makePortable()'s */
  lastWrite: { kind: "apply"; record: UndoRecord } | { kind: "portable"; record: PortableUndoRecord } | null;
  /** every worksheet's id, in workbook order, as last seen (makePortable reads them all) */
  allSheetIds: string[];
  /** the state each highlighted cell had before the add-in first highlighted it */
  ownState: Map<string, { fill: FillSnapshot; note: NoteSnapshot | null; addedNote: boolean }>;
  /** called when the bound sheet changes (live mode re-registers its handler) */
  onBound(): void;
}

export function forgetSheet(s: HostState): void {
  s.sheetId = null;
  s.sheetName = null;
  s.extent = null;
}

/** Sync a batch of the add-in's own writes: the change events it causes are not the user's edits. */
export async function syncOwn(s: HostState, ctx: Excel.RequestContext, cells: string[]): Promise<void> {
  s.own.begin(cells);
  try {
    await ctx.sync();
  } finally {
    s.own.end();
  }
}

/** An error whose message is for the user as it is (Chinese). */
export class HostError extends Error {}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
