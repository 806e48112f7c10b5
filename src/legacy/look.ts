/**
 * How a cell looks, as far as the .xlsx copy carries it: font, fill, borders, alignment. Colours
 * are either an index into the legacy 56-colour palette, which SpreadsheetML's indexedColors keep
 * with the same numbers (ECMA-376 Part 1 §18.8.27), or an explicit ARGB when the file had its own
 * palette.
 */
export interface LookColor {
  indexed?: number;
  /** "FFRRGGBB" */
  rgb?: string;
}

export interface LookBorder {
  /** SpreadsheetML ST_BorderStyle: thin, medium, dashed, … */
  style: string;
  color?: LookColor;
}

export interface CellLook {
  font?: {
    name?: string;
    size?: number;
    bold?: boolean;
    italic?: boolean;
    underline?: "single" | "double";
    strike?: boolean;
    color?: LookColor;
  };
  /** a fill pattern (ST_PatternType) with its foreground and background colours */
  fill?: { pattern: string; fg?: LookColor; bg?: LookColor };
  border?: { left?: LookBorder; right?: LookBorder; top?: LookBorder; bottom?: LookBorder };
  align?: { horizontal?: string; vertical?: string; wrap?: boolean };
}
