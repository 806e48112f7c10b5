/**
 * The portable (分享版) workbook recalculated by LibreOffice headless — an independent spreadsheet —
 * with a profile that recalculates everything on load (OOXMLRecalcMode 0), compared with the engine:
 * (a) the sample; (b) generated workbooks sweeping every band edge of every seed banded rule and of
 * random rules; (c) value cells changed in the file and recalculated again; (d) the halves 5.025,
 * 2.675, 0.285, 1.005; (e) no #NAME?, Err: or #VALUE! anywhere; plus proof that the profile forces
 * recalculation (deliberately wrong cached results come back right) and that LibreOffice displays the
 * converted value cells exactly as the text they replaced.
 *
 * Three soffice runs in all (xlsx, csv, xlsx again). Without LibreOffice: skipped outside CI with a
 * message naming libreoffice-calc-nogui; with CI=true, a failure.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { ruleFor } from "../src/engine";
import { Rational } from "../src/engine/decimal";
import { computePlan } from "../src/model";
import type { Plan } from "../src/model/types";
import { convertTextValue, makePortable } from "../src/portable";
import { readWorkbook } from "../src/xlsx/read";
import { workbookToData } from "../src/xlsx/exceljs-data";
import { writeWorkbook } from "../src/xlsx/write";
import { libreOfficeAvailable, parseCsv, recalcWithLibreOffice } from "./helpers/libreoffice";
import { resultOf } from "./helpers/libreoffice-results";
import {
  edgeSweep,
  generatedWorkbook,
  portableOf,
  samplePortable,
  seedBandedRuleTexts,
  type GenValue,
  type Portable,
} from "./helpers/portable-fixtures";

const HAVE_LO = libreOfficeAvailable();
const describeLO = HAVE_LO ? describe : describe.skip;

const CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";
const HALF_RULE_5025 = "≧40%（6分）；40%-20%（6-5分）；20%-10%（5-2分）；10%以下（2-0分）。";
const HALF_RULE_2675 = "≧10家（5分）；10家以下（5-0分）。";
/** texts whose formats need care: quotes, backslashes, a prefix with digits, separators, no leading zero */
const TRICKY: [string, number][] = [
  ['5家\\"注"', 5],
  ["研发机构32家占15.14%", 15.14],
  ["15,558家（含1,000家）", 15558],
  [".5件/万人", 0.5],
  ["0.50%", 0.5],
  ["0.35％", 0.35],
  ["约 2489 万元", 2489],
  ["1.370件/万人", 1.37],
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every score and total the engine gives for `plan`, against LibreOffice's results in `ws`. */
function compareWithEngine(ws: ExcelJS.Worksheet, plan: Plan): { checked: number; wrong: string[] } {
  const wrong: string[] = [];
  let checked = 0;
  for (const ind of plan.indicators) {
    if (ind.ruleKind !== "banded") continue;
    for (const sc of ind.scores) {
      const expected = sc.computed ?? (sc.status === "no-value" ? (sc.stated ?? "") : undefined);
      if (expected === undefined) continue;
      const got = resultOf(ws, sc.cell);
      checked++;
      if (got !== expected)
        wrong.push(
          `${sc.cell} (${ind.ruleText.slice(0, 30)}… value ${sc.valueText}): LibreOffice ${JSON.stringify(got)}, engine ${expected}`,
        );
    }
  }
  for (const t of plan.totals) {
    if (!t.cell) continue;
    const got = resultOf(ws, t.cell);
    checked++;
    if (typeof got !== "number" || Math.abs(got - t.computed) > 1e-9)
      wrong.push(`total ${t.cell}: LibreOffice ${JSON.stringify(got)}, engine ${t.computed}`);
  }
  return { checked, wrong };
}

/** Error values and error texts anywhere in a workbook. */
function errorsIn(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const r = cell.type === ExcelJS.ValueType.Formula ? (cell.result as unknown) : cell.value;
        if (r && typeof r === "object" && "error" in (r as object))
          out.push(`${ws.name}!${cell.address}: ${(r as { error: string }).error}`);
        if (typeof r === "string" && /^(#NAME\?|#VALUE!|Err:\d+|#REF!|#DIV\/0!|#N\/A)/.test(r))
          out.push(`${ws.name}!${cell.address}: ${r}`);
      }),
    ),
  );
  return out;
}

function rc(addr: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, c - 1];
}

/** Every x.xx5 score of a rule at 2-decimal values (whole values for wide rules), up to `limit`. */
function halfValues(ruleText: string, limit: number): number[] {
  const rule = ruleFor(ruleText) as ReturnType<typeof ruleFor> & { exactScore(v: Rational): Rational | null };
  const top = rule.bands![rule.bands!.length - 1].low;
  const per = top > 1000 ? 1 : 100;
  const out: number[] = [];
  for (let k = 0; k <= top * per && out.length < limit; k += 1) {
    const v = k / per;
    const s = rule.exactScore(Rational.fromNumber(v));
    if (s && !s.mul(100).isInteger() && s.mul(200).isInteger()) out.push(v);
  }
  return out;
}

function randomRules(): { rule: string; values: number[] }[] {
  return fc.sample(
    fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom("万元", "家", "件/万人"),
        fc.array(fc.integer({ min: 0, max: 600000 }), { minLength: 12, maxLength: 12 }),
      )
      .map(([edges, steps, unit, raw]) => {
        const e = [...edges].sort((a, b) => a - b).map((x) => x / 10);
        const s: number[] = [];
        let acc = 0;
        for (let i = 0; i <= e.length; i++) s.push(Number((acc += steps[i] / 100).toFixed(2)));
        // s[i] is the score at the edge e[i]; the open top band keeps the last edge's score
        const parts = [`≧${e[e.length - 1]}${unit}（${s[e.length - 1]}分）`];
        for (let i = e.length - 1; i >= 1; i--) parts.push(`${e[i]}-${e[i - 1]}${unit}（${s[i]}-${s[i - 1]}分）`);
        parts.push(`${e[0]}${unit}以下（${s[0]}-0分）`);
        const values = raw.map((r) => Number((r / 1000).toFixed(3)));
        return { rule: parts.join("；") + "。", values };
      }),
    { numRuns: 20, seed: 4290 },
  );
}

describeLO("portable workbook recalculated by LibreOffice", () => {
  let sample: Portable;
  let generated: Portable;
  let functions: Portable;
  let lo: { sample: ExcelJS.Workbook; generated: ExcelJS.Workbook; stale: ExcelJS.Workbook; functions: ExcelJS.Workbook };
  let sampleCsv: string[][];
  let formatsCsv: string[][];
  let halfCells: { cell: string; expected: number }[];

  beforeAll(async () => {
    sample = await samplePortable(true);

    // (b) + (d): every seed banded rule swept across its edges (as plain numbers, and as real
    // percentages for % rules), random rules, the halves, a capped row, and text values to convert
    const rows: { rule: string; weight?: number; values: GenValue[] }[] = [];
    for (const text of seedBandedRuleTexts()) {
      const sweep = edgeSweep(text);
      rows.push({ rule: text, values: sweep });
      if (ruleFor(text).unit === "%") rows.push({ rule: text, values: sweep.map((v) => ({ pct: Number((v / 100).toPrecision(12)) })) });
      rows.push({ rule: text, values: halfValues(text, 40) });
    }
    for (const r of randomRules()) rows.push(r);
    rows.push({ rule: HALF_RULE_5025, values: [20.5, { pct: 0.205 }, "20.50%", 12.11, 25] });
    rows.push({ rule: HALF_RULE_2675, values: [5.35, 0.57, 2.01] });
    rows.push({ rule: seedBandedRuleTexts()[0], weight: 4, values: [95, 335, 2489, 20000, "2489万元", "1,500万元", null] });
    generated = await portableOf(await generatedWorkbook(rows), true);

    // custom functions on a second sheet of the sample
    const built = await load(sample.bytes);
    const ws = built.addWorksheet("函数");
    ws.getCell("A1").value = HALF_RULE_5025;
    ws.getCell("B1").value = 0.205;
    ws.getCell("B1").numFmt = "0.00%";
    ws.getCell("C1").value = { formula: "KJSCORE(B1,A1)", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").value = { formula: `KJSCORE(20.5,"${HALF_RULE_5025}")`, result: 5.03 } as ExcelJS.CellFormulaValue;
    ws.getCell("C3").value = { formula: "KJMAX(A1)", result: 6 } as ExcelJS.CellFormulaValue;
    ws.getCell("C4").value = {
      formula: `KJGRADE('${sample.plan.sheet}'!${sample.plan.totals[1].cell})`,
      result: "B",
    } as ExcelJS.CellFormulaValue;
    ws.getCell("C5").value = { formula: "KJSCORE(B5,A1)", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue;
    const { workbook: doc, data } = await readWorkbook(await writeWorkbook(built));
    const plan = computePlan(data);
    const report = makePortable(doc, plan, { convertValues: true });
    functions = { bytes: doc.bytes, plan, report, workbook: await load(doc.bytes) };

    // the sample with every cached formula result deliberately wrong
    const staleWb = await load(sample.bytes);
    staleWb.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: -1 } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const stale = await writeWorkbook(staleWb);

    const out = await recalcWithLibreOffice([
      { name: "sample", bytes: sample.bytes },
      { name: "generated", bytes: generated.bytes },
      { name: "stale", bytes: stale },
      { name: "functions", bytes: functions.bytes },
    ]);
    lo = { sample: await load(out[0]), generated: await load(out[1]), stale: await load(out[2]), functions: await load(out[3]) };
    // tricky texts, converted, one per row of a small sheet
    const fmtWb = new ExcelJS.Workbook();
    const fws = fmtWb.addWorksheet("formats");
    TRICKY.forEach(([text, value], i) => {
      const c = convertTextValue(text, value);
      if (!c.ok) throw new Error(`${text}: ${c.reason}`);
      fws.getCell(i + 1, 1).value = c.number;
      fws.getCell(i + 1, 1).numFmt = c.numFmt;
    });
    const [csv, fmtCsv] = await recalcWithLibreOffice(
      [
        { name: "sample", bytes: sample.bytes },
        { name: "formats", bytes: await writeWorkbook(fmtWb) },
      ],
      { to: CSV },
    );
    sampleCsv = parseCsv(Buffer.from(csv).toString("utf8"));
    formatsCsv = parseCsv(Buffer.from(fmtCsv).toString("utf8"));

    const half = generated.plan.indicators.find((i) => i.ruleText === HALF_RULE_5025)!;
    halfCells = half.scores.slice(0, 3).map((s) => ({ cell: s.cell, expected: 5.03 }));
  }, 180_000);

  test("(a) the sample: every score and total LibreOffice computes is the engine's", () => {
    const ws = lo.sample.getWorksheet(sample.plan.sheet)!;
    const { checked, wrong } = compareWithEngine(ws, sample.plan);
    expect(wrong).toEqual([]);
    expect(checked).toBe(sample.plan.indicators.filter((i) => i.ruleKind === "banded").length * 3 + 3);
    // the seed's own figures
    const t = sample.plan.totals.map((x) => resultOf(ws, x.cell!));
    expect(t).toEqual(sample.plan.totals.map((x) => x.computed));
  });

  test("the cached results we write are what LibreOffice computes (a viewer that does not recalculate shows the same)", () => {
    const ws = lo.sample.getWorksheet(sample.plan.sheet)!;
    const mine = sample.workbook.getWorksheet(sample.plan.sheet)!;
    const differ: string[] = [];
    for (const c of sample.report.changes) {
      if (c.kind === "value-number") continue;
      const a = resultOf(mine, c.cell);
      const b = resultOf(ws, c.cell);
      if (typeof a === "number" && typeof b === "number" ? Math.abs(a - b) > 1e-9 : a !== b)
        differ.push(`${c.cell}: cached ${JSON.stringify(a)}, LibreOffice ${JSON.stringify(b)}`);
    }
    expect(differ).toEqual([]);
  });

  test("the profile forces recalculation: cached results written as -1 come back as the engine's", () => {
    const ws = lo.stale.getWorksheet(sample.plan.sheet)!;
    const { wrong } = compareWithEngine(ws, sample.plan);
    expect(wrong).toEqual([]);
    expect(resultOf(ws, sample.plan.totals[0].cell!)).toBe(sample.plan.totals[0].computed);
  });

  test("(b) generated workbooks: every band edge of every seed banded rule and of random rules", () => {
    const ws = lo.generated.getWorksheet(generated.plan.sheet)!;
    const { checked, wrong } = compareWithEngine(ws, generated.plan);
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    // nothing was left as a value for lack of a formula
    expect(generated.report.kept).toEqual([]);
  });

  test("(d) the halves 5.025, 2.675, 0.285, 1.005 agree", () => {
    const ws = lo.generated.getWorksheet(generated.plan.sheet)!;
    const find = (rule: string, weight: number | null = null) =>
      generated.plan.indicators.filter((i) => i.ruleText === rule && (weight === null || i.weight === weight));
    const r5025 = find(HALF_RULE_5025)[0].scores;
    expect(r5025.slice(0, 3).map((s) => resultOf(ws, s.cell))).toEqual([5.03, 5.03, 5.03]); // 20.5, 20.50% as a percentage, "20.50%" converted
    expect(halfCells.map((h) => resultOf(ws, h.cell))).toEqual(halfCells.map((h) => h.expected));
    expect(resultOf(ws, find(HALF_RULE_2675)[0].scores[0].cell)).toBe(2.68);
    const capped = find(seedBandedRuleTexts()[0], 4)[0].scores;
    expect(capped.slice(0, 4).map((s) => resultOf(ws, s.cell))).toEqual([0.29, 1.01, 3.37, 4]); // 0.285, 1.005, and the weight 4 caps the top score 5
    // and every x.xx5 half of every seed rule in the sweep
    let halves = 0;
    for (const text of seedBandedRuleTexts()) {
      const hv = halfValues(text, 40);
      const ind = generated.plan.indicators.filter(
        (i) => i.ruleText === text && i.scores.some((s) => s.value !== null && hv.includes(s.value)),
      );
      for (const i of ind)
        for (const s of i.scores)
          if (s.value !== null && hv.includes(s.value)) {
            halves++;
            expect([s.cell, resultOf(ws, s.cell)]).toEqual([s.cell, s.computed]);
          }
    }
    expect(halves).toBeGreaterThan(100);
  });

  test("(c) values changed in the file, recalculated again in LibreOffice, agree with the engine on the new values", async () => {
    const modify = async (bytes: Uint8Array, seed: number) => {
      const wb = await load(bytes);
      const { data } = { data: workbookToData(wb) };
      const plan = computePlan(data);
      const ws = wb.getWorksheet(plan.sheet)!;
      let n = 0;
      for (const ind of plan.indicators) {
        if (ind.ruleKind !== "banded") continue;
        const rule = ruleFor(ind.ruleText);
        const top = rule.bands![rule.bands!.length - 1].low;
        ind.scores.forEach((s, j) => {
          if (!s.valueCell) return;
          const cell = ws.getCell(s.valueCell);
          if (typeof cell.value !== "number") return;
          // a new value anywhere from 0 to 1.3 × the top threshold, 2 decimals, same kind of cell
          const x = Number(((((seed * 7919 + n * 104729 + j * 31) % 1000) / 1000) * top * 1.3).toFixed(2));
          n++;
          cell.value = (cell.numFmt ?? "").includes("%") && !cell.numFmt.includes('"%') ? Number((x / 100).toPrecision(12)) : x;
        });
      }
      return { bytes: await writeWorkbook(wb), changed: n };
    };
    const a = await modify(await writeWorkbook(lo.sample), 1);
    const b = await modify(await writeWorkbook(lo.generated), 2);
    expect(a.changed).toBeGreaterThan(20);
    const out = await recalcWithLibreOffice([
      { name: "sample2", bytes: a.bytes },
      { name: "generated2", bytes: b.bytes },
    ]);
    for (const [mine, theirs] of [
      [a.bytes, out[0]],
      [b.bytes, out[1]],
    ]) {
      // the engine on the changed values: computePlan over the changed file
      const plan = computePlan(workbookToData(await load(mine)));
      const ws = (await load(theirs)).getWorksheet(plan.sheet)!;
      const { checked, wrong } = compareWithEngine(ws, plan);
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(20);
      expect(errorsIn(await load(theirs))).toEqual([]);
    }
  }, 120_000);

  test("(e) no #NAME?, Err: or #VALUE! anywhere after LibreOffice recalculates", () => {
    expect(errorsIn(lo.sample)).toEqual([]);
    expect(errorsIn(lo.generated)).toEqual([]);
    expect(errorsIn(lo.functions)).toEqual([]);
    const flat = sampleCsv.flat().join("\n");
    expect(flat).not.toMatch(/#NAME\?|Err:\d|#VALUE!/);
  });

  test("custom functions converted to plain formulas compute in LibreOffice", () => {
    const ws = lo.functions.getWorksheet("函数")!;
    expect(resultOf(ws, "C1")).toBe(5.03);
    expect(ws.getCell("C2").value).toBe(5.03);
    expect(ws.getCell("C3").value).toBe(6);
    // the 2019 total, 61.33, is a B
    expect(sample.plan.totals[1].computed).toBe(61.33);
    expect(ws.getCell("C4").formula).toMatch(/^IF\(/);
    expect(resultOf(ws, "C4")).toBe("B");
    expect(resultOf(ws, "C5")).toBe("");
  });

  test("LibreOffice shows each converted value cell exactly as the text it replaced", () => {
    const conv = sample.report.changes.filter((c) => c.kind === "value-number" && c.sheet === sample.plan.sheet);
    expect(conv.length).toBeGreaterThan(20);
    const shownByLo = conv.map((c) => {
      const [r, col] = rc(c.cell);
      return sampleCsv[r]?.[col];
    });
    expect(shownByLo).toEqual(conv.map((c) => c.before));
  });

  test("LibreOffice shows texts with quotes, backslashes, separators and prefixes exactly as written", () => {
    expect(formatsCsv.slice(0, TRICKY.length).map((r) => r[0])).toEqual(TRICKY.map(([t]) => t));
  });
});
