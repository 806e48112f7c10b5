#!/usr/bin/env node
/*
 * Writes the add-in's ribbon/store icons (assets/icon-16.png … icon-80.png): a blue rounded
 * square with a white three-bar chart. Pure Node (zlib), so anyone can regenerate them:
 *   node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

// 16/32/80: ribbon; 32/64: IconUrl/HighResolutionIconUrl; 128: the AppSource listing (uploaded with the submission)
const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x6f, 0xc5];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixel for (x, y) in an s×s icon. */
function pixel(x, y, s) {
  // rounded corners: radius ~ s/6, transparent outside
  const r = Math.max(2, Math.round(s / 6));
  const cx = x < r ? r - 0.5 : x >= s - r ? s - r - 0.5 : x;
  const cy = y < r ? r - 0.5 : y >= s - r ? s - r - 0.5 : y;
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
  // three white bars of rising height, on a baseline
  const pad = Math.round(s * 0.2);
  const inner = s - 2 * pad;
  const barW = Math.max(1, Math.floor(inner / 5));
  const gap = Math.floor((inner - 3 * barW) / 2);
  const base = s - pad;
  const heights = [0.4, 0.65, 0.95].map((h) => Math.max(2, Math.round(inner * h)));
  for (let i = 0; i < 3; i++) {
    const x0 = pad + i * (barW + gap);
    if (x >= x0 && x < x0 + barW && y < base && y >= base - heights[i]) return [...WHITE, 255];
  }
  // baseline
  if (s >= 32 && y === base && x >= pad - 1 && x <= s - pad) return [...WHITE, 255];
  return [...BLUE, 255];
}

function png(s) {
  const raw = Buffer.alloc(s * (s * 4 + 1));
  let o = 0;
  for (let y = 0; y < s; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < s; x++) for (const v of pixel(x, y, s)) raw[o++] = v;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0);
  ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const s of SIZES) fs.writeFileSync(path.join(out, `icon-${s}.png`), png(s));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/`);
