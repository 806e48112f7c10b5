export { upgradeAnalysis, upgradeAnalyses, targetColumn, latestActualColumn } from "./upgrade";
export type { UpgradeAnalysis, UpgradeRow, UpgradeGoal, Suggestion, SuggestedStep, CountedOption, Distance } from "./upgrade";
export { byDepartment, splitDepartments } from "./departments";
export type { DepartmentPlan, DeptTask, DeptRole, NamedDept } from "./departments";
