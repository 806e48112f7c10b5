/** The few styles the report workbooks share: titles, headings, header rows, grade colours. */
import type ExcelJS from "exceljs";

export const GRADE_FILL: Record<"A" | "B" | "C", string> = { A: "FFC6EFCE", B: "FFFFEB9C", C: "FFFFC7CE" };

export function title(ws: ExcelJS.Worksheet, zh: string, en: string): void {
  const row = ws.addRow([zh]);
  row.font = { bold: true, size: 14 };
  row.getCell(2).value = null;
  const sub = ws.addRow([en]);
  sub.font = { color: { argb: "FF595959" }, size: 9, italic: true };
}

export function heading(ws: ExcelJS.Worksheet, text: string): void {
  const row = ws.addRow([text]);
  row.font = { bold: true, size: 11, color: { argb: "FF0F6CBD" } };
}

export function styleHead(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    c.alignment = { wrapText: true, vertical: "middle" };
  });
}

/**
 * Real conditional formatting on grade cells (A green, B amber, C red): rules, not fills, so a
 * grade typed over later is coloured by what it says. `topLeft` is the range's first cell.
 */
export function addGradeColours(ws: ExcelJS.Worksheet, ref: string, topLeft: string): void {
  ws.addConditionalFormatting({
    ref,
    rules: (["A", "B", "C"] as const).map((g, i) => ({
      type: "expression",
      priority: 10 + i,
      formulae: [`${topLeft}="${g}"`],
      style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: GRADE_FILL[g] } } },
    })),
  });
}
