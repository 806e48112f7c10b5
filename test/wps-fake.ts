/**
 * A fake of WPS 表格's (ET's) object model: the members src/wps/et.ts declares, behaving as WPS's
 * documentation says (WPS 开放平台 · WPS 加载项 · 电子表格 API — it follows Excel's VBA object model
 * member for member, so where WPS's pages are silent the behaviour is Excel VBA's, cited by its
 * learn.microsoft.com page under office/vba/api/):
 *
 * - Range.Value2 (excel.range.value2): one cell → its value; several → a 2-D array [row][col];
 *   merged cells other than the top-left read empty; dates are serial numbers. Assigning a 2-D
 *   array fills the range; assigning text is read as typed (a number or "35%" becomes a number)
 *   unless the cell's format is Text ("@").
 * - Range.Formula (excel.range.formula): "=…" for a formula cell, else the constant as text.
 * - Range.NumberFormat (excel.range.numberformat): "returns Null if all cells in the specified range
 *   don't have the same number format". WPS in Chinese spells General "G/通用格式".
 * - Range.MergeCells (excel.range.mergecells): True/False, Null when the range mixes both.
 * - Interior.Color / ColorIndex / Pattern (excel.interior.color, excel.interior.colorindex): a cell
 *   with no fill reports Color 16777215 — the same as white — and ColorIndex xlColorIndexNone
 *   (−4142); Pattern xlPatternNone (−4142). Setting Color makes a solid fill.
 * - Range.AddComment (excel.range.addcomment): "an error occurs if the range already has a comment";
 *   Range.Comment is Nothing (null) without one; Comment.Text(Text) with Start omitted replaces
 *   the text (excel.comment.text); Comment.Delete.
 * - Worksheet.UsedRange: the smallest rectangle holding every cell with content or a fill/note.
 * - Every property access counts as one call into WPS (calls), so tests can hold the host to
 *   whole-range reads; writes made while ScreenUpdating is true are counted (writesWhileUpdating).
 * - wps.ApiEvent "SheetChange" fires after each write of a value or formula, also for the add-in's
 *   own writes (as Worksheet_Change does for VBA writes).
 */
import type { EtApplication, EtComment, EtInterior, EtRange, EtSheets, EtWorkbook, EtWorksheet, WpsGlobal } from "../src/wps/et";

export const NO_FILL = -4142;
const WHITE = 16777215;

interface FakeCell {
  value: unknown;
  formula?: string;
  numberFormat: string;
  fill: { pattern: number; color: number; patternColor: number; tintAndShade: number } | null;
  comment: string | null;
}

export interface FakeCallLog {
  calls: number;
  /** property reads of a multi-cell range's Value2 / Formula / NumberFormat / MergeCells */
  bulkReads: number;
  /** the same on a single cell */
  cellReads: number;
  writes: number;
  writesWhileUpdating: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function colLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function parseRef(ref: string): { r1: number; c1: number; r2: number; c2: number } {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const p = /^([A-Z]+)(\d+)$/i.exec(a);
  const q = /^([A-Z]+)(\d+)$/i.exec(b ?? a);
  if (!p || !q) throw new Error(`Range("${ref}"): 方法 'Range' 作用于对象 '_Worksheet' 时失败`);
  const r1 = Number(p[2]),
    c1 = colNumber(p[1]),
    r2 = Number(q[2]),
    c2 = colNumber(q[1]);
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** What typing a text into a General cell gives: a number for "12", "3.5", "35%", else the text. */
function typed(v: unknown, format: string): unknown {
  if (typeof v !== "string" || format === "@") return v === undefined ? null : v;
  const m = /^\s*(-?\d+(?:\.\d+)?)(%?)\s*$/.exec(v);
  if (!m) return v === "" ? null : v;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

export class FakeSheet implements EtWorksheet {
  readonly cells = new Map<string, FakeCell>();
  merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
  Visible = -1;
  constructor(
    readonly book: FakeBook,
    public Name: string,
  ) {}

  cellAt(r: number, c: number, create = false): FakeCell | undefined {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell && create) {
      cell = { value: null, numberFormat: "G/通用格式", fill: null, comment: null };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Test set-up: put values (and formats) in without counting calls. */
  put(ref: string, value: unknown, numberFormat?: string): void {
    const { r1, c1 } = parseRef(ref);
    const cell = this.cellAt(r1, c1, true)!;
    if (typeof value === "string" && value.startsWith("=")) cell.formula = value;
    else cell.value = value;
    if (numberFormat) cell.numberFormat = numberFormat;
  }

  mergeAt(r: number, c: number) {
    return this.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  }

  get UsedRange(): EtRange {
    this.book.app.log.calls++;
    let r1 = Infinity,
      c1 = Infinity,
      r2 = 0,
      c2 = 0;
    for (const [k, cell] of this.cells) {
      if (cell.value === null && !cell.formula && !cell.fill && cell.comment === null && cell.numberFormat === "G/通用格式") continue;
      const [r, c] = k.split(",").map(Number);
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    for (const m of this.merges) {
      r1 = Math.min(r1, m.r1);
      c1 = Math.min(c1, m.c1);
      r2 = Math.max(r2, m.r2);
      c2 = Math.max(c2, m.c2);
    }
    if (r2 === 0) return new FakeRange(this, 1, 1, 1, 1);
    return new FakeRange(this, r1, c1, r2, c2);
  }
  Range(address: string): EtRange {
    this.book.app.log.calls++;
    const { r1, c1, r2, c2 } = parseRef(address);
    return new FakeRange(this, r1, c1, r2, c2);
  }
  Cells(row: number, col: number): EtRange {
    this.book.app.log.calls++;
    return new FakeRange(this, row, col, row, col);
  }
  Activate(): void {
    this.book.app.log.calls++;
    this.book.app.activeSheet = this;
  }
}

class FakeInterior implements EtInterior {
  constructor(private readonly range: FakeRange) {}
  private cell(): FakeCell {
    return this.range.single(true)!;
  }
  get Color(): number {
    this.range.count("read");
    return this.cell().fill?.color ?? WHITE;
  }
  set Color(v: number) {
    this.range.count("write");
    const c = this.cell();
    c.fill = { pattern: 1, color: v, patternColor: c.fill?.patternColor ?? 0, tintAndShade: c.fill?.tintAndShade ?? 0 };
  }
  get ColorIndex(): number {
    this.range.count("read");
    return this.cell().fill ? 1 : NO_FILL;
  }
  set ColorIndex(v: number) {
    this.range.count("write");
    if (v === NO_FILL) this.cell().fill = null;
    else throw new Error("the fake only sets ColorIndex to xlColorIndexNone");
  }
  get Pattern(): number {
    this.range.count("read");
    return this.cell().fill?.pattern ?? NO_FILL;
  }
  set Pattern(v: number) {
    this.range.count("write");
    const c = this.cell();
    if (v === NO_FILL) c.fill = null;
    else
      c.fill = {
        pattern: v,
        color: c.fill?.color ?? WHITE,
        patternColor: c.fill?.patternColor ?? 0,
        tintAndShade: c.fill?.tintAndShade ?? 0,
      };
  }
  get TintAndShade(): number {
    this.range.count("read");
    return this.cell().fill?.tintAndShade ?? 0;
  }
  set TintAndShade(v: number) {
    this.range.count("write");
    const c = this.cell();
    if (c.fill) c.fill.tintAndShade = v;
  }
  get PatternColor(): number {
    this.range.count("read");
    return this.cell().fill?.patternColor ?? 0;
  }
  set PatternColor(v: number) {
    this.range.count("write");
    const c = this.cell();
    if (c.fill) c.fill.patternColor = v;
  }
}

class FakeComment implements EtComment {
  constructor(private readonly range: FakeRange) {}
  Text(text?: string): string {
    const cell = this.range.single(true)!;
    if (text === undefined) {
      this.range.count("read");
      return cell.comment ?? "";
    }
    this.range.count("write");
    cell.comment = text;
    return text;
  }
  Delete(): void {
    this.range.count("write");
    this.range.single(true)!.comment = null;
  }
}

export class FakeRange implements EtRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly r1: number,
    readonly c1: number,
    readonly r2: number,
    readonly c2: number,
  ) {}
  private get app() {
    return this.sheet.book.app;
  }
  count(kind: "read" | "write", bulk = false): void {
    const log = this.app.log;
    log.calls++;
    if (kind === "write") {
      log.writes++;
      if (this.app.ScreenUpdating) log.writesWhileUpdating++;
    } else if (bulk && !this.isSingle()) log.bulkReads++;
    else if (bulk) log.cellReads++;
  }
  isSingle(): boolean {
    return this.r1 === this.r2 && this.c1 === this.c2;
  }
  single(create = false): FakeCell | undefined {
    if (!this.isSingle()) throw new Error("this member works on one cell in the fake");
    return this.sheet.cellAt(this.r1, this.c1, create);
  }
  private each<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.r1; r <= this.r2; r++) {
      const row: T[] = [];
      for (let c = this.c1; c <= this.c2; c++) row.push(fn(r, c));
      out.push(row);
    }
    return out;
  }
  private covered(r: number, c: number): boolean {
    const m = this.sheet.mergeAt(r, c);
    return !!m && (m.r1 !== r || m.c1 !== c);
  }
  get Row() {
    this.app.log.calls++;
    return this.r1;
  }
  get Column() {
    this.app.log.calls++;
    return this.c1;
  }
  get Rows() {
    this.app.log.calls++;
    return { Count: this.r2 - this.r1 + 1 };
  }
  get Columns() {
    this.app.log.calls++;
    return { Count: this.c2 - this.c1 + 1 };
  }
  Address(): string {
    this.app.log.calls++;
    const a = `$${colLetters(this.c1)}$${this.r1}`;
    return this.isSingle() ? a : `${a}:$${colLetters(this.c2)}$${this.r2}`;
  }
  get Value2(): unknown {
    this.count("read", true);
    const m = this.each((r, c) => (this.covered(r, c) ? null : (this.sheet.cellAt(r, c)?.value ?? null)));
    return this.isSingle() ? m[0][0] : m;
  }
  set Value2(v: unknown) {
    this.count("write");
    this.each((r, c) => {
      const cell = this.sheet.cellAt(r, c, true)!;
      const x = Array.isArray(v) ? (v[r - this.r1]?.[c - this.c1] ?? null) : v;
      delete cell.formula;
      cell.value = typed(x, cell.numberFormat);
    });
    this.app.fire("SheetChange", this.sheet, this);
  }
  get Formula(): unknown {
    this.count("read", true);
    const m = this.each((r, c) => {
      const cell = this.sheet.cellAt(r, c);
      if (!cell || this.covered(r, c)) return "";
      return cell.formula ?? (cell.value === null ? "" : String(cell.value));
    });
    return this.isSingle() ? m[0][0] : m;
  }
  set Formula(v: unknown) {
    this.count("write");
    this.each((r, c) => {
      const cell = this.sheet.cellAt(r, c, true)!;
      const x = Array.isArray(v) ? v[r - this.r1]?.[c - this.c1] : v;
      if (typeof x === "string" && x.startsWith("=")) {
        cell.formula = x;
        cell.value = null; // the fake does not calculate
      } else {
        delete cell.formula;
        cell.value = typed(x, cell.numberFormat);
      }
    });
    this.app.fire("SheetChange", this.sheet, this);
  }
  get NumberFormat(): string | null {
    this.count("read", true);
    const formats = new Set(this.each((r, c) => this.sheet.cellAt(r, c)?.numberFormat ?? "G/通用格式").flat());
    return formats.size === 1 ? [...formats][0] : null;
  }
  set NumberFormat(v: string | null) {
    this.count("write");
    this.each((r, c) => (this.sheet.cellAt(r, c, true)!.numberFormat = v ?? "G/通用格式"));
  }
  get MergeCells(): boolean | null {
    this.count("read", true);
    const flags = new Set(this.each((r, c) => !!this.sheet.mergeAt(r, c)).flat());
    return flags.size === 1 ? [...flags][0] : null;
  }
  get MergeArea(): EtRange {
    this.app.log.calls++;
    const m = this.sheet.mergeAt(this.r1, this.c1);
    return m ? new FakeRange(this.sheet, m.r1, m.c1, m.r2, m.c2) : new FakeRange(this.sheet, this.r1, this.c1, this.r1, this.c1);
  }
  get Interior(): EtInterior {
    this.app.log.calls++;
    return new FakeInterior(this);
  }
  get Comment(): EtComment | null {
    this.count("read");
    return this.single()?.comment != null ? new FakeComment(this) : null;
  }
  AddComment(text: string): EtComment {
    this.count("write");
    const cell = this.single(true)!;
    if (cell.comment !== null) throw new Error("运行时错误 1004：应用程序定义或对象定义错误（单元格已有批注）");
    cell.comment = text;
    return new FakeComment(this);
  }
  Cells(row: number, col: number): EtRange {
    this.app.log.calls++;
    return new FakeRange(this.sheet, this.r1 + row - 1, this.c1 + col - 1, this.r1 + row - 1, this.c1 + col - 1);
  }
  Select(): void {
    this.app.log.calls++;
    this.app.selection = `${this.sheet.Name}!${this.Address().replace(/\$/g, "")}`;
  }
  Merge(): void {
    this.count("write");
    this.sheet.merges.push({ r1: this.r1, c1: this.c1, r2: this.r2, c2: this.c2 });
  }
}

export class FakeBook implements EtWorkbook {
  readonly sheets: FakeSheet[] = [];
  constructor(
    readonly app: FakeApp,
    public Name: string,
  ) {}
  get Worksheets(): EtSheets {
    const book = this;
    return {
      get Count() {
        book.app.log.calls++;
        return book.sheets.length;
      },
      Item(i: number | string) {
        book.app.log.calls++;
        const s = typeof i === "number" ? book.sheets[i - 1] : book.sheets.find((x) => x.Name === i);
        if (!s) throw new Error("下标越界");
        return s;
      },
      Add(_before?: EtWorksheet | null, after?: EtWorksheet | null) {
        book.app.log.calls++;
        let n = book.sheets.length + 1;
        while (book.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
        const s = new FakeSheet(book, `Sheet${n}`);
        const at = after ? book.sheets.indexOf(after as FakeSheet) + 1 : book.sheets.length;
        book.sheets.splice(at, 0, s);
        return s;
      },
    };
  }
  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(this, name);
    this.sheets.push(s);
    return s;
  }
}

export class FakeApp implements EtApplication {
  log: FakeCallLog = { calls: 0, bulkReads: 0, cellReads: 0, writes: 0, writesWhileUpdating: 0 };
  book: FakeBook | null;
  activeSheet: FakeSheet | null = null;
  selection: string | null = null;
  ScreenUpdating = true;
  Version = "12.1.0.20540";
  private listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  constructor(bookName = "分工表.et") {
    this.book = new FakeBook(this, bookName);
  }
  get ActiveWorkbook() {
    return this.book;
  }
  get ActiveSheet() {
    return this.activeSheet ?? this.book?.sheets[0] ?? null;
  }
  resetLog(): void {
    this.log = { calls: 0, bulkReads: 0, cellReads: 0, writes: 0, writesWhileUpdating: 0 };
  }
  fire(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  /** the add-in global `wps` over this application */
  wps(extra: Partial<WpsGlobal> = {}): WpsGlobal {
    return {
      EtApplication: () => this,
      ApiEvent: {
        AddApiEventListener: (e, h) => void (this.listeners.get(e) ?? this.listeners.set(e, new Set()).get(e)!).add(h),
        RemoveApiEventListener: (e, h) => void this.listeners.get(e)?.delete(h),
      },
      ...extra,
    };
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}

const ERROR_CODES: Record<string, number> = {
  "#NULL!": 2000,
  "#DIV/0!": 2007,
  "#VALUE!": 2015,
  "#REF!": 2023,
  "#NAME?": 2029,
  "#NUM!": 2036,
  "#N/A": 2042,
};
/** An Excel error reaches JavaScript as a COM Variant error: 0x800A0000 + the xlErr code, signed. */
export function toVariant(v: unknown): unknown {
  if (v && typeof v === "object" && "error" in v) return (0x800a0000 | 0) + (ERROR_CODES[(v as { error: string }).error] ?? 2015);
  return v === undefined ? null : v;
}

/** A fake application whose workbook holds `data`'s sheets (values, formats, merges, notes). */
export function fakeFromData(data: {
  sheets: { name: string; cells: ({ v: unknown; numFmt?: string; formula?: string } | undefined)[][]; merges: string[] }[];
}): FakeApp {
  const app = new FakeApp();
  for (const s of data.sheets) {
    const sheet = app.book!.addSheet(s.name);
    s.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const fc = sheet.cellAt(r + 1, c + 1, true)!;
        fc.value = toVariant(cell.v);
        if (cell.formula) fc.formula = "=" + cell.formula;
        if (cell.numFmt && cell.numFmt !== "General") fc.numberFormat = cell.numFmt;
      }),
    );
    sheet.merges = s.merges.map(parseRef);
  }
  return app;
}
