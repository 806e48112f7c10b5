/**
 * .xlsx / .xlsm → WorkbookData, straight from the package (src/ooxml): only the workbook part,
 * shared strings, styles and worksheet XML are inflated. Runs in Node and in the browser: no fs
 * here, the caller hands in the file's bytes (the command line reads the file, the browser
 * page a File's ArrayBuffer).
 *
 * How cells come out (CellData):
 * - numbers, strings, booleans as they are; rich text as its plain text (runs joined, phonetic
 *   runs left out); a hyperlink cell as its display text (the cell's own value);
 * - a formula (own or shared) as `formula` (text without "=") and its cached result as `v`
 *   (null when the file carries no cached result); a shared formula's other cells get the
 *   master's text moved to their place;
 * - Excel errors as `{ error: "#DIV/0!" }`, in a plain cell or as a formula's result;
 * - dates as the Excel serial number (what Office.js reports too), with the cell's numFmt,
 *   so every host hands the model the same thing; ISO-dated cells (t="d") become serials too,
 *   in the workbook's date system (1900 or 1904);
 * - the cells a merge covers, other than its top-left one, are holes (undefined), again
 *   like Office.js; the merges are listed in A1 notation;
 * - empty cells are holes, whatever their style.
 */
import { XlsxDocument } from "../ooxml/document";
import { XlsxPackageError } from "../ooxml/errors";
import { XmlError } from "../ooxml/xml";
import { ZipError, type ZipLimits } from "../ooxml/zip";
import { columnLetter } from "../model/sheet";
import type { WorkbookData } from "../model/types";

/** The bytes are not a readable .xlsx workbook. `message` is Chinese and says why. */
export class XlsxReadError extends Error {
  constructor(
    /** the reason alone, without the "不是有效的 .xlsx 文件：" lead */
    readonly reason: string,
  ) {
    super(`不是有效的 .xlsx 文件：${reason}`);
    this.name = "XlsxReadError";
  }
}

export interface ReadResult {
  /** the file as a package, for applyPlan / makePortable / writeWorkbook */
  workbook: XlsxDocument;
  data: WorkbookData;
}

export async function readWorkbook(buffer: ArrayBuffer | Uint8Array, limits?: ZipLimits): Promise<ReadResult> {
  return readWorkbookSync(buffer, limits);
}

export function readWorkbookSync(buffer: ArrayBuffer | Uint8Array, limits?: ZipLimits): ReadResult {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  checkSignature(bytes);
  let workbook: XlsxDocument;
  try {
    workbook = new XlsxDocument(bytes, limits);
  } catch (e) {
    throw asReadError(e);
  }
  return { workbook, data: workbook.data };
}

/** Any failure while opening the package, as one Chinese reason (never an English internal). */
export function asReadError(e: unknown): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  if (e instanceof ZipError || e instanceof XlsxPackageError || e instanceof XmlError) return new XlsxReadError(e.message);
  return new XlsxReadError("文件损坏或不完整（无法读出工作簿内容）");
}

function checkSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxReadError("文件是空的");
  const b = bytes;
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new XlsxReadError("这是旧版 .xls 文件或加密（设了打开密码）的工作簿，请在 Excel 中另存为不加密的 .xlsx");
  }
  if (!(b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7))) {
    throw new XlsxReadError("内容不是 .xlsx 的压缩包格式（可能是文本、CSV 或其他文件改了扩展名）");
  }
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  return columnLetter(col - 1);
}
