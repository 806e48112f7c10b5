/**
 * The part of WPS 表格's (ET's) object model the WPS host uses, as WPS 加载项 expose it to the task
 * pane's JavaScript (`wps.EtApplication()`, or `window.Application` in the pane's page). It is the
 * VBA/COM object model of Excel, spelled the same way (WPS 开放平台, 加载项 → "API 参考 · 电子表格":
 * Application, Workbook, Worksheet, Range, Interior, Comment), called synchronously: every property
 * read or write is one call into WPS, so the host reads whole ranges at once where the model allows.
 *
 * Only what the host calls is declared. Each member says how WPS (following Excel's VBA model)
 * behaves where it matters; test/wps-fake.ts implements exactly these behaviours.
 */

/** xlNone / xlColorIndexNone / xlPatternNone: "no fill" (VBA constant -4142). */
export const XL_NONE = -4142;
/** xlPatternSolid */
export const XL_PATTERN_SOLID = 1;
/** xlPatternLinearGradient, xlPatternRectangularGradient: a gradient fill the host never paints over. */
export const XL_PATTERN_GRADIENTS: readonly number[] = [4000, 4001];

export interface EtInterior {
  /**
   * BGR colour as a long (RGB(r,g,b) = r + g·256 + b·65536). A cell with NO fill reports 16777215
   * (white) here too, like Excel's VBA: only ColorIndex/Pattern tell "no fill" from white.
   */
  Color: number;
  /** XL_NONE when the cell has no fill */
  ColorIndex: number;
  /** XL_NONE when the cell has no fill; XL_PATTERN_SOLID for a plain fill; gradients 4000/4001 */
  Pattern: number;
  /** −1…1; 0 for a plain colour */
  TintAndShade: number;
  PatternColor: number;
}

export interface EtComment {
  /** Text() reads the note; Text(s) replaces it. */
  Text(text?: string): string;
  Delete(): void;
}

export interface EtRange {
  /** 1-based row / column of the range's top-left cell */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** "$A$1:$C$3" (absolute, like VBA's Address() with no arguments) */
  Address(): string;
  /**
   * One cell: its value (number, string, boolean, or an error code); a multi-cell range: a 2-D
   * array [row][col]. Dates as serial numbers (Value2 never converts to dates). The cells a merge
   * covers, other than its top-left one, are empty.
   */
  Value2: unknown;
  /** like Value2, but a formula cell gives its formula text ("=SUM(A1:A3)"), a constant its value */
  Formula: unknown;
  /** the number format of one cell; of a multi-cell range: the format when all cells share it, else null */
  NumberFormat: string | null;
  /** one cell: whether it is part of a merge; a multi-cell range: true/false when all cells agree, else null */
  readonly MergeCells: boolean | null;
  /** the merged area a cell belongs to (the cell itself when it is not merged) */
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  /** the cell's note, or null when it has none */
  readonly Comment: EtComment | null;
  /** adds a note; fails (like VBA's run-time error 1004) when the cell already has one */
  AddComment(text: string): EtComment;
  Cells(row: number, col: number): EtRange;
  Select(): void;
  Merge(): void;
}

export interface EtWorksheet {
  readonly Name: string;
  /** xlSheetVisible = −1; hidden sheets are still read (a 分工表 may be kept on a hidden sheet) */
  readonly Visible: number;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  Cells(row: number, col: number): EtRange;
  Activate(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based, or by name */
  Item(index: number | string): EtWorksheet;
  /** adds a worksheet after `after` (or before the active one) and returns it */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  /** false while the host writes, so WPS repaints once at the end */
  ScreenUpdating: boolean;
  /** "12.1.0.20540"-style version string */
  readonly Version?: string;
}

/** The add-in global `wps` (WPS 加载项 JS API): task panes, events, custom functions. */
export interface WpsGlobal {
  EtApplication?(): EtApplication;
  Application?: EtApplication;
  CreateTaskPane?(url: string, title?: string): WpsTaskPane;
  GetTaskPane?(id: number): WpsTaskPane | null;
  PluginStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  ApiEvent?: {
    AddApiEventListener(event: string, handler: (...args: unknown[]) => void): void;
    RemoveApiEventListener(event: string, handler: (...args: unknown[]) => void): void;
  };
  /** WPS 12.1.0.20540 and later (ET only): registers a synchronous JS function under a namespace */
  AddCustomFunction?(namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata?: unknown): void;
  Enum?: Record<string, number>;
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition?: number;
}
