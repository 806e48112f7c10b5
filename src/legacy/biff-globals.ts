/**
 * The workbook globals substream of a BIFF5/BIFF8 stream ([MS-XLS] 2.1.7.20.1): code page, date
 * system, number formats, XFs, fonts, the sheets' BOUNDSHEET entries, the shared-string table;
 * FILEPASS means the file is encrypted. Also the string forms every record uses.
 */
import { Continued, records, type BiffRecord } from "./biff-stream";
import { DT_GLOBALS, R, u16 } from "./biff-records";
import { LegacyReadError } from "./errors";
import { FLAGS, NotCarried } from "./features";
import { builtinFormat } from "../ooxml/numfmt";

/** What a TextDecoder does here (the CLI compiles without the DOM library, where the type lives). */
type TextDecoding = { decode(input: Uint8Array): string };

/** Windows code pages an old (BIFF5) file may name, as WHATWG encoding labels TextDecoder knows. */
const CODEPAGES: Record<number, string> = {
  936: "gbk",
  20936: "gbk", // GB2312: WHATWG decodes it as GBK, its superset
  54936: "gb18030",
  874: "windows-874",
  866: "ibm866",
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
  32768: "macintosh", // [MS-XLS] 2.4.31: 0x8000 is Mac Roman
  65001: "utf-8",
  367: "windows-1252",
  437: "windows-1252",
};

/** what the cells need of an XF here: its number format (the looks read the raw record) */
export interface XfInfo {
  ifmt: number;
}

export interface Globals {
  biff: 5 | 8;
  date1904: boolean;
  decoder: TextDecoding | null;
  formats: Map<number, string>;
  xfs: XfInfo[];
  fonts: Uint8Array[];
  fontNames: string[];
  /** raw XF records, for the looks */
  xfRaw: Uint8Array[];
  palette: Map<number, string>;
  sheets: { name: string; offset: number; dt: number; hidden: boolean }[];
  sst: string[];
  /** the shared strings with formatting runs → their runs' font indices (the copy's strings are plain) */
  sstRich: Map<number, number[]>;
  /** where the globals substream ends (after its EOF): the sheets' substreams follow */
  end: number;
}

export function readGlobals(stream: Uint8Array, notCarried: NotCarried, fail: (why: string) => never): Globals {
  const it = records(stream, 0);
  const first = it.next();
  if (first.done) fail("工作簿数据流是空的");
  const bof = first.value as BiffRecord;
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
    fontNames: [],
    xfRaw: [],
    palette: new Map(),
    sheets: [],
    sst: [],
    sstRich: new Map(),
    end: stream.length,
  };
  for (const rec of it) {
    const d = rec.data;
    switch (rec.type) {
      case R.EOF:
        g.end = rec.offset + 4;
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
      case R.FONT: {
        g.fonts.push(d);
        let name = "";
        if (d.length >= 16) {
          const c = new Continued(d, [], 14);
          const cch = c.u8();
          name = g.biff === 8 ? c.chars(cch, (c.u8() & 1) === 1) : byteString(c, cch, g.decoder);
        }
        g.fontNames.push(name);
        break;
      }
      case R.XF:
        g.xfs.push(xfInfo(d));
        g.xfRaw.push(g.biff === 8 ? d : new Uint8Array(0)); // BIFF5 XFs have another layout: no looks
        break;
      case R.PALETTE: {
        const n = d.length >= 2 ? Math.min(u16(d, 0), 56, Math.floor((d.length - 2) / 4)) : 0;
        for (let i = 0; i < n; i++) {
          const o = 2 + 4 * i;
          g.palette.set(
            8 + i,
            `FF${[d[o], d[o + 1], d[o + 2]]
              .map((x) => x.toString(16).padStart(2, "0"))
              .join("")
              .toUpperCase()}`,
          );
        }
        break;
      }
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
        g.sst = readSst(rec, fail, g.sstRich);
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
    for (let i = 0; i < cch && (high ? 16 + 2 * i : 15 + i) <= d.length; i++)
      name += String.fromCharCode(high ? u16(d, 15 + 2 * i) : d[15 + i]);
    if (/^_xlnm\./i.test(name)) {
      if (/^_xlnm\.Print_(Titles|Area)$/i.test(name)) notCarried.flag(FLAGS.printArea);
      return;
    }
  }
  notCarried.count("name");
}

/** XF (BIFF8 [MS-XLS] 2.4.353, and BIFF5's older layout): ifmt is the second u16 in both */
function xfInfo(d: Uint8Array): XfInfo {
  return { ifmt: d.length >= 4 ? u16(d, 2) : 0 };
}

/** SST: cstTotal, cstUnique, then cstUnique XLUnicodeRichExtendedStrings across CONTINUE records. */
function readSst(rec: BiffRecord, fail: (why: string) => never, rich: Map<number, number[]>): string[] {
  const c = new Continued(rec.data, rec.continues);
  c.u32();
  const unique = c.u32();
  const bytes = rec.data.length + rec.continues.reduce((n, s) => n + s.length, 0);
  // every string takes at least 3 bytes: a count beyond that is a lie, not a reason to allocate
  if (unique > bytes / 3) fail(`共享字符串表声明了 ${unique} 个字符串，但数据只有 ${bytes} 字节`);
  const out: string[] = new Array(unique);
  for (let i = 0; i < unique; i++) out[i] = richExtendedString(c, (fonts) => rich.set(i, fonts));
  return out;
}

/**
 * [MS-XLS] 2.5.293 XLUnicodeRichExtendedString: cch, flags (fHighByte 1, fExtSt 4, fRichSt 8),
 * cRun, cbExtRst, the characters, cRun FormatRuns of 4 bytes, then the ExtRst (phonetic data).
 */
function richExtendedString(c: Continued, isRich: (fonts: number[]) => void): string {
  const cch = c.u16();
  const flags = c.u8();
  const runs = flags & 0x08 ? c.u16() : 0;
  const ext = flags & 0x04 ? c.i32() : 0;
  const text = c.chars(cch, (flags & 1) === 1);
  if (runs > 0) {
    // FormatRun ([MS-XLS] 2.5.129): ich u16, ifnt u16
    const fonts: number[] = [];
    for (let k = 0; k < runs; k++) {
      c.u16();
      fonts.push(c.u16());
    }
    isRich(fonts);
  }
  if (ext > 0) c.skip(ext);
  return text;
}

/** XLUnicodeString: cch u16, flags u8, characters (BIFF8 LABEL, STRING, FORMAT). */
export function xlUnicodeString(c: Continued): string {
  const cch = c.u16();
  return c.chars(cch, (c.u8() & 1) === 1);
}

/** An 8-bit string of an old (BIFF5) file, in the workbook's code page. */
export function byteString(c: Continued, n: number, decoder: TextDecoding | null): string {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = c.u8();
  return decoder ? decoder.decode(bytes) : String.fromCharCode(...bytes);
}

/**
 * Do a rich string's runs show anything the cell's own font does not? LibreOffice splits every
 * string at each change of script into runs of its Western and Asian fonts, which differ only in
 * name and character set: the copy's cell font shows those the same. Size, weight, italic,
 * underline, strike-out, colour or super/subscript ([MS-XLS] 2.4.122 FONT, bytes 0–10) differ
 * for real rich text.
 */
export function richRunsVisible(g: Globals, runFonts: number[], ixfe: number): boolean {
  const key = (ifnt: number) => {
    const f = g.fonts[ifnt >= 4 ? ifnt - 1 : ifnt]; // font index 4 is never written ([MS-XLS] 2.5.129)
    return f && f.length >= 11 ? Array.from(f.subarray(0, 11)).join(",") : `?${ifnt}`;
  };
  const xf = g.xfRaw[ixfe];
  const own = xf && xf.length >= 2 ? key(xf[0] | (xf[1] << 8)) : key(0);
  return runFonts.some((f) => key(f) !== own);
}

export function formatOf(g: Globals, ixfe: number): string | undefined {
  const xf = g.xfs[ixfe];
  if (!xf) return undefined;
  return g.formats.get(xf.ifmt) ?? builtinFormat(xf.ifmt);
}
