/**
 * A minimal [MS-CFB] version 3 writer for tests that need compound files no tool will make
 * (an encrypted-.xlsx container, hostile chains). Root-level streams only, each of at least 4096
 * bytes (the mini-stream cutoff, [MS-CFB] 2.2), so every stream lives in regular 512-byte sectors.
 */
const SECTOR = 512;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;

export function buildCfb(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  for (const s of streams) if (s.data.length < 4096) throw new Error(`${s.name}: test streams must be ≥ 4096 bytes`);
  const dirEntries = streams.length + 1;
  const dirSectors = Math.ceil((dirEntries * 128) / SECTOR);
  const streamSectors = streams.map((s) => Math.ceil(s.data.length / SECTOR));
  const dataSectors = dirSectors + streamSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < dataSectors + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("too big for a header-only DIFAT");
  const total = fatSectors + dataSectors;
  const out = new Uint8Array(SECTOR * (total + 1));
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(24, 0x3e, true);
  dv.setUint16(26, 3, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setUint32(44, fatSectors, true);
  dv.setUint32(48, fatSectors, true); // directory right after the FAT
  dv.setUint32(56, 4096, true);
  dv.setUint32(60, ENDOFCHAIN, true);
  dv.setUint32(68, ENDOFCHAIN, true);
  for (let i = 0; i < 109; i++) dv.setUint32(76 + 4 * i, i < fatSectors ? i : FREESECT, true);
  const fat = new Uint32Array((fatSectors * SECTOR) / 4).fill(FREESECT);
  for (let i = 0; i < fatSectors; i++) fat[i] = FATSECT;
  const chain = (start: number, n: number) => {
    for (let i = 0; i < n; i++) fat[start + i] = i === n - 1 ? ENDOFCHAIN : start + i + 1;
  };
  chain(fatSectors, dirSectors);
  let next = fatSectors + dirSectors;
  const starts = streams.map((s, i) => {
    const start = next;
    chain(start, streamSectors[i]);
    out.set(s.data, (start + 1) * SECTOR);
    next += streamSectors[i];
    return start;
  });
  fat.forEach((v, i) => dv.setUint32(SECTOR + 4 * i, v, true));
  const dirAt = (fatSectors + 1) * SECTOR;
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
  entry(0, "Root Entry", 5, streams.length ? 1 : FREESECT, FREESECT, ENDOFCHAIN, 0);
  streams.forEach((s, i) => entry(i + 1, s.name, 2, FREESECT, i + 1 < streams.length ? i + 2 : FREESECT, starts[i], s.data.length));
  for (let i = dirEntries; i < (dirSectors * SECTOR) / 128; i++) {
    const o = dirAt + 128 * i;
    dv.setUint32(o + 68, FREESECT, true);
    dv.setUint32(o + 72, FREESECT, true);
    dv.setUint32(o + 76, FREESECT, true);
  }
  return out;
}
