/**
 * The one error every legacy reader throws: its message is one Chinese line a caller prints as
 * it is (the command line exits 2 with it, the page shows it), like XlsxReadError for .xlsx.
 */
export type LegacyKind = "xls" | "et" | "ods" | "encrypted" | "unknown";

export class LegacyReadError extends Error {
  constructor(
    /** the reason alone, without the lead naming the file kind */
    readonly reason: string,
    /** which kind of file the bytes looked like */
    readonly kind: LegacyKind = "unknown",
  ) {
    super(`${LEADS[kind]}${reason}`);
    this.name = "LegacyReadError";
  }
}

const LEADS: Record<LegacyKind, string> = {
  xls: "无法读取 .xls 文件：",
  et: "无法读取 .et 文件：",
  ods: "无法读取 .ods 文件：",
  encrypted: "无法读取加密的工作簿：",
  unknown: "无法读取工作簿：",
};
