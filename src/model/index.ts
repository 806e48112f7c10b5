export * from "./types";
export { computePlan, findTable } from "./plan";
export { toReport } from "./report";
export type { Report, ReportIndicator, ReportScore, ReportFlag, ReportTotal } from "./report";
