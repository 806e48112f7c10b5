/**
 * ODF styles an .ods cell, column or row points at, reduced to what the reader needs: a cell
 * style's number format (as an Excel format code) and look, column widths and custom row
 * heights. [OpenDocument v1.3 part 3, §16]
 */
import type { CellLook } from "./look";
import { addProperties } from "./ods-look";

export interface OdsStyles {
  /** style:style family table-cell: data style name, parent, its own look */
  cell: Map<string, { data?: string; parent?: string; look: CellLook }>;
  /** data style name → Excel format code (undefined when it has no Excel equivalent here) */
  data: Map<string, string | undefined>;
  /** table-column style → width in characters */
  columnWidth: Map<string, number>;
  /** table-row styles with a fixed (not optimal) height → the height in points */
  fixedRow: Map<string, number>;
  /** table styles that hide the sheet */
  hiddenTable: Set<string>;
}

export function emptyStyles(): OdsStyles {
  return { cell: new Map(), data: new Map(), columnWidth: new Map(), fixedRow: new Map(), hiddenTable: new Set() };
}

const DATA_STYLES = new Set([
  "number:number-style",
  "number:percentage-style",
  "number:date-style",
  "number:time-style",
  "number:currency-style",
  "number:boolean-style",
  "number:text-style",
]);

/** Collects styles from the scanner's events (styles.xml, then content.xml's automatic styles). */
export class StyleCollector {
  private style: { name: string; family: string; data?: string; parent?: string; look: CellLook } | null = null;
  private dataStyle: { name: string; kind: string; code: string; ok: boolean } | null = null;
  private inDataText = false;

  constructor(readonly styles: OdsStyles) {}

  /** true when the element belonged to a style (the caller need not look at it further) */
  open(name: string, a: Record<string, string>): boolean {
    if (name === "style:style" || name === "style:default-style") {
      // the default style of table cells is every cell style's last parent ("Default" inherits it)
      const family = a["style:family"] ?? "";
      const own = name === "style:default-style" ? DEFAULT_STYLE : (a["style:name"] ?? "");
      const parent =
        name === "style:default-style" ? undefined : (a["style:parent-style-name"] ?? (own === DEFAULT_STYLE ? undefined : DEFAULT_STYLE));
      this.style = { name: own, family, data: a["style:data-style-name"], parent, look: {} };
      return true;
    }
    if (this.style) {
      const s = this.style;
      if (name === "style:table-cell-properties" || name === "style:text-properties" || name === "style:paragraph-properties") {
        addProperties(s.look, name, a);
      } else if (name === "style:table-column-properties" && a["style:column-width"]) {
        const w = lengthToChars(a["style:column-width"]);
        if (w !== null) this.styles.columnWidth.set(s.name, w);
      } else if (name === "style:table-row-properties") {
        const pt = a["style:row-height"] ? lengthToPoints(a["style:row-height"]) : null;
        if (a["style:use-optimal-row-height"] === "false" && pt !== null) this.styles.fixedRow.set(s.name, pt);
      } else if (name === "style:table-properties" && a["table:display"] === "false") {
        this.styles.hiddenTable.add(s.name);
      }
      return true;
    }
    if (DATA_STYLES.has(name)) {
      this.dataStyle = { name: a["style:name"] ?? "", kind: name, code: "", ok: true };
      return true;
    }
    if (this.dataStyle) {
      this.dataPart(name, a);
      return true;
    }
    return false;
  }

  close(name: string): boolean {
    if ((name === "style:style" || name === "style:default-style") && this.style) {
      const s = this.style;
      if (s.family === "table-cell") this.styles.cell.set(s.name, { data: s.data, parent: s.parent, look: s.look });
      this.style = null;
      return true;
    }
    if (this.dataStyle && DATA_STYLES.has(name)) {
      const d = this.dataStyle;
      let code: string | undefined = d.ok && d.code ? d.code : undefined;
      if (d.kind === "number:percentage-style" && code && !code.includes("%")) code += "%";
      if (d.kind === "number:boolean-style" || d.kind === "number:text-style") code = d.kind === "number:text-style" ? "@" : undefined;
      this.styles.data.set(d.name, code);
      this.dataStyle = null;
      return true;
    }
    if (name === "number:text") this.inDataText = false;
    return Boolean(this.style || this.dataStyle);
  }

  text(t: string): boolean {
    if (this.dataStyle && this.inDataText) {
      // literal text in a format: % stays a percent sign, anything else is quoted
      this.dataStyle.code +=
        t === "%" ? "%" : t.replace(/[^%]+/g, (x) => (x.trim() === "" ? x.replace(/ /g, "\\ ") : `"${x.replace(/"/g, "")}"`));
      return true;
    }
    return Boolean(this.style || this.dataStyle);
  }

  private dataPart(name: string, a: Record<string, string>): void {
    const d = this.dataStyle!;
    const long = a["number:style"] === "long";
    switch (name) {
      case "number:number":
      case "number:scientific-number": {
        const dec = Number(a["number:decimal-places"] ?? a["number:min-decimal-places"] ?? 0);
        const minInt = Math.max(0, Math.min(Number(a["number:min-integer-digits"] ?? 1), 15));
        let int = minInt > 0 ? "0".repeat(minInt) : "#";
        if (a["number:grouping"] === "true") int = int.length >= 4 ? int : `#,${"#".repeat(Math.max(0, 3 - int.length))}${int}`;
        d.code += int + (dec > 0 ? `.${"0".repeat(Math.min(dec, 30))}` : "");
        if (name === "number:scientific-number") d.code += `E+${"0".repeat(Number(a["number:min-exponent-digits"] ?? 2))}`;
        break;
      }
      case "number:text":
        this.inDataText = true;
        break;
      case "number:year":
        d.code += long ? "yyyy" : "yy";
        break;
      case "number:month":
        d.code += a["number:textual"] === "true" ? (long ? "mmmm" : "mmm") : long ? "mm" : "m";
        break;
      case "number:day":
        d.code += long ? "dd" : "d";
        break;
      case "number:day-of-week":
        d.code += long ? "dddd" : "ddd";
        break;
      case "number:hours":
        d.code += long ? "hh" : "h";
        break;
      case "number:minutes":
        d.code += long ? "mm" : "m";
        break;
      case "number:seconds":
        d.code += long ? "ss" : "s";
        break;
      case "number:am-pm":
        d.code += "AM/PM";
        break;
      case "number:currency-symbol":
      case "number:fraction":
      case "number:embedded-text":
      case "style:text-properties":
      case "style:map":
        if (name === "number:fraction") d.ok = false;
        break;
      default:
        break;
    }
  }
}

/** The number format of a cell style, following parent styles (bounded: styles may form a loop). */
export function cellFormat(styles: OdsStyles, styleName: string | undefined): string | undefined {
  let name = styleName;
  for (let i = 0; name && i < 16; i++) {
    const s = styles.cell.get(name);
    if (!s) return undefined;
    if (s.data) return styles.data.get(s.data);
    name = s.parent;
  }
  return undefined;
}

/** the default-style's key in OdsStyles.cell */
export const DEFAULT_STYLE = "\u0000default";

/** The look of a cell style: its parents' properties, overridden by its own (bounded: styles may loop). */
export function cellLook(styles: OdsStyles, styleName: string | undefined): CellLook {
  const chain: CellLook[] = [];
  let name: string | undefined = styleName ?? DEFAULT_STYLE;
  for (let i = 0; name && i < 16; i++) {
    const s = styles.cell.get(name);
    if (!s) break;
    chain.unshift(s.look);
    name = s.parent;
  }
  const out: CellLook = {};
  for (const l of chain) {
    if (l.font) out.font = { ...out.font, ...l.font };
    if (l.fill) out.fill = l.fill;
    if (l.border) out.border = { ...out.border, ...l.border };
    if (l.align) out.align = { ...out.align, ...l.align };
  }
  return out;
}

/**
 * An ODF length as Excel column characters. LibreOffice maps Excel's character widths at 7 pt a
 * character both ways (the sample's 44-character 评分标准 column is 4.278in = 308 pt in its .ods),
 * so a column goes back to the width it had in Excel.
 */
function lengthToChars(len: string): number | null {
  const pt = lengthToPoints(len);
  return pt === null ? null : Math.round((pt / 7) * 100) / 100;
}

/** An ODF length (ODF 1.3 part 3 §18.3.18 positiveLength) in points, to the twip (1/20 pt) Excel stores. */
function lengthToPoints(len: string): number | null {
  const m = /^([0-9.]+)(cm|mm|in|pt|pc|px)$/.exec(len.trim());
  if (!m) return null;
  const ptPer: Record<string, number> = { in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pt: 1, pc: 12, px: 0.75 };
  return Math.round(Number(m[1]) * ptPer[m[2]] * 20) / 20;
}
