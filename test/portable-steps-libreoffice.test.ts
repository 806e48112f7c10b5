/**
 * The 分享版 of a 分工表 whose rows use the step rules (stepped bands, thresholds with whole steps,
 * deductions), recalculated by LibreOffice headless (a profile that recalculates on load), compared
 * with the engine on every edge and whole step — plain numbers and real percentages. Every score
 * cell of those rows must have become a formula (nothing kept as a value), and no error value appears.
 * One soffice run. Without LibreOffice: skipped outside CI naming libreoffice-calc-nogui; CI=true fails.
 */
import type ExcelJS from "exceljs";
import { ruleFor } from "../src/engine";
import { Rational } from "../src/engine/decimal";
import { libreOfficeAvailable } from "./helpers/libreoffice";
import { computedScoresAgainst, recalculatedSheet } from "./helpers/libreoffice-results";
import { generatedWorkbook, portableOf, type GenValue, type Portable } from "./helpers/portable-fixtures";
import { STEP_RULES, stepSweep } from "./helpers/step-rules";

const HAVE_LO = libreOfficeAvailable();
const describeLO = HAVE_LO ? describe : describe.skip;

describeLO("step rules in the 分享版, recalculated by LibreOffice", () => {
  let portable: Portable;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const rows: { rule: string; weight?: number; values: GenValue[] }[] = [];
    for (const { rule, weight } of STEP_RULES) {
      const w = weight ?? ruleFor(rule).max ?? undefined;
      const sweep = stepSweep(rule, w);
      rows.push({ rule, weight: w, values: sweep });
      if (ruleFor(rule).unit === "%")
        rows.push({ rule, weight: w, values: sweep.map((v) => ({ pct: Number((v / 100).toPrecision(12)) })) });
    }
    // growth: levels year after year (each year's growth over the one before hits an edge), and rates
    const growth = "较上年增长10%得基本分4分，每增加1个百分点加0.5分，每减少1个百分点减0.5分，最高6分，最低0分";
    for (const rates of [
      [10, 10, -10, 9, 11, 12.5, 14],
      [9.99, 10.01, 0, -5, 20, 10.5, 9.5],
    ]) {
      let level = Rational.of(1000);
      const values: GenValue[] = [level.toNumber()];
      for (const g of rates) {
        level = level.mul(Rational.fraction(Math.round((100 + g) * 100), 10000));
        values.push(level.toNumber());
      }
      rows.push({ rule: growth, weight: 6, values });
      rows.push({ rule: growth, weight: 6, values: [...rates, 8.99].map((g) => ({ pct: Number((g / 100).toPrecision(12)) })) });
    }
    portable = await portableOf(await generatedWorkbook(rows), true);
    ws = await recalculatedSheet(portable, "steps");
  }, 180_000);

  test("every score cell of a step rule became a formula (a growth row's first year has no year before it)", () => {
    const firstYears = portable.plan.indicators.flatMap((i) =>
      i.ruleKind === "growth" ? i.scores.filter((sc) => sc.computed === null).map((sc) => sc.cell) : [],
    );
    expect(firstYears.length).toBe(2);
    expect(portable.report.kept.map((k) => k.cell).sort()).toEqual(firstYears.sort());
    const formulas = portable.report.changes.filter((c) => c.kind === "score-formula").length;
    expect(formulas).toBeGreaterThan(300);
  });

  test("LibreOffice's results equal the engine's on every edge and whole step", () => {
    const { checked, wrong } = computedScoresAgainst(ws, portable.plan);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});
