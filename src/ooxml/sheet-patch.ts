/**
 * Edits a worksheet part in place: only the <c> elements of the cells asked for change (and
 * a <row> or <c> is created, in order, when the cell does not exist yet). Everything else
 * in the part — row and column settings, merges, conditional formatting, validation,
 * hyperlinks, drawings, extLst — is copied through as the same characters.
 */
import { address } from "../model/sheet";
import { parseRef } from "./sheet-read";
import { translateFormula } from "./shared-formula";
import { attributes, decodeXml, escapeText, escapeXstring, removeAttr, setAttr, spanAt } from "./xml";

export type CellValue =
  /** a number in place of what the cell held (a formula there goes) */
  | { kind: "number"; n: number }
  /** a text value, written inline (the shared-strings part is never touched) */
  | { kind: "text"; s: string }
  /** the cell's formula stays; only its cached result becomes this number */
  | { kind: "cached"; n: number }
  /** a formula of our own, with its cached result */
  | { kind: "formula"; formula: string; result: number | string | boolean | null };

export interface CellEdit {
  row: number;
  col: number;
  value?: CellValue;
  /** the style index the cell gets (computed from its current one by the caller) */
  style?: number;
}

/** What the patch found in the cells it changed. */
export interface CellsPatched {
  xml: string;
  /** a formula cell lost its formula (the calcChain names it) */
  removedFormula: boolean;
  /** a formula was written where there was none */
  addedFormula: boolean;
}

/** The current style index of a cell (0 when the cell or its s attribute is absent). */
export function styleOf(xml: string, row: number, col: number): number {
  return currentCells(xml, new Set([key(row, col)])).get(key(row, col))?.style ?? 0;
}

function key(row: number, col: number): number {
  return row * 16384 + col;
}

interface Found {
  style: number;
  openTag: string;
  content: string;
}

const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|\/sheetData)(?=[\s/>])([^>]*)>/g;

/** The cells of the set as they are now (style, start tag, content). */
export function currentCells(xml: string, wanted: Set<number>): Map<number, Found> {
  const out = new Map<number, Found>();
  walk(xml, (row, col, openTag, content) => {
    const k = key(row, col);
    if (wanted.has(k)) out.set(k, { style: Number(attributes(openTag).get("s") ?? 0), openTag, content });
  });
  return out;
}

/** Calls back for every <c> in sheetData with its position, start tag and content. */
function walk(xml: string, cb: (row: number, col: number, openTag: string, content: string, start: number, end: number) => void): void {
  const start = xml.search(/<(?:[A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])/);
  if (start < 0) return;
  const re = new RegExp(TAG.source, "g");
  re.lastIndex = start;
  let row = -1;
  let col = -1;
  for (;;) {
    const m = re.exec(xml);
    if (!m || m[1] === "/sheetData") return;
    const a = m[2];
    if (m[1] === "row") {
      const r = /(?:^|\s)r\s*=\s*["'](\d+)["']/.exec(a);
      row = r ? Number(r[1]) - 1 : row + 1;
      col = -1;
      continue;
    }
    const ref = /(?:^|\s)r\s*=\s*["']([^"']*)["']/.exec(a);
    const at = ref ? parseRef(ref[1]) : null;
    if (at) {
      row = at.row;
      col = at.col;
    } else col++;
    const qname = m[0].slice(1, m[0].search(/[\s/>]/));
    const span = spanAt(xml, m.index, m[0], qname);
    cb(row, col, m[0], xml.slice(span.openEnd, span.closeStart), m.index, span.end);
    re.lastIndex = span.end;
  }
}

/**
 * The sheet with the edits made. Rows are found by their r (or position), cells by theirs;
 * a missing row or cell is inserted where its number puts it.
 */
export function patchCells(xml: string, edits: CellEdit[]): CellsPatched {
  const byKey = new Map(edits.map((e) => [key(e.row, e.col), e]));
  let removedFormula = false;
  let addedFormula = false;
  // a shared formula's master that loses its formula: its other cells get the text as their own
  const brokenGroups = new Map<string, { text: string; row: number; col: number }>();
  walk(xml, (row, col, _openTag, content) => {
    const e = byKey.get(key(row, col));
    if (!e?.value || e.value.kind === "cached") return;
    const f = /<(?:[A-Za-z_][\w.-]*:)?f(?=[\s/>])([^>]*?)(\/?)>(?:([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?f>)?/.exec(content);
    if (!f) return;
    const a = attributes(`<f${f[1]}>`);
    if (a.get("t") === "shared" && a.has("ref") && a.has("si") && f[3]) brokenGroups.set(a.get("si")!, { text: decodeXml(f[3]), row, col });
  });

  const sdMatch = /<((?:[A-Za-z_][\w.-]*:)?)sheetData(?=[\s/>])[^>]*>/.exec(xml);
  if (!sdMatch) return { xml, removedFormula, addedFormula };
  const p = sdMatch[1];
  const pieces: string[] = [];
  let copied = 0;
  const splice = (from: number, to: number, text: string) => {
    pieces.push(xml.slice(copied, from), text);
    copied = to;
  };

  // cells per row, for inserting the missing ones
  const rowsWanted = new Map<number, CellEdit[]>();
  for (const e of edits) {
    const list = rowsWanted.get(e.row) ?? [];
    list.push(e);
    rowsWanted.set(e.row, list);
  }
  for (const list of rowsWanted.values()) list.sort((a, b) => a.col - b.col);
  // cells written (by key) and rows met or created (by index): two sets, as a cell key of row 0
  // is a small number that would read as a row index
  const done = new Set<number>();
  const rowsDone = new Set<number>();

  const newCell = (e: CellEdit) => {
    const r = editCell(`<${p}c r="${address(e.row, e.col)}">`, "", e, p);
    if (r.addedFormula) addedFormula = true;
    return r.xml;
  };

  if (sdMatch[0].endsWith("/>")) {
    const rows = [...rowsWanted.keys()].sort((a, b) => a - b);
    const body = rows.map((r) => `<${p}row r="${r + 1}">${rowsWanted.get(r)!.map(newCell).join("")}</${p}row>`).join("");
    const open = sdMatch[0].replace(/\s*\/>$/, ">");
    splice(sdMatch.index, sdMatch.index + sdMatch[0].length, `${open}${body}</${p}sheetData>`);
    pieces.push(xml.slice(copied));
    return { xml: pieces.join(""), removedFormula, addedFormula };
  }

  const re = new RegExp(TAG.source, "g");
  re.lastIndex = sdMatch.index + sdMatch[0].length;
  let row = -1;
  let col = -1;
  let rowOpen: { row: number; contentStart: number; qname: string } | null = null;
  const pendingRowsBefore = (limit: number, at: number) => {
    // new rows for wanted rows < limit that have not appeared
    const missing = [...rowsWanted.keys()].filter((r) => r < limit && !rowsDone.has(r)).sort((a, b) => a - b);
    if (missing.length === 0) return;
    const body = missing
      .map(
        (r) =>
          `<${p}row r="${r + 1}">${rowsWanted
            .get(r)!
            .map((e) => (done.add(key(e.row, e.col)), newCell(e)))
            .join("")}</${p}row>`,
      )
      .join("");
    for (const r of missing) rowsDone.add(r);
    splice(at, at, body);
  };
  const finishRow = (at: number) => {
    // cells of the open row not met yet go before its end tag
    if (!rowOpen) return;
    const list = rowsWanted.get(rowOpen.row) ?? [];
    const rest = list.filter((e) => !done.has(key(e.row, e.col)));
    if (rest.length) splice(at, at, rest.map((e) => (done.add(key(e.row, e.col)), newCell(e))).join(""));
    rowsDone.add(rowOpen.row);
    rowOpen = null;
  };
  for (;;) {
    const m = re.exec(xml);
    if (!m) break;
    if (m[1] === "/sheetData") {
      pendingRowsBefore(Infinity, m.index);
      break;
    }
    const a = m[2];
    if (m[1] === "row") {
      const r = /(?:^|\s)r\s*=\s*["'](\d+)["']/.exec(a);
      row = r ? Number(r[1]) - 1 : row + 1;
      col = -1;
      pendingRowsBefore(row, m.index);
      const qname = m[0].slice(1, m[0].search(/[\s/>]/));
      const span = spanAt(xml, m.index, m[0], qname);
      if (!rowsWanted.has(row)) {
        re.lastIndex = span.end;
        continue;
      }
      if (span.selfClosing) {
        const open = m[0].replace(/\s*\/>$/, ">");
        const cells = rowsWanted
          .get(row)!
          .map((e) => (done.add(key(e.row, e.col)), newCell(e)))
          .join("");
        splice(m.index, span.end, `${open}${cells}</${qname}>`);
        rowsDone.add(row);
        re.lastIndex = span.end;
        continue;
      }
      rowOpen = { row, contentStart: span.openEnd, qname };
      // cells of this row are scanned next; the row's end is met through its closing tag below
      scanRow(span.openEnd, span.closeStart);
      finishRow(span.closeStart);
      re.lastIndex = span.end;
      continue;
    }
    // a <c> outside a <row> cannot occur in a valid part; skip it
    const qname = m[0].slice(1, m[0].search(/[\s/>]/));
    re.lastIndex = spanAt(xml, m.index, m[0], qname).end;
  }
  pieces.push(xml.slice(copied));
  let out = pieces.join("");
  if (brokenGroups.size > 0) out = unshareGroups(out, brokenGroups, new Set(edits.map((e) => key(e.row, e.col))));
  return { xml: out, removedFormula, addedFormula };

  function scanRow(from: number, to: number) {
    const cre = /<(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])([^>]*)>/g;
    cre.lastIndex = from;
    for (;;) {
      const m = cre.exec(xml);
      if (!m || m.index >= to) return;
      const ref = /(?:^|\s)r\s*=\s*["']([^"']*)["']/.exec(m[1]);
      const at = ref ? parseRef(ref[1]) : null;
      col = at ? at.col : col + 1;
      const qname = m[0].slice(1, m[0].search(/[\s/>]/));
      const span = spanAt(xml, m.index, m[0], qname);
      cre.lastIndex = span.end;
      // wanted cells of this row that sort before this one and do not exist: insert here
      for (const e of rowsWanted.get(row) ?? []) {
        if (e.col < col && !done.has(key(e.row, e.col))) {
          done.add(key(e.row, e.col));
          splice(m.index, m.index, newCell(e));
        }
      }
      const e = byKey.get(key(row, col));
      if (!e || done.has(key(row, col))) continue;
      done.add(key(row, col));
      const content = xml.slice(span.openEnd, span.closeStart);
      const r = editCell(m[0].endsWith("/>") ? m[0].replace(/\s*\/>$/, ">") : m[0], content, e, p, at ? undefined : address(row, col));
      if (r.removedFormula) removedFormula = true;
      if (r.addedFormula) addedFormula = true;
      splice(m.index, span.end, r.xml);
    }
  }
}

/** One <c> rewritten: its start tag keeps every attribute but the ones the new value decides. */
function editCell(
  openTag: string,
  content: string,
  e: CellEdit,
  p: string,
  ref?: string,
): { xml: string; removedFormula: boolean; addedFormula: boolean } {
  let open = openTag;
  if (ref) open = setAttr(open, "r", ref);
  if (e.style !== undefined) open = e.style === 0 ? removeAttr(open, "s") : setAttr(open, "s", String(e.style));
  const qname = open.slice(1, open.search(/[\s/>]/));
  const hadFormula = /<(?:[A-Za-z_][\w.-]*:)?f(?=[\s/>])/.test(content);
  const v = e.value;
  if (!v) return { xml: content ? `${open}${content}</${qname}>` : open.replace(/>$/, "/>"), removedFormula: false, addedFormula: false };
  switch (v.kind) {
    case "cached": {
      // the <f> and any other child stay; <v> holds the new number and the type is number
      open = removeAttr(open, "t");
      const vRe = /<((?:[A-Za-z_][\w.-]*:)?)v(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/\1v>)/;
      const vEl = `<${p}v>${numberText(v.n)}</${p}v>`;
      let body = vRe.test(content) ? content.replace(vRe, vEl) : insertV(content, vEl);
      body = body.replace(/<((?:[A-Za-z_][\w.-]*:)?)is(?:\s[^>]*)?>[\s\S]*?<\/\1is>/, "");
      return { xml: `${open}${body}</${qname}>`, removedFormula: false, addedFormula: false };
    }
    case "number":
      open = removeAttr(removeAttr(removeAttr(open, "t"), "cm"), "vm");
      return { xml: `${open}<${p}v>${numberText(v.n)}</${p}v></${qname}>`, removedFormula: hadFormula, addedFormula: false };
    case "text":
      open = setAttr(removeAttr(removeAttr(open, "cm"), "vm"), "t", "inlineStr");
      return {
        xml: `${open}<${p}is><${p}t xml:space="preserve">${escapeXstring(v.s)}</${p}t></${p}is></${qname}>`,
        removedFormula: hadFormula,
        addedFormula: false,
      };
    case "formula": {
      open = removeAttr(removeAttr(removeAttr(open, "t"), "cm"), "vm");
      const r = v.result;
      let val = "";
      if (typeof r === "number") val = `<${p}v>${numberText(r)}</${p}v>`;
      else if (typeof r === "string") {
        open = setAttr(open, "t", "str");
        val = `<${p}v>${escapeText(r)}</${p}v>`;
      } else if (typeof r === "boolean") {
        open = setAttr(open, "t", "b");
        val = `<${p}v>${r ? 1 : 0}</${p}v>`;
      }
      return { xml: `${open}<${p}f>${escapeText(v.formula)}</${p}f>${val}</${qname}>`, removedFormula: false, addedFormula: !hadFormula };
    }
  }
}

/** <v> goes after <f> (CT_Cell: f, v, is, extLst). */
function insertV(content: string, vEl: string): string {
  const f = /<((?:[A-Za-z_][\w.-]*:)?)f(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/\1f>)/.exec(content);
  if (f) return content.slice(0, f.index + f[0].length) + vEl + content.slice(f.index + f[0].length);
  return vEl + content;
}

/** A number as the <v> of a cell: the shortest text that reads back as the same double. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`不是有限的数：${n}`);
  return String(n).toUpperCase();
}

/**
 * Every cell of the broken shared-formula groups (their master's formula is gone) gets the
 * formula it showed as its own <f>, so nothing else in the sheet changes meaning.
 */
function unshareGroups(xml: string, groups: Map<string, { text: string; row: number; col: number }>, edited: Set<number>): string {
  const pieces: string[] = [];
  let copied = 0;
  walk(xml, (row, col, openTag, content, start, end) => {
    if (edited.has(key(row, col))) return;
    const f = /<((?:[A-Za-z_][\w.-]*:)?)f(?=[\s/>])([^>]*?)(\/?)>(?:([\s\S]*?)<\/\1f>)?/.exec(content);
    if (!f) return;
    const a = attributes(`<f${f[2]}>`);
    const g = a.get("t") === "shared" ? groups.get(a.get("si") ?? "") : undefined;
    if (!g) return;
    const text = translateFormula(g.text, row - g.row, col - g.col);
    const qname = openTag.slice(1, openTag.search(/[\s/>]/));
    const body = content.replace(f[0], `<${f[1]}f>${escapeText(text)}</${f[1]}f>`);
    pieces.push(xml.slice(copied, start), `${openTag}${body}</${qname}>`);
    copied = end;
  });
  pieces.push(xml.slice(copied));
  return pieces.join("");
}
