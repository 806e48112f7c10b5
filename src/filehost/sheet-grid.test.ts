import { computePlan } from "../model";
import { seedWorkbookData } from "../sample/workbook-data";
import { buildGrid, gridNavigator, scalarAsShown, selectionAddress, type SheetSnapshot } from "./sheet-grid";

const snapshot = (): SheetSnapshot => {
  const data = seedWorkbookData({ twoRowHeader: true });
  return { name: "示例", data, plan: computePlan(data) };
};

describe("the sheet preview's grid", () => {
  test("spans the table: the title row, both header rows, every indicator and 合计得分, every column", () => {
    const snap = snapshot();
    const { layout } = snap.plan;
    const grid = buildGrid(snap);
    expect(grid.sheet).toBe(snap.plan.sheet);
    expect(grid.rows[0].role).toBe("title");
    expect(grid.rows.filter((r) => r.role === "header").map((r) => r.row)).toEqual(layout.headerRows);
    expect(grid.rows.filter((r) => r.role === "indicator")).toHaveLength(snap.plan.indicators.length);
    expect(grid.rows[grid.rows.length - 1]).toMatchObject({ role: "total", row: layout.totalRow });
    const lastScore = Math.max(...layout.years.map((y) => y.scoreCol));
    expect(grid.columns.map((c) => c.letter)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"].slice(0, lastScore + 1));
    expect(grid.columns.find((c) => c.col === layout.columns.rule)?.role).toBe("rule");
    const total = grid.rows[grid.rows.length - 1].cells.find((c) => c.col === layout.totalLabelCol);
    expect(total?.text).toMatch(/合计得分/);
  });

  test("merged areas are drawn once with their spans; the cells under them are left out", () => {
    const snap = snapshot();
    const grid = buildGrid(snap);
    const title = grid.rows[0].cells;
    expect(title).toHaveLength(1);
    expect(title[0]).toMatchObject({ address: "A1", colSpan: grid.columns.length, rowSpan: 1 });
    const header = grid.rows.find((r) => r.role === "header")!;
    const name = header.cells.find((c) => c.col === snap.plan.layout.columns.name)!;
    expect(name.rowSpan).toBe(2); // 二级指标 over both header rows
  });

  test("highlights carry their severity and note; cells 应用 would write show before and after", () => {
    const snap = snapshot();
    const cells = buildGrid(snap).rows.flatMap((r) => r.cells);
    for (const h of snap.plan.highlights) {
      // the seed's one red cell is a blank target value (目标值未填写), said apart from 目标无法达成
      const missing = h.severity === "unreachable" && h.note.includes("目标值未填写") ? { missingTarget: true } : {};
      expect(cells.find((c) => c.address === h.cell)?.highlight).toEqual({
        severity: h.severity,
        note: h.note,
        noteEn: h.noteEn,
        ...missing,
      });
    }
    expect(snap.plan.writes.length).toBeGreaterThan(0);
    for (const w of snap.plan.writes) {
      const c = cells.find((x) => x.address === w.cell)!;
      expect(c.write).toEqual({ before: String(w.before), after: w.after.toFixed(2) });
    }
  });

  test("a selection: any case or $, into a merged area's top-left; not an address → null; outside the table widens the grid", () => {
    const snap = snapshot();
    expect(selectionAddress(snap, "k5")).toBe("K5");
    expect(selectionAddress(snap, "$I$6")).toBe("I6");
    expect(selectionAddress(snap, "C1")).toBe("A1"); // the title, merged across
    expect(selectionAddress(snap, "B3")).toBe("B2"); // 二级指标, merged over both header rows
    expect(selectionAddress(snap, "合计")).toBeNull();
    const wide = buildGrid(snap, ["N40"]);
    expect(wide.columns[wide.columns.length - 1].letter).toBe("N");
    expect(wide.rows[wide.rows.length - 1].row).toBe(39);
  });

  test("after 应用 the cells it wrote are marked with what they held and hold now (and no longer as to-write)", () => {
    const snap = snapshot();
    const w = snap.plan.writes[0];
    const after = { ...snap, plan: { ...snap.plan, writes: [] }, written: snap.plan.writes };
    const c = buildGrid(after)
      .rows.flatMap((r) => r.cells)
      .find((x) => x.address === w.cell)!;
    expect(c.write).toBeUndefined();
    expect(c.written).toEqual({ before: String(w.before), after: w.after.toFixed(2) });
  });

  test("arrow keys move as in a spreadsheet: over merged areas, to row ends with Home/End, to the corners with Ctrl", () => {
    const grid = buildGrid(snapshot());
    const nav = gridNavigator(grid);
    const cell = (a: string) => grid.rows.flatMap((r) => r.cells).find((c) => c.address === a)!;
    // two header rows: 一级指标 (A2) and 二级指标 (B2) are merged over both
    const first = grid.rows.find((r) => r.role === "indicator")!;
    const name = first.cells.find((c) => c.col === 1)!; // B, the first indicator's 二级指标
    expect(nav.move(name, "ArrowRight", false)?.col).toBe(2);
    expect(nav.move(name, "ArrowUp", false)?.address).toBe("B2"); // the merged header, not a row inside it
    expect(nav.move(cell("B2"), "ArrowDown", false)?.address).toBe(name.address); // past the merge
    expect(nav.move(cell("A1"), "ArrowUp", false)).toBeNull();
    expect(nav.move(cell("A1"), "ArrowRight", false)).toBeNull(); // the title spans the table
    expect(nav.move(name, "Home", false)?.col).toBe(0);
    expect(nav.move(name, "End", false)?.col).toBe(grid.columns[grid.columns.length - 1].col);
    expect(nav.move(name, "Home", true)?.address).toBe("A1");
    const last = grid.rows[grid.rows.length - 1];
    expect(nav.move(name, "End", true)?.row).toBe(last.row);
    expect(nav.move(name, "Enter", false)).toBeNull(); // read-only: nothing to edit
    // the category merged down its indicators: one step down leaves it for the next category
    const cat = first.cells.find((c) => c.col === 0)!;
    expect(cat.rowSpan).toBeGreaterThan(1);
    expect(nav.move(cat, "ArrowDown", false)?.row).toBe(cat.row + cat.rowSpan);
    expect(nav.slot(cat)).toEqual({ row: grid.rows.indexOf(first), col: 0 });
  });

  test("numbers as the sheet shows them", () => {
    expect(scalarAsShown(2.5, "0.00")).toBe("2.50");
    expect(scalarAsShown(0.0041, "0.00%")).toBe("0.41%");
    expect(scalarAsShown(25600, "#,##0")).toBe("25,600");
    expect(scalarAsShown(0.1 + 0.2)).toBe("0.3");
    expect(scalarAsShown({ error: "#DIV/0!" } as never)).toBe("#DIV/0!");
    expect(scalarAsShown(null)).toBe("");
  });
});
