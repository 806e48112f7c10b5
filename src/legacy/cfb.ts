/**
 * [MS-CFB] compound file reader: the container of .xls, WPS .et and encrypted .xlsx files.
 * Files may be hostile: every sector number is bounds-checked, every chain is walked with a
 * visited set and a length limit, and the directory tree is walked with a depth limit, so a
 * crafted file ends in an error (LegacyReadError) in time linear in its size.
 */
import { LegacyReadError, type LegacyKind } from "./errors";

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAXREGSECT = 0xfffffffa;
const NOSTREAM = 0xffffffff;

export interface CfbEntry {
  /** path from the root, names joined with "/" ("Workbook", "_VBA_PROJECT_CUR/VBA") */
  path: string;
  name: string;
  type: "storage" | "stream";
  size: number;
  start: number;
}

export interface CompoundFile {
  entries: CfbEntry[];
  /** the root entry's CLSID, as "00020820-0000-0000-c000-000000000046" */
  rootClsid: string;
  /** the entry at the root level with this name (case-insensitive, as [MS-CFB] compares names) */
  find(name: string): CfbEntry | undefined;
  /** a stream's bytes */
  read(entry: CfbEntry): Uint8Array;
}

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function openCompoundFile(bytes: Uint8Array, kind: LegacyKind = "xls"): CompoundFile {
  const fail = (why: string): never => {
    throw new LegacyReadError(`复合文档结构损坏（${why}）`, kind);
  };
  if (!isCfb(bytes)) fail("文件头不是复合文档签名");
  if (bytes.length < 512) fail("文件不完整，不足一个文件头");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);

  const major = u16(26);
  const sectorShift = u16(30);
  const miniShift = u16(32);
  if (u16(28) !== 0xfffe) fail("字节序标记不对");
  if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) fail(`不支持的版本 ${major}/扇区 2^${sectorShift}`);
  if (miniShift !== 6) fail("小扇区大小不对");
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  const numFatSectors = u32(44);
  const firstDir = u32(48);
  const miniCutoff = u32(56);
  const firstMiniFat = u32(60);
  const numMiniFat = u32(64);
  const firstDifat = u32(68);
  const numDifat = u32(72);
  // sectors after the header (which takes one sector). [MS-CFB] 2.2 wants whole sectors, but
  // some writers leave the last one short: it is addressable, and reading past the file's end fails
  const sectorCount = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  if (numFatSectors > sectorCount) fail("FAT 扇区数超出文件长度");

  const sectorAt = (n: number): Uint8Array => {
    if (n > MAXREGSECT || n >= sectorCount) fail(`扇区号 ${n} 超出文件（文件可能被截断）`);
    const start = (n + 1) * sectorSize;
    return bytes.subarray(start, start + sectorSize);
  };

  // DIFAT: 109 FAT sector numbers in the header, then a chain of DIFAT sectors
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFatSectors; i++) {
    const s = u32(76 + 4 * i);
    if (s !== FREESECT) fatSectors.push(s);
  }
  let difat = firstDifat;
  const seenDifat = new Set<number>();
  for (let i = 0; i < numDifat && fatSectors.length < numFatSectors && difat !== ENDOFCHAIN && difat !== FREESECT; i++) {
    if (seenDifat.has(difat)) fail("DIFAT 链成环");
    seenDifat.add(difat);
    const sec = sectorAt(difat);
    if (sec.length < sectorSize) fail("DIFAT 扇区超出文件末尾（文件可能被截断）");
    const dv = new DataView(sec.buffer, sec.byteOffset, sec.byteLength);
    const per = sectorSize / 4 - 1;
    for (let j = 0; j < per && fatSectors.length < numFatSectors; j++) {
      const s = dv.getUint32(4 * j, true);
      if (s !== FREESECT) fatSectors.push(s);
    }
    difat = dv.getUint32(4 * per, true);
  }
  if (fatSectors.length < numFatSectors) fail("FAT 扇区表不完整");

  const perSector = sectorSize / 4;
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, i) => {
    const sec = sectorAt(s);
    const dv = new DataView(sec.buffer, sec.byteOffset, sec.byteLength);
    // a short last sector: the entries it does not hold are free
    for (let j = 0; j < perSector; j++) fat[i * perSector + j] = 4 * j + 4 <= sec.length ? dv.getUint32(4 * j, true) : FREESECT;
  });

  /** the sectors of a chain; bounded by `limit` sectors and by the table's own size */
  const chain = (start: number, table: Uint32Array, limit: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    let s = start;
    while (s !== ENDOFCHAIN) {
      if (s === FREESECT && out.length === 0) break;
      if (s >= table.length) fail(`${what}的扇区链指向不存在的扇区 ${s}`);
      if (seen.has(s)) fail(`${what}的扇区链成环`);
      if (out.length >= limit) fail(`${what}的扇区链比它声明的长度长`);
      seen.add(s);
      out.push(s);
      s = table[s];
    }
    return out;
  };
  const readChain = (start: number, size: number | null, what: string): Uint8Array => {
    const limit = size === null ? sectorCount : Math.ceil(size / sectorSize);
    const secs = chain(start, fat, limit, what);
    const total = size ?? secs.length * sectorSize;
    if (secs.length * sectorSize < total) fail(`${what}比它的扇区链长，文件不完整`);
    const out = new Uint8Array(total);
    secs.forEach((s, i) => {
      const off = i * sectorSize;
      if (off >= total) return;
      const sec = sectorAt(s);
      const need = Math.min(sectorSize, total - off);
      if (sec.length < need) fail(`${what}超出文件末尾（文件可能被截断）`);
      out.set(sec.subarray(0, need), off);
    });
    return out;
  };

  const dir = readChain(firstDir, null, "目录");
  const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const count = Math.floor(dir.length / 128);
  if (count === 0) fail("没有目录");
  interface Raw {
    clsid: string;
    name: string;
    type: number;
    left: number;
    right: number;
    child: number;
    start: number;
    size: number;
  }
  const raw: Raw[] = [];
  for (let i = 0; i < count; i++) {
    const o = i * 128;
    // the name length counts bytes, with the terminating NUL; at most 31 characters
    const chars = Math.min(Math.max(0, dv.getUint16(o + 64, true) / 2 - 1), 31);
    let name = "";
    for (let k = 0; k < chars; k++) {
      const c = dv.getUint16(o + 2 * k, true);
      if (c === 0) break;
      name += String.fromCharCode(c);
    }
    // v3 files: only the low 32 bits of the size are meaningful ([MS-CFB] 2.6.3)
    const sizeLow = dv.getUint32(o + 120, true);
    const sizeHigh = major === 3 ? 0 : dv.getUint32(o + 124, true);
    if (sizeHigh !== 0) fail(`目录项 ${name} 的长度超过 4 GB`);
    raw.push({
      clsid: clsid(dir.subarray(o + 80, o + 96)),
      name,
      type: dv.getUint8(o + 66),
      left: dv.getUint32(o + 68, true),
      right: dv.getUint32(o + 72, true),
      child: dv.getUint32(o + 76, true),
      start: dv.getUint32(o + 116, true),
      size: sizeLow,
    });
  }
  const root = raw[0];
  if (root.type !== 5) fail("第一个目录项不是根");

  const entries: CfbEntry[] = [];
  const visited = new Set<number>();
  // walk the red-black trees iteratively: a hostile file may make them arbitrarily deep
  const stack: { id: number; prefix: string; depth: number }[] = [];
  const pushTree = (id: number, prefix: string, depth: number) => {
    if (id !== NOSTREAM) stack.push({ id, prefix, depth });
  };
  pushTree(root.child, "", 1);
  while (stack.length > 0) {
    const { id, prefix, depth } = stack.pop()!;
    if (id >= raw.length) fail(`目录项编号 ${id} 超出目录`);
    if (visited.has(id)) fail("目录树成环");
    if (depth > 32) fail("目录嵌套过深");
    visited.add(id);
    const e = raw[id];
    pushTree(e.left, prefix, depth);
    pushTree(e.right, prefix, depth);
    if (e.type === 1 || e.type === 2) {
      const path = prefix + e.name;
      entries.push({ path, name: e.name, type: e.type === 1 ? "storage" : "stream", size: e.size, start: e.start });
      if (e.type === 1) pushTree(e.child, `${path}/`, depth + 1);
    }
  }

  let miniFat: Uint32Array | null = null;
  let miniStream: Uint8Array | null = null;
  const mini = () => {
    if (!miniFat) {
      const mf = numMiniFat > 0 ? readChain(firstMiniFat, null, "小扇区分配表") : new Uint8Array(0);
      const mdv = new DataView(mf.buffer, mf.byteOffset, mf.byteLength);
      miniFat = new Uint32Array(Math.floor(mf.length / 4));
      for (let i = 0; i < miniFat.length; i++) miniFat[i] = mdv.getUint32(4 * i, true);
      miniStream = readChain(root.start, root.size, "小扇区流");
    }
    return { table: miniFat, data: miniStream! };
  };

  return {
    entries,
    rootClsid: root.clsid,
    find(name) {
      const lower = name.toLowerCase();
      return entries.find((e) => e.path.toLowerCase() === lower);
    },
    read(entry) {
      if (entry.type !== "stream") fail(`${entry.name} 不是流`);
      if (entry.size === 0) return new Uint8Array(0);
      if (entry.size >= miniCutoff) return readChain(entry.start, entry.size, entry.name);
      const { table, data } = mini();
      const secs = chain(entry.start, table, Math.ceil(entry.size / miniSize), entry.name);
      if (secs.length * miniSize < entry.size) fail(`${entry.name} 比它的扇区链长，文件不完整`);
      const out = new Uint8Array(entry.size);
      secs.forEach((s, i) => {
        const from = s * miniSize;
        if (from + miniSize > data.length) fail(`${entry.name} 的小扇区 ${s} 超出小扇区流`);
        const off = i * miniSize;
        out.set(data.subarray(from, from + Math.min(miniSize, entry.size - off)), off);
      });
      return out;
    },
  };
}

/** A CLSID in its usual text form: the first three fields are little-endian. */
function clsid(b: Uint8Array): string {
  const h = (i: number) => b[i].toString(16).padStart(2, "0");
  const seq = (idx: number[]) => idx.map(h).join("");
  return `${seq([3, 2, 1, 0])}-${seq([5, 4])}-${seq([7, 6])}-${seq([8, 9])}-${seq([10, 11, 12, 13, 14, 15])}`;
}
