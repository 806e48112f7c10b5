/**
 * The sample 分工表 laid out as other places lay theirs out (test/fixtures/layouts, written by
 * python3-openpyxl from src/sample/fengongbiao.json by make_layouts.py): other header words, a
 * second header row, score heads with no year, real percentages, 牵头/配合 in two columns, three
 * levels of indicators. Each scores as the sample does: the same totals, the same three corrections.
 */
import * as fs from "fs";
import * as path from "path";
import { kj } from "./helpers/cli-in-process";
import type { Report } from "../src/model/report";
import { computePlan } from "../src/model";
import { readWorkbookSync } from "../src/xlsx/read";

const FIX = path.join(__dirname, "fixtures", "layouts");
const SAMPLE_TOTALS = [52.64, 61.33, 73.97];

async function report(name: string): Promise<Report> {
  const r = await kj("check", path.join(FIX, name), "--json");
  expect(r.err).toBe("");
  return JSON.parse(r.out) as Report;
}

describe.each([
  ["two-row-header.xlsx", "years over 完成值 | 得分 in a second header row, numbers with a 单位 column", 3],
  ["score-before-value.xlsx", "each year's 得分 column before its 完成值 column", 3],
  ["year-alone-heads.xlsx", "“2018年度 | 得分 | 2019年实绩 | 得分 | 2020年目标值 | 得分”, 指标 | 权重, no 一级指标", 3],
  ["rule-after-years.xlsx", "指标名称 | 分值, the 评分标准 after the years, no 一级指标", 3],
  ["year-on-value-only.xlsx", "“2018年度完成情况 | 得分”: the score heads name no year; 评价标准, 权重（分）, 类别", 3],
  ["kaohe-support-column.xlsx", "考核标准, 分值（分）, 指标, 牵头单位 + 配合单位", 3],
  ["subtotal-rows.xlsx", "a 小计 row after each 一级指标 (in the category or the name column), the total as “得分合计”", 3],
  ["three-levels.xlsx", "一级 | 二级 | 三级指标, 评分细则, 责任部门", 2],
])("%s (%s)", (name, _what, years) => {
  test("found, with 17 indicators, every year, and the sample's totals", async () => {
    const r = await report(name);
    expect(r.indicators).toHaveLength(17);
    expect(r.totals.map((t) => t.computed)).toEqual(SAMPLE_TOTALS.slice(0, years));
    expect(r.totals.map((t) => t.column)).toEqual(["2018", "2019", "2020"].slice(0, years));
  });

  test("the rows are named by the finest indicator level, as the sample names them", async () => {
    const r = await report(name);
    expect(r.indicators[0].name).toMatch(/^地方财政科技支出/);
    expect(r.indicators[16].name).toBe("科技管理创新情况");
  });

  test("the sample's wrong 2019 scores are found here too", async () => {
    const r = await report(name);
    const wrong = r.indicators.flatMap((i) => i.flags.filter((f) => f.code === "score-mismatch" && f.column === "2019").map(() => i.name));
    expect(wrong.map((n) => n.replace(/（.*）$/, ""))).toEqual([
      "规上工业企业R&D经费支出占主营业务收入的比重",
      "千家工商注册企业中高新技术企业数量",
    ]);
  });
});

test("subtotals follow the 一级指标 / 类别 column, and a table without one has none", async () => {
  expect((await report("rule-after-years.xlsx")).subtotals).toEqual([]);
  const cats = (await report("year-on-value-only.xlsx")).subtotals.map((s) => s.category);
  expect(cats).toEqual(["创新投入", "创新主体", "创新条件", "创新产出", "创新管理"]);
});

test("a 配合单位 column beside 牵头单位: the department list shows both, each with its role", async () => {
  const r = await kj("check", path.join(FIX, "kaohe-support-column.xlsx"));
  expect(r.out).toMatch(/县统计局（1 项指标[^）]*）\n\s+第4行 地方财政科技支出占公共财政支出的比重（%）（配合）/);
  expect(r.out).toMatch(/第4行 地方财政科技支出占公共财政支出的比重（%）（牵头）/);
});

test("“2018年度完成情况 | 得分”: the corrections land in the 得分 column after each year's value", () => {
  const bytes = fs.readFileSync(path.join(FIX, "year-on-value-only.xlsx"));
  const plan = computePlan(readWorkbookSync(new Uint8Array(bytes)).data);
  // 2019's value in H, its 得分 in I; 2020's 目标 in J, 目标得分 in K (header row 1, indicators from row 2)
  expect(plan.writes.map((w) => [w.cell, w.after])).toEqual(
    expect.arrayContaining([
      ["I4", 2.56],
      ["I6", 2.83],
      ["K5", 8.77],
    ]),
  );
  expect(plan.layout.years.map((y) => [y.label, y.kind, y.valueCol, y.scoreCol])).toEqual([
    ["2018", "actual", 5, 6],
    ["2019", "actual", 7, 8],
    ["2020", "target", 9, 10],
  ]);
});

test("小计 rows are not indicators; “得分合计” is the total row, whose formulas are kept", () => {
  const bytes = fs.readFileSync(path.join(FIX, "subtotal-rows.xlsx"));
  const plan = computePlan(readWorkbookSync(new Uint8Array(bytes)).data);
  // rows 5, 10, 15, 19, 23 are the 小计 rows (1-based); 24 the total
  expect(plan.indicators.map((i) => i.row).filter((r) => [5, 10, 15, 19, 23].includes(r))).toEqual([]);
  expect(plan.indicators).toHaveLength(17);
  expect(plan.totals.map((t) => t.cell)).toEqual(["G24", "I24", "K24"]);
  const totalWrites = plan.writes.filter((w) => w.row === 23);
  expect(totalWrites.map((w) => [w.cell, w.after, Boolean(w.keepsFormula)])).toEqual([
    ["G24", 52.64, true],
    ["I24", 61.33, true],
    ["K24", 73.97, true],
  ]);
  expect(plan.writes.some((w) => [4, 9, 14, 18, 22].includes(w.row))).toBe(false);
});
