import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { deflateSync, zipSync } from "fflate";
import { crc32, FFLATE_INFLATER, readZip, useInflater, writeZip, ZipError, type Inflater } from "./zip";
import { NODE_INFLATER } from "./zip-node";

const CORPUS = path.join(__dirname, "../../test/fixtures/corpus");
const enc = new TextEncoder();

/** The raw bytes of each entry (local header through data descriptor), by name. */
function rawEntries(bytes: Uint8Array): Map<string, string> {
  const zip = readZip(bytes);
  const out = new Map<string, string>();
  const sorted = [...zip.entries].sort((a, b) => a.localOffset - b.localOffset);
  const cdStart = bytes.length; // entries are followed by the directory; compare data only
  for (const e of sorted) {
    const v = new DataView(bytes.buffer, bytes.byteOffset);
    const start = e.localOffset + 30 + v.getUint16(e.localOffset + 26, true) + v.getUint16(e.localOffset + 28, true);
    out.set(e.name, Buffer.from(bytes.subarray(start, Math.min(start + e.compressedSize, cdStart))).toString("hex"));
  }
  return out;
}

describe("zip: untouched entries are copied as their raw bytes", () => {
  test("a workbook XlsxWriter wrote comes back byte for byte when nothing changes", () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, "xw-all.xlsx")));
    expect(Buffer.from(writeZip(readZip(bytes), new Map())).equals(Buffer.from(bytes))).toBe(true);
  });

  test("replacing one entry, removing one and adding one leaves every other entry's compressed bytes as they were", () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, "xw-chart.xlsx")));
    const out = writeZip(
      readZip(bytes),
      new Map<string, Uint8Array | null>([
        ["xl/styles.xml", enc.encode("<styleSheet/>")],
        ["docProps/app.xml", null],
        ["xl/comments9.xml", enc.encode("<comments/>")],
      ]),
    );
    const before = rawEntries(bytes);
    const after = rawEntries(out);
    for (const [name, raw] of before) {
      if (name === "xl/styles.xml" || name === "docProps/app.xml") continue;
      expect([name, after.get(name)]).toEqual([name, raw]);
    }
    const z = readZip(out);
    expect(z.text("xl/styles.xml")).toBe("<styleSheet/>");
    expect(z.has("docProps/app.xml")).toBe(false);
    expect(z.text("xl/comments9.xml")).toBe("<comments/>");
    expect(z.entries.map((e) => e.name).slice(-1)).toEqual(["xl/comments9.xml"]);
  });

  test("stored (uncompressed) entries and UTF-8 names read and copy", () => {
    const bytes = zipSync({ "a.txt": [enc.encode("科创评分"), { level: 0 }], "说明/b.xml": enc.encode("<b/>") });
    const z = readZip(bytes);
    expect(z.entry("a.txt")!.method).toBe(0);
    expect(z.text("a.txt")).toBe("科创评分");
    expect(z.text("说明/b.xml")).toBe("<b/>");
    expect(Buffer.from(writeZip(z, new Map())).equals(Buffer.from(bytes))).toBe(true);
  });

  test("CRC-32 is the zip one", () => {
    expect(crc32(enc.encode("123456789")).toString(16)).toBe("cbf43926");
  });
});

// every read below runs with either inflater: fflate (the page, the add-in) and node:zlib (the command line)
const INFLATERS: [string, Inflater][] = [
  ["fflate", FFLATE_INFLATER],
  ["node:zlib", NODE_INFLATER],
];

describe.each(INFLATERS)("zip with %s: bounded work on hostile or broken files", (which, inflater) => {
  beforeAll(() => useInflater(inflater));
  afterAll(() => useInflater(FFLATE_INFLATER));

  /** One deflated entry of `size` zeros whose directory says it inflates to `declared`. */
  function bomb(size: number, declared: number): Uint8Array {
    const bytes = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(size) }, { level: 1 });
    const z = readZip(bytes);
    const e = z.entries[0];
    const out = new Uint8Array(bytes);
    const v = new DataView(out.buffer);
    const cd = bytes.length - 22 - e.central.length;
    v.setUint32(cd + 24, declared, true); // central uncompressed size
    v.setUint32(e.localOffset + 22, declared, true);
    return out;
  }

  test("an entry declared at 3 GiB is refused before any inflating, in one Chinese line", () => {
    const t0 = Date.now();
    const z = readZip(bomb(1 << 20, 0xc0000000));
    expect(() => z.read("xl/worksheets/sheet1.xml")).toThrow(/^解压后超过 500 MB，不像分工表$/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test("an entry that inflates past what its header declares is refused as damaged, in bounded time", () => {
    // small (fflate: one-call inflate into the declared size, the rest is dropped and the CRC fails;
    // zlib: stopped at its first output chunk past the declared size) …
    const small = readZip(bomb(32 << 20, 1000));
    let t0 = Date.now();
    expect(() => small.read("xl/worksheets/sheet1.xml")).toThrow(
      which === "fflate" ? /^文件损坏或不完整：.*校验和不符/ : /^文件损坏或不完整：.*解压后的大小超过记录的大小/,
    );
    expect(Date.now() - t0).toBeLessThan(1000);
    // … and large (streamed: stops at the first chunk past the declared size)
    const large = readZip(bomb(160 << 20, 1000));
    t0 = Date.now();
    expect(() => large.read("xl/worksheets/sheet1.xml")).toThrow(/^文件损坏或不完整：.*解压后的大小超过记录的大小/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test("the total over all entries is capped too", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 4; i++) files[`p${i}.xml`] = new Uint8Array(4 << 20);
    const z = readZip(zipSync(files), { maxInflated: 10 << 20, maxEntries: 100 });
    z.read("p0.xml");
    z.read("p1.xml");
    expect(() => z.read("p2.xml")).toThrow(/解压后超过 10 MB，不像分工表/);
  });

  test("too many entries, a truncated file, a corrupt stream, a wrong CRC: Chinese reasons", () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) many[`f${i}`] = new Uint8Array(1);
    expect(() => readZip(zipSync(many), { maxInflated: 1 << 20, maxEntries: 20 })).toThrow(/30 个条目，超过 20 个/);

    const good = zipSync({ "a.xml": enc.encode("<a>" + "x".repeat(5000) + "</a>") });
    expect(() => readZip(good.slice(0, good.length - 30))).toThrow(ZipError);
    expect(() => readZip(good.slice(0, good.length - 30))).toThrow(/找不到压缩包目录|文件可能没有下载完整/);

    const broken = new Uint8Array(good);
    const e = readZip(good).entries[0];
    broken.fill(0xff, e.localOffset + 40, e.localOffset + 60);
    expect(() => readZip(broken).read("a.xml")).toThrow(/^文件损坏或不完整：/);

    const badCrc = new Uint8Array(good);
    const dv = new DataView(badCrc.buffer);
    const cd = good.length - 22 - e.central.length;
    dv.setUint32(cd + 16, (e.crc ^ 1) >>> 0, true);
    expect(() => readZip(badCrc).read("a.xml")).toThrow(/校验和不符/);
  });
});

// Python's zipfile writes ZIP64 records when asked (force_zip64) and data descriptors when it
// writes to a stream it cannot seek: an independent writer of both forms.
const python = (() => {
  try {
    execFileSync("python3", ["-c", "import zipfile"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

(python ? describe.each(INFLATERS) : describe.skip.each(INFLATERS))(
  "zip with %s: ZIP64 and data descriptors (written by Python's zipfile; apt: python3)",
  (_which, inflater) => {
    beforeAll(() => useInflater(inflater));
    afterAll(() => useInflater(FFLATE_INFLATER));

    test("both read, and copy byte for byte", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-zip64-"));
      const file = path.join(dir, "z.zip");
      const script = [
        "import zipfile, sys",
        "class W:",
        "  def __init__(s, f): s.f = f",
        "  def write(s, b): return s.f.write(b)",
        "  def flush(s): s.f.flush()",
        "f = open(sys.argv[1], 'wb')",
        "z = zipfile.ZipFile(W(f), 'w', zipfile.ZIP_DEFLATED)",
        "with z.open('xl/workbook.xml', 'w', force_zip64=True) as e: e.write('<workbook>科创</workbook>'.encode() * 100)",
        "with z.open('b.txt', 'w') as e: e.write(b'plain')",
        "z.close(); f.close()",
      ].join("\n");
      execFileSync("python3", ["-c", script, file]);
      const bytes = new Uint8Array(fs.readFileSync(file));
      const z = readZip(bytes);
      expect(z.entry("xl/workbook.xml")!.flags & 8).toBe(8);
      expect(z.text("xl/workbook.xml")).toBe("<workbook>科创</workbook>".repeat(100));
      expect(z.text("b.txt")).toBe("plain");
      const copy = writeZip(z, new Map([["b.txt", enc.encode("changed")]]));
      const z2 = readZip(copy);
      expect(z2.text("xl/workbook.xml")).toBe("<workbook>科创</workbook>".repeat(100));
      expect(z2.text("b.txt")).toBe("changed");
      void deflateSync;
    });
  },
);
