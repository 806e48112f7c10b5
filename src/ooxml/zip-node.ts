/**
 * node:zlib's native inflate and CRC-32 for the zip layer (./zip.ts), for the command line (and
 * the bench that times what it does): about half the time of fflate's pure-JavaScript inflate,
 * and a tenth of the table-driven CRC. Node only: imported by src/cli, never by a bundle (the
 * page and the add-in keep fflate).
 *
 * The bounds stay as zip.ts sets them: `maxOutputLength` is the entry's declared size, and zlib
 * checks it after each output chunk, so a lying header stops one chunk past what it declared
 * (Node's zlib documentation, "maxOutputLength": "Limits output size when using convenience
 * methods"; it throws ERR_BUFFER_TOO_LARGE).
 */
import * as buffer from "node:buffer";
import * as zlib from "node:zlib";
import { crc32 as jsCrc32, InflateOverflow, useInflater, type Inflater } from "./zip";

/** zlib.crc32 came in Node 20.15 / 22.2; before that the JS table does it. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * One output chunk holds the whole entry (plus a little, so one past the size is seen at once), up
 * to 64 MB: a 100,000-row sheet (~46 MB) inflates into one buffer that is returned as it is, where
 * 16 MB chunks were copied together at the end (~30 ms and twice the memory for a moment). Never
 * more than the data can inflate to (DEFLATE's ratio is bounded near 1032:1), so a header that
 * declares far more than its bytes hold does not reserve it.
 */
const MAX_CHUNK = 64 * 1024 * 1024;
const MAX_DEFLATE_RATIO = 1032;

function chunkFor(compressed: number, size: number): number {
  return Math.min(MAX_CHUNK, Math.max(64, Math.min(size, compressed * MAX_DEFLATE_RATIO) + 64));
}

export const NODE_INFLATER: Inflater = {
  inflate(data, size) {
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: chunkFor(data.length, size) });
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateOverflow();
      throw e;
    }
    // a plain view: a Buffer's slice() would share memory where callers expect a copy
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : jsCrc32,
  decodeUtf8,
};

/** buffer.isAscii / isUtf8 came in Node 18.14–18.15 and 19.4–19.6 (simdutf); before that, TextDecoder alone. */
const { isAscii, isUtf8 } = buffer as { isAscii?: (b: Uint8Array) => boolean; isUtf8?: (b: Uint8Array) => boolean };

let decoder: InstanceType<typeof TextDecoder> | null = null;

/**
 * UTF-8 as TextDecoder decodes it, faster: V8's own decoder (behind TextDecoder and
 * Buffer#toString) takes ~20 µs for a 7 KB shared-strings part in Chinese, ICU's converter
 * (buffer.transcode) ~3. Identical output: ASCII is its own Latin-1; text that is valid UTF-8
 * (isUtf8: no overlong forms, surrogates or code points past U+10FFFF) decodes one way only,
 * with TextDecoder's leading BOM dropped first; anything else is left to TextDecoder, which
 * replaces what is broken as the Encoding Standard says. A property test compares the two.
 */
export function decodeUtf8(data: Uint8Array): string {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (isAscii && isUtf8) {
    if (isAscii(b)) return b.toString("latin1");
    if (isUtf8(b)) {
      const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
      return buffer.transcode(bom ? b.subarray(bom) : b, "utf8", "ucs2").toString("utf16le");
    }
  }
  return (decoder ??= new TextDecoder("utf-8")).decode(data);
}

/** From now on every archive read in this process inflates with node:zlib. */
export function useNodeZlib(): void {
  useInflater(NODE_INFLATER);
}
