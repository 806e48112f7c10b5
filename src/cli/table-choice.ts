/** `--sheet NAME`, `--sheet NAME!A30` and `--table N` as the model's TableChoice. */
import type { TableChoice, WorkbookData } from "../model/types";

/**
 * A sheet name is taken whole when the workbook has a sheet of that name (names may contain "!");
 * otherwise "NAME!A30", "NAME!30" and "'NAME'!A30" name a row on sheet NAME.
 */
export function tableChoiceOf(options: { sheet?: string; table?: number }, wb: WorkbookData): TableChoice | undefined {
  if (options.table !== undefined) return { table: options.table };
  if (options.sheet === undefined) return undefined;
  const given = options.sheet.trim();
  if (wb.sheets.some((s) => s.name === given)) return { sheet: given };
  const m = /^(.*)!\$?[A-Za-z]{0,3}\$?(\d+)$/.exec(given);
  if (!m) return { sheet: given };
  const sheet = m[1].replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return { sheet, row: Number(m[2]) };
}
