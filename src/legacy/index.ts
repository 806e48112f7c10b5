/**
 * Legacy workbooks: Excel 97–2003 .xls, WPS .et and OpenDocument .ods, read into the same
 * WorkbookData the .xlsx reader gives, and turned into a fresh .xlsx copy that says what it could
 * not carry. No Node-only API here: the browser page uses it too.
 *
 *   detectFormat(bytes)          what the bytes are, by signature (never by file name)
 *   readLegacyWorkbook(bytes)    → { format, data, notCarried, … }, or LegacyReadError (one Chinese line)
 *   legacyToXlsx(result)         → the .xlsx bytes
 *   asXlsxInput(bytes, name)     → .xlsx bytes for the normal path (converted when legacy)
 */
export { detectFormat, readLegacyWorkbook } from "./read";
export type { DetectedFormat, LegacyReadOptions } from "./read";
export { LegacyReadError } from "./errors";
export type { LegacyKind } from "./errors";
export { legacyToXlsx } from "./to-xlsx";
export { ODS_PART_LIMIT } from "./ods";
export type { LegacyWorkbook } from "./types";
export { asXlsxInput } from "./adapt";
export type { XlsxInput } from "./adapt";
