import ExcelJS from "exceljs";
import { computePlan } from "../model";
import sample from "../sample/fengongbiao.json";
import { seedWorkbookData } from "../sample/workbook-data";
import { readWorkbook } from "./read";
import { buildTemplateBuffer, TEMPLATE_TITLE } from "./template";

describe("the built-in 分工表 template", () => {
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    bytes = await buildTemplateBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    ws = wb.worksheets[0];
  });

  test("is one sheet named 分工表 with the merged, bold, large title", () => {
    expect(ws.name).toBe("分工表");
    expect(ws.getCell("A1").value).toBe(TEMPLATE_TITLE);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 18 });
    expect(ws.getCell("K1").isMerged).toBe(true);
    expect(ws.getCell("K1").master.address).toBe("A1");
  });

  test("has the printed headers, line breaks included, wrapped, and frozen", () => {
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual([
      "一级\n指标",
      "二级指标",
      "权重\n分值",
      "评分标准",
      "责任单位/数据提供单位",
      "2018年\n情况",
      "2018年评价指标得分",
      "2019年\n情况",
      "2019年评价指标得分预测",
      "2020年工作\n目标",
      "2020年\n目标\n得分",
    ]);
    expect(ws.getCell("F2").alignment?.wrapText).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });

  test("merges each 一级指标 down its rows as 创新投入（20分）", () => {
    expect(ws.getCell("A3").value).toBe("创新投入（20分）");
    expect(ws.getCell("A5").master.address).toBe("A3");
    expect(ws.getCell("A6").value).toBe("创新主体（25分）");
    expect(ws.getCell("A9").master.address).toBe("A6");
    expect(ws.getCell("A17").value).toBe("创新管理（15分）");
    expect(ws.getCell("A19").master.address).toBe("A17");
  });

  test("carries the rule texts with their line breaks, wrapped, and departments one per line", () => {
    expect(ws.getCell("D3").value).toBe(
      "≧10000万元（5分）；\n10000-5000万元（5-4分）；\n5000-1000万元（4-3分）；\n1000万元以下（3-0分）。",
    );
    expect(ws.getCell("D3").alignment?.wrapText).toBe(true);
    expect(ws.getCell("E7").value).toBe("市科工局\n市行政审批局");
    expect(ws.getRow(10).height).toBeGreaterThan(ws.getRow(3).height);
  });

  test("keeps the printed values and scores, the three wrong ones too, with 0.00 on score cells", () => {
    expect(ws.getCell("F3").value).toBe("2489万元");
    expect(ws.getCell("J3").value).toBeNull();
    expect(ws.getCell("I5").value).toBe(2.55);
    expect(ws.getCell("I7").value).toBe(2.84);
    expect(ws.getCell("K6").value).toBe(8.75);
    for (const a1 of ["G3", "I5", "K19", "G20", "I20", "K20"]) expect(ws.getCell(a1).numFmt).toBe("0.00");
    expect(ws.getCell("A20").value).toBe("合计得分");
    expect([ws.getCell("G20").value, ws.getCell("I20").value, ws.getCell("K20").value]).toEqual([52.64, 61.33, 73.95]);
  });

  test("has column widths that fit the rule texts, and borders", () => {
    expect(ws.getColumn("D").width).toBeGreaterThanOrEqual(40);
    expect(ws.getColumn("B").width).toBeGreaterThan(ws.getColumn("C").width!);
    expect(ws.getCell("D3").border?.left?.style).toBe("thin");
  });

  test("read back, the model finds the table and all 17 indicators", async () => {
    const { data } = await readWorkbook(bytes);
    const plan = computePlan(data);
    expect(plan.sheet).toBe("分工表");
    expect(plan.indicators).toHaveLength(sample.indicators.length);
    expect(plan.indicators.map((i) => i.name)).toEqual(sample.indicators.map((i) => i["二级指标"]));
    expect(plan.layout.years.map((y) => y.label)).toEqual(["2018", "2019", "2020"]);
    expect(plan.layout.totalRow).toBe(19);
  });

  test("gives the same plan, cell for cell, as the sample the browser page scores without ExcelJS", async () => {
    const { data } = await readWorkbook(bytes);
    const fromFile = computePlan(data);
    const fromCells = computePlan(seedWorkbookData());
    const outcome = (p: typeof fromFile) => ({
      writes: p.writes.map((w) => [w.cell, w.before, w.after]),
      highlights: p.highlights.map((h) => [h.cell, h.severity, h.note]),
      totals: p.totals,
    });
    expect(outcome(fromFile)).toEqual(outcome(fromCells));
  });
});
