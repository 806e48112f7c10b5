import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import * as xlsx from "../xlsx";
import { computePlan } from "../model";
import type { LoadResult } from "../host/types";
import type { Plan } from "../model/types";
import { NOTE_PREFIX } from "../model/highlight-style";
import { createFileHost, outputName, type XlsxModule } from "./host";
import { pageLanguage } from "./language";
import { buildTemplate } from "../xlsx/template";
import { workbookToData } from "../xlsx/exceljs-data";

/** The saved bytes as ExcelJS reads them (a reader that is not the writer under test). */
async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function counted() {
  const calls = { n: 0 };
  const loadXlsx = async (): Promise<XlsxModule> => {
    calls.n++;
    return xlsx;
  };
  return { calls, loadXlsx };
}

function planOf(r: LoadResult): Plan {
  if (!r.ok) throw new Error(`expected a plan, got ${r.reason}: ${r.message}`);
  return r.plan;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The score/total cells a user sees in a saved workbook, by address. */
async function scoresIn(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const { data } = await xlsx.readWorkbook(bytes);
  const plan = computePlan(data);
  const ws = (await excel(bytes)).getWorksheet(plan.sheet)!;
  const out: Record<string, unknown> = {};
  for (const ind of plan.indicators) for (const s of ind.scores) out[s.cell] = ws.getCell(s.cell).value;
  for (const t of plan.totals) if (t.cell) out[t.cell] = ws.getCell(t.cell).value;
  return out;
}

describe("file host", () => {
  test("shows the built-in sample's totals and grades without loading the .xlsx reader", async () => {
    const { calls, loadXlsx } = counted();
    const host = createFileHost({ loadXlsx });
    const r = await host.load();
    const plan = planOf(r);
    expect(r.ok && r.source).toBe("示例分工表");
    expect(plan.totals.map((t) => [t.column, t.computed, t.grade])).toEqual([
      ["2018", 52.64, "C"],
      ["2019", 61.33, "B"],
      ["2020", 73.97, "B"],
    ]);
    expect(calls.n).toBe(0);
    expect(host.canUndo()).toBe(false);
  });

  test("应用 on the sample writes the recalculated scores; 撤销 brings the printed ones back", async () => {
    const { calls, loadXlsx } = counted();
    const host = createFileHost({ loadXlsx });
    const first = planOf(await host.load());
    expect(first.writes.map((w) => w.after)).toEqual([2.56, 8.77, 2.83, 73.97]);

    const summary = await host.apply(first);
    expect(calls.n).toBeGreaterThan(0);
    expect(summary.written).toBe(4);
    expect(summary.highlighted).toBeGreaterThan(0);
    expect(host.canUndo()).toBe(true);
    const after = planOf(await host.load());
    expect(after.writes).toEqual([]);
    const ws = (await excel(host.workbook()!.bytes)).getWorksheet(after.sheet)!;
    for (const w of first.writes.slice(0, 3)) expect(ws.getCell(w.cell).value).toBe(w.after);

    await host.undo();
    expect(host.canUndo()).toBe(false);
    const undone = planOf(await host.load());
    expect(undone.writes.map((w) => [w.before, w.after])).toEqual(first.writes.map((w) => [w.before, w.after]));
    const ws2 = (await excel(host.workbook()!.bytes)).getWorksheet(undone.sheet)!;
    expect(ws2.getCell("I5").value).toBe(2.55);
    expect(ws2.getCell("I5").note).toBeUndefined();
  });

  test("清除标注 gives highlighted cells back their own fill and note, keeping the new scores", async () => {
    const template = await buildTemplate();
    const ws = template.getWorksheet("分工表")!;
    const plan0 = computePlan(workbookToData(template));
    const h = plan0.highlights[0];
    const cell = ws.getCell(h.cell);
    cell.note = "财政局 4 月报";
    cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } } };
    const host = createFileHost();
    await host.open("县分工表.xlsx", await bytesOf(template));
    const plan = planOf(await host.load());
    await host.apply(plan);
    const c = (await excel(host.workbook()!.bytes)).getWorksheet("分工表")!.getCell(h.cell);
    expect(String(c.note && typeof c.note === "object" ? c.note.texts?.map((x) => x.text).join("") : c.note)).toContain(NOTE_PREFIX);

    await host.clearHighlights();
    const c2 = (await excel(host.workbook()!.bytes)).getWorksheet("分工表")!.getCell(h.cell);
    expect(c2.note).toBe("财政局 4 月报");
    expect((c2.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF00B050");
    const other = plan.highlights.find((x) => x.cell !== h.cell)!;
    expect((await excel(host.workbook()!.bytes)).getWorksheet("分工表")!.getCell(other.cell).note).toBeUndefined();
    // scores stay recalculated
    expect(planOf(await host.load()).writes).toEqual([]);
  });

  test("清除标注 on a workbook XlsxWriter wrote gives the notes parts back byte for byte, and each cell its own style", async () => {
    const fs = await import("fs");
    const path = await import("path");
    const { readZip } = await import("../ooxml/zip");
    const input = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../test/fixtures/corpus/xw-notes.xlsx")));
    const host = createFileHost();
    await host.open("县.xlsx", input);
    const plan = planOf(await host.load());
    await host.apply(plan);
    const applied = readZip(host.workbook()!.bytes);
    expect(applied.text("xl/comments1.xml")).toContain(NOTE_PREFIX);
    await host.clearHighlights();
    const before = readZip(input);
    const after = readZip(host.workbook()!.bytes);
    for (const part of ["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "[Content_Types].xml", "xl/worksheets/_rels/sheet1.xml.rels"]) {
      expect([part, after.text(part)]).toEqual([part, before.text(part)]);
    }
    const styleOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml)?.[1];
    const sheetBefore = before.text("xl/worksheets/sheet1.xml")!;
    const sheetAfter = after.text("xl/worksheets/sheet1.xml")!;
    for (const h of plan.highlights) expect([h.cell, styleOf(sheetAfter, h.cell)]).toEqual([h.cell, styleOf(sheetBefore, h.cell)]);
    // the scores stay written
    expect(planOf(await host.load()).writes).toEqual([]);
    // and 下载 now saves them without the highlights: the notes parts are the user's own
    const saved: Uint8Array[] = [];
    const host2 = createFileHost({ save: (bytes) => void saved.push(bytes) });
    await host2.open("县.xlsx", input);
    await host2.apply(planOf(await host2.load()));
    await host2.clearHighlights();
    await host2.download!();
    const downloaded = readZip(saved[0]);
    expect(downloaded.text("xl/comments1.xml")).toBe(before.text("xl/comments1.xml"));
    expect(downloaded.text("xl/styles.xml")).toBe(after.text("xl/styles.xml"));
  });

  test("下载 saves the recalculated workbook as <name>-科创评分.xlsx, applied or not", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = createFileHost({ save: (bytes, name) => saved.push({ name, bytes }) });
    const template = await buildTemplate();
    const expected = computePlan(workbookToData(template));
    await host.open("霸州市分工表.xlsx", await bytesOf(template));
    await host.download!();
    expect(saved[0].name).toBe("霸州市分工表-科创评分.xlsx");
    const got = await scoresIn(saved[0].bytes);
    for (const w of expected.writes) expect(got[w.cell]).toBe(w.after);
    const reread = computePlan((await xlsx.readWorkbook(saved[0].bytes)).data);
    expect(reread.writes).toEqual([]);
    expect(reread.totals.map((t) => t.stated)).toEqual([52.64, 61.33, 73.97]);
    // downloading did not touch the open workbook: 应用 still has the four changes to make
    expect(planOf(await host.load()).writes).toHaveLength(4);

    const sampleHost = createFileHost({ save: (bytes, name) => saved.push({ name, bytes }) });
    await sampleHost.download!();
    expect(saved[1].name).toBe("示例分工表-科创评分.xlsx");
    expect(computePlan((await xlsx.readWorkbook(saved[1].bytes)).data).writes).toEqual([]);
  });

  test("a flat OpenDocument .fods opens as its .xlsx copy; 下载 saves <name>-科创评分.xlsx with the new scores", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = createFileHost({ save: (bytes, name) => saved.push({ name, bytes }) });
    const fods = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../test/fixtures/legacy/lo-sample.fods")));
    await host.open("霸州市分工表.fods", fods);
    expect(planOf(await host.load()).totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
    await host.download!();
    expect(saved[0].name).toBe("霸州市分工表-科创评分.xlsx");
    const back = await xlsx.readWorkbook(saved[0].bytes);
    expect(back.data.sheets.map((s) => s.name)).toEqual(["分工表", "转换说明"]);
    expect(computePlan(back.data).totals.map((t) => t.stated)).toEqual([52.64, 61.33, 73.97]);
  });

  test("a corrupt file shows a Chinese error naming the file, and the sample can be opened again", async () => {
    const host = createFileHost();
    let changes = 0;
    host.subscribe!(() => changes++);
    await host.open("损坏.xlsx", new TextEncoder().encode("这不是工作簿"));
    const r = await host.load();
    expect(r).toMatchObject({ ok: false, reason: "error" });
    expect(!r.ok && r.message).toMatch(/“损坏\.xlsx”：不是有效的 \.xlsx 文件/);
    expect(changes).toBe(1);
    await expect(host.apply({} as Plan)).rejects.toThrow(/不是有效的/);

    await host.insertSample();
    expect(planOf(await host.load()).totals).toHaveLength(3);
    expect(changes).toBe(2);
  });

  test("a workbook without a 分工表 says which headers were looked for", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("预算").addRow(["项目", "金额"]);
    const host = createFileHost();
    await host.open("预算.xlsx", await bytesOf(wb));
    const r = await host.load();
    expect(r).toMatchObject({ ok: false, reason: "no-table" });
    expect(!r.ok && r.reason === "no-table" && r.lookedFor.join(" ")).toMatch(/评分标准/);
  });

  test("a plan computed for another table is refused and nothing is written", async () => {
    const host = createFileHost();
    const other = computePlan(workbookToData(await buildTemplate()));
    other.writes[0] = { ...other.writes[0], after: 9.99 };
    await expect(host.apply(other)).rejects.toThrow(/工作簿已变化/);
    expect(host.canUndo()).toBe(false);
  });

  test("分享版 (values converted) downloads <name>-分享版.xlsx with banded scores and totals as formulas", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = createFileHost({ save: (bytes, name) => saved.push({ name, bytes }) });
    await host.makePortable!({ convertValues: true });
    expect(saved[0].name).toBe("示例分工表-分享版.xlsx");
    const { data } = await xlsx.readWorkbook(saved[0].bytes);
    const workbook = await excel(saved[0].bytes);
    const first = computePlan(data).indicators[0]; // 地方财政科技支出, a banded rule
    expect(first.name).toMatch(/地方财政科技支出/);
    const cell = workbook.getWorksheet("分工表")!.getCell(first.scores[0].cell);
    expect(cell.formula).toMatch(/^IF\(/);
    expect(cell.result).toBe(3.37);
    expect(workbook.getWorksheet("分工表")!.getCell(computePlan(data).totals[0].cell!).formula).toMatch(/^SUM\(/);
  });

  test("selectCell hands the preview the cell, once the pane shows a plan", async () => {
    const revealed: string[] = [];
    const sheets: (string | null)[] = [];
    const { calls, loadXlsx } = counted();
    const host = createFileHost({
      loadXlsx,
      revealCell: (a) => void revealed.push(a),
      onSheet: (s) => sheets.push(s ? `${s.name}|${s.plan.sheet}|${s.plan.highlights.length}` : null),
    });
    await expect(host.selectCell("K5")).rejects.toThrow("还没有打开工作簿"); // nothing loaded yet
    const plan = planOf(await host.load());
    expect(sheets).toEqual([`示例分工表|分工表|${plan.highlights.length}`]);
    expect(host.sheet()?.plan).toBe(plan);
    const target = plan.highlights[0].cell;
    await host.selectCell(target.toLowerCase());
    await host.selectCell("$C$1");
    expect(revealed).toEqual([target, "C1"]);
    await expect(host.selectCell("第五行")).rejects.toThrow("“第五行”不是单元格地址");
    expect(revealed).toHaveLength(2);
    expect(calls.n).toBe(0); // the sample's preview needs no ExcelJS

    // a broken file: the pane shows an error, the preview nothing, and there is no cell to select
    await host.open("损坏.xlsx", new TextEncoder().encode("x"));
    await host.load();
    expect(sheets[sheets.length - 1]).toBeNull();
    await expect(host.selectCell(target)).rejects.toThrow("还没有打开工作簿");
  });

  test("names and language", () => {
    expect(outputName("县分工表.XLSX", "科创评分")).toBe("县分工表-科创评分.xlsx");
    expect(outputName("a.b.xlsx", "分享版")).toBe("a.b-分享版.xlsx");
    expect(outputName("宏.xlsm", "科创评分", true)).toBe("宏-科创评分.xlsm");
    expect(pageLanguage("", "zh-CN")).toBe("zh");
    expect(pageLanguage("", "en-US")).toBe("en");
    expect(pageLanguage("?lang=en", "zh-CN")).toBe("en");
    expect(pageLanguage("?lang=zh", "en-GB")).toBe("zh");
    expect(pageLanguage("", "fr-FR")).toBe("zh");
  });
});

describe("file host over a workbook with two 分工表", () => {
  const fixture = () =>
    new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "test", "fixtures", "two-tables", "two-sheets.xlsx")));

  test("binds the first, lists both, and load({sheet}) binds the other; 应用 and 下载 write that one", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = createFileHost({ save: (bytes, name) => saved.push({ name, bytes }) });
    await host.open("两张表.xlsx", fixture());
    const first = planOf(await host.load());
    expect(first.sheet).toBe("分工表");
    expect(first.tables?.map((t) => t.sheet)).toEqual(["分工表", "分工表2021"]);
    expect(first.tableNotice?.message).toContain("另有：工作表“分工表2021”第 2 行起");

    const second = planOf(await host.load({ sheet: "分工表2021", row: 2 }));
    expect(second.sheet).toBe("分工表2021");
    expect(second.bound).toBe(1);
    const r = await host.apply(second);
    expect(r.written).toBe(2); // 6.5 → 6.8 and its total
    await host.download!();
    const { data } = await xlsx.readWorkbook(saved[0].bytes);
    const sheet2021 = data.sheets.find((s) => s.name === "分工表2021")!;
    expect(sheet2021.cells[4][7]?.v).toBe(6.8);
    const sheet2020 = data.sheets.find((s) => s.name === "分工表")!;
    expect(sheet2020.cells[2][7]?.v).toBe(3.37);
  });

  test("a choice the workbook does not have scores its first table", async () => {
    const host = createFileHost({});
    await host.open("两张表.xlsx", fixture());
    expect(planOf(await host.load({ sheet: "没有这张表" })).sheet).toBe("分工表");
  });
});

describe("legacy files in the page", () => {
  test("an .xls (made by LibreOffice) opens as its .xlsx copy, is scored, and 下载 saves an .xlsx with the 转换说明 sheet", async () => {
    const fs = await import("fs");
    const path = await import("path");
    const { readZip } = await import("../ooxml/zip");
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = createFileHost({ save: (bytes, name) => void saved.push({ name, bytes }) });
    await host.open("县分工表.xls", new Uint8Array(fs.readFileSync(path.join(__dirname, "../../test/fixtures/corpus/legacy-all.xls"))));
    const plan = planOf(await host.load());
    expect(plan.totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
    await host.download!();
    expect(saved[0].name).toBe("县分工表-科创评分.xlsx");
    expect(readZip(saved[0].bytes).text("xl/workbook.xml")).toContain("转换说明");
    expect(computePlan((await xlsx.readWorkbook(saved[0].bytes)).data).writes).toEqual([]);
  });
});
