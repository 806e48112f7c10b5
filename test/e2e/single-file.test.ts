/**
 * dist/kjscore.html, the page in one file, as a county office uses it: copied to a machine with no
 * Node.js and no network and opened by double-click (file://). Headless Chromium with every request
 * that is not the file itself aborted, and a log of all of them: nothing may be asked for.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import * as tools from "../../scripts/filehost";
import { computePlan } from "../../src/model";
import type { Plan } from "../../src/model/types";
import { seedWorkbookData } from "../../src/sample/workbook-data";
import { readWorkbook } from "../../src/xlsx";
import { ARTIFACTS, describeInBrowser, pageErrors } from "./setup";

const FIXTURE = path.join(__dirname, "..", "fixtures", "page", "县分工表-openpyxl.xlsx");
const sample: Plan = computePlan(seedWorkbookData());

async function totals(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "合计得分" });
  await list.waitFor();
  return (await list.getByRole("listitem").allInnerTexts()).map((s) => s.replace(/\s+/g, " ").trim());
}

describeInBrowser("dist/kjscore.html opened from disk, offline (headless Chromium)", () => {
  let file = "";
  let browser: { context: BrowserContext; close(): Promise<void> };
  const requests: string[] = [];
  const blocked: string[] = [];
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-single-"));

  beforeAll(async () => {
    const dir = await tools.ensurePageBuilt();
    // the single file alone in a folder of its own, as a USB stick or a mail attachment gives it
    file = path.join(downloads, "kjscore.html");
    fs.copyFileSync(path.join(dir, "kjscore.html"), file);
    browser = await tools.launchChromium({ locale: "zh-CN", viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    browser.context.on("request", (r) => requests.push(r.url()));
    // the network is gone: anything but the file itself fails, and is noted
    await browser.context.route("**", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      blocked.push(url);
      return route.abort("internetdisconnected");
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  const open = async (width = 1366) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 768 });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text()); // a refused script is reported here
    });
    await page.goto(`file://${file}`);
    return { page, errors };
  };

  test("is one file: scripts inline, no URL to load anything from, a policy that allows only its own scripts", () => {
    const html = fs.readFileSync(file, "utf8");
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*rel=["']?stylesheet/i);
    expect(html).not.toMatch(/@import|@font-face/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    const scriptSrc =
      csp
        .split(";")
        .map((s) => s.trim())
        .find((s) => s.startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'self'|https?:|\*/);
    // one hash per script the file carries: the entry and every lazy chunk
    const blocks = html.match(/<script\b[^>]*>/g)!.filter((t) => !/type=/.test(t) || /x-kjscore-chunk/.test(t));
    expect(scriptSrc.match(/'sha256-/g)?.length).toBeGreaterThanOrEqual(4);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  test("opens with the sample scored, without running the lazy chunks (a narrow window: the pane alone)", async () => {
    const { page, errors } = await open(450);
    const rows = await totals(page);
    sample.totals.forEach((t, i) => expect(rows[i]).toContain(`${t.computed.toFixed(2)}`));
    expect(rows[2]).toMatch(/2020年目标.*73\.97.*B级/);
    // the .xlsx layer has not run yet: only the entry script did
    expect(await page.evaluate(() => ((self as unknown as { webpackChunkkjscore?: unknown[] }).webpackChunkkjscore ?? []).length)).toBe(0);
    expect([...errors, ...pageErrors(page)]).toEqual([]);
    await page.close();
  });

  test("opens a county's file through 打开文件, applies and downloads the recalculated copy", async () => {
    const { page, errors } = await open();
    await totals(page);
    // a laptop screen: the sheet, its own chunk, is drawn from inside the file too
    await page.getByRole("grid").waitFor();
    await page.getByTestId("file-input").setInputFiles(FIXTURE);
    await page.getByTestId("file-name").getByText("县分工表-openpyxl.xlsx").waitFor();
    const fromFile = computePlan((await readWorkbook(fs.readFileSync(FIXTURE))).data);
    expect(fromFile.totals[0].computed).not.toBe(sample.totals[0].computed); // another county's figures
    await page.getByText(fromFile.totals[0].computed.toFixed(2)).first().waitFor();
    const rows = await totals(page);
    fromFile.totals.forEach((t, i) => expect(rows[i]).toContain(t.computed.toFixed(2)));

    await page.getByRole("tab", { name: /变更/ }).click();
    await page.getByRole("button", { name: "应用", exact: true }).click();
    await page.getByText(`已写入 ${fromFile.writes.length} 个单元格`).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^下载/ }).click()]);
    expect(download.suggestedFilename()).toBe("县分工表-openpyxl-科创评分.xlsx");
    const saved = path.join(downloads, download.suggestedFilename());
    await download.saveAs(saved);
    const again = computePlan((await readWorkbook(fs.readFileSync(saved))).data);
    expect(again.writes).toEqual([]);
    expect(again.totals.map((t) => [t.stated, t.grade])).toEqual(fromFile.totals.map((t) => [t.computed, t.grade]));
    // the lazy chunks ran from inside the file
    expect(
      await page.evaluate(() => ((self as unknown as { webpackChunkkjscore?: unknown[] }).webpackChunkkjscore ?? []).length),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "single-file-applied-1366.png") });
    expect([...errors, ...pageErrors(page)]).toEqual([]);
    await page.close();
  });

  test("the 分享版 is made offline too", async () => {
    const { page, errors } = await open();
    await totals(page);
    await page.getByRole("tab", { name: /变更/ }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "生成分享版" }).click()]);
    expect(download.suggestedFilename()).toBe("示例分工表-分享版.xlsx");
    expect([...errors, ...pageErrors(page)]).toEqual([]);
    await page.close();
  });

  test("the policy holds: a chunk whose text was altered is refused, and the page says the file could not be opened", async () => {
    const html = fs.readFileSync(file, "utf8");
    const tampered = path.join(downloads, "kjscore-altered.html");
    // one character changed inside the .xlsx layer's stored chunk: its hash no longer matches
    fs.writeFileSync(
      tampered,
      html.replace(
        /(<script type="text\/x-kjscore-chunk" data-src="[^"]*xlsx[^"]*">)(.)/,
        (_, tag, c) => tag + (c === " " ? ";" : " ") + c,
      ),
    );
    const page = await browser.context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") refused.push(m.text());
    });
    await page.goto(`file://${tampered}`);
    await totals(page); // the first view needs no chunk
    await page.getByTestId("file-input").setInputFiles(FIXTURE);
    await page.getByText("读取失败").waitFor();
    expect(refused.join("\n")).toMatch(/Content Security Policy/);
    await page.close();
    fs.rmSync(tampered);
  });

  // last: everything above ran in this browser
  test("no request left the page: the file itself is all it asked for", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
    expect([...new Set(requests.filter((u) => u.startsWith("file:")))].filter((u) => !u.includes("kjscore-altered"))).toEqual([
      `file://${file}`,
    ]);
  });
});
