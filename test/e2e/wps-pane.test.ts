/**
 * The task pane inside WPS, in headless Chromium: the built 加载项's taskpane.html served from its
 * folder, with the fake ET object model (test/wps-fake.ts) as the page's `wps` global, as WPS's own
 * Chromium provides it. The pane finds the 分工表, shows the sample's totals, 应用 writes into the
 * (fake) sheet, and no request leaves the 加载项's folder.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import type { Page } from "playwright-core";
import { seedWorkbookData } from "../../src/sample/workbook-data";
import { computePlan } from "../../src/model";
import * as tools from "../../scripts/filehost";
import { ARTIFACTS, describeInBrowser, pageErrors } from "./setup";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require("../../scripts/build-wps.js") as { build(out: string): Promise<string> };

/** test/wps-fake.ts as a browser script defining window.WpsFake (its imports are types only). */
function fakeScript(): string {
  const src = fs.readFileSync(path.join(__dirname, "..", "wps-fake.ts"), "utf8");
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function(){var exports={};var module={exports:exports};${js};window.WpsFake=exports;})();`;
}

describeInBrowser("the pane inside WPS 表格 (fake ET object model)", () => {
  let out: string;
  let served: { url: string; close(): Promise<void> };
  let browser: Awaited<ReturnType<typeof tools.launchChromium>>;
  const requests: string[] = [];

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-wps-e2e-"));
    const addin = await build(out);
    served = await tools.serveDir(addin, { port: 0, index: "taskpane.html" });
    browser = await tools.launchChromium({ locale: "zh-CN", viewport: { width: 380, height: 900 } });
    browser.context.on("request", (r) => requests.push(r.url()));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  async function openPane(withFunctions: boolean): Promise<Page> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    (page as unknown as { errors: string[] }).errors = errors;
    await page.addInitScript({ content: fakeScript() });
    await page.addInitScript(
      ({ data, withFunctions }) => {
        const w = window as unknown as {
          WpsFake: { fakeFromData(d: unknown): { wps(x?: unknown): unknown } };
          wps: unknown;
          fakeApp: unknown;
        };
        const app = w.WpsFake.fakeFromData(data);
        w.fakeApp = app;
        w.wps = app.wps(withFunctions ? { AddCustomFunction: () => undefined } : {});
      },
      { data: seedWorkbookData(), withFunctions },
    );
    await page.goto(`${served.url}/taskpane.html`);
    return page;
  }

  test("shows the sample's totals and grades, 应用 writes the scores into the sheet, and nothing is requested from elsewhere", async () => {
    const page = await openPane(true);
    await page.getByText("73.97").first().waitFor();
    await page.getByText("61.33").first().waitFor();
    await page.getByText("52.64").first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "wps-pane.png"), fullPage: true });
    await page.getByRole("tab", { name: /变更/ }).click();
    await page.getByRole("button", { name: "应用", exact: true }).click();
    await page
      .getByText(/已写入/)
      .first()
      .waitFor();
    const writes = computePlan(seedWorkbookData()).writes.filter((w) => w.keepsFormula === undefined);
    expect(writes.map((w) => w.after)).toContain(8.77);
    const values = await page.evaluate(
      (cells) => {
        const app = (
          window as unknown as {
            fakeApp: { book: { sheets: { Name: string; cellAt(r: number, c: number): { value: unknown } | undefined }[] } };
          }
        ).fakeApp;
        const s = app.book.sheets.find((x) => x.Name === "分工表")!;
        return cells.map(([r, c]) => s.cellAt(r + 1, c + 1)?.value);
      },
      writes.map((w) => [w.row, w.col]),
    );
    expect(values).toEqual(writes.map((w) => w.after));
    expect(pageErrors(page)).toEqual([]);
    const origin = new URL(served.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"))).toEqual([]);
    await page.close();
  });

  test("without custom functions (an older WPS) the pane says so and still works", async () => {
    const page = await openPane(false);
    await page.getByText(/不支持加载项自定义函数/).waitFor();
    await page.getByText("73.97").first().waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
