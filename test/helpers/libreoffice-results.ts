/**
 * Reading back what LibreOffice computed in a 分享版 it recalculated (./libreoffice.ts runs it),
 * for the tests that compare its formulas' results with the engine's scores.
 */
import ExcelJS from "exceljs";
import type { Plan } from "../../src/model/types";
import { recalcWithLibreOffice } from "./libreoffice";
import type { Portable } from "./portable-fixtures";

/**
 * A formula cell's result as LibreOffice left it ("" for an empty-text result). Read through
 * cell.result: ExcelJS leaves a cached 0 out of cell.value.
 */
export function resultOf(ws: ExcelJS.Worksheet, addr: string): unknown {
  const cell = ws.getCell(addr);
  if (cell.type !== ExcelJS.ValueType.Formula) return { notAFormula: cell.value };
  const r = cell.result as unknown;
  return r === undefined || r === null ? "" : r;
}

/** The 分享版's bound sheet after one LibreOffice recalculation. */
export async function recalculatedSheet(portable: Portable, name: string): Promise<ExcelJS.Worksheet> {
  const [out] = await recalcWithLibreOffice([{ name, bytes: portable.bytes }]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out as unknown as ArrayBuffer);
  return wb.getWorksheet(portable.plan.sheet)!;
}

/** Every score cell the engine computed, against LibreOffice's result in `ws`: the cells that differ, and how many were compared. */
export function computedScoresAgainst(ws: ExcelJS.Worksheet, plan: Plan): { checked: number; wrong: string[] } {
  const wrong: string[] = [];
  let checked = 0;
  for (const ind of plan.indicators) {
    for (const sc of ind.scores) {
      if (sc.computed === null) continue;
      checked++;
      const got = resultOf(ws, sc.cell);
      if (got !== sc.computed)
        wrong.push(
          `${sc.cell} ${ind.ruleText.slice(0, 24)}… value ${sc.valueText}: LibreOffice ${JSON.stringify(got)}, engine ${sc.computed}`,
        );
    }
  }
  return { checked, wrong };
}
