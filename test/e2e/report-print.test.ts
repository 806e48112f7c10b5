/**
 * The 得分分析报告 as the page prints it, in headless Chromium: page.pdf() (print media, A4) of the
 * page after 打印报告 — and of the page untouched, as Ctrl-P prints it — is exactly one A4 page with
 * the totals, the corrections, the path to the next grade and the departments, and none of the UI.
 * The PDF's text is read with pdftotext and its pages counted with pdfinfo (poppler-utils).
 * Also 图表存为 PNG: the charts come down as PNG images.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS, describeInBrowser, pageErrors, startHarness, type Harness } from "./setup";

const POPPLER_APT = "poppler-utils";

function popplerAvailable(): boolean {
  const ok = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).error === undefined;
  if (ok) return true;
  const msg = `pdftotext/pdfinfo are not installed: install the apt package ${POPPLER_APT} to check the printed report`;
  if (process.env.CI === "true") throw new Error(msg);
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${msg}`);
  return false;
}

const A4_POINTS = [595, 842]; // 210 × 297 mm at 72 pt/in, as pdfinfo rounds them

async function printed(page: Page, name: string): Promise<{ pages: number; size: number[]; text: string }> {
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: file, format: "A4", preferCSSPageSize: true, printBackground: true });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = (/^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? []).slice(1).map((x) => Math.round(Number(x)));
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  // a picture of the page, to look at (test-artifacts/NAME-1.png)
  spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", file, path.join(ARTIFACTS, name)]);
  return { pages, size, text };
}

function expectTheReport(text: string) {
  const flat = text.replace(/[ \t]+/g, " ");
  expect(flat).toContain("科技创新能力监测评价得分分析报告");
  // each year's total and grade
  expect(flat).toMatch(/2018.*52\.64 C/);
  expect(flat).toMatch(/2019.*61\.33 B/);
  expect(flat).toMatch(/2020.*73\.97 B/);
  // the corrections: cell, old → new
  expect(flat).toMatch(/I5 2\.55 → 2\.56/);
  expect(flat).toMatch(/K6 8\.75 → 8\.77/);
  expect(flat).toMatch(/K20 73\.95 → 73\.97/);
  // the path to the next grade
  expect(flat).toContain("按建议，2020年合计 80.06 分（A级）");
  // the departments
  for (const d of [
    "市财政局",
    "市统计局",
    "市科工局",
    "市行政审批局",
    "市发改局",
    "市市场监管局",
    "农业农村局",
    "市科技创新工作领导小组",
  ]) {
    expect(flat).toContain(d);
  }
  // and no UI: no tabs, no buttons
  for (const ui of ["打印报告", "打开文件", "应用", "按责任单位 ", "变更"]) expect(flat).not.toContain(ui);
}

describeInBrowser("the printed 得分分析报告 (headless Chromium)", () => {
  let h: Harness;
  let poppler = false;

  beforeAll(async () => {
    poppler = popplerAvailable();
    h = await startHarness();
  }, 600_000);

  afterAll(async () => {
    await h?.close();
  });

  test("打印报告 prints exactly the report, on one A4 page", async () => {
    const page = await h.open("", 1366);
    await page.getByRole("list", { name: "合计得分" }).waitFor();
    // the print dialog itself cannot be driven headless: count the calls, then print as Chromium does
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole("button", { name: "打印报告" }).click();
    await page.waitForSelector("body > .kj-print-report [data-testid=print-report]", { state: "attached" });
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // on screen the report stays out of sight
    expect(await page.locator(".kj-print-report").isVisible()).toBe(false);
    if (!poppler) return;
    const pdf = await printed(page, "report-button");
    expect(pdf.pages).toBe(1);
    expect(pdf.size).toEqual(A4_POINTS);
    expectTheReport(pdf.text);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  }, 120_000);

  test("Ctrl-P on the untouched page prints the same report", async () => {
    const page = await h.open("", 1366);
    await page.getByRole("list", { name: "合计得分" }).waitFor();
    // the report chunk is fetched at the first sign of a user (here: the mouse moves), not with the first view
    expect(await page.evaluate(() => performance.getEntriesByType("resource").some((e) => /report\.[^/]*\.js/.test(e.name)))).toBe(false);
    await page.mouse.move(100, 100);
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /report\.[^/]*\.js/.test(e.name)));
    expect(await page.locator(".kj-print-report").count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    expect(await page.locator("body > .kj-print-report").count()).toBe(1);
    if (poppler) {
      const pdf = await printed(page, "report-ctrl-p");
      expect(pdf.pages).toBe(1);
      expectTheReport(pdf.text);
    }
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await page.waitForSelector(".kj-print-report", { state: "detached" });
    await page.close();
  }, 120_000);

  test("升级分析 and 按责任单位 open from their tabs and fit a 350 px pane", async () => {
    const page = await h.open("", 350);
    await page.getByRole("list", { name: "合计得分" }).waitFor();
    await page.getByRole("tab", { name: "升级分析" }).click();
    await page.getByTestId("suggestion-total").waitFor();
    expect(await page.getByTestId("suggestion-total").innerText()).toBe("按建议，2020年合计 80.06 分（A级）");
    const overflow = () => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-upgrade-350.png"), fullPage: false });
    await page.getByRole("tab", { name: "按责任单位" }).click();
    await page.getByTestId("dept-市财政局").waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-departments-350.png"), fullPage: false });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  }, 60_000);

  test("图表存为 PNG downloads each chart as a PNG image", async () => {
    const page = await h.open("", 1366);
    await page.getByRole("list", { name: "合计得分" }).waitFor();
    const downloads: { name: string; bytes: Buffer }[] = [];
    page.on("download", async (d) => {
      const p = await d.path();
      downloads.push({ name: d.suggestedFilename(), bytes: fs.readFileSync(p!) });
    });
    await page.getByRole("button", { name: "图表存为 PNG" }).click();
    for (let i = 0; i < 150 && downloads.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(downloads).toHaveLength(2);
    for (const d of downloads) {
      expect(d.name).toMatch(/\.png$/);
      expect(d.bytes.subarray(1, 4).toString()).toBe("PNG");
      const [w, hgt] = [d.bytes.readUInt32BE(16), d.bytes.readUInt32BE(20)];
      expect(w).toBe(900); // the 300-unit viewBox at 3×
      expect(hgt).toBeGreaterThan(100);
      fs.writeFileSync(path.join(ARTIFACTS, `chart-${downloads.indexOf(d) + 1}.png`), d.bytes);
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
