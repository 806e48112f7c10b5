/** Workbook-level actions of the pane: select a cell of the 分工表, insert the sample 分工表. */
import { SAMPLE_SHEET } from "./find";
import { forgetSheet, runBatch, type HostState } from "./state";

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** "分工表", or "分工表 (2)" … when that name is taken (Excel compares sheet names case-insensitively). */
export function uniqueSheetName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

export async function defaultSample(sheetName: string): Promise<Uint8Array> {
  // ExcelJS stays out of the task pane's initial chunk: this import becomes a lazy chunk.
  const t = await import(/* webpackChunkName: "template" */ "../xlsx/template");
  const wb = t.newWorkbook();
  t.addTableSheet(wb, { ...t.sampleSpec(), sheetName });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function selectCell(s: HostState, address: string): Promise<void> {
  const id = s.sheetId;
  await runBatch(
    s,
    async (ctx) => {
      const ws = id ? ctx.workbook.worksheets.getItem(id) : ctx.workbook.worksheets.getActiveWorksheet();
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    },
    { write: false },
  );
}

/** Inserting a sheet from base64 is not undoable and clears Excel's undo stack (the pane says so first). */
export async function insertSample(s: HostState): Promise<void> {
  await runBatch(
    s,
    async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const name = uniqueSheetName(
        SAMPLE_SHEET,
        sheets.items.map((x) => x.name),
      );
      const bytes = await s.env.sample(name);
      ctx.workbook.insertWorksheetsFromBase64(toBase64(bytes), { positionType: "End" });
      const ws = sheets.getItem(name);
      ws.activate();
      ws.load("id,name");
      await ctx.sync();
      // bind to the sheet just inserted: the next load reads it
      forgetSheet(s);
      s.sheetId = ws.id;
      s.sheetName = ws.name;
      s.onBound();
    },
    { write: false },
  );
}
