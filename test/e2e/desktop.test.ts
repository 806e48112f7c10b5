/**
 * The page on the screens county offices have: a 1366×768 laptop and a 1920×1080 monitor, where the
 * sheet is the main view with the pane docked beside it, and a 350 px window, where it is the pane
 * alone as before. Headless Chromium; screenshots in test-artifacts/.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { computePlan } from "../../src/model";
import { seedWorkbookData } from "../../src/sample/workbook-data";
import { ARTIFACTS, describeInBrowser, pageErrors, startHarness, type Harness } from "./setup";

const plan = computePlan(seedWorkbookData());

type Box = { x: number; y: number; width: number; height: number };
const box = async (page: Page, selector: string): Promise<Box> =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);

async function openAt(h: Harness, width: number, height: number): Promise<Page> {
  const page = await h.open("", width);
  await page.setViewportSize({ width, height });
  await page.getByRole("list", { name: "合计得分" }).waitFor();
  return page;
}

const overflow = (page: Page) =>
  page.evaluate(() => {
    const el = document.scrollingElement as HTMLElement;
    return { sideways: el.scrollWidth > el.clientWidth, down: el.scrollHeight > el.clientHeight };
  });

describeInBrowser("the page on desktop screens and narrow windows (headless Chromium)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 600_000);
  afterAll(async () => {
    await h?.close();
  });

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    test(`${width}×${height}: the sheet fills the window's height on the left, the pane is docked on the right, the page itself does not scroll`, async () => {
      const page = await openAt(h, width, height);
      const grid = page.getByRole("grid");
      await grid.waitFor();
      // no 查看工作表 toggle: the sheet is simply there
      await expect(page.getByRole("button", { name: /查看工作表/ }).count()).resolves.toBe(0);
      const sheet = await box(page, ".fh-sheet-scroll");
      const pane = await box(page, "#side");
      expect(sheet.x + sheet.width).toBeLessThanOrEqual(pane.x + 1); // side by side
      expect(Math.abs(pane.width - 360)).toBeLessThanOrEqual(2);
      expect(sheet.width).toBeGreaterThan(width - 360 - 60);
      expect(sheet.y + sheet.height).toBeGreaterThan(height - 24); // down to the bottom
      expect(Math.abs(pane.y - sheet.y)).toBeLessThan(200); // both under the bar
      expect(await overflow(page)).toEqual({ sideways: false, down: false });
      await page.screenshot({ path: path.join(ARTIFACTS, `desktop-${width}x${height}.png`) });
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  }

  test("1366×768: the header rows and the 一级/二级指标 columns stay in view when the sheet scrolls", async () => {
    const page = await openAt(h, 1366, 768);
    await page.getByRole("grid").waitFor();
    const header = plan.layout.headerRows[0];
    const nameCol = plan.layout.columns.name!;
    const headerCell = `${String.fromCharCode(65 + nameCol)}${header + 1}`; // 二级指标's header
    const before = await box(page, `[data-cell="${headerCell}"]`);
    const scrolled = await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>(".fh-sheet-scroll")!;
      s.scrollTop = s.scrollHeight;
      s.scrollLeft = s.scrollWidth;
      return { top: s.scrollTop, left: s.scrollLeft };
    });
    expect(scrolled.top).toBeGreaterThan(100);
    expect(scrolled.left).toBeGreaterThan(0); // the sheet is wider than its box at 1366
    // the header cell stays, right under the column letters (the title row above it scrolled away)
    const letters = await box(page, ".fh-grid thead th");
    const after = await box(page, `[data-cell="${headerCell}"]`);
    expect(Math.abs(after.y - (letters.y + letters.height))).toBeLessThanOrEqual(1);
    expect(after.x).toBe(before.x);
    expect(before.y).toBeGreaterThan(after.y); // it did start lower, below the title
    // a name cell of the last indicator sits just right of the row numbers and the 一级指标
    const last = plan.indicators[plan.indicators.length - 1];
    const lastName = await box(page, `[data-cell="${String.fromCharCode(65 + nameCol)}${last.row}"]`);
    const region = await box(page, ".fh-sheet-scroll");
    expect(lastName.x).toBeGreaterThanOrEqual(region.x);
    expect(lastName.x).toBeLessThan(region.x + 300);
    // its column letter stays above it
    const letter = await page.evaluate(
      (n) => {
        const th = [...document.querySelectorAll<HTMLElement>(".fh-grid thead th")].find((x) => x.innerText.trim() === n)!;
        return th.getBoundingClientRect().x;
      },
      String.fromCharCode(65 + nameCol),
    );
    expect(Math.abs(letter - lastName.x)).toBeLessThanOrEqual(1);
    // and the cell at the visible top-left of the body is not drawn over the frozen header
    const covered = await page.evaluate((a1) => {
      const cell = document.querySelector<HTMLElement>(`[data-cell="${a1}"]`)!;
      const r = cell.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return top?.closest("[data-cell]")?.getAttribute("data-cell");
    }, headerCell);
    expect(covered).toBe(headerCell);
    await page.screenshot({ path: path.join(ARTIFACTS, "desktop-1366-scrolled.png") });
    await page.close();
  });

  test("1366×768: a flag in 提示 selects its cell in the sheet; a cell picked in the sheet shows its indicator beside it", async () => {
    const page = await openAt(h, 1366, 768);
    await page.getByRole("grid").waitFor();
    await page.getByRole("tab", { name: /提示/ }).click();
    const mismatch = plan.indicators.find((i) => i.flags.some((f) => f.code === "score-mismatch"))!;
    const flag = mismatch.flags.find((f) => f.code === "score-mismatch")!;
    await page.getByTestId("group-mismatch").getByRole("button").first().click();
    await page.getByTestId("sheet-status").getByText(`已定位到 ${flag.cell}`).waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-cell"))).resolves.toBe(flag.cell);
    const card = page.getByTestId("indicator-card");
    await expect(card.innerText()).resolves.toContain(mismatch.name);
    // the card is docked in the pane's column, above the pane
    const c = await box(page, '[data-testid="indicator-card"]');
    const side = await box(page, "#side");
    expect(c.x).toBeGreaterThanOrEqual(side.x - 1);

    // the keyboard: the grid is one tab stop; arrows move, and the card follows the row
    await page.keyboard.press("ArrowDown");
    const below = await page.evaluate(() => document.activeElement?.getAttribute("data-cell"));
    const row = Number(/\d+$/.exec(below!)![0]);
    const next = plan.indicators.find((i) => i.row === row)!;
    await expect(card.innerText()).resolves.toContain(next.name);
    // a rule's full text: on hover (title) and in the card, though the cell shows three lines
    const ruleCell = `${String.fromCharCode(65 + plan.layout.columns.rule!)}${row}`;
    await expect(page.locator(`[data-cell="${ruleCell}"]`).getAttribute("title")).resolves.toBe(next.ruleText.replace(/\s+$/, ""));
    await expect(card.innerText()).resolves.toContain(next.ruleText.split("\n").pop()!.trim());
    // Tab leaves the grid
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.closest('[role="grid"]') === null)).resolves.toBe(true);

    // a click on a cell selects it
    await page.locator(`[data-cell="B${plan.indicators[0].row}"]`).click();
    await expect(card.innerText()).resolves.toContain(plan.indicators[0].name);
    // the window itself never scrolled (the bar stays at the top)
    expect(await overflow(page)).toEqual({ sideways: false, down: false });
    await page.screenshot({ path: path.join(ARTIFACTS, "desktop-1366-selected.png") });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test("1366×768: cells 应用 would change show old → new; after 应用 the cells it changed show ✓ old → new", async () => {
    const page = await openAt(h, 1366, 768);
    await page.getByRole("grid").waitFor();
    const w = plan.writes[0];
    await expect(page.locator(`[data-cell="${w.cell}"]`).innerText()).resolves.toMatch(
      new RegExp(`${w.before}\\s*→[\\s\\S]*${w.after.toFixed(2)}`),
    );
    await page.getByRole("tab", { name: /变更/ }).click();
    await page.getByRole("button", { name: "应用", exact: true }).click();
    await page.getByText(`已写入 ${plan.writes.length} 个单元格`).waitFor();
    const done = page.locator(`[data-cell="${w.cell}"]`);
    await expect(done.innerText()).resolves.toMatch(new RegExp(`✓[\\s\\S]*${w.before}\\s*→\\s*${w.after.toFixed(2)}`));
    await expect(done.getAttribute("class")).resolves.toContain("fh-done");
    await page.screenshot({ path: path.join(ARTIFACTS, "desktop-1366-applied.png") });
    await page.close();
  });

  test("1366×768 with no sheet to show (a file that cannot be read): the pane alone, centred, not beside an empty column", async () => {
    const page = await openAt(h, 1366, 768);
    await page.getByRole("grid").waitFor();
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "坏文件.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004 不完整") });
    await page.getByText("读取失败").waitFor();
    await expect(page.getByRole("grid").count()).resolves.toBe(0);
    const side = await box(page, "#side");
    expect(Math.abs(side.x + side.width / 2 - 683)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: path.join(ARTIFACTS, "desktop-1366-no-sheet.png") });
    await page.close();
  });

  test("350 px: today's layout — the pane first, the sheet a closed section below, nothing sideways", async () => {
    const page = await openAt(h, 350, 800);
    await expect(page.getByRole("grid").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: /查看工作表/ }).getAttribute("aria-expanded")).resolves.toBe("false");
    const pane = await box(page, "#pane");
    expect(pane.width).toBeLessThanOrEqual(350);
    expect((await overflow(page)).sideways).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, "desktop-350.png"), fullPage: true });
    await page.getByRole("button", { name: /查看工作表/ }).click();
    await page.getByRole("grid").waitFor();
    expect((await overflow(page)).sideways).toBe(false);
    await page.close();
  });
});
