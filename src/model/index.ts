export * from "./types";
export { computePlan, findTable, noticeOf } from "./plan";
export { findTables, tableInfo, describeTable } from "./layout";
export { toReport } from "./report";
export type { Report, ReportIndicator, ReportScore, ReportFlag, ReportTotal } from "./report";
