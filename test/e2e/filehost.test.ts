/**
 * The task pane in a real browser over a local workbook (dist/filehost.html), end to end:
 * what a user sees, clicks, downloads — in headless Chromium, with nothing leaving the machine.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { computePlan } from "../../src/model";
import { HIGHLIGHT_FILL } from "../../src/model/highlight-style";
import type { Plan } from "../../src/model/types";
import { seedWorkbookData } from "../../src/sample/workbook-data";
import { buildTemplateBuffer, readWorkbook } from "../../src/xlsx";
import { ARTIFACTS, describeInBrowser, pageErrors, startHarness, type Harness } from "./setup";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The engine's own view of the sample, to check the page against (no results typed in here). */
const enginePlan: Plan = computePlan(seedWorkbookData());
const byName = (p: Plan) => new Map(p.indicators.flatMap((ind) => ind.scores.map((s) => [`${ind.name}|${s.column}`, s] as const)));

async function totals(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "合计得分" });
  await list.waitFor();
  return (await list.getByRole("listitem").allInnerTexts()).map((s) => s.replace(/\s+/g, " ").trim());
}

/** Where a preview cell is: selected, focused, inside its scroll box and the window. */
async function cellOnScreen(page: Page, cell: string) {
  return page.evaluate((a1) => {
    const el = document.querySelector<HTMLElement>(`[data-cell="${a1}"]`);
    const box = el?.closest<HTMLElement>(".fh-sheet-scroll");
    if (!el || !box) return null;
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const inside = (o: { left: number; right: number; top: number; bottom: number }) =>
      r.left >= o.left - 1 && r.right <= o.right + 1 && r.top >= o.top - 1 && r.bottom <= o.bottom + 1;
    return {
      selected: el.getAttribute("aria-current") === "true",
      focused: document.activeElement === el,
      inBox: inside(b),
      inWindow: inside({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }),
      boxScrolledSideways: box.scrollLeft > 0,
      fill: getComputedStyle(el).backgroundColor,
      marker: el.querySelector("svg") !== null,
      text: el.innerText.replace(/\s+/g, " ").trim(),
    };
  }, cell);
}

/** The first highlight of a group in the pane's 提示 tab, and the cell it names. */
async function firstHighlight(page: Page, group: string) {
  await page.getByRole("tab", { name: /提示/ }).click();
  const button = page.getByTestId(`group-${group}`).getByRole("button").first();
  const cell = /([A-Z]+\d+)$/.exec((await button.getAttribute("title")) ?? "")?.[1] ?? "";
  return { button, cell };
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

async function noHorizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const el = document.scrollingElement as HTMLElement;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
}

describeInBrowser("browser page over a local .xlsx (headless Chromium)", () => {
  let h: Harness;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-dl-"));

  beforeAll(async () => {
    h = await startHarness();
  }, 600_000);

  afterAll(async () => {
    await h?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  test("opens with the built-in sample scored: totals and grades, in Chinese — without loading the .xlsx reader", async () => {
    const before = h.requests.length;
    const page = await h.open();
    const rows = await totals(page);
    // one script for the first view; ExcelJS and the engine come later, when a file is opened
    expect(h.requests.slice(before).filter((u) => u.endsWith(".js"))).toEqual([
      expect.stringMatching(/\/filehost\/filehost\.[0-9a-f]{8}\.js$/),
    ]);
    expect(rows).toHaveLength(3);
    enginePlan.totals.forEach((t, i) => {
      expect(rows[i]).toContain(t.computed.toFixed(2));
      expect(rows[i]).toContain(`${t.grade}级`);
    });
    // the seed's figures, as the province reads them
    expect(rows[0]).toMatch(/2018年.*52\.64.*C级/);
    expect(rows[1]).toMatch(/2019年预测.*61\.33.*B级/);
    expect(rows[2]).toMatch(/2020年目标.*73\.97.*B级/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await expect(page.title()).resolves.toBe("科创评分 · 本地文件");
    await expect(page.getByTestId("file-name").innerText()).resolves.toContain("示例分工表");
    await page.screenshot({ path: path.join(ARTIFACTS, "filehost-summary-450.png"), fullPage: true });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test("提示 lists the three score mismatches and the unreachable 2020 target with the value it needs", async () => {
    const page = await h.open();
    await page.getByRole("tab", { name: /提示/ }).click();
    const mismatches = page.getByTestId("group-mismatch");
    await mismatches.waitFor();
    const mm = (await mismatches.getByRole("listitem").allInnerTexts()).join("\n");
    expect(await mismatches.getByRole("listitem").count()).toBe(3);
    for (const w of enginePlan.writes.filter((x) => enginePlan.totals.every((t) => t.cell !== x.cell))) {
      expect(mm).toContain(w.after.toFixed(2));
    }
    for (const v of ["2.56", "2.83", "8.77"]) expect(mm).toContain(v);

    const unreachable = (await page.getByTestId("group-unreachable").innerText()).replace(/\s+/g, " ");
    expect(unreachable).toMatch(/地方财政科技支出.*2020年目标/);
    expect(unreachable).toContain("2540");
    expect(unreachable).toMatch(/[\u4e00-\u9fff]{4}/); // the reasons are Chinese
    await page.screenshot({ path: path.join(ARTIFACTS, "filehost-highlights-450.png"), fullPage: true });
    await page.close();
  });

  test("应用 writes the changes; 下载 saves the recalculated workbook, which reads back with the engine's scores", async () => {
    const page = await h.open();
    await page.getByRole("tab", { name: /变更/ }).click();
    const changes = page.getByRole("list", { name: "变更" });
    await expect(changes.getByRole("listitem").count()).resolves.toBe(enginePlan.writes.length);
    await page.getByRole("button", { name: "应用", exact: true }).click();
    await page.getByText(`已写入 ${enginePlan.writes.length} 个单元格`).waitFor();
    await page.getByText("所有得分都与规则一致").waitFor();
    await expect(page.getByRole("button", { name: "撤销" }).isEnabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "filehost-applied-450.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载" }).click()]);
    expect(download.suggestedFilename()).toBe("示例分工表-科创评分.xlsx");
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);

    const { workbook, data } = await readWorkbook(fs.readFileSync(file));
    const saved = computePlan(data);
    expect(saved.writes).toEqual([]); // every score in the file is the rule's
    expect(saved.totals.map((t) => [t.stated, t.grade])).toEqual(enginePlan.totals.map((t) => [t.computed, t.grade]));
    const want = byName(enginePlan);
    const got = byName(saved);
    expect(got.size).toBe(want.size);
    for (const [key, s] of want) {
      const cell = got.get(key)!;
      const expected = s.computed ?? s.stated; // judged and counted-range scores stay as entered
      expect([key, cell.stated]).toEqual([key, expected]);
    }
    // the highlights went in too: the unreachable target's cell carries the note
    const unreachable = enginePlan.highlights.find((x) => x.severity === "unreachable")!;
    const ws = workbook.getWorksheet(saved.sheet)!;
    const noteCell = saved.highlights.find((x) => x.severity === "unreachable" && x.note === unreachable.note)!;
    expect(JSON.stringify(ws.getCell(noteCell.cell).note)).toContain("【科创评分】");
    await page.close();
  });

  test("a corrupt file and a workbook without a 分工表 each get a clear Chinese message", async () => {
    const page = await h.open();
    const input = page.getByTestId("file-input");
    await input.setInputFiles({ name: "损坏的表.xlsx", mimeType: XLSX_MIME, buffer: Buffer.from("PK\u0003\u0004 这不是完整的工作簿") });
    await page.getByText("读取失败").waitFor();
    const err = await page.getByRole("main").innerText();
    expect(err).toContain("“损坏的表.xlsx”");
    expect(err).toContain("不是有效的 .xlsx 文件");
    await expect(page.getByTestId("file-name").innerText()).resolves.toContain("损坏的表.xlsx");
    await page.screenshot({ path: path.join(ARTIFACTS, "filehost-corrupt-450.png"), fullPage: true });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("预算").addRows([
      ["项目", "金额"],
      ["差旅", 1200],
    ]);
    await input.setInputFiles({ name: "预算.xlsx", mimeType: XLSX_MIME, buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.getByRole("heading", { name: "没有找到分工表" }).waitFor();
    const looked = await page.getByTestId("looked-for").innerText();
    expect(looked).toContain("评分标准");
    await page.screenshot({ path: path.join(ARTIFACTS, "filehost-no-table-450.png"), fullPage: true });

    // the way back: the sample, from the no-table view
    await page.getByRole("button", { name: "插入示例分工表" }).click();
    expect((await totals(page))[0]).toContain("52.64");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test("a workbook dropped on the page opens and is scored", async () => {
    const page = await h.open();
    await totals(page);
    const b64 = Buffer.from(await buildTemplateBuffer()).toString("base64");
    await page.evaluate(
      async ({ b64, mime }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], "霸州市分工表.xlsx", { type: mime }));
        for (const type of ["dragenter", "dragover", "drop"]) {
          document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        }
      },
      { b64, mime: XLSX_MIME },
    );
    await page.getByTestId("file-name").getByText("霸州市分工表.xlsx").waitFor();
    await page.getByText("工作簿：霸州市分工表.xlsx").waitFor();
    const rows = await totals(page);
    expect(rows[2]).toContain(enginePlan.totals[2].computed.toFixed(2));
    await page.close();
  });

  test("keyboard: Tab reaches 打开文件 and the tabs, arrows switch tabs, Space on 应用 applies", async () => {
    const page = await h.open();
    await totals(page);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { role: el?.getAttribute("role") ?? el?.tagName.toLowerCase() ?? "", text: (el?.innerText ?? "").trim() };
      });
    const seen: string[] = [];
    let onTab = false;
    for (let i = 0; i < 20 && !onTab; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      seen.push(f.text);
      onTab = f.role === "tab";
    }
    expect(seen).toContain("打开文件");
    expect(onTab).toBe(true);
    for (let i = 0; i < 6 && !/^变更/.test((await focused()).text); i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("tab", { name: /变更/ }).getAttribute("aria-selected")).resolves.toBe("true");
    let onApply = false;
    for (let i = 0; i < 30 && !onApply; i++) {
      await page.keyboard.press("Tab");
      onApply = (await focused()).text === "应用";
    }
    expect(onApply).toBe(true);
    await page.keyboard.press("Space");
    await page.getByText("已写入").waitFor();
    await page.close();
  });

  test("screen readers: the main controls have names and roles", async () => {
    const page = await h.open();
    await totals(page);
    await expect(page.getByRole("button", { name: "打开文件" }).count()).resolves.toBe(1);
    await expect(page.getByRole("tablist", { name: "视图" }).count()).resolves.toBe(1);
    for (const name of [/总览/, /提示/, /变更/, /指标/]) await expect(page.getByRole("tab", { name }).count()).resolves.toBe(1);
    await expect(page.getByRole("tabpanel").count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { name: "合计得分" }).count()).resolves.toBe(1);
    await expect(page.getByRole("img").count()).resolves.toBeGreaterThan(0); // the charts, each with a title
    for (const img of await page.getByRole("img").all()) {
      expect(
        (await img.evaluate((el) => (el.getAttribute("aria-labelledby") ?? "") + (el.getAttribute("aria-label") ?? ""))).length,
      ).toBeGreaterThan(0);
    }
    await page.getByRole("tab", { name: /变更/ }).click();
    for (const name of ["应用", "撤销", "下载"]) await expect(page.getByRole("button", { name, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole("main").count()).resolves.toBe(1);
    await expect(page.getByRole("banner").count()).resolves.toBe(1);
    await page.close();
  });

  test("English when asked (?lang=en)", async () => {
    const page = await h.open("?lang=en");
    await page.getByRole("list", { name: "Total score" }).waitFor();
    await expect(page.getByRole("button", { name: "Open file" }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.close();
  });

  test("提示: clicking a highlight shows its cell in the sheet preview — selected, focused, in view; 返回列表 goes back", async () => {
    const before = h.requests.length;
    const page = await h.open();
    await totals(page);
    // closed at first, and its code not loaded: the first view is the pane alone
    const toggle = page.getByRole("button", { name: /查看工作表/ });
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    expect(h.requests.slice(before).filter((u) => /\/sheet\./.test(u))).toEqual([]);

    const { button, cell } = await firstHighlight(page, "unreachable");
    const hl = enginePlan.highlights.find((x) => x.cell === cell);
    expect(hl?.severity).toBe("unreachable");
    await button.click();
    await page.getByTestId("sheet-status").getByText(`已定位到 ${cell}`).waitFor();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    const at = await cellOnScreen(page, cell);
    expect(at).toMatchObject({
      selected: true,
      focused: true,
      inBox: true,
      inWindow: true,
      fill: rgb(HIGHLIGHT_FILL.unreachable),
      marker: true,
    });
    // colour is not the only signal: the status line names the kind and says why
    await expect(page.getByTestId("sheet-status").innerText()).resolves.toContain("目标无法达成");
    await page.screenshot({ path: path.join(ARTIFACTS, "filehost-sheet-selected-450.png") });

    // the cells 应用 would write show old → new
    for (const w of enginePlan.writes) {
      const shown = (await cellOnScreen(page, w.cell))!.text;
      expect(shown).toContain(`${w.before} → `);
      expect(shown).toContain(w.after.toFixed(2));
    }
    // the table's frame: column letters, row numbers, the 合计得分 row
    const scroll = page.getByRole("region", { name: /工作表“分工表”/ });
    await expect(scroll.getByRole("columnheader", { name: "K", exact: true }).count()).resolves.toBe(1);
    await expect(scroll.getByRole("rowheader", { name: String(enginePlan.layout.totalRow! + 1), exact: true }).count()).resolves.toBe(1);
    await expect(scroll.getByRole("cell", { name: "合计得分" }).count()).resolves.toBe(1);

    await page.getByRole("button", { name: "返回列表" }).click();
    await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  for (const width of [320, 450]) {
    test(`at ${width} px nothing overflows sideways, on every tab and with the sheet preview open`, async () => {
      const page = await h.open("", width);
      await totals(page);
      for (const tab of ["总览", "提示", "变更", "指标"]) {
        await page.getByRole("tab", { name: new RegExp(tab) }).click();
        await page.getByRole("tab", { name: new RegExp(tab), selected: true }).waitFor();
        const m = await noHorizontalOverflow(page);
        expect({ tab, ...m, overflows: m.scrollWidth > m.clientWidth }).toMatchObject({ tab, overflows: false });
        await page.screenshot({ path: path.join(ARTIFACTS, `filehost-${tab}-${width}.png`), fullPage: true });
      }
      // a score mismatch far right in the sheet: the preview's own box scrolls sideways, the page does not
      const { button, cell } = await firstHighlight(page, "mismatch");
      await button.click();
      await page.getByTestId("sheet-status").getByText(`已定位到 ${cell}`).waitFor();
      expect(await cellOnScreen(page, cell)).toMatchObject({
        selected: true,
        focused: true,
        inBox: true,
        inWindow: true,
        fill: rgb(HIGHLIGHT_FILL.mismatch),
      });
      const m = await noHorizontalOverflow(page);
      expect({ preview: true, ...m, overflows: m.scrollWidth > m.clientWidth }).toMatchObject({ overflows: false });
      await page.screenshot({ path: path.join(ARTIFACTS, `filehost-sheet-${width}.png`) });
      await page.close();
    });
  }

  // last: everything above ran in this browser
  test("nothing left the machine: every request went to the page's own origin", () => {
    expect(h.requests.length).toBeGreaterThan(0);
    const foreign = h.requests.filter((u) => {
      if (u.startsWith("data:")) return false;
      return new URL(u.startsWith("blob:") ? u.slice(5) : u).origin !== h.origin;
    });
    expect(foreign).toEqual([]);
  });
});
