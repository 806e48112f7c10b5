/**
 * The one call a host needs before its .xlsx path: legacy bytes become the bytes of an .xlsx copy
 * (with the conversion note), .xlsx bytes pass through untouched, an encrypted file is refused in
 * one Chinese line. Everything after (check, recalc, 下载, 分享版) then works on .xlsx bytes.
 */
import { detectFormat, readLegacyWorkbook, type DetectedFormat, type LegacyReadOptions } from "./read";
import { LegacyReadError } from "./errors";
import { legacyToXlsx } from "./to-xlsx";
import type { LegacyWorkbook } from "./types";

export interface XlsxInput {
  /** .xlsx bytes: the file itself, or the converted copy */
  bytes: Uint8Array;
  detected: DetectedFormat;
  /** set when the bytes are a converted copy: what was read, including notCarried */
  legacy: LegacyWorkbook | null;
}

export function asXlsxInput(bytes: Uint8Array, fileName?: string, options?: LegacyReadOptions): XlsxInput {
  const detected = detectFormat(bytes);
  if (detected === "xls" || detected === "et-or-xls" || detected === "ods" || detected === "encrypted") {
    const legacy = readLegacyWorkbook(bytes, fileName, options);
    return { bytes: legacyToXlsx(legacy), detected, legacy };
  }
  if (detected === "unknown" && bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    // a compound file we could not open: say why in the legacy reader's words
    readLegacyWorkbook(bytes, fileName, options);
    throw new LegacyReadError("无法识别的复合文档");
  }
  // .xlsx, or something the .xlsx reader will name itself (text, CSV, a broken zip)
  return { bytes, detected, legacy: null };
}
