/**
 * Before putting cells back, check that they still hold what the add-in wrote: a value typed
 * since (by the user or a coauthor), a fill the user changed, a note they edited or deleted are
 * theirs now and are left alone. One read sync.
 */
import { parseAddress } from "../model/sheet";
import { runsOf } from "./cells";
import type { UndoRecord } from "./write";

/** Cell values as the add-in saw or wrote them vs. as Excel returns them now. */
export function sameValue(before: unknown, now: unknown): boolean {
  const norm = (v: unknown) =>
    v === null || v === undefined ? "" : typeof v === "object" && v && "error" in v ? (v as { error: string }).error : v;
  return norm(before) === norm(now);
}

export interface StillOurs {
  values: Set<string>;
  fills: Set<string>;
  notes: Set<string>;
}

export async function checkStillOurs(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  record: UndoRecord,
  notes: boolean,
): Promise<StillOurs> {
  const cells = record.values.map((v) => ({ ...v, ...parseAddress(v.cell)! }));
  const valueRuns = runsOf(cells).map((run) => {
    const r = ws.getRange(run.address);
    r.load("values");
    return { run, r };
  });
  const hs = record.highlights.map((h) => ({ ...h, ...parseAddress(h.cell)! }));
  const fillRuns = runsOf(hs).map((run) => {
    const r = ws.getRange(run.address);
    return { run, props: r.getCellProperties({ format: { fill: { color: true, tintAndShade: true, pattern: true } } }) };
  });
  const noteProbes = notes
    ? record.highlights
        .filter((h) => h.addedNote)
        .map((h) => {
          const n = ws.notes.getItemOrNullObject(h.cell);
          n.load("content");
          return { h, n };
        })
    : [];
  await ctx.sync();
  const out: StillOurs = { values: new Set(), fills: new Set(), notes: new Set() };
  for (const { run, r } of valueRuns) run.items.forEach((v, i) => sameValue(v.written, r.values[i][0]) && out.values.add(v.cell));
  for (const { run, props } of fillRuns) {
    run.items.forEach((h, i) => {
      const f = props.value[i][0].format?.fill;
      const color = typeof f?.color === "string" ? f.color.toUpperCase() : "";
      if (h.painted && color === h.painted.toUpperCase() && f?.tintAndShade !== null) out.fills.add(h.cell);
    });
  }
  for (const { h, n } of noteProbes) if (!n.isNullObject && n.content === h.noteWritten) out.notes.add(h.cell);
  return out;
}
