export { readWorkbook, readWorkbookSync, XlsxReadError } from "./read";
export type { ReadResult } from "./read";
export { applyPlan, planChanges, writeWorkbook, PlanApplyError } from "./write";
export type { ApplySummary } from "./write";
