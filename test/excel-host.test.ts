/**
 * The Office.js host over the seed 分工表 (the template, read through the xlsx adapter), on a
 * fake Excel with Office.js's batch semantics (test/excel-fake.ts).
 */
import { createExcelHost, uniqueSheetName, type ExcelHostOptions } from "../src/excel/host";
import { HIGHLIGHT_FILL, NOTE_PREFIX } from "../src/model/highlight-style";
import type { Plan, WorkbookData } from "../src/model/types";
import { addTableSheet, buildTemplate, newWorkbook, sampleSpec } from "../src/xlsx/template";
import { readWorkbook } from "../src/xlsx/read";
import { workbookToData } from "../src/xlsx/exceljs-data";
import { FakeWorkbook, type FakeSheet } from "./excel-fake";

let seed: WorkbookData;
beforeAll(async () => {
  seed = workbookToData(await buildTemplate());
});

function setup(opts: Partial<ExcelHostOptions> = {}, configure?: (wb: FakeWorkbook) => void) {
  const wb = FakeWorkbook.from(seed);
  const other = wb.addSheet("说明", [[{ v: "本工作簿由科技和工信局维护" }]]);
  wb.activeId = other.id; // the pane opens while another sheet is active
  const sheet = wb.sheet("分工表");
  configure?.(wb);
  const host = createExcelHost({ run: wb.run, notesSupported: () => wb.notesApi, ...opts });
  return { wb, host, sheet };
}

async function loaded(host: ReturnType<typeof createExcelHost>): Promise<Plan> {
  const r = await host.load();
  if (!r.ok) throw new Error(`load failed: ${r.message}`);
  return r.plan;
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("recalculating the seed 分工表 in Excel", () => {
  test("once the sheet is known, a full recalculation is 2 syncs: one read, one write", async () => {
    const { wb, host } = setup();
    const first = await loaded(host);
    expect(wb.syncs).toBe(1); // the sheet named 分工表 is read in the first batch already
    expect(first.writes.length).toBeGreaterThan(0);
    wb.syncs = 0;
    const plan = await loaded(host);
    expect(wb.syncs).toBe(1);
    await host.apply(plan);
    expect(wb.syncs).toBe(2);
  });

  test("finds the 分工表 by its headers when it has another name and is not active (one more sync)", async () => {
    const { wb, host } = setup({}, (w) => {
      w.sheet("分工表").name = "2020年测算";
    });
    const plan = await loaded(host);
    expect(plan.sheet).toBe("2020年测算");
    expect(wb.syncs).toBe(2);
    wb.syncs = 0;
    await loaded(host);
    expect(wb.syncs).toBe(1);
  });

  test("writes exactly the plan's score cells, and fills and notes exactly its highlighted cells", async () => {
    const { wb, host, sheet } = setup();
    const plan = await loaded(host);
    const before = new Map([...sheet.cells].map(([k, c]) => [k, JSON.stringify(c)]));
    wb.touched = [];
    const result = await host.apply(plan);

    const written = wb.touched.filter((t) => t.what === "value" || t.what === "formula").map((t) => t.cell);
    const sent = plan.writes.filter((w) => !w.keepsFormula);
    expect(new Set(written)).toEqual(new Set(sent.map((w) => w.cell)));
    for (const w of sent) expect(sheet.at(w.cell)?.v).toBe(w.after);

    const hl = new Set(plan.highlights.map((h) => h.cell));
    expect(new Set(wb.touched.filter((t) => t.what === "fill").map((t) => t.cell))).toEqual(hl);
    expect(new Set(wb.touched.filter((t) => t.what === "note").map((t) => t.cell))).toEqual(hl);
    for (const h of plan.highlights) {
      expect(sheet.at(h.cell)?.fill?.color).toBe(HIGHLIGHT_FILL[h.severity]);
      expect(sheet.notes.get(h.cell)?.content.startsWith(NOTE_PREFIX)).toBe(true);
    }
    expect(result).toMatchObject({ written: sent.length, highlighted: plan.highlights.length, notesSkipped: false });

    // every other cell is exactly as it was
    const touched = new Set([...written, ...hl]);
    for (const [k, c] of sheet.cells) {
      const [r, col] = k.split(",").map(Number);
      const addr = `${String.fromCharCode(65 + col)}${r + 1}`;
      if (!touched.has(addr)) expect(JSON.stringify(c)).toBe(before.get(k));
    }
  });

  test("undo restores values, fills and notes exactly; clearHighlights restores the user's own fills", async () => {
    const { host, sheet, wb } = setup();
    const plan = await loaded(host);
    const target = plan.highlights[0];
    // the user had coloured that cell themselves
    const p = sheet.at(target.cell)!;
    p.fill = { color: "#C6EFCE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
    const pristine = sheet.snapshot();

    await host.apply(plan);
    expect(host.canUndo()).toBe(true);
    expect(sheet.snapshot()).not.toBe(pristine);
    wb.syncs = 0;
    await host.undo();
    // one read (do the cells still hold what 应用 wrote?) and one write
    expect(wb.syncs).toBe(2);
    expect(host.canUndo()).toBe(false);
    expect(sheet.snapshot()).toBe(pristine);

    await host.apply(plan);
    await host.clearHighlights();
    expect(sheet.at(target.cell)?.fill?.color).toBe("#C6EFCE");
    for (const h of plan.highlights) expect(sheet.notes.has(h.cell)).toBe(false);
    // the scores stay written
    for (const w of plan.writes.filter((x) => !x.keepsFormula)) expect(sheet.at(w.cell)?.v).toBe(w.after);
  });

  test("a note of the user's own on a highlighted cell is left alone", async () => {
    const { host, sheet } = setup({}, (w) => {
      const s = w.sheet("分工表");
      s.notes.set("A1", { content: "表头说明（用户）", visible: false, width: 100, height: 50 });
    });
    const plan = await loaded(host);
    const target = plan.highlights[0].cell;
    sheet.notes.set(target, { content: "财政局 5 月更新", visible: true, width: 200, height: 90 });
    const result = await host.apply(plan);
    expect(sheet.notes.get(target)).toEqual({ content: "财政局 5 月更新", visible: true, width: 200, height: 90 });
    expect(result.notesKept).toBe(1);
    await host.undo();
    expect(sheet.notes.get(target)?.content).toBe("财政局 5 月更新");
  });

  test("without worksheet notes (before ExcelApi 1.18) it highlights with fills only and says so", async () => {
    const { host, sheet, wb } = setup({}, (w) => {
      w.notesApi = false;
    });
    const plan = await loaded(host);
    wb.touched = [];
    const result = await host.apply(plan);
    expect(result.notesSkipped).toBe(true);
    expect(wb.touched.some((t) => t.what === "note")).toBe(false);
    expect(sheet.at(plan.highlights[0].cell)?.fill?.color).toBe(HIGHLIGHT_FILL[plan.highlights[0].severity]);
  });

  test("a cell edited between the read and the write: nothing stays written, and it says which cell", async () => {
    const { host, sheet, wb } = setup();
    const plan = await loaded(host);
    const w = plan.writes.find((x) => !x.keepsFormula)!;
    wb.userEdit("分工表", w.cell, 9.99);
    const edited = sheet.snapshot();
    await expect(host.apply(plan)).rejects.toThrow(new RegExp(`${w.cell}.*重新计算`));
    expect(sheet.snapshot()).toBe(edited);
  });

  test("a workbook without a 分工表 says which headers it looked for, in Chinese", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1", [[{ v: "姓名" }, { v: "电话" }]]);
    const host = createExcelHost({ run: wb.run, notesSupported: () => true });
    const r = await host.load();
    expect(r.ok).toBe(false);
    if (!r.ok && r.reason === "no-table") {
      expect(r.message).toContain("评分标准");
      expect(r.lookedFor.length).toBeGreaterThan(0);
    } else throw new Error("expected no-table");
  });

  test("selectCell selects the cell on the 分工表", async () => {
    const { host, wb } = setup();
    const plan = await loaded(host);
    await host.selectCell(plan.highlights[0].cell);
    expect(wb.selected).toEqual({ sheet: "分工表", address: plan.highlights[0].cell });
  });

  test("insertSample adds the template as 分工表 (2) next to an existing 分工表 and binds to it", async () => {
    const { host, wb } = setup();
    let inserted: WorkbookData | null = null;
    (wb as FakeWorkbook & { onInsert?: (b64: string) => FakeSheet[] }).onInsert = (b64) => {
      // the bytes inserted are the workbook the host built: its sheet appears under the name asked for
      expect(Buffer.from(b64, "base64").subarray(0, 2).toString()).toBe("PK");
      const name = pendingName!;
      return [wb.addSheet(name, inserted!.sheets[0].cells, inserted!.sheets[0].merges)];
    };
    let pendingName: string | null = null;
    const h = createExcelHost({
      run: wb.run,
      notesSupported: () => true,
      sampleWorkbook: async (name) => {
        pendingName = name;
        const book = newWorkbook();
        addTableSheet(book, { ...sampleSpec(), sheetName: name });
        const bytes = new Uint8Array(await book.xlsx.writeBuffer());
        inserted = (await readWorkbook(bytes)).data;
        return bytes;
      },
    });
    void host;
    await h.insertSample();
    expect(pendingName).toBe("分工表 (2)");
    expect(wb.inserted).toHaveLength(1);
    expect(wb.sheets.map((s) => s.name)).toContain("分工表 (2)");
    expect(wb.sheets.find((s) => s.id === wb.activeId)?.name).toBe("分工表 (2)");
    const plan = await loaded(h);
    expect(plan.sheet).toBe("分工表 (2)");
  });

  test("uniqueSheetName", () => {
    expect(uniqueSheetName("分工表", ["Sheet1"])).toBe("分工表");
    expect(uniqueSheetName("分工表", ["分工表", "分工表 (2)"])).toBe("分工表 (3)");
  });

  test("a sheet too big for one response is read in row chunks, with the same plan", async () => {
    const { host, wb } = setup();
    const whole = await loaded(host);
    const big = createExcelHost({ run: wb.run, notesSupported: () => true, payloadLimit: 2000 });
    await big.load(); // learns the sheet and its size
    wb.syncs = 0;
    wb.responseBytes = [];
    const chunked = await loaded(big);
    expect(wb.syncs).toBeGreaterThan(2);
    expect(chunked.writes).toEqual(whole.writes);
    expect(chunked.highlights).toEqual(whole.highlights);
  });
});

describe("live mode", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("two subscribers at once get one change handler, not two", async () => {
    const { host, sheet } = setup();
    await loaded(host);
    host.subscribe!(jest.fn());
    host.subscribe!(jest.fn()); // while the first registration is still in flight
    await flush();
    await flush();
    expect(sheet.handlers.size).toBe(1);
  });

  for (const triggerSource of [true, false]) {
    test(`the add-in's own write does not recalculate again; a user edit does, once, after the debounce (${triggerSource ? "Excel says who changed it" : "older Excel without triggerSource"})`, async () => {
      const { host, wb } = setup({ debounceMs: 400 }, (w) => {
        w.reportsTriggerSource = triggerSource;
      });
      const plan = await loaded(host);
      const onChanged = jest.fn();
      const unsubscribe = host.subscribe!(onChanged);
      await flush();

      await host.apply(plan);
      await flush();
      jest.advanceTimersByTime(1000);
      expect(onChanged).not.toHaveBeenCalled();

      await host.undo();
      await flush();
      jest.advanceTimersByTime(1000);
      expect(onChanged).not.toHaveBeenCalled();

      jest.advanceTimersByTime(5000); // past the grace period of the add-in's writes
      const valueCell = plan.indicators[0].scores[0].valueCell!;
      wb.userEdit("分工表", valueCell, "2600万元");
      wb.userEdit("分工表", valueCell, "2700万元");
      jest.advanceTimersByTime(399);
      expect(onChanged).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(onChanged).toHaveBeenCalledTimes(1);

      unsubscribe();
      await flush();
      wb.userEdit("分工表", valueCell, "2800万元");
      jest.advanceTimersByTime(1000);
      expect(onChanged).toHaveBeenCalledTimes(1);
    });
  }
});
