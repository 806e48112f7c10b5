/**
 * The styles part: each cell style (cellXfs entry) → its number format code, for reading;
 * and, for writing, new fills and cell styles appended after the existing ones, which stay
 * untouched (so every style index the workbook already uses keeps its meaning).
 */
import { BUILTIN_NUMFMT } from "./numfmt";
import { attr, attributes, decodeXml, escapeAttr, findElement, findElements, setAttr, removeAttr } from "./xml";

export interface StylesInfo {
  /** number format code per cellXfs index; undefined for General (id 0) */
  numFmtOfXf: (string | undefined)[];
}

export function readStyles(xml: string | undefined): StylesInfo {
  if (!xml) return { numFmtOfXf: [] };
  const custom = new Map<number, string>();
  const numFmts = findElement(xml, ["numFmts"]);
  if (numFmts && !numFmts.selfClosing) {
    for (const e of findElements(xml, ["numFmt"], numFmts.openEnd, numFmts.closeStart)) {
      const a = attributes(e.openTag);
      custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    }
  }
  const xfs = findElement(xml, ["cellXfs"]);
  const numFmtOfXf: (string | undefined)[] = [];
  if (xfs && !xfs.selfClosing) {
    // an <xf> never holds another (CT_Xf: alignment, protection, extLst), so each start tag is one
    // entry; only its numFmtId is read, without building every attribute (a part may hold thousands)
    eachStartTag(xml, "xf", xfs.openEnd, xfs.closeStart, (from, to) => {
      const id = Number(numFmtIdIn(xml, from, to) ?? 0);
      numFmtOfXf.push(id ? (custom.get(id) ?? BUILTIN_NUMFMT[id]) : undefined);
    });
  }
  return { numFmtOfXf };
}

/** Calls `each` with the attribute text [from, to) of every start tag `<local` or `<p:local` in [start, until). */
function eachStartTag(xml: string, local: string, start: number, until: number, each: (from: number, to: number) => void): void {
  for (let i = xml.indexOf("<", start); i >= 0 && i < until; i = xml.indexOf("<", i + 1)) {
    let end = i + 1;
    for (let c = xml.charCodeAt(end); end < until && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 47 && c !== 62;)
      c = xml.charCodeAt(++end);
    const at = end - local.length;
    if (at <= i || !xml.startsWith(local, at) || (at !== i + 1 && xml.charCodeAt(at - 1) !== 58) || xml.charCodeAt(i + 1) === 47) continue;
    const gt = xml.indexOf(">", end);
    if (gt < 0) return;
    each(end, gt);
    i = gt;
  }
}

/** The numFmtId attribute's value in a start tag's attribute text (unprefixed, as attr() answers it first). */
function numFmtIdIn(xml: string, from: number, to: number): string | undefined {
  const tag = xml.slice(from, to);
  const m = NUMFMT_ID.exec(tag);
  if (m) return decodeXml(m[1] ?? m[2]);
  return tag.includes(":numFmtId") ? attr(`<xf${tag}>`, "numFmtId") : undefined;
}
const NUMFMT_ID = /(?:^|\s)numFmtId\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/**
 * Appends to a styles part. Each request is answered with a cellXfs index; the same request
 * twice gets the same index; `result()` is the part with the appended fills, numFmts and xfs.
 */
export class StylesAppender {
  private readonly xfs: string[] = [];
  private readonly fills: string[] = [];
  private readonly numFmts: string[] = [];
  private readonly memo = new Map<string, number>();
  private readonly xfCount: number;
  private readonly fillCount: number;
  private readonly existingXfs: string[];
  private readonly existingFills: string[];
  private readonly customFmts: Map<string, number>;
  private nextFmtId: number;
  /** the namespace prefix the part writes its elements with ("" or "x:") */
  private readonly p: string;

  constructor(private readonly xml: string) {
    const root = findElement(xml, ["styleSheet"]);
    this.p = root && root.qname.includes(":") ? root.qname.slice(0, root.qname.indexOf(":") + 1) : "";
    const xfs = findElement(xml, ["cellXfs"]);
    if (!xfs) throw new Error("样式部分缺少 cellXfs");
    this.existingXfs = xfs.selfClosing ? [] : findElements(xml, ["xf"], xfs.openEnd, xfs.closeStart).map((e) => xml.slice(e.start, e.end));
    this.xfCount = this.existingXfs.length;
    const fills = findElement(xml, ["fills"]);
    this.existingFills =
      fills && !fills.selfClosing ? findElements(xml, ["fill"], fills.openEnd, fills.closeStart).map((e) => xml.slice(e.start, e.end)) : [];
    this.fillCount = this.existingFills.length;
    this.customFmts = new Map();
    let maxId = 163;
    const nf = findElement(xml, ["numFmts"]);
    if (nf && !nf.selfClosing) {
      for (const e of findElements(xml, ["numFmt"], nf.openEnd, nf.closeStart)) {
        const a = attributes(e.openTag);
        const id = Number(a.get("numFmtId"));
        this.customFmts.set(a.get("formatCode") ?? "", id);
        if (id > maxId) maxId = id;
      }
    }
    this.nextFmtId = maxId + 1;
  }

  get xfTotal(): number {
    return this.xfCount + this.xfs.length;
  }

  /** The xf at `index` (an existing one or one appended), as XML. */
  private xfAt(index: number): string {
    if (index < this.xfCount) return this.existingXfs[index];
    if (index < this.xfTotal) return this.xfs[index - this.xfCount];
    return this.existingXfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  /** Is the xf's fill a solid fill of this colour (ARGB "FFF8B4B4")? */
  fillIsSolid(xfIndex: number, argbs: Set<string>): boolean {
    const fillId = Number(attr(this.xfAt(xfIndex), "fillId") ?? 0);
    const fill = fillId < this.fillCount ? this.existingFills[fillId] : this.fills[fillId - this.fillCount];
    if (!fill || !/patternType\s*=\s*["']solid/.test(fill)) return false;
    const fg = /<(?:\w+:)?fgColor[^>]*\srgb\s*=\s*["']([0-9A-Fa-f]{8})["']/.exec(fill);
    return Boolean(fg && argbs.has(fg[1].toUpperCase()));
  }

  /** A copy of xf `base` (font, border, alignment, protection, number format kept) with a solid fill. */
  withFill(base: number, argb: string): number {
    return this.derive(`fill:${base}:${argb}`, base, (x) => setAttr(setAttr(x, "fillId", String(this.fill(argb))), "applyFill", "1"));
  }

  /** A copy of xf `base` without a fill (fill 0, the "none" pattern every styles part starts with). */
  withoutFill(base: number): number {
    return this.derive(`nofill:${base}`, base, (x) => removeAttr(setAttr(x, "fillId", "0"), "applyFill"));
  }

  /** A copy of xf `base` with another number format. */
  withNumFmt(base: number, code: string): number {
    return this.derive(`fmt:${base}:${code}`, base, (x) =>
      setAttr(setAttr(x, "numFmtId", String(this.numFmt(code))), "applyNumberFormat", "1"),
    );
  }

  private derive(key: string, base: number, edit: (openTag: string) => string): number {
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const xml = this.xfAt(base);
    const openEnd = xml.indexOf(">") + 1;
    const open = xml.slice(0, openEnd);
    const selfClosing = open.endsWith("/>");
    const edited = edit(open);
    const next = selfClosing ? edited : edited + xml.slice(openEnd);
    const index = this.xfTotal;
    this.xfs.push(next);
    this.memo.set(key, index);
    return index;
  }

  private fill(argb: string): number {
    const key = `fillpart:${argb}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const index = this.fillCount + this.fills.length;
    const p = this.p;
    this.fills.push(
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeAttr(argb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
    this.memo.set(key, index);
    return index;
  }

  private numFmt(code: string): number {
    const builtin = Object.entries(BUILTIN_NUMFMT).find(
      ([id, c]) => c === code && Number(id) < 50 && !(Number(id) >= 27 && Number(id) <= 36),
    );
    if (code === "General") return 0;
    if (builtin) return Number(builtin[0]);
    const known = this.customFmts.get(code);
    if (known !== undefined) return known;
    const id = this.nextFmtId++;
    this.customFmts.set(code, id);
    this.numFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  get changed(): boolean {
    return this.xfs.length > 0;
  }

  /** The styles part with everything appended; the existing entries byte-for-byte as they were. */
  result(): string {
    let xml = this.xml;
    // later parts first, so earlier offsets stay valid: cellXfs comes after fills, fills after numFmts
    xml = appendTo(xml, "cellXfs", this.xfs, this.xfTotal);
    if (this.fills.length) xml = appendTo(xml, "fills", this.fills, this.fillCount + this.fills.length);
    if (this.numFmts.length) {
      if (findElement(xml, ["numFmts"])) xml = appendTo(xml, "numFmts", this.numFmts, this.customFmts.size);
      else {
        // numFmts is the first child of styleSheet (CT_Stylesheet)
        const root = findElement(xml, ["styleSheet"]);
        if (root)
          xml =
            xml.slice(0, root.openEnd) +
            `<${this.p}numFmts count="${this.numFmts.length}">${this.numFmts.join("")}</${this.p}numFmts>` +
            xml.slice(root.openEnd);
      }
    }
    return xml;
  }
}

function appendTo(xml: string, local: string, items: string[], count: number): string {
  if (items.length === 0) return xml;
  const e = findElement(xml, [local]);
  if (!e) return xml;
  const open =
    attr(e.openTag, "count") !== undefined
      ? setAttr(e.openTag.replace(/\/>$/, ">"), "count", String(count))
      : e.openTag.replace(/\/>$/, ">");
  if (e.selfClosing) return xml.slice(0, e.start) + open + items.join("") + `</${e.qname}>` + xml.slice(e.end);
  return xml.slice(0, e.start) + open + xml.slice(e.openEnd, e.closeStart) + items.join("") + xml.slice(e.closeStart);
}
