/**
 * legacyToXlsx: the copy reads back through today's .xlsx reader (src/xlsx/read.ts) to the same
 * cells, and its last sheet says in Chinese that it is a converted copy and what was not carried.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { asXlsxInput, legacyToXlsx, readLegacyWorkbook, type LegacyWorkbook } from ".";
import { computePlan } from "../model";
import { readWorkbook } from "../xlsx/read";
import { reload } from "../../test/fixtures/xlsx/compare";

const DIR = path.join(__dirname, "../../test/fixtures/legacy");
const read = (name: string) => readLegacyWorkbook(new Uint8Array(fs.readFileSync(path.join(DIR, name))), name);
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("the .xlsx copy of a legacy file", () => {
  test.each(["sample.xls", "sample.et", "sample.ods"])(
    "%s: every sheet reads back through the .xlsx reader cell for cell, and scores the same",
    async (name) => {
      const book = read(name);
      const back = await readWorkbook(legacyToXlsx(book));
      expect(back.data.sheets.map((s) => s.name)).toEqual(["分工表", "转换说明"]);
      expect(plain(back.data.sheets[0])).toEqual(plain(book.data.sheets[0]));
      expect(computePlan(back.data).totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
    },
  );

  test("the features file: strings over many lines, percent and date formats, booleans and merges survive", async () => {
    const book = read("features.xls");
    const back = await readWorkbook(legacyToXlsx(book));
    expect(back.data.sheets.map((s) => s.name)).toEqual(["特征", "长文本", "图表", "转换说明"]);
    for (let i = 1; i < 3; i++) expect(plain(back.data.sheets[i])).toEqual(plain(book.data.sheets[i]));
    const [sheet] = back.data.sheets;
    expect(sheet.merges).toEqual(["A1:D1", "A4:A6"]);
    expect(sheet.cells[1][0]).toEqual({ v: 0.0235, numFmt: "0.00%" });
    expect(sheet.cells[1][2]).toMatchObject({ v: 44196 });
    expect(sheet.cells[1][3]).toEqual({ v: true });
    expect(sheet.cells[2][1]).toEqual({ v: "第一行\n第二行" });
  });

  test("the note sheet says it is a converted copy and lists exactly what was not carried", async () => {
    const book = read("features.xls");
    const back = await readWorkbook(legacyToXlsx(book));
    const note = back.data.sheets[3].cells.map((r) => r[0]?.v);
    expect(note[0]).toBe(`本文件由科创评分从旧版 .xls 文件转换为 .xlsx；以下内容未能保留：${book.notCarried.join("、")}`);
    expect(note[0]).toContain("图表 1 个");
    expect(note[0]).toContain("批注 1 条");
    expect(note).toContain("原文件 / Original file：features.xls");
    for (const item of book.notCarried) expect(note).toContain(item);
  });

  test("a file with nothing lost says so instead of an empty list", async () => {
    const book: LegacyWorkbook = {
      format: "ods",
      data: { sheets: [{ name: "表", cells: [[{ v: 1 }]], merges: [] }] },
      notCarried: [],
      columnWidths: [[]],
      date1904: false,
    };
    const back = await readWorkbook(legacyToXlsx(book));
    expect(back.data.sheets[1].cells[0][0]!.v).toBe("本文件由科创评分从旧版 .ods 文件转换为 .xlsx；原文件的单元格内容都已保留。");
  });

  test("the note sheet is the one shown on opening; column widths and the 1904 date system are written", () => {
    const book = read("sample.xls");
    const files = unzipSync(legacyToXlsx({ ...book, date1904: true }));
    const wb = strFromU8(files["xl/workbook.xml"]);
    expect(wb).toContain('<workbookView activeTab="1"/>');
    expect(wb).toContain('date1904="1"');
    const sheet1 = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet1).toMatch(/<col min="4" max="4" width="4[34](\.\d+)?" customWidth="1"\/>/); // the 评分标准 column, 44 characters wide
  });

  test.each(["sample.xls", "sample.ods"])(
    "%s: the copy keeps the cells' look: bold shaded headers, thin borders (on empty cells too), wrapped rule text",
    async (name) => {
      const workbook = await reload(legacyToXlsx(read(name))); // ExcelJS as the independent reader of styles
      const ws = workbook.getWorksheet("分工表")!;
      const header = ws.getCell("B2");
      expect(header.font).toMatchObject({ bold: true, size: 10 });
      expect(header.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } });
      expect(header.border?.top).toMatchObject({ style: "thin" });
      expect(header.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
      expect(ws.getCell("D3").alignment).toMatchObject({ horizontal: "left", wrapText: true });
      // the 2020 target of 地方财政科技支出 is empty but framed
      expect(ws.getCell("J3").value).toBeNull();
      expect(ws.getCell("J3").border?.bottom).toMatchObject({ style: "thin" });
      expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 18 });
    },
  );

  test.each(["sample.xls", "sample.ods"])("%s: the rows keep the template's heights (title 36 pt, headers 48 pt)", (name) => {
    const sheet1 = strFromU8(unzipSync(legacyToXlsx(read(name)))["xl/worksheets/sheet1.xml"]);
    expect(sheet1).toContain('<row r="1" ht="36" customHeight="1">');
    expect(sheet1).toContain('<row r="2" ht="48" customHeight="1">');
  });

  test.each(["sample.xls", "sample.ods"])("%s: the columns keep the template's widths (评分标准 44, 二级指标 26 characters)", (name) => {
    const widths = read(name).columnWidths[0];
    expect(widths[1]).toBeCloseTo(26, 0);
    expect(widths[3]).toBeCloseTo(44, 0);
  });

  test("text longer than an .xlsx cell holds is cut to 32767 characters, and the note says so", async () => {
    const long = "指".repeat(40000);
    const book: LegacyWorkbook = {
      format: "ods",
      data: { sheets: [{ name: "表", cells: [[{ v: long }]], merges: [] }] },
      notCarried: [],
      columnWidths: [[]],
      date1904: false,
    };
    const back = await readWorkbook(legacyToXlsx(book));
    expect((back.data.sheets[0].cells[0][0]!.v as string).length).toBe(32767);
    expect(JSON.stringify(back.data.sheets[1].cells)).toContain("超过 32767 个字符的单元格文本 1 处");
  });

  test("overlapping merged areas (which Excel would repair) keep the first, and the note says so", async () => {
    const book: LegacyWorkbook = {
      format: "ods",
      data: { sheets: [{ name: "表", cells: [[{ v: "a" }]], merges: ["A1:B2", "B2:C3", "D1:D4"] }] },
      notCarried: [],
      columnWidths: [[]],
      date1904: false,
    };
    const back = await readWorkbook(legacyToXlsx(book));
    expect(back.data.sheets[0].merges).toEqual(["A1:B2", "D1:D4"]);
    expect(JSON.stringify(back.data.sheets[1].cells)).toContain("与其他合并区域重叠的合并单元格 1 处（已取消合并）");
  });

  test("sheet names .xlsx cannot hold are changed, and the note says so", async () => {
    const book: LegacyWorkbook = {
      format: "ods",
      data: { sheets: [{ name: "2020/2021年:汇总表？这个名字超过了三十一个字符的限制所以要截短", cells: [[{ v: "x" }]], merges: [] }] },
      notCarried: [],
      columnWidths: [[]],
      date1904: false,
    };
    const back = await readWorkbook(legacyToXlsx(book));
    const name = back.data.sheets[0].name;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[/:?*[\]\\]/);
    expect(JSON.stringify(back.data.sheets[1].cells)).toContain(`改为“${name}”`);
  });
});

describe("asXlsxInput, the hosts' one call", () => {
  test("an .xls becomes the .xlsx copy; an .xlsx passes through byte for byte", async () => {
    const xls = new Uint8Array(fs.readFileSync(path.join(DIR, "sample.xls")));
    const input = asXlsxInput(xls, "分工表.xls");
    expect(input.detected).toBe("xls");
    expect(input.legacy?.notCarried).toContain("打印区域与打印标题");
    const back = await readWorkbook(input.bytes);
    expect(computePlan(back.data).totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
    const xlsx = new Uint8Array(fs.readFileSync(path.join(DIR, "sample.xlsx")));
    const same = asXlsxInput(xlsx, "分工表.xlsx");
    expect(same.legacy).toBeNull();
    expect(same.bytes).toBe(xlsx);
  });

  test("an encrypted .xls is refused in one line", () => {
    const enc = new Uint8Array(fs.readFileSync(path.join(DIR, "encrypted.xls")));
    expect(() => asXlsxInput(enc, "加密.xls")).toThrow(/^无法读取加密的工作簿：文件设了打开密码/);
  });
});
