/**
 * The one state object the Excel host's rooms share (find-and-read, apply-and-undo, highlights,
 * 分享版, live mode), and the environment they run in. Each room is a module of functions over
 * this object; host.ts wires them into the PaneHost.
 */
import type { OwnWrites } from "./events";
import type { PortableUndoRecord } from "./portable";
import type { FillSnapshot, NoteSnapshot, UndoRecord } from "./write";

/** Excel.run with the batch first (a test double may ignore the options). */
export type Batch = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) => Promise<T>;

/** What the host was given (or found out from Office) once, at creation. */
export interface HostEnv {
  run: Batch;
  /** whether worksheet notes (ExcelApi 1.18) can be used */
  notesSupported(): boolean;
  /** response size above which a read is split */
  payloadLimit(): number;
  /** Excel on the web: Note.visible/width/height are not supported there (office-js issue 6198) */
  onTheWeb(): boolean;
  /** ExcelApi 1.20: Excel.run's mergeUndoGroup */
  undoGroups(): boolean;
  /** how long to wait before running a batch again that failed in cell-edit mode */
  cellEditRetryMs: number;
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
  /** the bound sheet has notes at all (apply() then looks at the cells it highlights first) */
  anyNotesOnSheet: boolean;
  /** cells whose values the last apply() wrote: a change to only these is not the user's input */
  lastWritten: Set<string>;
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

/** Note properties the platform can load and set (content only on the web). */
export function noteProps(s: HostState): string {
  return s.env.onTheWeb() ? "content" : "content,visible,width,height";
}

const CELL_EDIT = "InvalidOperationInCellEditMode";
const UNDO_NOT_SUPPORTED = "UndoNotSupported";

/**
 * Run a batch as the add-in always does: held while the user edits a cell (delayForCellEdit,
 * Excel.RunOptions; without it the batch fails in cell-edit mode), and for writes one entry on
 * Excel's undo stack where ExcelApi 1.20 allows (mergeUndoGroup). An Excel that ignores
 * delayForCellEdit fails with InvalidOperationInCellEditMode: nothing of the batch ran, so it is
 * run again a little later (a few times, then the error stands).
 */
export async function runBatch<T>(s: HostState, batch: (ctx: Excel.RequestContext) => Promise<T>, opts: { write: boolean }): Promise<T> {
  let group = opts.write && s.env.undoGroups();
  for (let attempt = 0; ; attempt++) {
    const options: Excel.RunOptions = group ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true };
    try {
      return await s.env.run(batch, options);
    } catch (e) {
      const code = (e as { code?: string }).code ?? "";
      const is = (c: string) => code === c || message(e).includes(c);
      // A group cannot hold an API without undo support (UndoNotSupported, raised before anything
      // of the batch runs; excel-add-ins-undo-capabilities): run it again ungrouped.
      if (group && is(UNDO_NOT_SUPPORTED)) {
        group = false;
        continue;
      }
      if (!is(CELL_EDIT) || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, s.env.cellEditRetryMs));
    }
  }
}

/** An error whose message is for the user as it is (Chinese). */
export class HostError extends Error {}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
