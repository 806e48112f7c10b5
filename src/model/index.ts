export * from "./types";
export { computePlan, findTable } from "./plan";
export { toReport } from "./report";
export type { Report, ReportIndicator, ReportScore, ReportFlag, ReportTotal } from "./report";
export { upgradeAnalysis, upgradeAnalyses, byDepartment, splitDepartments } from "./analysis";
export type { UpgradeAnalysis, UpgradeRow, Suggestion, SuggestedStep, DepartmentPlan, DeptTask } from "./analysis";
export type { ReportDepartment } from "./report";
