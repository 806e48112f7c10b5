/** Merges as both readers give them: the cells a merge covers, other than its top-left one, are holes. */
import type { SheetData } from "../model/types";
import { parseRange } from "../model/sheet";

export function punchMergeHoles(sheet: SheetData): void {
  for (const m of sheet.merges) {
    const area = parseRange(m);
    if (!area) continue;
    for (let r = area.top; r <= area.bottom && r < sheet.cells.length; r++) {
      const row = sheet.cells[r];
      if (!row) continue;
      for (let c = area.left; c <= area.right && c < row.length; c++) if (r !== area.top || c !== area.left) delete row[c];
    }
  }
}
