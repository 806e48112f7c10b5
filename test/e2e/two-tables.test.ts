/**
 * The page over a workbook with two 分工表 (test/fixtures/two-tables/two-sheets.xlsx, by openpyxl):
 * the notice says which table is scored and which other was found; its picker scores the other.
 */
import * as fs from "fs";
import * as path from "path";
import { ARTIFACTS, describeInBrowser, startHarness, type Harness } from "./setup";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FIXTURE = path.join(__dirname, "..", "fixtures", "two-tables", "two-sheets.xlsx");

describeInBrowser("the page over a workbook with two 分工表", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 180000);
  afterAll(async () => {
    await h?.close();
  });

  test("shows the notice, and picking 分工表2021 scores that table", async () => {
    const page = await h.open();
    await page.getByTestId("file-input").setInputFiles({ name: "两张表.xlsx", mimeType: XLSX_MIME, buffer: fs.readFileSync(FIXTURE) });
    const notice = page.getByTestId("tables-notice");
    await notice.waitFor();
    expect(await notice.innerText()).toContain("按工作表“分工表”第 2 行起（2019、2020，2 项指标）的表计算");
    await page.screenshot({ path: path.join(ARTIFACTS, "filehost-two-tables-450.png"), fullPage: true });

    await page.getByLabel("计算哪一张").selectOption({ label: "工作表“分工表2021”第 2 行起（2020、2021，3 项指标）" });
    await page.getByText("按工作表“分工表2021”第 2 行起").waitFor();
    const list = page.getByRole("list", { name: "合计得分" });
    expect((await list.innerText()).replace(/\s+/g, " ")).toContain("2021");
    await page.screenshot({ path: path.join(ARTIFACTS, "filehost-two-tables-picked-450.png"), fullPage: true });
    await page.close();
  }, 60000);
});
