/**
 * Cell notes (legacy comments, ECMA-376 Part 1, 18.7): the sheet's comments part holds the
 * text, its VML drawing (legacyDrawing) the box Excel shows. Reading gives each note's plain
 * text; writing edits only the <comment> and <v:shape> of the cells asked for, creating the
 * two parts (with their relationships, content types and the sheet's <legacyDrawing>) when the
 * sheet has none. Threaded comments (Excel 365) keep a placeholder note in the comments part:
 * those cells are reported as threaded and their note is never edited.
 */
import {
  addRelationship,
  CONTENT_TYPE,
  dialectOf,
  ensureDefault,
  freshRelId,
  isType,
  parseRels,
  REL_NS,
  REL_TYPE,
  relativeTarget,
  relsPartOf,
  setOverride,
  STRICT,
  contentTypeOf,
  removeDefault,
  removeOverride,
  removeRelationship,
  type Relationship,
} from "./package";
import { parseRef } from "./sheet-read";
import { attr, attributes, escapeText, escapeXstring, findElement, findElements, plainText, prefixFor } from "./xml";
import type { ZipArchive } from "./zip";

export interface SheetNotes {
  /** note text by A1 ref (upper case, no $) */
  text: Map<string, string>;
  /** cells that carry a threaded comment */
  threaded: Set<string>;
  commentsPart: string | null;
  vmlPart: string | null;
  rels: Relationship[];
}

export function readNotes(zip: ZipArchive, sheetPart: string, sheetXml: string): SheetNotes {
  const rels = parseRels(zip.text(relsPartOf(sheetPart)), sheetPart);
  const commentsRel = rels.find((r) => isType(r, REL_TYPE.comments) && !r.external && zip.find(r.part));
  const commentsPart = commentsRel ? zip.find(commentsRel.part)!.name : null;
  const text = new Map<string, string>();
  if (commentsPart) {
    const xml = zip.text(commentsPart) ?? "";
    for (const c of findElements(xml, ["comment"])) {
      const ref = (attr(c.openTag, "ref") ?? "").toUpperCase().replace(/\$/g, "");
      const t = findElement(xml, ["text"], c.openEnd, c.closeStart);
      text.set(ref, t && !t.selfClosing ? plainText(xml.slice(t.openEnd, t.closeStart)) : "");
    }
  }
  const threaded = new Set<string>();
  for (const r of rels.filter((x) => isType(x, REL_TYPE.threadedComment) && !x.external)) {
    const xml = zip.text(r.part);
    if (!xml) continue;
    for (const c of findElements(xml, ["threadedComment"])) {
      const ref = attr(c.openTag, "ref");
      if (ref) threaded.add(ref.toUpperCase().replace(/\$/g, ""));
    }
  }
  const ld = findElement(sheetXml, ["legacyDrawing"]);
  let vmlPart: string | null = null;
  if (ld) {
    const root = findElement(sheetXml, ["worksheet"]);
    const id = rIdOf(ld.openTag, root?.openTag ?? "");
    const rel = rels.find((r) => r.id === id);
    if (rel && zip.find(rel.part)) vmlPart = zip.find(rel.part)!.name;
  }
  return { text, threaded, commentsPart, vmlPart, rels };
}

function rIdOf(openTag: string, rootTag: string): string | undefined {
  const prefix = [REL_NS, STRICT.rel].map((ns) => prefixFor(rootTag, ns) ?? prefixFor(openTag, ns)).find((x) => x !== undefined);
  const a = attributes(openTag);
  if (prefix) return a.get(`${prefix}:id`);
  return attr(openTag, "id");
}

/** One note to set (text) or remove (null), by A1 ref. */
export type NoteEdits = Map<string, string | null>;

export interface NotesResult {
  /** parts to write (name → text), or to remove (null) */
  parts: Map<string, string | null>;
  /** the sheet XML, with a <legacyDrawing> added when the VML part is new */
  sheetXml: string;
  /** [Content_Types].xml after the additions */
  contentTypes: string;
}

const AUTHOR = "科创评分";

/**
 * The comments and VML parts with the notes set or removed, created when missing.
 * `taken` lists part names already in use (so new parts get fresh names).
 */
export function writeNotes(
  zip: ZipArchive,
  sheetPart: string,
  sheetXml: string,
  notes: SheetNotes,
  edits: NoteEdits,
  contentTypes: string,
  taken: Set<string>,
): NotesResult {
  const parts = new Map<string, string | null>();
  const relsName = relsPartOf(sheetPart);
  let relsXml = zip.text(relsName);
  let rels = notes.rels;
  let commentsPart = notes.commentsPart;
  let vmlPart = notes.vmlPart;
  let types = contentTypes;
  let sheet = sheetXml;
  const adds = [...edits.values()].some((v) => v !== null);
  if (!adds && !commentsPart) return { parts, sheetXml, contentTypes };

  const dialect = dialectOf(sheetXml);
  if (!commentsPart) {
    commentsPart = freshName(zip, taken, "xl/comments", ".xml");
    parts.set(
      commentsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${dialect.main}"><authors><author>${AUTHOR}</author></authors><commentList></commentList></comments>`,
    );
    const id = freshRelId(rels);
    relsXml = addRelationship(relsXml, id, `${dialect.rel}${REL_TYPE.comments}`, relativeTarget(sheetPart, commentsPart));
    rels = [...rels, { id, type: REL_TYPE.comments, target: "", external: false, part: commentsPart }];
    types = setOverride(types, commentsPart, CONTENT_TYPE.comments);
  }
  if (!vmlPart) {
    vmlPart = freshName(zip, taken, "xl/drawings/vmlDrawing", ".vml");
    parts.set(vmlPart, newVml(vmlIdBlock(zip, taken)));
    const id = freshRelId(rels);
    relsXml = addRelationship(relsXml, id, `${dialect.rel}${REL_TYPE.vmlDrawing}`, relativeTarget(sheetPart, vmlPart));
    rels = [...rels, { id, type: REL_TYPE.vmlDrawing, target: "", external: false, part: vmlPart }];
    if (!contentTypeOf(types, vmlPart)) types = ensureDefault(types, "vml", CONTENT_TYPE.vml);
    sheet = addLegacyDrawing(sheet, id);
  }
  if (relsXml !== zip.text(relsName)) parts.set(relsName, relsXml!);

  let comments = parts.get(commentsPart) ?? zip.text(commentsPart) ?? "";
  let vml = parts.get(vmlPart) ?? zip.text(vmlPart) ?? "";
  for (const [ref, text] of edits) {
    if (notes.threaded.has(ref)) continue;
    comments = setComment(comments, ref, text);
    const at = parseRef(ref);
    if (!at) continue;
    vml = text === null ? removeShape(vml, at.row, at.col) : ensureShape(vml, at.row, at.col);
  }
  comments = dropUnusedAuthor(comments);
  parts.set(commentsPart, comments);
  parts.set(vmlPart, vml);
  // the last note gone (清除标注 on a sheet that had none): the parts go too, so the package is
  // the one the user had, not one with an empty comment list Excel may call damaged
  let rels2 = parts.get(relsName) ?? relsXml;
  const relOf = (part: string) => rels.find((r) => r.part.toLowerCase() === part.toLowerCase());
  if (findElements(comments, ["comment"]).length === 0) {
    parts.set(commentsPart, null);
    const r = relOf(commentsPart);
    if (r && rels2) rels2 = removeRelationship(rels2, r.id);
    types = removeOverride(types, commentsPart);
    if (findElements(vml, ["shape"]).length === 0) {
      parts.set(vmlPart, null);
      const v = relOf(vmlPart);
      if (v && rels2) rels2 = removeRelationship(rels2, v.id);
      sheet = sheet.replace(/<(?:[A-Za-z_][\w.-]*:)?legacyDrawing\s[^>]*\/>/, "");
      if (!zip.entries.some((e) => e.name.toLowerCase().endsWith(".vml") && e.name !== vmlPart)) types = removeDefault(types, "vml");
    }
  }
  if (rels2 !== undefined && rels2 !== zip.text(relsName)) {
    parts.set(relsName, findElements(rels2, ["Relationship"]).length === 0 ? null : rels2);
  } else if (rels2 !== undefined) parts.delete(relsName);
  return { parts, sheetXml: sheet, contentTypes: types };
}

function freshName(zip: ZipArchive, taken: Set<string>, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}${ext}`;
    if (!zip.find(name) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

// ------------------------------------------------------------------ comments part

function setComment(xml: string, ref: string, text: string | null): string {
  const list = findElement(xml, ["commentList"]);
  const p = prefixOf(findElement(xml, ["comments"])?.qname ?? "");
  const existing = list
    ? findElements(xml, ["comment"], list.openEnd, list.closeStart).find(
        (c) => (attr(c.openTag, "ref") ?? "").toUpperCase().replace(/\$/g, "") === ref,
      )
    : undefined;
  if (text === null) return existing ? xml.slice(0, existing.start) + xml.slice(existing.end) : xml;
  if (existing) {
    const t = findElement(xml, ["text"], existing.openEnd, existing.closeStart);
    if (t)
      return xml.slice(0, t.start) + `<${p}text>${keepRunsWith(xml.slice(t.openEnd, t.closeStart), text, p)}</${p}text>` + xml.slice(t.end);
  }
  const [withAuthor, authorId] = authorIdOf(xml, p);
  xml = withAuthor;
  const el = `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${runText(text, p)}</${p}text></${p}comment>`;
  const l = findElement(xml, ["commentList"]);
  if (!l) {
    const root = findElement(xml, ["comments"])!;
    return xml.slice(0, root.closeStart) + `<${p}commentList>${el}</${p}commentList>` + xml.slice(root.closeStart);
  }
  if (l.selfClosing) return xml.slice(0, l.start) + `<${l.qname}>${el}</${l.qname}>` + xml.slice(l.end);
  // keep the list in row-major order (Excel writes it so)
  const at = parseRef(ref)!;
  for (const c of findElements(xml, ["comment"], l.openEnd, l.closeStart)) {
    const other = parseRef((attr(c.openTag, "ref") ?? "").replace(/\$/g, ""));
    if (other && (other.row > at.row || (other.row === at.row && other.col > at.col)))
      return xml.slice(0, c.start) + el + xml.slice(c.start);
  }
  return xml.slice(0, l.closeStart) + el + xml.slice(l.closeStart);
}

function prefixOf(qname: string): string {
  return qname.includes(":") ? qname.slice(0, qname.indexOf(":") + 1) : "";
}

/** A note's text as one run (a bare <t> is valid too, but some readers only take runs). */
function runText(text: string, p: string): string {
  return `<${p}r><${p}t xml:space="preserve">${escapeXstring(text)}</${p}t></${p}r>`;
}

/**
 * The note's content with `text` as its text: when the user's own part is still its start,
 * the user's runs (bold author name, colours) are kept and only the tail after it is replaced.
 */
function keepRunsWith(content: string, text: string, p: string): string {
  const runs = findElements(content, ["r"]);
  if (runs.length === 0) return runText(text, p);
  let kept = "";
  let keptText = "";
  for (const r of runs) {
    const run = content.slice(r.start, r.end);
    const t = plainText(run);
    if (text.startsWith(keptText + t)) {
      kept += run;
      keptText += t;
      continue;
    }
    break;
  }
  const rest = text.slice(keptText.length);
  if (!rest) return kept;
  return `${kept}<${p}r><${p}t xml:space="preserve">${escapeXstring(rest)}</${p}t></${p}r>`;
}

/** Our author, when it is the last one and no note names it any more, goes (ids stay as they were). */
function dropUnusedAuthor(xml: string): string {
  const authors = findElement(xml, ["authors"]);
  if (!authors || authors.selfClosing) return xml;
  const list = findElements(xml, ["author"], authors.openEnd, authors.closeStart);
  const last = list[list.length - 1];
  if (!last || plainText(xml.slice(last.openEnd, last.closeStart)) !== AUTHOR) return xml;
  const id = String(list.length - 1);
  if (findElements(xml, ["comment"]).some((c) => attr(c.openTag, "authorId") === id)) return xml;
  return xml.slice(0, last.start) + xml.slice(last.end);
}

function authorIdOf(xml: string, p: string): [string, number] {
  const authors = findElement(xml, ["authors"]);
  if (!authors) {
    const root = findElement(xml, ["comments"])!;
    return [xml.slice(0, root.openEnd) + `<${p}authors><${p}author>${AUTHOR}</${p}author></${p}authors>` + xml.slice(root.openEnd), 0];
  }
  const list = authors.selfClosing ? [] : findElements(xml, ["author"], authors.openEnd, authors.closeStart);
  const i = list.findIndex((a) => plainText(xml.slice(a.openEnd, a.closeStart)) === AUTHOR);
  if (i >= 0) return [xml, i];
  const el = `<${p}author>${escapeText(AUTHOR)}</${p}author>`;
  if (authors.selfClosing) return [xml.slice(0, authors.start) + `<${authors.qname}>${el}</${authors.qname}>` + xml.slice(authors.end), 0];
  return [xml.slice(0, authors.closeStart) + el + xml.slice(authors.closeStart), list.length];
}

// ------------------------------------------------------------------ VML drawing

/** A shape-id block (o:idmap) not used by another VML part of the package. */
function vmlIdBlock(zip: ZipArchive, taken: Set<string>): number {
  let max = 0;
  for (const e of zip.entries) {
    if (!e.name.toLowerCase().endsWith(".vml")) continue;
    const xml = zip.text(e.name) ?? "";
    for (const m of xml.matchAll(/idmap[^>]*data\s*=\s*["']([\d,\s]+)["']/g))
      for (const n of m[1].split(",")) max = Math.max(max, Number(n) || 0);
  }
  return max + 1 + [...taken].filter((t) => t.endsWith(".vml")).length - 1;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function newVml(block: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    SHAPETYPE +
    "</xml>"
  );
}

/** Every note shape of the drawing, with the cell its ClientData names. */
function noteShapes(vml: string): { start: number; end: number; row: number; col: number }[] {
  const out: { start: number; end: number; row: number; col: number }[] = [];
  for (const s of findElements(vml, ["shape"])) {
    const body = vml.slice(s.openEnd, s.closeStart);
    if (!/ObjectType\s*=\s*["']Note["']/.test(body)) continue;
    const row = /<(?:\w+:)?Row>\s*(\d+)\s*</.exec(body);
    const col = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(body);
    if (row && col) out.push({ start: s.start, end: s.end, row: Number(row[1]), col: Number(col[1]) });
  }
  return out;
}

function removeShape(vml: string, row: number, col: number): string {
  const s = noteShapes(vml).find((x) => x.row === row && x.col === col);
  return s ? vml.slice(0, s.start) + vml.slice(s.end) : vml;
}

function ensureShape(vml: string, row: number, col: number): string {
  if (noteShapes(vml).some((x) => x.row === row && x.col === col)) return vml;
  if (!/id\s*=\s*["']_x0000_t202["']/.test(vml)) vml = insertBeforeRootEnd(vml, SHAPETYPE);
  const block = Number(/idmap[^>]*data\s*=\s*["'](\d+)/.exec(vml)?.[1] ?? 1);
  let max = block * 1024;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const id = max + 1;
  const shape =
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${id - block * 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 4}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  return insertBeforeRootEnd(vml, shape);
}

function insertBeforeRootEnd(vml: string, el: string): string {
  const at = vml.lastIndexOf("</xml>");
  return at >= 0 ? vml.slice(0, at) + el + vml.slice(at) : vml + el;
}

// ------------------------------------------------------------------ the sheet's <legacyDrawing>

/** CT_Worksheet's children after legacyDrawing (ECMA-376 Part 1, 18.3.1.99), in order. */
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

/** The sheet with <legacyDrawing r:id> in its schema place (and the r namespace declared on the root). */
export function addLegacyDrawing(sheetXml: string, relId: string): string {
  const root = findElement(sheetXml, ["worksheet"]);
  if (!root) return sheetXml;
  const p = prefixOf(root.qname);
  const xml = sheetXml;
  const rootEnd = root.openEnd;
  // the relationships namespace: the root's prefix for it, or declared on the element itself, so
  // the root's start tag (and everything but the new element) stays as it was
  const relNs = dialectOf(sheetXml).rel;
  const rp = prefixFor(root.openTag, relNs);
  const el = rp ? `<${p}legacyDrawing ${rp}:id="${relId}"/>` : `<${p}legacyDrawing xmlns:r="${relNs}" r:id="${relId}"/>`;
  const sd = findElement(xml, ["sheetData"], rootEnd);
  const children = topLevelChildren(xml, sd ? sd.end : rootEnd);
  // Excel wraps <controls> and <oleObjects> in mc:AlternateContent (Markup Compatibility, ECMA-376
  // Part 3 §10.2): such a wrapper stands where the element it chooses stands
  const localOf = (c: { local: string; start: number }) =>
    c.local === "AlternateContent"
      ? (/<(?:[\w.-]+:)?Choice\b[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(xml.slice(c.start))?.[1] ?? "")
      : c.local;
  const next = children.find((c) => AFTER_LEGACY_DRAWING.includes(localOf(c)));
  const at = next ? next.start : children.length ? children[children.length - 1].rootClose : xml.lastIndexOf("</");
  return xml.slice(0, at) + el + xml.slice(at);
}

/** The root's children from `from` (which must sit between two of them) to the root's end tag. */
function topLevelChildren(xml: string, from: number): { local: string; start: number; rootClose: number }[] {
  const out: { local: string; start: number; rootClose: number }[] = [];
  const re = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?=[\s/>])[^>]*?(\/?)>/g;
  re.lastIndex = from;
  let depth = 0;
  for (;;) {
    const m = re.exec(xml);
    if (!m) return out;
    if (m[1] === "/") {
      if (depth === 0) {
        for (const o of out) o.rootClose = m.index;
        out.push({ local: "", start: m.index, rootClose: m.index });
        return out.filter((o) => o.local !== "");
      }
      depth--;
    } else {
      if (depth === 0) out.push({ local: m[2], start: m.index, rootClose: -1 });
      if (m[3] !== "/") depth++;
    }
  }
}
