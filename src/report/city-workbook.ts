/**
 * `kjscore report FOLDER -o OUT.xlsx`: what a 市科技局 needs from its counties' files — every county's
 * totals and grades per year, ranked; each indicator's score per county, coloured by conditional
 * formatting rules against the indicator's maximum (rules, so the colours follow later edits); and
 * the counts of flags. Counties' sheets may differ in years and wording: years are the union of
 * every file's year labels, indicators are matched by name.
 */
import ExcelJS from "exceljs";
import type { ColumnKind, FlagCode, Plan, TotalPlan } from "../model/types";
import { columnLetter } from "../model/sheet";
import { R } from "./strings";
import { addGradeColours, styleHead, title } from "./style";

export interface CityCounty {
  file: string;
  county: string;
  plan: Plan;
}

export interface CityFailure {
  file: string;
  error: string;
}

/** The county's total of its last column of a kind (its target year, its latest actual year). */
function lastOfKind(plan: Plan, kind: ColumnKind): TotalPlan | null {
  return [...plan.totals].reverse().find((t) => t.kind === kind) ?? null;
}

/** Competition ranks (1, 2, 2, 4) of `values` in descending order; null stays unranked. */
export function ranks(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v + 1e-9).length));
}

/** Printed landscape on A4, as wide as one page, as long as it needs. */
const PRINT: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

const CODES: FlagCode[] = ["target-unreachable", "target-gap", "score-mismatch", "rule-error", "value-error"];

function rankSheet(wb: ExcelJS.Workbook, counties: CityCounty[]): void {
  const ws = wb.addWorksheet(R.citySheetRank, { pageSetup: PRINT });
  title(ws, R.cityTitle(counties.length), R.cityTitleEn);
  ws.addRow([R.cityRankNote]).font = { color: { argb: "FF595959" }, size: 9 };
  const years = [...new Set(counties.flatMap((c) => c.plan.totals.map((t) => t.column)))].sort();
  const head = [...R.cityRankHead, ...years.flatMap((y) => R.cityYear(y))];
  styleHead(ws.addRow(head));
  const first = ws.rowCount + 1;
  const targetRanks = ranks(counties.map((c) => lastOfKind(c.plan, "target")?.computed ?? null));
  const yearRanks = years.map((y) => ranks(counties.map((c) => c.plan.totals.find((t) => t.column === y)?.computed ?? null)));
  const order = counties.map((_, i) => i).sort((a, b) => (targetRanks[a] ?? Infinity) - (targetRanks[b] ?? Infinity) || a - b);
  for (const i of order) {
    const c = counties[i];
    const target = lastOfKind(c.plan, "target");
    const actual = lastOfKind(c.plan, "actual");
    const perYear = years.flatMap((y, k) => {
      const t = c.plan.totals.find((x) => x.column === y);
      return t ? [t.computed, t.grade, yearRanks[k][i]] : [null, null, null];
    });
    const row = ws.addRow([
      targetRanks[i],
      c.county,
      c.file,
      target ? Number(target.column) || target.column : null,
      target?.computed ?? null,
      target?.grade ?? null,
      actual ? Number(actual.column) || actual.column : null,
      actual?.computed ?? null,
      actual?.grade ?? null,
      ...perYear,
    ]);
    row.eachCell((cell, col) => {
      if (typeof cell.value === "number" && (col === 5 || col === 8 || (col > 9 && (col - 10) % 3 === 0))) cell.numFmt = "0.00";
    });
  }
  const last = ws.rowCount;
  if (last >= first) {
    const gradeCols = [6, 9, ...years.map((_, k) => 11 + 3 * k)];
    for (const col of gradeCols) {
      const L = columnLetter(col - 1);
      addGradeColours(ws, `${L}${first}:${L}${last}`, `${L}${first}`);
    }
  }
  ws.views = [{ state: "frozen", ySplit: first - 1, xSplit: 2 }];
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 22 : i === 2 ? 18 : 10));
}

function scoresSheet(wb: ExcelJS.Workbook, counties: CityCounty[], kind: ColumnKind, kindName: string): void {
  const ws = wb.addWorksheet(R.citySheetScores(kindName), { pageSetup: PRINT });
  title(ws, R.citySheetScores(kindName), kind === "target" ? "Indicator scores (target year)" : "Indicator scores (latest actual year)");
  ws.addRow([R.cityScoresNote(kindName)]).font = { color: { argb: "FF595959" }, size: 9 };
  // indicators by name, in the order the files first list them, with the largest maximum seen
  const names: string[] = [];
  const max = new Map<string, number | null>();
  for (const c of counties) {
    for (const ind of c.plan.indicators) {
      if (!max.has(ind.name)) names.push(ind.name);
      const m = ind.max ?? ind.weight;
      max.set(ind.name, Math.max(max.get(ind.name) ?? 0, m ?? 0) || null);
    }
  }
  styleHead(ws.addRow([R.cityRankHead[1], R.cityScoresYear, ...names, R.cityScoresTotal]));
  const maxRow = ws.addRow([R.cityMaxRow, null, ...names.map((n) => max.get(n) ?? null), names.reduce((s, n) => s + (max.get(n) ?? 0), 0)]);
  maxRow.font = { italic: true };
  const first = ws.rowCount + 1;
  for (const c of counties) {
    const t = lastOfKind(c.plan, kind);
    const col = t ? c.plan.totals.indexOf(t) : -1;
    const scores = names.map((n) => {
      const ind = c.plan.indicators.find((i) => i.name === n);
      const s = ind && col >= 0 ? ind.scores[col] : undefined;
      return s ? (s.computed ?? s.stated) : null;
    });
    const row = ws.addRow([c.county, t ? Number(t.column) || t.column : null, ...scores, t?.computed ?? null]);
    row.eachCell((cell, k) => {
      if (k > 2 && typeof cell.value === "number") cell.numFmt = "0.00";
    });
  }
  const last = ws.rowCount;
  if (last >= first) {
    names.forEach((n, k) => {
      const m = max.get(n);
      if (!m) return;
      const L = columnLetter(k + 2);
      ws.addConditionalFormatting({
        ref: `${L}${first}:${L}${last}`,
        rules: [
          {
            type: "colorScale",
            priority: k + 1,
            cfvo: [
              { type: "num", value: 0 },
              { type: "num", value: Number((m * 0.6).toFixed(4)) },
              { type: "num", value: m },
            ],
            color: [{ argb: "FFF8696B" }, { argb: "FFFFEB84" }, { argb: "FF63BE7B" }],
          } as ExcelJS.ColorScaleRuleType,
        ],
      });
    });
  }
  ws.views = [{ state: "frozen", ySplit: first - 1, xSplit: 1 }];
  ws.getColumn(1).width = 22;
  ws.getRow(first - 2).height = 90;
  for (let k = 0; k < names.length; k++) ws.getColumn(k + 3).width = 11;
}

function flagsSheet(wb: ExcelJS.Workbook, counties: CityCounty[]): void {
  const ws = wb.addWorksheet(R.citySheetFlags, { pageSetup: PRINT });
  title(ws, R.citySheetFlags, "Flag counts");
  styleHead(ws.addRow(R.cityFlagsHead));
  for (const c of counties) {
    const counts = CODES.map((code) => c.plan.indicators.reduce((n, ind) => n + ind.flags.filter((f) => f.code === code).length, 0));
    ws.addRow([c.county, c.file, ...counts, counts.reduce((a, b) => a + b, 0)]);
  }
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 18;
}

export async function cityReportBuffer(counties: CityCounty[], failures: CityFailure[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KJScore 科创评分";
  // every sheet lists the counties in rank order (the target year's total), ties in file order
  const total = (c: CityCounty) => lastOfKind(c.plan, "target")?.computed ?? -Infinity;
  const ranked = counties
    .map((c, i) => ({ c, i }))
    .sort((a, b) => total(b.c) - total(a.c) || a.i - b.i)
    .map((x) => x.c);
  rankSheet(wb, ranked);
  scoresSheet(wb, ranked, "target", "目标");
  scoresSheet(wb, ranked, "actual", "实际");
  flagsSheet(wb, ranked);
  if (failures.length > 0) {
    const ws = wb.addWorksheet(R.citySheetFailed);
    styleHead(ws.addRow(R.cityFailedHead));
    for (const f of failures) ws.addRow([f.file, f.error]);
    ws.getColumn(1).width = 30;
    ws.getColumn(2).width = 80;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
