/**
 * The number format of the cell a custom function's argument came from.
 *
 * Why: Excel hands a custom function the cell's value, not what the cell shows: a cell showing
 * 0.35% arrives as 0.0035. The pane reads the number format with the value and scores 0.35%; the
 * function must do the same or the two disagree. KJSCORE is declared with
 * @requiresParameterAddresses, so Excel passes each argument's address (invocation.parameterAddresses,
 * CustomFunctionsRuntime 1.3; learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options),
 * and in the shared runtime the function may read the workbook through Excel.run. (A rule of thumb
 * such as "a fraction under a % rule is a percentage" was rejected: a cell holding 0.8 meaning
 * 0.8% — the way the printed 分工表 writes percentages — would be read as 80%.)
 *
 * Calls made in the same turn (a recalculation of many KJSCORE cells) share one Excel.run and one sync.
 */

export type FormatReader = (address: string) => Promise<string | null>;

/** "Sheet1!E5", "'2020年 测算'!$E$5" → ["2020年 测算", "E5"]; null when it is not one cell of a sheet. */
export function splitAddress(address: string): { sheet: string; cell: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), cell: `${m[3].toUpperCase()}${m[4]}` };
}

type Batch = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A reader over Excel.run (or `run`, a test double) that batches the addresses asked for in one turn. */
export function createFormatReader(run?: Batch): FormatReader {
  const doRun: Batch = run ?? ((b) => Excel.run({ delayForCellEdit: true }, b));
  let pending: { address: string; resolve(f: string | null): void; reject(e: unknown): void }[] = [];
  const flush = async () => {
    const asks = pending;
    pending = [];
    try {
      await doRun(async (ctx) => {
        const ranges = asks.map((a) => {
          const p = splitAddress(a.address);
          if (!p) return null;
          const r = ctx.workbook.worksheets.getItem(p.sheet).getRange(p.cell);
          r.load("numberFormat");
          return r;
        });
        await ctx.sync();
        asks.forEach((a, i) => a.resolve(ranges[i] ? String(ranges[i]!.numberFormat[0][0] ?? "General") : null));
      });
    } catch (e) {
      for (const a of asks) a.reject(e);
    }
  };
  return (address) =>
    new Promise((resolve, reject) => {
      if (!pending.length) setTimeout(() => void flush(), 0);
      pending.push({ address, resolve, reject });
    });
}
