/**
 * Bad, crafted and hostile files: each ends quickly in one Chinese line (LegacyReadError),
 * never a hang, a huge allocation or an English internal message.
 */
import * as fs from "fs";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import { detectFormat, LegacyReadError, readLegacyWorkbook } from ".";
import { buildCfb } from "../../test/helpers/cfb-build";
import { openCompoundFile } from "./cfb";
import { FFLATE_INFLATER, readZip, useInflater } from "../ooxml/zip";
import { NODE_INFLATER } from "../ooxml/zip-node";

const DIR = path.join(__dirname, "../../test/fixtures/legacy");
const sampleXls = () => new Uint8Array(fs.readFileSync(path.join(DIR, "sample.xls")));

/** The one-line Chinese error a caller prints; fails the test when the read succeeds. */
function errorOf(bytes: Uint8Array, name?: string): string {
  try {
    readLegacyWorkbook(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(LegacyReadError);
    const msg = (e as Error).message;
    expect(msg).not.toContain("\n");
    expect(msg).toMatch(/^无法读取/);
    expect(msg).not.toMatch(/Cannot|undefined|null|TypeError|RangeError/);
    return msg;
  }
  throw new Error("the file was read without an error");
}

const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const setU32 = (b: Uint8Array, o: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(o, v, true);

/** offset of FAT entry n in a version-3 file whose FAT fits in its first FAT sector */
const fatEntry = (b: Uint8Array, n: number) => (u32(b, 76) + 1) * 512 + 4 * n;

describe("compound files", () => {
  test("streams under 4096 bytes are read from the mini stream (the summary property sets)", () => {
    const cfb = openCompoundFile(sampleXls());
    for (const name of ["\u0005SummaryInformation", "\u0005DocumentSummaryInformation"]) {
      const entry = cfb.find(name)!;
      expect(entry.size).toBeLessThan(4096);
      const bytes = cfb.read(entry);
      expect(bytes).toHaveLength(entry.size);
      // [MS-OLEPS] PropertySetStream: byte order 0xFFFE, version 0, then the system identifier
      expect([bytes[0], bytes[1], bytes[2], bytes[3]]).toEqual([0xfe, 0xff, 0, 0]);
    }
  });

  test("a mini-stream chain that loops", () => {
    const bytes = sampleXls();
    const cfb = openCompoundFile(bytes);
    const entry = cfb.find("\u0005SummaryInformation")!;
    const miniFat = (u32(bytes, 60) + 1) * 512;
    setU32(bytes, miniFat + 4 * entry.start, entry.start);
    expect(() => openCompoundFile(bytes).read(entry)).toThrow(/成环/);
  });

  test("garbage after the signature", () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    let x = 12345;
    for (let i = 8; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    expect(errorOf(bytes, "坏.xls")).toMatch(/^无法读取 \.xls 文件：复合文档结构损坏/);
  });

  test("an .xls cut off in the middle", () => {
    const whole = sampleXls();
    for (const keep of [600, 2048, whole.length / 2, whole.length - 700]) {
      expect(errorOf(whole.subarray(0, keep), "截断.xls")).toMatch(/截断|不完整|损坏/);
    }
  });

  test("a sector chain that loops back on itself (FAT cycle)", () => {
    const bytes = sampleXls();
    const start = 2; // the Workbook stream's first sector in this file (checked below)
    const second = u32(bytes, fatEntry(bytes, start));
    expect(second).toBe(3);
    setU32(bytes, fatEntry(bytes, second), start);
    expect(errorOf(bytes)).toMatch(/成环|比它声明的长度长/);
  });

  test("a directory tree that points back at itself", () => {
    const bytes = sampleXls();
    const dirStart = (u32(bytes, 48) + 1) * 512;
    const rootChild = u32(bytes, dirStart + 76);
    setU32(bytes, dirStart + 128 * rootChild + 68, rootChild); // its left sibling is itself
    expect(errorOf(bytes)).toMatch(/目录树成环/);
  });

  test("a FAT sector count far beyond the file", () => {
    const bytes = sampleXls();
    setU32(bytes, 44, 0x7fffffff);
    expect(errorOf(bytes)).toMatch(/FAT 扇区数超出文件长度/);
  });

  test("an encrypted .xlsx (a compound file with EncryptionInfo and EncryptedPackage) says 加密", () => {
    const bytes = buildCfb([
      { name: "EncryptionInfo", data: new Uint8Array(4096).fill(7) },
      { name: "EncryptedPackage", data: new Uint8Array(8192).fill(9) },
    ]);
    expect(detectFormat(bytes)).toBe("encrypted");
    expect(errorOf(bytes, "加密.xlsx")).toMatch(/^无法读取加密的工作簿：.*加密/);
  });

  test("a compound file with no workbook in it (a Word document)", () => {
    const bytes = buildCfb([{ name: "WordDocument", data: new Uint8Array(4096) }]);
    expect(errorOf(bytes, "x.xls")).toMatch(/Word 文档/);
  });
});

/** A Workbook stream made of records, padded to the mini-stream cutoff. */
function workbookStream(...recs: [number, number[]][]): Uint8Array {
  const bytes: number[] = [];
  for (const [type, data] of recs) bytes.push(type & 255, type >> 8, data.length & 255, data.length >> 8, ...data);
  const out = new Uint8Array(Math.max(4096, bytes.length));
  out.set(bytes);
  return buildCfb([{ name: "Workbook", data: out }]);
}
const le16 = (n: number) => [n & 255, (n >> 8) & 255];
const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
const BOF_GLOBALS: [number, number[]] = [0x0809, [...le16(0x0600), ...le16(0x0005), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]];
const EOF: [number, number[]] = [0x000a, []];

describe("BIFF records", () => {
  test("a shared-string table that claims two billion strings", () => {
    const bytes = workbookStream(BOF_GLOBALS, [0x00fc, [...le32(0x7fffffff), ...le32(0x7fffffff)]], EOF);
    expect(errorOf(bytes)).toMatch(/共享字符串表声明了 2147483647 个字符串/);
  });

  test("a sheet whose position is beyond the stream", () => {
    const name = [...le16(0), 2, 0, 0x41, 0x42].slice(2); // cch 2, flags 0, "AB"
    const bytes = workbookStream(BOF_GLOBALS, [0x0085, [...le32(0x7ffffff0), 0, 0, ...name]], EOF);
    expect(errorOf(bytes)).toMatch(/工作表“AB”的位置超出文件/);
  });

  test("globals without their EOF record", () => {
    const bytes = workbookStream(BOF_GLOBALS, [0x0022, le16(0)]);
    // the padding reads as empty records up to the stream's end: still no EOF
    expect(errorOf(bytes)).toMatch(/没有结束记录|不完整/);
  });

  test("an Excel 4.0 (BIFF4) file", () => {
    const bytes = workbookStream([0x0409, [0, 0, 0x10, 0]], EOF);
    expect(errorOf(bytes)).toMatch(/Excel 2\.x–4\.x/);
  });
});

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";
function ods(content: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ mimetype: [strToU8(ODS_MIME), { level: 0 }], "content.xml": strToU8(content), ...extra });
}
const doc = (tables: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;

describe("OpenDocument spreadsheets", () => {
  test("a trailing repeat of 1,048,576 empty rows × 16,384 columns costs nothing", () => {
    const bytes = ods(
      doc(
        `<table:table table:name="表"><table:table-column table:number-columns-repeated="16384"/>` +
          `<table:table-row><table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row>` +
          `<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`,
      ),
    );
    const book = readLegacyWorkbook(bytes);
    // one row, one cell: the empty repeats were counted past, never materialised
    expect(book.data.sheets[0].cells).toEqual([[{ v: 5 }]]);
    expect(book.rowHeights?.[0]).toEqual([]);
  });

  test("a row with content repeated a million times is refused, not expanded", () => {
    const bytes = ods(
      doc(
        `<table:table table:name="表"><table:table-row table:number-rows-repeated="1048576">` +
          `<table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`,
      ),
    );
    expect(errorOf(bytes)).toMatch(/^无法读取 \.ods 文件：工作表“表”的单元格超过 5000000 个/);
  });

  test("a content.xml that inflates past the limit stops early", () => {
    const zeros = new Uint8Array(32 * 1024 * 1024); // 32 MB of zeros deflates to about 32 KB
    const bytes = zipSync({ mimetype: [strToU8(ODS_MIME), { level: 0 }], "content.xml": [zeros, { level: 1 }] });
    expect(bytes.length).toBeLessThan(256 * 1024);
    expect(() => readLegacyWorkbook(bytes, "炸弹.ods", { maxPartBytes: 4 * 1024 * 1024 })).toThrow(
      /^无法读取 \.ods 文件：content\.xml 解压后超过 4 MB，不像分工表$/,
    );
    // and it stopped early: its directory says 32 MB, so nothing was inflated at all …
    const zip = readZip(bytes, { maxInflated: 4 * 1024 * 1024, maxEntries: 100 });
    expect(() => zip.read("content.xml")).toThrow(/^解压后超过 4 MB，不像分工表$/);
    // … and where the directory lies (says 1000 bytes), either inflater stops at the first chunk past
    // what it declared (fflate: one-call inflate into the declared size, then the CRC fails)
    const lying = new Uint8Array(bytes);
    const e = readZip(bytes).entry("content.xml")!;
    const v = new DataView(lying.buffer);
    v.setUint32(lying.length - 22 - e.central.length + 24, 1000, true); // central directory's size
    v.setUint32(e.localOffset + 22, 1000, true);
    for (const inflater of [FFLATE_INFLATER, NODE_INFLATER]) {
      useInflater(inflater);
      try {
        const t0 = Date.now();
        expect(() => readLegacyWorkbook(lying, "炸弹.ods")).toThrow(
          /^无法读取 \.ods 文件：“content\.xml”(解压后的大小超过记录的大小|的校验和不符)$/,
        );
        expect(Date.now() - t0).toBeLessThan(1000);
      } finally {
        useInflater(FFLATE_INFLATER);
      }
    }
  });

  test("content.xml whose data was damaged but still inflates is caught by its CRC-32", () => {
    const files = {
      mimetype: [strToU8(ODS_MIME), { level: 0 }] as [Uint8Array, { level: 0 }],
      "content.xml": [strToU8(doc(`<table:table table:name="表"/>`)), { level: 0 }] as [Uint8Array, { level: 0 }],
    };
    const bytes = zipSync(files);
    const at = bytes.indexOf(0x3c, 120); // a "<" inside the stored content.xml
    bytes[at + 1] ^= 0x20;
    expect(errorOf(bytes)).toBe("无法读取 .ods 文件：“content.xml”的校验和不符");
  });

  test("content.xml cut off mid-tag", () => {
    const bytes = ods(
      doc(`<table:table table:name="表"><table:table-row><table:table-cell office:value-type="float" office:value="5`).slice(0, -40),
    );
    expect(errorOf(bytes)).toMatch(/^无法读取 \.ods 文件：content\.xml 不是完整的 XML/);
  });

  test("a zip cut off before its central directory", () => {
    const bytes = ods(doc(`<table:table table:name="表"/>`));
    expect(errorOf(bytes.subarray(0, bytes.length - 30))).toMatch(/^无法读取 \.ods 文件：找不到压缩包目录/);
    const notOds = zipSync({ "a.txt": strToU8("x") });
    expect(errorOf(notOds.subarray(0, notOds.length - 30))).toMatch(/压缩包不完整或已损坏/);
  });

  test("an .xlsx renamed to .et is sent back to the .xlsx reader", () => {
    const xlsx = new Uint8Array(fs.readFileSync(path.join(DIR, "sample.xlsx")));
    expect(detectFormat(xlsx)).toBe("xlsx");
    expect(errorOf(xlsx, "改名.et")).toMatch(/\.xlsx 格式的工作簿/);
  });

  test("a text file", () => {
    expect(detectFormat(strToU8("序号,指标\n1,2\n"))).toBe("unknown");
    expect(errorOf(strToU8("序号,指标\n1,2\n"), "表.xls")).toMatch(/不是 \.xls、\.et 或 \.ods 工作簿/);
    expect(errorOf(new Uint8Array(0))).toMatch(/文件是空的/);
  });
});

describe("OpenDocument repeats and spans", () => {
  test("a repeated row and repeated cells with content are expanded; spans become merges over holes", () => {
    const bytes = ods(
      doc(
        `<table:table table:name="表"><table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:table-row>` +
          `<table:table-row><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2" office:value-type="string"><text:p>创新投入</text:p><office:annotation><text:p>批注文字</text:p></office:annotation></table:table-cell><table:covered-table-cell office:value-type="string"><text:p>藏着的</text:p></table:covered-table-cell><table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell></table:table-row>` +
          `<table:table-row><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="date" office:date-value="2020-12-31T12:00:00"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`,
      ),
    );
    const book = readLegacyWorkbook(bytes);
    const [sheet] = book.data.sheets;
    expect(sheet.cells.slice(0, 3)).toEqual([
      [{ v: 7 }, { v: 7 }],
      [{ v: 7 }, { v: 7 }],
      [{ v: 7 }, { v: 7 }],
    ]);
    expect(sheet.cells[3]).toEqual([{ v: "创新投入" }, undefined, { v: false }]);
    expect(sheet.cells[4]).toEqual([undefined, undefined, { v: 44196.5, numFmt: "yyyy-mm-dd hh:mm:ss" }]);
    expect(sheet.merges).toEqual(["A4:B5"]);
    expect(book.notCarried).toEqual(["批注 1 条"]);
  });
});

describe("OpenDocument cell formats", () => {
  const styled = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">` +
    `<office:automatic-styles><number:percentage-style style:name="N1"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>` +
    `<number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>` +
    `<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/><style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>` +
    `<style:style style:name="ce3" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffff00" fo:border="0.06pt solid #000000"/></style:style></office:automatic-styles>` +
    `<office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;

  test("percent and number styles, a column's default cell style, text:s spaces, line breaks, several paragraphs", () => {
    const bytes = ods(
      styled(
        `<table:table table:name="表"><table:table-column/><table:table-column table:default-cell-style-name="ce2"/>` +
          `<table:table-row><table:table-cell table:style-name="ce1" office:value-type="percentage" office:value="0.0235"><text:p>2.4%</text:p></table:table-cell>` +
          `<table:table-cell office:value-type="float" office:value="2489"><text:p>2,489.00</text:p></table:table-cell></table:table-row>` +
          `<table:table-row><table:table-cell office:value-type="string"><text:p>≧10000万元<text:s text:c="2"/>（5分）；</text:p><text:p>10000-5000万元<text:line-break/>（5-4分）</text:p></table:table-cell>` +
          `<table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50%</text:p></table:table-cell></table:table-row></table:table>`,
      ),
    );
    const [sheet] = readLegacyWorkbook(bytes).data.sheets;
    expect(sheet.cells[0]).toEqual([
      { v: 0.0235, numFmt: "0.0%" },
      { v: 2489, numFmt: "#,##0.00" },
    ]);
    // a percentage cell whose style is not a percentage style still reads as a percent
    expect(sheet.cells[1]).toEqual([{ v: "≧10000万元  （5分）；\n10000-5000万元\n（5-4分）" }, { v: 0.5, numFmt: "0.00%" }]);
  });

  test("a framed yellow cell keeps its look; a whole formatted column beyond the table stays plain", () => {
    const bytes = ods(
      styled(
        `<table:table table:name="表"><table:table-row><table:table-cell table:style-name="ce3" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>` +
          `<table:table-cell table:style-name="ce3"/></table:table-row>` +
          `<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:style-name="ce3" table:number-columns-repeated="1024"/></table:table-row></table:table>`,
      ),
    );
    const book = readLegacyWorkbook(bytes);
    const yellow = {
      fill: { pattern: "solid", fg: { rgb: "FFFFFF00" } },
      border: ["left", "right", "top", "bottom"].reduce((o, k) => ({ ...o, [k]: { style: "thin", color: { rgb: "FF000000" } } }), {}),
    };
    expect(book.cellLooks?.[0]).toEqual([[yellow, yellow]]);
    expect(book.notCarried).toEqual([]);
  });
});

describe("damaged copies of real files", () => {
  /** xorshift32: the same damage on every run */
  function rng(seed: number) {
    let x = seed;
    return () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 4294967296;
    };
  }

  test.each(["sample.xls", "features.xls", "sample.ods"])(
    "%s with random bytes overwritten: read or refused in one Chinese line, 300 times",
    (name) => {
      const original = new Uint8Array(fs.readFileSync(path.join(DIR, name)));
      const rand = rng(0x9e3779b9 ^ name.length);
      let refused = 0;
      for (let round = 0; round < 300; round++) {
        const bytes = original.slice();
        const hits = 1 + Math.floor(rand() * 8);
        for (let k = 0; k < hits; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
        try {
          readLegacyWorkbook(bytes, name);
        } catch (e) {
          refused++;
          expect(e).toBeInstanceOf(LegacyReadError);
          expect((e as Error).message).toMatch(/^无法读取[^\n]*$/);
        }
      }
      expect(refused).toBeGreaterThan(0);
    },
  );
});
