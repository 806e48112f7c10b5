/**
 * Just enough XML for patching package parts in place: find elements by local name (any
 * namespace prefix: `c`, `x:c`), read a start tag's attributes, decode and escape text.
 * No DOM: the parts are scanned as text and edited by splicing, so whatever this layer does
 * not understand stays byte-for-byte as it was.
 */

/** One element found in a part: where its start tag and (for a non-empty one) its end tag are. */
export interface ElementSpan {
  /** qualified name as written ("x:c") */
  qname: string;
  /** index of "<" of the start tag */
  start: number;
  /** index just past the start tag's ">" */
  openEnd: number;
  /** index of "<" of the end tag (= openEnd for an empty element) */
  closeStart: number;
  /** index just past the element */
  end: number;
  /** the start tag's text, "<c r="A1" s="3">" */
  openTag: string;
  selfClosing: boolean;
}

const NAME = "(?:[A-Za-z_][\\w.-]*:)?";

/**
 * Patterns by the names they look for, made once: the same few names are looked for in every
 * part of every workbook read ("Relationship" once per relationship). Each is global and used
 * from a lastIndex set just before its exec, with nothing in between, so sharing one is safe.
 */
const patterns = new Map<string, RegExp>();

function shared(key: string, source: () => string): RegExp {
  let re = patterns.get(key);
  if (re === undefined) {
    if (patterns.size >= 512) patterns.clear();
    re = new RegExp(source(), "g");
    patterns.set(key, re);
  }
  return re;
}

/** A regexp matching the start tag of any of the local names (global, so lastIndex drives it). */
function startTagPattern(locals: string[]): RegExp {
  const names = locals.length === 1 ? locals[0] : locals.join("|");
  return shared(`<${names}`, () => `<(${NAME}(?:${names}))(?=[\\s/>])[^>]*>`);
}

/**
 * The next element with one of the local names at or after `from` (before `until`), with its
 * end located. Nested elements of the same name are counted, so the end is the matching one.
 * Comments and CDATA inside are not expected in the parts searched this way (SpreadsheetML).
 */
export function findElement(text: string, locals: string[], from = 0, until = text.length): ElementSpan | null {
  const re = startTagPattern(locals);
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= until) return null;
  return spanAt(text, m.index, m[0], m[1]);
}

/** Every element with one of the local names in [from, until), not descending into the ones found. */
export function findElements(text: string, locals: string[], from = 0, until = text.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  let at = from;
  for (;;) {
    const e = findElement(text, locals, at, until);
    if (!e) return out;
    out.push(e);
    at = e.end;
  }
}

export function spanAt(text: string, start: number, openTag: string, qname: string): ElementSpan {
  const openEnd = start + openTag.length;
  if (openTag.endsWith("/>")) {
    return { qname, start, openEnd, closeStart: openEnd, end: openEnd, openTag, selfClosing: true };
  }
  // nesting of the same name (a <t> in a <t> cannot happen; <c> in <c> neither; but <r> may)
  const re = shared(`</${qname}`, () => `<(/?)${qname.replace(/[.]/g, "\\.")}(?=[\\s/>])[^>]*>`);
  re.lastIndex = openEnd;
  let depth = 1;
  for (;;) {
    const m = re.exec(text);
    if (!m) throw new XmlError(`缺少 </${qname}>`);
    if (m[1] === "/") depth--;
    else if (!m[0].endsWith("/>")) depth++;
    if (depth === 0) {
      return { qname, start, openEnd, closeStart: m.index, end: m.index + m[0].length, openTag, selfClosing: false };
    }
  }
}

/** The part's XML is not what its type says. Chinese message. */
export class XmlError extends Error {
  constructor(why: string) {
    super(`工作簿内部的 XML 损坏：${why}`);
    this.name = "XmlError";
  }
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Attributes of a start tag by qualified name, values decoded. */
export function attributes(openTag: string): Map<string, string> {
  const out = new Map<string, string>();
  // skip the element name
  const nameEnd = openTag.search(/[\s/>]/);
  ATTR.lastIndex = nameEnd < 0 ? 0 : nameEnd;
  for (;;) {
    const m = ATTR.exec(openTag);
    if (!m) return out;
    out.set(m[1], decodeXml(m[3] ?? m[4] ?? ""));
  }
}

/** One attribute by local name (`r:id` answers "id" only when no unprefixed "id" exists). */
export function attr(openTag: string, local: string): string | undefined {
  const all = attributes(openTag);
  if (all.has(local)) return all.get(local);
  for (const [k, v] of all) if (k.endsWith(":" + local) && !k.startsWith("xmlns")) return v;
  return undefined;
}

/** An attribute in a namespace given by URI (e.g. the relationships namespace's id). */
export function attrNs(openTag: string, local: string, uri: string, rootTag: string): string | undefined {
  const prefix = prefixFor(rootTag, uri) ?? prefixFor(openTag, uri);
  const all = attributes(openTag);
  if (prefix !== null && prefix !== undefined) return all.get(prefix === "" ? local : `${prefix}:${local}`);
  return undefined;
}

/** The prefix a start tag binds to a namespace URI ("" for the default namespace), or undefined. */
export function prefixFor(openTag: string, uri: string): string | undefined {
  for (const [k, v] of attributes(openTag)) {
    if (v !== uri) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return undefined;
}

/** The start tag with one attribute set (replaced in place, or added before the end). */
export function setAttr(openTag: string, name: string, value: string): string {
  const esc = name.replace(/[.]/g, "\\.");
  const re = new RegExp(`(\\s${esc}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = `"${escapeAttr(value)}"`;
  if (re.test(openTag)) return openTag.replace(re, (_m, lead) => `${lead}${v}`);
  const close = openTag.endsWith("/>") ? openTag.length - 2 : openTag.length - 1;
  return `${openTag.slice(0, close).replace(/\s+$/, "")} ${name}=${v}${openTag.slice(close)}`;
}

/** The start tag without the attribute. */
export function removeAttr(openTag: string, name: string): string {
  const esc = name.replace(/[.]/g, "\\.");
  return openTag.replace(new RegExp(`\\s+${esc}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

const ENTITY = /&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g;

/**
 * Character data as text: entity and character references resolved (XML 1.0 §4.1) and CDATA
 * sections (§2.7) taken literally, so `<![CDATA[a&b]]>` and `a&amp;b` both read "a&b".
 */
export function decodeXml(s: string): string {
  if (s.indexOf("<![CDATA[") >= 0) return decodeWithCdata(s);
  if (s.indexOf("&") < 0) return s;
  return decodeReferences(s);
}

function decodeWithCdata(s: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const open = s.indexOf("<![CDATA[", at);
    if (open < 0) return out + decodeReferences(s.slice(at));
    out += decodeReferences(s.slice(at, open));
    const close = s.indexOf("]]>", open + 9);
    if (close < 0) return out + s.slice(open + 9);
    out += s.slice(open + 9, close);
    at = close + 3;
  }
}

function decodeReferences(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/**
 * SpreadsheetML's escape for characters XML cannot carry (ST_Xstring, ECMA-376 Part 1 22.9.2.19):
 * `_x000D_` is a carriage return; `_x005F_` escapes a literal underscore.
 */
export function decodeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/** Text for a <t>: XML-escaped, and characters XML 1.0 forbids written the SpreadsheetML way. */
export function escapeXstring(s: string): string {
  const safe = s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => "_x005F" + m.slice(1))
    // eslint-disable-next-line no-control-regex -- these are the characters XML cannot hold
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeText(safe);
}

/** The text of every <t> in a run container (rich text: runs joined), phonetic runs (<rPh>) left out. */
export function plainText(xml: string): string {
  if (xml.indexOf("<") < 0) return decodeXstring(decodeXml(xml));
  const withoutPhonetic = xml.replace(/<((?:[A-Za-z_][\w.-]*:)?rPh)(?=[\s>])[\s\S]*?<\/\1>/g, "");
  let out = "";
  const re = /<((?:[A-Za-z_][\w.-]*:)?t)(?=[\s/>])([^>]*)(?<!\/)>([\s\S]*?)<\/\1>/g;
  for (;;) {
    const m = re.exec(withoutPhonetic);
    if (!m) break;
    out += m[3];
  }
  return decodeXstring(decodeXml(out));
}
