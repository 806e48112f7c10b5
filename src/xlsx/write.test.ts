import ExcelJS from "exceljs";
import { HIGHLIGHT_FILL, NOTE_PREFIX } from "../model/highlight-style";
import type { CellWrite, Highlight, Plan } from "../model/types";
import { diffWorkbooks, noteText, reload } from "../../test/fixtures/xlsx/compare";
import { buildTemplate } from "./template";
import { applyPlan, PlanApplyError, writeWorkbook } from "./write";
import { readWorkbook } from "./read";
import type { XlsxDocument } from "../ooxml/document";

/** The file as the writer under test holds it (its package). */
async function open(bytes: Uint8Array): Promise<XlsxDocument> {
  return (await readWorkbook(bytes)).workbook;
}

/** The template, plus what real copies carry: a formula total, a user note, another sheet. */
async function original(): Promise<Uint8Array> {
  const wb = await buildTemplate();
  const ws = wb.getWorksheet("分工表")!;
  ws.getCell("K20").value = { formula: "SUM(K3:K19)", result: 73.95 };
  ws.getCell("I5").note = "请统计局核实";
  const other = wb.addWorksheet("说明");
  other.getCell("A1").value = "填表说明";
  other.getCell("B2").value = { formula: "分工表!G20", result: 52.64 };
  other.mergeCells("A4:C4");
  return writeWorkbook(wb); // ExcelJS writes the workbook it built
}

function write(cell: string, row: number, col: number, before: number, after: number, keepsFormula?: string): CellWrite {
  return { cell, row, col, before, after, reason: "按评分标准重算", reasonEn: "recalculated", ...(keepsFormula ? { keepsFormula } : {}) };
}

function highlight(cell: string, row: number, col: number, severity: Highlight["severity"], note: string): Highlight {
  return { cell, row, col, severity, note, noteEn: note };
}

function plan(writes: CellWrite[], highlights: Highlight[]): Plan {
  // applyPlan reads only sheet, writes and highlights
  return { sheet: "分工表", writes, highlights } as unknown as Plan;
}

const PLAN = () =>
  plan(
    [write("I5", 4, 8, 2.55, 2.56), write("K20", 19, 10, 73.95, 73.97, "SUM(K3:K19)")],
    [
      highlight("I5", 4, 8, "mismatch", "表中为 2.55，按评分标准应为 2.56"),
      highlight("K3", 2, 10, "unreachable", "2020年工作目标未填写，需达到 2560万元才能得 3.39 分"),
    ],
  );

describe("applyPlan writes the plan's cells and nothing else", () => {
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;
  let afterBytes: Uint8Array;

  beforeAll(async () => {
    const bytes = await original();
    before = await reload(bytes);
    const wb = await open(bytes);
    expect(applyPlan(wb, PLAN())).toEqual({ written: 2, highlighted: 2 });
    afterBytes = await writeWorkbook(wb);
    after = await reload(afterBytes);
  });

  test("only the written values, the fills and the notes differ", () => {
    const diffs = diffWorkbooks(before, after).map((d) => `${d.sheet}!${d.cell} ${d.aspect}`);
    expect(diffs.sort()).toEqual(
      ["分工表!I5 value", "分工表!I5 fill", "分工表!I5 note", "分工表!K20 value", "分工表!K3 fill", "分工表!K3 note"].sort(),
    );
  });

  test("a written cell keeps its number format; a formula cell keeps its formula", () => {
    const ws = after.getWorksheet("分工表")!;
    expect(ws.getCell("I5").value).toBe(2.56);
    expect(ws.getCell("I5").numFmt).toBe("0.00");
    expect(ws.getCell("K20").formula).toBe("SUM(K3:K19)");
    expect(ws.getCell("K20").result).toBe(73.97);
  });

  test("highlight colour by severity, and a note that says why after the user's own", () => {
    const ws = after.getWorksheet("分工表")!;
    const argb = (a1: string) => ((ws.getCell(a1).fill as ExcelJS.FillPattern).fgColor as { argb: string }).argb;
    expect(argb("K3")).toBe("FF" + HIGHLIGHT_FILL.unreachable.slice(1));
    expect(argb("I5")).toBe("FF" + HIGHLIGHT_FILL.mismatch.slice(1));
    const note = (a1: string) => noteText(ws.getCell(a1));
    expect(note("K3")).toBe(`${NOTE_PREFIX}2020年工作目标未填写，需达到 2560万元才能得 3.39 分`);
    expect(note("I5")).toBe(`请统计局核实\n\n${NOTE_PREFIX}表中为 2.55，按评分标准应为 2.56`);
  });

  test("cells that shared the highlighted cell's style keep theirs (ExcelJS shares style objects)", () => {
    const ws = after.getWorksheet("分工表")!;
    for (const a1 of ["I4", "I6", "K4", "G3"]) expect(ws.getCell(a1).fill).toEqual(before.getWorksheet("分工表")!.getCell(a1).fill);
  });

  test("applying again to the recalculated copy replaces our note instead of stacking it", async () => {
    const again = await open(afterBytes);
    applyPlan(again, plan([], [highlight("I5", 4, 8, "mismatch", "新的说明")]));
    const n = noteText((await reload(await writeWorkbook(again))).getWorksheet("分工表")!.getCell("I5"));
    expect(n).toBe(`请统计局核实\n\n${NOTE_PREFIX}新的说明`);
  });
});

test("a cell no longer flagged loses our earlier highlight and note, keeps the user's", async () => {
  const wb = await open(await original());
  applyPlan(wb, PLAN());
  const copy = await open(await writeWorkbook(wb));
  // the next plan flags only K3: I5 was fixed
  applyPlan(copy, plan([], [highlight("K3", 2, 10, "unreachable", "仍未填写")]));
  const out = await reload(await writeWorkbook(copy));
  const ws = out.getWorksheet("分工表")!;
  const fresh = (await reload(await original())).getWorksheet("分工表")!;
  expect(noteText(ws.getCell("I5"))).toBe("请统计局核实");
  expect(ws.getCell("I5").fill).toEqual(fresh.getCell("I5").fill);
  expect(noteText(ws.getCell("K3"))).toBe(`${NOTE_PREFIX}仍未填写`);
  // and when nothing is flagged any more, the cell is as it was before KJScore wrote to it
  const again = await open(await writeWorkbook(copy));
  applyPlan(again, plan([], []));
  const clean = (await reload(await writeWorkbook(again))).getWorksheet("分工表")!;
  expect(clean.getCell("K3").note).toBeUndefined();
  expect(clean.getCell("K3").fill).toEqual(fresh.getCell("K3").fill);
});

describe("a plan that does not fit is refused before any cell changes", () => {
  async function refused(p: Plan): Promise<string> {
    const bytes = await original();
    const wb = await open(bytes);
    let message = "";
    try {
      applyPlan(wb, p);
    } catch (e) {
      expect(e).toBeInstanceOf(PlanApplyError);
      message = (e as Error).message;
    }
    expect(Buffer.from(await writeWorkbook(wb)).equals(Buffer.from(bytes))).toBe(true);
    return message;
  }

  test("a write without a computed number (later in the list than a good one)", async () => {
    const p = plan([write("I5", 4, 8, 2.55, 2.56), write("K5", 4, 10, 6, NaN)], [highlight("I5", 4, 8, "mismatch", "x")]);
    expect(await refused(p)).toMatch(/^K5 没有算出的数值/);
  });

  test("a cell that changed since the plan was made", async () => {
    expect(await refused(plan([write("I5", 4, 8, 2.54, 2.56)], []))).toMatch(/^I5 的内容已变化（计划时为 2.54，现在是 2.55）/);
  });

  test("another sheet, or an address that does not match its row and column", async () => {
    expect(await refused({ ...plan([], []), sheet: "Sheet9" } as Plan)).toMatch(/找不到工作表“Sheet9”/);
    expect(await refused(plan([write("I5", 5, 8, 2.55, 2.56)], []))).toMatch(/地址不一致：I5/);
  });
});
