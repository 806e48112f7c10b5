/**
 * A minimal [MS-CFB] writer for tests that need compound files no tool here makes (an
 * encrypted-.xlsx container, hostile chains, version 4 files): root-level streams only, laid
 * out as [MS-CFB] 2.2 says —
 *   version 3: 512-byte sectors; version 4: 4096-byte sectors, the header padded to one sector
 *     and its "number of directory sectors" set (2.2, 2.6.1);
 *   streams under the 4096-byte cutoff go into the mini stream (64-byte sectors, the root
 *     entry's stream) with their chains in the mini FAT (2.4), unless `mini` is false;
 *   the first 109 FAT sector numbers are in the header, the rest in DIFAT sectors of
 *     (sector size / 4 − 1) numbers and a next-DIFAT number each (2.5).
 */
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;
const MINI = 64;
const CUTOFF = 4096;

export interface CfbOptions {
  version?: 3 | 4;
  /** put streams under 4096 bytes in the mini stream (default true); false: refuse them */
  mini?: boolean;
  /** the root entry's CLSID, 16 bytes as stored */
  rootClsid?: number[];
}

export function buildCfb(streams: { name: string; data: Uint8Array }[], options: CfbOptions = {}): Uint8Array {
  const version = options.version ?? 3;
  const S = version === 3 ? 512 : 4096;
  const useMini = options.mini ?? true;
  const small = streams.map((s) => s.data.length < CUTOFF);
  if (!useMini && small.some(Boolean)) throw new Error("test streams must be ≥ 4096 bytes without a mini stream");
  const sectorsOf = (n: number) => Math.ceil(n / S);

  // the mini stream: each small stream in whole 64-byte mini sectors
  const miniStarts: number[] = [];
  let miniSectors = 0;
  streams.forEach((s, i) => {
    miniStarts[i] = small[i] && s.data.length > 0 ? miniSectors : ENDOFCHAIN;
    if (small[i]) miniSectors += Math.ceil(s.data.length / MINI);
  });
  const miniStreamBytes = miniSectors * MINI;
  const miniFatSectors = miniSectors > 0 ? sectorsOf(miniSectors * 4) : 0;
  const miniStreamSectors = sectorsOf(miniStreamBytes);

  const dirEntries = streams.length + 1;
  const dirSectors = sectorsOf(dirEntries * 128);
  const bigSectors = streams.map((s, i) => (small[i] ? 0 : sectorsOf(s.data.length)));
  const dataSectors = dirSectors + miniFatSectors + miniStreamSectors + bigSectors.reduce((a, b) => a + b, 0);
  const perFat = S / 4;
  const perDifat = S / 4 - 1;
  let fatSectors = 1;
  let difatSectors = 0;
  for (;;) {
    difatSectors = Math.max(0, Math.ceil((fatSectors - 109) / perDifat));
    if (fatSectors * perFat >= dataSectors + fatSectors + difatSectors) break;
    fatSectors++;
  }
  const total = fatSectors + difatSectors + dataSectors;
  const out = new Uint8Array(S * (total + 1));
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(24, 0x3e, true);
  dv.setUint16(26, version, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, version === 3 ? 9 : 12, true);
  dv.setUint16(32, 6, true);
  dv.setUint32(40, version === 3 ? 0 : dirSectors, true);
  dv.setUint32(44, fatSectors, true);
  const at = (sector: number) => (sector + 1) * S;

  const fat = new Uint32Array(fatSectors * perFat).fill(FREESECT);
  for (let i = 0; i < fatSectors; i++) fat[i] = FATSECT;
  const difatStart = fatSectors;
  for (let i = 0; i < difatSectors; i++) fat[difatStart + i] = DIFSECT;
  const chain = (start: number, n: number) => {
    for (let i = 0; i < n; i++) fat[start + i] = i === n - 1 ? ENDOFCHAIN : start + i + 1;
  };
  let next = fatSectors + difatSectors;
  const dirStart = next;
  chain(dirStart, dirSectors);
  next += dirSectors;
  const miniFatStart = miniFatSectors > 0 ? next : ENDOFCHAIN;
  chain(next, miniFatSectors);
  next += miniFatSectors;
  const miniStreamStart = miniStreamSectors > 0 ? next : ENDOFCHAIN;
  chain(next, miniStreamSectors);
  next += miniStreamSectors;
  const starts = streams.map((s, i) => {
    if (small[i]) return miniStarts[i];
    const start = next;
    chain(start, bigSectors[i]);
    out.set(s.data, at(start));
    next += bigSectors[i];
    return start;
  });

  dv.setUint32(48, dirStart, true);
  dv.setUint32(56, CUTOFF, true);
  dv.setUint32(60, miniFatStart, true);
  dv.setUint32(64, miniFatSectors, true);
  dv.setUint32(68, difatSectors > 0 ? difatStart : ENDOFCHAIN, true);
  dv.setUint32(72, difatSectors, true);
  for (let i = 0; i < 109; i++) dv.setUint32(76 + 4 * i, i < fatSectors ? i : FREESECT, true);
  for (let d = 0; d < difatSectors; d++) {
    const o = at(difatStart + d);
    for (let j = 0; j < perDifat; j++) {
      const k = 109 + d * perDifat + j;
      dv.setUint32(o + 4 * j, k < fatSectors ? k : FREESECT, true);
    }
    dv.setUint32(o + 4 * perDifat, d === difatSectors - 1 ? ENDOFCHAIN : difatStart + d + 1, true);
  }
  fat.forEach((v, i) => dv.setUint32(at(Math.floor(i / perFat)) + 4 * (i % perFat), v, true));

  if (miniSectors > 0) {
    const miniFat = new Uint32Array(miniFatSectors * perFat).fill(FREESECT);
    streams.forEach((s, i) => {
      if (!small[i] || s.data.length === 0) return;
      const n = Math.ceil(s.data.length / MINI);
      for (let k = 0; k < n; k++) miniFat[miniStarts[i] + k] = k === n - 1 ? ENDOFCHAIN : miniStarts[i] + k + 1;
      // the mini stream is contiguous here: mini sector m is at byte m × 64 of it
      out.set(s.data, at(miniStreamStart) + miniStarts[i] * MINI);
    });
    miniFat.forEach((v, i) => dv.setUint32(at(miniFatStart) + 4 * i, v, true));
  }

  const dirAt = at(dirStart);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const o = dirAt + 128 * i;
    for (let k = 0; k < name.length; k++) dv.setUint16(o + 2 * k, name.charCodeAt(k), true);
    dv.setUint16(o + 64, (name.length + 1) * 2, true);
    out[o + 66] = type;
    out[o + 67] = 1; // black
    dv.setUint32(o + 68, FREESECT, true);
    dv.setUint32(o + 72, right, true);
    dv.setUint32(o + 76, child, true);
    dv.setUint32(o + 116, start, true);
    dv.setUint32(o + 120, size, true);
  };
  // a degenerate but valid tree: each stream the right sibling of the one before
  entry(0, "Root Entry", 5, streams.length ? 1 : FREESECT, FREESECT, miniStreamStart, miniStreamBytes);
  if (options.rootClsid) out.set(options.rootClsid, dirAt + 80);
  streams.forEach((s, i) => entry(i + 1, s.name, 2, FREESECT, i + 1 < streams.length ? i + 2 : FREESECT, starts[i], s.data.length));
  for (let i = dirEntries; i < (dirSectors * S) / 128; i++) {
    const o = dirAt + 128 * i;
    dv.setUint32(o + 68, FREESECT, true);
    dv.setUint32(o + 72, FREESECT, true);
    dv.setUint32(o + 76, FREESECT, true);
  }
  return out;
}
