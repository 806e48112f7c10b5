/**
 * Inside a changed worksheet XML, only the plan cells' <c> elements may differ (and a new note
 * needs a <legacyDrawing r:id> element, ECMA-376 Part 1 §18.3.1.48). This masks those out of
 * both texts and requires what is left to be the same text: row and column settings, merges,
 * conditional formatting, data validation, hyperlinks, drawings, extLst … exactly as they were.
 */
import { firstDifference } from "./package-parts";

/**
 * Every <c> of the sheet with the cell it stands for. A <c> or <row> without r is the one after
 * the previous (ECMA-376 Part 1 §18.3.1.4, §18.3.1.73); any namespace prefix (x:c), either quote.
 */
interface CellSpan {
  ref: string;
  start: number;
  end: number;
}

const TAG = /<((?:\w+:)?)(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;
const R_ATTR = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellSpans(xml: string): CellSpan[] {
  const out: CellSpan[] = [];
  let row = 0;
  let col = -1;
  TAG.lastIndex = 0;
  for (;;) {
    const m = TAG.exec(xml);
    if (!m) return out;
    const r = R_ATTR.exec(m[3]);
    const rv = r ? (r[1] ?? r[2]) : undefined;
    if (m[2] === "row") {
      row = rv ? Number(rv) : row + 1;
      col = -1;
      continue;
    }
    const at = rv ? /^\$?([A-Z]+)\$?(\d+)$/.exec(rv) : null;
    if (at) {
      col = [...at[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      row = Number(at[2]);
    } else col++;
    let end = TAG.lastIndex;
    if (m[4] !== "/") {
      const close = xml.indexOf(`</${m[1]}c>`, end);
      end = close < 0 ? xml.length : close + m[1].length + 4;
      TAG.lastIndex = end;
    }
    out.push({ ref: `${letters(col)}${row}`, start: m.index, end });
  }
}

export function cellRef(attrs: string): string | null {
  const r = R_ATTR.exec(attrs);
  return r ? ((r[1] ?? r[2]).replace(/\$/g, "") ?? null) : null;
}

/** The sheet text with the <c> elements of `cells` replaced by a marker naming the cell. */
export function maskCells(xml: string, cells: Iterable<string>): string {
  const set = new Set(cells);
  let out = "";
  let at = 0;
  for (const c of cellSpans(xml)) {
    if (!set.has(c.ref)) continue;
    out += xml.slice(at, c.start) + `<c r="${c.ref}"/>`;
    at = c.end;
  }
  return out + xml.slice(at);
}

/** The <c> element of one cell, or null. */
export function cellElement(xml: string, ref: string): string | null {
  const c = cellSpans(xml).find((x) => x.ref === ref);
  return c ? xml.slice(c.start, c.end) : null;
}

const LEGACY_DRAWING = /<(?:\w+:)?legacyDrawing\b[^>]*\/>/;
/** the relationships namespace, Transitional or ISO/IEC 29500 Strict */
const R_NS_DECL =
  /\sxmlns:r=["']http:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships|purl\.oclc\.org\/ooxml\/officeDocument\/relationships)["']/;

/**
 * CT_Worksheet's child order after <drawing> (ECMA-376 Part 1 §18.3.1.99): legacyDrawing must
 * come before these, or Excel reports the file as damaged and repairs it.
 */
const AFTER_LEGACY_DRAWING = [
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const BEFORE_LEGACY_DRAWING = [
  "sheetData",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "drawing",
];

/**
 * Throws with the first difference unless `after` equals `before` once the plan cells are
 * masked in both and — when `before` had none — the new <legacyDrawing> is taken out of `after`
 * (which must then sit where the schema puts it).
 */
export function expectOnlyPlanCellsInSheet(before: string, after: string, planCells: Iterable<string>, label = "sheet"): void {
  const cells = [...planCells];
  const a = maskCells(before, cells);
  let b = maskCells(after, cells);
  if (!LEGACY_DRAWING.test(before) && LEGACY_DRAWING.test(after)) {
    const at = after.search(LEGACY_DRAWING);
    for (const el of AFTER_LEGACY_DRAWING) {
      const i = topLevelIndex(after, el);
      if (i >= 0 && i < at)
        throw new Error(`${label}: the new <legacyDrawing> comes after <${el}>, against the schema's order (Excel repairs such a file)`);
    }
    for (const el of BEFORE_LEGACY_DRAWING) {
      const i = topLevelIndex(after, el);
      if (i > at)
        throw new Error(`${label}: the new <legacyDrawing> comes before <${el}>, against the schema's order (Excel repairs such a file)`);
    }
    b = b.replace(LEGACY_DRAWING, "");
    // r:id needs the relationships namespace; a sheet without any r:… attribute may not declare it
    // (on the root, or on the new element itself — which went with it)
    const rootOf = (x: string) => x.slice(0, x.indexOf(">", x.search(/<(?:\w+:)?worksheet\b/)) + 1);
    if (!R_NS_DECL.test(rootOf(before))) {
      const root = rootOf(b);
      b = root.replace(R_NS_DECL, "") + b.slice(root.length);
    }
  }
  if (a !== b) {
    throw new Error(`${label}: more than the plan cells (${cells.join(" ")}) differ in the sheet XML:\n${firstDifference(a, b)}`);
  }
  // the masked cells themselves must still be there (a writer must not drop a plan cell's element)
  for (const c of cells) {
    if (cellElement(before, c) && !cellElement(after, c)) throw new Error(`${label}: the <c> of ${c} is gone`);
  }
}

/** Where a worksheet-level child starts (-1: none); extLst also nests inside cfRule, so take the last one, and only when it closes the sheet. */
function topLevelIndex(xml: string, el: string): number {
  if (el === "extLst")
    return /<\/(?:\w+:)?extLst>\s*<\/(?:\w+:)?worksheet>\s*$/.test(xml)
      ? xml.search(/<(?:\w+:)?extLst\b(?![\s\S]*<(?:\w+:)?extLst\b)/)
      : -1;
  return xml.search(new RegExp(`<(?:\\w+:)?${el}\\b`));
}
