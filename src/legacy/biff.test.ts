/**
 * BIFF8 records in shapes LibreOffice does not write for the sample but Excel and WPS do:
 * shared strings split mid-character across CONTINUE records (with the flag byte switching
 * between 8-bit and UTF-16), RK numbers, MULRK, error results, formula strings, 1904 dates.
 */
import { readLegacyWorkbook } from ".";
import { biffWorkbook, f64, latin1, le16, le32, utf16, xf, type Rec } from "../../test/helpers/biff-build";
import { buildCfb } from "../../test/helpers/cfb-build";
import { rkValue } from "./biff";
import { openCompoundFile } from "./cfb";

const cell = (row: number, col: number, ixfe = 0) => [...le16(row), ...le16(col), ...le16(ixfe)];
const XFS: Rec[] = [xf(0), xf(10), xf(14)]; // General, 0.00%, mm-dd-yy

describe("shared strings across CONTINUE records", () => {
  test("a UTF-16 string whose rest goes on 8-bit in the next CONTINUE, and the reverse", () => {
    // string 0: "科技" in UTF-16, the CONTINUE's flag byte 0 says "ABCD" follows 8-bit
    // string 1: "xy" 8-bit, then flag byte 1 and "创新" in UTF-16
    const sst: Rec = [0x00fc, [...le32(2), ...le32(2), ...le16(6), 1, ...utf16("科技")]];
    const cont1: Rec = [0x003c, [0, ...latin1("ABCD"), ...le16(4), 0, ...latin1("xy")]];
    const cont2: Rec = [0x003c, [1, ...utf16("创新")]];
    const book = readLegacyWorkbook(
      biffWorkbook([...XFS, sst, cont1, cont2], "表", [
        [0x00fd, [...cell(0, 0), ...le32(0)]],
        [0x00fd, [...cell(1, 0), ...le32(1)]],
      ]),
    );
    expect(book.data.sheets[0].cells.map((r) => r[0]?.v)).toEqual(["科技ABCD", "xy创新"]);
  });

  test("rich-text runs and phonetic data after the characters are skipped, even across a boundary", () => {
    // flags 0x0c: rich (cRun) + ext (cbExtRst); 1 run (4 bytes) and 6 bytes of ExtRst, split over CONTINUE
    const sst: Rec = [0x00fc, [...le32(2), ...le32(2), ...le16(2), 0x0d, ...le16(1), ...le32(6), ...utf16("指标"), 1, 0]];
    const cont: Rec = [0x003c, [0, 0, 1, 2, 3, 4, 5, 6, ...le16(2), 1, ...utf16("得分")]];
    const book = readLegacyWorkbook(
      biffWorkbook([...XFS, sst, cont], "表", [
        [0x00fd, [...cell(0, 0), ...le32(0)]],
        [0x00fd, [...cell(0, 1), ...le32(1)]],
      ]),
    );
    expect(book.data.sheets[0].cells[0].map((c) => c?.v)).toEqual(["指标", "得分"]);
  });

  test("a cell pointing past the table says which cell", () => {
    const sst: Rec = [0x00fc, [...le32(1), ...le32(1), ...le16(1), 0, ...latin1("a")]];
    expect(() => readLegacyWorkbook(biffWorkbook([...XFS, sst], "表", [[0x00fd, [...cell(2, 1), ...le32(5)]]]))).toThrow(
      "无法读取 .xls 文件：工作表“表”的单元格 B3 指向不存在的共享字符串 5",
    );
  });
});

describe("numbers, booleans, errors and formula results", () => {
  test("RK numbers: integers, ×100 integers, truncated doubles", () => {
    expect(rkValue((2489 << 2) | 2)).toBe(2489);
    expect(rkValue((337 << 2) | 3)).toBe(3.37);
    expect(rkValue((-5 << 2) | 2)).toBe(-5);
    // 1.5 as a double is 0x3FF8000000000000: its high 32 bits are the RK
    expect(rkValue(0x3ff80000)).toBe(1.5);
  });

  test("RK, MULRK, NUMBER, BOOLERR, FORMULA with number, string, boolean and error results", () => {
    const book = readLegacyWorkbook(
      biffWorkbook(XFS, "表", [
        [0x027e, [...cell(0, 0), ...le32((337 << 2) | 3)]],
        [0x00bd, [...le16(0), ...le16(1), ...le16(0), ...le32((8 << 2) | 2), ...le16(0), ...le32((2560 << 2) | 2), ...le16(2)]],
        [0x0203, [...cell(1, 0, 1), ...f64(0.0235)]],
        [0x0203, [...cell(1, 1, 2), ...f64(43830)]],
        [0x0205, [...cell(1, 2), 1, 0]],
        [0x0205, [...cell(1, 3), 0x07, 1]],
        [0x0006, [...cell(2, 0), ...f64(52.64), ...le16(0), ...le32(0), ...le16(0)]],
        [0x0006, [...cell(2, 1), 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...le16(0), ...le32(0), ...le16(0)]],
        [0x0207, [...le16(2), 1, ...utf16("达标")]],
        [0x0006, [...cell(2, 2), 1, 0, 1, 0, 0, 0, 0xff, 0xff, ...le16(0), ...le32(0), ...le16(0)]],
        [0x0006, [...cell(2, 3), 2, 0, 0x2a, 0, 0, 0, 0xff, 0xff, ...le16(0), ...le32(0), ...le16(0)]],
        [0x0006, [...cell(2, 4), 3, 0, 0, 0, 0, 0, 0xff, 0xff, ...le16(0), ...le32(0), ...le16(0)]],
        [0x00e5, [...le16(1), ...le16(3), ...le16(4), ...le16(0), ...le16(2)]],
        [0x0204, [...cell(3, 0), ...le16(4), 1, ...utf16("合计得分")]],
      ]),
    );
    const rows = book.data.sheets[0].cells;
    expect(rows[0]).toEqual([{ v: 3.37 }, { v: 8 }, { v: 2560 }]);
    expect(rows[1]).toEqual([{ v: 0.0235, numFmt: "0.00%" }, { v: 43830, numFmt: "mm-dd-yy" }, { v: true }, { v: { error: "#DIV/0!" } }]);
    expect(rows[2]).toEqual([{ v: 52.64 }, { v: "达标" }, { v: true }, { v: { error: "#N/A" } }]);
    expect(rows[3]).toEqual([{ v: "合计得分" }]);
    expect(book.data.sheets[0].merges).toEqual(["A4:C5"]);
    expect(book.notCarried).toContain("公式 5 个（已保留计算结果）");
  });

  test("a 1904 workbook keeps its serials and says so", () => {
    const book = readLegacyWorkbook(biffWorkbook([...XFS, [0x0022, le16(1)]], "表", [[0x0203, [...cell(0, 0, 2), ...f64(42368)]]]));
    expect(book.date1904).toBe(true);
    expect(book.data.sheets[0].cells[0][0]).toEqual({ v: 42368, numFmt: "mm-dd-yy" });
  });

  test("a custom FORMAT record wins over the built-in table", () => {
    const fmt: Rec = [0x041e, [...le16(164), ...le16(3), 1, ...utf16("0万元")]];
    const book = readLegacyWorkbook(biffWorkbook([fmt, ...XFS, xf(164)], "表", [[0x0203, [...cell(0, 0, 3), ...f64(2489)]]]));
    expect(book.data.sheets[0].cells[0][0]).toEqual({ v: 2489, numFmt: "0万元" });
  });

  test("an embedded chart's substream inside a sheet is skipped and counted", () => {
    const chartBof: Rec = [0x0809, [...le16(0x0600), ...le16(0x0020), ...new Array(12).fill(0)]];
    const book = readLegacyWorkbook(
      biffWorkbook(XFS, "表", [
        [0x0203, [...cell(0, 0), ...f64(1)]],
        chartBof,
        [0x0203, [...cell(5, 5), ...f64(99)]],
        [0x000a, []],
        [0x0203, [...cell(1, 0), ...f64(2)]],
      ]),
    );
    expect(book.data.sheets[0].cells.map((r) => r[0]?.v)).toEqual([1, 2]);
    expect(book.notCarried).toContain("图表 1 个");
  });
});

describe("BIFF5 (Excel 5.0/95) files", () => {
  test("8-bit text in the workbook's code page (936: GBK) is decoded, the sheet name too", () => {
    const gbk = [0xbf, 0xc6, 0xbc, 0xbc, 0xb4, 0xb4, 0xd0, 0xc2]; // 科技创新
    const bof = (dt: number): Rec => [0x0809, [...le16(0x0500), ...le16(dt), 0, 0, 0, 0]];
    const enc = (recs: Rec[]) => recs.flatMap(([t, d]) => [...le16(t), ...le16(d.length), ...d]);
    const globals = (offset: number): Rec[] => [
      bof(0x0005),
      [0x0042, le16(936)],
      [0x00e0, [...le16(0), ...le16(0), ...new Array(12).fill(0)]],
      [0x0085, [...le32(offset), 0, 0, 4, 0xb1, 0xed, 0xb8, 0xf1]], // 表格
      [0x000a, []],
    ];
    const head = enc(globals(0)).length;
    const sheet = enc([
      bof(0x0010),
      [0x0204, [...le16(0), ...le16(0), ...le16(0), ...le16(gbk.length), ...gbk]],
      [0x027e, [...le16(0), ...le16(1), ...le16(0), ...le32((5 << 2) | 2)]],
      [0x000a, []],
    ]);
    const stream = new Uint8Array(4096);
    stream.set([...enc(globals(head)), ...sheet]);
    const book = readLegacyWorkbook(buildCfb([{ name: "Book", data: stream }]));
    expect(book.data.sheets[0].name).toBe("表格");
    expect(book.data.sheets[0].cells[0]).toEqual([{ v: "科技创新" }, { v: 5 }]);
  });
});

describe("what the compound file holds beside the workbook", () => {
  test("a VBA project, an embedded object and a pivot cache are listed as not carried", () => {
    const sheet = biffWorkbook(XFS, "表", [[0x0203, [...cell(0, 0), ...f64(1)]]]);
    const cfb = openCompoundFile(sheet);
    const workbook = cfb.read(cfb.find("Workbook")!);
    const filler = new Uint8Array(4096);
    const bytes = buildCfb([
      { name: "Workbook", data: workbook },
      { name: "_VBA_PROJECT_CUR", data: filler },
      { name: "MBD0012ABCD", data: filler },
      { name: "_SX_DB_CUR", data: filler },
    ]);
    expect(readLegacyWorkbook(bytes).notCarried).toEqual(["宏（VBA 项目）", "嵌入的对象（OLE）", "数据透视表"]);
    expect(readLegacyWorkbook(sheet).notCarried).toEqual([]);
  });
});
