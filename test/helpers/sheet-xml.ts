/**
 * Inside a changed worksheet XML, only the plan cells' <c> elements may differ (and a new note
 * needs a <legacyDrawing r:id> element, ECMA-376 Part 1 §18.3.1.48). This masks those out of
 * both texts and requires what is left to be the same text: row and column settings, merges,
 * conditional formatting, data validation, hyperlinks, drawings, extLst … exactly as they were.
 */
import { firstDifference } from "./package-parts";

/** <c r="A1" …/> or <c r="A1" …>…</c> (no prefix: SpreadsheetML's default namespace, as every writer in the corpus uses). */
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export function cellRef(attrs: string): string | null {
  return /\sr\s*=\s*"([A-Z]+[0-9]+)"/.exec(attrs)?.[1] ?? null;
}

/** The sheet text with the <c> elements of `cells` replaced by a marker naming the cell. */
export function maskCells(xml: string, cells: Iterable<string>): string {
  const set = new Set(cells);
  return xml.replace(CELL, (whole, attrs: string) => {
    const r = cellRef(attrs);
    return r && set.has(r) ? `<c r="${r}"/>` : whole;
  });
}

/** The <c> element of one cell, or null. */
export function cellElement(xml: string, ref: string): string | null {
  for (const m of xml.matchAll(CELL)) if (cellRef(m[1]) === ref) return m[0];
  return null;
}

const LEGACY_DRAWING = /<legacyDrawing\b[^>]*\/>/;
const R_NS_DECL = /\sxmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/;

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
    const rootOf = (x: string) => x.slice(0, x.indexOf(">", x.indexOf("<worksheet")) + 1);
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
  if (el === "extLst") return /<\/extLst>\s*<\/worksheet>\s*$/.test(xml) ? xml.lastIndexOf("<extLst") : -1;
  return xml.search(new RegExp(`<${el}\\b`));
}
