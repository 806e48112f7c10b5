/**
 * What the pane, the report and the command line say about several 分工表 in one workbook. Kept
 * apart from layout.ts and plan.ts so that the pane's first chunk can say it without the engine.
 */
import type { TableInfo } from "./types";

/** "工作表“分工表”第 3 行起（2018、2019、2020，17 项指标）" / "sheet “分工表” from row 3 (2018, 2019, 2020; 17 indicators)". */
export function describeTable(t: TableInfo, language: "zh" | "en"): string {
  const years = t.years.filter((y, i, a) => a.indexOf(y) === i);
  if (language === "zh") return `工作表“${t.sheet}”第 ${t.row} 行起（${years.join("、")}，${t.indicators} 项指标）`;
  return `sheet “${t.sheet}” from row ${t.row} (${years.join(", ")}; ${t.indicators} indicators)`;
}

/** "找到 2 张分工表，按 …计算；另有：…" — the bound table first, then the others. */
export function noticeOf(tables: TableInfo[], bound: number): { message: string; messageEn: string } {
  const others = tables.filter((_, i) => i !== bound);
  return {
    message: `找到 ${tables.length} 张分工表，按${describeTable(tables[bound], "zh")}的表计算；另有：${others.map((t) => describeTable(t, "zh")).join("；")}`,
    messageEn: `Found ${tables.length} tables; scored the one on ${describeTable(tables[bound], "en")}; also found: ${others.map((t) => describeTable(t, "en")).join("; ")}`,
  };
}
