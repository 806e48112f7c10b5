/**
 * Open Packaging Conventions (ECMA-376 Part 2): [Content_Types].xml and the .rels parts.
 * Reading resolves targets to part names; writing adds a relationship or a content type by
 * splicing one element into the part, leaving every other byte as it was.
 */
import { attr, attributes, escapeAttr, findElements } from "./xml";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/**
 * The namespaces a part is written in: ECMA-376 Transitional, or ISO/IEC 29500 Strict (whose
 * SpreadsheetML and relationships namespaces, and relationship types, are under purl.oclc.org).
 * What the writer adds to a part (a note part, its relationships, a <legacyDrawing r:id>) takes
 * the dialect of the sheet it belongs to, so a Strict file never gets a Transitional piece.
 * `rel` is both the r: namespace and the stem of the relationship types.
 */
export interface Dialect {
  main: string;
  rel: string;
}

export const TRANSITIONAL: Dialect = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

export const STRICT: Dialect = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

/** The dialect of a SpreadsheetML part, told by the namespace its root element binds. */
export function dialectOf(xml: string): Dialect {
  const root = /<(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*(?=[\s/>])[^>]*>/.exec(xml.replace(/^(?:\s*<\?[^>]*\?>|\s*<!--[\s\S]*?-->)*/, ""));
  return root && root[0].includes(STRICT.main) ? STRICT : TRANSITIONAL;
}

export const REL_TYPE = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  styles: "/styles",
  sharedStrings: "/sharedStrings",
  comments: "/comments",
  vmlDrawing: "/vmlDrawing",
  calcChain: "/calcChain",
  threadedComment: "/threadedComment",
} as const;

export const CONTENT_TYPE = {
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xlsmMain: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  xlsxMain: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** the Target attribute as written */
  target: string;
  external: boolean;
  /** the part it points to, resolved against the source part ("xl/worksheets/sheet1.xml") */
  part: string;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = lastSeparator(part);
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** "/" — or "\\" in a zip item some old Windows writer named so (read as "/", see ZipArchive.find). */
function lastSeparator(part: string): number {
  return Math.max(part.lastIndexOf("/"), part.lastIndexOf("\\"));
}

/**
 * A relationship target resolved against its source part, as a zip entry name (no leading "/"):
 * absolute ("/xl/worksheets/sheet1.xml") or relative to the source part's folder, "." and ".."
 * segments resolved (RFC 3986 §5.2, as ECMA-376 Part 2 §9.3 says), percent-encoding decoded.
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, "/").replace(/[?#].*$/, "");
  if (t.startsWith("/")) return normalize(t.slice(1));
  const base = sourcePart.slice(0, lastSeparator(sourcePart) + 1);
  return normalize(base + t);
}

/** What normalize() changes: a percent-escape, a backslash, a leading, trailing or doubled "/", a "." or ".." segment. */
const NEEDS_RESOLVING = /%|\\|^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/;

function normalize(p: string): string {
  // the usual target ("worksheets/sheet1.xml" under "xl/"): nothing to decode, no "." or ".." or empty segment
  if (!NEEDS_RESOLVING.test(p)) return p;
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(p).split(/[/\\]/)) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function decodeURIComponentSafe(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** The Target for `part` written from `sourcePart` (relative, like Excel writes it). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function parseRels(xml: string | undefined, sourcePart: string): Relationship[] {
  if (!xml) return [];
  return findElements(xml, ["Relationship"]).map((e) => {
    const a = attributes(e.openTag);
    const target = a.get("Target") ?? "";
    const external = a.get("TargetMode") === "External";
    return {
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target,
      external,
      part: external ? "" : resolveTarget(sourcePart, target),
    };
  });
}

/** The relationship types end in a fixed path whatever the namespace root (transitional or strict). */
export function isType(rel: Relationship, suffix: string): boolean {
  return rel.type.endsWith(suffix);
}

/** An id not yet used in the rels ("rId7"). */
export function freshRelId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** The rels part with one relationship added (a new rels part when there was none). */
export function addRelationship(xml: string | undefined, id: string, type: string, target: string): string {
  const base = xml ?? EMPTY_RELS;
  const el = `<Relationship Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  return insertBeforeClose(base, "Relationships", el);
}

/** The rels part without the relationship whose Id is `id`. */
export function removeRelationship(xml: string, id: string): string {
  for (const e of findElements(xml, ["Relationship"])) {
    if (attr(e.openTag, "Id") === id) return xml.slice(0, e.start) + xml.slice(e.end);
  }
  return xml;
}

/** [Content_Types].xml: the type of one part (Override first, then Default by extension). */
export function contentTypeOf(types: string, part: string): string | undefined {
  for (const e of findElements(types, ["Override"])) {
    const a = attributes(e.openTag);
    if ((a.get("PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) return a.get("ContentType");
  }
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (const e of findElements(types, ["Default"])) {
    const a = attributes(e.openTag);
    if ((a.get("Extension") ?? "").toLowerCase() === ext) return a.get("ContentType");
  }
  return undefined;
}

/** [Content_Types].xml with an Override for `part` (replaced when one is there). */
export function setOverride(types: string, part: string, contentType: string): string {
  for (const e of findElements(types, ["Override"])) {
    const a = attributes(e.openTag);
    if ((a.get("PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) {
      if (a.get("ContentType") === contentType) return types;
      return (
        types.slice(0, e.start) +
        `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>` +
        types.slice(e.end)
      );
    }
  }
  return insertBeforeClose(types, "Types", `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`);
}

/** [Content_Types].xml without the Override for `part`. */
export function removeOverride(types: string, part: string): string {
  for (const e of findElements(types, ["Override"])) {
    if ((attr(e.openTag, "PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) {
      return types.slice(0, e.start) + types.slice(e.end);
    }
  }
  return types;
}

/** [Content_Types].xml without the Default for the extension. */
export function removeDefault(types: string, ext: string): string {
  for (const e of findElements(types, ["Default"])) {
    if ((attr(e.openTag, "Extension") ?? "").toLowerCase() === ext.toLowerCase()) return types.slice(0, e.start) + types.slice(e.end);
  }
  return types;
}

/** [Content_Types].xml with a Default for the extension, unless one is there already. */
export function ensureDefault(types: string, ext: string, contentType: string): string {
  for (const e of findElements(types, ["Default"])) {
    if ((attr(e.openTag, "Extension") ?? "").toLowerCase() === ext.toLowerCase()) return types;
  }
  return insertAfterOpen(types, "Types", `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(contentType)}"/>`);
}

/** `xml` with `el` inserted just before the closing tag of the root `local` (an empty root opened up). */
export function insertBeforeClose(xml: string, local: string, el: string): string {
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${local}\\s*>`).exec(xml);
  if (close) return xml.slice(0, close.index) + el + xml.slice(close.index);
  const empty = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${local})(?=[\\s/])([^>]*)/>`).exec(xml);
  if (!empty) return xml;
  return xml.slice(0, empty.index) + `<${empty[1]}${empty[2]}>${el}</${empty[1]}>` + xml.slice(empty.index + empty[0].length);
}

function insertAfterOpen(xml: string, local: string, el: string): string {
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s>])[^>]*(?<!/)>`).exec(xml);
  if (!open) return insertBeforeClose(xml, local, el);
  const at = open.index + open[0].length;
  return xml.slice(0, at) + el + xml.slice(at);
}
