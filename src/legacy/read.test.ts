/**
 * The legacy readers against files LibreOffice wrote (test/fixtures/legacy/make-fixtures.sh):
 * the sample 分工表 as .xls, as .et and as .ods gives the same plan as the .xlsx it came from.
 */
import * as fs from "fs";
import * as path from "path";
import { detectFormat, readLegacyWorkbook } from ".";
import { records } from "./biff-stream";
import { openCompoundFile } from "./cfb";
import { computePlan } from "../model";
import type { Plan, SheetData } from "../model/types";
import { readWorkbook } from "../xlsx/read";

const DIR = path.join(__dirname, "../../test/fixtures/legacy");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));

function summary(plan: Plan) {
  return {
    totals: plan.totals.map((t) => [t.column, t.stated, t.computed, t.grade]),
    mismatches: plan.indicators.flatMap((i) =>
      i.scores.filter((s) => s.status === "mismatch").map((s) => [i.name, s.column, s.stated, s.computed]),
    ),
    required: plan.indicators.map((i) => i.requiredValue),
    writes: plan.writes,
  };
}

describe("the sample 分工表 saved by LibreOffice as .xls, .et and .ods", () => {
  let fromXlsx: ReturnType<typeof summary>;
  let xlsxSheet: SheetData;
  beforeAll(async () => {
    const read = await readWorkbook(fixture("sample.xlsx"));
    xlsxSheet = read.data.sheets[0];
    fromXlsx = summary(computePlan(read.data));
  });

  test.each(["sample.xls", "sample.et", "sample.ods"])(
    "%s scores 52.64 / 61.33 / 73.97 with the three wrong printed scores, as the .xlsx does",
    (name) => {
      const book = readLegacyWorkbook(fixture(name), name);
      const plan = computePlan(book.data);
      expect(plan.sheet).toBe("分工表");
      expect(plan.totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
      const s = summary(plan);
      expect(s.mismatches).toEqual([
        ["规上工业企业R&D经费支出占主营业务收入的比重（%）", "2019", 2.55, 2.56],
        ["高新技术企业数量（家）", "2020", 8.75, 8.77],
        ["千家工商注册企业中高新技术企业数量（家）", "2019", 2.84, 2.83],
      ]);
      expect(plan.indicators.find((i) => i.name.startsWith("地方财政科技支出（"))!.requiredValue).toBe(2540);
      expect(s).toEqual(fromXlsx);
    },
  );

  test.each(["sample.xls", "sample.ods"])("%s gives the 分工表 cell for cell as the .xlsx reader gives the .xlsx", (name) => {
    const sheet = readLegacyWorkbook(fixture(name)).data.sheets[0];
    expect(sheet.name).toBe(xlsxSheet.name);
    expect(sheet.merges).toEqual(xlsxSheet.merges);
    expect(JSON.parse(JSON.stringify(sheet.cells))).toEqual(JSON.parse(JSON.stringify(xlsxSheet.cells)));
  });

  test("the format is told by the bytes: .xls and the .et copy are BIFF compound files, .ods a zip", () => {
    expect(detectFormat(fixture("sample.xls"))).toBe("xls");
    expect(detectFormat(fixture("sample.et"))).toBe("xls");
    expect(detectFormat(fixture("sample.ods"))).toBe("ods");
    expect(detectFormat(fixture("sample.xlsx"))).toBe("xlsx");
    expect(readLegacyWorkbook(fixture("sample.et"), "分工表.et").format).toBe("et");
    expect(readLegacyWorkbook(fixture("sample.xls"), "分工表.xls").format).toBe("xls");
  });

  test("what the copy cannot carry is listed, and only what is there", () => {
    const xls = readLegacyWorkbook(fixture("sample.xls")).notCarried;
    // the template's print titles are all a copy loses (fonts, fills, borders, widths, heights are carried)
    expect(xls).toEqual(["打印区域与打印标题"]);
    expect(readLegacyWorkbook(fixture("sample.ods")).notCarried).toEqual(xls);
  });
});

describe("features.xls / features.ods (written by python3-xlsxwriter, saved by LibreOffice)", () => {
  test.each(["features.xls", "features.ods"])("%s: percent, date, boolean, formula result, merged cells, line breaks", (name) => {
    const [sheet] = readLegacyWorkbook(fixture(name)).data.sheets;
    expect(sheet.name).toBe("特征");
    expect(sheet.merges).toEqual(["A1:D1", "A4:A6"]);
    expect(sheet.cells[0][0]).toEqual({ v: "标题（合并单元格）" });
    expect(sheet.cells[0][1]).toBeUndefined(); // under the merge
    expect(sheet.cells[1][0]).toEqual({ v: 0.0235, numFmt: "0.00%" });
    expect(sheet.cells[1][1]).toEqual({ v: 1.5 });
    // 2020-12-31 is serial 44196 in the 1900 date system
    expect(sheet.cells[1][2]).toMatchObject({ v: 44196 });
    expect(sheet.cells[1][2]!.numFmt).toMatch(/^yyyy.*mm.*dd$/);
    expect(sheet.cells[1][3]).toEqual({ v: true });
    expect(sheet.cells[2][0]).toEqual({ v: 3 }); // =B2*2, its cached result
    expect(sheet.cells[2][1]).toEqual({ v: "第一行\n第二行" });
    expect(sheet.cells[3][0]).toEqual({ v: "纵向合并" });
    expect(sheet.cells[6]).toEqual([{ v: -1234567.891 }, { v: 36526 }]);
  });

  test.each(["features.xls", "features.ods"])(
    "%s: 600 long Chinese strings (an SST split over CONTINUE records in the .xls) read whole",
    (name) => {
      const sheet = readLegacyWorkbook(fixture(name)).data.sheets[1];
      const base = "科技创新能力监测评价指标测算责任分工表地方财政科技支出占公共财政支出的比重";
      expect(sheet.cells).toHaveLength(600);
      sheet.cells.forEach((row, i) => {
        const text = `${String(i).padStart(4, "0")}${base.slice(i % 20)}${base.slice(0, i % 20)}第${i}条`;
        expect(row[0]).toEqual({ v: text });
        expect(row[1]).toEqual({ v: i * 0.5 });
      });
    },
  );

  test("the .xls really does split its shared strings over CONTINUE records", () => {
    // the guard for the test above: without a split it would prove nothing about CONTINUE
    const cfb = openCompoundFile(fixture("features.xls"));
    const sst = [...records(cfb.read(cfb.find("Workbook")!), 0)].find((r) => r.type === 0x00fc)!;
    expect(sst.continues.length).toBeGreaterThan(3);
  });

  test.each([
    ["features.xls", ["公式 2 个（已保留计算结果）", "图表 1 个", "批注 1 条"]],
    ["features.ods", ["公式 2 个（已保留计算结果）", "图表 1 个", "批注 1 条"]],
  ])("%s lists its formulas, chart and note as not carried", (name, expected) => {
    const list = readLegacyWorkbook(fixture(name as string)).notCarried;
    expect(list).toEqual(expect.arrayContaining(expected as string[]));
    expect(list.join("|")).not.toContain("图片");
  });

  test("the note's text is not cell text, and the chart's sheet keeps its numbers", () => {
    const book = readLegacyWorkbook(fixture("features.ods"));
    expect(JSON.stringify(book.data.sheets[0])).not.toContain("领导批注");
    expect(book.data.sheets[2].cells.map((r) => r[0]?.v)).toEqual([1, 2, 3]);
  });
});

describe("a 1,000-row .xls", () => {
  test("reads every row, with no formatting to report", () => {
    const book = readLegacyWorkbook(fixture("rows1000.xls"));
    const [sheet] = book.data.sheets;
    expect(sheet.cells).toHaveLength(1000);
    expect(sheet.cells[999].slice(0, 2)).toEqual([{ v: 1000 }, { v: "第1000行的说明文字" }]);
    // LibreOffice keeps 15 significant digits when it imports the .xlsx, so compare to that
    expect(sheet.cells[999][2]!.v as number).toBeCloseTo(((999 * 37) % 1000) / 7, 12);
    expect(book.notCarried).toEqual([]);
  });
});

describe("password-protected files say so in one line", () => {
  test.each(["encrypted.xls", "encrypted.ods"])("%s", (name) => {
    const bytes = fixture(name);
    expect(detectFormat(bytes)).toBe(name.endsWith(".xls") ? "encrypted" : "ods");
    expect(() => readLegacyWorkbook(bytes, name)).toThrow(/^无法读取加密的工作簿：文件设了打开密码（已加密）/);
  });
});
