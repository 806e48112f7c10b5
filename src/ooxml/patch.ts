/**
 * One patch plan in, one package out. The plan names cells (a value, a fill, a number format,
 * a note); this writes the parts that must change to carry it — the sheets named, the styles
 * part (appended to), the notes' comments and VML parts (created or extended, with their
 * relationships and content types), calcChain when a formula went — and copies every other
 * zip entry as its raw bytes.
 *
 * calcChain: when a written value replaces a formula, the chain would name a cell without a
 * formula, which Excel reports as a problem and "repairs". The chain is only a cache of
 * calculation order that Excel rebuilds silently when it is missing, so it is dropped (part,
 * its workbook relationship and its content type) rather than edited: editing it means
 * following its i-inheritance across entries, for no gain. It stays untouched otherwise.
 */
import type { OpenedPackage } from "./read";
import { readNotes, writeNotes, type NoteEdits, type SheetNotes } from "./notes";
import { relsPartOf, removeOverride, removeRelationship } from "./package";
import { currentCells, patchCells, type CellEdit, type CellValue } from "./sheet-patch";
import { StylesAppender } from "./styles";
import { writeZip } from "./zip";
import { address } from "../model/sheet";
import { XlsxPackageError } from "./errors";

export interface CellChange {
  sheet: string;
  /** 0-based */
  row: number;
  col: number;
  value?: CellValue;
  /** a solid fill in this ARGB colour ("FFF8B4B4"), the cell's other formatting kept */
  fill?: string;
  /** take off a solid fill whose colour is one of these (the add-in's own highlight colours) */
  clearFill?: Set<string>;
  /** a number format, the rest of the cell's style kept */
  numFmt?: string;
  /** exactly this style index (giving a cell back the style it had) */
  style?: number;
  /** the note's whole new text; null removes the note */
  note?: string | null;
}

let textEncoder: InstanceType<typeof TextEncoder> | null = null;
const encoder = { encode: (t: string): Uint8Array => (textEncoder ??= new TextEncoder()).encode(t) };

export function sheetPartOf(pkg: OpenedPackage, sheet: string): string {
  const s = pkg.info.sheets.find((x) => x.name === sheet) ?? pkg.info.sheets.find((x) => x.name.toLowerCase() === sheet.toLowerCase());
  if (!s) throw new XlsxPackageError(`找不到工作表“${sheet}”`);
  return s.part;
}

/** The notes of one sheet as they are in the package. */
export function notesOf(pkg: OpenedPackage, sheet: string): SheetNotes {
  const part = sheetPartOf(pkg, sheet);
  return readNotes(pkg.zip, part, pkg.zip.text(part) ?? "");
}

/** Style index per cell, for the cells asked (0 where the cell has none). */
export function stylesOf(pkg: OpenedPackage, sheet: string, cells: { row: number; col: number }[]): Map<string, number> {
  const part = sheetPartOf(pkg, sheet);
  const found = currentCells(pkg.zip.text(part) ?? "", new Set(cells.map((c) => c.row * 16384 + c.col)));
  const out = new Map<string, number>();
  for (const c of cells) out.set(address(c.row, c.col), found.get(c.row * 16384 + c.col)?.style ?? 0);
  return out;
}

export function patchPackage(pkg: OpenedPackage, changes: CellChange[]): Uint8Array {
  const { zip, info } = pkg;
  const out = new Map<string, Uint8Array | null>();
  const typesName = zip.find("[Content_Types].xml")?.name ?? "[Content_Types].xml";
  const typesBefore = zip.text(typesName) ?? "";
  let types = typesBefore;
  const needsStyles = changes.some((c) => c.fill !== undefined || c.clearFill !== undefined || c.numFmt !== undefined);
  if (needsStyles && !info.stylesPart) throw new XlsxPackageError("工作簿没有样式部分，无法标注颜色");
  const styles = needsStyles ? new StylesAppender(zip.text(info.stylesPart!) ?? "") : null;
  const taken = new Set<string>();
  let removedFormula = false;

  const bySheet = new Map<string, CellChange[]>();
  for (const c of changes) {
    const part = sheetPartOf(pkg, c.sheet);
    const list = bySheet.get(part) ?? [];
    list.push(c);
    bySheet.set(part, list);
  }
  for (const [part, list] of bySheet) {
    let xml = zip.text(part) ?? "";
    const current = currentCells(xml, new Set(list.map((c) => c.row * 16384 + c.col)));
    const edits: CellEdit[] = [];
    const notes: NoteEdits = new Map();
    for (const c of list) {
      const was = current.get(c.row * 16384 + c.col)?.style ?? 0;
      let style: number | undefined = c.style;
      let base = style ?? was;
      if (styles && c.numFmt !== undefined) base = style = styles.withNumFmt(base, c.numFmt);
      if (styles && c.fill !== undefined) style = styles.withFill(base, c.fill);
      else if (styles && c.clearFill && styles.fillIsSolid(base, c.clearFill)) style = styles.withoutFill(base);
      if (style === was) style = undefined;
      if (c.value !== undefined || style !== undefined) edits.push({ row: c.row, col: c.col, value: c.value, style });
      if (c.note !== undefined) notes.set(address(c.row, c.col), c.note);
    }
    if (edits.length) {
      const r = patchCells(xml, edits);
      xml = r.xml;
      if (r.removedFormula) removedFormula = true;
    }
    if (notes.size) {
      const before = readNotes(zip, part, xml);
      const r = writeNotes(zip, part, xml, before, notes, types, taken);
      xml = r.sheetXml;
      types = r.contentTypes;
      for (const [name, text] of r.parts) out.set(name, text === null ? null : encoder.encode(text));
    }
    if (xml !== zip.text(part)) out.set(part, encoder.encode(xml));
  }
  if (styles?.changed) out.set(info.stylesPart!, encoder.encode(styles.result()));
  if (removedFormula && info.calcChainPart) {
    out.set(info.calcChainPart, null);
    const relsName = relsPartOf(info.part);
    const rel = info.rels.find((r) => r.part === info.calcChainPart);
    const rels = zip.text(relsName);
    if (rel && rels) out.set(relsName, encoder.encode(removeRelationship(rels, rel.id)));
    types = removeOverride(types, info.calcChainPart);
  }
  if (types !== typesBefore) out.set(typesName, encoder.encode(types));
  return writeZip(zip, out);
}
