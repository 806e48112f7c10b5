export * from "./types";
export { computePlan, findTable, noticeOf } from "./plan";
export { findTables, tableInfo, describeTable } from "./layout";
export { toReport, reportStream } from "./report";
export type { Report, ReportIndicator, ReportScore, ReportFlag, ReportTotal } from "./report";
// the analysis (升级分析, 按责任单位) is imported from "./analysis" directly, so the pane can load it lazily
export type { ReportDepartment, ReportStream } from "./report";
