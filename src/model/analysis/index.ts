export {
  upgradeAnalysis,
  upgradeAnalyses,
  upgradeAnalysisStream,
  upgradeAnalysesStream,
  targetColumn,
  latestActualColumn,
  judgedByAssessors,
} from "./upgrade";
export type { UpgradeAnalysisStream } from "./upgrade";
export type { UpgradeAnalysis, UpgradeRow, UpgradeGoal, Suggestion, SuggestedStep, CountedOption, Distance } from "./upgrade";
export { byDepartment, departmentsStream, splitDepartments } from "./departments";
export type { DepartmentPlan, DepartmentStream, DeptTask, DeptRole, NamedDept } from "./departments";
