import type { WorkbookData } from "../model/types";
import type { CellLook } from "./look";
import type { DefaultFont } from "./xlsx-styles";

/** A legacy workbook as read: the cells (as the .xlsx reader would give them) and what a copy loses. */
export interface LegacyWorkbook {
  format: "xls" | "et" | "ods";
  data: WorkbookData;
  /** in Chinese, what the file had that an .xlsx copy does not carry; empty when nothing */
  notCarried: string[];
  /** per sheet of data.sheets: column widths in characters by 0-based column (holes: default) */
  columnWidths: (number | undefined)[][];
  /** per sheet of data.sheets: custom row heights in points by 0-based row (holes: automatic) */
  rowHeights?: (number | undefined)[][];
  /** per sheet: each cell's look (font, fill, borders, alignment), where the reader carries them */
  cellLooks?: (CellLook | undefined)[][][];
  /** the workbook's default font (font 0), which the copy's default style uses */
  defaultFont?: DefaultFont;
  /** the file counts dates from 1904-01-01 (serials are kept as the file has them) */
  date1904: boolean;
  /** the file name given to the reader, shown in the copy's note */
  sourceName?: string;
}
