/**
 * kjscore recalc, round trip: the copy it writes differs from the input only in the plan's
 * write cells (their values) and highlight cells (their fill and note), and checks clean.
 * In-process (run() from src/cli/main), so the comparison can use the plan itself.
 */
import type ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { kj } from "./helpers/cli-in-process";
import { computePlan } from "../src/model";
import { readWorkbook } from "../src/xlsx/read";
import { buildTemplate } from "../src/xlsx/template";
import { writeWorkbook } from "../src/xlsx/write";
import { expectOnlyPlanCells, reload } from "./fixtures/xlsx/compare";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-recalc-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Recalculate `bytes` through the CLI; returns the plan of the input and both workbooks. */
async function roundTrip(name: string, bytes: Uint8Array) {
  const input = path.join(dir, `${name}.xlsx`);
  const output = path.join(dir, `${name}-重算.xlsx`);
  fs.writeFileSync(input, bytes);
  const r = await kj("recalc", input, "-o", output);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const plan = computePlan((await readWorkbook(bytes)).data);
  const outBytes = new Uint8Array(fs.readFileSync(output));
  return { plan, before: await reload(bytes), after: await reload(outBytes), outBytes, stdout: r.out };
}

describe("recalc on the template", () => {
  let t: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    t = await roundTrip("template", await writeWorkbook(await buildTemplate()));
  });

  test("writes the three wrong scores and the 2020 total, and lists them", () => {
    expect(t.plan.writes.map((w) => `${w.cell} ${w.before}→${w.after}`).sort()).toEqual(
      ["I5 2.55→2.56", "I7 2.84→2.83", "K6 8.75→8.77", "K20 73.95→73.97"].sort(),
    );
    for (const w of t.plan.writes) expect(t.stdout).toContain(`${w.cell}：`);
  });

  test("changes nothing but the plan's cells: values, formulas, styles, merges, widths, views", () => {
    expectOnlyPlanCells(t.plan, t.before, t.after);
  });

  test("the copy checks clean: no mismatches, totals as computed", async () => {
    const again = computePlan((await readWorkbook(t.outBytes)).data);
    expect(again.indicators.flatMap((i) => i.scores).filter((s) => s.status === "mismatch")).toEqual([]);
    expect(again.writes).toEqual([]);
    expect(again.totals.map((x) => x.stated)).toEqual([52.64, 61.33, 73.97]);
  });
});

describe("recalc on a workbook with formulas, notes and other sheets", () => {
  let t: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    const wb = await buildTemplate();
    const ws = wb.getWorksheet("分工表")!;
    // totals as formulas, with the printed (stale) cached results
    ws.getCell("G20").value = { formula: "SUM(G3:G19)", result: 52.64 };
    ws.getCell("I20").value = { formula: "SUM(I3:I19)", result: 61.33 };
    ws.getCell("K20").value = { formula: "SUM(K3:K19)", result: 73.95 };
    ws.getCell("I5").note = "统计局：数据待核实";
    ws.getCell("B3").note = "财政局负责";
    const other = wb.addWorksheet("月报");
    other.columns = [{ width: 30 }, { width: 12 }];
    other.getCell("A1").value = "地方财政科技支出";
    other.getCell("B1").value = { formula: "分工表!K20", result: 73.95 };
    other.getCell("B1").numFmt = "0.0";
    other.mergeCells("A3:B3");
    other.getCell("A3").value = { richText: [{ text: "截至", font: { bold: true } }, { text: "4月" }] };
    t = await roundTrip("formulas", await writeWorkbook(wb));
  });

  test("a formula total keeps its formula; only its cached result changes", () => {
    const k20 = t.plan.writes.find((w) => w.cell === "K20")!;
    expect(k20.keepsFormula).toBe("SUM(K3:K19)");
    const cell = t.after.getWorksheet("分工表")!.getCell("K20");
    expect(cell.formula).toBe("SUM(K3:K19)");
    expect(cell.result).toBe(73.97);
  });

  test("the user's note stays, ours follows it", () => {
    const note = t.after.getWorksheet("分工表")!.getCell("I5").note as ExcelJS.Comment | string;
    const text = typeof note === "string" ? note : note.texts!.map((x) => x.text).join("");
    expect(text.startsWith("统计局：数据待核实\n\n【科创评分】")).toBe(true);
  });

  test("every other cell of every sheet is exactly as it was", () => {
    expectOnlyPlanCells(t.plan, t.before, t.after);
  });
});
