/** The `check` text sections of the analysis: 升级分析 (path to the next grade) and 按责任单位. */
import type { Plan } from "../model/types";
import {
  departmentsStream,
  judgedByAssessors,
  upgradeAnalysesStream,
  type DeptTask,
  type UpgradeAnalysis,
  type UpgradeGoal,
  type UpgradeRow,
} from "../model/analysis";
import { displayWidth, pad } from "../xlsx/width";
import { plainNumber, score2 } from "./format";
import { S } from "./strings";

/** "+2511万元（+100.88%）" */
export function distanceText(d: { absolute: number; relative: number | null } | null, unit: string | null): string {
  if (!d) return "";
  const sign = d.absolute >= 0 ? "+" : "";
  const rel = d.relative === null ? "" : `（${sign}${plainNumber(d.relative * 100)}%）`;
  return `${sign}${plainNumber(d.absolute)}${unit ?? ""}${rel}`;
}

/** What a goal needs: "5000万元", "省级重点实验室每家1分 ×2", or "" */
export function goalText(g: UpgradeGoal | null): string {
  if (!g) return "";
  if (g.valueText) return g.valueText;
  if (g.add) return S.addItems(g.add.item, g.add.count);
  return "";
}

function rowCells(r: UpgradeRow): string[] {
  const head = r.headroom === null ? "" : score2(r.headroom);
  const scoreMax = `${score2(r.score)}/${r.max === null ? "?" : plainNumber(r.max)}`;
  if (r.headroom === 0) return [String(r.row), r.name, scoreMax, head, S.upgradeFull, "", ""];
  if (r.kind === "manual")
    return [String(r.row), r.name, scoreMax, head, judgedByAssessors(r) ? S.upgradeManual : S.upgradeNoValue, "", ""];
  const next = r.next ? `${plainNumber(r.next.score)}分：${goalText(r.next)}` : "";
  const full = r.full ? goalText(r.full) : "";
  const from =
    r.kind === "value"
      ? distanceText(r.next?.fromToday ?? null, r.unit)
      : r.items
          .slice(1, 3)
          .map((i) => i.label)
          .join("、");
  return [String(r.row), r.name, scoreMax, head, next, full, from];
}

/**
 * A table of `rows` (each made by `cells`), a line at a time: the rows are walked twice, once for the
 * column widths and once to print, so a lazy list of 100,000 rows is never held (each walk makes them
 * again).
 */
function writeTable<T>(head: string[], rows: Iterable<T>, cells: (r: T) => string[], out: (line: string) => void): void {
  const widths = head.map((h) => displayWidth(h));
  for (const r of rows) cells(r).forEach((c, i) => (widths[i] = Math.max(widths[i], displayWidth(c ?? ""))));
  const line = (cs: string[]) =>
    cs
      .map((c, i) => pad(c, widths[i], i === 0))
      .join("  ")
      .replace(/\s+$/, "");
  out("  " + line(head));
  out("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) out("  " + line(cells(r)));
}

type Analysis = Omit<UpgradeAnalysis, "rows"> & { rows: Iterable<UpgradeRow> };

function writeUpgrade(a: Analysis, out: (line: string) => void): void {
  out(S.upgradeHeading(a.column, score2(a.total), a.grade, a.nextGrade, score2(a.gap), a.todayColumn));
  writeTable(
    [S.headRow, S.headName, S.upgradeScore, S.upgradeHeadroom, S.upgradeNext, S.upgradeFullNeeds, S.upgradeFromToday(a.todayColumn)],
    a.rows,
    rowCells,
    out,
  );
  const s = a.suggestion;
  if (s) {
    out(!s.reaches ? S.suggestionShort : s.method === "greedy" ? S.suggestionHeadingGreedy : S.suggestionHeading);
    for (const step of s.steps) {
      out(
        `    第${step.row}行 ${step.name}：${score2(step.fromScore)} → ${score2(step.toScore)}（${step.action}，+${plainNumber(step.relative * 100)}%）`,
      );
    }
    out(S.suggestionTotal(a.column, score2(s.total), s.grade));
  }
}

function writeDepartments(
  depts: { name: string; flagCount: number; tasks: Iterable<DeptTask> & { length: number } }[],
  out: (line: string) => void,
): void {
  out(S.deptHeading);
  for (const d of depts) {
    out(`  ${d.name || S.deptUnnamed}（${S.deptCount(d.tasks.length, d.flagCount)}）`);
    for (const t of d.tasks) {
      const role = t.role === "lead" ? S.roleLead : t.role === "support" ? S.roleSupport : "";
      const now = t.current?.score != null ? `${t.current.column}年 ${score2(t.current.score)}` : "";
      const goal =
        t.target?.score != null
          ? `${t.target.column}年目标 ${score2(t.target.score)}${t.target.valueText ? `（${t.target.valueText}）` : ""}`
          : "";
      const need = t.requiredText ? S.required(t.requiredText) : "";
      const sugg = t.suggested ? S.deptSuggested(t.suggested.action, score2(t.suggested.toScore)) : "";
      const flags = t.flags.length ? S.deptFlags(t.flags.length) : "";
      const parts = [[now, goal].filter(Boolean).join(" → "), need, sugg, flags].filter(Boolean).join("；");
      out(`    第${t.row}行 ${t.name}${role}：${parts || "—"}`);
    }
  }
}

/**
 * Both sections, after the flags of `check`'s table, a line at a time (each with its "\n"): the
 * analyses' rows and the departments' tasks are made as they are printed (src/model/lazy-list.ts).
 */
export function writeAnalysis(plan: Plan, put: (text: string) => void): void {
  if (plan.indicators.length === 0) return;
  const out = (line: string) => put(line + "\n");
  const analyses = upgradeAnalysesStream(plan);
  for (const a of analyses) {
    out("");
    writeUpgrade(a, out);
  }
  out("");
  writeDepartments(departmentsStream(plan, analyses[0] ?? null), out);
}
