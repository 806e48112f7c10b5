/**
 * The file host: the task pane's PaneHost over an .xlsx opened in the browser (or the
 * built-in sample). Same plan as the Office.js host; the workbook lives in memory and
 * leaves it only as a download the user asks for.
 *
 * The first view must be quick, so the built-in sample is scored straight from its cells
 * (seedWorkbookData), and the .xlsx package layer (src/xlsx over src/ooxml) is imported on
 * demand — when a file is opened, applied or downloaded. In the page bundle that is a separate
 * chunk; ExcelJS is loaded only to build the sample as a real file (src/xlsx/template.ts).
 *
 * The open workbook is its file's bytes (an XlsxDocument): 应用 patches them, 撤销 goes back to
 * the bytes before, 清除标注 patches the highlighted cells back to the style index and the note
 * text they had, and 下载 saves a patched copy — every part the plan does not name is the
 * user's own, byte for byte.
 */
import type { XlsxDocument } from "../ooxml/document";
import type { CellChange } from "../ooxml/patch";
import type { ApplyResult, LoadResult, PaneHost } from "../host/types";
import { NoTableError, TableChoiceError, type Plan, type TableChoice, type WorkbookData } from "../model/types";
import { HIGHLIGHT_FILL, NOTE_PREFIX } from "../model/highlight-style";
import { computePlan } from "../model";
import { seedWorkbookData } from "../sample/workbook-data";
import { FH, type FileHostStrings } from "./strings";
import { address, parseAddress } from "../model/sheet";
import type { SheetSnapshot } from "./sheet-grid";

/** What the host needs from src/xlsx (the module itself, loaded lazily). */
export type XlsxModule = typeof import("../xlsx");

/** The legacy reader (src/legacy), loaded lazily, only for a file that is not an .xlsx package. */
export type LegacyModule = Pick<typeof import("../legacy"), "asXlsxInput">;

/** The 分享版 maker (src/portable), loaded lazily too. */
export type PortableModule = Pick<typeof import("../portable"), "makePortable">;

export interface FileHostOptions {
  /** Chinese or English for the host's own messages (default zh). */
  language?: "zh" | "en";
  /** Open the built-in sample at start (default true); otherwise start with no workbook. */
  openSample?: boolean;
  /** Loads the .xlsx layer. Default: a dynamic import of src/xlsx (its own chunk in the page). */
  loadXlsx?: () => Promise<XlsxModule>;
  /** Loads src/legacy (.xls/.et/.ods → an .xlsx copy). Default: a dynamic import (its own chunk). */
  loadLegacy?: () => Promise<LegacyModule>;
  /** Loads src/portable. Default: a dynamic import (its own chunk in the page). */
  loadPortable?: () => Promise<PortableModule>;
  /** Saves bytes under a file name. Default: a Blob and an <a download> link. */
  save?: (bytes: Uint8Array, fileName: string) => void;
  /** Called whenever another workbook is opened (or fails to open). */
  onOpened?: (info: OpenedInfo) => void;
  /**
   * Called after every load() with the workbook and plan the pane now shows (null when it shows
   * no table): the page's sheet preview draws from it, without ExcelJS.
   */
  onSheet?: (sheet: SheetSnapshot | null) => void;
  /**
   * selectCell's view of the sheet: show the cell (A1, upper case, no $) and resolve once it is
   * on screen. Without it selectCell only checks the address.
   */
  revealCell?: (address: string) => Promise<void> | void;
}

export interface OpenedInfo {
  /** file name as the user sees it ("示例分工表" for the sample) */
  name: string;
  sample: boolean;
  ok: boolean;
}

/** The file host adds opening files to PaneHost. */
export interface FileHost extends PaneHost {
  readonly kind: "file";
  /** Open a file's bytes (from the picker or a drop). Never throws: a bad file becomes the pane's error state. */
  open(name: string, bytes: ArrayBuffer | Uint8Array): Promise<void>;
  /** Current workbook's name. */
  fileName(): string;
  /** The open file as a package, once there is one (tests). */
  workbook(): XlsxDocument | null;
  /** The workbook and plan of the last successful load(), or null (what the sheet preview shows). */
  sheet(): SheetSnapshot | null;
}

type Doc =
  /** the built-in sample, not yet a file: scored from seedWorkbookData() */
  | { state: "sample"; name: string }
  | { state: "open"; name: string; sample: boolean; data: WorkbookData; workbook: XlsxDocument }
  | { state: "broken"; name: string; message: string }
  | { state: "none" };

interface UndoState {
  /** the whole workbook as it was before apply() */
  bytes: Uint8Array;
}

/** Cell style index and note as they were before our highlight, to give them back on clearHighlights(). */
interface SavedLook {
  row: number;
  col: number;
  style: number;
  note: string | null;
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_MIME = "application/vnd.ms-excel.sheet.macroEnabled.12";
const OUR_FILLS = new Set(Object.values(HIGHLIGHT_FILL).map((h) => "FF" + h.replace(/^#/, "").toUpperCase()));

export function createFileHost(opts: FileHostOptions = {}): FileHost {
  const t: FileHostStrings = FH[opts.language ?? "zh"];
  const loadXlsx = opts.loadXlsx ?? (() => import(/* webpackChunkName: "xlsx" */ "../xlsx"));
  const loadLegacy = opts.loadLegacy ?? (() => import(/* webpackChunkName: "legacy" */ "../legacy"));
  const loadPortable = opts.loadPortable ?? (() => import(/* webpackChunkName: "portable" */ "../portable"));
  const save = opts.save ?? saveWithLink;
  const listeners = new Set<() => void>();
  /** which data each plan was computed from, so apply() can tell a stale plan */
  const planSource = new WeakMap<Plan, WorkbookData>();

  let doc: Doc = opts.openSample === false ? { state: "none" } : sampleDoc(t);
  let undoState: UndoState | null = null;
  let saved = new Map<string, SavedLook>();
  let savedSheet: string | null = null;
  /** 清除标注 was the last word: 下载 and 分享版 then carry the scores without the highlights */
  let cleared = false;
  /** opening is serialised: a later open wins, an earlier slow one is dropped */
  let openSeq = 0;
  /** what the pane shows: the last load()'s cells and plan */
  let shown: SheetSnapshot | null = null;
  /** what the last apply() wrote, for the sheet's 已写入 marks; gone after undo or another workbook */
  let written: Plan["writes"] = [];
  const show = (next: SheetSnapshot | null) => {
    shown = next;
    opts.onSheet?.(next);
  };

  const changed = (ok: boolean) => {
    if (doc.state !== "none") {
      opts.onOpened?.({ name: doc.name, sample: doc.state === "sample" || (doc.state === "open" && doc.sample), ok });
    }
    for (const l of [...listeners]) l();
  };

  const setDoc = (next: Doc) => {
    doc = next;
    undoState = null;
    written = [];
    saved = new Map();
    cleared = false;
  };

  /** The plan a saved copy carries: all of it, or its writes alone after 清除标注. */
  const forCopy = (plan: Plan): Plan => (cleared ? { ...plan, highlights: [] } : plan);

  /** The sample as a real file (the template's bytes), or the open file. */
  async function materialize(): Promise<Extract<Doc, { state: "open" }>> {
    if (doc.state === "open") return doc;
    if (doc.state === "sample") {
      const before = doc;
      const x = await loadXlsx();
      const { workbook, data } = await x.readWorkbook(await x.templateBytes());
      if (doc !== before) throw new Error(t.changedMeanwhile);
      doc = { state: "open", name: before.name, sample: true, data, workbook };
      return doc;
    }
    throw new Error(doc.state === "broken" ? doc.message : t.noWorkbook);
  }

  /** The plan to write: the pane's, or the same plan recomputed when the workbook under it was rebuilt. */
  async function planFor(d: Extract<Doc, { state: "open" }>, plan: Plan): Promise<Plan> {
    if (planSource.get(plan) === d.data) return plan;
    const fresh = planOf(d.data);
    // the sample's first view comes from seedWorkbookData, whose cells are the template's (a test
    // holds them equal); anything else that changed under the pane is refused, not written
    if (!samePlanOutcome(plan, fresh)) throw new Error(t.changedMeanwhile);
    planSource.set(fresh, d.data);
    return fresh;
  }

  /** The table the pane picked (Plan.tables); a file without it is scored on its first table, as ever. */
  let choice: TableChoice | undefined;
  function planOf(data: WorkbookData): Plan {
    try {
      return computePlan(data, choice);
    } catch (e) {
      if (!(e instanceof TableChoiceError)) throw e;
      return computePlan(data);
    }
  }

  function loadNow(): { ok: true; snapshot: SheetSnapshot } | Exclude<LoadResult, { ok: true }> {
    if (doc.state === "none") return { ok: false, reason: "no-table", message: t.noFileYet, lookedFor: [] };
    if (doc.state === "broken") return { ok: false, reason: "error", message: doc.message };
    if (doc.state === "sample") {
      const data = seedWorkbookData();
      return { ok: true, snapshot: { name: doc.name, data, plan: planOf(data) } };
    }
    const data = doc.data;
    try {
      const plan = planOf(data);
      planSource.set(plan, data);
      return { ok: true, snapshot: { name: doc.name, data, plan } };
    } catch (e) {
      if (e instanceof NoTableError) {
        return { ok: false, reason: "no-table", message: `${t.inFile(doc.name)}${e.message}`, lookedFor: e.lookedFor };
      }
      return { ok: false, reason: "error", message: `${t.inFile(doc.name)}${messageOf(e)}` };
    }
  }

  const host: FileHost = {
    kind: "file",

    async load(picked?: TableChoice): Promise<LoadResult> {
      choice = picked;
      const r = loadNow();
      show(r.ok ? { ...r.snapshot, ...(written.length ? { written } : {}) } : null);
      return r.ok ? { ok: true, plan: r.snapshot.plan, source: r.snapshot.name } : r;
    },

    async apply(plan: Plan): Promise<ApplyResult> {
      const x = await loadXlsx();
      const d = await materialize();
      const p = await planFor(d, plan);
      const bytes = d.workbook.bytes;
      const looks = new Map<string, SavedLook>();
      const notes = d.workbook.notes(p.sheet);
      const styles = d.workbook.styles(p.sheet, p.highlights);
      for (const h of p.highlights) {
        if (looks.has(h.cell)) continue;
        looks.set(
          h.cell,
          saved.get(h.cell) ?? { row: h.row, col: h.col, style: styles.get(h.cell) ?? 0, note: notes.text.get(h.cell) ?? null },
        );
      }
      const summary = x.applyPlan(d.workbook, p); // checks the whole plan before changing a cell
      undoState = { bytes };
      written = p.writes;
      saved = looks;
      savedSheet = p.sheet;
      cleared = false;
      d.data = d.workbook.data;
      return summary;
    },

    canUndo: () => undoState !== null,

    async undo(): Promise<void> {
      if (!undoState || doc.state !== "open") return;
      const x = await loadXlsx();
      const { workbook, data } = await x.readWorkbook(undoState.bytes);
      doc = { ...doc, workbook, data };
      undoState = null;
      written = [];
      saved = new Map();
      cleared = false;
    },

    async clearHighlights(): Promise<void> {
      if (doc.state !== "open") return; // the sample before any apply has no highlights
      const changes: CellChange[] = [];
      for (const sheet of doc.data.sheets) {
        const mine = sheet.name === savedSheet ? saved : null;
        const notes = doc.workbook.notes(sheet.name);
        for (const [ref, look] of mine ?? []) {
          // exactly the style and note the cell had before apply()
          if (notes.threaded.has(ref)) changes.push({ sheet: sheet.name, row: look.row, col: look.col, style: look.style });
          else changes.push({ sheet: sheet.name, row: look.row, col: look.col, style: look.style, note: look.note });
        }
        for (const [ref, text] of notes.text) {
          if (mine?.has(ref) || notes.threaded.has(ref)) continue;
          const at = text.indexOf(NOTE_PREFIX);
          const cell = parseAddress(ref);
          if (at < 0 || !cell) continue;
          // our highlight on a cell we did not record (a file recalculated earlier): our note part and our fill
          const user = text.slice(0, at).replace(/\s+$/, "");
          changes.push({ sheet: sheet.name, ...cell, note: user || null, clearFill: OUR_FILLS });
        }
      }
      doc.workbook.patch(changes);
      doc.data = doc.workbook.data;
      saved = new Map();
      cleared = true;
    },

    async selectCell(a1: string): Promise<void> {
      // the page's sheet preview (revealCell) shows the cell; the pane only knows the address
      if (!shown) throw new Error(t.noWorkbook);
      const at = parseAddress(a1);
      if (!at) throw new Error(t.notACell(a1));
      await opts.revealCell?.(address(at.row, at.col));
    },

    async insertSample(): Promise<void> {
      openSeq++;
      setDoc(sampleDoc(t));
      changed(true);
    },

    subscribe(onChanged: () => void): () => void {
      listeners.add(onChanged);
      return () => listeners.delete(onChanged);
    },

    async download(): Promise<void> {
      const x = await loadXlsx();
      const d = await materialize();
      // the saved file is the recalculated workbook, as `kjscore recalc` writes it, whether or not
      // 应用 was pressed: a copy gets the current plan (no changes when it was applied already)
      const copy = await x.readWorkbook(d.workbook.bytes);
      x.applyPlan(copy.workbook, forCopy(planOf(copy.data)));
      save(copy.workbook.bytes, outputName(d.name, t.downloadSuffix, copy.workbook.macroEnabled));
    },

    async makePortable(options: { convertValues: boolean }): Promise<void> {
      const [x, portable] = await Promise.all([loadXlsx(), loadPortable()]);
      const d = await materialize();
      // the 分享版 is made from a recalculated copy (as 下载 saves it); the open workbook stays as it is
      const copy = await x.readWorkbook(d.workbook.bytes);
      const plan = planOf(copy.data);
      x.applyPlan(copy.workbook, forCopy(plan));
      portable.makePortable(copy.workbook, plan, options);
      save(copy.workbook.bytes, outputName(d.name, t.portableSuffix, copy.workbook.macroEnabled));
    },

    async open(name: string, bytes: ArrayBuffer | Uint8Array): Promise<void> {
      const seq = ++openSeq;
      let next: Doc;
      try {
        const x = await loadXlsx();
        let input = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        // an .xls / .et / .ods (an OLE compound file, or a zip that is not an OOXML package) opens
        // as the .xlsx copy src/legacy makes of it, with its 转换说明 sheet; 下载 saves that copy
        if (!isZipPackage(input) || (await isOds(input))) input = (await loadLegacy()).asXlsxInput(input, name).bytes;
        const { workbook, data } = await x.readWorkbook(input);
        next = { state: "open", name, sample: false, data, workbook };
      } catch (e) {
        next = { state: "broken", name, message: `${t.inFile(name)}${messageOf(e)}` };
      }
      if (seq !== openSeq) return;
      setDoc(next);
      changed(next.state === "open");
    },

    downloadName: (kind) =>
      outputName(
        doc.state === "none" ? "" : doc.name,
        kind === "portable" ? t.portableSuffix : t.downloadSuffix,
        doc.state === "open" && doc.workbook.macroEnabled,
      ),

    fileName: () => (doc.state === "none" ? "" : doc.name),
    workbook: () => (doc.state === "open" ? doc.workbook : null),
    sheet: () => shown,
  };

  return host;
}

function sampleDoc(t: FileHostStrings): Doc {
  return { state: "sample", name: t.sampleName };
}

function isZipPackage(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7);
}

/** An OpenDocument spreadsheet: its first entry is the stored "mimetype" (ODF 1.3 Part 2, 3.3). */
async function isOds(b: Uint8Array): Promise<boolean> {
  const head = new TextDecoder().decode(b.subarray(30, 120));
  return head.startsWith("mimetype") && head.includes("application/vnd.oasis.opendocument.spreadsheet");
}

/** Same indicators, scores and totals: two plans of one table read from differently laid-out copies. */
export function samePlanOutcome(a: Plan, b: Plan): boolean {
  if (a.indicators.length !== b.indicators.length || a.totals.length !== b.totals.length) return false;
  if (a.writes.length !== b.writes.length || a.highlights.length !== b.highlights.length) return false;
  const scores = (p: Plan) =>
    JSON.stringify(p.indicators.map((i) => [i.name, i.scores.map((s) => [s.column, s.stated, s.computed, s.status])]));
  const totals = (p: Plan) => JSON.stringify(p.totals.map((x) => [x.column, x.stated, x.computed]));
  const writes = (p: Plan) => JSON.stringify(p.writes.map((w) => [w.before, w.after]));
  return scores(a) === scores(b) && totals(a) === totals(b) && writes(a) === writes(b);
}

/** "县分工表.xlsx" → "县分工表-科创评分.xlsx"; a workbook with macros stays .xlsm (Excel opens an .xlsm package only under that name). */
export function outputName(name: string, suffix: string, macroEnabled = false): string {
  const base = name.replace(/\.(xlsx|xlsm|xls|et|ods|fods)$/i, "") || "workbook";
  return `${base}-${suffix}.${macroEnabled ? "xlsm" : "xlsx"}`;
}

function saveWithLink(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
