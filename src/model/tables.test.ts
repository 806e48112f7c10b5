/**
 * Workbooks with two 分工表 (written by openpyxl and xlsxwriter: test/fixtures/two-tables/make_*.py):
 * all are found, the first is bound as before and the plan says so, a choice binds another.
 */
import * as fs from "fs";
import * as path from "path";
import { computePlan, toReport } from ".";
import { readWorkbook } from "../xlsx/read";
import { TableChoiceError, type WorkbookData } from "./types";

const DIR = path.join(__dirname, "..", "..", "test", "fixtures", "two-tables");
const load = async (name: string): Promise<WorkbookData> => (await readWorkbook(fs.readFileSync(path.join(DIR, name)))).data;

describe("a workbook with a second 分工表 sheet", () => {
  let wb: WorkbookData;
  beforeAll(async () => {
    wb = await load("two-sheets.xlsx");
  });

  test("binds 分工表 (the first) and says that 分工表2021 was found too", () => {
    const plan = computePlan(wb);
    expect(plan.sheet).toBe("分工表");
    expect(plan.tables?.map((t) => [t.table, t.sheet, t.row, t.lastRow, t.indicators, t.years])).toEqual([
      [1, "分工表", 2, 5, 2, ["2019", "2020"]],
      [2, "分工表2021", 2, 6, 3, ["2020", "2021"]],
    ]);
    expect(plan.bound).toBe(0);
    expect(plan.tableNotice?.message).toBe(
      "找到 2 张分工表，按工作表“分工表”第 2 行起（2019、2020，2 项指标）的表计算；另有：工作表“分工表2021”第 2 行起（2020、2021，3 项指标）",
    );
    expect(plan.tableNotice?.messageEn).toContain("scored the one on sheet “分工表” from row 2");
    expect(plan.tableNotice?.messageEn).toContain("also found: sheet “分工表2021” from row 2");
  });

  test("--sheet 分工表2021 scores the 2021 table: 28家 under the 高新技术企业 rule scores 6.8", () => {
    const plan = computePlan(wb, { sheet: "分工表2021" });
    expect(plan.sheet).toBe("分工表2021");
    expect(plan.bound).toBe(1);
    expect(plan.indicators.map((i) => i.name)).toEqual(["地方财政科技支出（万元）", "R&D经费投入强度（%）", "高新技术企业数量（家）"]);
    expect(plan.indicators[2].scores[0]).toMatchObject({ column: "2020", stated: 6.5, computed: 6.8, status: "mismatch" });
    expect(plan.totals.map((t) => [t.column, t.computed])).toEqual([
      ["2020", 16.3],
      ["2021", 20],
    ]);
    expect(plan.tableNotice?.message).toContain("按工作表“分工表2021”第 2 行起");
  });

  test("the report lists tables[] and the bound table's number", () => {
    const r = toReport(computePlan(wb, { table: 2 }), "two-sheets.xlsx");
    expect(r.sheet).toBe("分工表2021");
    expect(r.bound).toBe(2);
    expect(r.tables.map((t) => t.sheet)).toEqual(["分工表", "分工表2021"]);
    expect(r.notice).toContain("找到 2 张分工表");
  });

  test("a sheet without a table, or one that does not exist, is an error naming what there is", () => {
    expect(() => computePlan(wb, { sheet: "说明" })).toThrow(TableChoiceError);
    expect(() => computePlan(wb, { sheet: "说明" })).toThrow("工作表“说明”中没有分工表");
    expect(() => computePlan(wb, { sheet: "2022" })).toThrow("没有名为“2022”的工作表（工作表：“说明”、“分工表”、“分工表2021”）");
    expect(() => computePlan(wb, { table: 3 })).toThrow("没有第 3 张分工表：共找到 2 张");
  });
});

describe.each(["one-sheet.xlsx", "one-sheet-xlsxwriter.xlsx"])("one sheet with the 2021 table under the 2020 one (%s)", (file) => {
  let wb: WorkbookData;
  beforeAll(async () => {
    wb = await load(file);
  });

  test("binds the 2020 table, stops at its 合计得分, and names the table from row 30", () => {
    const plan = computePlan(wb);
    expect(plan.indicators.map((i) => i.row)).toEqual([3, 4]);
    expect(plan.layout.totalRow).toBe(4);
    expect(plan.tables?.map((t) => [t.sheet, t.row, t.lastRow])).toEqual([
      ["分工表", 2, 5],
      ["分工表", 30, 34],
    ]);
    expect(plan.tableNotice?.message).toContain("另有：工作表“分工表”第 30 行起（2020、2021，3 项指标）");
  });

  test("分工表!A30 (row 30) binds the lower table; a row inside it or its title does too", () => {
    for (const row of [30, 32, 34, 29]) {
      const plan = computePlan(wb, { sheet: "分工表", row });
      expect(plan.bound).toBe(1);
      expect(plan.indicators.map((i) => i.row)).toEqual([31, 32, 33]);
      expect(plan.writes.map((w) => [w.cell, w.after])).toEqual([
        ["H33", 6.8],
        ["H34", 16.3],
      ]);
    }
    expect(() => computePlan(wb, { sheet: "分工表", row: 40 })).toThrow("第 40 行及以下没有分工表");
  });
});

describe("one sheet, the first table without a 合计得分 row", () => {
  test("the first table ends where the second one's headers start", async () => {
    const wb = await load("one-sheet-no-total.xlsx");
    const plan = computePlan(wb);
    expect(plan.indicators.map((i) => i.name)).toEqual(["地方财政科技支出（万元）", "R&D经费投入强度（%）"]);
    // only the targets' gaps are flagged: no row of the second table was read as part of the first
    expect(plan.indicators.flatMap((i) => i.flags.map((f) => f.code))).toEqual(["target-gap", "target-gap"]);
    expect(plan.tables?.map((t) => [t.row, t.indicators])).toEqual([
      [2, 2],
      [7, 3],
    ]);
    const second = computePlan(wb, { table: 2 });
    expect(second.indicators.map((i) => i.row)).toEqual([8, 9, 10]);
  });
});

describe("a workbook with one table", () => {
  test("lists it as the bound one and has no notice", async () => {
    const wb = await load("one-sheet.xlsx");
    const one: WorkbookData = { sheets: [{ ...wb.sheets[0], cells: wb.sheets[0].cells.slice(0, 10) }] };
    const plan = computePlan(one);
    expect(plan.tables).toHaveLength(1);
    expect(plan.tableNotice).toBeUndefined();
    expect(toReport(plan, "x.xlsx")).toMatchObject({ bound: 1 });
  });
});

describe("one sheet, both tables with two header rows, the second one column to the right", () => {
  test("each table has its own columns and rows", async () => {
    const wb = await load("one-sheet-two-row-headers.xlsx");
    const plan = computePlan(wb);
    expect(plan.indicators.map((i) => i.row)).toEqual([3, 4]);
    expect(plan.tables?.map((t) => [t.row, t.lastRow, t.indicators, t.years])).toEqual([
      [1, 4, 2, ["2019", "2020"]],
      [7, 11, 3, ["2020", "2021"]],
    ]);
    const second = computePlan(wb, { sheet: "分工表", row: 7 });
    expect(second.layout.columns.rule).toBe(5); // column F: one to the right of the first table's E
    expect(second.indicators.map((i) => [i.row, i.name])).toEqual([
      [9, "地方财政科技支出（万元）"],
      [10, "R&D经费投入强度（%）"],
      [11, "高新技术企业数量（家）"],
    ]);
    expect(second.indicators[2].scores[0]).toMatchObject({ column: "2020", stated: 6.5, computed: 6.8 });
  });
});

describe("one table whose header row is repeated part-way down (a printed page break)", () => {
  test("is one table with every indicator, not two", async () => {
    const wb = await load("one-sheet-repeated-header.xlsx");
    const plan = computePlan(wb);
    expect(plan.tables).toHaveLength(1);
    expect(plan.tableNotice).toBeUndefined();
    expect(plan.indicators.map((i) => [i.row, i.name])).toEqual([
      [3, "地方财政科技支出（万元）"],
      [4, "R&D经费投入强度（%）"],
      [6, "高新技术企业数量（家）"],
    ]);
    expect(plan.indicators.flatMap((i) => i.flags.map((f) => f.code))).not.toContain("rule-error");
    expect(plan.totals.map((t) => [t.column, t.computed])).toEqual([
      ["2020", 16.3],
      ["2021", 20],
    ]);
  });
});
