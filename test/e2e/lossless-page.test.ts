/**
 * The page's 应用 → 下载 loses nothing (issue 8): a corpus workbook (charts, images, text boxes,
 * extLst conditional formats, notes, a threaded comment …) opened through the file input,
 * applied and downloaded comes out part by part as the input plus the plan, the bound sheet's
 * XML differs only in the plan cells, and openpyxl sees only the plan cells changed. Then
 * 清除标记 and 下载 again gives back the user's own fills and notes exactly, only the written
 * scores staying. Needs headless Chromium and python3-openpyxl (skips outside CI without them).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { CORPUS, expectLosslessPackage, expectOnlyPlanCellsChanged, PLAN, SHEET } from "../helpers/lossless";
import { describeDifferences, diffDumps, dumpWithOpenpyxl, openpyxlAvailable } from "../helpers/openpyxl";
import { allowedChanges, expectOnlyAllowedParts, readParts } from "../helpers/package-parts";
import { ARTIFACTS, describeInBrowser, pageErrors, startHarness, type Harness } from "./setup";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FILES = [
  "xw-all.xlsx",
  "xw-notes.xlsx",
  "xw-threaded.xlsx",
  "xw-vba.xlsm",
  "op-comment.xlsx",
  "lo-all.xlsx",
  // Gnumeric's writer, and the forms no tool here writes (test/fixtures/corpus/derive_forms.py)
  "gn-notes.xlsx",
  "dv-rless.xlsx",
  "dv-prefixed.xlsx",
  "dv-opc.xlsx",
  "dv-strict-notes.xlsx",
  "dv-wps.xlsx",
];
const ready = openpyxlAvailable();

async function download(page: Page, dir: string, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载", exact: true }).click()]);
  const file = path.join(dir, name);
  await dl.saveAs(file);
  return file;
}

(ready ? describeInBrowser : describe.skip)(
  "the page's 下载 keeps every part of the workbook (headless Chromium, python3-openpyxl)",
  () => {
    let h: Harness;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-lossless-page-"));
    const saved = new Map<string, { applied: string; cleared: string; errors: string[] } | Error>();

    beforeAll(async () => {
      h = await startHarness();
      for (const file of FILES) {
        const page = await h.open();
        try {
          await page
            .getByTestId("file-input")
            .setInputFiles({ name: file, mimeType: XLSX_MIME, buffer: fs.readFileSync(path.join(CORPUS, file)) });
          await page.getByTestId("file-name").filter({ hasText: file }).waitFor({ timeout: 20_000 });
          await page.getByRole("tab", { name: /变更/ }).click();
          await page.getByRole("button", { name: "应用", exact: true }).click();
          await page.getByText(`已写入 ${PLAN.writes.length} 个单元格`).waitFor({ timeout: 20_000 });
          const applied = await download(page, dir, `applied-${file}`);
          await page.getByRole("button", { name: "清除标记", exact: true }).click();
          await page.getByText("已清除标记。").waitFor({ timeout: 20_000 });
          const cleared = await download(page, dir, `cleared-${file}`);
          saved.set(file, { applied, cleared, errors: pageErrors(page) });
        } catch (e) {
          await page.screenshot({ path: path.join(ARTIFACTS, `lossless-page-${file}.png`), fullPage: true }).catch(() => undefined);
          saved.set(file, e as Error);
        } finally {
          await page.close();
        }
      }
    }, 600_000);

    // 生成分享版 on a freshly opened file, without and with 转换为数字
    const PORTABLE = ["xw-all.xlsx", "lo-all.xlsx", "dv-prefixed.xlsx", "dv-strict-notes.xlsx"];
    const portable = new Map<string, string | Error>();
    beforeAll(async () => {
      for (const file of PORTABLE) {
        for (const mode of ["portable", "portable-values"] as const) {
          const page = await h.open();
          try {
            await page
              .getByTestId("file-input")
              .setInputFiles({ name: file, mimeType: XLSX_MIME, buffer: fs.readFileSync(path.join(CORPUS, file)) });
            await page.getByTestId("file-name").filter({ hasText: file }).waitFor({ timeout: 20_000 });
            await page.getByRole("tab", { name: /变更/ }).click();
            const make = page.getByRole("button", { name: "生成分享版", exact: true });
            let dl;
            if (mode === "portable") {
              [dl] = await Promise.all([page.waitForEvent("download"), make.click()]);
            } else {
              await page.getByRole("checkbox", { name: /转换为数字/ }).check();
              await make.click();
              [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "确定生成" }).click()]);
            }
            const out = path.join(dir, `${mode}-${file}`);
            await dl.saveAs(out);
            expect(pageErrors(page)).toEqual([]);
            portable.set(`${mode}|${file}`, out);
          } catch (e) {
            portable.set(`${mode}|${file}`, e as Error);
          } finally {
            await page.close();
          }
        }
      }
    }, 600_000);

    const portableOut = (mode: string, file: string) => {
      const s = portable.get(`${mode}|${file}`);
      if (!s || s instanceof Error) throw s ?? new Error("not run");
      return s;
    };

    describe.each(["portable", "portable-values"] as const)("生成分享版 (%s)", (mode) => {
      test.each(PORTABLE)("%s: the 分享版 is the input plus the plan, part by part, in the sheet XML and cell by cell", (file) => {
        const out = portableOut(mode, file);
        const input = path.join(CORPUS, file);
        expectLosslessPackage(fs.readFileSync(input), fs.readFileSync(out), mode);
        const d = dumpWithOpenpyxl([input, out]);
        expectOnlyPlanCellsChanged(d[input], d[out], mode, { highlightsAfterWrites: true });
      });
    });

    afterAll(async () => {
      await h?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const got = (file: string) => {
      const s = saved.get(file);
      if (!s || s instanceof Error) throw s ?? new Error("not run");
      expect(s.errors).toEqual([]);
      return s;
    };

    test.each(FILES)("%s: 应用 then 下载 gives the input plus the plan, part by part and in the sheet XML", (file) => {
      const s = got(file);
      expectLosslessPackage(fs.readFileSync(path.join(CORPUS, file)), fs.readFileSync(s.applied), "recalc");
    });

    test.each(FILES)("%s: 应用 then 下载: openpyxl sees only the plan cells changed, the user's notes kept", (file) => {
      const s = got(file);
      const input = path.join(CORPUS, file);
      const d = dumpWithOpenpyxl([input, s.applied]);
      expectOnlyPlanCellsChanged(d[input], d[s.applied], "recalc", { highlightsAfterWrites: true });
    });

    test.each(FILES)("%s: 清除标记 then 下载 restores the user's fills and notes exactly; only the written scores stay", (file) => {
      const s = got(file);
      const input = path.join(CORPUS, file);
      const inParts = readParts(fs.readFileSync(input));
      expectOnlyAllowedParts(inParts, readParts(fs.readFileSync(s.cleared)), allowedChanges(inParts, { sheets: [SHEET], formulas: false }));
      const d = dumpWithOpenpyxl([input, s.cleared]);
      const writes = new Map(PLAN.writes.map((w) => [w.cell, w.after]));
      const diffs = diffDumps(d[input], d[s.cleared]);
      const unexpected = diffs.filter((x) => !(x.sheet === SHEET && x.aspect === "v" && writes.get(x.cell) === x.after));
      if (unexpected.length > 0)
        throw new Error(`after 清除标记 more than the written scores differ from the input:\n${describeDifferences(unexpected)}`);
      expect(diffs.map((x) => x.cell).sort()).toEqual([...writes.keys()].sort());
    });
  },
);
