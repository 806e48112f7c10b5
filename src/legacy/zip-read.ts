/**
 * Reads single entries of a zip (the .ods package) with a hard cap on inflated size, so a
 * crafted "zip bomb" stops early instead of filling memory. Uses fflate's streaming Inflate;
 * kept to one small module so it can be swapped for the shared src/ooxml/zip.ts later.
 */
import { Inflate } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
  crc32: number;
}

/** Thrown with a Chinese reason; the caller wraps it in its own error class. */
export class ZipError extends Error {
  constructor(
    message: string,
    /** for "too big": how many bytes had come out when it stopped */
    readonly inflated = 0,
  ) {
    super(message);
  }
}

export function listZip(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the very end
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("找不到压缩包目录（文件不完整或不是压缩包）");
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipError("不支持 ZIP64 压缩包");
  if (cdOffset + cdSize > bytes.length) throw new ZipError("压缩包目录超出文件末尾（文件可能被截断）");
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) throw new ZipError("压缩包目录损坏");
    const flags = dv.getUint16(p + 8, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > bytes.length) throw new ZipError("压缩包目录损坏");
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
      crc32: dv.getUint32(p + 16, true),
      encrypted: (flags & 1) === 1,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry's bytes, inflated; stops with ZipError as soon as more than `maxBytes` come out. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.encrypted) throw new ZipError(`压缩包里的 ${entry.name} 已加密`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lo = entry.localOffset;
  if (lo + 30 > bytes.length || dv.getUint32(lo, true) !== 0x04034b50) throw new ZipError(`${entry.name} 的位置不对（压缩包损坏）`);
  const start = lo + 30 + dv.getUint16(lo + 26, true) + dv.getUint16(lo + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError(`${entry.name} 超出文件末尾（文件可能被截断）`);
  const raw = bytes.subarray(start, end);
  const tooBig = (n = raw.length) => new ZipError(`${entry.name} 解压后超过 ${Math.round(maxBytes / 1048576)} MB，不像分工表`, n);
  if (entry.method === 0) {
    if (raw.length > maxBytes) throw tooBig();
    return checked(entry, raw);
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name} 用了不支持的压缩方法 ${entry.method}`);
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw tooBig(total);
    parts.push(chunk);
    if (final) ended = true;
  });
  // small input steps bound what one step can produce (deflate expands at most 1032:1)
  const STEP = 4096;
  try {
    for (let i = 0; i < raw.length; i += STEP) inflate.push(raw.subarray(i, Math.min(raw.length, i + STEP)), i + STEP >= raw.length);
    if (raw.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError(`${entry.name} 解压失败（数据损坏）`);
  }
  if (!ended) throw new ZipError(`${entry.name} 的压缩数据不完整`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const part of parts) {
    out.set(part, o);
    o += part.length;
  }
  return checked(entry, out);
}

/** Damaged deflate data often still inflates, to garbage: the CRC-32 the zip records catches it. */
function checked(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if (crc32(data) !== entry.crc32) throw new ZipError(`${entry.name} 校验失败（数据损坏）`);
  return data;
}

let table: Uint32Array | null = null;

/** CRC-32 (ISO 3309, polynomial 0xEDB88320), as zip uses it. */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
