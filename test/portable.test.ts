/**
 * makePortable on the sample and on a generated workbook, checked without LibreOffice: every
 * formula evaluated in doubles (test/helpers/formula-eval) against the cells of the written file,
 * cached results equal to the engine's, only the announced cells changed.
 * LibreOffice recalculates the same files in test/portable-libreoffice.test.ts.
 */
import ExcelJS from "exceljs";
import { computePlan } from "../src/model";
import { planPortable, hasCustomFunction } from "../src/portable";
import { readWorkbook } from "../src/xlsx/read";
import { applyPlan } from "../src/xlsx/write";
import { buildTemplateBuffer } from "../src/xlsx/template";
import { evaluate, functionsIn, type FValue } from "./helpers/formula-eval";
import { samplePortable } from "./helpers/portable-fixtures";

const ALLOWED = new Set(["IF", "ROUND", "MIN", "MAX", "SUM"]);

function cellValue(ws: ExcelJS.Worksheet, ref: string): FValue {
  const cell = ws.getCell(ref);
  // cell.result, not cell.value.result: ExcelJS leaves a cached 0 out of cell.value
  if (cell.type === ExcelJS.ValueType.Formula) return cell.result === undefined ? "" : (cell.result as FValue);
  const v = cell.value as unknown;
  return v === undefined ? null : (v as FValue);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("the sample as a portable workbook", () => {
  test("without --convert-values: the text values are offered, not converted; their scores keep values with a note", async () => {
    const { workbook, data } = await readWorkbook(await buildTemplateBuffer());
    const plan = computePlan(data);
    applyPlan(workbook, plan);
    const dry = planPortable(workbook, plan, { convertValues: false });
    // the sample's value cells are all text with units
    expect(dry.convertible.map((c) => c.before)).toEqual(
      expect.arrayContaining(["2489万元", "0.35%", "2.23家（工商企业注册15558家）", "1.37件/万人", "研发机构32家占15.14%"]),
    );
    expect(dry.offer).toMatch(/2489万元/);
    expect(dry.changes.filter((c) => c.kind === "value-number")).toEqual([]);
    // with nothing converted, every banded score with a text value stays a value and is listed with the reason
    const keptF5 = dry.kept.find((k) => k.reason.includes("2489万元"));
    expect(keptF5?.reason).toMatch(/得分保留为数值/);
    // the total still becomes SUM; the blank 2020 target of row 1 becomes a formula keeping 3.39
    expect(dry.changes.filter((c) => c.kind === "total-formula")).toHaveLength(3);
    // a dry run touches nothing
    const before = JSON.stringify(workbook.getWorksheet(plan.sheet)!.getSheetValues());
    planPortable(workbook, plan, { convertValues: true });
    expect(JSON.stringify(workbook.getWorksheet(plan.sheet)!.getSheetValues())).toBe(before);
  });

  test("with --convert-values: every banded score is a plain formula whose value, in doubles, is the engine's score, and is cached", async () => {
    const { bytes, plan, report } = await samplePortable(true);
    const wb = await load(bytes);
    const ws = wb.getWorksheet(plan.sheet)!;
    let formulas = 0;
    for (const ind of plan.indicators) {
      for (const sc of ind.scores) {
        const cell = ws.getCell(sc.cell);
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (ind.ruleKind !== "banded") {
          expect(typeof cell.value === "number" || cell.value === null).toBe(true); // manual, counted, categorical stay values
          continue;
        }
        expect(cell.type).toBe(ExcelJS.ValueType.Formula);
        formulas++;
        for (const fn of functionsIn(v.formula)) expect(ALLOWED.has(fn)).toBe(true);
        const expected = sc.computed ?? sc.stated ?? "";
        expect([sc.cell, cellValue(ws, sc.cell)]).toEqual([sc.cell, expected]);
        expect([sc.cell, evaluate(v.formula, { cell: (r) => cellValue(ws, r) })]).toEqual([sc.cell, expected]);
      }
    }
    expect(formulas).toBe(plan.indicators.filter((i) => i.ruleKind === "banded").length * 3);
    expect(report.kept.filter((k) => k.sheet === plan.sheet && /得分保留为数值/.test(k.reason))).toEqual([]);
    // totals
    for (const t of plan.totals) {
      const v = ws.getCell(t.cell!).value as ExcelJS.CellFormulaValue;
      expect(v.formula).toMatch(/^SUM\(/);
      expect(cellValue(ws, t.cell!)).toBe(t.computed);
      expect(evaluate(v.formula, { cell: (r) => cellValue(ws, r) }) as number).toBeCloseTo(t.computed, 9);
    }
  });

  test("converted value cells show the same text and hold the engine's number", async () => {
    const { bytes, plan, report } = await samplePortable(true);
    const ws = (await load(bytes)).getWorksheet(plan.sheet)!;
    const conv = report.changes.filter((c) => c.kind === "value-number");
    expect(conv.length).toBeGreaterThan(20);
    const f5 = conv.find((c) => c.before === "2489万元")!;
    expect(ws.getCell(f5.cell).value).toBe(2489);
    expect(ws.getCell(f5.cell).numFmt).toBe('0"万元"');
    const pct = conv.find((c) => c.before === "0.35%")!;
    expect(ws.getCell(pct.cell).value).toBe(0.0035);
    expect(ws.getCell(pct.cell).numFmt).toBe("0.00%");
    const br = conv.find((c) => c.before === "2.23家（工商企业注册15558家）")!;
    expect(ws.getCell(br.cell).numFmt).toBe('0.00"家（工商企业注册15558家）"');
    // the value cells of counted/categorical/judged rows are not touched
    expect(conv.some((c) => c.before.includes("融创空间") || c.before === "8家" || c.before === "1家")).toBe(false);
  });

  test("only the announced cells change", async () => {
    const input = await buildTemplateBuffer();
    const { workbook, data } = await readWorkbook(input);
    const plan = computePlan(data);
    applyPlan(workbook, plan);
    const before = new Map<string, string>();
    const ws = workbook.getWorksheet(plan.sheet)!;
    ws.eachRow((row) => row.eachCell((c) => before.set(c.address, JSON.stringify(c.value) + c.numFmt)));
    const { bytes, report } = await samplePortable(true);
    const after = (await load(bytes)).getWorksheet(plan.sheet)!;
    const announced = new Set(report.changes.map((c) => c.cell));
    const changed: string[] = [];
    after.eachRow((row) =>
      row.eachCell((c) => {
        const was = before.get(c.address);
        if (was !== undefined && was !== JSON.stringify(c.value) + c.numFmt && !announced.has(c.address)) changed.push(c.address);
      }),
    );
    expect(changed).toEqual([]);
  });
});

describe("custom functions", () => {
  async function withFunctions(): Promise<ExcelJS.Workbook> {
    const { workbook } = await readWorkbook(await buildTemplateBuffer());
    const other = workbook.addWorksheet("汇总");
    const rule = "≧40%（6分）；40%-20%（6-5分）；20%-10%（5-2分）；10%以下（2-0分）。";
    other.getCell("A1").value = rule;
    other.getCell("B1").value = 0.205;
    other.getCell("B1").numFmt = "0.00%";
    other.getCell("C1").value = { formula: "KJSCORE(B1,A1)", result: 0 } as ExcelJS.CellFormulaValue;
    other.getCell("B2").value = 20.5;
    other.getCell("C2").value = { formula: `KJSCORE(B2,"${rule}")`, result: 5.03 } as ExcelJS.CellFormulaValue;
    other.getCell("C3").value = { formula: "KJMAX(A1)", result: 6 } as ExcelJS.CellFormulaValue;
    other.getCell("C4").value = { formula: "KJREQUIRED(5.25,A1)", result: 25 } as ExcelJS.CellFormulaValue;
    other.getCell("C5").value = { formula: "KJGRADE(C2*15)", result: "A" } as ExcelJS.CellFormulaValue;
    other.getCell("C6").value = { formula: "ROUND(KJSCORE(B2,A1)+KJMAX(A1),1)", result: 11 } as ExcelJS.CellFormulaValue;
    other.getCell("B7").value = "20.50%";
    other.getCell("C7").value = { formula: "KJSCORE(B7,A1)", result: 5.03 } as ExcelJS.CellFormulaValue;
    other.getCell("C8").value = { formula: "KJSCORE(B8,A1)", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue;
    return workbook;
  }

  test("KJSCORE, KJMAX, KJREQUIRED, KJGRADE anywhere become plain formulas or numbers", async () => {
    const workbook = await withFunctions();
    const { data } = { data: (await import("../src/xlsx/read")).workbookToData(workbook) };
    const plan = computePlan(data);
    const { makePortable } = await import("../src/portable");
    const report = makePortable(workbook, plan, { convertValues: false });
    const ws = workbook.getWorksheet("汇总")!;
    const f = (a: string) => ws.getCell(a).value as ExcelJS.CellFormulaValue;
    const get = (r: string) => cellValue(ws, r);
    expect(f("C1").formula).not.toMatch(/KJ/);
    expect(evaluate(f("C1").formula, { cell: get })).toBe(5.03); // 0.205 shown as 20.50% reads as 20.5%
    expect(get("C1")).toBe(5.03);
    expect(evaluate(f("C2").formula, { cell: get })).toBe(5.03);
    expect(ws.getCell("C3").value).toBe(6);
    expect(ws.getCell("C4").value).toBe(25);
    expect(f("C5").formula).toBe('IF((C2*15)>=80,"A",IF((C2*15)>=60,"B","C"))');
    expect(evaluate(f("C6").formula, { cell: get })).toBe(11);
    // a text value without --convert-values: the call becomes its number
    expect(ws.getCell("C7").value).toBe(5.03);
    expect(evaluate(f("C8").formula, { cell: get })).toBe("");
    let left = 0;
    workbook.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula && hasCustomFunction(c.formula)) left++;
        }),
      ),
    );
    expect(left).toBe(0);
    expect(report.changes.filter((c) => c.kind === "custom-function")).toHaveLength(8);
    // C1 showed 0 (the function saw 0.205 as 0.205%); the formula reads 20.50% as the cell shows it, and says so
    expect(report.changes.find((c) => c.cell === "C1")!.reason).toMatch(/结果由 0 变为 5.03/);
  });

  test("with --convert-values a KJSCORE over a text value becomes a formula and the value a number", async () => {
    const workbook = await withFunctions();
    const plan = computePlan((await import("../src/xlsx/read")).workbookToData(workbook));
    const { makePortable } = await import("../src/portable");
    makePortable(workbook, plan, { convertValues: true });
    const ws = workbook.getWorksheet("汇总")!;
    expect(ws.getCell("B7").value).toBe(0.205);
    expect(ws.getCell("B7").numFmt).toBe("0.00%");
    const c7 = ws.getCell("C7").value as ExcelJS.CellFormulaValue;
    expect(evaluate(c7.formula, { cell: (r) => cellValue(ws, r) })).toBe(5.03);
  });
});
