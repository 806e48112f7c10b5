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
import * as zlib from "node:zlib";
import { crc32 as jsCrc32, InflateOverflow, useInflater, type Inflater } from "./zip";

/** zlib.crc32 came in Node 20.15 / 22.2; before that the JS table does it. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** One output chunk holds the whole entry (plus a little, so one past the size is seen at once), up to 16 MB. */
const MAX_CHUNK = 16 * 1024 * 1024;

export const NODE_INFLATER: Inflater = {
  inflate(data, size) {
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.min(MAX_CHUNK, Math.max(64, size + 64)) });
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateOverflow();
      throw e;
    }
    // a plain view: a Buffer's slice() would share memory where callers expect a copy
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : jsCrc32,
};

/** From now on every archive read in this process inflates with node:zlib. */
export function useNodeZlib(): void {
  useInflater(NODE_INFLATER);
}
