/** Removing the add-in's highlights: each cell gets back the fill and note it had before. */
import { type HostState } from "./state";
import { queueRestoreFill, queueRestoreNote } from "./write";

export async function clearHighlights(s: HostState): Promise<void> {
  if (!s.ownState.size || !s.sheetId) return;
  const id = s.sheetId;
  const notes = s.env.notesSupported();
  await s.env.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(id);
    for (const [cell, x] of s.ownState) {
      queueRestoreFill(ws, cell, x.fill);
      if (notes && x.addedNote) queueRestoreNote(ws, cell, x.note);
    }
    await ctx.sync();
  });
  s.ownState.clear();
}
