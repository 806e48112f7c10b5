/**
 * [MS-XLS] BIFF8 (Excel 97–2003 .xls, WPS .et) and BIFF5 (Excel 5/95) workbook stream →
 * WorkbookData, cell for cell as src/xlsx/read.ts gives an .xlsx: values, cached formula results
 * (the formula itself is not carried: a copy keeps its result), number formats from XF → FORMAT
 * or the built-in table, dates as serials in the file's own date system, merges, holes under
 * merges. Chart, macro and VB-module substreams are skipped; what the copy loses is counted.
 */
import type { SheetData } from "../model/types";
import { BiffTruncated } from "./biff-stream";
import { LookCache } from "./biff-look";
import { readGlobals } from "./biff-globals";
import type { CellLook } from "./look";
import type { DefaultFont } from "./xlsx-styles";
import { readSheet } from "./biff-sheet";
import { LegacyReadError, type LegacyKind } from "./errors";
import { FLAGS, NotCarried } from "./features";

export { rkValue } from "./biff-sheet";

export interface BiffWorkbook {
  sheets: SheetData[];
  /** per sheet (same order): column widths in characters, by 0-based column */
  columnWidths: (number | undefined)[][];
  /** per sheet: custom row heights in points, by 0-based row */
  rowHeights: (number | undefined)[][];
  /** per sheet: each cell's look, by 0-based row and column */
  cellLooks?: (CellLook | undefined)[][][];
  defaultFont?: DefaultFont;
  date1904: boolean;
  notCarried: string[];
}

/**
 * `containerFlags`: what the compound file around the stream holds that the copy drops (a VBA
 * project, embedded objects, pivot caches…), already in the Chinese of FLAGS.
 */
export function readBiffWorkbook(stream: Uint8Array, kind: LegacyKind, containerFlags: string[] = []): BiffWorkbook {
  const fail = (why: string): never => {
    throw new LegacyReadError(why, kind);
  };
  try {
    const notCarried = new NotCarried();
    for (const f of containerFlags) notCarried.flag(f);
    const g = readGlobals(stream, notCarried, fail);
    const sheets: SheetData[] = [];
    const columnWidths: (number | undefined)[][] = [];
    const rowHeights: (number | undefined)[][] = [];
    const cellLooks: (CellLook | undefined)[][][] = [];
    const lookCache = new LookCache({ xfs: g.xfRaw, fonts: g.fonts, fontNames: g.fontNames, palette: g.palette });
    let order: number[] | null = null; // the substreams in file order, found only when an offset is wrong
    g.sheets.forEach((bs, k) => {
      if (bs.dt === 0 && (bs.offset < g.end || !isBof(stream, bs.offset))) {
        // BOUNDSHEET's lbPlyPos ([MS-XLS] 2.4.28) does not point at a BOF after the globals, as some writers
        // leave it: the substreams follow the globals in BOUNDSHEET order, so take the k-th one
        order ??= substreams(stream, g.end);
        if (order[k] !== undefined) bs.offset = order[k];
      }
    });
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
      const sheet = readSheet(stream, bs.offset, bs.name, g, notCarried, lookCache, fail);
      sheets.push(sheet.data);
      columnWidths.push(sheet.widths);
      rowHeights.push(sheet.heights);
      cellLooks.push(sheet.looks);
    }
    if (sheets.length === 0) fail("文件里没有工作表");
    if (lookCache.lostDetail) notCarried.flag(FLAGS.styleDetail);
    if (lookCache.budget <= 0) notCarried.flag(FLAGS.style);
    // BIFF5 XFs have the older layout biff-look.ts does not read: the copy's cells are plain, and say so
    if (g.biff === 5) notCarried.flag(FLAGS.style);
    const f0 = g.fonts[0];
    const defaultFont = f0 && f0.length >= 2 && g.fontNames[0] ? { name: g.fontNames[0], size: (f0[0] | (f0[1] << 8)) / 20 } : undefined;
    const looks = g.biff === 5 ? undefined : cellLooks; // the 转换说明 then does not claim fonts and borders were kept
    return { sheets, columnWidths, rowHeights, cellLooks: looks, defaultFont, date1904: g.date1904, notCarried: notCarried.list() };
  } catch (e) {
    if (e instanceof BiffTruncated) fail(`数据不完整（${e.message}），文件可能被截断或损坏`);
    throw e;
  }
}

function isBof(stream: Uint8Array, at: number): boolean {
  return at + 8 <= stream.length && stream[at] === 0x09 && stream[at + 1] === 0x08;
}

/** The offsets of the substreams (BOF … EOF, charts nested inside sheets skipped) after the globals. */
function substreams(stream: Uint8Array, from: number): number[] {
  const out: number[] = [];
  let depth = 0;
  let pos = from;
  while (pos + 4 <= stream.length) {
    const type = stream[pos] | (stream[pos + 1] << 8);
    const len = stream[pos + 2] | (stream[pos + 3] << 8);
    if (type === 0x0809) {
      if (depth === 0) out.push(pos);
      depth++;
    } else if (type === 0x000a && depth > 0) depth--;
    else if (depth === 0 && type === 0 && len === 0) break; // the zero padding after the last substream
    pos += 4 + len;
  }
  return out;
}
