/**
 * A small stand-in for Excel's JavaScript API, enough for src/excel/: worksheets, ranges,
 * cell properties (fills), merged areas, notes, change events — with Office.js's batch
 * semantics, which office-addin-mock does not model: commands are queued on proxies and run
 * in order at context.sync(); loaded properties can be read only after that sync; a load
 * queued before a write returns the cell as it was; a failing command drops the rest of the
 * batch (the commands before it stay done, as in Excel). Every sync, every cell a command
 * touches, and the size of every response are recorded, so tests can count them.
 *
 * Where Microsoft documents that real Excel is stricter than a plain stand-in, the fake is too
 * (each with its source where it is implemented):
 * - Excel on the web (`platform = "OfficeOnline"`): Note.visible/width/height are not supported;
 *   loading or setting them fails the whole batch (office-js issue 6198, closed "by design").
 * - The 5 MB response limit (learn.microsoft.com/office/dev/add-ins/concepts/
 *   resource-limits-and-performance-optimization#excel-add-ins) with RequestPayloadSizeLimitExceeded;
 *   the size counts the JSON as transported, non-ASCII text escaped (\uXXXX, 6 bytes a character).
 * - Excel's undo stack: one entry per sync that writes, one per Excel.run with mergeUndoGroup
 *   (ExcelApi 1.20; learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities,
 *   learn.microsoft.com/javascript/api/excel/excel.runoptions); insertWorksheetsFromBase64 clears it.
 * - Cell-edit mode: a batch fails while the user edits a cell unless Excel.run was given
 *   delayForCellEdit: true, which holds the batch until the edit ends (Excel.RunOptions).
 * - Fills: "no fill" and solid white both report color #FFFFFF with pattern null; only
 *   tintAndShade tells them apart (null = no fill) (office-js issues 4900, 6218). Gradients report
 *   their pattern and cannot be set back through the API (RangeFill has no gradient stops).
 * - *OrNullObject: a method called on an object that turns out to be null fails the batch
 *   (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties:
 *   check isNullObject after a sync before using the object).
 * - Coauthoring: another person's edit arrives as a change event with source "Remote"
 *   (Excel.WorksheetChangedEventArgs.source, Excel.EventSource).
 */
import type { CellData, WorkbookData } from "../src/model/types";
import { address as a1, parseAddress } from "../src/model/sheet";

export interface Fill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface FakeNote {
  content: string;
  visible: boolean;
  width: number;
  height: number;
}

export interface FakeCell {
  /** what Excel's `values` returns: number, string ("" empty), boolean; an error's text */
  v: number | string | boolean;
  formula?: string;
  numFmt?: string;
  error?: boolean;
  fill?: Fill;
}

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}
type FakeBatch<T> = (ctx: Excel.RequestContext) => Promise<T>;

/** One entry of Excel's undo stack: every sheet as it was before the entry's writes. */
interface UndoEntry {
  before: Map<string, { cells: Map<string, FakeCell>; notes: Map<string, FakeNote> }>;
}

export interface ChangeEvent {
  address: string;
  worksheetId: string;
  changeType: string;
  source: string;
  triggerSource?: string;
  type: string;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  notes = new Map<string, FakeNote>();
  handlers = new Set<(ev: ChangeEvent) => Promise<unknown> | void>();
  visibility = "Visible";
  constructor(
    public id: string,
    public name: string,
    public merges: string[] = [],
  ) {}

  key(row: number, col: number): string {
    return `${row},${col}`;
  }
  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(this.key(row, col));
  }
  at(address: string): FakeCell | undefined {
    const p = parseAddress(address)!;
    return this.get(p.row, p.col);
  }
  set(row: number, col: number, cell: FakeCell | undefined): void {
    if (cell === undefined) this.cells.delete(this.key(row, col));
    else this.cells.set(this.key(row, col), cell);
  }
  /** bounds of the cells holding a value or formula (valuesOnly used range) */
  usedBounds(): Bounds | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (c.v === "" && !c.formula) continue;
      const [r, col] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
  /** a copy of everything a user could see in the sheet, for exact before/after comparisons */
  snapshot(): string {
    const canon = (c: FakeCell) => ({ v: c.v, formula: c.formula, numFmt: c.numFmt, error: c.error || undefined, fill: c.fill });
    const cells = [...this.cells.entries()]
      .filter(([, c]) => c.v !== "" || c.formula || c.fill)
      .map(([k, c]) => [k, canon(c)])
      .sort();
    return JSON.stringify({ cells, notes: [...this.notes.entries()].sort() });
  }
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseBounds(address: string): Bounds {
  const plain = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [p, q] = plain.split(":").map((s) => parseAddress(s.replace(/\$/g, "")));
  if (!p) throw new Error(`InvalidArgument: bad address ${address}`);
  const e = q ?? p;
  return { top: Math.min(p.row, e.row), left: Math.min(p.col, e.col), bottom: Math.max(p.row, e.row), right: Math.max(p.col, e.col) };
}

function boundsAddress(b: Bounds): string {
  const s = a1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? s : `${s}:${a1(b.bottom, b.right)}`;
}

function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** what a new value leaves of a cell: its number format and fill */
function kept(c: FakeCell | undefined): Partial<FakeCell> {
  const out: Partial<FakeCell> = {};
  if (c?.numFmt !== undefined) out.numFmt = c.numFmt;
  if (c?.fill !== undefined) out.fill = c.fill;
  return out;
}

const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

/**
 * A cell's fill as getCellProperties reports it in real Excel (office-js issues 4900, 6218): no
 * fill and solid white both come back as #FFFFFF with pattern null; tintAndShade is null only for
 * no fill. Other solid fills report "Solid"; a gradient reports its pattern.
 */
function reportedFill(f: Fill | undefined): Record<string, unknown> {
  if (!f || f.pattern === "None")
    return { color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null };
  const white = f.pattern === "Solid" && f.color.toUpperCase() === "#FFFFFF";
  return { ...f, pattern: white ? null : f.pattern };
}

export interface TouchRecord {
  sheet: string;
  cell: string;
  what: "value" | "formula" | "fill" | "note" | "format";
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeId = "";
  name = "霸州市分工表.xlsx";
  /** number of context.sync() calls */
  syncs = 0;
  /** transported JSON size of each response Excel delivered */
  responseBytes: number[] = [];
  /** sizes of the responses Excel refused (over responseLimit) */
  refusedBytes: number[] = [];
  touched: TouchRecord[] = [];
  selected: { sheet: string; address: string } | null = null;
  /** Excel 1.14+ says which change events the add-in caused (triggerSource) */
  reportsTriggerSource = true;
  /** ExcelApi 1.18 notes available */
  notesApi = true;
  /** Excel on the web's response limit: a sync whose response is bigger fails */
  responseLimit = Infinity;
  /** Office.context.platform: "OfficeOnline" is Excel on the web */
  platform: "PC" | "Mac" | "OfficeOnline" = "PC";
  /** the user is typing in a cell (cell-edit mode) */
  cellEditing = false;
  /** Excel before ExcelApi 1.11 ignores delayForCellEdit: the batch fails in cell-edit mode */
  honoursDelayForCellEdit = true;
  /** ExcelApi 1.20: mergeUndoGroup is honoured (older Excel ignores the option) */
  mergeUndoSupported = true;
  /** note writes have no undo support on this Excel: a grouped batch holding one fails (UndoNotSupported) */
  notesUndoUnsupported = false;
  /** Excel's undo stack, newest last */
  undoStack: UndoEntry[] = [];
  /** the options each Excel.run was given */
  runOptions: ({ delayForCellEdit?: boolean; mergeUndoGroup?: boolean } | undefined)[] = [];
  private editEnded: (() => void)[] = [];
  inserted: string[] = [];
  private nextId = 1;

  addSheet(name: string, cells: (CellData | undefined)[][] = [], merges: string[] = []): FakeSheet {
    const s = new FakeSheet(`{sheet-${this.nextId++}}`, name, merges);
    cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const v = c.v;
        const cell: FakeCell = v !== null && typeof v === "object" ? { v: v.error, error: true } : { v: v === null ? "" : v };
        if (c.formula) cell.formula = c.formula;
        if (c.numFmt) cell.numFmt = c.numFmt;
        s.set(r, col, cell);
      }),
    );
    this.sheets.push(s);
    if (!this.activeId) this.activeId = s.id;
    return s;
  }

  static from(wb: WorkbookData): FakeWorkbook {
    const f = new FakeWorkbook();
    for (const s of wb.sheets) f.addSheet(s.name, s.cells, s.merges);
    return f;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /**
   * Excel.run(batch) or Excel.run(options, batch), as Office.js overloads it; also (batch, options),
   * the order the host's injectable `run` uses.
   */
  run = async <T>(a: FakeRunOptions | FakeBatch<T>, b?: FakeRunOptions | FakeBatch<T>): Promise<T> => {
    const batch = (typeof a === "function" ? a : b) as FakeBatch<T>;
    const options = (typeof a === "function" ? b : a) as FakeRunOptions | undefined;
    this.runOptions.push(options);
    const ctx = new FakeContext(this, options ?? {});
    try {
      return await batch(ctx as unknown as Excel.RequestContext);
    } finally {
      ctx.closeUndoGroup();
    }
  };

  /** The user leaves cell-edit mode: batches held by delayForCellEdit run now. */
  endCellEdit(): void {
    this.cellEditing = false;
    for (const go of this.editEnded.splice(0)) go();
  }
  waitForCellEdit(): Promise<void> {
    return new Promise((resolve) => this.editEnded.push(resolve));
  }

  /** every sheet's cells and notes, copied (an undo entry's "before") */
  capture(): UndoEntry["before"] {
    const out: UndoEntry["before"] = new Map();
    for (const s of this.sheets) {
      out.set(s.id, {
        cells: new Map([...s.cells].map(([k, c]) => [k, { ...c, fill: c.fill ? { ...c.fill } : undefined }])),
        notes: new Map([...s.notes].map(([k, n]) => [k, { ...n }])),
      });
    }
    return out;
  }

  /**
   * The user presses Ctrl+Z: the newest undo entry is rolled back, and the change events fire for
   * the cells whose values it changed (a user action: triggerSource is not the add-in).
   */
  ctrlZ(): void {
    const entry = this.undoStack.pop();
    if (!entry) return;
    for (const s of this.sheets) {
      const was = entry.before.get(s.id);
      if (!was) continue;
      const changed: string[] = [];
      const keys = new Set([...s.cells.keys(), ...was.cells.keys()]);
      for (const k of keys) {
        const a = s.cells.get(k);
        const b = was.cells.get(k);
        if ((a?.v ?? "") !== (b?.v ?? "") || a?.formula !== b?.formula) {
          const [r, c] = k.split(",").map(Number);
          changed.push(a1(r, c));
        }
      }
      s.cells = was.cells;
      s.notes = was.notes;
      for (const cell of changed) this.fire(s, cell, false);
    }
  }

  /** A coauthor edits a cell: the change reaches this client with source "Remote". */
  remoteEdit(sheetName: string, address: string, value: number | string): void {
    const s = this.sheet(sheetName);
    const p = parseAddress(address)!;
    s.set(p.row, p.col, { ...kept(s.get(p.row, p.col)), v: value });
    this.fire(s, address, false, "Remote");
  }

  /** A person types into a cell: the value changes and the sheet's change handlers hear of it. */
  userEdit(sheetName: string, address: string, value: number | string): void {
    this.undoStack.push({ before: this.capture() }); // the user's own edit is a step of Ctrl+Z too
    const s = this.sheet(sheetName);
    const p = parseAddress(address)!;
    s.set(p.row, p.col, { ...kept(s.get(p.row, p.col)), v: value });
    this.fire(s, address, false);
  }

  fire(s: FakeSheet, address: string, byAddin: boolean, source: "Local" | "Remote" = "Local"): void {
    const ev: ChangeEvent = {
      address,
      worksheetId: s.id,
      changeType: "RangeEdited",
      source,
      type: "WorksheetChanged",
      triggerSource: this.reportsTriggerSource ? (byAddin ? "ThisLocalAddin" : "Unknown") : undefined,
    };
    for (const h of s.handlers) void h(ev);
  }

  findSheet(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }
}

class PropertyNotLoaded extends Error {}

/** Base of every proxy: loaded values live in `data`, readable after the sync. */
class Proxy {
  protected data: Record<string, unknown> = {};
  constructor(protected ctx: FakeContext) {}
  protected read<T>(prop: string): T {
    if (!(prop in this.data)) throw new PropertyNotLoaded(`PropertyNotLoaded: ${prop} (load it and sync first)`);
    return this.data[prop] as T;
  }
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }
}

/** The JSON as transported: non-ASCII characters escaped as \uXXXX (6 bytes each). */
export function transportBytes(x: unknown): number {
  const json = JSON.stringify(x) ?? "";
  let n = 0;
  for (let i = 0; i < json.length; i++) n += json.charCodeAt(i) < 0x80 ? 1 : 6;
  return n;
}

class FakeContext {
  private queue: { cmd: () => void; write: boolean; note?: boolean }[] = [];
  private pendingEvents: [FakeSheet, string][] = [];
  private response: unknown[] = [];
  /** the undo entry this Excel.run writes into (mergeUndoGroup), once it has written */
  private group: UndoEntry | null = null;
  readonly workbook: WorkbookProxy;
  constructor(
    readonly wb: FakeWorkbook,
    readonly options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean },
  ) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(cmd: () => void, write = false, note = false): void {
    this.queue.push({ cmd, write, note });
  }
  closeUndoGroup(): void {
    this.group = null;
  }
  respond(x: unknown): void {
    this.response.push(x);
  }
  changed(sheet: FakeSheet, address: string): void {
    this.pendingEvents.push([sheet, address]);
  }
  async sync(): Promise<void> {
    if (this.wb.cellEditing) {
      // Excel.RunOptions.delayForCellEdit: held until the edit ends; without it the batch fails
      if (this.options.delayForCellEdit && this.wb.honoursDelayForCellEdit) await this.wb.waitForCellEdit();
      else {
        this.queue = [];
        const e = new Error("InvalidOperationInCellEditMode: Excel is in cell-editing mode") as Error & { code: string };
        e.code = "InvalidOperationInCellEditMode";
        throw e;
      }
    }
    this.wb.syncs++;
    const cmds = this.queue;
    this.queue = [];
    this.response = [];
    let failure: unknown = null;
    if (this.options.mergeUndoGroup && this.wb.mergeUndoSupported && this.wb.notesUndoUnsupported && cmds.some((c) => c.note)) {
      // excel-add-ins-undo-capabilities: an API without undo support in a group throws UndoNotSupported
      const e = new Error("UndoNotSupported: the operation cannot be part of an undo group") as Error & { code: string };
      e.code = "UndoNotSupported";
      throw e;
    }
    if (cmds.some((c) => c.write)) {
      // one undo entry per sync, or one per Excel.run with mergeUndoGroup (ExcelApi 1.20)
      const merge = this.options.mergeUndoGroup && this.wb.mergeUndoSupported;
      if (!merge || !this.group) {
        const entry: UndoEntry = { before: this.wb.capture() };
        this.wb.undoStack.push(entry);
        if (merge) this.group = entry;
      }
    }
    for (const { cmd } of cmds) {
      try {
        cmd();
      } catch (e) {
        failure = e;
        break;
      }
    }
    const bytes = transportBytes(this.response);
    if (bytes > this.wb.responseLimit) this.wb.refusedBytes.push(bytes);
    else this.wb.responseBytes.push(bytes);
    const events = this.pendingEvents;
    this.pendingEvents = [];
    // change events reach handlers after the batch, asynchronously, as in Excel
    if (events.length) void Promise.resolve().then(() => events.forEach(([s, a]) => this.wb.fire(s, a, true)));
    if (!failure && bytes > this.wb.responseLimit) {
      const e = new Error(`RequestPayloadSizeLimitExceeded: the response is ${bytes} bytes`) as Error & { code: string };
      e.code = "RequestPayloadSizeLimitExceeded";
      failure = e;
    }
    if (failure) throw failure;
    await Promise.resolve();
  }
  trackedObjects = { add() {}, remove() {} };
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }
  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
      this.data.name = this.ctx.wb.name;
      this.ctx.respond(this.ctx.wb.name);
    });
    return this;
  }
  get name(): string {
    return this.read("name");
  }
  insertWorksheetsFromBase64(base64: string, _opts?: unknown): { value: string[] } {
    const result = { value: [] as string[] };
    this.ctx.enqueue(() => {
      // not undoable: it clears the user's undo stack (excel-add-ins-undo-capabilities, unsupported APIs)
      this.ctx.wb.undoStack = [];
      this.ctx.wb.inserted.push(base64);
      // the test decides what the template holds: FakeWorkbook.onInsert builds the sheet
      const made = (this.ctx.wb as FakeWorkbook & { onInsert?: (b64: string) => FakeSheet[] }).onInsert?.(base64) ?? [];
      result.value = made.map((s) => s.id);
    });
    return result;
  }
}

class WorksheetCollectionProxy extends Proxy {
  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
      this.data.items = this.ctx.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s, false);
        p.fill(s);
        return p;
      });
      this.ctx.respond(this.ctx.wb.sheets.map((s) => [s.id, s.name, s.visibility]));
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    return this.read("items");
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      () => {
        const s = this.ctx.wb.findSheet(key);
        if (!s) throw new Error(`ItemNotFound: worksheet ${key}`);
        return s;
      },
      false,
    );
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.findSheet(this.ctx.wb.activeId) ?? null, false);
  }
}

class WorksheetProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet | null,
    private nullable: boolean,
  ) {
    super(ctx);
  }
  fill(s: FakeSheet | null): void {
    this.data.isNullObject = s === null;
    if (s) Object.assign(this.data, { id: s.id, name: s.name, visibility: s.visibility });
  }
  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (!s && !this.nullable) throw new Error("ItemNotFound: worksheet");
      this.fill(s);
      this.ctx.respond(s ? [s.id, s.name] : null);
    });
    return this;
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, this.resolve, (s) => s.usedBounds(), true);
  }
  /** getRange() without an address is the whole sheet (Worksheet.getRange, address optional) */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      this.resolve,
      () => (address === undefined ? { top: 0, left: 0, bottom: 1048575, right: 16383 } : parseBounds(address)),
      false,
    );
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, this.resolve, () => ({ top: r, left: c, bottom: r + rows - 1, right: c + cols - 1 }), false);
  }
  get notes(): NoteCollectionProxy {
    if (!this.ctx.wb.notesApi) throw new TypeError("Cannot read properties of undefined (notes needs ExcelApi 1.18)");
    return new NoteCollectionProxy(this.ctx, this.resolve);
  }
  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (s) this.ctx.wb.activeId = s.id;
    });
  }
  get onChanged() {
    return {
      add: (handler: (ev: ChangeEvent) => Promise<unknown>) => {
        let sheet: FakeSheet | null = null;
        this.ctx.enqueue(() => {
          sheet = this.resolve();
          sheet?.handlers.add(handler);
        });
        return { context: this.ctx, remove: () => sheet?.handlers.delete(handler) };
      },
    };
  }
}

class RangeProxy extends Proxy {
  readonly format: { fill: { color: string; clear(): void } };
  constructor(
    ctx: FakeContext,
    private sheetOf: () => FakeSheet | null,
    private boundsOf: (s: FakeSheet) => Bounds | null,
    private nullable: boolean,
  ) {
    super(ctx);
    const self = this;
    this.format = {
      fill: {
        set color(c: string) {
          self.each((s, r, col) => {
            const cell = s.get(r, col) ?? { v: "" };
            s.set(r, col, {
              ...cell,
              fill: { color: c, pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 },
            });
            self.touch(s, r, col, "fill");
          });
        },
        get color(): string {
          throw new Error("not modelled");
        },
        clear() {
          self.each((s, r, col) => {
            const cell = s.get(r, col);
            if (cell) {
              const { fill: _drop, ...rest } = cell;
              s.set(r, col, rest as FakeCell);
            }
            self.touch(s, r, col, "fill");
          });
        },
      },
    };
  }
  private target(): { s: FakeSheet; b: Bounds } | null {
    const s = this.sheetOf();
    if (!s) return null;
    const b = this.boundsOf(s);
    return b ? { s, b } : null;
  }
  private touch(s: FakeSheet, r: number, c: number, what: TouchRecord["what"]) {
    this.ctx.wb.touched.push({ sheet: s.name, cell: a1(r, c), what });
  }
  /** queue a write over every cell; on a null object it fails the batch (see the header) */
  private each(fn: (s: FakeSheet, r: number, c: number, i: number, j: number) => void, after?: (s: FakeSheet, b: Bounds) => void) {
    this.ctx.enqueue(() => {
      const t = this.target();
      if (!t) {
        if (this.nullable) throw new Error("InvalidArgument: the range is a null object (check isNullObject first)");
        throw new Error("ItemNotFound: range");
      }
      for (let r = t.b.top; r <= t.b.bottom; r++) for (let c = t.b.left; c <= t.b.right; c++) fn(t.s, r, c, r - t.b.top, c - t.b.left);
      after?.(t.s, t.b);
    }, true);
  }
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(() => {
      const t = this.target();
      this.data.isNullObject = t === null;
      if (!t) {
        if (!this.nullable) throw new Error("ItemNotFound: range");
        return;
      }
      const { s, b } = t;
      const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] => {
        const out: T[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const line: T[] = [];
          for (let c = b.left; c <= b.right; c++) line.push(f(s.get(r, c)));
          out.push(line);
        }
        return out;
      };
      const all: Record<string, () => unknown> = {
        address: () => `${sheetRef(s.name)}!${boundsAddress(b)}`,
        rowIndex: () => b.top,
        columnIndex: () => b.left,
        rowCount: () => b.bottom - b.top + 1,
        columnCount: () => b.right - b.left + 1,
        values: () => grid((c) => (c ? c.v : "")),
        valueTypes: () =>
          grid((c) =>
            !c || (c.v === "" && !c.formula)
              ? "Empty"
              : c.error
                ? "Error"
                : typeof c.v === "number"
                  ? "Double"
                  : typeof c.v === "boolean"
                    ? "Boolean"
                    : "String",
          ),
        numberFormat: () => grid((c) => c?.numFmt ?? "General"),
        formulas: () => grid((c) => (c?.formula ? `=${c.formula}` : c ? c.v : "")),
      };
      for (const p of list) {
        if (!all[p]) throw new Error(`fake: property ${p} not modelled`);
        this.data[p] = all[p]();
        this.ctx.respond(this.data[p]);
      }
    });
    return this;
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.each(
      (s, r, c, i, j) => {
        const x = v[i][j] as number | string | boolean;
        const keep = kept(s.get(r, c));
        // as Excel does: text that reads as a number becomes one, unless the cell's format is Text (@)
        const num = typeof x === "string" && keep.numFmt !== "@" ? /^(-?\d+(?:\.(\d+))?)(%?)$/.exec(x) : null;
        if (typeof x === "string" && x.startsWith("=")) s.set(r, c, { ...keep, v: 0, formula: x.slice(1) });
        else if (num && num[3])
          s.set(r, c, { ...keep, v: Number(num[1]) / 100, numFmt: num[2] ? `0.${"0".repeat(num[2].length)}%` : "0%" });
        else if (num) s.set(r, c, { ...keep, v: Number(num[1]) });
        else s.set(r, c, { ...keep, v: x ?? "" });
        this.touch(s, r, c, "value");
      },
      (s, b) => this.ctx.changed(s, boundsAddress(b)),
    );
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.each((s, r, c, i, j) => {
      const f = String(v[i][j]);
      const { numFmt: _old, ...rest } = s.get(r, c) ?? { v: "" };
      s.set(r, c, f === "General" ? (rest as FakeCell) : { ...rest, numFmt: f });
      this.touch(s, r, c, "format");
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.each(
      (s, r, c, i, j) => {
        const x = v[i][j] as number | string | boolean;
        const keep = kept(s.get(r, c));
        if (typeof x === "string" && x.startsWith("=")) s.set(r, c, { ...keep, v: 0, formula: x.slice(1) });
        else s.set(r, c, { ...keep, v: typeof x === "string" && x !== "" && !isNaN(Number(x)) ? Number(x) : (x ?? "") });
        this.touch(s, r, c, "formula");
      },
      (s, b) => this.ctx.changed(s, boundsAddress(b)),
    );
  }
  getCellProperties(_spec: unknown): { value: { format: { fill: Record<string, unknown> } }[][] } {
    const result = { value: [] as { format: { fill: Record<string, unknown> } }[][] };
    this.ctx.enqueue(() => {
      const t = this.target();
      if (!t) throw new Error("ItemNotFound: range");
      for (let r = t.b.top; r <= t.b.bottom; r++) {
        const line = [];
        for (let c = t.b.left; c <= t.b.right; c++) line.push({ format: { fill: reportedFill(t.s.get(r, c)?.fill) } });
        result.value.push(line);
      }
      this.ctx.respond(result.value);
    });
    return result;
  }
  setCellProperties(props: { format?: { fill?: Partial<Fill> } }[][]): void {
    this.each((s, r, c, i, j) => {
      const f = props[i][j].format?.fill;
      if (!f) return;
      if (f.pattern === null || (f as Record<string, unknown>).tintAndShade === null)
        throw new Error("InvalidArgument: null is not a fill value");
      if (f.pattern && /Gradient/.test(f.pattern))
        throw new Error(`InvalidArgument: pattern ${f.pattern} cannot be set (no gradient stops in the API)`);
      const cell = s.get(r, c) ?? { v: "" };
      const { fill: _old, ...rest } = cell;
      s.set(r, c, f.pattern === "None" ? (rest as FakeCell) : { ...rest, fill: { ...NO_FILL, pattern: "Solid", ...f } as Fill });
      this.touch(s, r, c, "fill");
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const t = this.target();
      // a method on a null object (an empty sheet's used range) fails the batch (see the header)
      if (!t && this.nullable) throw new Error("InvalidArgument: getMergedAreasOrNullObject on a null object (check isNullObject first)");
      if (!t) return null;
      const hits = t.s.merges.filter((m) => {
        const mb = parseBounds(m);
        return !(mb.bottom < t.b.top || mb.top > t.b.bottom || mb.right < t.b.left || mb.left > t.b.right);
      });
      return hits.length ? hits.map((m) => `${sheetRef(t.s.name)}!${m}`) : null;
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const t = this.target();
      if (!t) throw new Error("ItemNotFound: range");
      this.ctx.wb.selected = { sheet: t.s.name, address: boundsAddress(t.b) };
    });
  }
}

class RangeAreasProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private resolve: () => string[] | null,
  ) {
    super(ctx);
  }
  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
      const areas = this.resolve();
      this.data.isNullObject = areas === null;
      this.data.areas = { items: (areas ?? []).map((address) => ({ address })) };
      this.ctx.respond(areas);
    });
    return this;
  }
  get areas(): { items: { address: string }[] } {
    return this.read("areas");
  }
}

class NoteCollectionProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private sheetOf: () => FakeSheet | null,
  ) {
    super(ctx);
  }
  load(props?: string): this {
    this.ctx.enqueue(() => {
      // loading "items" (every property) includes visible/width/height: fails on the web (issue 6198)
      const wanted = (props ?? "items").split(",").map((p) => p.trim().replace(/^items\/?/, ""));
      if (this.ctx.wb.platform === "OfficeOnline" && wanted.some((p) => p === "" || ["visible", "width", "height"].includes(p))) {
        throw new Error("ApiNotFound: Note.visible/width/height are not supported in Excel on the web");
      }
      const s = this.sheetOf();
      this.data.items = s ? [...s.notes.values()].map((n) => ({ ...n })) : [];
      this.ctx.respond(this.data.items);
    });
    return this;
  }
  get items(): FakeNote[] {
    return this.read("items");
  }
  getItemOrNullObject(cell: string): NoteProxy {
    return new NoteProxy(this.ctx, this.sheetOf, cell, true);
  }
  getItem(cell: string): NoteProxy {
    return new NoteProxy(this.ctx, this.sheetOf, cell, false);
  }
  add(cell: string, content: string): NoteProxy {
    this.ctx.enqueue(
      () => {
        const s = this.sheetOf();
        if (!s) throw new Error("ItemNotFound: worksheet");
        if (s.notes.has(cell)) throw new Error(`InvalidArgument: ${cell} already has a note`);
        s.notes.set(cell, { content, visible: false, width: 144, height: 80 });
        this.ctx.wb.touched.push({ sheet: s.name, cell, what: "note" });
      },
      true,
      true,
    );
    return new NoteProxy(this.ctx, this.sheetOf, cell, false);
  }
}

class NoteProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private sheetOf: () => FakeSheet | null,
    private cell: string,
    private nullable: boolean,
  ) {
    super(ctx);
  }
  private note(): FakeNote | null {
    return this.sheetOf()?.notes.get(this.cell) ?? null;
  }
  /** on the web these fail the batch (office-js issue 6198) */
  private webUnsupported(prop: string) {
    if (this.ctx.wb.platform === "OfficeOnline" && ["visible", "width", "height"].includes(prop)) {
      throw new Error(`ApiNotFound: Note.${prop} is not supported in Excel on the web`);
    }
  }
  /** the note, or a failed batch: a method on a null object (see the header) */
  private existing(): FakeNote {
    const n = this.note();
    if (!n) throw new Error(this.nullable ? "InvalidArgument: the note is a null object (check isNullObject first)" : "ItemNotFound: note");
    return n;
  }
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "content,visible,width,height").split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(() => {
      for (const p of list) this.webUnsupported(p);
      const n = this.note();
      if (!n && !this.nullable) throw new Error("ItemNotFound: note");
      this.data.isNullObject = n === null;
      const out: Record<string, unknown> = {};
      if (n) for (const p of list) out[p] = (n as unknown as Record<string, unknown>)[p];
      Object.assign(this.data, out);
      this.ctx.respond(n ? out : null);
    });
    return this;
  }
  get content(): string {
    return this.read("content");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  get width(): number {
    return this.read("width");
  }
  get height(): number {
    return this.read("height");
  }
  private setProp(k: keyof FakeNote, v: unknown) {
    this.ctx.enqueue(
      () => {
        this.webUnsupported(k);
        (this.existing() as unknown as Record<string, unknown>)[k] = v;
      },
      true,
      true,
    );
  }
  set visible(v: boolean) {
    this.setProp("visible", v);
  }
  set width(v: number) {
    this.setProp("width", v);
  }
  set height(v: number) {
    this.setProp("height", v);
  }
  /** deleting a note that is not there fails the batch (a null object's method, or ItemNotFound) */
  delete(): void {
    this.ctx.enqueue(
      () => {
        this.existing();
        const s = this.sheetOf()!;
        s.notes.delete(this.cell);
        this.ctx.wb.touched.push({ sheet: s.name, cell: this.cell, what: "note" });
      },
      true,
      true,
    );
  }
}
