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
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 && i === 0) continue;
    else break;
  }
  if (i < ref.length && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (col === 0 || i === start || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|\/sheetData)(?=[\s/>])([^>]*)>/g;
const A_R = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const A_T = /(?:^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const A_S = /(?:^|\s)s\s*=\s*(?:"([^"]*)"|'([^']*)')/;
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

export function readSheet(name: string, xml: string, ctx: SheetContext): SheetData {
  const cells: (CellData | undefined)[][] = [];
  const start = xml.search(/<(?:[A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])/);
  let dataEnd = start;
  if (start >= 0) {
    const masters = new Map<string, SharedMaster>();
    TAG.lastIndex = start;
    let row = -1;
    let col = -1;
    for (;;) {
      const m = TAG.exec(xml);
      if (!m) break;
      if (m[1] === "/sheetData") {
        dataEnd = m.index;
        break;
      }
      const attrs = m[2];
      const empty = attrs.endsWith("/");
      if (m[1] === "row") {
        const r = get(A_R, attrs);
        row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
        col = -1;
        continue;
      }
      // a <c>
      const ref = get(A_R, attrs);
      const at = ref !== undefined ? parseRef(ref) : null;
      if (at) {
        col = at.col;
        if (at.row !== row && row < 0) row = at.row;
        else if (at.row !== row) row = at.row;
      } else col++;
      if (row < 0) row = 0;
      let content = "";
      if (!empty) {
        // the cell's own end tag: its children (<f>, <v>, <is>…) have their own ends first
        const endTag = findCellEnd(xml, xml.indexOf("</", TAG.lastIndex));
        content = xml.slice(TAG.lastIndex, endTag.contentEnd);
        TAG.lastIndex = endTag.end;
      }
      const data = cellOf(attrs, content, row, col, ctx, masters);
      if (data) (cells[row] ??= [])[col] = data;
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
    const gt = xml.indexOf(">", i);
    const name = xml.slice(i + 2, gt).trim();
    const local = name.slice(name.indexOf(":") + 1);
    if (local === "c") return { contentEnd: i, end: gt + 1 };
    i = xml.indexOf("</", gt);
  }
  return { contentEnd: xml.length, end: xml.length };
}

function cellOf(
  attrs: string,
  content: string,
  row: number,
  col: number,
  ctx: SheetContext,
  masters: Map<string, SharedMaster>,
): CellData | undefined {
  const t = get(A_T, attrs) ?? "n";
  const s = get(A_S, attrs);
  const numFmt = s !== undefined ? ctx.numFmtOfXf[Number(s)] : ctx.numFmtOfXf[0];
  let formula: string | undefined;
  if (content.length > 0 && content.indexOf("f") >= 0) {
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
  const vm = content.length > 0 ? V_EL.exec(content) : null;
  const raw = vm ? vm[1] : undefined;
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
  if (formula !== undefined) {
    const out: CellData = { v, formula };
    if (numFmt) out.numFmt = numFmt;
    return out;
  }
  if (v === null) return undefined;
  const out: CellData = { v };
  if (numFmt) out.numFmt = numFmt;
  return out;
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
