/**
 * Builds BIFF8 workbook streams record by record ([MS-XLS] 2.1.4: type u16, length u16, data),
 * for tests of records LibreOffice never writes in a given shape (strings split mid-character
 * across CONTINUE, RK ×100, error results). Wrapped in a compound file by buildCfb.
 */
import { buildCfb } from "./cfb-build";

export type Rec = [type: number, data: number[]];

export const le16 = (n: number) => [n & 255, (n >> 8) & 255];
export const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
export const f64 = (x: number) => Array.from(new Uint8Array(new Float64Array([x]).buffer));
/** UTF-16LE code units of a string */
export const utf16 = (s: string) => [...s].flatMap((ch) => le16(ch.charCodeAt(0)));
export const latin1 = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

export const BOF_GLOBALS: Rec = [0x0809, [...le16(0x0600), ...le16(0x0005), ...new Array(12).fill(0)]];
export const BOF_SHEET: Rec = [0x0809, [...le16(0x0600), ...le16(0x0010), ...new Array(12).fill(0)]];
export const EOF: Rec = [0x000a, []];

function encode(recs: Rec[]): number[] {
  return recs.flatMap(([type, data]) => [...le16(type), ...le16(data.length), ...data]);
}

/** An XF record (20 bytes) using number format `ifmt`. */
export const xf = (ifmt: number): Rec => [0x00e0, [...le16(0), ...le16(ifmt), ...new Array(14).fill(0)]];

/**
 * A workbook with one sheet named `name`: globals are `globals` (after BOF, before BOUNDSHEET),
 * the sheet's records are `sheet`; BOUNDSHEET's stream offset is computed.
 */
export function biffWorkbook(globals: Rec[], name: string, sheet: Rec[]): Uint8Array {
  const boundsheet = (offset: number): Rec => [0x0085, [...le32(offset), 0, 0, name.length, 1, ...utf16(name)]];
  const head = encode([BOF_GLOBALS, ...globals, boundsheet(0), EOF]);
  const stream = [...encode([BOF_GLOBALS, ...globals, boundsheet(head.length), EOF]), ...encode([BOF_SHEET, ...sheet, EOF])];
  const out = new Uint8Array(Math.max(4096, stream.length));
  out.set(stream);
  return buildCfb([{ name: "Workbook", data: out }]);
}

export interface SubstreamSpec {
  name: string;
  /** BOUNDSHEET dt ([MS-XLS] 2.4.28): 0 worksheet, 1 macro sheet, 2 chart sheet, 6 VB module */
  dt?: number;
  /** BOUNDSHEET hsState: 0 visible, 1 hidden, 2 very hidden */
  hidden?: number;
  /** BOF dt of the substream ([MS-XLS] 2.4.21): 0x0010 worksheet, 0x0020 chart, 0x0040 macro sheet */
  bofDt?: number;
  records: Rec[];
}

/**
 * A workbook of several substreams, each with its BOUNDSHEET. `badOffsets` writes lbPlyPos 0 for
 * every sheet, as a careless writer might, so only the substreams' order says where each is.
 */
export function biffBook(globals: Rec[], sheets: SubstreamSpec[], badOffsets = false): Uint8Array {
  const bof = (dt: number): Rec => [0x0809, [...le16(0x0600), ...le16(dt), ...new Array(12).fill(0)]];
  const boundsheets = (offsets: number[]): Rec[] =>
    sheets.map((s, i) => [0x0085, [...le32(offsets[i]), s.hidden ?? 0, s.dt ?? 0, s.name.length, 1, ...utf16(s.name)]]);
  const globalsOf = (offsets: number[]) => encode([BOF_GLOBALS, ...globals, ...boundsheets(offsets), EOF]);
  const bodies = sheets.map((s) => encode([bof(s.bofDt ?? 0x0010), ...s.records, EOF]));
  const head = globalsOf(sheets.map(() => 0)).length;
  const offsets: number[] = [];
  let at = head;
  for (const b of bodies) {
    offsets.push(at);
    at += b.length;
  }
  const stream = [...globalsOf(badOffsets ? sheets.map(() => 0) : offsets), ...bodies.flat()];
  const out = new Uint8Array(Math.max(4096, stream.length));
  out.set(stream);
  return buildCfb([{ name: "Workbook", data: out }]);
}
