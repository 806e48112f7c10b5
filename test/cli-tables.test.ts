/**
 * kjscore with two 分工表 in one workbook (fixtures by openpyxl, test/fixtures/two-tables):
 * check and recalc say which table they scored and that another was found; --sheet NAME,
 * --sheet NAME!A30 and --table N bind another. In-process (run() from src/cli/main).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { kj } from "./helpers/cli-in-process";
import type { Report } from "../src/model/report";
import { computePlan } from "../src/model";
import { readWorkbook } from "../src/xlsx/read";
import { workbookToData } from "../src/xlsx/exceljs-data";
import { buildTemplate } from "../src/xlsx/template";

const FIX = path.join(__dirname, "fixtures", "two-tables");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-tables-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => path.join(FIX, name);

describe("kjscore check on a workbook with two 分工表 sheets", () => {
  test("scores the first and says the other was found, with how to pick it", async () => {
    const r = await kj("check", fixture("two-sheets.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("工作表：分工表");
    expect(r.out).toContain(
      "注意：找到 2 张分工表，按工作表“分工表”第 2 行起（2019、2020，2 项指标）的表计算；另有：工作表“分工表2021”第 2 行起（2020、2021，3 项指标）。用 --sheet",
    );
  });

  test("--sheet 分工表2021 --json scores the 2021 table and reports tables[] and bound", async () => {
    const r = await kj("check", fixture("two-sheets.xlsx"), "--sheet", "分工表2021", "--json");
    expect(r.err).toBe("");
    const report = JSON.parse(r.out) as Report;
    expect(report.sheet).toBe("分工表2021");
    expect(report.bound).toBe(2);
    expect(report.tables.map((t) => [t.table, t.sheet, t.row])).toEqual([
      [1, "分工表", 2],
      [2, "分工表2021", 2],
    ]);
    expect(report.indicators.map((i) => i.name)).toContain("高新技术企业数量（家）");
    expect(report.summary["score-mismatch"]).toBe(1);
  });

  test("--table 2 is the same table; --sheet=NAME works too", async () => {
    const a = JSON.parse((await kj("check", fixture("two-sheets.xlsx"), "--table", "2", "--json")).out) as Report;
    const b = JSON.parse((await kj("check", fixture("two-sheets.xlsx"), "--sheet=分工表2021", "--json")).out) as Report;
    expect(a.sheet).toBe("分工表2021");
    expect(b).toEqual(a);
  });

  test("a sheet that does not exist is one Chinese line naming the sheets, exit 2", async () => {
    const r = await kj("check", fixture("two-sheets.xlsx"), "--sheet", "2022年");
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("没有名为“2022年”的工作表（工作表：“说明”、“分工表”、“分工表2021”）");
  });

  test("wrong use of --table and --sheet is a usage error", async () => {
    expect((await kj("check", fixture("two-sheets.xlsx"), "--table", "0")).err).toContain("选项 --table 的参数应为正整数");
    expect((await kj("check", fixture("two-sheets.xlsx"), "--table", "1", "--sheet", "分工表")).err).toContain(
      "--sheet 与 --table 只能用一个",
    );
    expect((await kj("check", fixture("two-sheets.xlsx"), "--sheet")).err).toContain("选项 --sheet 缺少参数");
    expect((await kj("template", "--sheet", "x")).err).toContain("命令 template 不接受选项 --sheet");
  });
});

describe("kjscore on one sheet with the 2021 table under the 2020 one", () => {
  test("--sheet 分工表!A30 checks the lower table", async () => {
    const r = JSON.parse((await kj("check", fixture("one-sheet.xlsx"), "--sheet", "分工表!A30", "--json")).out) as Report;
    expect(r.bound).toBe(2);
    expect(r.indicators.map((i) => i.row)).toEqual([31, 32, 33]);
  });

  test("recalc --sheet 分工表!A30 writes the lower table's score and total, and nothing of the upper one", async () => {
    const out = path.join(dir, "one-sheet-重算.xlsx");
    const r = await kj("recalc", fixture("one-sheet.xlsx"), "-o", out, "--sheet", "分工表!A30");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("按工作表“分工表”第 30 行起（2020、2021，3 项指标）的表计算");
    expect(r.out).toContain("H33：6.50 → 6.80");
    const { data } = await readWorkbook(new Uint8Array(fs.readFileSync(out)));
    const cells = data.sheets[0].cells;
    expect(cells[32][7]?.v).toBe(6.8);
    expect(cells[33][7]?.v).toBe(16.3);
    // the 2020 table above is as it was
    const { data: before } = await readWorkbook(new Uint8Array(fs.readFileSync(fixture("one-sheet.xlsx"))));
    for (let row = 0; row < 28; row++) {
      expect(cells[row]?.map((c) => c?.v ?? null)).toEqual(before.sheets[0].cells[row]?.map((c) => c?.v ?? null));
    }
  });
});

describe("kjscore check says how values were written", () => {
  test("“约2489万元” is listed as approximate and “暂无” as no value yet", async () => {
    const wb = await buildTemplate();
    const plan = computePlan(workbookToData(wb));
    const ind = plan.indicators[0];
    const ws = wb.getWorksheet(plan.sheet)!;
    ws.getCell(ind.scores[0].valueCell!).value = "约2489万元";
    ws.getCell(ind.scores[1].valueCell!).value = "暂无";
    const file = path.join(dir, "约数.xlsx");
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await kj("check", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`第${ind.row}行 ${ind.name} 2018：“约2489万元”是约数，按 2489万元 计分`);
    expect(r.out).toContain(`第${ind.row}行 ${ind.name} 2019：数值填写为“暂无”，视为尚无数值，不计分`);
  });
});
