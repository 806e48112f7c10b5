/** Telling the formats apart by signature, and reading each into WorkbookData. */
import { readBiffWorkbook } from "./biff";
import { isCfb, openCompoundFile, type CompoundFile } from "./cfb";
import { LegacyReadError } from "./errors";
import { FLAGS } from "./features";
import { isFlatOds, readFlatOdsWorkbook } from "./fods";
import { isOdsArchive, isOdsPackage, readOdsWorkbook } from "./ods";
import type { LegacyWorkbook } from "./types";
import { readZip, type ZipArchive } from "../ooxml/zip";

export type DetectedFormat = "xlsx" | "xls" | "et-or-xls" | "ods" | "encrypted" | "unknown";

/** Excel.Sheet.8, the CLSID Excel (and LibreOffice) give the root of an .xls */
const EXCEL8_CLSID = "00020820-0000-0000-c000-000000000046";
const EXCEL5_CLSID = "00020810-0000-0000-c000-000000000046";

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (isCfb(bytes)) {
    let cfb: CompoundFile;
    try {
      cfb = openCompoundFile(bytes);
    } catch {
      return "unknown";
    }
    if (cfb.find("EncryptedPackage") || cfb.find("EncryptionInfo")) return "encrypted";
    const stream = cfb.find("Workbook") ?? cfb.find("Book");
    if (!stream) return "unknown";
    try {
      if (hasFilePass(cfb.read(stream))) return "encrypted";
    } catch {
      return "unknown";
    }
    // WPS writes the same BIFF8 stream; only an Excel CLSID on the root says "made as an .xls"
    return cfb.rootClsid === EXCEL8_CLSID || cfb.rootClsid === EXCEL5_CLSID ? "xls" : "et-or-xls";
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // the zip directory is read once, for both the .ods and the .xlsx question
    let zip: ZipArchive;
    try {
      zip = readZip(bytes);
    } catch {
      return startsAsOds(bytes) ? "ods" : "unknown";
    }
    if (isOdsArchive(zip) || startsAsOds(bytes)) return "ods";
    if (zip.has("[Content_Types].xml")) return "xlsx";
  }
  if (isFlatOds(bytes)) return "ods";
  return "unknown";
}

/** What the compound file holds beside the workbook stream ([MS-XLS] 2.1.2 lists the storages). */
function containerFlags(cfb: CompoundFile): string[] {
  const out: string[] = [];
  const has = (re: RegExp) => cfb.entries.some((e) => re.test(e.path));
  if (has(/^_VBA_PROJECT(_CUR)?$/i)) out.push(FLAGS.vba);
  if (has(/^MBD[0-9A-F]{8}$/i)) out.push(FLAGS.embedded);
  if (has(/^_SX_DB(_CUR)?$/i)) out.push(FLAGS.pivot);
  if (has(/^Revision Log$/i)) out.push(FLAGS.revisions);
  return out;
}

/**
 * OpenDocument puts an uncompressed "mimetype" entry first ([OpenDocument v1.3 part 2, §3.3]), so
 * an .ods whose end is cut off is still recognised by its first local header.
 */
function startsAsOds(bytes: Uint8Array): boolean {
  if (bytes.length < 38 + 46 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) return false;
  const nameLen = bytes[26] | (bytes[27] << 8);
  const extraLen = bytes[28] | (bytes[29] << 8);
  if (nameLen !== 8 || String.fromCharCode(...bytes.subarray(30, 38)) !== "mimetype") return false;
  const at = 38 + extraLen;
  return String.fromCharCode(...bytes.subarray(at, at + 46)) === "application/vnd.oasis.opendocument.spreadsheet";
}

/** FILEPASS comes at the head of the globals substream, before the sheets' BOUNDSHEET records. */
function hasFilePass(stream: Uint8Array): boolean {
  let pos = 0;
  for (let i = 0; i < 64 && pos + 4 <= stream.length; i++) {
    const type = stream[pos] | (stream[pos + 1] << 8);
    if (type === 0x002f) return true;
    if (type === 0x0085 || type === 0x000a) return false;
    pos += 4 + (stream[pos + 2] | (stream[pos + 3] << 8));
  }
  return false;
}

/**
 * Reads an .xls, .et or .ods. `fileName` only names the copy's source and tells .et from .xls in
 * messages; the bytes decide how they are read. Throws LegacyReadError (message: one Chinese line).
 */
export interface LegacyReadOptions {
  /** the most the .ods parts read may inflate to, together (default ODS_PART_LIMIT, 256 MB) */
  maxPartBytes?: number;
}

export function readLegacyWorkbook(bytes: Uint8Array, fileName?: string, options: LegacyReadOptions = {}): LegacyWorkbook {
  try {
    return readOrThrow(bytes, fileName, options);
  } catch (e) {
    if (e instanceof LegacyReadError) throw e;
    // a shape no check above foresaw: still one Chinese line, never an English internal message
    throw new LegacyReadError("文件结构异常，无法解析（可能已损坏）");
  }
}

function readOrThrow(bytes: Uint8Array, fileName: string | undefined, options: LegacyReadOptions): LegacyWorkbook {
  const named: "et" | "xls" = fileName && /\.et[t]?$/i.test(fileName) ? "et" : "xls";
  if (bytes.length === 0) throw new LegacyReadError("文件是空的");
  if (isCfb(bytes)) {
    const cfb = openCompoundFile(bytes, named);
    if (cfb.find("EncryptedPackage") || cfb.find("EncryptionInfo")) {
      throw new LegacyReadError("这是设了打开密码（已加密）的 .xlsx 工作簿，请在 Excel 或 WPS 中取消密码后再试", "encrypted");
    }
    const stream = cfb.find("Workbook") ?? cfb.find("Book");
    if (!stream) {
      const what = cfb.find("WordDocument") ? "Word 文档" : cfb.find("PowerPoint Document") ? "PowerPoint 演示文稿" : "其他程序的复合文档";
      throw new LegacyReadError(`文件里没有工作簿数据（这像是${what}，不是电子表格）`, named);
    }
    return resultOf(named, readBiffWorkbook(cfb.read(stream), named, containerFlags(cfb)), fileName);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (isOdsPackage(bytes) || startsAsOds(bytes)) {
      return resultOf("ods", readOdsWorkbook(bytes, options.maxPartBytes), fileName);
    }
    let names: string[];
    try {
      names = readZip(bytes).entries.map((e) => e.name);
    } catch {
      throw new LegacyReadError("压缩包不完整或已损坏（文件可能被截断）");
    }
    if (names.includes("[Content_Types].xml")) throw new LegacyReadError("这是 .xlsx 格式的工作簿（只是扩展名不同），应按 .xlsx 读取");
    throw new LegacyReadError("压缩包里不是电子表格（没有 .ods 的 mimetype，也没有 .xlsx 的 [Content_Types].xml）");
  }
  if (isFlatOds(bytes)) return resultOf("ods", readFlatOdsWorkbook(bytes, options.maxPartBytes), fileName);
  throw new LegacyReadError("内容不是 .xls、.et 或 .ods 工作簿（可能是文本、CSV 或其他文件改了扩展名）");
}

/** What a reader gave, as the one result every format returns. */
function resultOf(
  format: LegacyWorkbook["format"],
  book: Pick<LegacyWorkbook, "notCarried" | "columnWidths" | "rowHeights" | "cellLooks" | "defaultFont" | "date1904"> & {
    sheets: LegacyWorkbook["data"]["sheets"];
  },
  fileName: string | undefined,
): LegacyWorkbook {
  const { sheets, notCarried, columnWidths, rowHeights, cellLooks, defaultFont, date1904 } = book;
  return { format, data: { sheets }, notCarried, columnWidths, rowHeights, cellLooks, defaultFont, date1904, sourceName: fileName };
}
