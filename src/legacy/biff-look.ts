/**
 * [MS-XLS] XF and FONT records → CellLook (font, fill, borders, alignment), for the .xlsx copy.
 * What a look cannot carry (diagonal borders, text rotation, indent) is reported instead.
 */
import { u16, u32 } from "./biff-records";
import type { CellLook, LookColor } from "./look";

/** BIFF border line styles ([MS-XLS] 2.5.11 BorderStyle) as SpreadsheetML ST_BorderStyle */
const BORDER = [
  "",
  "thin",
  "medium",
  "dashed",
  "dotted",
  "thick",
  "double",
  "hair",
  "mediumDashed",
  "dashDot",
  "mediumDashDot",
  "dashDotDot",
  "mediumDashDotDot",
  "slantDashDot",
];
/** BIFF fill patterns ([MS-XLS] 2.5.12 FillPattern) as ST_PatternType */
const PATTERN = [
  "none",
  "solid",
  "mediumGray",
  "darkGray",
  "lightGray",
  "darkHorizontal",
  "darkVertical",
  "darkDown",
  "darkUp",
  "darkGrid",
  "darkTrellis",
  "lightHorizontal",
  "lightVertical",
  "lightDown",
  "lightUp",
  "lightGrid",
  "lightTrellis",
  "gray125",
  "gray0625",
];
const HORIZONTAL = ["", "left", "center", "right", "fill", "justify", "centerContinuous", "distributed"];
const VERTICAL = ["top", "center", "bottom", "justify", "distributed"];

export interface LookSource {
  xfs: Uint8Array[];
  fonts: Uint8Array[];
  /** PALETTE record colours by index (8…63), when the file has its own palette */
  palette: Map<number, string>;
  /** font records' names, decoded */
  fontNames: string[];
}

export class LookCache {
  private readonly cache = new Map<number, CellLook | null>();
  /** the file has formatting the look cannot carry */
  lostDetail = false;
  /** looks left to keep in this workbook: past this a sheet is not a 分工表, and the rest go plain */
  budget = 2_000_000;

  constructor(private readonly src: LookSource) {}

  /** The look of XF `ixfe`, or null when it is the plain default. */
  of(ixfe: number): CellLook | null {
    let look = this.cache.get(ixfe);
    if (look === undefined) {
      look = this.build(ixfe);
      this.cache.set(ixfe, look);
    }
    return look;
  }

  private build(ixfe: number): CellLook | null {
    const d = this.src.xfs[ixfe];
    if (!d || d.length < 20) return null;
    const look: CellLook = {};
    const font = this.font(u16(d, 0));
    if (font) look.font = font;
    const h = HORIZONTAL[d[6] & 7];
    const v = VERTICAL[(d[6] >> 4) & 7];
    const wrap = (d[6] & 8) !== 0;
    if (h || (v && v !== "bottom") || wrap)
      look.align = { ...(h ? { horizontal: h } : {}), ...(v && v !== "bottom" ? { vertical: v } : {}), ...(wrap ? { wrap } : {}) };
    if (d[7] !== 0 || (d[8] & 0x0f) !== 0) this.lostDetail = true; // rotation, indent
    const b1 = u32(d, 10);
    const b2 = u32(d, 14);
    const side = (style: number, icv: number) => (BORDER[style] ? { style: BORDER[style], ...this.colorProp(icv) } : undefined);
    const left = side(b1 & 15, (b1 >>> 16) & 0x7f);
    const right = side((b1 >>> 4) & 15, (b1 >>> 23) & 0x7f);
    const top = side((b1 >>> 8) & 15, b2 & 0x7f);
    const bottom = side((b1 >>> 12) & 15, (b2 >>> 7) & 0x7f);
    if (left || right || top || bottom)
      look.border = { ...(left ? { left } : {}), ...(right ? { right } : {}), ...(top ? { top } : {}), ...(bottom ? { bottom } : {}) };
    if (b1 >>> 30 !== 0 && ((b2 >>> 21) & 15) !== 0) this.lostDetail = true; // diagonal lines
    const fls = b2 >>> 26;
    if (fls > 0 && PATTERN[fls]) {
      const c = u16(d, 18);
      const fg = this.color(c & 0x7f);
      const bg = this.color((c >>> 7) & 0x7f);
      look.fill = { pattern: PATTERN[fls], ...(fg ? { fg } : {}), ...(bg ? { bg } : {}) };
    }
    return look.font || look.align || look.border || look.fill ? look : null;
  }

  /** the font, as far as it differs from font 0 (the workbook's default, which the copy uses too) */
  private font(ifnt: number): CellLook["font"] | undefined {
    if (ifnt === 0) return undefined;
    const i = ifnt >= 4 ? ifnt - 1 : ifnt; // font index 4 does not exist in BIFF
    const f = this.src.fonts[i];
    const base = this.src.fonts[0];
    if (!f || f.length < 14 || !base || base.length < 14) return undefined;
    const out: NonNullable<CellLook["font"]> = {};
    if (u16(f, 0) !== u16(base, 0)) out.size = u16(f, 0) / 20;
    if (u16(f, 6) >= 700) out.bold = true;
    if (u16(f, 2) & 2) out.italic = true;
    if (u16(f, 2) & 8) out.strike = true;
    if (f[10] === 1 || f[10] === 0x21) out.underline = "single";
    if (f[10] === 2 || f[10] === 0x22) out.underline = "double";
    const color = this.color(u16(f, 4));
    if (color && u16(f, 4) !== u16(base, 4)) out.color = color;
    const name = this.src.fontNames[i];
    if (name && name !== this.src.fontNames[0]) out.name = name;
    return Object.keys(out).length ? out : undefined;
  }

  private colorProp(icv: number): { color?: LookColor } {
    const c = this.color(icv);
    return c ? { color: c } : {};
  }

  /** icv 0–63 is the palette; 64 and above are the system's automatic colours */
  private color(icv: number): LookColor | undefined {
    if (icv >= 64) return undefined;
    const rgb = this.src.palette.get(icv);
    return rgb ? { rgb } : { indexed: icv };
  }
}
