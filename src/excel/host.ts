/**
 * The Office.js host: the task pane's PaneHost over the open workbook. React never calls
 * Office.js; it calls these functions. This file only wires the rooms together around one
 * shared state (state.ts):
 * - find.ts — find the 分工表 and read it (load);
 * - apply.ts — write a plan, undo the last write;
 * - highlights.ts — remove the add-in's highlights;
 * - share.ts — the 分享版 in place (makePortable);
 * - live.ts — live mode's change handler;
 * - workbook.ts — select a cell, insert the sample 分工表.
 *
 * Sync budget: once the 分工表's sheet is known (remembered by worksheet id), load() is one
 * context.sync() (the read) and apply() is one (the write, which also captures what it
 * replaces): a full recalculation is 2 syncs. Exceptions, each stated where it happens: the
 * first load may read candidate sheets first; on Excel on the web a sheet not yet measured is
 * sized first and read in pieces under the 5 MB response limit; a sheet that has notes costs
 * apply() one read of the notes on the cells it will highlight (the user's stay; a note that is
 * not there must not be deleted); undo() and clearHighlights() read first which cells still hold
 * what the add-in wrote, then write (2 syncs).
 *
 * Every batch runs with delayForCellEdit (held while the user types in a cell) and every write
 * as one undo group where ExcelApi 1.20 allows (state.ts runBatch).
 *
 * Requirement sets: ExcelApi 1.13 (getMergedAreasOrNullObject, insertWorksheetsFromBase64;
 * 1.9 getCellProperties/setCellProperties; 1.7 onChanged, getRangeByIndexes, workbook.name;
 * 1.4 *OrNullObject). Optional: 1.14 (triggerSource on change events), 1.18 (notes).
 */
import type { PaneHost } from "../host/types";
import type { Plan } from "../model/types";
import { apply, undo, type ExcelApplyResult, type ExcelUndoResult } from "./apply";
import { OwnWrites } from "./events";
import { load } from "./find";
import { clearHighlights } from "./highlights";
import { createLive } from "./live";
import { defaultPayloadLimit, officeSupports, onTheWeb } from "./platform";
import { makePortableReport, type ExcelPortableResult } from "./share";
import type { Batch, HostState } from "./state";
import { defaultSample, insertSample, selectCell } from "./workbook";

export type { Batch } from "./state";
export type { ExcelApplyResult, ExcelUndoResult } from "./apply";
export type { ExcelPortableResult } from "./share";
export { toBase64, uniqueSheetName } from "./workbook";

export interface ExcelHostOptions {
  /** Excel.run, or a test double */
  run?: Batch;
  /** whether worksheet notes (ExcelApi 1.18) can be used; default: asks Office */
  notesSupported?: () => boolean;
  /** response size above which a read is split into row chunks; default 4.5 MB on the web, none elsewhere */
  payloadLimit?: number;
  /** live mode's debounce, ms */
  debounceMs?: number;
  /** language of the notes the add-in writes */
  language?: "zh" | "en";
  /** the sample 分工表 as .xlsx bytes, with its sheet named `sheetName` (default: lazy-loaded template) */
  sampleWorkbook?: (sheetName: string) => Promise<Uint8Array>;
  now?: () => number;
  /** Excel on the web (Office.context.platform OfficeOnline); default: asks Office */
  onTheWeb?: () => boolean;
  /** whether Excel.run's mergeUndoGroup (ExcelApi 1.20) can be used; default: asks Office */
  undoGroups?: () => boolean;
  /** wait before running again a batch an older Excel refused in cell-edit mode, ms */
  cellEditRetryMs?: number;
}

/** The PaneHost over Office.js; apply() also says whether notes were written. */
export interface ExcelHost extends PaneHost {
  apply(plan: Plan): Promise<ExcelApplyResult>;
  undo(): Promise<ExcelUndoResult>;
  makePortable(options: { convertValues: boolean }): Promise<void>;
  /** makePortable(), saying what it did (the PaneHost contract returns nothing) */
  makePortableReport(options: { convertValues: boolean }): Promise<ExcelPortableResult>;
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  const state: HostState = {
    env: {
      run: options.run ?? ((b, o) => (o ? Excel.run(o, b) : Excel.run(b))),
      notesSupported: options.notesSupported ?? (() => officeSupports("ExcelApi", "1.18")),
      payloadLimit: () => options.payloadLimit ?? defaultPayloadLimit(),
      language: options.language ?? "zh",
      sample: options.sampleWorkbook ?? defaultSample,
      customRun: !!options.run,
      debounceMs: options.debounceMs ?? 400,
      onTheWeb: options.onTheWeb ?? onTheWeb,
      undoGroups: options.undoGroups ?? (() => officeSupports("ExcelApi", "1.20")),
      cellEditRetryMs: options.cellEditRetryMs ?? 500,
    },
    own: new OwnWrites(options.now),
    sheetId: null,
    sheetName: null,
    extent: null,
    userNotesOnSheet: false,
    anyNotesOnSheet: false,
    lastWritten: new Set(),
    lastWrite: null,
    allSheetIds: [],
    ownState: new Map(),
    onBound: () => live.rebind(),
  };
  const live = createLive(state);

  return {
    kind: "excel",
    load: (choice) => load(state, choice),
    apply: (plan) => apply(state, plan),
    canUndo: () => state.lastWrite !== null,
    undo: () => undo(state),
    clearHighlights: () => clearHighlights(state),
    selectCell: (address) => selectCell(state, address),
    insertSample: () => insertSample(state),
    subscribe: (onChanged) => live.subscribe(onChanged),
    makePortable: async (opts) => {
      await makePortableReport(state, opts);
    },
    makePortableReport: (opts) => makePortableReport(state, opts),
  };
}
