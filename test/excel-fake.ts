/**
 * A small stand-in for Excel's JavaScript API, enough for src/excel/: worksheets, ranges,
 * cell properties (fills), merged areas, notes, change events — with Office.js's batch
 * semantics, which office-addin-mock does not model: commands are queued on proxies and run
 * in order at context.sync(); loaded properties can be read only after that sync; a load
 * queued before a write returns the cell as it was; a failing command drops the rest of the
 * batch (the commands before it stay done, as in Excel). Every sync, every cell a command
 * touches, and the size of every response are recorded, so tests can count them.
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
  /** JSON size (UTF-8 bytes) of each sync's response */
  responseBytes: number[] = [];
  touched: TouchRecord[] = [];
  selected: { sheet: string; address: string } | null = null;
  /** Excel 1.14+ says which change events the add-in caused (triggerSource) */
  reportsTriggerSource = true;
  /** ExcelApi 1.18 notes available */
  notesApi = true;
  /** Excel on the web's response limit: a sync whose response is bigger fails */
  responseLimit = Infinity;
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

  /** Excel.run */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  /** A person types into a cell: the value changes and the sheet's change handlers hear of it. */
  userEdit(sheetName: string, address: string, value: number | string): void {
    const s = this.sheet(sheetName);
    const p = parseAddress(address)!;
    s.set(p.row, p.col, { ...kept(s.get(p.row, p.col)), v: value });
    this.fire(s, address, false);
  }

  fire(s: FakeSheet, address: string, byAddin: boolean): void {
    const ev: ChangeEvent = {
      address,
      worksheetId: s.id,
      changeType: "RangeEdited",
      source: "Local",
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

class FakeContext {
  private queue: (() => void)[] = [];
  private pendingEvents: [FakeSheet, string][] = [];
  private response: unknown[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(cmd: () => void): void {
    this.queue.push(cmd);
  }
  respond(x: unknown): void {
    this.response.push(x);
  }
  changed(sheet: FakeSheet, address: string): void {
    this.pendingEvents.push([sheet, address]);
  }
  async sync(): Promise<void> {
    this.wb.syncs++;
    const cmds = this.queue;
    this.queue = [];
    this.response = [];
    let failure: unknown = null;
    for (const cmd of cmds) {
      try {
        cmd();
      } catch (e) {
        failure = e;
        break;
      }
    }
    const bytes = Buffer.byteLength(JSON.stringify(this.response));
    this.wb.responseBytes.push(bytes);
    const events = this.pendingEvents;
    this.pendingEvents = [];
    // change events reach handlers after the batch, asynchronously, as in Excel
    if (events.length) void Promise.resolve().then(() => events.forEach(([s, a]) => this.wb.fire(s, a, true)));
    if (!failure && bytes > this.wb.responseLimit) failure = new Error(`RequestPayloadSizeLimitExceeded: ${bytes} bytes`);
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
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, this.resolve, () => parseBounds(address), false);
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
  /** queue a command over every cell (a no-op on a null object) */
  private each(fn: (s: FakeSheet, r: number, c: number, i: number, j: number) => void, after?: (s: FakeSheet, b: Bounds) => void) {
    this.ctx.enqueue(() => {
      const t = this.target();
      if (!t) {
        if (this.nullable) return;
        throw new Error("ItemNotFound: range");
      }
      for (let r = t.b.top; r <= t.b.bottom; r++) for (let c = t.b.left; c <= t.b.right; c++) fn(t.s, r, c, r - t.b.top, c - t.b.left);
      after?.(t.s, t.b);
    });
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
  getCellProperties(_spec: unknown): { value: { format: { fill: Fill } }[][] } {
    const result = { value: [] as { format: { fill: Fill } }[][] };
    this.ctx.enqueue(() => {
      const t = this.target();
      if (!t) throw new Error("ItemNotFound: range");
      for (let r = t.b.top; r <= t.b.bottom; r++) {
        const line = [];
        for (let c = t.b.left; c <= t.b.right; c++) line.push({ format: { fill: { ...(t.s.get(r, c)?.fill ?? NO_FILL) } } });
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
      const cell = s.get(r, c) ?? { v: "" };
      const { fill: _old, ...rest } = cell;
      s.set(r, c, f.pattern === "None" ? (rest as FakeCell) : { ...rest, fill: { ...NO_FILL, pattern: "Solid", ...f } as Fill });
      this.touch(s, r, c, "fill");
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const t = this.target();
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
  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
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
    return new NoteProxy(this.ctx, this.sheetOf, cell);
  }
  add(cell: string, content: string): NoteProxy {
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      if (!s) throw new Error("ItemNotFound: worksheet");
      if (s.notes.has(cell)) throw new Error(`InvalidArgument: ${cell} already has a note`);
      s.notes.set(cell, { content, visible: false, width: 144, height: 80 });
      this.ctx.wb.touched.push({ sheet: s.name, cell, what: "note" });
    });
    return new NoteProxy(this.ctx, this.sheetOf, cell);
  }
}

class NoteProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private sheetOf: () => FakeSheet | null,
    private cell: string,
  ) {
    super(ctx);
  }
  private note(): FakeNote | null {
    return this.sheetOf()?.notes.get(this.cell) ?? null;
  }
  load(_props?: unknown): this {
    this.ctx.enqueue(() => {
      const n = this.note();
      this.data.isNullObject = n === null;
      if (n) Object.assign(this.data, n);
      this.ctx.respond(n);
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
    this.ctx.enqueue(() => {
      const n = this.note();
      if (n) (n as unknown as Record<string, unknown>)[k] = v;
    });
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
  /** deleting a null object is a no-op, as with Office.js's *OrNullObject proxies */
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      if (s && s.notes.delete(this.cell)) this.ctx.wb.touched.push({ sheet: s.name, cell: this.cell, what: "note" });
    });
  }
}
