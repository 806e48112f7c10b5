/**
 * Workbooks written by another spreadsheet program: the template saved by LibreOffice Calc
 * is read, recalculated and written back with nothing but the plan's cells changed, and the
 * recalculated copy opens in LibreOffice showing the new scores (recipients without the
 * add-in use Excel, WPS or LibreOffice). Needs the apt package libreoffice-calc-nogui; skipped
 * without it, except under CI=true, where it fails.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../src/cli/main";
import { computePlan } from "../src/model";
import { readWorkbook } from "../src/xlsx/read";
import { buildTemplateBuffer } from "../src/xlsx/template";
import { expectOnlyPlanCells, reload } from "./fixtures/xlsx/compare";
import { parseCsv } from "./helpers/libreoffice";

const soffice = ["soffice", "libreoffice"].find((bin) => spawnSync("which", [bin]).status === 0);
const ci = process.env.CI === "true";

if (!soffice && !ci) {
  // eslint-disable-next-line no-console
  console.warn("skipping LibreOffice round trip: install the apt package libreoffice-calc-nogui");
}

let dir: string;

/** Convert with a private profile, so parallel runs do not fight over one. */
function convert(file: string, filter: string, outDir: string): string {
  const r = spawnSync(
    soffice!,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      file,
    ],
    { encoding: "utf8", timeout: 90000 },
  );
  const ext = filter.split(":")[0];
  const out = path.join(outDir, path.basename(file).replace(/\.xlsx$/, `.${ext}`));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${file}: ${r.stderr || r.stdout}`);
  return out;
}

(soffice || ci ? describe : describe.skip)("recalc on a workbook LibreOffice wrote (apt: libreoffice-calc-nogui)", () => {
  let loBytes: Uint8Array;
  let outFile: string;

  beforeAll(async () => {
    if (!soffice) throw new Error("CI=true and LibreOffice is missing: install the apt package libreoffice-calc-nogui");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-lo-"));
    const input = path.join(dir, "分工表.xlsx");
    fs.writeFileSync(input, await buildTemplateBuffer());
    const loFile = convert(input, "xlsx:Calc MS Excel 2007 XML", path.join(dir, "lo"));
    loBytes = new Uint8Array(fs.readFileSync(loFile));
    outFile = path.join(dir, "重算.xlsx");
    let err = "";
    const code = await run(["recalc", loFile, "-o", outFile], { out: () => undefined, err: (t) => (err += t) });
    expect(err).toBe("");
    expect(code).toBe(0);
  }, 120000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("changes only the plan's cells", async () => {
    const plan = computePlan((await readWorkbook(loBytes)).data);
    expect(plan.writes.map((w) => w.cell).sort()).toEqual(["I5", "I7", "K20", "K6"]);
    expectOnlyPlanCells(plan, await reload(loBytes), await reload(fs.readFileSync(outFile)));
  });

  test("the recalculated copy opens in LibreOffice with the new scores", () => {
    const csv = fs.readFileSync(convert(outFile, "csv:Text - txt - csv (StarCalc):44,34,76", path.join(dir, "csv")), "utf8");
    const rows = parseCsv(csv);
    const row = (n: number) => rows[n - 1].join(",");
    expect(row(5)).toContain("2.56");
    expect(row(6)).toContain("8.77");
    expect(row(7)).toContain("2.83");
    expect(row(20)).toMatch(/合计得分.*52\.64.*61\.33.*73\.97/);
  }, 120000);
});
