/**
 * The WPS host (src/wps/) on the fake ET object model (test/wps-fake.ts): the same plan as the
 * other hosts, whole-range reads, one write pass with screen updating off, only plan cells written,
 * undo that leaves later edits alone, highlights that give the user's fills and notes back exactly.
 */
import { computePlan } from "../src/model";
import { NOTE_PREFIX } from "../src/model/highlight-style";
import { seedWorkbookData } from "../src/sample/workbook-data";
import type { Plan } from "../src/model/types";
import { bgr } from "../src/wps/look";
import { createWpsHost } from "../src/wps/host";
import { readSheet } from "../src/wps/read";
import { portableEdits } from "../src/portable/edits";
import { FakeApp, FakeSheet, NO_FILL, fakeFromData } from "./wps-fake";

function setup(opts: Parameters<typeof seedWorkbookData>[0] = {}) {
  const data = seedWorkbookData(opts);
  const app = fakeFromData(data);
  const host = createWpsHost({ app: () => app, wps: () => app.wps(), debounceMs: 5 });
  return { app, host, data, sheet: app.book!.sheets.find((s) => s.Name === (opts.sheetName ?? "分工表")) as FakeSheet };
}

async function loaded(host: ReturnType<typeof createWpsHost>): Promise<Plan> {
  const r = await host.load();
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

/** Every cell of a sheet as [address, value, formula, format, fill, note], for before/after comparisons. */
function snapshot(sheet: FakeSheet) {
  return new Map([...sheet.cells].map(([k, c]) => [k, JSON.stringify(c)]));
}

function changedKeys(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter(
    (k) =>
      a.get(k) !== b.get(k) &&
      !(
        a.get(k) === undefined &&
        JSON.parse(b.get(k)!).value === null &&
        !JSON.parse(b.get(k)!).fill &&
        JSON.parse(b.get(k)!).comment === null
      ),
  );
}

const address = (k: string) => {
  const [r, c] = k.split(",").map(Number);
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r}`;
};

describe("WPS host: reading", () => {
  test("the sample read through ET gives the same plan as the other hosts: totals 52.64 / 61.33 / 73.97, three mismatches, 2560万元", async () => {
    const { host, data } = setup();
    const plan = await loaded(host);
    const reference = computePlan(data);
    expect(plan.totals.map((t) => [t.column, t.computed, t.grade])).toEqual([
      ["2018", 52.64, "C"],
      ["2019", 61.33, "B"],
      ["2020", 73.97, "B"],
    ]);
    expect(plan.writes).toEqual(reference.writes);
    expect(plan.highlights).toEqual(reference.highlights);
    expect(plan.indicators[0].requiredValue).toBe(reference.indicators[0].requiredValue);
  });

  test("a 分工表 that does not start at A1, on a renamed sheet behind a cover sheet, is found", async () => {
    const data = seedWorkbookData({ sheetName: "2020年监测", titleRows: 3 });
    data.sheets.unshift({ name: "封面", cells: [[{ v: "某县科技创新能力监测" }]], merges: [] });
    const app = fakeFromData(data);
    const host = createWpsHost({ app: () => app });
    const plan = await loaded(host);
    expect(plan.sheet).toBe("2020年监测");
    expect(plan.totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
  });

  test("General spelled 'G/通用格式' and a percent format reach the model as Excel's names (0.0035 shown as 0.35% is 0.35)", async () => {
    const { host, sheet } = setup();
    const plan0 = await loaded(host);
    const ind = plan0.indicators.find((i) => i.unit === "%")!;
    const s = ind.scores[0];
    const p = /^([A-Z]+)(\d+)$/.exec(s.valueCell!)!;
    sheet.put(s.valueCell!, (s.value ?? 0) / 100, "0.00%");
    const plan = await loaded(host);
    const again = plan.indicators.find((i) => i.row === ind.row)!.scores[0];
    expect(p).toBeTruthy();
    expect(again.value).toBeCloseTo(s.value ?? 0, 10);
    expect(again.computed).toBe(s.computed);
  });

  test("reads whole ranges: 1,000 rows cost calls in proportion to rows + columns, not to cells", async () => {
    const count = async (extra: number) => {
      const data = seedWorkbookData();
      const sheet = data.sheets[0];
      for (let i = 0; i < extra; i++) sheet.cells.push([{ v: `备注 ${i}` }, ...Array.from({ length: 12 }, (_, c) => ({ v: c }))]);
      const app = fakeFromData(data);
      const host = createWpsHost({ app: () => app });
      app.resetLog();
      await loaded(host);
      return app.log;
    };
    const small = await count(0);
    const big = await count(1000);
    // 1,000 more rows of 13 cells: far fewer than one call per cell
    expect(big.calls - small.calls).toBeLessThan(1000 * 13);
    expect(big.cellReads - small.cellReads).toBeLessThan(1000 * 2);
  });
});

describe("WPS host: 应用 and 撤销", () => {
  test("应用 writes exactly the plan's cells, with screen updating off, and says how many", async () => {
    const { app, host, sheet } = setup();
    const plan = await loaded(host);
    const before = snapshot(sheet);
    app.resetLog();
    const r = await host.apply(plan);
    expect(app.log.writesWhileUpdating).toBe(0);
    expect(app.ScreenUpdating).toBe(true);
    expect(r.written).toBe(plan.writes.filter((w) => w.keepsFormula === undefined).length);
    const changed = changedKeys(before, snapshot(sheet)).map(address).sort();
    const allowed = new Set([...plan.writes.map((w) => w.cell), ...plan.highlights.map((h) => h.cell)]);
    expect(changed.filter((a) => !allowed.has(a))).toEqual([]);
    for (const w of plan.writes) expect(sheet.cellAt(w.row + 1, w.col + 1)!.value).toBe(w.after);
    // each highlighted cell: our colour and a note starting with the add-in's prefix
    for (const h of plan.highlights) {
      const cell = sheet.cellAt(h.row + 1, h.col + 1)!;
      expect(cell.fill?.pattern).toBe(1);
      expect(cell.comment?.includes(NOTE_PREFIX)).toBe(true);
    }
    // reading it again: nothing left to write
    expect((await loaded(host)).writes).toEqual([]);
  });

  test("a cell edited after the plan was read stops 应用 before anything is written", async () => {
    const { host, sheet } = setup();
    const plan = await loaded(host);
    const w = plan.writes[0];
    sheet.put(w.cell, 1.23);
    const before = snapshot(sheet);
    await expect(host.apply(plan)).rejects.toThrow(`${w.cell} 的内容在读取后已变化`);
    expect(snapshot(sheet)).toEqual(before);
  });

  test("撤销 restores values, fills and notes exactly, and leaves a cell the user edited since alone", async () => {
    const { host, sheet } = setup();
    const plan = await loaded(host);
    const before = snapshot(sheet);
    await host.apply(plan);
    expect(host.canUndo()).toBe(true);
    const edited = plan.writes[1];
    sheet.cellAt(edited.row + 1, edited.col + 1)!.value = 4.44; // the user's own later edit
    const r = await host.undoReport();
    expect(r.leftAlone).toEqual([`分工表!${edited.cell}`]);
    expect(host.canUndo()).toBe(false);
    const after = snapshot(sheet);
    const diff = changedKeys(before, after).map(address);
    expect(diff).toEqual([edited.cell]);
    expect(sheet.cellAt(edited.row + 1, edited.col + 1)!.value).toBe(4.44);
  });
});

describe("WPS host: highlights give back what was there", () => {
  test("no fill stays no fill, white stays white, a patterned fill keeps its colours, a gradient is never painted over", async () => {
    const { host, sheet } = setup();
    const plan = await loaded(host);
    const cells = [...new Map(plan.highlights.map((h) => [h.cell, h])).values()];
    expect(cells.length).toBeGreaterThanOrEqual(4);
    const [a, b, c, d] = cells.map((h) => sheet.cellAt(h.row + 1, h.col + 1, true)!);
    a.fill = null;
    b.fill = { pattern: 1, color: 16777215, patternColor: 0, tintAndShade: 0 };
    c.fill = { pattern: 17, color: bgr("#00B050"), patternColor: bgr("#FF0000"), tintAndShade: -0.25 };
    d.fill = { pattern: 4000, color: 16777215, patternColor: 0, tintAndShade: 0 };
    const looks = [a, b, c, d].map((x) => JSON.stringify(x.fill));
    await host.apply(plan);
    expect(a.fill).not.toBeNull();
    expect(JSON.stringify(d.fill)).toBe(looks[3]);
    await host.clearHighlights();
    expect([a, b, c, d].map((x) => JSON.stringify(x.fill))).toEqual(looks);
    expect(a.fill).toBeNull();
  });

  test("a highlighted cell's own note keeps its text, gets the 【科创评分】 line after it, and 清除标注 gives it back exactly; notes elsewhere are not touched", async () => {
    const { host, sheet } = setup();
    const plan = await loaded(host);
    const h = plan.highlights[0];
    const target = sheet.cellAt(h.row + 1, h.col + 1, true)!;
    target.comment = "局领导：此项请财政局10月底前核实";
    const other = sheet.cellAt(1, 1, true)!;
    other.comment = "标题批注";
    await host.apply(plan);
    expect(target.comment!.startsWith("局领导：此项请财政局10月底前核实\n\n" + NOTE_PREFIX)).toBe(true);
    expect(other.comment).toBe("标题批注");
    await host.clearHighlights();
    expect(target.comment).toBe("局领导：此项请财政局10月底前核实");
    expect(other.comment).toBe("标题批注");
  });

  test("清除标注 in a new session (the pane was reopened) removes the add-in's notes and fills, keeping the user's part", async () => {
    const { app, sheet } = setup();
    const first = createWpsHost({ app: () => app });
    const plan = await loaded(first);
    const h = plan.highlights[0];
    sheet.cellAt(h.row + 1, h.col + 1, true)!.comment = "用户批注";
    await first.apply(plan);
    const second = createWpsHost({ app: () => app });
    await loaded(second);
    await second.clearHighlights();
    for (const x of plan.highlights) {
      const cell = sheet.cellAt(x.row + 1, x.col + 1)!;
      expect(cell.fill).toBeNull();
      expect(cell.comment).toBe(x === h ? "用户批注" : null);
    }
  });
});

describe("WPS host: 分享版, live mode, sample", () => {
  test("生成分享版 writes exactly the edits the model decides (plain formulas; a =KJ.KJSCORE() cell elsewhere too); 撤销 puts every cell back", async () => {
    const { app, host, sheet } = setup();
    const plan = await loaded(host);
    const calc = app.book!.addSheet("测算");
    const banded = plan.indicators.find((i) => i.ruleKind === "banded")!;
    calc.put("A1", `=KJ.KJSCORE('分工表'!${banded.scores[2].valueCell},'分工表'!${banded.ruleCell})`);
    calc.cellAt(1, 1)!.value = banded.scores[2].computed;
    const expected = portableEdits({ sheets: app.book!.sheets.map(readSheet) }, plan, { convertValues: true }).edits;
    expect(expected.some((e) => e.sheet === "测算")).toBe(true);
    const before = snapshot(sheet);
    const beforeCalc = snapshot(calc);
    await host.makePortable!({ convertValues: true });
    for (const e of expected) {
      const s = app.book!.sheets.find((x) => x.Name === e.sheet)!;
      const cell = s.Range(e.cell) as unknown as { r1: number; c1: number };
      const fc = s.cellAt(cell.r1, cell.c1)!;
      if ("formula" in e) expect(fc.formula).toBe("=" + e.formula);
      else {
        expect(fc.value).toBe(e.value);
        if (e.numFmt) expect(fc.numberFormat).toBe(e.numFmt);
      }
    }
    expect(calc.cellAt(1, 1)!.formula).not.toMatch(/KJSCORE/i);
    await host.undo();
    expect(snapshot(sheet)).toEqual(before);
    expect(snapshot(calc)).toEqual(beforeCalc);
  });

  test("live mode: a user's edit calls back once after the debounce; the add-in's own writes do not", async () => {
    const { app, host, sheet } = setup();
    const plan = await loaded(host);
    let calls = 0;
    const off = host.subscribe!(() => calls++);
    await host.apply(plan);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(0);
    sheet.Range("E5").Value2 = "3000万元";
    sheet.Range("E6").Value2 = "3100万元";
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(1);
    off();
    expect(app.listenerCount("SheetChange")).toBe(0);
  });

  test("插入示例分工表 adds a sheet that scores like the sample", async () => {
    const app = new FakeApp();
    app.book!.addSheet("Sheet1");
    const host = createWpsHost({ app: () => app });
    const none = await host.load();
    expect(none.ok).toBe(false);
    await host.insertSample();
    expect(app.book!.sheets).toHaveLength(2);
    const plan = await loaded(host);
    expect(plan.totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
  });

  test("selecting a flag's cell activates the 分工表 and selects that cell", async () => {
    const { app, host } = setup();
    await loaded(host);
    await host.selectCell("F7");
    expect(app.selection).toBe("分工表!F7");
  });
});

test("no fill is told from white by ColorIndex, as WPS reports both as Color 16777215", () => {
  const app = new FakeApp();
  const s = app.book!.addSheet("S");
  const r = s.Range("A1");
  expect(r.Interior.Color).toBe(16777215);
  expect(r.Interior.ColorIndex).toBe(NO_FILL);
});

test("a cell that is no longer flagged when 应用 runs again gets its own fill and note back", async () => {
  const { host, sheet } = setup();
  const plan = await loaded(host);
  const mismatch = plan.highlights.find((h) => h.severity === "mismatch")!;
  const cell = sheet.cellAt(mismatch.row + 1, mismatch.col + 1, true)!;
  cell.comment = "填报人：待核";
  await host.apply(plan);
  expect(cell.comment).toContain(NOTE_PREFIX);
  // 应用 wrote the rule's score, so the next plan no longer flags that score cell
  const next = await loaded(host);
  expect(next.highlights.some((h) => h.cell === mismatch.cell)).toBe(false);
  await host.apply(next);
  expect(cell.comment).toBe("填报人：待核");
  expect(cell.fill).toBeNull();
});
