/** [MS-XLS] record types and constants the BIFF reader uses, with byte helpers. */

/** record types ([MS-XLS] 2.3) */
export const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  FORMAT_BIFF4: 0x001e,
  XF: 0x00e0,
  FONT: 0x0031,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  NAME: 0x0018,
  PROTECT: 0x0012,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  SHRFMLA: 0x04bc,
  ARRAY: 0x0221,
  TABLE: 0x0236,
  MERGECELLS: 0x00e5,
  COLINFO: 0x007d,
  ROW: 0x0208,
  NOTE: 0x001c,
  OBJ: 0x005d,
  HLINK: 0x01b8,
  CF: 0x01b1,
  CF12: 0x087a,
  DV: 0x01be,
  PANE: 0x0041,
  HEADER: 0x0014,
  FOOTER: 0x0015,
  AUTOFILTERINFO: 0x009d,
  SXVIEW: 0x00b0,
  PALETTE: 0x0092,
  BLANK: 0x0201,
  MULBLANK: 0x00be,
} as const;

/** BOF dt values ([MS-XLS] 2.4.21) */
export const DT_GLOBALS = 0x0005;
export const DT_WORKSHEET = 0x0010;
export const DT_CHART = 0x0020;

/** BOOLERR and FORMULA error codes ([MS-XLS] 2.5.97 BErr) */
export const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

export function u16(d: Uint8Array, o: number): number {
  return d[o] | (d[o + 1] << 8);
}
export function u32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
}
export function f64(d: Uint8Array, o: number): number {
  return new DataView(d.buffer, d.byteOffset + o, 8).getFloat64(0, true);
}
