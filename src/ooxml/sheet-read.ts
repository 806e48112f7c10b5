/**
 * A worksheet part → SheetData, by one pass over the XML text: a scanner for the <row> and <c>
 * start tags of <sheetData> (any prefix), each cell's <f>, <v> and <is> read in place; then the
 * <mergeCell> refs. No DOM of the sheet: time and memory grow with the cells, not beyond.
 *
 * Cells come out as src/xlsx/read.ts describes (values, cached results, shared formulas' own
 * text, errors, dates as serials with their numFmt, rich text as plain text, holes under merges).
 */
import type { CellScalar } from "../engine/types";
import type { CellData, SheetData } from "../model/types";
import { translateFormula } from "./shared-formula";
import { decodeXml, decodeXstring, plainText } from "./xml";

export interface SheetContext {
  sharedStrings: string[];
  numFmtOfXf: (string | undefined)[];
  date1904: boolean;
}

/** Where a cell reference's column letters end and its row digits begin, parsed. 0-based. */
export function parseRef(ref: string): { row: number; col: number } | null {
  return refAt(ref, 0, ref.length) ? { row: at.row, col: at.col } : null;
}

/** The reference read last by refAt (one object for the whole scan: a sheet has many cells). */
const at = { row: 0, col: 0 };

/** Reads the cell reference text[from, to) ("B12", "$B$12", "b12") into `at`; false when it is none. */
function refAt(text: string, from: number, to: number): boolean {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 && i === from) continue;
    else break;
  }
  if (i < to && text.charCodeAt(i) === 36) i++;
  let row = 0;
  const start = i;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (col === 0 || i === start || row === 0) return false;
  at.row = row - 1;
  at.col = col - 1;
  return true;
}

const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])/;
const F_EL = /<(?:[A-Za-z_][\w.-]*:)?f(?=[\s/>])([^>]*?)(\/?)>(?:([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?f>)?/;
const V_EL = /<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v>/;
const IS_EL = /<(?:[A-Za-z_][\w.-]*:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?is>/;
const F_T = /(?:^|\s)t\s*=\s*["']([^"']*)["']/;
const F_SI = /(?:^|\s)si\s*=\s*["']([^"']*)["']/;
const F_REF = /(?:^|\s)ref\s*=\s*["']([^"']*)["']/;

function get(re: RegExp, s: string): string | undefined {
  const m = re.exec(s);
  return m ? (m[1] ?? m[2]) : undefined;
}

interface SharedMaster {
  text: string;
  row: number;
  col: number;
}

/** Space, tab, CR, LF, "/" or ">": what may follow an element's name in a tag. */
function endsName(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

/** Is the tag name in [from, to) `local`, unprefixed or with a prefix ("x:c")? */
function isLocal(xml: string, from: number, to: number, local: string): boolean {
  const at = to - local.length;
  if (at < from || !xml.startsWith(local, at)) return false;
  return at === from || (at - 1 > from && xml.charCodeAt(at - 1) === 58);
}

/**
 * The r, t and s attributes of a <row> or <c> start tag, from the attribute text in [from, to):
 * one pass over name="value" pairs, either quote. t and s raw (as written); r where it is in the
 * text (rFrom < 0: none), read in place, as every cell has one.
 */
const cellAttrs = { rFrom: -1, rTo: -1, t: undefined as string | undefined, s: undefined as string | undefined };
function readCellAttrs(xml: string, from: number, to: number): void {
  cellAttrs.rFrom = cellAttrs.rTo = -1;
  cellAttrs.t = cellAttrs.s = undefined;
  let p = from;
  while (p < to) {
    const c = xml.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      p++;
      continue;
    }
    const nameStart = p;
    while (p < to) {
      const d = xml.charCodeAt(p);
      if (d === 61 || d === 32 || d === 9 || d === 10 || d === 13) break;
      p++;
    }
    const nameEnd = p;
    while (p < to && xml.charCodeAt(p) !== 61) p++;
    p++;
    while (p < to && (xml.charCodeAt(p) === 32 || xml.charCodeAt(p) === 9 || xml.charCodeAt(p) === 10 || xml.charCodeAt(p) === 13)) p++;
    const q = xml.charCodeAt(p);
    if (p >= to || (q !== 34 && q !== 39)) return; // not an attribute list XML allows: stop
    const valueEnd = xml.indexOf(q === 34 ? '"' : "'", p + 1);
    if (valueEnd < 0 || valueEnd >= to) return;
    if (nameEnd - nameStart === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114) {
        if (cellAttrs.rFrom < 0) [cellAttrs.rFrom, cellAttrs.rTo] = [p + 1, valueEnd];
      } else if (n === 116) cellAttrs.t ??= xml.slice(p + 1, valueEnd);
      else if (n === 115) cellAttrs.s ??= xml.slice(p + 1, valueEnd);
    }
    p = valueEnd + 1;
  }
}

export function readSheet(name: string, xml: string, ctx: SheetContext): SheetData {
  const cells: (CellData | undefined)[][] = [];
  const start = xml.search(SHEET_DATA);
  let dataEnd = start;
  if (start >= 0) {
    const masters = new Map<string, SharedMaster>();
    let row = -1;
    let col = -1;
    // every "<" after <sheetData: a <row>, a <c> (either prefixed), </sheetData>, or something skipped
    let i = xml.indexOf("<", start + 1);
    while (i >= 0) {
      if (xml.charCodeAt(i + 1) === 47) {
        if (xml.startsWith("sheetData", i + 2) && endsName(xml.charCodeAt(i + 11))) {
          dataEnd = i;
          break;
        }
        i = xml.indexOf("<", i + 2);
        continue;
      }
      let nameEnd = i + 1;
      while (nameEnd < xml.length && !endsName(xml.charCodeAt(nameEnd))) nameEnd++;
      const isCell = isLocal(xml, i + 1, nameEnd, "c");
      if (!isCell && !isLocal(xml, i + 1, nameEnd, "row")) {
        i = xml.indexOf("<", i + 1);
        continue;
      }
      const gt = xml.indexOf(">", nameEnd);
      if (gt < 0) break;
      readCellAttrs(xml, nameEnd, gt);
      const empty = xml.charCodeAt(gt - 1) === 47;
      if (!isCell) {
        const r = cellAttrs.rFrom < 0 ? undefined : xml.slice(cellAttrs.rFrom, cellAttrs.rTo);
        row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
        col = -1;
        i = xml.indexOf("<", gt + 1);
        continue;
      }
      const { t, s } = cellAttrs;
      if (cellAttrs.rFrom >= 0 && refAt(xml, cellAttrs.rFrom, cellAttrs.rTo)) {
        col = at.col;
        row = at.row;
      } else col++;
      if (row < 0) row = 0;
      // the usual cell, <c …><v>…</v></c>: its value cut out, without the content between the tags
      if (!empty && xml.startsWith("<v>", gt + 1)) {
        const vEnd = xml.indexOf("<", gt + 4);
        if (vEnd >= 0 && xml.startsWith("</v></c>", vEnd)) {
          const data = cellOf(t, s, "", row, col, ctx, masters, xml.slice(gt + 4, vEnd));
          if (data) (cells[row] ??= [])[col] = data;
          i = xml.indexOf("<", vEnd + 8);
          continue;
        }
      }
      let content = "";
      let next = gt + 1;
      if (!empty) {
        // the cell's own end tag: its children (<f>, <v>, <is>…) have their own ends first
        const endTag = findCellEnd(xml, xml.indexOf("</", gt + 1));
        content = xml.slice(gt + 1, endTag.contentEnd);
        next = endTag.end;
      }
      const data = cellOf(t, s, content, row, col, ctx, masters);
      if (data) (cells[row] ??= [])[col] = data;
      i = xml.indexOf("<", next);
    }
  }
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  const merges = readMerges(xml, dataEnd < 0 ? 0 : dataEnd);
  for (const ref of merges) {
    const [a, b] = ref.split(":");
    const tl = parseRef(a);
    const br = parseRef(b ?? a);
    if (!tl || !br) continue;
    for (let r = tl.row; r <= br.row && r < cells.length; r++) {
      const line = cells[r];
      for (let c = tl.col; c <= br.col && c < line.length; c++) if (r !== tl.row || c !== tl.col) delete line[c];
    }
  }
  return { name, cells, merges };
}

/** The end of a <c>: after its last child, at "</c>" or "</x:c>". */
function findCellEnd(xml: string, firstClose: number): { contentEnd: number; end: number } {
  let i = firstClose;
  while (i >= 0) {
    // "</c>", as nearly every writer puts it; a child's end ("</v>") is passed the same way
    const c = xml.charCodeAt(i + 2);
    if (xml.charCodeAt(i + 3) === 62 && c !== 99) {
      i = xml.indexOf("</", i + 4);
      continue;
    }
    if (c === 99 && xml.charCodeAt(i + 3) === 62) return { contentEnd: i, end: i + 4 };
    const gt = xml.indexOf(">", i);
    const name = xml.slice(i + 2, gt).trim();
    const local = name.slice(name.indexOf(":") + 1);
    if (local === "c") return { contentEnd: i, end: gt + 1 };
    i = xml.indexOf("</", gt);
  }
  return { contentEnd: xml.length, end: xml.length };
}

function cellOf(
  type: string | undefined,
  s: string | undefined,
  content: string,
  row: number,
  col: number,
  ctx: SheetContext,
  masters: Map<string, SharedMaster>,
  /** the text of the cell's only child, <v>, when the scanner has cut it out already */
  onlyValue?: string,
): CellData | undefined {
  const t = type ?? "n";
  const numFmt = s !== undefined ? ctx.numFmtOfXf[Number(s)] : ctx.numFmtOfXf[0];
  // the usual content, "<v>…</v>" alone, is cut out directly; anything else goes through the patterns
  const onlyV =
    onlyValue !== undefined || (content.startsWith("<v>") && content.endsWith("</v>") && content.indexOf("<", 3) === content.length - 4);
  let formula: string | undefined;
  if (!onlyV && content.length > 0 && content.indexOf("f") >= 0) {
    const f = F_EL.exec(content);
    if (f) {
      const fa = f[1];
      const text = f[2] === "/" ? "" : decodeXml(f[3] ?? "");
      const ft = get(F_T, fa);
      const si = get(F_SI, fa);
      if (ft === "shared" && si !== undefined) {
        if (text && get(F_REF, fa) !== undefined) {
          masters.set(si, { text, row, col });
          formula = text;
        } else {
          const master = masters.get(si);
          formula = text || (master ? translateFormula(master.text, row - master.row, col - master.col) : undefined);
        }
      } else if (text) formula = text;
    }
  }
  const vm = onlyV || content.length === 0 ? null : V_EL.exec(content);
  const raw = onlyValue ?? (onlyV ? content.slice(3, -4) : vm ? vm[1] : undefined);
  let v: CellScalar = null;
  switch (t) {
    case "s": {
      if (raw !== undefined) {
        const i = Number(raw.trim());
        v = ctx.sharedStrings[i] ?? null;
      }
      break;
    }
    case "inlineStr": {
      const is = IS_EL.exec(content);
      v = is ? plainText(is[1]) : raw !== undefined ? decodeXstring(decodeXml(raw)) : null;
      break;
    }
    case "str":
      v = raw !== undefined ? decodeXstring(decodeXml(raw)) : formula !== undefined ? null : null;
      break;
    case "b":
      v = raw === undefined ? null : raw.trim() === "1" || raw.trim().toLowerCase() === "true";
      break;
    case "e":
      v = raw === undefined ? null : { error: decodeXml(raw).trim() };
      break;
    case "d":
      v = raw === undefined ? null : isoToSerial(decodeXml(raw).trim(), ctx.date1904);
      break;
    default: {
      if (raw !== undefined && raw.trim() !== "") {
        const n = Number(raw.indexOf("<") < 0 ? raw : decodeXml(raw));
        v = Number.isFinite(n) ? n : null;
      }
    }
  }
  // each shape made whole by its literal: a property added afterwards would need a backing store
  // of its own (a PropertyArray) in every formatted cell
  if (formula !== undefined) return numFmt ? { v, formula, numFmt } : { v, formula };
  if (v === null) return undefined;
  return numFmt ? { v, numFmt } : { v };
}

/** An ISO 8601 date-time (t="d" cells) as an Excel serial; a time alone is a fraction of a day. */
export function isoToSerial(iso: string, date1904: boolean): number | null {
  const timeOnly = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(iso);
  if (timeOnly) return (Number(timeOnly[1]) * 3600 + Number(timeOnly[2]) * 60 + Number(timeOnly[3] ?? 0)) / 86400;
  const zoned = /([zZ]|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : iso.includes("T") ? iso + "Z" : iso + "T00:00:00Z";
  const ms = Date.parse(zoned);
  if (!Number.isFinite(ms)) return null;
  const days = ms / 86400000 + (date1904 ? 24107 : 25569);
  return Math.round(days * 86400000) / 86400000;
}

const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell(?=[\s/>])([^>]*)>/g;
const A_REF = /(?:^|\s)ref\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function readMerges(xml: string, from: number): string[] {
  const out: string[] = [];
  MERGE.lastIndex = from;
  for (;;) {
    const m = MERGE.exec(xml);
    if (!m) return out;
    const ref = get(A_REF, m[1]);
    if (ref) out.push(ref.toUpperCase().replace(/\$/g, ""));
  }
}
