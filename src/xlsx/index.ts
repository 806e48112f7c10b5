export { readWorkbook, readWorkbookSync, XlsxReadError } from "./read";
export type { ReadResult } from "./read";
export { applyPlan, planChanges, writeWorkbook, PlanApplyError } from "./write";
export type { ApplySummary } from "./write";

/** The built-in template's bytes. ExcelJS builds it, so it is imported only when asked for. */
export async function templateBytes(): Promise<Uint8Array> {
  const t = await import(/* webpackChunkName: "template" */ "./template");
  return t.buildTemplateBuffer();
}
