/**
 * The seed's 分工表 with its first indicator row (财政科技支出: 权重 in C3, 评分标准 in D3, values in
 * F3/H3/J3, scores in G3/I3/K3) given another rule, weight, values and stated scores: how the model
 * tests put one rule text in a real table.
 */
import { seedWorkbookData } from "../../src/sample/workbook-data";
import type { WorkbookData } from "../../src/model/types";

export function seedWithFirstRow(
  rule: string,
  weight: number,
  values: [string, string, string],
  /** each year's stated score; null or undefined leaves the cell empty */
  scores: (number | null | undefined)[] = [],
  /** the number format of the stated scores, when they carry one */
  scoreFormat?: string,
): WorkbookData {
  const wb = seedWorkbookData();
  const cells = wb.sheets[1].cells;
  cells[2][2] = { v: weight };
  cells[2][3] = { v: rule };
  [5, 7, 9].forEach((c, i) => (cells[2][c] = { v: values[i] }));
  [6, 8, 10].forEach((c, i) => {
    const s = scores[i];
    cells[2][c] = s === null || s === undefined ? undefined : scoreFormat ? { v: s, numFmt: scoreFormat } : { v: s };
  });
  return wb;
}
