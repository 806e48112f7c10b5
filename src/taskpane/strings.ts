/**
 * Every string the task pane shows, one table per language: Chinese first, English second.
 * Parameterised strings are small functions so word order can differ between languages.
 * Messages that come from the plan itself (message/note/reason) are picked by `pick()`.
 */
import type { ColumnKind, Grade } from "../model/types";

export type Language = "zh" | "en";

export interface Strings {
  appTitle: string;
  loading: string;
  reloading: string;
  source: (name: string) => string;

  // no table / error
  noTableTitle: string;
  noTableBody: string;
  lookedForHeading: string;
  insertSample: string;
  insertingSample: string;
  retry: string;
  errorTitle: string;
  actionFailed: (message: string) => string;
  dismiss: string;

  // tabs
  tabsLabel: string;
  tabSummary: string;
  tabHighlights: (count: number) => string;
  tabChanges: (count: number) => string;
  tabIndicators: string;

  // year columns
  yearLabel: (label: string, kind: ColumnKind) => string;

  // summary
  totalsHeading: string;
  total: string;
  stated: (value: string) => string;
  statedDiffers: (value: string) => string;
  gradeBadge: (grade: Grade) => string;
  gapToNext: (grade: Grade, points: string) => string;
  topGrade: string;
  gradeRule: string;
  subtotalsHeading: string;
  totalsChartTitle: string;
  totalsChartDesc: (items: string) => string;
  subtotalsChartTitle: string;
  subtotalsChartDesc: (items: string) => string;
  chartAsTable: string;
  categoryColumn: string;
  pointsColumn: string;
  outOf: (points: string) => string;
  gradeLine: (grade: Grade, points: number) => string;

  // highlights
  highlightsHeading: string;
  noHighlights: string;
  groupUnreachable: string;
  groupGap: string;
  groupMismatch: string;
  groupError: string;
  groupCount: (n: number) => string;
  needsValue: (value: string) => string;
  scoreShort: (points: string) => string;
  targetAboveMax: (target: string, max: string) => string;
  targetValueScores: (score: string, target: string) => string;
  mismatchDetail: (stated: string, computed: string) => string;
  goToCell: (cell: string) => string;

  // changes
  changesHeading: string;
  noWrites: string;
  writesIntro: (writes: number, highlights: number) => string;
  emptyCell: string;
  keepsFormula: (formula: string) => string;
  apply: string;
  applied: (written: number, highlighted: number) => string;
  notesSkipped: string;
  notesKept: (cells: number) => string;
  liveMode: string;
  liveModeHint: string;
  liveApplied: (written: number) => string;
  undo: string;
  undone: string;
  clearHighlights: string;
  cleared: string;
  download: string;
  makePortable: string;
  portableConvertValues: string;
  portableConvertWarning: string;
  portableConfirm: string;
  cancel: string;
  portableDone: string;
  portableDoneInPlace: string;

  // indicators
  indicatorsHeading: string;
  maxPoints: (max: string) => string;
  noMax: string;
  requiredFor: (year: string, value: string) => string;
  valueGap: (year: string, gap: string) => string;
  valueReached: (year: string) => string;
  status: Record<"ok" | "mismatch" | "manual" | "range" | "no-value" | "error", string>;
  rangeText: (low: string, high: string) => string;
  noScore: string;
  columnYear: string;
  columnValue: string;
  columnScore: string;
  columnStatus: string;
}

export const zh: Strings = {
  appTitle: "科创评分",
  loading: "正在读取分工表…",
  reloading: "正在更新…",
  source: (name) => `工作簿：${name}`,

  noTableTitle: "没有找到分工表",
  noTableBody: "当前工作簿中没有找到科技创新能力监测评价指标测算责任分工表。请打开含分工表的工作表，或插入示例分工表。",
  lookedForHeading: "查找过的表头：",
  insertSample: "插入示例分工表",
  insertingSample: "正在插入示例…",
  retry: "重试",
  errorTitle: "读取失败",
  actionFailed: (message) => `操作失败：${message}`,
  dismiss: "关闭提示",

  tabsLabel: "视图",
  tabSummary: "总览",
  tabHighlights: (n) => (n > 0 ? `提示（${n}）` : "提示"),
  tabChanges: (n) => (n > 0 ? `变更（${n}）` : "变更"),
  tabIndicators: "指标",

  yearLabel: (label, kind) => (kind === "target" ? `${label}年目标` : kind === "forecast" ? `${label}年预测` : `${label}年`),

  totalsHeading: "合计得分",
  total: "合计",
  stated: (v) => `表中 ${v}`,
  statedDiffers: (v) => `表中为 ${v}，与计算结果不同`,
  gradeBadge: (g) => `${g}级`,
  gapToNext: (g, p) => `距${g}级还差 ${p} 分`,
  topGrade: "已达A级",
  gradeRule: "A级 ≥ 80 分，B级 60–80 分，C级 < 60 分",
  subtotalsHeading: "一级指标小计",
  totalsChartTitle: "各年合计得分与等级线",
  totalsChartDesc: (items) => `合计得分：${items}。B级线 60 分，A级线 80 分。`,
  subtotalsChartTitle: "各一级指标小计与分值",
  subtotalsChartDesc: (items) => `一级指标小计：${items}。`,
  chartAsTable: "以表格查看",
  categoryColumn: "一级指标",
  pointsColumn: "分值",
  outOf: (p) => `满分 ${p}`,
  gradeLine: (g, p) => `${g} ${p}`,

  highlightsHeading: "提示",
  noHighlights: "没有需要注意的指标。",
  groupUnreachable: "目标无法达成",
  groupGap: "目标差距",
  groupMismatch: "得分不符",
  groupError: "错误",
  groupCount: (n) => `${n} 项`,
  needsValue: (v) => `需要 ${v}`,
  scoreShort: (p) => `还差 ${p} 分`,
  targetAboveMax: (t, m) => `目标得分 ${t} 超过满分 ${m}`,
  targetValueScores: (s, t) => `目标值只得 ${s} 分，低于目标得分 ${t}`,
  mismatchDetail: (s, c) => `表中 ${s} → 应为 ${c}`,
  goToCell: (cell) => `定位到单元格 ${cell}`,

  changesHeading: "写入前的变更",
  noWrites: "所有得分都与规则一致，没有要写入的单元格。",
  writesIntro: (w, h) => `将写入 ${w} 个单元格，标记 ${h} 个单元格。`,
  emptyCell: "（空）",
  keepsFormula: (f) => `保留公式 =${f}，只更新其结果`,
  apply: "应用",
  applied: (w, h) => `已写入 ${w} 个单元格，标记 ${h} 个`,
  notesSkipped: "（此版本 Excel 不支持单元格批注，标记只有颜色，原因请看“提示”）",
  notesKept: (n) => `；${n} 个单元格已有您自己的批注，保留原样，原因请看“提示”`,
  liveMode: "实时更新",
  liveModeHint: "编辑数值、评分标准或权重后自动重算并写入得分（可撤销）",
  liveApplied: (w) => `已按修改自动更新 ${w} 个单元格`,
  undo: "撤销",
  undone: "已撤销，单元格已恢复原样。",
  clearHighlights: "清除标记",
  cleared: "已清除标记。",
  download: "下载",
  makePortable: "生成分享版",
  portableConvertValues: "同时把文字数值（如“2489万元”）转换为数字，使公式能够重算",
  portableConvertWarning:
    "这会改动分享版中的情况/目标单元格：文字变为数字，数字格式仍显示原来的文字（如 2489 显示为“2489万元”），看到的内容不变。确定继续吗？",
  portableConfirm: "确定生成",
  cancel: "取消",
  portableDone: "分享版已生成：没有安装插件的人也能看到并重算得分。",
  portableDoneInPlace: "本工作簿已改为分享版：得分成为普通公式，没有安装插件的人也能看到并重算得分。可以撤销。",

  indicatorsHeading: "指标",
  maxPoints: (m) => `满分 ${m}`,
  noMax: "满分未知",
  requiredFor: (y, v) => `${y}需要 ${v}`,
  valueGap: (y, g) => `比${y}还差 ${g}`,
  valueReached: (y) => `${y}已达到`,
  status: {
    ok: "✓ 一致",
    mismatch: "≠ 不符",
    manual: "✎ 人工评分",
    range: "↔ 区间内",
    "no-value": "— 无数值",
    error: "✕ 错误",
  },
  rangeText: (l, h) => `${l}–${h}`,
  noScore: "—",
  columnYear: "年份",
  columnValue: "情况",
  columnScore: "得分",
  columnStatus: "状态",
};

export const en: Strings = {
  appTitle: "KJScore",
  loading: "Reading the 分工表…",
  reloading: "Updating…",
  source: (name) => `Workbook: ${name}`,

  noTableTitle: "No 分工表 found",
  noTableBody:
    "This workbook has no 科技创新能力监测评价 分工表 (scoring table). Open the sheet that holds it, or insert the sample table.",
  lookedForHeading: "Headers looked for:",
  insertSample: "Insert sample table",
  insertingSample: "Inserting the sample…",
  retry: "Retry",
  errorTitle: "Could not read the workbook",
  actionFailed: (message) => `That did not work: ${message}`,
  dismiss: "Dismiss",

  tabsLabel: "Views",
  tabSummary: "Summary",
  tabHighlights: (n) => (n > 0 ? `Highlights (${n})` : "Highlights"),
  tabChanges: (n) => (n > 0 ? `Changes (${n})` : "Changes"),
  tabIndicators: "Indicators",

  yearLabel: (label, kind) => (kind === "target" ? `${label} target` : kind === "forecast" ? `${label} forecast` : label),

  totalsHeading: "Total score",
  total: "Total",
  stated: (v) => `sheet: ${v}`,
  statedDiffers: (v) => `the sheet says ${v}, which differs`,
  gradeBadge: (g) => `Grade ${g}`,
  gapToNext: (g, p) => `${p} points short of grade ${g}`,
  topGrade: "Grade A reached",
  gradeRule: "A ≥ 80 points, B 60–80, C < 60",
  subtotalsHeading: "Subtotals by 一级指标",
  totalsChartTitle: "Total score per year against the grade lines",
  totalsChartDesc: (items) => `Totals: ${items}. Grade B at 60 points, grade A at 80.`,
  subtotalsChartTitle: "Subtotal of each 一级指标 against its points",
  subtotalsChartDesc: (items) => `Subtotals: ${items}.`,
  chartAsTable: "Show as a table",
  categoryColumn: "一级指标",
  pointsColumn: "Points",
  outOf: (p) => `of ${p}`,
  gradeLine: (g, p) => `${g} ${p}`,

  highlightsHeading: "Highlights",
  noHighlights: "Nothing needs attention.",
  groupUnreachable: "Target unreachable",
  groupGap: "Target gap",
  groupMismatch: "Score mismatch",
  groupError: "Errors",
  groupCount: (n) => `${n} ${n === 1 ? "item" : "items"}`,
  needsValue: (v) => `needs ${v}`,
  scoreShort: (p) => `${p} points short`,
  targetAboveMax: (t, m) => `target score ${t} is above the maximum ${m}`,
  targetValueScores: (s, t) => `the target value scores only ${s}, below the target score ${t}`,
  mismatchDetail: (s, c) => `sheet ${s} → rule gives ${c}`,
  goToCell: (cell) => `Go to cell ${cell}`,

  changesHeading: "Changes before writing",
  noWrites: "Every score matches its rule; there is nothing to write.",
  writesIntro: (w, h) => `${w} ${w === 1 ? "cell" : "cells"} will be written and ${h} highlighted.`,
  emptyCell: "(empty)",
  keepsFormula: (f) => `keeps the formula =${f}; only its result changes`,
  apply: "Apply",
  applied: (w, h) => `Wrote ${w} ${w === 1 ? "cell" : "cells"}, highlighted ${h}`,
  notesSkipped: " (this Excel cannot write cell notes: highlights are colour only; the reasons are under Highlights)",
  notesKept: (n) => `; ${n} ${n === 1 ? "cell keeps its" : "cells keep their"} own note, unchanged (the reasons are under Highlights)`,
  liveMode: "Live updates",
  liveModeHint: "after you edit a value, rule or weight, scores are recalculated and written at once (undoable)",
  liveApplied: (w) => `Updated ${w} ${w === 1 ? "cell" : "cells"} after your edit`,
  undo: "Undo",
  undone: "Undone: the cells are back as they were.",
  clearHighlights: "Clear highlights",
  cleared: "Highlights cleared.",
  download: "Download",
  makePortable: "Make shareable copy",
  portableConvertValues: "Also turn text values (such as “2489万元”) into numbers so the formulas can recalculate",
  portableConvertWarning:
    "This changes the value (情况/目标) cells of the shareable copy: text becomes numbers whose number format still shows the same text (2489 shown as “2489万元”), so nothing a reader sees is lost. Continue?",
  portableConfirm: "Make it",
  cancel: "Cancel",
  portableDone: "Shareable copy made: people without the add-in can see and recalculate the scores.",
  portableDoneInPlace:
    "This workbook is now shareable: the scores are plain formulas that people without the add-in can see and recalculate. You can undo it.",

  indicatorsHeading: "Indicators",
  maxPoints: (m) => `max ${m}`,
  noMax: "max unknown",
  requiredFor: (y, v) => `${y} needs ${v}`,
  valueGap: (y, g) => `${g} more than ${y}`,
  valueReached: (y) => `already reached in ${y}`,
  status: {
    ok: "✓ matches",
    mismatch: "≠ mismatch",
    manual: "✎ judged by hand",
    range: "↔ within range",
    "no-value": "— no value",
    error: "✕ error",
  },
  rangeText: (l, h) => `${l}–${h}`,
  noScore: "—",
  columnYear: "Year",
  columnValue: "Value",
  columnScore: "Score",
  columnStatus: "Status",
};

export const STRINGS: Record<Language, Strings> = { zh, en };

/** The plan's own text in the pane's language (the plan carries both). */
export function pick(language: Language, chinese: string, english: string): string {
  return language === "en" && english ? english : chinese;
}
