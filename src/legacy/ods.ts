/**
 * OpenDocument spreadsheet (.ods, LibreOffice / WPS / Excel "OpenDocument") → WorkbookData, cell
 * for cell as src/xlsx/read.ts gives an .xlsx. [OpenDocument v1.3 part 3 §9.1]: table:table →
 * table-row → table-cell with office:value-type and its office:*-value; text from direct text:p
 * children (several → lines joined with "\n", text:s spaces, text:line-break, text:tab);
 * number-columns/rows-repeated expanded only where the cell or row holds something (an empty
 * repeat of a million rows costs nothing); covered-table-cell → holes; spans → merges; formulas
 * keep their cached value. Text of notes (office:annotation) and shapes is never cell text.
 */
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData } from "../model/types";
import { columnLetter } from "../model/sheet";
import { LegacyReadError } from "./errors";
import { FLAGS, NotCarried } from "./features";
import type { CellLook } from "./look";
import { tidy } from "./ods-look";
import { cellFormat, cellLook, emptyStyles, StyleCollector, type OdsStyles } from "./ods-styles";
import type { DefaultFont } from "./xlsx-styles";
import { punchMergeHoles } from "./merges";
import { isGeneral } from "../ooxml/numfmt";
import { canonicalPrefixes } from "./odf-names";
import { scanXml, XmlError, type XmlHandler } from "./xml-scan";
import { DEFAULT_LIMITS, readZip, ZipError, type ZipArchive } from "../ooxml/zip";

export interface OdsWorkbook {
  sheets: SheetData[];
  columnWidths: (number | undefined)[][];
  rowHeights: (number | undefined)[][];
  cellLooks: (CellLook | undefined)[][][];
  defaultFont: DefaultFont;
  date1904: boolean;
  notCarried: string[];
}

/** What the parts read may inflate to, together; a 分工表's content.xml is well under 1 MB. */
export const ODS_PART_LIMIT = 256 * 1024 * 1024;
/** Excel's sheet size: cells beyond it cannot go into the .xlsx copy. */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** cells materialised from repeats, at most: beyond this the table is not a 分工表 */
const CELL_BUDGET = 5_000_000;

const ODS_MIMETYPES = ["application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template"];

const fail = (why: string): never => {
  throw new LegacyReadError(why, "ods");
};

/** The zip layer's reason, under the "无法读取 .ods 文件：" lead; a budget passed names the part. */
function zipReason(e: unknown, part?: string): string {
  if (!(e instanceof ZipError)) return part ? `${part} 无法读取` : "压缩包损坏";
  return e.kind === "too-big" && part ? `${part} ${e.reason}` : e.reason;
}

/** Is this zip an OpenDocument spreadsheet? (its mimetype entry says so) */
export function isOdsPackage(bytes: Uint8Array): boolean {
  try {
    return isOdsArchive(readZip(bytes));
  } catch {
    return false;
  }
}

/** The same, on a zip directory already read (the format check reads it once for both questions). */
export function isOdsArchive(zip: ZipArchive): boolean {
  try {
    const mt = zip.entry("mimetype");
    if (!mt || mt.size > 200) return false;
    return ODS_MIMETYPES.includes((zip.text("mimetype") ?? "").trim());
  } catch {
    return false;
  }
}

export function readOdsWorkbook(bytes: Uint8Array, maxPartBytes = ODS_PART_LIMIT): OdsWorkbook {
  let zip: ZipArchive;
  try {
    zip = readZip(bytes, { maxInflated: maxPartBytes, maxEntries: DEFAULT_LIMITS.maxEntries });
  } catch (e) {
    return fail(zipReason(e));
  }
  const entries = zip.entries;
  // ODF part names are case-sensitive: the exact entry or none
  const part = (name: string): string | null => {
    if (!zip.has(name)) return null;
    try {
      return zip.text(name) ?? null;
    } catch (err) {
      return fail(zipReason(err, name));
    }
  };
  const manifest = part("META-INF/manifest.xml");
  if (manifest && manifest.includes("encryption-data")) {
    throw new LegacyReadError("文件设了打开密码（已加密），请在 LibreOffice 或 WPS 中取消密码后另存为 .xlsx 再试", "encrypted");
  }
  const content = part("content.xml");
  if (content === null) return fail("压缩包里没有 content.xml（不是电子表格文档）");
  const notCarried = new NotCarried();
  if (entries.some((e) => /^Basic\/[^/]+\/[^/]+\.xml$/.test(e.name) && !/\/(script|dialog)-lb\.xml$/.test(e.name)))
    notCarried.flag("宏（Basic）");
  if (entries.some((e) => e.name.startsWith("Scripts/"))) notCarried.flag("宏（脚本）");
  const styles = emptyStyles();
  const stylesXml = part("styles.xml");
  const settingsXml = part("settings.xml");
  try {
    if (stylesXml) scanXml(stylesXml, canonicalPrefixes(styleOnly(new StyleCollector(styles))));
    const reader = new ContentReader(styles, notCarried);
    // the frozen panes are view settings (ODF 1.3 part 3 §3.10): settings.xml, not content.xml
    if (settingsXml) scanXml(settingsXml, canonicalPrefixes(reader));
    scanXml(content, canonicalPrefixes(reader));
    return bookOf(reader, notCarried);
  } catch (e) {
    if (e instanceof XmlError) return fail(`content.xml 不是完整的 XML（${e.message}）`);
    throw e;
  }
}

/** What a ContentReader read, as the workbook the readers return. */
export function bookOf(reader: ContentReader, notCarried: NotCarried): OdsWorkbook {
  if (reader.sheets.length === 0) fail("文档里没有工作表");
  return {
    sheets: reader.sheets,
    columnWidths: reader.widths,
    rowHeights: reader.heights,
    cellLooks: reader.looks,
    defaultFont: reader.defaultFont(),
    date1904: reader.date1904,
    notCarried: notCarried.list(),
  };
}

function styleOnly(c: StyleCollector): XmlHandler {
  return {
    open: (n: string, a: Record<string, string>) => void c.open(n, a),
    close: (n: string) => void c.close(n),
    text: (t: string) => void c.text(t),
  };
}

interface CellState {
  attrs: Record<string, string>;
  covered: boolean;
  paras: string[];
  para: string | null;
  /** the last character of the paragraph is white space, or it has none yet: more white space collapses */
  spaceBefore: boolean;
  /** the paragraph ends in a collapsed space (dropped at its end) */
  trailing: boolean;
  hasLink: boolean;
}

/** Reads content.xml (and the same elements in settings.xml, or in a flat .fods) event by event. */
export class ContentReader {
  sheets: SheetData[] = [];
  widths: (number | undefined)[][] = [];
  heights: (number | undefined)[][] = [];
  looks: (CellLook | undefined)[][][] = [];
  private sheetLooks: (CellLook | undefined)[][] = [];
  private rowLooks: { col: number; look: CellLook; repeat: number }[] = [];
  private readonly lookCache = new Map<string, CellLook | null>();
  private font: DefaultFont | null = null;
  /** looks kept, at most: past this a sheet is not a 分工表, and the rest go plain (and are listed) */
  private lookBudget = 2_000_000;
  private sheetHeights: (number | undefined)[] = [];
  date1904 = false;
  private nullDate = Date.UTC(1899, 11, 30);
  private readonly styleCollector: StyleCollector;
  private sheet: SheetData | null = null;
  private sheetWidths: (number | undefined)[] = [];
  private row = 0;
  private col = 0;
  private nextCol = 0;
  /** the columns' default cell styles, as runs [first, last] (ODF 1.3 §9.1.6 table:default-cell-style-name) */
  private columnStyles: { first: number; last: number; style: string }[] = [];
  private rowStyle: string | undefined;
  private rowRepeat = 1;
  private rowCells: { col: number; data: CellData; repeat: number }[] = [];
  private cell: CellState | null = null;
  /** > 0 inside a note or a shape: their text is not cell text */
  private skip = 0;
  private frame: { kind: "chart" | "picture" | "textBox" | null } | null = null;
  private budget = CELL_BUDGET;
  /** the config:config-item being read (settings), for the frozen panes */
  private configItem: string | null = null;

  constructor(
    private readonly styles: OdsStyles,
    private readonly notCarried: NotCarried,
  ) {
    this.styleCollector = new StyleCollector(styles);
  }

  open(name: string, a: Record<string, string>): void {
    if (this.styleCollector.open(name, a)) return;
    if (this.skip > 0) {
      this.skip++;
      if (this.frame && this.frame.kind === null && this.skip === 2) {
        if (name === "draw:object" || name === "draw:object-ole") this.frame.kind = "chart";
        else if (name === "draw:image") this.frame.kind = "picture";
        else if (name === "draw:text-box") this.frame.kind = "textBox";
      }
      return;
    }
    if (name === "table:table" && this.cell) {
      this.skip = 1; // a table nested in a cell is not part of the sheet's grid
      return;
    }
    if (this.cell && (name === "text:note-body" || name === "text:ruby-text")) {
      this.skip = 1; // not part of the paragraph's character content (ODF 1.3 part 3 §6.1.1)
      return;
    }
    if (name === "office:annotation") {
      this.notCarried.count("comment");
      this.skip = 1;
      return;
    }
    // draw:* outside a table are style definitions (gradients, markers in office:styles of a .fods)
    if (name.startsWith("draw:") && this.sheet) {
      if (name === "draw:frame") this.frame = { kind: null };
      else this.notCarried.count(name === "draw:control" ? "control" : "shape");
      this.skip = 1;
      return;
    }
    switch (name) {
      case "table:null-date": {
        const d = a["table:date-value"];
        const m = d ? /^(\d{4})-(\d{2})-(\d{2})/.exec(d) : null;
        if (m) {
          this.nullDate = Date.UTC(+m[1], +m[2] - 1, +m[3]);
          this.date1904 = d.startsWith("1904-01-01");
        }
        return;
      }
      case "table:table":
        this.sheet = { name: a["table:name"] ?? `Sheet${this.sheets.length + 1}`, cells: [], merges: [] };
        this.sheetWidths = [];
        this.sheetHeights = [];
        this.sheetLooks = [];
        this.row = 0;
        this.nextCol = 0;
        this.columnStyles = [];
        if (a["table:protected"] === "true") this.notCarried.flag(FLAGS.protection);
        if (a["table:print-ranges"]) this.notCarried.flag(FLAGS.printArea);
        if (a["table:style-name"] && this.styles.hiddenTable.has(a["table:style-name"])) this.notCarried.flag(FLAGS.hiddenSheets);
        return;
      case "table:table-column": {
        const n = Math.min(repeat(a["table:number-columns-repeated"]), MAX_COLS - this.nextCol);
        const w = a["table:style-name"] ? this.styles.columnWidth.get(a["table:style-name"]) : undefined;
        if (a["table:visibility"] === "collapse" || a["table:visibility"] === "filter") this.notCarried.flag(FLAGS.hiddenCols);
        if (w !== undefined && n > 0 && this.nextCol + n <= 1024) for (let k = 0; k < n; k++) this.sheetWidths[this.nextCol + k] = w;
        const def = a["table:default-cell-style-name"];
        if (def && n > 0) this.columnStyles.push({ first: this.nextCol, last: this.nextCol + n - 1, style: def });
        this.nextCol += Math.max(0, n);
        return;
      }
      case "table:table-row":
        this.col = 0;
        this.rowCells = [];
        this.rowLooks = [];
        this.rowRepeat = repeat(a["table:number-rows-repeated"]);
        this.rowStyle = a["table:default-cell-style-name"];
        if (a["table:visibility"] === "collapse" || a["table:visibility"] === "filter") this.notCarried.flag(FLAGS.hiddenRows);
        {
          // a fixed height is carried; a huge repeat (the empty rows to the sheet's end) is not worth it
          const ht = a["table:style-name"] ? this.styles.fixedRow.get(a["table:style-name"]) : undefined;
          if (ht !== undefined && this.rowRepeat <= 10000)
            for (let k = 0; k < this.rowRepeat && this.row + k < MAX_ROWS; k++) this.sheetHeights[this.row + k] = ht;
        }
        return;
      case "table:table-cell":
      case "table:covered-table-cell":
        this.cell = {
          attrs: a,
          covered: name === "table:covered-table-cell",
          paras: [],
          para: null,
          spaceBefore: true,
          trailing: false,
          hasLink: false,
        };
        return;
      case "text:p":
      case "text:h":
        if (this.cell) {
          this.cell.para = "";
          this.cell.spaceBefore = true; // white space at a paragraph's start is ignored
          this.cell.trailing = false;
        }
        return;
      case "text:s":
        this.literal(" ".repeat(Math.min(repeat(a["text:c"]), 1024)));
        return;
      case "text:tab":
        this.literal("\t");
        return;
      case "text:line-break":
        this.literal("\n");
        return;
      case "config:config-item":
        this.configItem = a["config:name"] ?? null;
        return;
      case "ooo:module":
        this.notCarried.flag("宏（Basic）"); // a Basic module embedded in a flat .fods
        return;
      case "text:a":
        if (this.cell) this.cell.hasLink = true;
        return;
      case "text:span":
        if (this.cell && a["text:style-name"]) this.notCarried.flag(FLAGS.richText);
        return;
      case "table:content-validation":
        this.notCarried.count("validation");
        return;
      case "calcext:conditional-format":
        this.notCarried.count("conditional");
        return;
      case "table:named-range":
      case "table:named-expression": {
        // the print titles of an .xlsx become a named range "_xlnm.Print_Titles" in LibreOffice
        // Gnumeric writes them without the prefix, a Print_Area of #REF! (none) and a Sheet_Title
        // holding the sheet's name as a string: its own bookkeeping, not the user's names
        const n = a["table:name"] ?? "";
        const expr = a["table:expression"] ?? a["table:cell-range-address"] ?? "";
        if (/^(_xlnm\.)?Print_(Titles|Area)$/i.test(n)) {
          if (!expr.includes("#REF!")) this.notCarried.flag(FLAGS.printArea);
        } else if (n === "Sheet_Title" && /^(of:)?=?"/.test(expr)) {
          return;
        } else if (!n.startsWith("_xlnm.") && !n.startsWith("__Anonymous_Sheet_DB__")) this.notCarried.count("name");
        return;
      }
      case "table:database-range":
        if (a["table:display-filter-buttons"] === "true") this.notCarried.flag(FLAGS.autoFilter);
        return;
      case "table:spreadsheet":
        if (a["table:structure-protected"] === "true") this.notCarried.flag(FLAGS.protection);
        return;
      default:
        return;
    }
  }

  close(name: string): void {
    if (this.styleCollector.close(name)) return;
    if (this.skip > 0) {
      this.skip--;
      if (this.skip === 0 && this.frame) {
        this.notCarried.count(this.frame.kind ?? "shape");
        this.frame = null;
      }
      return;
    }
    switch (name) {
      case "text:p":
      case "text:h":
        if (this.cell && this.cell.para !== null) {
          // white space at a paragraph's end is ignored too
          this.cell.paras.push(this.cell.trailing ? this.cell.para.slice(0, -1) : this.cell.para);
          this.cell.para = null;
        }
        return;
      case "config:config-item":
        this.configItem = null;
        return;
      case "table:table-cell":
      case "table:covered-table-cell":
        this.endCell();
        return;
      case "table:table-row":
        this.endRow();
        return;
      case "table:table":
        this.endTable();
        return;
      default:
        return;
    }
  }

  text(t: string): void {
    if (this.styleCollector.text(t)) return;
    if (this.configItem !== null) {
      // HorizontalSplitMode / VerticalSplitMode 2: the view is frozen at the split (1 is a plain split)
      if (/^(Horizontal|Vertical)SplitMode$/.test(this.configItem) && t.trim() === "2") this.notCarried.flag(FLAGS.frozen);
      return;
    }
    const c = this.cell;
    if (this.skip !== 0 || !c || c.para === null) return;
    if (!/[ \t\r\n]/.test(t)) {
      c.para += t;
      c.spaceBefore = c.trailing = false;
      return;
    }
    // ODF 1.3 part 3 §6.1.2: each run of white space in a paragraph's text is one space, none at its
    // start or end (text:s, text:tab and text:line-break carry the spaces that count)
    let out = "";
    for (const ch of t) {
      if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") {
        if (!c.spaceBefore) {
          out += " ";
          c.spaceBefore = c.trailing = true;
        }
      } else {
        out += ch;
        c.spaceBefore = c.trailing = false;
      }
    }
    c.para += out;
  }

  /** characters an element stands for (text:s, text:tab, text:line-break): never collapsed */
  private literal(chars: string): void {
    const c = this.cell;
    if (!c || c.para === null || this.skip !== 0) return;
    c.para += chars;
    c.spaceBefore = c.trailing = false;
  }

  private endCell(): void {
    const c = this.cell;
    this.cell = null;
    if (!c) return;
    const a = c.attrs;
    const n = Math.min(repeat(a["table:number-columns-repeated"]), MAX_COLS);
    // a cell without its own style takes the row's default cell style, else its column's
    const styleName =
      a["table:style-name"] ?? this.rowStyle ?? this.columnStyles.find((r) => r.first <= this.col && this.col <= r.last)?.style;
    const look = this.lookOf(styleName);
    if (look) this.rowLooks.push({ col: this.col, look, repeat: n });
    if (!c.covered) {
      if (a["table:formula"]) this.notCarried.count("formula", Math.min(n, this.rowRepeat * n));
      if (c.hasLink) this.notCarried.count("hyperlink");
      const data = this.cellData(c, styleName);
      if (data) this.rowCells.push({ col: this.col, data, repeat: n });
      // a span is a merge, whether or not its top-left cell holds anything
      const cs = repeat(a["table:number-columns-spanned"]);
      const rs = repeat(a["table:number-rows-spanned"]);
      if ((cs > 1 || rs > 1) && this.sheet && this.col < MAX_COLS && this.row < MAX_ROWS) {
        this.sheet.merges.push(
          `${addr(this.row, this.col)}:${addr(Math.min(this.row + rs, MAX_ROWS) - 1, Math.min(this.col + cs, MAX_COLS) - 1)}`,
        );
      }
    }
    this.col += n;
  }

  private cellData(c: CellState, styleName: string | undefined): CellData | undefined {
    const a = c.attrs;
    const text = c.paras.join("\n");
    const type = a["office:value-type"];
    let v: CellScalar = null;
    let numFmt = cellFormat(this.styles, styleName);
    if (a["calcext:value-type"] === "error") {
      v = { error: text.startsWith("#") ? text : "#VALUE!" };
    } else if (type === "float" || type === "currency" || type === "percentage") {
      v = num(a["office:value"]);
      if (type === "percentage" && (!numFmt || !numFmt.includes("%"))) numFmt = "0.00%";
    } else if (type === "date") {
      v = this.dateSerial(a["office:date-value"]);
      if (v !== null && (!numFmt || isGeneral(numFmt))) numFmt = v % 1 === 0 ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss";
    } else if (type === "time") {
      v = durationDays(a["office:time-value"]);
      if (v !== null && (!numFmt || isGeneral(numFmt))) numFmt = "[h]:mm:ss";
    } else if (type === "boolean") {
      v = a["office:boolean-value"] === "true";
    } else if (type === "string") {
      v = a["office:string-value"] ?? text;
    } else if (text !== "") {
      v = text;
    }
    if (v === null || v === "") return undefined;
    if (typeof v === "string" || typeof v === "boolean" || (typeof v === "object" && v !== null))
      numFmt = numFmt === "@" ? numFmt : undefined;
    const out: CellData = { v };
    if (!isGeneral(numFmt)) out.numFmt = numFmt;
    return out;
  }

  private dateSerial(s: string | undefined): number | null {
    const m = s ? /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?/.exec(s) : null;
    if (!m) return null;
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
    return Math.round(((t - this.nullDate) / 86400000) * 86400000) / 86400000;
  }

  private endRow(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const times = this.rowCells.length > 0 ? Math.min(this.rowRepeat, MAX_ROWS - this.row) : 0;
    for (let k = 0; k < times; k++) {
      const r = this.row + k;
      const out: (CellData | undefined)[] = (sheet.cells[r] ??= []);
      for (const rc of this.rowCells) {
        const reps = Math.min(rc.repeat, MAX_COLS - rc.col);
        this.budget -= Math.max(0, reps);
        if (this.budget < 0) fail(`工作表“${sheet.name}”的单元格超过 ${CELL_BUDGET} 个，不像分工表`);
        for (let j = 0; j < reps; j++) out[rc.col + j] = j === 0 && k === 0 ? rc.data : { ...rc.data };
      }
    }
    // a repeat over thousands of rows or columns is formatting of the empty sheet beyond the
    // table (a whole column formatted): the copy leaves that space plain
    if (this.rowLooks.length > 0 && this.rowRepeat <= 1000) {
      const lookTimes = Math.min(this.rowRepeat, MAX_ROWS - this.row);
      for (let k = 0; k < lookTimes && this.lookBudget > 0; k++) {
        const out = (this.sheetLooks[this.row + k] ??= []);
        for (const rl of this.rowLooks) {
          if (rl.repeat > 1024) continue;
          const reps = Math.min(rl.repeat, MAX_COLS - rl.col, this.lookBudget);
          this.lookBudget -= reps;
          for (let j = 0; j < reps; j++) out[rl.col + j] = rl.look;
        }
      }
      if (this.lookBudget <= 0) this.notCarried.flag(FLAGS.style);
    }
    this.row = Math.min(this.row + this.rowRepeat, MAX_ROWS);
  }

  /** the workbook's default font: the "Default" cell style's, else LibreOffice's own default */
  defaultFont(): DefaultFont {
    if (!this.font) {
      const f = cellLook(this.styles, "Default").font ?? cellLook(this.styles, undefined).font;
      this.font = { name: f?.name ?? "Liberation Sans", size: f?.size ?? 10 };
    }
    return this.font;
  }

  private lookOf(styleName: string | undefined): CellLook | null {
    const key = styleName ?? "";
    let look = this.lookCache.get(key);
    if (look === undefined) {
      look = tidy(cellLook(this.styles, styleName), this.defaultFont());
      this.lookCache.set(key, look);
    }
    return look;
  }

  private endTable(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    for (let r = 0; r < sheet.cells.length; r++) if (!sheet.cells[r]) sheet.cells[r] = [];
    punchMergeHoles(sheet);
    this.sheets.push(sheet);
    this.widths.push(this.sheetWidths);
    this.heights.push(this.sheetHeights);
    this.looks.push(this.sheetLooks);
    this.sheet = null;
  }
}

function repeat(s: string | undefined): number {
  const n = s === undefined ? 1 : Number(s);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_ROWS) : 1;
}

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** An ISO 8601 duration ("PT12H30M05S") as a fraction of a day, Excel's time value. */
function durationDays(s: string | undefined): number | null {
  const m = s ? /^(-)?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(s) : null;
  if (!m) return null;
  const secs = (+(m[2] ?? 0) * 24 + +(m[3] ?? 0)) * 3600 + +(m[4] ?? 0) * 60 + Number(m[5] ?? 0);
  return (m[1] ? -1 : 1) * (secs / 86400);
}

function addr(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
