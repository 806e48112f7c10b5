/**
 * One worksheet substream of a BIFF5/BIFF8 stream → SheetData: cell records (LABELSST, LABEL,
 * RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA + STRING), MERGECELLS, COLINFO widths; embedded
 * chart substreams skipped; notes, objects, links, validation, conditional formats counted.
 */
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData } from "../model/types";
import { columnLetter } from "../model/sheet";
import { Continued, records, type BiffRecord } from "./biff-stream";
import { DT_CHART, DT_WORKSHEET, ERRORS, f64, R, u16, u32 } from "./biff-records";
import { byteString, formatOf, richRunsVisible, xlUnicodeString, type Globals } from "./biff-globals";
import { FLAGS, NotCarried } from "./features";
import { punchMergeHoles } from "./merges";
import { isGeneral } from "../ooxml/numfmt";
import type { LookCache } from "./biff-look";
import type { CellLook } from "./look";

interface SheetRead {
  data: SheetData;
  widths: (number | undefined)[];
  heights: (number | undefined)[];
  looks: (CellLook | undefined)[][];
}

export function readSheet(
  stream: Uint8Array,
  offset: number,
  name: string,
  g: Globals,
  notCarried: NotCarried,
  lookCache: LookCache,
  fail: (why: string) => never,
): SheetRead {
  const cells: (CellData | undefined)[][] = [];
  const merges: string[] = [];
  const widths: (number | undefined)[] = [];
  const heights: (number | undefined)[] = [];
  const looks: (CellLook | undefined)[][] = [];
  const it = records(stream, offset);
  const bof = it.next();
  if (bof.done || bof.value.type !== R.BOF) fail(`工作表“${name}”的位置上没有 BOF 记录`);
  const dt = u16((bof.value as BiffRecord).data, 2);
  if (dt !== DT_WORKSHEET) return { data: { name, cells, merges }, widths, heights, looks };

  /** a cell record's look, blank cells' included (a border on an empty cell is still a border) */
  const mark = (row: number, col: number, ixfe: number) => {
    const look = lookCache.of(ixfe);
    if (look && lookCache.budget > 0) {
      lookCache.budget--;
      (looks[row] ??= [])[col] = look;
    }
  };
  const put = (row: number, col: number, ixfe: number, v: CellScalar) => {
    mark(row, col, ixfe);
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
        const runs = g.sstRich.get(i);
        if (runs && richRunsVisible(g, runs, u16(d, 4))) notCarried.flag(FLAGS.richText);
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
          else mark(row, col, ixfe); // 3: an empty string
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
      case R.BLANK:
        if (d.length >= 6) mark(u16(d, 0), u16(d, 2), u16(d, 4));
        break;
      case R.MULBLANK: {
        const n = d.length >= 6 ? Math.floor((d.length - 6) / 2) : 0;
        for (let k = 0; k < n; k++) mark(u16(d, 0), u16(d, 2) + k, u16(d, 4 + 2 * k));
        break;
      }
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
          // fUnsynced: a height the user set, in twips (miyRw); the copy carries it
          if (flags & 0x40) heights[u16(d, 0)] = (u16(d, 6) & 0x7fff) / 20;
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
      case R.SXVIEW:
        notCarried.flag(FLAGS.pivot);
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
    return { data, widths, heights, looks };
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
  else if (ot === 0x05 || ot === 0x19)
    return; // charts and notes are counted by their own records
  else if (ot === 0x07 || (ot >= 0x0b && ot <= 0x14)) notCarried.count("control");
  else notCarried.count("shape");
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
