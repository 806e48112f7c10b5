/**
 * The add-in as real Excel behaves (issue 10): on a fake that follows Microsoft's documentation
 * and the office-js issue tracker where Excel is stricter than a plain stand-in (test/excel-fake.ts
 * cites the source of each behaviour). Each test is named after what a user would see.
 */
import { createExcelHost, type ExcelHost, type ExcelHostOptions } from "../src/excel/host";
import { HIGHLIGHT_FILL, NOTE_PREFIX } from "../src/model/highlight-style";
import type { Plan, WorkbookData } from "../src/model/types";
import { buildTemplate } from "../src/xlsx/template";
import { workbookToData } from "../src/xlsx/exceljs-data";
import { FakeWorkbook, transportBytes } from "./excel-fake";

let seed: WorkbookData;
beforeAll(async () => {
  seed = workbookToData(await buildTemplate());
});

function setup(opts: Partial<ExcelHostOptions> = {}, configure?: (wb: FakeWorkbook) => void) {
  const wb = FakeWorkbook.from(seed);
  const other = wb.addSheet("说明", [[{ v: "本工作簿由科技和工信局维护" }]]);
  wb.activeId = other.id;
  configure?.(wb);
  const host = createExcelHost({
    run: wb.run,
    notesSupported: () => wb.notesApi,
    onTheWeb: () => wb.platform === "OfficeOnline",
    undoGroups: () => wb.mergeUndoSupported,
    cellEditRetryMs: 5,
    ...opts,
  } as ExcelHostOptions);
  return { wb, host, sheet: wb.sheets[0] };
}

async function loaded(host: ExcelHost): Promise<Plan> {
  const r = await host.load();
  if (!r.ok) throw new Error(`load failed: ${r.message}`);
  return r.plan;
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Rows of long Chinese text under the 分工表 (a county's notes column), to make the sheet big. */
function padWithChineseRows(wb: FakeWorkbook, sheetName: string, rows: number, from = 200): void {
  const s = wb.sheet(sheetName);
  const text = "本指标由县科技和工业信息化局会同财政局、统计局按季度核实，数据来源为统计年鉴及部门台账。".repeat(2);
  for (let r = 0; r < rows; r++) s.set(from + r, 12, { v: `${r + 1}．${text}` });
}

describe("1. Excel on the web and notes", () => {
  test("on Excel on the web, 应用 writes notes without visible/width/height", async () => {
    const { host, sheet } = setup({}, (w) => (w.platform = "OfficeOnline"));
    const plan = await loaded(host);
    const r = await host.apply(plan);
    expect(r.notesSkipped).toBe(false);
    for (const h of plan.highlights) expect(sheet.notes.get(h.cell)?.content.startsWith(NOTE_PREFIX)).toBe(true);
  });

  test("on Excel on the web, 应用 again replaces the add-in's notes and undo puts back the note text", async () => {
    const { host, sheet } = setup({}, (w) => (w.platform = "OfficeOnline"));
    const plan = await loaded(host);
    const target = plan.highlights[0].cell;
    await host.apply(plan);
    const afterFirst = sheet.snapshot();
    const again = await loaded(host);
    await host.apply(again);
    expect(sheet.notes.get(target)?.content.startsWith(NOTE_PREFIX)).toBe(true);
    await host.undo();
    expect(sheet.snapshot()).toBe(afterFirst);
  });

  test("on Excel on the web, 生成分享版 writes its notes", async () => {
    const { host, wb } = setup({}, (w) => (w.platform = "OfficeOnline"));
    await loaded(host);
    const r = await host.makePortableReport({ convertValues: false });
    expect(r.noted).toBeGreaterThan(0);
    expect(wb.sheet("分工表").notes.size).toBe(r.noted);
  });
});

describe("2. Large sheets on the web", () => {
  // a small limit keeps the test quick; the host and the fake use the same rules at 5 MB
  const LIMIT = 120_000;

  test("the first read of a 分工表 too big for one response comes in pieces, every response under the limit, with the same plan", async () => {
    const plain = setup();
    padWithChineseRows(plain.wb, "分工表", 1500);
    const whole = await loaded(plain.host);
    const { host, wb } = setup({ payloadLimit: LIMIT }, (w) => {
      w.responseLimit = LIMIT;
      padWithChineseRows(w, "分工表", 1500);
    });
    const plan = await loaded(host);
    expect(Math.max(...wb.responseBytes)).toBeLessThanOrEqual(LIMIT);
    expect(plan.writes).toEqual(whole.writes);
    expect(plan.highlights).toEqual(whole.highlights);
  });

  test("a response Excel refuses (Chinese text longer than estimated) is read again in smaller pieces", async () => {
    const { host, wb } = setup({ payloadLimit: LIMIT * 4 }, (w) => {
      w.responseLimit = LIMIT;
      padWithChineseRows(w, "分工表", 1500);
    });
    const plan = await loaded(host);
    expect(plan.writes.length).toBeGreaterThan(0);
    expect(wb.refusedBytes.length).toBeGreaterThan(0); // Excel refused at least one response
    expect(Math.max(...wb.responseBytes)).toBeLessThanOrEqual(LIMIT);
    // the bound sheet read again later: still read, the same plan
    const again = await loaded(host);
    expect(again.writes).toEqual(plan.writes);
  });

  test("finding the 分工表 among several big sheets never asks for all of them in one response", async () => {
    const { host, wb } = setup({ payloadLimit: LIMIT }, (w) => {
      w.responseLimit = LIMIT;
      w.sheet("分工表").name = "2020年测算";
      for (const name of ["台账一", "台账二", "台账三"]) {
        w.addSheet(name, []);
        padWithChineseRows(w, name, 500, 0);
      }
    });
    const plan = await loaded(host);
    expect(plan.sheet).toBe("2020年测算");
    expect(Math.max(...wb.responseBytes)).toBeLessThanOrEqual(LIMIT);
  });

  test("生成分享版 in a workbook of big sheets reads them under the limit", async () => {
    const { host, wb } = setup({ payloadLimit: LIMIT }, (w) => {
      w.responseLimit = LIMIT;
      for (const name of ["台账一", "台账二"]) {
        w.addSheet(name, []);
        padWithChineseRows(w, name, 500, 0);
      }
    });
    await loaded(host);
    wb.responseBytes = [];
    const r = await host.makePortableReport({ convertValues: false });
    expect(r.written).toBeGreaterThan(0);
    expect(Math.max(...wb.responseBytes)).toBeLessThanOrEqual(LIMIT);
  });

  test("Chinese text counts at its transported size (\\uXXXX), not as UTF-8", () => {
    expect(transportBytes("分工表")).toBe(2 + 3 * 6);
  });
});

describe("3. Excel's own undo and live mode", () => {
  test("where Excel supports undo groups (ExcelApi 1.20), each write asks for one; an older Excel is not asked", async () => {
    const a = setup();
    const plan = await loaded(a.host);
    a.wb.runOptions = [];
    await a.host.apply(plan);
    expect(a.wb.runOptions).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);

    const b = setup({}, (w) => (w.mergeUndoSupported = false));
    const p2 = await loaded(b.host);
    b.wb.runOptions = [];
    await b.host.apply(p2);
    expect(b.wb.runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  test("an Excel that cannot put notes in an undo group (UndoNotSupported): 应用 still writes everything, ungrouped", async () => {
    const { host, wb, sheet } = setup({}, (w) => (w.notesUndoUnsupported = true));
    const plan = await loaded(host);
    wb.runOptions = [];
    const r = await host.apply(plan);
    expect(r.highlighted).toBe(plan.highlights.length);
    for (const h of plan.highlights) expect(sheet.notes.get(h.cell)?.content.startsWith(NOTE_PREFIX)).toBe(true);
    expect(wb.runOptions).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }, { delayForCellEdit: true }]);
  });

  test("a withdrawn 应用 (a cell changed between the read and the write) is one step of Ctrl+Z, not two", async () => {
    const { host, wb, sheet } = setup();
    const plan = await loaded(host);
    const w = plan.writes.find((x) => !x.keepsFormula)!;
    wb.userEdit("分工表", w.cell, 9.99);
    const edited = sheet.snapshot();
    wb.undoStack = [];
    await expect(host.apply(plan)).rejects.toThrow(/重新计算/);
    expect(wb.undoStack).toHaveLength(1);
    wb.ctrlZ();
    expect(sheet.snapshot()).toBe(edited);
  });

  test("in live mode, Ctrl+Z after the add-in's write is not fought: the scores are not written again", async () => {
    const { host, wb, sheet } = setup({ debounceMs: 5 });
    const first = await loaded(host);
    await host.apply(first); // the table is up to date
    const valueCell = first.indicators[0].scores[0].valueCell!;
    let applies = 0;
    // what the pane does in live mode: re-read, write what changed
    const unsubscribe = host.subscribe!(async () => {
      const r = await host.load();
      if (r.ok && r.plan.writes.length) {
        applies++;
        await host.apply(r.plan);
      }
    });
    await tick(20);
    const beforeEdit = sheet.snapshot();
    wb.undoStack = [];
    wb.userEdit("分工表", valueCell, "100万元");
    await tick(50);
    expect(applies).toBe(1);
    const written = sheet.snapshot();
    expect(written).not.toBe(beforeEdit);

    wb.ctrlZ(); // takes back the add-in's write
    await tick(50);
    expect(applies).toBe(1); // not written again
    expect(sheet.snapshot()).not.toBe(written);

    wb.ctrlZ(); // takes back the user's own edit: the sheet is as before, nothing to write
    await tick(50);
    expect(applies).toBe(1);
    expect(sheet.snapshot()).toBe(beforeEdit);
    unsubscribe();
  });

  test("插入示例分工表 clears Excel's undo stack, as Microsoft documents", async () => {
    const { host, wb } = setup({ sampleWorkbook: async () => new Uint8Array([80, 75]) }, (w) => {
      (w as FakeWorkbook & { onInsert?: () => unknown[] }).onInsert = () => [
        w.addSheet("分工表 (2)", seed.sheets[0].cells, seed.sheets[0].merges),
      ];
    });
    const plan = await loaded(host);
    await host.apply(plan);
    expect(wb.undoStack.length).toBeGreaterThan(0);
    await host.insertSample();
    expect(wb.undoStack).toHaveLength(0);
  });
});

describe("4. Cell-edit mode", () => {
  test("while the user is typing in a cell, 重新计算 and 应用 wait for the edit to end instead of failing", async () => {
    const { host, wb } = setup();
    wb.cellEditing = true;
    let done = false;
    const pending = host.load().then((r) => ((done = true), r));
    await tick(10);
    expect(done).toBe(false);
    wb.endCellEdit();
    const r = await pending;
    expect(r.ok).toBe(true);

    wb.cellEditing = true;
    const applying = host.apply((r as { plan: Plan }).plan);
    await tick(10);
    wb.endCellEdit();
    await expect(applying).resolves.toMatchObject({ highlighted: expect.any(Number) });
    expect(wb.runOptions.every((o) => o?.delayForCellEdit === true)).toBe(true);
  });

  test("an Excel that refuses batches during cell edit anyway: the batch is run again once the edit ends", async () => {
    const { host, wb } = setup({}, (w) => {
      w.honoursDelayForCellEdit = false;
      w.cellEditing = true;
    });
    setTimeout(() => wb.endCellEdit(), 30);
    const r = await host.load();
    expect(r.ok).toBe(true);
  });
});

describe("5. Undo that cannot overwrite later work", () => {
  test("undo after the user changed a written score and a highlighted cell's fill leaves both as the user left them, and says which", async () => {
    const { host, wb, sheet } = setup();
    const plan = await loaded(host);
    const pristine = sheet.snapshot();
    await host.apply(plan);
    const w = plan.writes.find((x) => !x.keepsFormula && !plan.highlights.some((h) => h.cell === x.cell))!;
    wb.userEdit("分工表", w.cell, 4.5);
    const h = plan.highlights.find((x) => x.cell !== w.cell)!;
    sheet.at(h.cell)!.fill = { color: "#00B050", pattern: "Solid" };
    const r = await host.undo();
    expect(r.leftAlone.sort()).toEqual([w.cell, h.cell].sort());
    expect(sheet.at(w.cell)?.v).toBe(4.5);
    expect(sheet.at(h.cell)?.fill?.color).toBe("#00B050");
    // every other cell is back as it was
    const other = plan.highlights.find((x) => x.cell !== h.cell && x.cell !== w.cell);
    if (other)
      expect(sheet.at(other.cell)?.fill).toEqual(JSON.parse(pristine).cells.find(([k]: [string]) => k === keyOf(other.cell))?.[1].fill);
  });

  test("undo after the user deleted the add-in's note does not fail, and leaves that cell alone", async () => {
    const { host, sheet } = setup();
    const plan = await loaded(host);
    await host.apply(plan);
    const h = plan.highlights[0];
    sheet.notes.delete(h.cell);
    const r = await host.undo();
    expect(r.leftAlone).toContain(h.cell);
    for (const x of plan.highlights.slice(1)) expect(sheet.notes.has(x.cell)).toBe(false);
  });
});

test("undo of the 分享版 after a coauthor typed over one of its formulas leaves that cell as typed, restores the rest, and says which", async () => {
  const { host, wb, sheet } = setup();
  await loaded(host);
  const pristine = sheet.snapshot();
  await host.makePortableReport({ convertValues: false });
  const formulaCell = [...sheet.cells.entries()].find(
    ([k, c]) => c.formula && JSON.parse(pristine).cells.every(([pk, pc]: [string, { formula?: string }]) => pk !== k || !pc.formula),
  )!;
  const [r, c] = formulaCell[0].split(",").map(Number);
  const addr = `${String.fromCharCode(65 + c)}${r + 1}`;
  wb.remoteEdit("分工表", addr, 1.23);
  const result = await host.undo();
  expect(result.leftAlone).toEqual([`分工表!${addr}`]);
  expect(sheet.at(addr)?.v).toBe(1.23);
  expect(result.restored).toBeGreaterThan(0);
});

function keyOf(cell: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return `${Number(m[2]) - 1},${col}`;
}

describe("6. Coauthoring", () => {
  test("a coauthor's edit (source Remote) is reported as remote: the pane refreshes and writes nothing", async () => {
    const { host, wb } = setup({ debounceMs: 5 });
    const plan = await loaded(host);
    const heard: unknown[] = [];
    const unsubscribe = host.subscribe!((change) => heard.push(change));
    await tick(20);
    const valueCell = plan.indicators[0].scores[0].valueCell!;
    wb.remoteEdit("分工表", valueCell, "3000万元");
    await tick(30);
    expect(heard).toEqual([{ remote: true }]);
    wb.userEdit("分工表", valueCell, "3100万元");
    await tick(30);
    expect(heard).toEqual([{ remote: true }, { remote: false }]);
    unsubscribe();
  });
});

describe("7. Fills as real Excel reports them", () => {
  test("undo gives a cell with no fill no fill, and a white cell its white fill", async () => {
    const { host, sheet } = setup();
    const plan = await loaded(host);
    const [white, none] = plan.highlights;
    sheet.at(white.cell)!.fill = { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
    const before = sheet.snapshot();
    await host.apply(plan);
    expect(sheet.at(none.cell)?.fill?.color).toBe(HIGHLIGHT_FILL[none.severity]);
    await host.undo();
    expect(sheet.at(white.cell)?.fill).toMatchObject({ color: "#FFFFFF", pattern: "Solid" });
    expect(sheet.at(none.cell)?.fill).toBeUndefined();
    expect(sheet.snapshot()).toBe(before);
  });

  test("清除标记 gives a white cell its white fill back", async () => {
    const { host, sheet } = setup();
    const plan = await loaded(host);
    const white = plan.highlights[0];
    sheet.at(white.cell)!.fill = { color: "#FFFFFF", pattern: "Solid" };
    await host.apply(plan);
    await host.clearHighlights();
    expect(sheet.at(white.cell)?.fill).toMatchObject({ color: "#FFFFFF", pattern: "Solid" });
  });

  test("a gradient fill is left for the user rather than failing undo: everything else is restored and it says which cell", async () => {
    const { host, sheet } = setup();
    const plan = await loaded(host);
    const g = plan.highlights[0];
    sheet.at(g.cell)!.fill = { color: "#4472C4", pattern: "LinearGradient" };
    await host.apply(plan);
    const r = await host.undo();
    expect(r.gradients).toEqual([g.cell]);
    for (const x of plan.highlights.slice(1)) expect(sheet.notes.has(x.cell)).toBe(false);
    for (const w of plan.writes.filter((x) => !x.keepsFormula)) expect(sheet.at(w.cell)?.v).toBe(w.before ?? "");
  });
});

describe("8. Null objects", () => {
  test("an empty sheet (its used range a null object) is looked through without calling a method on it", async () => {
    const { host } = setup({}, (w) => {
      w.sheet("分工表").name = "2020年测算";
      w.activeId = w.addSheet("空白页", []).id;
    });
    const plan = await loaded(host);
    expect(plan.sheet).toBe("2020年测算");
  });

  test("应用 on a sheet whose only notes are elsewhere calls nothing on a note that is not there", async () => {
    const { host, sheet } = setup({}, (w) => {
      w.sheet("分工表").notes.set("A1", { content: "表头说明", visible: false, width: 100, height: 50 });
    });
    const plan = await loaded(host);
    await expect(host.apply(plan)).resolves.toMatchObject({ highlighted: plan.highlights.length });
    expect(sheet.notes.get("A1")?.content).toBe("表头说明");
    await expect(host.clearHighlights()).resolves.toBeUndefined();
  });
});
