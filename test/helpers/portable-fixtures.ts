/**
 * Workbooks for the portable tests: the sample, and generated 分工表 whose value cells sweep every
 * band edge of every seed banded rule plus random rules. All go through the real pipeline:
 * readWorkbook → computePlan → applyPlan → makePortable → writeWorkbook.
 */
import ExcelJS from "exceljs";
import { computePlan } from "../../src/model";
import type { Plan } from "../../src/model/types";
import { makePortable, type PortableReport } from "../../src/portable";
import { SEED } from "../../src/sample/workbook-data";
import { addTableSheet, buildTemplateBuffer, newWorkbook, type RowSpec, type TableSpec } from "../../src/xlsx/template";
import { readWorkbook } from "../../src/xlsx/read";
import { applyPlan, writeWorkbook } from "../../src/xlsx/write";
import { ruleFor } from "../../src/engine";

export interface Portable {
  bytes: Uint8Array;
  plan: Plan;
  report: PortableReport;
  workbook: ExcelJS.Workbook;
}

export async function portableOf(input: Uint8Array, convertValues: boolean): Promise<Portable> {
  const { workbook, data } = await readWorkbook(input);
  const plan = computePlan(data);
  applyPlan(workbook, plan);
  const report = makePortable(workbook, plan, { convertValues });
  return { bytes: await writeWorkbook(workbook), plan, report, workbook };
}

export async function samplePortable(convertValues: boolean): Promise<Portable> {
  return portableOf(await buildTemplateBuffer(), convertValues);
}

/** The seed's banded rule texts. */
export function seedBandedRuleTexts(): string[] {
  return SEED.indicators
    .map((i) => i.评分标准)
    .filter((t) => {
      try {
        return ruleFor(t).kind === "banded";
      } catch {
        return false;
      }
    });
}

/** A value cell: a number, optionally shown as a percentage, or text. */
export type GenValue = number | { pct: number } | string | null;

/** Values around every edge of a banded rule, in the rule's unit: edge−ε, edge, edge+ε, mid-band, 0, above the top. */
export function edgeSweep(ruleText: string): number[] {
  const rule = ruleFor(ruleText);
  const out = new Set<number>([0]);
  for (const b of rule.bands!) {
    for (const e of [b.low, b.high]) {
      if (e === null) continue;
      for (const d of [0, -0.01, 0.01, -0.0001, 0.0001]) {
        const x = Number((e + d).toFixed(6));
        if (x >= 0) out.add(x);
      }
    }
    if (b.high !== null) out.add(Number(((b.low + b.high) / 2).toFixed(4)));
  }
  const top = rule.bands![rule.bands!.length - 1];
  out.add(Number((top.low * 1.5 + 1).toFixed(4)));
  return [...out].sort((a, b) => a - b);
}

/**
 * One sheet, one row per (rule, chunk of values): each row has as many year pairs as `perRow`,
 * so a few hundred values fit in one workbook. Percent rules get their values as real percentages
 * (number / 100 with format 0.00%) in every other row.
 */
export function generatedTable(rows: { rule: string; weight?: number; values: GenValue[] }[], perRow: number): TableSpec {
  const years = Array.from({ length: perRow }, (_, i) => ({
    valueHeader: `${2001 + i}年\n情况`,
    scoreHeader: `${2001 + i}年评价指标得分`,
  }));
  const specRows: RowSpec[] = [];
  for (const r of rows) {
    for (let i = 0; i < r.values.length; i += perRow) {
      const chunk = r.values.slice(i, i + perRow);
      while (chunk.length < perRow) chunk.push(null);
      specRows.push({
        category: "生成",
        categoryPoints: null,
        name: `指标${specRows.length + 1}`,
        weight: r.weight ?? ruleFor(r.rule).max,
        rule: r.rule,
        depts: ["测试"],
        cells: chunk.map((v) => [typeof v === "object" && v !== null ? v.pct : v, null]),
      });
    }
  }
  return { sheetName: "分工表", title: "生成的分工表", years, rows: specRows, totals: years.map(() => null) };
}

/** Builds the table; value cells given as {pct} become numbers with the format 0.00%. */
export async function generatedWorkbook(rows: { rule: string; weight?: number; values: GenValue[] }[], perRow = 8): Promise<Uint8Array> {
  const spec = generatedTable(rows, perRow);
  const wb = newWorkbook();
  const ws = addTableSheet(wb, spec);
  // mark percentage cells: find them by walking the same order
  const pctCells: string[] = [];
  let rowIdx = 0;
  for (const r of rows) {
    for (let i = 0; i < r.values.length; i += perRow) {
      r.values.slice(i, i + perRow).forEach((v, j) => {
        if (typeof v === "object" && v !== null) pctCells.push(`${rowIdx}:${j}`);
      });
      rowIdx++;
    }
  }
  // locate the first indicator row: the row whose name cell is 指标1
  let first = 0;
  ws.eachRow((row, n) => {
    if (!first && row.getCell(2).value === "指标1") first = n;
  });
  for (const key of pctCells) {
    const [ri, j] = key.split(":").map(Number);
    const cell = ws.getCell(first + ri, 6 + j * 2);
    cell.style = { ...cell.style, numFmt: "0.00%" };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
