/**
 * Removing the add-in's highlights: each cell gets back the fill and note it had before — only
 * while it still shows the add-in's fill or note (a fill or note the user set since stays), and
 * never a gradient the API cannot set. One read, one write.
 */
import { NOTE_PREFIX } from "../model/highlight-style";
import { runBatch, type HostState } from "./state";
import { isOurFill, queueRestoreFill, queueRestoreNote, type FillSnapshot } from "./write";

export async function clearHighlights(s: HostState): Promise<void> {
  if (!s.ownState.size || !s.sheetId) return;
  const id = s.sheetId;
  const notes = s.env.notesSupported();
  await runBatch(
    s,
    async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      const probes = [...s.ownState].map(([cell, x]) => {
        const props = ws.getRange(cell).getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
        const note = notes && x.addedNote ? ws.notes.getItemOrNullObject(cell) : null;
        note?.load("content");
        return { cell, x, props, note };
      });
      await ctx.sync();
      for (const { cell, x, props, note } of probes) {
        if (isOurFill((props.value[0][0].format?.fill ?? {}) as FillSnapshot)) queueRestoreFill(ws, cell, x.fill);
        if (note && !note.isNullObject && String(note.content).startsWith(NOTE_PREFIX)) queueRestoreNote(ws, cell, x.note);
      }
      await ctx.sync();
    },
    { write: true },
  );
  s.ownState.clear();
}
