/**
 * The zip container of an OOXML package and of an .ods (src/legacy reads it through this too): read the central directory, inflate
 * only the entries asked for, under limits; write a copy in which every entry not replaced
 * keeps its raw bytes (local header, compressed data, data descriptor) exactly as they were.
 *
 *   const zip = readZip(bytes);            // central directory only; nothing inflated yet
 *   zip.text("xl/workbook.xml");           // one entry, UTF-8, bounded
 *   writeZip(zip, new Map([["xl/styles.xml", newBytes]]));   // replace / add; null removes
 *
 * Why hand-written over fflate's unzipSync: unzipSync inflates every entry with no size bound
 * (a 3 MB zip bomb becomes 3 GiB), and zipSync rebuilds every entry. fflate does the DEFLATE
 * itself (streaming Inflate, deflateSync); this file does the container (APPNOTE.TXT 6.3).
 * Nothing is ever extracted to disk, so entry names are only looked up, never joined to a path.
 *
 * The DEFLATE and CRC-32 work goes through an Inflater: fflate and a JS table by default (the
 * browser page, the add-in), node:zlib's native ones where the command line installs them
 * (./zip-node.ts, never imported by a bundle). Every bound below holds for either.
 */
import { Inflate, deflateSync, inflateSync } from "fflate";

/** The bytes are not a zip we can read, or reading them would cost too much. `message` is Chinese. */
export class ZipError extends Error {
  constructor(
    message: string,
    /** "too-big": past the inflate budget; "damaged": `reason` says what is wrong; "other": unsupported or encrypted */
    readonly kind: "too-big" | "damaged" | "other" = "other",
    /** the message without the "文件损坏或不完整：" lead (for a caller that leads with its own) */
    readonly reason = message,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

export interface ZipLimits {
  /** total bytes inflated over the life of one archive (every entry read counts) */
  maxInflated: number;
  /** entries in the central directory */
  maxEntries: number;
}

const MB = 1024 * 1024;

/** A 分工表 is a few MB inflated; a 100,000-row sheet some tens. 500 MB is far beyond any real one. */
export const DEFAULT_LIMITS: ZipLimits = { maxInflated: 500 * MB, maxEntries: 20000 };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** offset of the local file header */
  localOffset: number;
  /** the central directory record as it was (copied when the entry is kept) */
  central: Uint8Array;
  /** where in `central` the 4-byte local-header offset lives, or where the 8-byte zip64 one does */
  offsetField: { at: number; width: 4 | 8 };
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

function canonicalName(name: string): string {
  let n = name.replace(/\\/g, "/");
  if (n.includes("%")) {
    try {
      n = decodeURIComponent(n);
    } catch {
      // a lone "%" is a plain character of the name
    }
  }
  return n.toLowerCase();
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
    readonly limits: ZipLimits,
  ) {
    for (const e of entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /**
   * An entry's name as stored, looked up as OPC compares part names: case-insensitively
   * (ECMA-376 Part 2 §9.1.1.1), a percent-encoded name equal to its decoded form (an item
   * stored as "%E5%88%86.xml" or as UTF-8 "分.xml"), and "\\" read as "/" (APPNOTE 4.4.17.1
   * requires "/", but old Windows writers stored "xl\\workbook.xml").
   */
  find(name: string): ZipEntry | undefined {
    const exact = this.byName.get(name);
    if (exact) return exact;
    const want = canonicalName(name);
    return this.entries.find((e) => canonicalName(e.name) === want);
  }

  /** The inflated bytes of one entry, or undefined when there is none by that name. */
  read(name: string): Uint8Array | undefined {
    const e = this.find(name);
    return e ? this.inflate(e) : undefined;
  }

  /** The entry as UTF-8 text (a BOM dropped), or undefined. */
  text(name: string): string | undefined {
    const b = this.read(name);
    if (!b) return undefined;
    const text = inflater.decodeUtf8 ? inflater.decodeUtf8(b) : utf8.decode(b);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  private inflate(e: ZipEntry): Uint8Array {
    const { start, end } = dataRange(this.bytes, e);
    const room = this.limits.maxInflated - this.inflated;
    if (e.size > room) throw tooBig(this.limits);
    if (e.flags & 1) throw new ZipError("压缩包已加密（设了密码），请在 Excel 中另存为不加密的文件");
    const data = this.bytes.subarray(start, end);
    let out: Uint8Array;
    if (e.method === 0) {
      out = data.slice();
    } else if (e.method === 8) {
      try {
        out = inflater.inflate(data, e.size);
      } catch (err) {
        if (err instanceof InflateOverflow) throw e.size >= room ? tooBig(this.limits) : corrupt(`“${e.name}”解压后的大小超过记录的大小`);
        throw corrupt(`“${e.name}”的压缩数据无法解开`);
      }
    } else {
      throw new ZipError(`压缩包里的“${e.name}”用了不支持的压缩方式（${e.method}）`);
    }
    if (out.length !== e.size) throw corrupt(`“${e.name}”解压后的大小与记录不符`);
    if (inflater.crc32(out) !== e.crc) throw corrupt(`“${e.name}”的校验和不符`);
    this.inflated += out.length;
    return out;
  }
}

/** Made on first use: a module that merely imports this one (a jsdom test) needs no TextDecoder. */
let decoder: InstanceType<typeof TextDecoder> | null = null;
const utf8 = { decode: (b: Uint8Array): string => (decoder ??= new TextDecoder("utf-8")).decode(b) };

/** Entries whose worst-case inflated size is below this are inflated in one call. */
const FAST_INFLATE_LIMIT = 64 * 1024 * 1024;

function tooBig(limits: ZipLimits): ZipError {
  return new ZipError(`解压后超过 ${Math.round(limits.maxInflated / MB)} MB，不像分工表`, "too-big");
}

function corrupt(why: string): ZipError {
  return new ZipError(`文件损坏或不完整：${why}`, "damaged", why);
}

/**
 * DEFLATE and CRC-32 for reading. `inflate` returns what raw DEFLATE `data` inflates to and never
 * more than `size` bytes (the size the directory declares): past it, it either stops with
 * InflateOverflow at the first chunk beyond, or drops what does not fit (the size and CRC checks
 * that follow then fail). Any other throw means the data cannot be inflated.
 */
export interface Inflater {
  inflate(data: Uint8Array, size: number): Uint8Array;
  crc32(data: Uint8Array): number;
  /** UTF-8 → text exactly as TextDecoder("utf-8") decodes it, by a faster road where there is one */
  decodeUtf8?(data: Uint8Array): string;
}

/** The output passed the declared size; thrown by an Inflater. */
export class InflateOverflow extends Error {
  constructor() {
    super("inflated past the declared size");
    this.name = "InflateOverflow";
  }
}

/** fflate (pure JavaScript): what the browser page and the add-in use. */
export const FFLATE_INFLATER: Inflater = {
  inflate(data, size) {
    // DEFLATE expands at most ~1032:1, so a small entry cannot cost much even if its header lies:
    // inflate it in one call into a buffer of the declared size (what does not fit is dropped,
    // and the CRC then fails); larger entries stream under the bound
    return data.length * 1032 <= FAST_INFLATE_LIMIT ? inflateSync(data, { out: new Uint8Array(size) }) : boundedInflate(data, size);
  },
  crc32: (data) => crc32(data),
};

let inflater: Inflater = FFLATE_INFLATER;

/** Installs the Inflater every archive reads with from now on (the command line: node:zlib's). */
export function useInflater(next: Inflater): void {
  inflater = next;
}

/**
 * Inflates chunk by chunk and stops as soon as the output passes what the central directory
 * declared (a lying header): a bomb costs at most one chunk's output beyond the declared size,
 * not its full 3 GiB. The caller has checked the declared size against the budget.
 */
function boundedInflate(data: Uint8Array, declared: number): Uint8Array {
  const out = new Uint8Array(declared);
  let n = 0;
  let overflow = false;
  const inf = new Inflate((chunk) => {
    if (overflow) return;
    if (n + chunk.length > declared) {
      overflow = true;
      return;
    }
    out.set(chunk, n);
    n += chunk.length;
  });
  // 16 KB of deflate inflates to at most ~17 MB (the format's ratio is bounded near 1032:1)
  const STEP = 16 * 1024;
  for (let at = 0; at < data.length && !overflow; at += STEP) {
    const end = Math.min(at + STEP, data.length);
    inf.push(data.subarray(at, end), end === data.length);
  }
  if (overflow) throw new InflateOverflow();
  return n === declared ? out : out.subarray(0, n);
}

// ------------------------------------------------------------------ reading the directory

export function readZip(input: Uint8Array | ArrayBuffer, limits: ZipLimits = DEFAULT_LIMITS): ZipArchive {
  // a plain view even for a Node Buffer, whose slice() would share memory instead of copying
  const bytes = input instanceof Uint8Array ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(bytes, v);
  let count = v.getUint16(eocd + 10, true);
  let cdSize = v.getUint32(eocd + 12, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || v.getUint32(loc, true) !== SIG_LOCATOR64) throw corrupt("缺少 ZIP64 目录定位");
    const e64 = num64(v, loc + 8);
    if (e64 + 56 > bytes.length || v.getUint32(e64, true) !== SIG_EOCD64) throw corrupt("ZIP64 目录损坏");
    count = num64(v, e64 + 32);
    cdSize = num64(v, e64 + 40);
    cdOffset = num64(v, e64 + 48);
  }
  if (count > limits.maxEntries) throw new ZipError(`压缩包里有 ${count} 个条目，超过 ${limits.maxEntries} 个，不像分工表`);
  if (cdOffset + cdSize > bytes.length) throw corrupt("目录超出文件末尾（文件可能没有下载完整）");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== SIG_CENTRAL) throw corrupt("目录记录损坏");
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    let compressedSize = v.getUint32(p + 20, true);
    let size = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    let localOffset = v.getUint32(p + 42, true);
    const recordLen = 46 + nameLen + extraLen + commentLen;
    if (p + recordLen > bytes.length) throw corrupt("目录记录损坏");
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    // bit 11: UTF-8 names; without it CP437, which for the ASCII part names of a package is the same
    const name = flags & 0x800 ? utf8.decode(nameBytes) : latin1(nameBytes);
    let offsetField: ZipEntry["offsetField"] = { at: 42, width: 4 };
    // zip64 extended information: the fields that are 0xFFFFFFFF in the record, in this order
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) ((size = num64(v, q)), (q += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = num64(v, q)), (q += 8));
        if (localOffset === 0xffffffff) {
          localOffset = num64(v, q);
          offsetField = { at: q - p, width: 8 };
        }
      }
      x += 4 + len;
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, central: bytes.subarray(p, p + recordLen), offsetField });
    p += recordLen;
  }
  return new ZipArchive(bytes, entries, limits);
}

function findEocd(bytes: Uint8Array, v: DataView): number {
  // the end record is 22 bytes plus a comment of at most 65535
  const stop = Math.max(0, bytes.length - 22 - 65535);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && v.getUint32(i, true) === SIG_EOCD) return i;
  }
  throw corrupt("找不到压缩包目录（文件可能没有下载完整）");
}

function num64(v: DataView, at: number): number {
  const n = v.getUint32(at, true) + v.getUint32(at + 4, true) * 0x100000000;
  if (!Number.isSafeInteger(n)) throw corrupt("ZIP64 大小无效");
  return n;
}

function latin1(b: Uint8Array): string {
  // one string from the codes, not one per character added (a name is read for every entry of every file)
  return b.length <= 4096
    ? String.fromCharCode.apply(null, b as unknown as number[])
    : Array.from(b, (c) => String.fromCharCode(c)).join("");
}

/** The compressed data of an entry, and where its raw form (header … descriptor) ends. */
function dataRange(bytes: Uint8Array, e: ZipEntry): { headerStart: number; start: number; end: number; rawEnd: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = e.localOffset;
  if (h + 30 > bytes.length || v.getUint32(h, true) !== SIG_LOCAL) throw corrupt(`“${e.name}”的本地记录损坏`);
  const start = h + 30 + v.getUint16(h + 26, true) + v.getUint16(h + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw corrupt(`“${e.name}”超出文件末尾（文件可能没有下载完整）`);
  let rawEnd = end;
  if (e.flags & 0x8) {
    // data descriptor: optional signature, crc, then 4- or 8-byte sizes (8 when the entry is zip64)
    if (rawEnd + 4 <= bytes.length && v.getUint32(rawEnd, true) === SIG_DESCRIPTOR) rawEnd += 4;
    const zip64 = e.compressedSize >= 0xffffffff || e.size >= 0xffffffff || hasZip64Local(bytes, v, h);
    rawEnd = Math.min(bytes.length, rawEnd + (zip64 ? 20 : 12));
  }
  return { headerStart: h, start, end, rawEnd };
}

function hasZip64Local(bytes: Uint8Array, v: DataView, h: number): boolean {
  const nameLen = v.getUint16(h + 26, true);
  let x = h + 30 + nameLen;
  const xEnd = x + v.getUint16(h + 28, true);
  while (x + 4 <= xEnd && x + 4 <= bytes.length) {
    if (v.getUint16(x, true) === 0x0001) return true;
    x += 4 + v.getUint16(x + 2, true);
  }
  return false;
}

// ------------------------------------------------------------------ writing

/**
 * A copy of the archive: entries in their original order, each kept as its raw bytes unless
 * `changes` names it (new bytes, deflated afresh; null removes it); names in `changes` that
 * the archive lacks are added at the end, in the map's order.
 */
export function writeZip(zip: ZipArchive, changes: ReadonlyMap<string, Uint8Array | null>): Uint8Array {
  const pieces: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const done = new Set<string>();
  for (const e of zip.entries) {
    if (done.has(e.name)) continue; // a duplicate name: the first one is the one read
    done.add(e.name);
    const change = changes.get(e.name);
    if (change === null) continue;
    if (change !== undefined) {
      const w = freshEntry(e.name, change, offset);
      pieces.push(w.local);
      central.push(w.central);
      offset += w.local.length;
      continue;
    }
    const { headerStart, rawEnd } = dataRange(zip.bytes, e);
    const raw = zip.bytes.subarray(headerStart, rawEnd);
    pieces.push(raw);
    central.push(withOffset(e, offset));
    offset += raw.length;
  }
  for (const [name, data] of changes) {
    if (done.has(name) || data === null) continue;
    const w = freshEntry(name, data, offset);
    pieces.push(w.local);
    central.push(w.central);
    offset += w.local.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  if (offset + cdSize > 0xffffffff || central.length > 0xfffe) throw new ZipError("写出的文件超过 4 GB，无法保存");
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_EOCD, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...pieces, ...central, end]);
}

function withOffset(e: ZipEntry, offset: number): Uint8Array {
  const c = new Uint8Array(e.central);
  const v = new DataView(c.buffer);
  if (e.offsetField.width === 4) v.setUint32(e.offsetField.at, offset, true);
  else {
    v.setUint32(e.offsetField.at, offset >>> 0, true);
    v.setUint32(e.offsetField.at + 4, Math.floor(offset / 0x100000000), true);
  }
  return c;
}

let encoder: InstanceType<typeof TextEncoder> | null = null;
const utf8Encoder = { encode: (t: string): Uint8Array => (encoder ??= new TextEncoder()).encode(t) };
/** 2026-01-01 00:00 in MS-DOS time: new parts get a fixed stamp, so one plan gives one file. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

function freshEntry(name: string, data: Uint8Array, offset: number): { local: Uint8Array; central: Uint8Array } {
  const nameBytes = utf8Encoder.encode(name);
  const ascii = nameBytes.length === name.length;
  const deflated = deflateSync(data, { level: 6 });
  const stored = deflated.length >= data.length;
  const body = stored ? data : deflated;
  const crc = crc32(data);
  const flags = ascii ? 0 : 0x800;
  const local = new Uint8Array(30 + nameBytes.length + body.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, SIG_LOCAL, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, flags, true);
  lv.setUint16(8, stored ? 0 : 8, true);
  lv.setUint16(10, DOS_TIME, true);
  lv.setUint16(12, DOS_DATE, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, body.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(body, 30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, SIG_CENTRAL, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, flags, true);
  cv.setUint16(10, stored ? 0 : 8, true);
  cv.setUint16(12, DOS_TIME, true);
  cv.setUint16(14, DOS_DATE, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, body.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, offset, true);
  central.set(nameBytes, 46);
  return { local, central };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let CRC_TABLE: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3), as zip records it. */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const t = CRC_TABLE;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
