/**
 * 生成分享版 in Excel: the Office.js host's makePortable over the seed 分工表 (the template, read
 * through the xlsx adapter) on the fake Excel with batch semantics (test/excel-fake.ts). The fake
 * does not recalculate, so what Excel would show for a formula is computed here with the test's
 * formula evaluator, cell by cell, formulas referring to formulas included.
 */
import ExcelJS from "exceljs";
import { createExcelHost, type ExcelHostOptions } from "../src/excel/host";
import { ruleFor } from "../src/engine";
import { computePlan } from "../src/model";
import { NOTE_PREFIX } from "../src/model/highlight-style";
import type { Plan, WorkbookData } from "../src/model/types";
import { bandedFormula, makePortable, totalFormula } from "../src/portable";
import { buildTemplate } from "../src/xlsx/template";
import { workbookToData } from "../src/xlsx/read";
import { FakeWorkbook, type FakeSheet } from "./excel-fake";
import { evaluate, type FValue } from "./helpers/formula-eval";

let seed: WorkbookData;
beforeAll(async () => {
  seed = workbookToData(await buildTemplate());
});

/** a banded seed rule in 万元 and the seed row it comes from */
function firstBanded(plan: Plan) {
  const ind = plan.indicators.find((i) => i.ruleKind === "banded" && i.unit === "万元")!;
  return ind;
}

function setup(opts: Partial<ExcelHostOptions> = {}, configure?: (wb: FakeWorkbook) => void) {
  const wb = FakeWorkbook.from(seed);
  configure?.(wb);
  const host = createExcelHost({ run: wb.run, notesSupported: () => wb.notesApi, ...opts });
  return { wb, host, sheet: wb.sheet("分工表") };
}

async function loaded(host: ReturnType<typeof createExcelHost>): Promise<Plan> {
  const r = await host.load();
  if (!r.ok) throw new Error(`load failed: ${r.message}`);
  return r.plan;
}

/** What Excel shows in a cell after recalculating: formulas evaluated over the sheet. */
function shownValue(sheet: FakeSheet, ref: string): FValue {
  const c = sheet.at(ref);
  if (!c) return null;
  if (c.formula) return evaluate(c.formula, { cell: (r) => shownValue(sheet, r) });
  return c.v === "" ? null : (c.v as FValue);
}

/** Every sheet, as a user could see it. */
const snapshot = (wb: FakeWorkbook) => wb.sheets.map((s) => s.snapshot()).join("\n");

/** The .xlsx route over the same cells (no applyPlan: the Excel sheet is as the user left it). */
async function xlsxRoute(configure?: (wb: ExcelJS.Workbook) => void, convertValues = true) {
  const workbook = await buildTemplate();
  configure?.(workbook);
  const plan = computePlan(workbookToData(workbook));
  const report = makePortable(workbook, plan, { convertValues });
  return { workbook, report };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("生成分享版 in Excel (Office.js host)", () => {
  test("without converting values: formulas only where the value cell is a number (or blank), SUM totals, a note on every score kept as a value; 1 read + 1 write", async () => {
    const { wb, host, sheet } = setup();
    const plan = await loaded(host);
    wb.syncs = 0;
    wb.touched = [];
    const r = await host.makePortableReport({ convertValues: false });
    expect(wb.syncs).toBe(2);

    const { report } = r;
    // the seed's value cells are text with units: offered, not converted
    expect(report.offer).toMatch(/2489万元/);
    expect(report.changes.filter((c) => c.kind === "value-number")).toEqual([]);
    const scoreFormulas = report.changes.filter((c) => c.kind === "score-formula");
    const bandedCells = plan.indicators.filter((i) => i.ruleKind === "banded").flatMap((i) => i.scores);
    for (const c of scoreFormulas) {
      const sc = bandedCells.find((s) => s.cell === c.cell)!;
      const v = sheet.at(sc.valueCell!)?.v;
      expect([c.cell, v === undefined || v === "" || typeof v === "number"]).toEqual([c.cell, true]);
    }
    // most banded scores stay values, each with the reason as a note on the cell
    const keptText = report.kept.filter((k) => /得分保留为数值/.test(k.reason));
    expect(keptText.length).toBeGreaterThan(scoreFormulas.length);
    expect(scoreFormulas.length + keptText.length).toBe(bandedCells.length);
    for (const k of report.kept) {
      expect(sheet.notes.get(k.cell)?.content).toBe(`${NOTE_PREFIX}分享版：${k.reason}`);
      expect(sheet.at(k.cell)?.formula).toBeUndefined();
    }
    expect(sheet.notes.get(keptText[0].cell)?.content).toMatch(/是文字“.+”，普通公式无法读取；得分保留为数值/);
    expect(r).toMatchObject({ written: report.changes.length, noted: report.kept.length, notesSkipped: false, notesKept: 0 });

    // totals: SUM over the year's score cells
    const totals = report.changes.filter((c) => c.kind === "total-formula");
    expect(totals).toHaveLength(plan.totals.length);
    const formulaCells = new Set(scoreFormulas.map((c) => c.cell));
    plan.totals.forEach((t, i) => {
      expect(sheet.at(t.cell!)?.formula).toBe(totalFormula(plan.indicators.map((ind) => ind.scores[i].cell)));
      // what Excel computes: the formulas' scores plus the numbers that stay values — recalculated
      // ones (the wrong 2.55 kept as a value is written as 2.56), so the total is the plan's
      const sum = plan.indicators.reduce((s, ind) => {
        const sc = ind.scores[i];
        return s + (formulaCells.has(sc.cell) ? (sc.computed ?? sc.stated ?? 0) : (sc.computed ?? sc.stated ?? 0));
      }, 0);
      expect(shownValue(sheet, t.cell!) as number).toBeCloseTo(sum, 9);
      expect(shownValue(sheet, t.cell!) as number).toBeCloseTo(t.computed, 9);
    });
    // the scores the plan corrects that stay values carry the rule's number
    const corrected = report.changes.filter((c) => c.kind === "score-value").map((c) => [c.cell, c.before, c.after]);
    expect(corrected).toEqual([
      ["I5", "2.55", "2.56"],
      ["K6", "8.75", "8.77"],
      ["I7", "2.84", "2.83"],
    ]);

    // nothing outside the edit list is written; notes only on the kept cells
    const written = new Set(wb.touched.filter((t) => t.what !== "note").map((t) => `${t.sheet}!${t.cell}`));
    expect(written).toEqual(new Set(report.changes.map((c) => `${c.sheet}!${c.cell}`)));
    const noted = new Set(wb.touched.filter((t) => t.what === "note").map((t) => `${t.sheet}!${t.cell}`));
    expect(noted).toEqual(new Set(report.kept.map((k) => `${k.sheet}!${k.cell}`)));
  });

  test("converting values: text value cells become numbers shown as the same text, every banded score a formula that Excel computes to the engine's score, totals SUM", async () => {
    const { wb, host, sheet } = setup();
    const plan = await loaded(host);
    const f5 = firstBanded(plan).scores[0].valueCell!;
    expect(sheet.at(f5)?.v).toBe("2489万元");
    wb.syncs = 0;
    wb.touched = [];
    const { report } = await host.makePortableReport({ convertValues: true });
    expect(wb.syncs).toBe(2);
    expect(report.offer).toBeNull();

    expect(sheet.at(f5)).toMatchObject({ v: 2489, numFmt: '0"万元"' });
    const pct = report.changes.find((c) => c.kind === "value-number" && c.before === "0.35%")!;
    expect(sheet.at(pct.cell)).toMatchObject({ v: 0.0035, numFmt: "0.00%" });
    for (const c of report.changes.filter((x) => x.kind === "value-number")) {
      expect([c.cell, sheet.at(c.cell)?.v, sheet.at(c.cell)?.numFmt]).toEqual([c.cell, Number(c.after), c.numFmt]);
    }

    let formulas = 0;
    for (const ind of plan.indicators) {
      for (const sc of ind.scores) {
        const cell = sheet.at(sc.cell);
        if (ind.ruleKind !== "banded") {
          expect(cell?.formula).toBeUndefined(); // manual, counted, categorical stay values
          continue;
        }
        formulas++;
        expect(cell?.formula).toMatch(/^IF\(/);
        expect([sc.cell, shownValue(sheet, sc.cell)]).toEqual([sc.cell, sc.computed ?? sc.stated ?? ""]);
      }
    }
    expect(formulas).toBe(plan.indicators.filter((i) => i.ruleKind === "banded").length * 3);
    expect(report.kept.filter((k) => /得分保留为数值/.test(k.reason))).toEqual([]);
    for (const t of plan.totals) {
      expect(sheet.at(t.cell!)?.formula).toMatch(/^SUM\(/);
      expect(shownValue(sheet, t.cell!) as number).toBeCloseTo(t.computed, 9);
    }
    const written = new Set(wb.touched.filter((t) => t.what !== "note").map((t) => t.cell));
    expect(written).toEqual(new Set(report.changes.map((c) => c.cell)));
  });

  test("every formula and converted value written is exactly what src/portable writes into a .xlsx (one source of truth)", async () => {
    for (const convertValues of [false, true]) {
      const { host, sheet } = setup();
      await loaded(host);
      const { report } = await host.makePortableReport({ convertValues });
      const { workbook, report: fileReport } = await xlsxRoute(undefined, convertValues);
      const ws = workbook.getWorksheet("分工表")!;
      expect(report.changes.map((c) => [c.kind, c.cell, c.after, c.numFmt])).toEqual(
        fileReport.changes.map((c) => [c.kind, c.cell, c.after, c.numFmt]),
      );
      for (const c of report.changes) {
        const x = ws.getCell(c.cell);
        if (c.kind === "value-number") expect([c.cell, sheet.at(c.cell)?.v, sheet.at(c.cell)?.numFmt]).toEqual([c.cell, x.value, x.numFmt]);
        else expect([c.cell, sheet.at(c.cell)?.formula]).toEqual([c.cell, x.formula]);
      }
    }
  });

  test("undo restores every cell, number format and note exactly, in one sync (text values stay text)", async () => {
    for (const convertValues of [false, true]) {
      const { wb, host, sheet } = setup();
      const valueCell = firstBanded(await loaded(host)).scores[0].valueCell!;
      const pristine = snapshot(wb);
      await host.makePortable!({ convertValues });
      expect(host.canUndo()).toBe(true);
      expect(snapshot(wb)).not.toBe(pristine);
      wb.syncs = 0;
      await host.undo();
      expect(wb.syncs).toBe(1);
      expect(host.canUndo()).toBe(false);
      expect(snapshot(wb)).toBe(pristine);
      expect(sheet.at(valueCell)?.v).toBe("2489万元");
    }
  });

  test("after 应用 (highlights with notes): the add-in's own note gets the line added, a user's note stays; one more read for those notes; undo returns to the applied state", async () => {
    const { wb, host, sheet } = setup();
    const plan = await loaded(host);
    await host.apply(plan);
    const afterApply = snapshot(wb);
    // a user's own note on a score that will stay a value
    const kept = (await xlsxRoute(undefined, false)).report.kept.map((k) => k.cell);
    const highlighted = new Set(plan.highlights.map((h) => h.cell));
    const withOurs = kept.find((c) => highlighted.has(c) && sheet.notes.get(c)?.content.startsWith(NOTE_PREFIX));
    const userCell = kept.find((c) => !highlighted.has(c))!;
    expect(withOurs).toBeDefined();
    sheet.notes.set(userCell, { content: "财政局 5 月更新", visible: true, width: 200, height: 90 });
    const beforePortable = snapshot(wb);

    await loaded(host);
    wb.syncs = 0;
    const r = await host.makePortableReport({ convertValues: false });
    expect(wb.syncs).toBe(3);
    expect(r.notesKept).toBe(1);
    expect(sheet.notes.get(userCell)).toEqual({ content: "财政局 5 月更新", visible: true, width: 200, height: 90 });
    const note = sheet.notes.get(withOurs!)!.content;
    const reason = r.report.kept.find((k) => k.cell === withOurs)!.reason;
    expect(note.startsWith(NOTE_PREFIX)).toBe(true);
    expect(note.split("\n")).toEqual(expect.arrayContaining([`分享版：${reason}`]));
    expect(note.indexOf("分享版")).toBeGreaterThan(NOTE_PREFIX.length); // the highlight's text is still first
    // after 应用 the kept scores hold the plan's numbers: Excel's SUM shows the plan's totals
    for (const t of plan.totals) expect(shownValue(sheet, t.cell!) as number).toBeCloseTo(t.computed, 9);
    await host.undo();
    expect(snapshot(wb)).toBe(beforePortable);
    expect(afterApply).not.toBe(beforePortable);
  });

  test("a 分工表 too big for one response (read in row chunks): a user's note stays, the add-in's own gets the line added", async () => {
    const { host, sheet } = setup({ payloadLimit: 2000 });
    const plan = await loaded(host);
    await host.apply(plan);
    const kept = (await xlsxRoute(undefined, false)).report.kept.map((k) => k.cell);
    const highlighted = new Set(plan.highlights.map((h) => h.cell));
    const withOurs = kept.find((c) => highlighted.has(c) && sheet.notes.get(c)?.content.startsWith(NOTE_PREFIX))!;
    const userCell = kept.find((c) => !highlighted.has(c))!;
    sheet.notes.set(userCell, { content: "财政局 5 月更新", visible: true, width: 200, height: 90 });
    await loaded(host); // learns the sheet's size: the next read is chunked
    const r = await host.makePortableReport({ convertValues: false });
    expect(r.notesKept).toBe(1);
    expect(sheet.notes.get(userCell)?.content).toBe("财政局 5 月更新");
    const reason = r.report.kept.find((k) => k.cell === withOurs)!.reason;
    expect(sheet.notes.get(withOurs)!.content.split("\n")).toEqual(expect.arrayContaining([`分享版：${reason}`]));
  });

  test("a =KJSCORE(F3,D3) cell on another sheet becomes the plain formula the .xlsx route writes, computing the same score", async () => {
    const { host, wb } = setup({}, (w) => {
      w.addSheet("汇总", []);
    });
    const plan = await loaded(host);
    const ind = firstBanded(plan);
    const other = wb.sheet("汇总");
    other.set(2, 3, { v: ind.ruleText }); // D3
    other.set(2, 5, { v: 2489 }); // F3
    other.set(2, 6, { v: 0, formula: "KJSCORE(F3,D3)" }); // G3
    wb.syncs = 0;
    const { report } = await host.makePortableReport({ convertValues: false });
    expect(wb.syncs).toBe(2); // the other sheet is read in the same sync (known from the first load)
    const g3 = other.at("G3")!;
    expect(g3.formula).not.toMatch(/KJ/);
    expect(g3.formula).toBe(bandedFormula(ruleFor(ind.ruleText), "F3", { percent: false, blank: null }));
    expect(shownValue(other, "G3")).toBe(ind.scores[0].computed);
    expect(report.changes.find((c) => c.sheet === "汇总")).toMatchObject({
      kind: "custom-function",
      cell: "G3",
      before: "=KJSCORE(F3,D3)",
    });

    // the .xlsx route writes the same text
    const { workbook } = await xlsxRoute((book) => {
      const s = book.addWorksheet("汇总");
      s.getCell("D3").value = ind.ruleText;
      s.getCell("F3").value = 2489;
      s.getCell("G3").value = { formula: "KJSCORE(F3,D3)", result: 0 } as ExcelJS.CellFormulaValue;
    }, false);
    expect(workbook.getWorksheet("汇总")!.getCell("G3").formula).toBe(g3.formula);

    await host.undo();
    expect(other.at("G3")?.formula).toBe("KJSCORE(F3,D3)");
  });

  test("a sheet added after the last load is read too (one more read sync)", async () => {
    const { host, wb } = setup();
    const plan = await loaded(host);
    const ind = firstBanded(plan);
    const added = wb.addSheet("新表", []);
    added.set(0, 0, { v: 0, formula: `KJMAX(分工表!${ind.ruleCell})` });
    wb.syncs = 0;
    await host.makePortable!({ convertValues: false });
    expect(wb.syncs).toBe(3);
    expect(added.at("A1")).toMatchObject({ v: ind.max });
    expect(added.at("A1")?.formula).toBeUndefined();
  });

  test("without worksheet notes (before ExcelApi 1.18) it writes the cells, no notes, and says so", async () => {
    const { host, wb } = setup({}, (w) => {
      w.notesApi = false;
    });
    await loaded(host);
    wb.touched = [];
    const r = await host.makePortableReport({ convertValues: false });
    expect(r.report.kept.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ notesSkipped: true, noted: 0 });
    expect(wb.touched.some((t) => t.what === "note")).toBe(false);
    expect(wb.touched.filter((t) => t.what === "formula").length).toBeGreaterThan(0);
  });

  test("a cell edited between the read and the write: every change is taken back, and it says which cell", async () => {
    let edit: (() => void) | null = null;
    const { host, wb, sheet } = setup({
      run: (batch) =>
        wb.run(async (ctx) => {
          const sync = ctx.sync.bind(ctx);
          (ctx as { sync: () => Promise<void> }).sync = async () => {
            await sync();
            const e = edit;
            edit = null;
            e?.(); // right after the read: someone types into a value cell
          };
          return batch(ctx);
        }),
    });
    const valueCell = firstBanded(await loaded(host)).scores[0].valueCell!;
    edit = () => wb.userEdit("分工表", valueCell, "2600万元");
    await expect(host.makePortable!({ convertValues: true })).rejects.toThrow(new RegExp(`分工表!${valueCell}.*已撤回`));
    expect(sheet.at(valueCell)?.v).toBe("2600万元");
    expect([...sheet.cells.values()].some((c) => c.formula)).toBe(false);
    expect(sheet.notes.size).toBe(0);
    expect(host.canUndo()).toBe(false);
  });

  test("before the 分工表 is found it says so in Chinese and writes nothing", async () => {
    const { host, wb } = setup();
    const before = snapshot(wb);
    await expect(host.makePortable!({ convertValues: true })).rejects.toThrow(/请先重新计算/);
    expect(snapshot(wb)).toBe(before);
  });
});

describe("生成分享版 and live mode", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  for (const triggerSource of [true, false]) {
    test(`its own writes (and their undo) start no recalculation (${triggerSource ? "Excel says who changed it" : "older Excel without triggerSource"})`, async () => {
      const { host, wb } = setup({ debounceMs: 400 }, (w) => {
        w.reportsTriggerSource = triggerSource;
      });
      const plan = await loaded(host);
      const onChanged = jest.fn();
      const unsubscribe = host.subscribe!(onChanged);
      await flush();

      await host.makePortable!({ convertValues: true });
      await flush();
      jest.advanceTimersByTime(1000);
      expect(onChanged).not.toHaveBeenCalled();

      await host.undo();
      await flush();
      jest.advanceTimersByTime(1000);
      expect(onChanged).not.toHaveBeenCalled();

      // a user's edit still does
      jest.advanceTimersByTime(5000);
      wb.userEdit("分工表", firstBanded(plan).scores[0].valueCell!, "2600万元");
      jest.advanceTimersByTime(400);
      expect(onChanged).toHaveBeenCalledTimes(1);
      unsubscribe();
    });
  }
});
