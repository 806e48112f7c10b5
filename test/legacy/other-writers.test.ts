/**
 * Legacy files as writers other than LibreOffice's .xls filter make them
 * (test/fixtures/legacy/make-others.sh): Gnumeric's BIFF8, its Excel 95 BIFF7 file (a "Book"
 * stream whose text is GBK, code page 936), its dual 97 & 95 file, its .ods; python3-xlwt's BIFF8;
 * LibreOffice's flat .fods. Each gives the sample 分工表 the .xlsx gives, `kjscore check` scores it
 * as the .xlsx original, and `kjscore recalc` writes an .xlsx copy whose 转换说明 names what it lost.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { detectFormat, legacyToXlsx, readLegacyWorkbook } from "../../src/legacy";
import { openCompoundFile } from "../../src/legacy/cfb";
import { records } from "../../src/legacy/biff-stream";
import { computePlan } from "../../src/model";
import type { SheetData } from "../../src/model/types";
import { readWorkbook } from "../../src/xlsx/read";
import { buildCli, type Cli } from "../helpers/cli-build";

const DIR = path.join(__dirname, "../fixtures/legacy");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));

/** each sample fixture, and what its copy truly cannot carry (the writer's own extras included) */
const SAMPLES: [file: string, lost: string[]][] = [
  ["gn-sample.xls", ["冻结窗格", "打印区域与打印标题"]],
  // Gnumeric's BIFF7 writer drops the print titles itself; BIFF5 cell formats are not carried
  ["gn-sample-95.xls", ["单元格格式（字体、填充、边框、对齐）", "冻结窗格"]],
  ["gn-sample-dual.xls", ["冻结窗格", "打印区域与打印标题"]],
  ["gn-sample.ods", ["冻结窗格", "打印区域与打印标题"]],
  ["xlwt-sample.xls", ["页眉页脚"]], // xlwt writes a header "&P" and a footer "&F" unasked
  ["lo-sample.fods", ["打印区域与打印标题"]],
];

let xlsxSheet: SheetData;
beforeAll(async () => {
  xlsxSheet = (await readWorkbook(fixture("sample.xlsx"))).data.sheets[0];
});

describe("the sample 分工表 as Gnumeric, xlwt and LibreOffice's flat XML write it", () => {
  test.each(SAMPLES)("%s gives the .xlsx's cells, merges and plan: 52.64 / 61.33 / 73.97", (file) => {
    const book = readLegacyWorkbook(fixture(file), file);
    const [sheet] = book.data.sheets;
    expect(sheet.name).toBe("分工表");
    expect([...sheet.merges].sort()).toEqual([...xlsxSheet.merges].sort());
    expect(JSON.parse(JSON.stringify(sheet.cells))).toEqual(JSON.parse(JSON.stringify(xlsxSheet.cells)));
    const plan = computePlan(book.data);
    expect(plan.totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
    expect(plan.indicators.find((i) => i.name.startsWith("地方财政科技支出（"))!.requiredValue).toBe(2540);
  });

  test.each(SAMPLES)("%s: what the copy cannot carry is listed, and only that", (file, lost) => {
    expect(readLegacyWorkbook(fixture(file), file).notCarried).toEqual(lost);
  });

  test("the Excel 95 file is BIFF5 in a Book stream, its text GBK under CODEPAGE 936, and reads as Chinese", () => {
    // the guard for the tests above: the fixture really is what its name says
    const cfb = openCompoundFile(fixture("gn-sample-95.xls"));
    expect(cfb.find("Workbook")).toBeUndefined();
    const stream = cfb.read(cfb.find("Book")!);
    const recs = [...records(stream, 0)];
    expect(recs[0].data[0] | (recs[0].data[1] << 8)).toBe(0x0500); // BOF vers: BIFF5
    const codepage = recs.find((r) => r.type === 0x0042)!;
    expect(codepage.data[0] | (codepage.data[1] << 8)).toBe(936);
    const sheet = recs.find((r) => r.type === 0x0085)!;
    expect([...sheet.data.subarray(7, 13)]).toEqual([0xb7, 0xd6, 0xb9, 0xa4, 0xb1, 0xed]); // 分工表 in GBK
  });

  test("the Excel 95 copy's 转换说明 does not claim the cells' fonts and borders were kept", async () => {
    const book = readLegacyWorkbook(fixture("gn-sample-95.xls"), "分工表.xls");
    const back = await readWorkbook(legacyToXlsx(book));
    const note = JSON.stringify(back.data.sheets[1].cells);
    expect(note).toContain("已保留：每个单元格的值（公式为其计算结果）、数字格式、合并单元格、列宽与行高。");
    expect(note).toContain("未能保留");
    expect(note).toContain("单元格格式（字体、填充、边框、对齐）");
  });

  test("the dual 97 & 95 file is read from its Workbook (BIFF8) stream, not the Book", () => {
    const cfb = openCompoundFile(fixture("gn-sample-dual.xls"));
    expect(cfb.find("Book")).toBeDefined();
    expect(cfb.find("Workbook")).toBeDefined();
    expect(detectFormat(fixture("gn-sample-dual.xls"))).toBe("et-or-xls"); // Gnumeric leaves the root CLSID empty
  });

  test("xlwt splits its shared strings over CONTINUE records in the middle of a string", () => {
    const cfb = openCompoundFile(fixture("xlwt-features.xls"));
    const sst = [...records(cfb.read(cfb.find("Workbook")!), 0)].find((r) => r.type === 0x00fc)!;
    expect(sst.continues.length).toBeGreaterThan(2);
    const sheet = readLegacyWorkbook(fixture("xlwt-features.xls")).data.sheets[2];
    const base = "科技创新能力监测评价指标测算责任分工表地方财政科技支出占公共财政支出的比重";
    expect(sheet.cells).toHaveLength(400);
    sheet.cells.forEach((row, i) => {
      expect(row[0]).toEqual({ v: `${String(i).padStart(4, "0")}${base.slice(i % 20)}${base.slice(0, i % 20)}第${i}条` });
      expect(row[1]).toEqual({ v: `row ${i} latin text` });
    });
  });

  test("a flat .fods is told by its root element, not by its name", () => {
    expect(detectFormat(fixture("lo-sample.fods"))).toBe("ods");
    expect(readLegacyWorkbook(fixture("lo-sample.fods"), "分工表.xml").format).toBe("ods");
  });
});

describe("the features file as each writer writes it", () => {
  test.each(["gn-features.xls", "gn-features-95.xls", "gn-features.ods", "lo-features.fods"])(
    "%s: percent, date, boolean, formula result, merges, line breaks, 600 long strings",
    (file) => {
      const book = readLegacyWorkbook(fixture(file), file);
      const [sheet, long] = book.data.sheets;
      expect(book.data.sheets.map((s) => s.name)).toEqual(["特征", "长文本", "图表"]);
      expect([...sheet.merges].sort()).toEqual(["A1:D1", "A4:A6"]);
      expect(sheet.cells[0][0]).toEqual({ v: "标题（合并单元格）" });
      expect(sheet.cells[1][0]).toEqual({ v: 0.0235, numFmt: "0.00%" });
      expect(sheet.cells[1][1]).toEqual({ v: 1.5 });
      expect(sheet.cells[1][2]).toMatchObject({ v: 44196 });
      expect(sheet.cells[1][2]!.numFmt).toMatch(/^yyyy.*mm.*dd$/);
      expect(sheet.cells[1][3]).toEqual({ v: true });
      expect(sheet.cells[2][0]).toEqual({ v: 3 });
      expect(sheet.cells[2][1]).toEqual({ v: "第一行\n第二行" });
      expect(sheet.cells[3][0]).toEqual({ v: "纵向合并" });
      expect(sheet.cells[6]).toEqual([{ v: -1234567.891 }, { v: 36526 }]);
      expect(long.cells).toHaveLength(600);
      const base = "科技创新能力监测评价指标测算责任分工表地方财政科技支出占公共财政支出的比重";
      long.cells.forEach((row, i) =>
        expect(row[0]).toEqual({ v: `${String(i).padStart(4, "0")}${base.slice(i % 20)}${base.slice(0, i % 20)}第${i}条` }),
      );
      expect(book.notCarried).toEqual(expect.arrayContaining(["批注 1 条"]));
      expect(book.notCarried.join("|")).toMatch(/公式 \d 个/);
      // Gnumeric's BIFF7 writer leaves the chart out; every other file has it, and says so
      if (file !== "gn-features-95.xls") expect(book.notCarried).toContain("图表 1 个");
    },
  );

  test("xlwt-features.xls: a 1904 workbook, percent and 万元 formats, RK and MULRK numbers, framed blanks, a hidden sheet", () => {
    const book = readLegacyWorkbook(fixture("xlwt-features.xls"));
    expect(book.date1904).toBe(true);
    const [sheet, hidden] = book.data.sheets;
    // 2020-12-31 counted from 1904-01-01 is 42734 (44196 − 1462)
    expect(sheet.cells[0][1]).toEqual({ v: 42734, numFmt: "yyyy-mm-dd" });
    expect(sheet.cells[1][1]).toEqual({ v: 0.0235, numFmt: "0.00%" });
    expect(sheet.cells[2][1]).toEqual({ v: 2489, numFmt: '0"万元"' });
    expect(sheet.cells[3].slice(1)).toEqual([{ v: 8 }, { v: 3.37 }, { v: 2560 }]);
    // xlwt never computes a formula: its result is the empty string, so the cell is empty
    expect(sheet.cells[4]).toEqual([{ v: "未计算的公式" }]);
    expect(book.cellLooks![0][5].slice(0, 4).every((l) => l?.border)).toBe(true);
    expect(book.cellLooks![0][6][0]?.border).toBeTruthy();
    expect(sheet.merges).toEqual(["A8:D8"]);
    expect(hidden.cells[0][0]).toEqual({ v: "隐藏的工作表" });
    expect(book.notCarried).toEqual(["公式 1 个（已保留计算结果）", "隐藏的工作表（转换后为可见）", "页眉页脚"]);
  });
});

describe("kjscore check and recalc on each of them", () => {
  let cli: Cli;
  let dir: string;
  beforeAll(() => {
    cli = buildCli("legacy-others");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-legacy-others-"));
  }, 120_000);
  afterAll(() => {
    cli?.remove();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(SAMPLES)("%s: check exits 0 with the .xlsx's totals; recalc writes an .xlsx copy saying what it lost", async (file, lost) => {
    const input = path.join(DIR, file);
    const checked = await cli.run(["check", "--json", input], dir);
    expect({ code: checked.code, err: checked.err }).toEqual({ code: 0, err: "" });
    const report = JSON.parse(checked.out) as { totals: { computed: number }[]; changes: { writes: number } };
    expect(report.totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
    expect(report.changes.writes).toBe(4);

    const out = path.join(dir, `${file}.重算.xlsx`);
    const r = await cli.run(["recalc", input, "-o", out], dir);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    for (const l of lost) expect(r.out).toContain(l);
    const back = await readWorkbook(fs.readFileSync(out));
    expect(back.data.sheets.map((s) => s.name)).toEqual(["分工表", "转换说明"]);
    const note = JSON.stringify(back.data.sheets[1].cells);
    expect(note).toContain("本文件由科创评分从旧版");
    for (const l of lost) expect(note).toContain(l);
    const plan = computePlan(back.data);
    expect(plan.totals.map((t) => [t.stated, t.computed])).toEqual([
      [52.64, 52.64],
      [61.33, 61.33],
      [73.97, 73.97],
    ]);
    expect(plan.writes).toEqual([]);
  });

  test("a folder with every one of them: each analysed, exit 0", async () => {
    const folder = path.join(dir, "folder");
    fs.mkdirSync(folder);
    for (const [f] of SAMPLES) fs.copyFileSync(path.join(DIR, f), path.join(folder, f));
    const r = await cli.run(["check", "--json", folder], dir);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const reports = JSON.parse(r.out) as { file: string; error?: string }[];
    expect(reports.map((x) => path.basename(x.file)).sort()).toEqual(SAMPLES.map(([f]) => f).sort());
    expect(reports.filter((x) => x.error)).toEqual([]);
  });
});
