/** The county's name as its sheet's title gives it ("霸州市科技创新能力…分工表" → "霸州市"), else the file's. */
import type { Plan, WorkbookData } from "../model/types";

export function sheetTitle(data: WorkbookData, plan: Plan): string | null {
  const sheet = data.sheets.find((s) => s.name === plan.sheet);
  const top = plan.layout.headerRows[0] ?? 0;
  if (!sheet) return null;
  for (let r = 0; r < top; r++) {
    for (const c of sheet.cells[r] ?? []) {
      if (typeof c?.v === "string" && /分工表|评价|指标/.test(c.v)) return c.v.replace(/\s+/g, "");
    }
  }
  return null;
}

export function countyName(data: WorkbookData, plan: Plan, file: string): string {
  const title = sheetTitle(data, plan);
  const m = title ? /^(.+?)(?:科技创新|科技|创新能力|监测评价)/.exec(title) : null;
  if (m && m[1].length <= 20) return m[1];
  return file.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "");
}
