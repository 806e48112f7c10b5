/**
 * BIFF8 record shapes Excel and WPS write that no tool here writes for us, built record by record
 * from [MS-XLS]'s layouts (test/helpers/biff-build.ts): chart and macro sheets in BOUNDSHEET,
 * BOUNDSHEET offsets that are wrong, FILEPASS (XOR, RC4, RC4 CryptoAPI), shared and array
 * formulas with their cached results, rich text in the shared strings, a DIMENSIONS that lies,
 * very hidden sheets, built-in percent and Chinese date formats.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { detectFormat, legacyToXlsx, readLegacyWorkbook } from "../../src/legacy";
import { run } from "../../src/cli/main";
import { readWorkbook } from "../../src/xlsx/read";
import { biffBook, biffWorkbook, f64, le16, le32, latin1, utf16, xf, type Rec } from "../helpers/biff-build";

const cell = (row: number, col: number, ixfe = 0) => [...le16(row), ...le16(col), ...le16(ixfe)];
const number = (row: number, col: number, v: number, ixfe = 0): Rec => [0x0203, [...cell(row, col, ixfe), ...f64(v)]];
const XFS: Rec[] = [xf(0), xf(9), xf(10), xf(31), xf(58)]; // General, 0%, 0.00%, yyyy"年"m"月"d"日", m"月"d"日"
/** FORMULA ([MS-XLS] 2.4.127): cell, the cached FormulaValue (8 bytes), grbit, chn, then the parsed formula */
const formula = (row: number, col: number, value: number[], grbit = 0, rgce: number[] = [0x1e, ...le16(1)]): Rec => [
  0x0006,
  [...cell(row, col), ...value, ...le16(grbit), ...le32(0), ...le16(rgce.length), ...rgce],
];
/** PtgExp ([MS-XLS] 2.5.198.58): "this cell's formula is the shared/array formula anchored at row, col" */
const ptgExp = (row: number, col: number) => [0x01, ...le16(row), ...le16(col)];

async function noteOf(bytes: Uint8Array): Promise<string> {
  const back = await readWorkbook(legacyToXlsx(readLegacyWorkbook(bytes, "分工表.xls")));
  return JSON.stringify(back.data.sheets[back.data.sheets.length - 1].cells);
}

describe("sheets that are not worksheets, and where the sheets are", () => {
  const book = (badOffsets = false) =>
    biffBook(
      XFS,
      [
        { name: "分工表", records: [number(0, 0, 5)] },
        { name: "得分图", dt: 2, bofDt: 0x0020, records: [[0x1002, new Array(16).fill(0)]] }, // a chart sheet: CHART record
        { name: "宏1", dt: 1, bofDt: 0x0040, records: [number(0, 0, 99)] }, // an Excel 4.0 macro sheet
        { name: "底稿", hidden: 2, records: [number(0, 0, 7)] }, // very hidden
      ],
      badOffsets,
    );

  test("a chart sheet and a macro sheet are skipped; the very hidden sheet is read and listed; the 转换说明 names all three", async () => {
    const read = readLegacyWorkbook(book());
    expect(read.data.sheets.map((s) => [s.name, s.cells[0][0]?.v])).toEqual([
      ["分工表", 5],
      ["底稿", 7],
    ]);
    expect(read.notCarried).toEqual(["图表工作表 1 张", "宏表 1 张", "隐藏的工作表（转换后为可见）"]);
    const note = await noteOf(book());
    for (const l of read.notCarried) expect(note).toContain(l);
  });

  test("BOUNDSHEET offsets that point nowhere: the substreams are taken in order", () => {
    const read = readLegacyWorkbook(book(true));
    expect(read.data.sheets.map((s) => [s.name, s.cells[0][0]?.v])).toEqual([
      ["分工表", 5],
      ["底稿", 7],
    ]);
  });

  test("a DIMENSIONS record that says one cell does not hide the others", () => {
    const dims: Rec = [0x0200, [...le32(0), ...le32(1), ...le16(0), ...le16(1), 0, 0]];
    const read = readLegacyWorkbook(biffWorkbook(XFS, "表", [dims, number(0, 0, 1), number(40, 9, 2)]));
    expect(read.data.sheets[0].cells[40][9]).toEqual({ v: 2 });
  });
});

describe("formulas: shared, array, with cached numbers, strings, booleans and errors", () => {
  test("the cells of a shared formula (SHRFMLA) and an array formula (ARRAY) keep each cached result", () => {
    const shrfmla: Rec = [0x04bc, [...le16(2), ...le16(4), 0, 1, 0, 1, ...le16(3), 0x1e, ...le16(2)]];
    const array: Rec = [0x0221, [...le16(6), ...le16(6), 0, 0, ...le16(0), ...le32(0), ...le16(3), 0x1e, ...le16(3)]];
    const stringResult = [0, 0, 0, 0, 0, 0, 0xff, 0xff];
    const read = readLegacyWorkbook(
      biffWorkbook(XFS, "表", [
        formula(2, 0, f64(3.37), 0x0008, ptgExp(2, 0)), // fShrFmla
        shrfmla,
        formula(2, 1, f64(2.56), 0x0008, ptgExp(2, 0)),
        formula(3, 0, f64(8.77), 0x0008, ptgExp(2, 0)),
        formula(3, 1, stringResult, 0x0008, ptgExp(2, 0)),
        [0x0207, [...le16(2), 1, ...utf16("达标")]], // the string result, after the formula
        formula(6, 0, f64(73.97), 0, ptgExp(6, 0)),
        array,
      ]),
    );
    const rows = read.data.sheets[0].cells;
    expect([rows[2][0], rows[2][1], rows[3][0], rows[3][1], rows[6][0]]).toEqual([
      { v: 3.37 },
      { v: 2.56 },
      { v: 8.77 },
      { v: "达标" },
      { v: 73.97 },
    ]);
    expect(read.notCarried).toEqual(["公式 5 个（已保留计算结果）"]);
  });

  test("a string result whose STRING record comes after the SHRFMLA that follows the formula", () => {
    const shrfmla: Rec = [0x04bc, [...le16(0), ...le16(0), 0, 0, 0, 1, ...le16(3), 0x1e, ...le16(2)]];
    const read = readLegacyWorkbook(
      biffWorkbook(XFS, "表", [
        formula(0, 0, [0, 0, 0, 0, 0, 0, 0xff, 0xff], 0x0008, ptgExp(0, 0)),
        shrfmla,
        [0x0207, [...le16(3), 0, ...latin1("yes")]],
      ]),
    );
    expect(read.data.sheets[0].cells[0][0]).toEqual({ v: "yes" });
  });
});

describe("number formats from XF → built-in ids", () => {
  test("0% and 0.00% (ids 9, 10) and the zh-CN date formats (31, 58)", () => {
    const read = readLegacyWorkbook(
      biffWorkbook(XFS, "表", [number(0, 0, 0.0035, 1), number(0, 1, 0.0035, 2), number(0, 2, 43830, 3), number(0, 3, 43830, 4)]),
    );
    expect(read.data.sheets[0].cells[0]).toEqual([
      { v: 0.0035, numFmt: "0%" },
      { v: 0.0035, numFmt: "0.00%" },
      { v: 43830, numFmt: 'yyyy"年"m"月"d"日"' },
      { v: 43830, numFmt: 'm"月"d"日"' },
    ]);
  });
});

describe("rich text in the shared strings", () => {
  /** FONT ([MS-XLS] 2.4.122): height in twips, grbit, colour, weight, script, underline, family, charset, name */
  const font = (weight: number, name: string): Rec => [
    0x0031,
    [...le16(220), ...le16(0), ...le16(0x7fff), ...le16(weight), ...le16(0), 0, 0, 134, 0, name.length, 1, ...utf16(name)],
  ];
  const fonts = [font(400, "宋体"), font(700, "宋体"), font(400, "Arial")]; // 0 plain, 1 bold, 2 the same but named otherwise
  /** one shared string with formatting runs [ich, ifnt] */
  const rich = (text: string, runs: [number, number][]) => [
    ...le16(text.length),
    0x09,
    ...le16(runs.length),
    ...utf16(text),
    ...runs.flatMap(([i, f]) => [...le16(i), ...le16(f)]),
  ];
  const book = (runs: [number, number][]) =>
    biffWorkbook(
      [...fonts, ...XFS, [0x00fc, [...le32(2), ...le32(2), ...rich("市财政局、科技局", runs)]], [0x003c, [...le16(2), 0, ...latin1("ok")]]],
      "表",
      [
        [0x00fd, [...cell(0, 0), ...le32(0)]],
        [0x00fd, [...cell(0, 1), ...le32(1)]],
      ],
    );

  test("a cell whose shared string has a bold run is read as its text, and the copy says the runs are lost", async () => {
    const bytes = book([
      [0, 0],
      [5, 1],
    ]);
    const read = readLegacyWorkbook(bytes);
    expect(read.data.sheets[0].cells[0]).toEqual([{ v: "市财政局、科技局" }, { v: "ok" }]);
    expect(read.notCarried).toEqual(["单元格内的多种字体（富文本）"]);
    expect(await noteOf(bytes)).toContain("单元格内的多种字体（富文本）");
  });

  test("runs that differ only in the font's name (LibreOffice's Western/Asian split) are not called rich text", () => {
    const read = readLegacyWorkbook(
      book([
        [0, 2],
        [4, 0],
      ]),
    );
    expect(read.data.sheets[0].cells[0][0]).toEqual({ v: "市财政局、科技局" });
    expect(read.notCarried).toEqual([]);
  });
});

describe("password-protected .xls (FILEPASS, [MS-XLS] 2.4.117)", () => {
  const zeros = (n: number) => new Array(n).fill(0);
  const cases: [string, number[]][] = [
    ["XOR obfuscation", [...le16(0), ...le16(0x1234), ...le16(0xabcd)]],
    ["RC4", [...le16(1), ...le16(1), ...le16(1), ...zeros(48)]],
    ["RC4 CryptoAPI", [...le16(1), ...le16(4), ...le16(2), ...le32(0), ...le32(0x20), ...zeros(64)]],
  ];
  test.each(cases)("%s: detected as encrypted, one Chinese line", (_name, body) => {
    const bytes = biffWorkbook([[0x002f, body], ...XFS], "表", [number(0, 0, 1)]);
    expect(detectFormat(bytes)).toBe("encrypted");
    expect(() => readLegacyWorkbook(bytes, "加密.xls")).toThrow(
      /^无法读取加密的工作簿：文件设了打开密码（已加密），请在 Excel 或 WPS 中取消密码后另存为 \.xlsx 再试$/,
    );
  });

  test("kjscore check on it: exit 2, that one line on stderr, nothing on stdout", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-filepass-"));
    try {
      const file = path.join(dir, "加密.xls");
      fs.writeFileSync(file, biffWorkbook([[0x002f, cases[1][1]], ...XFS], "表", [number(0, 0, 1)]));
      let out = "";
      let err = "";
      const code = await run(["check", file], { out: (t) => (out += t), err: (t) => (err += t) });
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err.trim().split("\n")).toHaveLength(1);
      expect(err).toContain("文件设了打开密码（已加密）");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
