/** The `check` text sections of the analysis: 升级分析 (path to the next grade) and 按责任单位. */
import type { Plan } from "../model/types";
import {
  byDepartment,
  upgradeAnalyses,
  type DepartmentPlan,
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
  if (r.kind === "manual") return [String(r.row), r.name, scoreMax, head, S.upgradeManual, "", ""];
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

function table(head: string[], rows: string[][]): string[] {
  // a fold, not Math.max(...): a spread of every row's width overflows the stack on a big table
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? "")), displayWidth(h)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], i === 0))
      .join("  ")
      .replace(/\s+$/, "");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].map((l) => "  " + l);
}

export function formatUpgrade(a: UpgradeAnalysis): string[] {
  const out: string[] = [];
  out.push(S.upgradeHeading(a.column, score2(a.total), a.grade, a.nextGrade, score2(a.gap), a.todayColumn));
  const rows = a.rows.map(rowCells);
  out.push(
    ...table(
      [S.headRow, S.headName, S.upgradeScore, S.upgradeHeadroom, S.upgradeNext, S.upgradeFullNeeds, S.upgradeFromToday(a.todayColumn)],
      rows,
    ),
  );
  const s = a.suggestion;
  if (s) {
    out.push(!s.reaches ? S.suggestionShort : s.method === "greedy" ? S.suggestionHeadingGreedy : S.suggestionHeading);
    for (const step of s.steps) {
      out.push(
        `    第${step.row}行 ${step.name}：${score2(step.fromScore)} → ${score2(step.toScore)}（${step.action}，+${plainNumber(step.relative * 100)}%）`,
      );
    }
    out.push(S.suggestionTotal(a.column, score2(s.total), s.grade));
  }
  return out;
}

export function formatDepartments(depts: DepartmentPlan[]): string[] {
  const out: string[] = [S.deptHeading];
  for (const d of depts) {
    out.push(`  ${d.name || S.deptUnnamed}（${S.deptCount(d.tasks.length, d.flagCount)}）`);
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
      out.push(`    第${t.row}行 ${t.name}${role}：${parts || "—"}`);
    }
  }
  return out;
}

/** Both sections, after the flags of `check`'s table, a line at a time (each with its "\n"). */
export function writeAnalysis(plan: Plan, put: (text: string) => void): void {
  if (plan.indicators.length === 0) return;
  const analyses = upgradeAnalyses(plan);
  const add = (lines: string[]) => {
    put("\n");
    for (const line of lines) put(line + "\n");
  };
  for (const a of analyses) add(formatUpgrade(a));
  add(formatDepartments(byDepartment(plan, analyses[0] ?? null)));
}
