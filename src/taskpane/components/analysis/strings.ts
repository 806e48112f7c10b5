/**
 * The strings of the lazily loaded views (升级分析, 按责任单位, 得分分析报告): Chinese first, English
 * second. Kept out of ../../strings.ts so they load with those views, not with the pane's first view.
 */
import type { Language } from "../../strings";

export interface AnalysisStrings {
  upgradeHeading: string;
  upgradeFor: (col: string, kind: string) => string;
  upgradeSummary: (total: string, grade: string, next: string | null, gap: string) => string;
  fromToday: (today: string) => string;
  kind: Record<string, string>;
  headroom: (points: string) => string;
  scoreOfMax: (score: string, max: string) => string;
  nextPoint: (score: string) => string;
  fullMarks: string;
  isFull: string;
  manual: string;
  /** a row whose rule names no value to reach (a deduction, a rise over last year, options) */
  noValue: string;
  addItems: (item: string, count: number) => string;
  cheapest: string;
  distance: (abs: string, rel: string | null) => string;
  suggestionHeading: string;
  suggestionMethod: string;
  suggestionTotal: (col: string, total: string, grade: string) => string;
  suggestionShort: string;
  noSuggestion: string;
  stepLine: (from: string, to: string) => string;
  relative: (pct: string) => string;
  deptHeading: string;
  deptIntro: string;
  deptUnnamed: string;
  deptCount: (n: number, flags: number) => string;
  lead: string;
  support: string;
  now: (col: string, score: string) => string;
  target: (col: string, score: string, value: string) => string;
  required: (v: string) => string;
  suggested: (action: string, score: string) => string;
  withOthers: (names: string) => string;
  maxPoints: (m: string) => string;
  // the report
  reportTitle: string;
  reportSource: (sheet: string, file?: string) => string;
  reportTotals: string;
  reportYear: string;
  reportTotal: string;
  reportGrade: string;
  reportGap: string;
  reportCorrections: string;
  reportNoCorrections: string;
  reportCell: string;
  reportOldNew: string;
  reportWhy: string;
  reportPath: string;
  reportDepts: string;
  reportDeptTasks: string;
  reportFlags: string;
  loading: string;
}

const zh: AnalysisStrings = {
  upgradeHeading: "升级分析",
  upgradeFor: (col, kind) => `${col}年${kind}`,
  upgradeSummary: (total, grade, next, gap) =>
    next ? `${total} 分，${grade}级，距${next}级差 ${gap} 分` : `${total} 分，${grade}级，已是最高等级`,
  fromToday: (today) => `所需值与${today}年现值比较`,
  kind: { actual: "实际", forecast: "预测", target: "目标" },
  headroom: (p) => `还可增 ${p} 分`,
  scoreOfMax: (s, m) => `${s} / ${m} 分`,
  nextPoint: (s) => `得 ${s} 分需`,
  fullMarks: "满分需",
  isFull: "已满分",
  manual: "评估打分，无需数值",
  noValue: "评分标准算不出所需数值",
  addItems: (item, count) => `${item} × ${count}`,
  cheapest: "可加项目（由易到难）",
  distance: (abs, rel) => `较现值 ${abs}${rel ? `（${rel}）` : ""}`,
  suggestionHeading: "建议组合",
  suggestionMethod: "按各项相对增幅之和最小选出；每项得分都由评分标准重新计算",
  suggestionTotal: (col, total, grade) => `按建议，${col}年合计 ${total} 分（${grade}级）`,
  suggestionShort: "各项都达到满分也到不了上一级；以下是能做到的最多：",
  noSuggestion: "已是最高等级，无需升级。",
  stepLine: (from, to) => `${from} → ${to} 分`,
  relative: (pct) => `增幅 ${pct}`,
  deptHeading: "按责任单位",
  deptIntro: "每个责任单位负责的指标、现得分与目标得分、需要达到的数值和提示：可按单位分发。",
  deptUnnamed: "未填写责任单位",
  deptCount: (n, flags) => `${n} 项指标${flags ? `，${flags} 条提示` : ""}`,
  lead: "牵头",
  support: "配合",
  now: (col, score) => `${col}年 ${score} 分`,
  target: (col, score, value) => `${col}年目标 ${score} 分${value ? `（${value}）` : ""}`,
  required: (v) => `需要 ${v}`,
  suggested: (action, score) => `升级建议：${action}（${score} 分）`,
  withOthers: (names) => `与 ${names} 共同负责`,
  maxPoints: (m) => `满分 ${m}`,
  reportTitle: "科技创新能力监测评价得分分析报告",
  reportSource: (sheet, file) => `${file ? `文件：${file}；` : ""}工作表：${sheet}；得分均按评分标准重新计算`,
  reportTotals: "各年合计得分与等级",
  reportYear: "年份",
  reportTotal: "合计得分",
  reportGrade: "等级",
  reportGap: "距上一级",
  reportCorrections: "更正",
  reportNoCorrections: "表内得分与评分标准一致，无需更正。",
  reportCell: "单元格",
  reportOldNew: "原值 → 新值",
  reportWhy: "原因",
  reportPath: "升级路径",
  reportDepts: "责任单位",
  reportDeptTasks: "负责指标",
  reportFlags: "提示",
  loading: "正在加载…",
};

const en: AnalysisStrings = {
  upgradeHeading: "Path to the next grade",
  upgradeFor: (col, kind) => `${col} ${kind}`,
  upgradeSummary: (total, grade, next, gap) =>
    next ? `${total} points, grade ${grade}, ${gap} short of ${next}` : `${total} points, grade ${grade}, the top grade`,
  fromToday: (today) => `values needed compared with ${today}'s`,
  kind: { actual: "actual", forecast: "forecast", target: "target" },
  headroom: (p) => `${p} points still available`,
  scoreOfMax: (s, m) => `${s} / ${m}`,
  nextPoint: (s) => `${s} points need`,
  fullMarks: "Full marks need",
  isFull: "full marks",
  manual: "judged by assessors, no value",
  noValue: "the rule gives no value to reach",
  addItems: (item, count) => `${item} × ${count}`,
  cheapest: "Items that add points (easiest first)",
  distance: (abs, rel) => `${abs} from today${rel ? ` (${rel})` : ""}`,
  suggestionHeading: "Suggested combination",
  suggestionMethod: "the smallest sum of relative increases; every score rescored by its rule",
  suggestionTotal: (col, total, grade) => `With these, ${col} totals ${total} (grade ${grade})`,
  suggestionShort: "Even full marks everywhere do not reach the next grade; the most that can be done:",
  noSuggestion: "Already the top grade.",
  stepLine: (from, to) => `${from} → ${to}`,
  relative: (pct) => `+${pct}`.replace("++", "+"),
  deptHeading: "By department",
  deptIntro: "Each department's indicators, current and target scores, the values to reach and the flags: a task list to send.",
  deptUnnamed: "No department given",
  deptCount: (n, flags) => `${n} indicator${n === 1 ? "" : "s"}${flags ? `, ${flags} flag${flags === 1 ? "" : "s"}` : ""}`,
  lead: "lead",
  support: "supporting",
  now: (col, score) => `${col}: ${score}`,
  target: (col, score, value) => `${col} target: ${score}${value ? ` (${value})` : ""}`,
  required: (v) => `needs ${v}`,
  suggested: (action, score) => `suggested: ${action} (${score})`,
  withOthers: (names) => `shared with ${names}`,
  maxPoints: (m) => `max ${m}`,
  reportTitle: "Score analysis report",
  reportSource: (sheet, file) => `${file ? `File: ${file}; ` : ""}sheet: ${sheet}; every score recomputed from its rule`,
  reportTotals: "Totals and grades",
  reportYear: "Year",
  reportTotal: "Total",
  reportGrade: "Grade",
  reportGap: "To next grade",
  reportCorrections: "Corrections",
  reportNoCorrections: "Every score matches its rule.",
  reportCell: "Cell",
  reportOldNew: "old → new",
  reportWhy: "why",
  reportPath: "Path to the next grade",
  reportDepts: "Departments",
  reportDeptTasks: "Indicators",
  reportFlags: "Flags",
  loading: "Loading…",
};

export const ANALYSIS_STRINGS: Record<Language, AnalysisStrings> = { zh, en };

/** "+2511万元", "+100.88%" */
export function signed(x: number, unit = ""): string {
  return `${x >= 0 ? "+" : ""}${String(Number(x.toFixed(6)))}${unit}`;
}
export function percent(fraction: number): string {
  return signed(Number((fraction * 100).toFixed(2)), "%");
}
