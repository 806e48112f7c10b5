/**
 * `kjscore report FILE -o OUT.xlsx`: the 得分分析报告 of one 分工表 as a workbook of its own — each
 * year's total and grade, the 一级指标 subtotals, the corrections, the path to the next grade and the
 * department list on one printable sheet; the full 升级分析 and 按责任单位 tables on two more. Written
 * fresh with ExcelJS (nothing of the user's file is round-tripped, so nothing of it can be lost).
 */
import ExcelJS from "exceljs";
import type { Plan } from "../model/types";
import { byDepartment, judgedByAssessors, upgradeAnalyses, type UpgradeAnalysis } from "../model/analysis";
import { distanceText, goalText } from "../cli/format-analysis";
import { plainNumber, score2 } from "../cli/format";
import { scalarText } from "../model/sheet";
import { R } from "./strings";
import { displayWidth } from "../xlsx/width";
import { GRADE_FILL, addGradeColours, heading, styleHead, title } from "./style";

export interface CountyInput {
  file: string;
  county: string;
  plan: Plan;
}

/** Excel does not grow a row for wrapped text written by a program: give it the lines it needs. */
function fitHeight(row: ExcelJS.Row, text: string, widthChars: number): void {
  const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / widthChars)), 0);
  if (lines <= 1) return;
  row.height = lines * 14;
  row.eachCell((c) => (c.alignment = { ...c.alignment, vertical: "top" }));
}

const num2 = (x: number | null | undefined) => (x === null || x === undefined ? null : Number(score2(x)));

function reportSheet(wb: ExcelJS.Workbook, { file, county, plan }: CountyInput, upgrade: UpgradeAnalysis | undefined): void {
  const ws = wb.addWorksheet(R.sheetReport, {
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = [{ width: 12 }, { width: 36 }, { width: 12 }, { width: 12 }, { width: 22 }, { width: 12 }];
  title(ws, R.reportTitle(county), R.reportTitleEn);
  ws.addRow([R.source(file, plan.sheet)]).font = { color: { argb: "FF595959" }, size: 9 };
  ws.addRow([]);

  heading(ws, R.totalsHeading);
  styleHead(ws.addRow(R.totalsHead));
  const firstTotal = ws.rowCount + 1;
  for (const t of plan.totals) {
    ws.addRow([t.column, R.kind[t.kind] ?? t.kind, num2(t.computed), num2(t.stated), t.grade, t.gapToNext > 0 ? num2(t.gapToNext) : null]);
  }
  const lastTotal = ws.rowCount;
  if (lastTotal >= firstTotal) {
    for (let r = firstTotal; r <= lastTotal; r++) ws.getCell(`C${r}`).numFmt = ws.getCell(`D${r}`).numFmt = "0.00";
    // the chart of the page, as a data bar: 0…100 points
    ws.addConditionalFormatting({
      ref: `C${firstTotal}:C${lastTotal}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          minLength: 0,
          maxLength: 100,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 100 },
          ],
          color: { argb: "FF0F6CBD" },
        } as ExcelJS.DataBarRuleType,
      ],
    });
    addGradeColours(ws, `E${firstTotal}:E${lastTotal}`, `E${firstTotal}`);
  }
  ws.addRow([]);

  heading(ws, R.subtotalsHeading);
  const years = plan.layout.years.map((y) => y.label);
  styleHead(ws.addRow(R.subtotalsHead(years).slice(0, 6)));
  for (const s of plan.subtotals) {
    ws.addRow([s.category, s.points, ...years.slice(0, 4).map((y) => num2(s.byColumn[y]))]);
  }
  ws.addRow([]);

  heading(ws, R.correctionsHeading);
  if (plan.writes.length === 0) ws.addRow([R.noCorrections]);
  else {
    styleHead(ws.addRow(R.correctionsHead));
    for (const w of plan.writes) {
      const row = ws.addRow([w.cell, scalarText(w.before) || "（空）", w.after, w.reason]);
      row.getCell(3).numFmt = "0.00";
      ws.mergeCells(row.number, 4, row.number, 6);
      row.getCell(4).alignment = { wrapText: true, vertical: "top" };
      fitHeight(row, w.reason, 44);
    }
  }
  ws.addRow([]);

  if (upgrade) {
    heading(ws, R.pathHeading(upgrade.column, score2(upgrade.total), upgrade.grade, upgrade.nextGrade, score2(upgrade.gap)));
    const s = upgrade.suggestion;
    if (s) {
      styleHead(ws.addRow(R.pathHead));
      for (const step of s.steps) {
        const row = ws.addRow([step.row, step.name, step.fromScore, step.toScore, step.action, step.relative]);
        row.getCell(3).numFmt = row.getCell(4).numFmt = "0.00";
        row.getCell(6).numFmt = "0.00%";
      }
      const line = ws.addRow([s.reaches ? R.pathTotal(upgrade.column, score2(s.total), s.grade) : R.pathShort]);
      line.font = { bold: true };
      ws.mergeCells(line.number, 1, line.number, 6);
    }
    ws.addRow([]);
  }

  heading(ws, R.deptHeading);
  styleHead(ws.addRow(R.deptHead));
  for (const d of byDepartment(plan, upgrade ?? null)) {
    const names = d.tasks.map((t) => t.name).join("、");
    const row = ws.addRow([d.name || R.unnamed, d.tasks.length, d.flagCount, names]);
    ws.mergeCells(row.number, 4, row.number, 6);
    row.getCell(4).alignment = { wrapText: true, vertical: "top" };
    fitHeight(row, names, 44);
  }
}

function upgradeSheet(wb: ExcelJS.Workbook, analyses: UpgradeAnalysis[]): void {
  const ws = wb.addWorksheet(R.sheetUpgrade);
  ws.columns = [6, 40, 8, 8, 8, 10, 18, 18, 22, 10, 40].map((width) => ({ width }));
  title(ws, R.sheetUpgrade, "Path to the next grade");
  for (const a of analyses) {
    ws.addRow([]);
    heading(
      ws,
      `${R.upgradeColumn(a.column, R.kind[a.kind] ?? a.kind)}：${R.pathHeading(a.column, score2(a.total), a.grade, a.nextGrade, score2(a.gap))}`,
    );
    styleHead(ws.addRow(R.upgradeHead(a.todayColumn)));
    for (const r of a.rows) {
      const note = r.headroom === 0 ? R.full : r.kind === "manual" ? (judgedByAssessors(r) ? R.manual : R.noValue) : "";
      const row = ws.addRow([
        r.row,
        r.name,
        r.score,
        r.max,
        r.headroom,
        r.next ? r.next.score : note || null,
        goalText(r.next) || null,
        goalText(r.full) || null,
        r.kind === "value" ? distanceText(r.next?.fromToday ?? null, r.unit) || null : null,
        r.kind === "value" ? (r.next?.fromToday?.relative ?? null) : null,
        r.items
          .slice(0, 3)
          .map((i) => i.label)
          .join("、") || null,
      ]);
      for (const c of [3, 4, 5]) row.getCell(c).numFmt = "0.00";
      row.getCell(10).numFmt = "0.00%";
    }
    if (a.suggestion) {
      ws.addRow([]);
      styleHead(ws.addRow(R.pathHead));
      for (const step of a.suggestion.steps) {
        const row = ws.addRow([step.row, step.name, step.fromScore, step.toScore, step.action, step.relative]);
        row.getCell(6).numFmt = "0.00%";
      }
      ws.addRow([a.suggestion.reaches ? R.pathTotal(a.column, score2(a.suggestion.total), a.suggestion.grade) : R.pathShort]).font = {
        bold: true,
      };
    }
  }
}

function deptSheet(wb: ExcelJS.Workbook, plan: Plan, upgrade: UpgradeAnalysis | null): void {
  const ws = wb.addWorksheet(R.sheetDepts);
  ws.columns = [20, 6, 6, 40, 10, 10, 16, 16, 30, 50].map((width) => ({ width }));
  title(ws, R.sheetDepts, "Tasks by department");
  styleHead(ws.addRow(R.deptsHead));
  for (const d of byDepartment(plan, upgrade)) {
    for (const t of d.tasks) {
      const row = ws.addRow([
        d.name || R.unnamed,
        t.role === "lead" ? R.lead : t.role === "support" ? R.support : null,
        t.row,
        t.name,
        t.current?.score ?? null,
        t.target?.score ?? null,
        t.target?.valueText || null,
        t.requiredText,
        t.suggested ? `${t.suggested.action}（${plainNumber(t.suggested.toScore)}分）` : null,
        t.flags.map((f) => f.message).join("\n") || null,
      ]);
      row.getCell(5).numFmt = row.getCell(6).numFmt = "0.00";
      row.getCell(10).alignment = { wrapText: true, vertical: "top" };
      fitHeight(row, t.flags.map((f) => f.message).join("\n"), 48);
    }
  }
  ws.views = [{ state: "frozen", ySplit: 2 }];
}

export async function countyReportBuffer(input: CountyInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KJScore 科创评分";
  const analyses = upgradeAnalyses(input.plan);
  reportSheet(wb, input, analyses[0]);
  upgradeSheet(wb, analyses);
  deptSheet(wb, input.plan, analyses[0] ?? null);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export { GRADE_FILL };
