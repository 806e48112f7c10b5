/**
 * An .xlsx/.xlsm package → WorkbookData, reading only the parts cells need: the workbook part
 * and its relationships, the shared strings, the styles' number formats, and each worksheet's
 * XML. Notes, drawings, charts and everything else are never inflated here.
 */
import type { WorkbookData } from "../model/types";
import { XlsxPackageError } from "./errors";
import { readSharedStrings } from "./shared-strings";
import { readSheet } from "./sheet-read";
import { readStyles } from "./styles";
import { readWorkbookInfo, type WorkbookInfo } from "./workbook";
import { readZip, ZipError, type ZipArchive, type ZipLimits } from "./zip";

export interface OpenedPackage {
  zip: ZipArchive;
  info: WorkbookInfo;
  data: WorkbookData;
}

/** Opens the package and reads every worksheet's cells. Throws XlsxPackageError or ZipError (Chinese). */
export function readPackage(bytes: Uint8Array, limits?: ZipLimits): OpenedPackage {
  const zip = readZip(bytes, limits);
  const info = readWorkbookInfo(zip);
  const worksheets = info.sheets.filter((s) => s.isWorksheet);
  if (worksheets.length === 0) throw new XlsxPackageError("压缩包里没有工作表（可能不是 Excel 工作簿）");
  const sharedStrings = readSharedStrings(info.sharedStringsPart ? zip.text(info.sharedStringsPart) : undefined);
  const { numFmtOfXf } = readStyles(info.stylesPart ? zip.text(info.stylesPart) : undefined);
  const ctx = { sharedStrings, numFmtOfXf, date1904: info.date1904 };
  const sheets = worksheets.map((s) => readSheet(s.name, zip.text(s.part) ?? "", ctx));
  return { zip, info, data: { sheets } };
}

export { ZipError };
