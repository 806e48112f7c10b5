/**
 * The 分享版 of a 分工表 whose rows score in proportion to a stated target ("4篇以上记2分（完不成的按比例
 * 扣分）", "达到500万元得满分，未达到的按完成比例得分"), recalculated by LibreOffice headless (a profile that
 * recalculates on load), compared with the engine below, at and above the target and on values whose
 * score ends in a half — plain numbers and real percentages. Every score cell of those rows must have
 * become a formula. One soffice run. Without LibreOffice: skipped outside CI naming
 * libreoffice-calc-nogui; CI=true fails.
 */
import type ExcelJS from "exceljs";
import { libreOfficeAvailable } from "./helpers/libreoffice";
import { computedScoresAgainst, recalculatedSheet } from "./helpers/libreoffice-results";
import { generatedWorkbook, portableOf, type GenValue, type Portable } from "./helpers/portable-fixtures";

const HAVE_LO = libreOfficeAvailable();
const describeLO = HAVE_LO ? describe : describe.skip;

const ROWS: { rule: string; weight?: number; values: GenValue[] }[] = [
  {
    rule: "每年向县全民科学素质工作领导小组办公室(科协)上报科普信息4篇以上记2分(完不成的按比例扣分)。",
    weight: 2,
    values: [0, 1, 2, 3, 4, 5, 40],
  },
  { rule: "完成15家得6分，未完成的按比例计分", weight: 6, values: [0, 1, 7, 14, 15, 16, 100] },
  // 6×41.25/500 = 0.495 and 6×333/500 = 3.996: rounding on a half and just under one
  {
    rule: "研发经费投入达到500万元得满分，未达到的按完成比例得分",
    weight: 6,
    values: [0, 0.01, 41.25, 250, 333, 499.99, 500, 500.01, 1200],
  },
  { rule: "研发经费投入强度达到1.6%得3分，未达到的按比例计分", weight: 3, values: [0, 0.01, 0.8, 1.2, 1.59, 1.6, 1.61, 2.4] },
  {
    rule: "研发经费投入强度达到1.6%得3分，未达到的按比例计分",
    weight: 3,
    values: [0, 0.0001, 0.008, 0.012, 0.0159, 0.016, 0.0161, 0.024].map((pct) => ({ pct })),
  },
  // bands above, in proportion below the lowest: 6×0.25/1.5 = 1 and 6×0.75/1.5 = 3 exactly
  {
    rule: "R&D经费投入强度2.5%以上得10分；2%-2.5%得8分；1.5%-2%得6分；1.5%以下按比例计分",
    weight: 10,
    values: [0, 0.01, 0.25, 0.75, 1.49, 1.5, 1.99, 2, 2.49, 2.5, 3.7],
  },
  {
    rule: "R&D经费投入强度2.5%以上得10分；2%-2.5%得8分；1.5%-2%得6分；1.5%以下按比例计分",
    weight: 10,
    values: [0, 0.0025, 0.0149, 0.015, 0.02, 0.025, 0.037].map((pct) => ({ pct })),
  },
];

describeLO("prorated rules in the 分享版, recalculated by LibreOffice", () => {
  let portable: Portable;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    portable = await portableOf(await generatedWorkbook(ROWS), true);
    ws = await recalculatedSheet(portable, "prorated");
  }, 180_000);

  test("every score cell of a prorated rule became a formula", () => {
    expect(portable.plan.indicators.every((i) => i.ruleKind === "prorated")).toBe(true);
    expect(portable.report.kept).toEqual([]);
    const cells = portable.plan.indicators.reduce((n, i) => n + i.scores.length, 0);
    expect(portable.report.changes.filter((c) => c.kind === "score-formula").length).toBe(cells);
  });

  test("LibreOffice's results equal the engine's below, at and above the target", () => {
    const { checked, wrong } = computedScoresAgainst(ws, portable.plan);
    expect(wrong).toEqual([]);
    expect(checked).toBe(ROWS.reduce((n, r) => n + r.values.length, 0));
  });
});
