/**
 * Forty county 分工表 generated the way real copies vary (scripts/bench/_counties.js, the same files
 * the benchmark times): renamed sheets, lines above the title, a 序号 column, spaced headers, other
 * years, other values, rule texts retyped (≥ / >= / ≧, half-width brackets and semicolons, no line
 * breaks), blank rows before 合计得分, notes below, a cover sheet in front. Every one must bind and
 * score exactly as the seed's own rules score the same values.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { scoreValue } from "../src/engine";
import { computePlan } from "../src/model";
import { SEED } from "../src/sample/workbook-data";
import { readWorkbook } from "../src/xlsx/read";
import * as template from "../src/xlsx/template";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeCounties, countySpec } = require("../scripts/bench/_counties.js");

const COUNT = 40;
let dir: string;
let files: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-counties-"));
  files = await writeCounties(dir, COUNT, template);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("all forty county workbooks bind and score like the seed's own rules", async () => {
  expect(files).toHaveLength(COUNT);
  for (const [i, file] of files.entries()) {
    const spec = countySpec(i, template);
    const { data } = await readWorkbook(fs.readFileSync(file));
    const plan = computePlan(data);
    const where = `${path.basename(file)} (${spec.sheetName})`;

    expect([where, plan.sheet]).toEqual([where, spec.sheetName]);
    expect([where, plan.indicators.length]).toEqual([where, SEED.indicators.length]);
    const first = Number(plan.layout.years[0].label);
    expect([where, plan.layout.years.map((y) => [y.label, y.kind])]).toEqual([
      where,
      [
        [String(first), "actual"],
        [String(first + 1), "forecast"],
        [String(first + 2), "target"],
      ],
    ]);
    // retyped rules and varied values are still read: no rule or value errors anywhere
    const errors = plan.indicators.flatMap((ind) => ind.flags.filter((f) => f.code === "rule-error" || f.code === "value-error"));
    expect([where, errors.map((f) => f.message)]).toEqual([where, []]);

    // each computed score is what the seed's rule, as printed, gives the same value
    plan.indicators.forEach((ind, k) => {
      const printedRule = SEED.indicators[k].评分标准;
      for (const sc of ind.scores) {
        if (sc.computed === null) continue;
        const expected = scoreValue(sc.valueText, printedRule);
        expect([where, sc.cell, expected.status === "exact" ? Math.min(expected.score, ind.max ?? Infinity) : expected.status]).toEqual([
          where,
          sc.cell,
          sc.computed,
        ]);
      }
    });
    // and each total adds the computed score where there is one, the stated one otherwise
    plan.totals.forEach((t, y) => {
      const sum = plan.indicators.reduce((s, ind) => s + Math.round((ind.scores[y].computed ?? ind.scores[y].stated ?? 0) * 100), 0) / 100;
      expect([where, t.column, t.computed]).toEqual([where, t.column, sum]);
    });
  }
});
