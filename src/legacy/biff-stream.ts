/**
 * [MS-XLS] record layer: a BIFF stream is a run of records (type u16, length u16, data). A
 * record longer than 8224 bytes goes on in CONTINUE records; `records` attaches them to the
 * record they continue. `Continued` reads across those boundaries, with the rule for strings:
 * where a boundary falls inside a string's characters, the next part starts with one flag byte
 * saying whether the rest is 8-bit or UTF-16 ([MS-XLS] 2.5.293, 2.1.4).
 */
export const CONTINUE = 0x003c;

export interface BiffRecord {
  type: number;
  /** offset of the record header in the stream */
  offset: number;
  data: Uint8Array;
  /** the data of the CONTINUE records that follow it */
  continues: Uint8Array[];
}

/** Thrown for a record that runs past the stream's end or reads past its own data. */
export class BiffTruncated extends Error {}

/** The records from `start`, until the stream ends; each CONTINUE folded into the record before it. */
export function* records(stream: Uint8Array, start: number): Generator<BiffRecord> {
  let pos = start;
  let pending: BiffRecord | null = null;
  while (pos + 4 <= stream.length) {
    const type = stream[pos] | (stream[pos + 1] << 8);
    const len = stream[pos + 2] | (stream[pos + 3] << 8);
    if (pos + 4 + len > stream.length) throw new BiffTruncated(`记录 0x${type.toString(16)} 超出数据流末尾`);
    const data = stream.subarray(pos + 4, pos + 4 + len);
    if (type === CONTINUE && pending) {
      pending.continues.push(data);
    } else {
      if (pending) yield pending;
      pending = { type, offset: pos, data, continues: [] };
    }
    pos += 4 + len;
  }
  if (pending) yield pending;
}

/** Reads a record and its CONTINUE parts as one run of bytes, except inside string characters. */
export class Continued {
  private seg = 0;
  private pos = 0;
  private readonly segs: Uint8Array[];

  constructor(first: Uint8Array, continues: Uint8Array[] = [], at = 0) {
    this.segs = [first, ...continues];
    this.pos = at;
  }

  private current(): Uint8Array {
    while (this.seg < this.segs.length && this.pos >= this.segs[this.seg].length) {
      this.seg++;
      this.pos = 0;
    }
    if (this.seg >= this.segs.length) throw new BiffTruncated("记录数据不完整");
    return this.segs[this.seg];
  }

  u8(): number {
    return this.current()[this.pos++];
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  i32(): number {
    return this.u8() | (this.u8() << 8) | (this.u8() << 16) | (this.u8() << 24);
  }
  u32(): number {
    return this.i32() >>> 0;
  }
  skip(n: number): void {
    while (n > 0) {
      const s = this.current();
      const take = Math.min(n, s.length - this.pos);
      this.pos += take;
      n -= take;
    }
  }

  /** `count` characters, 8-bit (`highByte` false) or UTF-16LE, switching at CONTINUE boundaries. */
  chars(count: number, highByte: boolean): string {
    const parts: string[] = [];
    let left = count;
    let high = highByte;
    while (left > 0) {
      if (this.seg < this.segs.length && this.pos >= this.segs[this.seg].length) {
        // the characters go on in the next CONTINUE, which starts with its own flag byte
        this.seg++;
        this.pos = 0;
        if (this.seg >= this.segs.length || this.segs[this.seg].length === 0) throw new BiffTruncated("字符串不完整");
        high = (this.segs[this.seg][this.pos++] & 1) === 1;
      }
      const s = this.current();
      const avail = high ? (s.length - this.pos) >> 1 : s.length - this.pos;
      const take = Math.min(left, avail);
      if (take === 0) throw new BiffTruncated("字符串在记录边界处断开");
      parts.push(high ? utf16(s, this.pos, take) : latin1(s, this.pos, take));
      this.pos += high ? 2 * take : take;
      left -= take;
    }
    return parts.join("");
  }
}

const CHUNK = 4096;

function utf16(b: Uint8Array, at: number, n: number): string {
  let out = "";
  for (let i = 0; i < n; i += CHUNK) {
    const m = Math.min(CHUNK, n - i);
    const codes = new Array<number>(m);
    for (let k = 0; k < m; k++) {
      const o = at + 2 * (i + k);
      codes[k] = b[o] | (b[o + 1] << 8);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

function latin1(b: Uint8Array, at: number, n: number): string {
  let out = "";
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode(...b.subarray(at + i, at + Math.min(n, i + CHUNK)));
  return out;
}
