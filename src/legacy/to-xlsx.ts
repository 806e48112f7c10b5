/**
 * A fresh .xlsx package (ECMA-376 Part 1, SpreadsheetML) from a legacy workbook read: every
 * sheet with its values, number formats, merges, column widths, row heights and cell looks, and a last sheet, opened
 * first, saying in Chinese (then English) that this is a converted copy and what the old file had
 * that it could not carry. The recalculated copy is made afterwards by the normal .xlsx writer
 * over these bytes, so this writes only what a reader needs, in the parts' canonical order.
 */
import { zipSync, strToU8 } from "fflate";
import type { CellData, SheetData } from "../model/types";
import { columnLetter, parseRange, type MergeArea } from "../model/sheet";
import { LEGACY_STRINGS as S } from "./strings";
import type { CellLook } from "./look";
import type { LegacyWorkbook } from "./types";
import { StyleTable } from "./xlsx-styles";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export function legacyToXlsx(book: LegacyWorkbook): Uint8Array {
  const styles = new StyleTable(book.defaultFont);
  const strings = new SharedStrings();
  const names = sheetNames(book);
  let overlapping = 0;
  const sheets = book.data.sheets.map((s, i) => {
    const merges = disjointMerges(s.merges);
    overlapping += s.merges.length - merges.length;
    return sheetXml(
      { ...s, merges },
      book.columnWidths[i] ?? [],
      styles,
      strings,
      false,
      book.rowHeights?.[i] ?? [],
      book.cellLooks?.[i] ?? [],
    );
  });
  const cut = strings.truncated > 0 ? [S.truncated(strings.truncated)] : [];
  if (overlapping > 0) cut.push(S.overlappingMerges(overlapping));
  const note = noteSheet(book, [...names.renamed, ...cut], styles, strings);
  const noteName = uniqueName(S.noteSheet.zh, new Set(names.final));
  const all = [...names.final, noteName];
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(contentTypes(all.length)),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(workbookXml(all, book.date1904)),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRels(all.length)),
  };
  [...sheets, note].forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  files["xl/styles.xml"] = strToU8(styles.xml());
  files["xl/sharedStrings.xml"] = strToU8(strings.xml());
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2020, 0, 1)) });
}

function contentTypes(n: number): string {
  const sheets = Array.from(
    { length: n },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${sheets}` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`
  );
}

function workbookXml(names: string[], date1904: boolean): string {
  const sheets = names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  // the note is the last sheet and the one shown on opening, so nobody misses it
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${RNS}">` +
    `<workbookPr${date1904 ? ' date1904="1"' : ""}/><bookViews><workbookView activeTab="${names.length - 1}"/></bookViews>` +
    `<sheets>${sheets}</sheets></workbook>`
  );
}

function workbookRels(n: number): string {
  const rels = Array.from(
    { length: n },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${n + 1}" Type="${RNS}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}">${rels.join("")}</Relationships>`;
}

function sheetXml(
  sheet: SheetData,
  widths: (number | undefined)[],
  styles: StyleTable,
  strings: SharedStrings,
  selected = false,
  heights: (number | undefined)[] = [],
  looks: (CellLook | undefined)[][] = [],
): string {
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}">`);
  out.push(`<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}/></sheetViews>`);
  const cols = colsXml(widths);
  if (cols) out.push(cols);
  out.push("<sheetData>");
  const rows = Math.max(sheet.cells.length, heights.length, looks.length);
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    const values = sheet.cells[r] ?? [];
    const rowLooks = looks[r] ?? [];
    const width = Math.max(values.length, rowLooks.length);
    for (let c = 0; c < width; c++) {
      if (values[c] || rowLooks[c]) cells.push(cellXml(values[c], rowLooks[c], r, c, styles, strings));
    }
    const ht = heights[r];
    const attrs = ht !== undefined && ht > 0 ? ` ht="${Math.min(ht, 409)}" customHeight="1"` : "";
    if (cells.length > 0 || attrs) out.push(`<row r="${r + 1}"${attrs}>${cells.join("")}</row>`);
  }
  out.push("</sheetData>");
  if (sheet.merges.length > 0) {
    out.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
  }
  out.push("</worksheet>");
  return out.join("");
}

/**
 * Excel repairs a file whose merged areas overlap: keep the first of any overlapping ones (a .xls
 * from Excel never has them; a crafted or foreign .ods may). Quadratic, so only for sane counts.
 */
function disjointMerges(merges: string[]): string[] {
  const kept: { ref: string; a: MergeArea }[] = [];
  for (const ref of merges) {
    const a = parseRange(ref);
    if (!a) continue;
    if (merges.length <= 5000 && kept.some((k) => a.top <= k.a.bottom && k.a.top <= a.bottom && a.left <= k.a.right && k.a.left <= a.right))
      continue;
    kept.push({ ref, a });
  }
  return kept.map((k) => k.ref);
}

function colsXml(widths: (number | undefined)[]): string {
  const parts: string[] = [];
  for (let c = 0; c < widths.length;) {
    const w = widths[c];
    if (w === undefined || !(w > 0)) {
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === w) end++;
    parts.push(`<col min="${c + 1}" max="${end + 1}" width="${Math.min(w, 255)}" customWidth="1"/>`);
    c = end + 1;
  }
  return parts.length ? `<cols>${parts.join("")}</cols>` : "";
}

/** one <c>: a value with its style, or a styled empty cell (a border on an empty cell is still a border) */
function cellXml(
  cell: CellData | undefined,
  look: CellLook | undefined,
  r: number,
  c: number,
  styles: StyleTable,
  strings: SharedStrings,
): string {
  const ref = `${columnLetter(c)}${r + 1}`;
  const v = cell ? cell.v : null;
  const s = styles.index(cell?.numFmt, look, typeof v === "string" && v.includes("\n"));
  const sAttr = s ? ` s="${s}"` : "";
  if (typeof v === "number") return `<c r="${ref}"${sAttr}><v>${String(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${sAttr} t="s"><v>${strings.index(v)}</v></c>`;
  if (v && typeof v === "object") return `<c r="${ref}"${sAttr} t="e"><v>${esc(v.error)}</v></c>`;
  return `<c r="${ref}"${sAttr}/>`;
}

/** Excel's limit on the characters of one cell (Excel specifications and limits) */
const MAX_CELL_TEXT = 32767;

class SharedStrings {
  private readonly map = new Map<string, number>();
  private readonly list: string[] = [];
  /** cells whose text was longer than an .xlsx cell may hold */
  truncated = 0;

  index(text: string): number {
    let s = text;
    if (s.length > MAX_CELL_TEXT) {
      this.truncated++;
      s = s.slice(0, MAX_CELL_TEXT);
    }
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.map.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escText(s)}</t></si>`).join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${this.list.length}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function noteSheet(book: LegacyWorkbook, extra: string[], styles: StyleTable, strings: SharedStrings): string {
  const kinds = book.format === "ods" ? ".ods" : book.format === "et" ? ".et" : ".xls";
  const lost = [...book.notCarried, ...extra];
  const rows: string[][] = [];
  if (lost.length > 0) {
    rows.push([S.noteLead.zh(kinds, lost.join(S.listJoin))]);
    rows.push([S.noteLead.en(kinds, `${lost.length} item(s), listed below`)]);
  } else {
    rows.push([S.nothingLost.zh(kinds)]);
    rows.push([S.nothingLost.en(kinds)]);
  }
  if (book.sourceName) rows.push([`${S.source.zh} / ${S.source.en}：${book.sourceName}`]);
  const kept = book.cellLooks ? S.keptLooks : S.kept;
  rows.push([kept.zh], [kept.en]);
  if (lost.length > 0) {
    rows.push([`${S.lostHeader.zh} / ${S.lostHeader.en}`]);
    for (const item of lost) rows.push([item]);
  }
  const sheet: SheetData = { name: "", cells: rows.map((r) => r.map((v) => ({ v }) as CellData)), merges: [] };
  return sheetXml(sheet, [120], styles, strings, true);
}

/** .xlsx sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
function sheetNames(book: LegacyWorkbook): { final: string[]; renamed: string[] } {
  const used = new Set<string>();
  const renamed: string[] = [];
  const final = book.data.sheets.map((s) => {
    let name =
      s.name
        .replace(/[[\]:*?/\\]/g, "_")
        .replace(/^'+|'+$/g, "")
        .slice(0, 31) || "Sheet";
    name = uniqueName(name, used);
    used.add(name.toLowerCase());
    if (name !== s.name) renamed.push(S.renamedSheet(s.name, name));
    return name;
  });
  return { final, renamed };
}

function uniqueName(base: string, used: Set<string>): string {
  const lower = new Set([...used].map((u) => u.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const n = `${base.slice(0, 31 - String(i).length - 2)}(${i})`;
    if (!lower.has(n.toLowerCase())) return n;
  }
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text content: XML-escaped; characters XML 1.0 cannot hold written as ST_Xstring's _xHHHH_. */
function escText(s: string): string {
  return esc(s).replace(
    // eslint-disable-next-line no-control-regex -- these are the characters XML cannot hold
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}
