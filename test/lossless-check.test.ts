/**
 * Every valid workbook opens (issue 8 item 5) and legacy files are read (item 3): `kjscore
 * check` on each corpus file — written by xlsxwriter, openpyxl (with a comment, an image, a
 * chart, a table) and LibreOffice — exits 0 with the sample's totals, and `recalc` on the
 * .xls / .et / .ods writes an .xlsx copy that says so and names what it could not carry.
 * The corpus is committed, so this needs no system package.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { buildCli, type Cli } from "./helpers/cli-build";
import { CORPUS, corpusPackages, customFunctionCells, MANIFEST } from "./helpers/lossless";
import { readParts } from "./helpers/package-parts";

const PACKAGES = corpusPackages();
const LEGACY = fs
  .readdirSync(CORPUS)
  .filter((n) => /\.(xls|et|ods)$/.test(n))
  .sort();

let cli: Cli;
let dir: string;

beforeAll(() => {
  cli = buildCli("lossless-check");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-lossless-check-"));
}, 120_000);

afterAll(() => {
  cli?.remove();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface TotalJson {
  computed: number;
  stated: number;
}

async function checkJson(file: string) {
  const r = await cli.run(["check", "--json", file], dir);
  return {
    ...r,
    report: r.code === 0 ? (JSON.parse(r.out) as { totals: TotalJson[]; changes: { writes: number; highlights: number } }) : null,
  };
}

describe("kjscore check opens every workbook another program wrote", () => {
  test.each([...PACKAGES, ...LEGACY])("%s: exit 0, the sample's totals 52.64 / 61.33 / 73.97 and its wrong scores", async (file) => {
    const r = await checkJson(path.join(CORPUS, file));
    expect({ code: r.code, stderr: r.err }).toEqual({ code: 0, stderr: "" });
    expect(r.report!.totals.map((t) => t.computed)).toEqual(MANIFEST.plan.totals);
    // a KJSCORE cell computes itself: the plan does not write it (xw-kjscore.xlsx: I5, I7)
    const custom = /\.xls[xm]$/.test(file)
      ? (customFunctionCells(readParts(fs.readFileSync(path.join(CORPUS, file)))).get("分工表") ?? new Set())
      : new Set();
    const writes = Object.keys(MANIFEST.plan.writes).filter((c) => !custom.has(c)).length;
    expect(r.report!.changes).toEqual({ writes, highlights: 17 });
  });

  test("the folder of all of them: every file analysed, exit 0", async () => {
    const folder = path.join(dir, "folder");
    fs.mkdirSync(folder);
    for (const f of [...PACKAGES, ...LEGACY]) fs.copyFileSync(path.join(CORPUS, f), path.join(folder, f));
    const r = await cli.run(["check", "--json", folder], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.out) as { file: string; error?: string }[];
    expect(reports.filter((x) => x.error)).toEqual([]);
    expect(reports).toHaveLength(PACKAGES.length + LEGACY.length);
  });
});

describe("recalc on a legacy file writes an .xlsx copy and says what it could not carry", () => {
  test.each(LEGACY)(
    "%s → .xlsx: exit 0, the message says .xlsx and names the chart and the notes it could not carry, the copy reads with the new scores",
    async (file) => {
      const out = path.join(dir, `${file}.重算.xlsx`);
      const r = await cli.run(["recalc", path.join(CORPUS, file), "-o", out], dir);
      expect({ code: r.code, stderr: r.err }).toEqual({ code: 0, stderr: "" });
      expect(r.out).toMatch(/\.xlsx/);
      // the .xls/.ods came from xw-all.xlsx through LibreOffice: it holds charts and notes
      expect(r.out).toMatch(/图表/);
      expect(r.out).toMatch(/批注/);
      const parts = unzipSync(new Uint8Array(fs.readFileSync(out)));
      expect(Object.keys(parts)).toContain("[Content_Types].xml");
      const again = await checkJson(out);
      expect(again.code).toBe(0);
      expect(again.report!.totals.map((t) => t.stated)).toEqual(MANIFEST.plan.totals);
      expect(again.report!.changes.writes).toBe(0);
    },
  );
});
