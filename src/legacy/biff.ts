/**
 * [MS-XLS] BIFF8 (Excel 97–2003 .xls, WPS .et) and BIFF5 (Excel 5/95) workbook stream →
 * WorkbookData, cell for cell as src/xlsx/read.ts gives an .xlsx: values, cached formula results
 * (the formula itself is not carried: a copy keeps its result), number formats from XF → FORMAT
 * or the built-in table, dates as serials in the file's own date system, merges, holes under
 * merges. Chart, macro and VB-module substreams are skipped; what the copy loses is counted.
 */
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData } from "../model/types";
import { columnLetter } from "../model/sheet";
import { BiffTruncated, Continued, records, type BiffRecord } from "./biff-stream";
import { LegacyReadError, type LegacyKind } from "./errors";
import { FLAGS, NotCarried } from "./features";
import { punchMergeHoles } from "./merges";
import { builtinFormat, isGeneral } from "./numfmt";

export interface BiffWorkbook {
  sheets: SheetData[];
  /** per sheet (same order): column widths in characters, by 0-based column */
  columnWidths: (number | undefined)[][];
  date1904: boolean;
  notCarried: string[];
}

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  FORMAT_BIFF4: 0x001e,
  XF: 0x00e0,
  FONT: 0x0031,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  NAME: 0x0018,
  PROTECT: 0x0012,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  SHRFMLA: 0x04bc,
  ARRAY: 0x0221,
  TABLE: 0x0236,
  MERGECELLS: 0x00e5,
  COLINFO: 0x007d,
  ROW: 0x0208,
  NOTE: 0x001c,
  OBJ: 0x005d,
  HLINK: 0x01b8,
  CF: 0x01b1,
  CF12: 0x087a,
  DV: 0x01be,
  PANE: 0x0041,
  HEADER: 0x0014,
  FOOTER: 0x0015,
  AUTOFILTERINFO: 0x009d,
} as const;

/** BOF dt values ([MS-XLS] 2.4.21) */
const DT_GLOBALS = 0x0005;
const DT_WORKSHEET = 0x0010;
const DT_CHART = 0x0020;

const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** Windows code pages an old (BIFF5) file may name, as WHATWG encoding labels TextDecoder knows. */
const CODEPAGES: Record<number, string> = {
  936: "gbk",
  950: "big5",
  932: "shift_jis",
  949: "euc-kr",
  1250: "windows-1250",
  1251: "windows-1251",
  1252: "windows-1252",
  1253: "windows-1253",
  1254: "windows-1254",
  1255: "windows-1255",
  1256: "windows-1256",
  1257: "windows-1257",
  1258: "windows-1258",
  10000: "macintosh",
  65001: "utf-8",
  367: "windows-1252",
  437: "windows-1252",
};

interface XfInfo {
  ifmt: number;
  ifnt: number;
  /** fill, border, alignment or a font other than the default */
  styled: boolean;
}

interface Globals {
  biff: 5 | 8;
  date1904: boolean;
  decoder: TextDecoder | null;
  formats: Map<number, string>;
  xfs: XfInfo[];
  fonts: Uint8Array[];
  sheets: { name: string; offset: number; dt: number; hidden: boolean }[];
  sst: string[];
}

export function readBiffWorkbook(stream: Uint8Array, kind: LegacyKind, hasVba: boolean): BiffWorkbook {
  const fail = (why: string): never => {
    throw new LegacyReadError(why, kind);
  };
  try {
    const notCarried = new NotCarried();
    if (hasVba) notCarried.flag(FLAGS.vba);
    const g = readGlobals(stream, notCarried, fail);
    const sheets: SheetData[] = [];
    const columnWidths: (number | undefined)[][] = [];
    const usedXf = new Set<number>();
    for (const bs of g.sheets) {
      if (bs.dt === 2) {
        notCarried.count("chartSheet");
        continue;
      }
      if (bs.dt === 1) {
        notCarried.count("macroSheet");
        continue;
      }
      if (bs.dt !== 0) continue; // a VB module: its code is in the VBA project, flagged above
      if (bs.offset + 4 > stream.length) fail(`工作表“${bs.name}”的位置超出文件（文件可能被截断）`);
      if (bs.hidden) notCarried.flag(FLAGS.hiddenSheets);
      const sheet = readSheet(stream, bs.offset, bs.name, g, notCarried, usedXf, fail);
      sheets.push(sheet.data);
      columnWidths.push(sheet.widths);
    }
    if (sheets.length === 0) fail("文件里没有工作表");
    if ([...usedXf].some((i) => g.xfs[i] && (g.xfs[i].styled || fontDiffers(g, g.xfs[i].ifnt)))) notCarried.flag(FLAGS.style);
    return { sheets, columnWidths, date1904: g.date1904, notCarried: notCarried.list() };
  } catch (e) {
    if (e instanceof BiffTruncated) fail(`数据不完整（${e.message}），文件可能被截断或损坏`);
    throw e;
  }
}

function readGlobals(stream: Uint8Array, notCarried: NotCarried, fail: (why: string) => never): Globals {
  const it = records(stream, 0);
  const first = it.next();
  if (first.done) fail("工作簿数据流是空的");
  const bof = (first.value as BiffRecord);
  const oldBof = [0x0009, 0x0209, 0x0409].includes(bof.type);
  if (oldBof) fail("这是 Excel 2.x–4.x 的旧格式，请先在 Excel 或 WPS 中另存为 .xlsx");
  if (bof.type !== R.BOF || bof.data.length < 4) fail("工作簿数据流不是以 BOF 记录开头");
  const vers = u16(bof.data, 0);
  const dt = u16(bof.data, 2);
  if (dt !== DT_GLOBALS) fail("工作簿数据流的第一部分不是全局信息");
  const g: Globals = {
    biff: vers === 0x0500 ? 5 : 8,
    date1904: false,
    decoder: null,
    formats: new Map(),
    xfs: [],
    fonts: [],
    sheets: [],
    sst: [],
  };
  for (const rec of it) {
    const d = rec.data;
    switch (rec.type) {
      case R.EOF:
        return g;
      case R.FILEPASS:
        throw new LegacyReadError("文件设了打开密码（已加密），请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再试", "encrypted");
      case R.CODEPAGE: {
        const label = CODEPAGES[u16(d, 0)];
        if (label && g.biff === 5) {
          try {
            g.decoder = new TextDecoder(label);
          } catch {
            g.decoder = null; // a runtime without that encoding: fall back to Latin-1
          }
        }
        break;
      }
      case R.DATEMODE:
        g.date1904 = u16(d, 0) === 1;
        break;
      case R.FORMAT: {
        const c = new Continued(d, rec.continues);
        const id = c.u16();
        g.formats.set(id, g.biff === 8 ? xlUnicodeString(c) : byteString(c, c.u8(), g.decoder));
        break;
      }
      case R.FONT:
        g.fonts.push(d);
        break;
      case R.XF:
        g.xfs.push(xfInfo(d, g));
        break;
      case R.BOUNDSHEET: {
        const c = new Continued(d, rec.continues);
        const offset = c.u32();
        const hs = c.u8();
        const sdt = c.u8();
        const cch = c.u8();
        const name = g.biff === 8 ? c.chars(cch, (c.u8() & 1) === 1) : byteString(c, cch, g.decoder);
        g.sheets.push({ name, offset, dt: sdt, hidden: (hs & 3) !== 0 });
        break;
      }
      case R.SST:
        g.sst = readSst(rec, fail);
        break;
      case R.NAME:
        countName(d, notCarried);
        break;
      case R.PROTECT:
        if (d.length >= 2 && u16(d, 0) === 1) notCarried.flag(FLAGS.protection);
        break;
      default:
        break;
    }
  }
  return fail("全局信息没有结束记录（文件可能被截断）");
}

/**
 * [MS-XLS] 2.4.150 Lbl: a built-in name (fBuiltin, 0x20) is the print area or titles (0x06, 0x07)
 * or an internal one (the auto-filter's _FilterDatabase); hidden names are the writer's own.
 */
function countName(d: Uint8Array, notCarried: NotCarried): void {
  if (d.length < 2) return;
  const grbit = u16(d, 0);
  if (grbit & 0x20) {
    const which = d.length > 15 ? d[15] : -1;
    if (which === 0x06 || which === 0x07) notCarried.flag(FLAGS.printArea);
    return;
  }
  if (grbit & 0x01) return;
  // "_xlnm." is the prefix of built-in names (ECMA-376 §18.2.5): LibreOffice writes its print titles so too
  const cch = d.length > 3 ? d[3] : 0;
  if (d.length >= 15 + cch) {
    const high = (d[14] & 1) === 1;
    let name = "";
    for (let i = 0; i < cch && (high ? 16 + 2 * i : 15 + i) <= d.length; i++) name += String.fromCharCode(high ? u16(d, 15 + 2 * i) : d[15 + i]);
    if (/^_xlnm\./i.test(name)) {
      if (/^_xlnm\.Print_(Titles|Area)$/i.test(name)) notCarried.flag(FLAGS.printArea);
      return;
    }
  }
  notCarried.count("name");
}

function xfInfo(d: Uint8Array, g: Globals): XfInfo {
  const ifnt = d.length >= 2 ? u16(d, 0) : 0;
  const ifmt = d.length >= 4 ? u16(d, 2) : 0;
  let styled = false;
  if (g.biff === 8 && d.length >= 20) {
    const align = d[6] & 0x0f; // alc (horizontal) + fWrapText
    const borders = u16(d, 10) !== 0; // dgLeft, dgRight, dgTop, dgBottom
    const fill = (u32(d, 14) >>> 26) !== 0; // fls: fill pattern
    styled = align !== 0 || borders || fill;
  }
  return { ifmt, ifnt, styled };
}

/**
 * Does this font look different from font 0, the workbook's default: size, bold, italic,
 * underline, colour ([MS-XLS] 2.4.122 Font, bytes 0–10)? The name is left out: writers swap in a
 * CJK face for Chinese text without the user choosing one. (Font index 4 does not exist in BIFF.)
 */
function fontDiffers(g: Globals, ifnt: number): boolean {
  if (ifnt === 0) return false;
  const f = g.fonts[ifnt >= 4 ? ifnt - 1 : ifnt];
  const base = g.fonts[0];
  if (!f || !base || f.length < 11 || base.length < 11) return false;
  for (let i = 0; i < 11; i++) if (f[i] !== base[i]) return true;
  return false;
}

/** SST: cstTotal, cstUnique, then cstUnique XLUnicodeRichExtendedStrings across CONTINUE records. */
function readSst(rec: BiffRecord, fail: (why: string) => never): string[] {
  const c = new Continued(rec.data, rec.continues);
  c.u32();
  const unique = c.u32();
  const bytes = rec.data.length + rec.continues.reduce((n, s) => n + s.length, 0);
  // every string takes at least 3 bytes: a count beyond that is a lie, not a reason to allocate
  if (unique > bytes / 3) fail(`共享字符串表声明了 ${unique} 个字符串，但数据只有 ${bytes} 字节`);
  const out: string[] = new Array(unique);
  for (let i = 0; i < unique; i++) out[i] = richExtendedString(c);
  return out;
}

function richExtendedString(c: Continued): string {
  const cch = c.u16();
  const flags = c.u8();
  const runs = flags & 0x08 ? c.u16() : 0;
  const ext = flags & 0x04 ? c.i32() : 0;
  const text = c.chars(cch, (flags & 1) === 1);
  c.skip(4 * runs);
  if (ext > 0) c.skip(ext);
  return text;
}

/** XLUnicodeString: cch u16, flags u8, characters (BIFF8 LABEL, STRING, FORMAT). */
function xlUnicodeString(c: Continued): string {
  const cch = c.u16();
  return c.chars(cch, (c.u8() & 1) === 1);
}

/** An 8-bit string of an old (BIFF5) file, in the workbook's code page. */
function byteString(c: Continued, n: number, decoder: TextDecoder | null): string {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = c.u8();
  return decoder ? decoder.decode(bytes) : String.fromCharCode(...bytes);
}

interface SheetRead {
  data: SheetData;
  widths: (number | undefined)[];
}

function readSheet(
  stream: Uint8Array,
  offset: number,
  name: string,
  g: Globals,
  notCarried: NotCarried,
  usedXf: Set<number>,
  fail: (why: string) => never,
): SheetRead {
  const cells: (CellData | undefined)[][] = [];
  const merges: string[] = [];
  const widths: (number | undefined)[] = [];
  const it = records(stream, offset);
  const bof = it.next();
  if (bof.done || bof.value.type !== R.BOF) fail(`工作表“${name}”的位置上没有 BOF 记录`);
  const dt = u16((bof.value as BiffRecord).data, 2);
  if (dt !== DT_WORKSHEET) return { data: { name, cells, merges }, widths };

  const put = (row: number, col: number, ixfe: number, v: CellScalar) => {
    usedXf.add(ixfe);
    if (v === null || v === "") return;
    const cell: CellData = { v };
    const fmt = formatOf(g, ixfe);
    if (!isGeneral(fmt)) cell.numFmt = fmt;
    (cells[row] ??= [])[col] = cell;
  };
  let pendingString: { row: number; col: number; ixfe: number } | null = null;
  let depth = 0; // > 0 inside an embedded chart's substream
  for (const rec of it) {
    const d = rec.data;
    if (depth > 0) {
      if (rec.type === R.BOF) depth++;
      else if (rec.type === R.EOF) depth--;
      continue;
    }
    if (pendingString && rec.type !== R.STRING && rec.type !== R.SHRFMLA && rec.type !== R.ARRAY && rec.type !== R.TABLE) {
      pendingString = null; // a string result whose STRING record is missing: the cell stays empty
    }
    switch (rec.type) {
      case R.EOF:
        return finish();
      case R.BOF:
        if (d.length >= 4 && u16(d, 2) === DT_CHART) notCarried.count("chart");
        depth = 1;
        break;
      case R.LABELSST: {
        need(d, 10);
        const i = u32(d, 6);
        if (i >= g.sst.length) fail(`工作表“${name}”的单元格 ${addr(u16(d, 0), u16(d, 2))} 指向不存在的共享字符串 ${i}`);
        put(u16(d, 0), u16(d, 2), u16(d, 4), g.sst[i]);
        break;
      }
      case R.LABEL:
      case R.RSTRING: {
        need(d, 8);
        const c = new Continued(d, rec.continues, 6);
        const text = g.biff === 8 ? xlUnicodeString(c) : byteString(c, c.u16(), g.decoder);
        if (rec.type === R.RSTRING) notCarried.flag(FLAGS.richText);
        put(u16(d, 0), u16(d, 2), u16(d, 4), text);
        break;
      }
      case R.NUMBER:
        need(d, 14);
        put(u16(d, 0), u16(d, 2), u16(d, 4), finite(f64(d, 6)));
        break;
      case R.RK:
        need(d, 10);
        put(u16(d, 0), u16(d, 2), u16(d, 4), rkValue(u32(d, 6)));
        break;
      case R.MULRK: {
        need(d, 6);
        const row = u16(d, 0);
        const first = u16(d, 2);
        const n = Math.floor((d.length - 6) / 6);
        for (let k = 0; k < n; k++) put(row, first + k, u16(d, 4 + 6 * k), rkValue(u32(d, 6 + 6 * k)));
        break;
      }
      case R.BOOLERR: {
        need(d, 8);
        const isError = d[7] === 1;
        put(u16(d, 0), u16(d, 2), u16(d, 4), isError ? { error: ERRORS[d[6]] ?? "#VALUE!" } : d[6] !== 0);
        break;
      }
      case R.FORMULA: {
        need(d, 20);
        notCarried.count("formula");
        const row = u16(d, 0);
        const col = u16(d, 2);
        const ixfe = u16(d, 4);
        if (d[12] === 0xff && d[13] === 0xff) {
          // not a number: byte 6 says what ([MS-XLS] 2.5.133 FormulaValue)
          if (d[6] === 0) pendingString = { row, col, ixfe };
          else if (d[6] === 1) put(row, col, ixfe, d[8] !== 0);
          else if (d[6] === 2) put(row, col, ixfe, { error: ERRORS[d[8]] ?? "#VALUE!" });
          else usedXf.add(ixfe); // 3: an empty string
        } else {
          put(row, col, ixfe, finite(f64(d, 6)));
        }
        break;
      }
      case R.STRING:
        if (pendingString) {
          const c = new Continued(d, rec.continues);
          const text = g.biff === 8 ? xlUnicodeString(c) : byteString(c, c.u16(), g.decoder);
          put(pendingString.row, pendingString.col, pendingString.ixfe, text);
          pendingString = null;
        }
        break;
      case R.MERGECELLS: {
        const n = d.length >= 2 ? Math.min(u16(d, 0), Math.floor((d.length - 2) / 8)) : 0;
        for (let k = 0; k < n; k++) {
          const o = 2 + 8 * k;
          const [r1, r2, c1, c2] = [u16(d, o), u16(d, o + 2), u16(d, o + 4), u16(d, o + 6)];
          if (r2 < r1 || c2 < c1) continue;
          merges.push(`${addr(r1, c1)}:${addr(r2, c2)}`);
        }
        break;
      }
      case R.COLINFO: {
        need(d, 10);
        const first = u16(d, 0);
        const last = Math.min(u16(d, 2), 255); // BIFF8 has 256 columns; writers use 255 for "to the end"
        const width = u16(d, 4) / 256;
        if (u16(d, 8) & 1) notCarried.flag(FLAGS.hiddenCols);
        for (let col = first; col <= last; col++) widths[col] = width;
        break;
      }
      case R.ROW:
        if (d.length >= 16) {
          const flags = u32(d, 12);
          if (flags & 0x20) notCarried.flag(FLAGS.hiddenRows);
          if (flags & 0x40) notCarried.flag(FLAGS.rowHeight);
        }
        break;
      case R.NOTE:
        notCarried.count("comment");
        break;
      case R.OBJ:
        countObject(d, notCarried);
        break;
      case R.HLINK:
        notCarried.count("hyperlink");
        break;
      case R.CF:
      case R.CF12:
        notCarried.count("conditional");
        break;
      case R.DV:
        notCarried.count("validation");
        break;
      case R.PANE:
        notCarried.flag(FLAGS.frozen);
        break;
      case R.PROTECT:
        if (d.length >= 2 && u16(d, 0) === 1) notCarried.flag(FLAGS.protection);
        break;
      case R.HEADER:
      case R.FOOTER:
        if (d.length > 3) notCarried.flag(FLAGS.headerFooter);
        break;
      case R.AUTOFILTERINFO:
        notCarried.flag(FLAGS.autoFilter);
        break;
      default:
        break;
    }
  }
  return fail(`工作表“${name}”没有结束记录（文件可能被截断）`);

  function finish(): SheetRead {
    for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
    const data = { name, cells, merges };
    punchMergeHoles(data);
    return { data, widths };
  }
  function need(d: Uint8Array, n: number) {
    if (d.length < n) fail(`工作表“${name}”里有一条过短的单元格记录（文件损坏）`);
  }
}

/** [MS-XLS] 2.5.143 Ft Cmo: the object type of an OBJ record. */
function countObject(d: Uint8Array, notCarried: NotCarried): void {
  if (d.length < 6 || u16(d, 0) !== 0x15) return;
  const ot = u16(d, 4);
  if (ot === 0x08) notCarried.count("picture");
  else if (ot === 0x06) notCarried.count("textBox");
  else if (ot === 0x05 || ot === 0x19) return; // charts and notes are counted by their own records
  else if (ot === 0x07 || (ot >= 0x0b && ot <= 0x14)) notCarried.count("control");
  else notCarried.count("shape");
}

function formatOf(g: Globals, ixfe: number): string | undefined {
  const xf = g.xfs[ixfe];
  if (!xf) return undefined;
  return g.formats.get(xf.ifmt) ?? builtinFormat(xf.ifmt);
}

/** [MS-XLS] 2.5.217 RkNumber: a 30-bit integer or the top 30 bits of a double, optionally ÷100. */
export function rkValue(rk: number): number {
  let n: number;
  if (rk & 2) n = (rk | 0) >> 2;
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(4, rk & 0xfffffffc, true);
    b.setUint32(0, 0, true);
    n = b.getFloat64(0, true);
  }
  return rk & 1 ? n / 100 : n;
}

function addr(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function u16(d: Uint8Array, o: number): number {
  return d[o] | (d[o + 1] << 8);
}
function u32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
}
function f64(d: Uint8Array, o: number): number {
  return new DataView(d.buffer, d.byteOffset + o, 8).getFloat64(0, true);
}
