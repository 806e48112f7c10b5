export { readWorkbook, workbookToData, sheetToData, cellToData, XlsxReadError } from "./read";
export type { ReadResult } from "./read";
export { applyPlan, writeWorkbook, PlanApplyError } from "./write";
export type { ApplySummary } from "./write";
export { buildTemplate, buildTemplateBuffer, addTableSheet, sampleSpec, newWorkbook, TEMPLATE_SHEET } from "./template";
export type { TableSpec, RowSpec, YearSpec, CellInput } from "./template";
