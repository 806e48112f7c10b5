/**
 * The styles part of the .xlsx copy (ECMA-376 Part 1 §18.8): one cellXfs entry per distinct
 * (number format, look, wrap) in use, with the fonts, fills and borders they need. Every number
 * format is written as its own code (ids from 164), so no reader depends on a built-in table.
 */
import type { CellLook, LookBorder, LookColor } from "./look";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export interface DefaultFont {
  name: string;
  size: number;
}

interface Xf {
  fmt: number;
  font: number;
  fill: number;
  border: number;
  align: CellLook["align"] | undefined;
}

export class StyleTable {
  private readonly formats = new Map<string, number>();
  private readonly xfKeys = new Map<string, number>();
  private readonly xfs: Xf[] = [];
  private readonly fonts = new Table();
  private readonly fills = new Table(2); // 0 none and 1 gray125 are required
  private readonly borders = new Table(1);
  private readonly keys = new WeakMap<CellLook, string>();

  constructor(private readonly defaultFont: DefaultFont = { name: "宋体", size: 11 }) {}

  /** the cellXfs index for a cell; 0 for the plain default */
  index(numFmt: string | undefined, look: CellLook | undefined, wrap: boolean): number {
    const fmtId = numFmt && numFmt.toLowerCase() !== "general" ? this.formatId(numFmt) : 0;
    if (fmtId === 0 && !look && !wrap) return 0;
    let lookKey = look ? this.keys.get(look) : "";
    if (look && lookKey === undefined) {
      lookKey = JSON.stringify(look);
      this.keys.set(look, lookKey);
    }
    const key = `${fmtId}|${wrap}|${lookKey}`;
    let i = this.xfKeys.get(key);
    if (i === undefined) {
      const align = wrap && !look?.align?.wrap ? { vertical: "center", ...look?.align, wrap: true } : look?.align;
      this.xfs.push({
        fmt: fmtId,
        font: look?.font ? 1 + this.fonts.id(fontXml(look.font, this.defaultFont)) : 0,
        fill: look?.fill ? this.fills.id(fillXml(look.fill)) : 0,
        border: look?.border ? this.borders.id(borderXml(look.border)) : 0,
        align,
      });
      i = this.xfs.length;
      this.xfKeys.set(key, i);
    }
    return i;
  }

  private formatId(code: string): number {
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join("");
    const xfs = this.xfs.map(xfXml).join("");
    const base = fontXml({}, this.defaultFont);
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${fmts}</numFmts>` : "") +
      `<fonts count="${this.fonts.size + 1}">${base}${this.fonts.xml()}</fonts>` +
      `<fills count="${this.fills.size + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${this.fills.xml()}</fills>` +
      `<borders count="${this.borders.size + 1}"><border><left/><right/><top/><bottom/><diagonal/></border>${this.borders.xml()}</borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

/** distinct XML fragments, numbered from `first` */
class Table {
  private readonly ids = new Map<string, number>();
  constructor(private readonly first = 0) {}
  get size(): number {
    return this.ids.size;
  }
  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.first + this.ids.size;
      this.ids.set(xml, id);
    }
    return id;
  }
  xml(): string {
    return [...this.ids.keys()].join("");
  }
}

function xfXml(x: Xf): string {
  const a = x.align;
  const apply = `${x.fmt ? ' applyNumberFormat="1"' : ""}${x.font ? ' applyFont="1"' : ""}${x.fill ? ' applyFill="1"' : ""}${x.border ? ' applyBorder="1"' : ""}`;
  const head = `<xf numFmtId="${x.fmt}" fontId="${x.font}" fillId="${x.fill}" borderId="${x.border}" xfId="0"${apply}`;
  if (!a) return `${head}/>`;
  const attrs = `${a.horizontal ? ` horizontal="${a.horizontal}"` : ""}${a.vertical ? ` vertical="${a.vertical}"` : ""}${a.wrap ? ' wrapText="1"' : ""}`;
  return `${head} applyAlignment="1"><alignment${attrs}/></xf>`;
}

/** CT_Font children in the order Excel writes them */
function fontXml(f: NonNullable<CellLook["font"]>, base: DefaultFont): string {
  return (
    `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.strike ? "<strike/>" : ""}` +
    `${f.underline ? (f.underline === "double" ? '<u val="double"/>' : "<u/>") : ""}` +
    `<sz val="${f.size ?? base.size}"/>${f.color ? colorXml("color", f.color) : ""}<name val="${esc(f.name ?? base.name)}"/><family val="2"/><charset val="134"/></font>`
  );
}

function fillXml(f: NonNullable<CellLook["fill"]>): string {
  return `<fill><patternFill patternType="${f.pattern}">${f.fg ? colorXml("fgColor", f.fg) : ""}${f.bg ? colorXml("bgColor", f.bg) : '<bgColor indexed="64"/>'}</patternFill></fill>`;
}

function borderXml(b: NonNullable<CellLook["border"]>): string {
  const side = (name: string, s: LookBorder | undefined) =>
    s ? `<${name} style="${s.style}">${s.color ? colorXml("color", s.color) : '<color indexed="64"/>'}</${name}>` : `<${name}/>`;
  return `<border>${side("left", b.left)}${side("right", b.right)}${side("top", b.top)}${side("bottom", b.bottom)}<diagonal/></border>`;
}

function colorXml(tag: string, c: LookColor): string {
  return c.rgb ? `<${tag} rgb="${c.rgb}"/>` : `<${tag} indexed="${c.indexed ?? 64}"/>`;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
