/**
 * What every browser test needs: the page built from the current sources, served on localhost,
 * headless Chromium with a fresh profile, and a log of every request the browser made.
 * Without /usr/bin/chromium the tests skip with a message naming the apt packages — except
 * with CI=true, where a missing browser is a failure.
 */
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import * as tools from "../../scripts/filehost";

export const ARTIFACTS = path.join(tools.ROOT, "test-artifacts");

export const MISSING = `headless Chromium (${tools.CHROMIUM}) is not installed: install the apt packages ${tools.CHROMIUM_APT} to run the browser tests`;

/** describe() when Chromium is there; otherwise a skipped suite (or, in CI, one failing test). */
export function describeInBrowser(name: string, body: () => void): void {
  if (tools.chromiumAvailable()) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      test("headless Chromium is installed", () => {
        throw new Error(MISSING);
      });
    });
  } else {
    // eslint-disable-next-line no-console
    console.warn(`skipping "${name}": ${MISSING}`);
    describe.skip(name, body);
  }
}

export interface Harness {
  origin: string;
  context: BrowserContext;
  /** every URL the browser requested */
  requests: string[];
  open(query?: string, width?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(contextOptions: Record<string, unknown> = {}): Promise<Harness> {
  const dir = await tools.ensurePageBuilt();
  const served = await tools.serveDir(dir, { port: 0, index: "filehost.html" });
  const browser = await tools.launchChromium({
    locale: "zh-CN",
    viewport: { width: 450, height: 900 },
    acceptDownloads: true,
    ...contextOptions,
  });
  const requests: string[] = [];
  browser.context.on("request", (r) => requests.push(r.url()));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    origin: served.url,
    context: browser.context,
    requests,
    async open(query = "", width = 450) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${served.url}/filehost.html${query}`);
      (page as unknown as { errors: string[] }).errors = errors;
      return page;
    },
    async close() {
      await browser.close();
      await served.close();
    },
  };
}

/** Uncaught errors the page threw so far. */
export function pageErrors(page: Page): string[] {
  return (page as unknown as { errors?: string[] }).errors ?? [];
}
