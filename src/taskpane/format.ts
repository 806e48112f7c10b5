/** Number formatting and small derivations the views share. Pure: no React, no host. */
import type { CellScalar } from "../engine/types";
import type { Flag, Grade, IndicatorPlan, Plan, ScoreCell } from "../model/types";

/** A score as the sheet prints it: two decimals. */
export function fmtScore(n: number): string {
  return n.toFixed(2);
}

/** Points such as weights and maxima: no trailing zeros (5, 2.5, 0.3). */
export function fmtPoints(n: number): string {
  return String(Number(n.toFixed(2)));
}

/**
 * A required value: rounded UP to two decimals (a value rounded down would fall just short of
 * the score), trailing zeros dropped, unit appended as the sheet writes it ("2560万元", "0.5%").
 */
export function fmtRequired(value: number, unit: string | null): string {
  return `${String(Number(roundUp2(value).toFixed(2)))}${unit ?? ""}`;
}

/** Up to two decimals, never down (a float a hair above a cent, 2560.000000001, stays 2560). */
function roundUp2(value: number): number {
  return Math.ceil(value * 100 - 1e-6) / 100;
}

/** How far the latest actual value is from the required one, in the rule's unit; null when unknown. */
export function valueGap(ind: IndicatorPlan): { from: ScoreCell; gap: number } | null {
  if (ind.requiredValue === null) return null;
  const done = ind.scores.filter((s) => s.kind !== "target" && s.value !== null);
  const from = done[done.length - 1];
  if (!from) return null;
  return { from, gap: Math.round((roundUp2(ind.requiredValue) - (from.value as number)) * 100) / 100 };
}

/** A cell's content as a short display text. */
export function fmtCell(v: CellScalar, empty: string): string {
  if (v === null || v === "") return empty;
  if (typeof v === "number") return String(Number(v.toFixed(6)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object") return v.error;
  return v;
}

/** The grade above the given one, and the points it starts at. */
export function nextGrade(grade: Grade): { grade: Grade; at: number } | null {
  if (grade === "C") return { grade: "B", at: 60 };
  if (grade === "B") return { grade: "A", at: 80 };
  return null;
}

/** The score a ScoreCell stands for: the rule's when it decides one, else the sheet's. */
export function effectiveScore(s: ScoreCell): number | null {
  return s.computed ?? s.stated;
}

/** The last actual or forecast year that has a score: what the target is measured against. */
export function latestActual(ind: IndicatorPlan): ScoreCell | null {
  const done = ind.scores.filter((s) => s.kind !== "target" && effectiveScore(s) !== null);
  return done.length ? done[done.length - 1] : null;
}

export function targetCell(ind: IndicatorPlan): ScoreCell | null {
  return ind.scores.find((s) => s.kind === "target") ?? null;
}

/** "创新投入（20分）" → "创新投入": the pane states the points itself. */
export function categoryName(category: string): string {
  const stripped = category.replace(/\s*[（(]\s*[\d.]+\s*分\s*[）)]\s*$/, "");
  return stripped || category;
}

/**
 * A target-unreachable flag that only says the target value is blank: nothing is out of reach yet,
 * a figure is missing, so the pane files it under 目标值未填写 (the flag code stays the same).
 */
export function missingTarget(ind: IndicatorPlan, flag: Flag): boolean {
  if (flag.code !== "target-unreachable") return false;
  const sc = ind.scores.find((s) => s.column === flag.column);
  if (!sc || sc.kind !== "target" || sc.status !== "no-value") return false;
  return !(ind.max !== null && sc.stated !== null && sc.stated > ind.max + 1e-9);
}

/** Cells whose every target-unreachable flag is a blank target value (the sheet names them so too). */
export function missingTargetCells(plan: Plan): Set<string> {
  const missing = new Set<string>();
  const reached = new Set<string>();
  for (const ind of plan.indicators) {
    for (const f of ind.flags) {
      if (f.code !== "target-unreachable") continue;
      (missingTarget(ind, f) ? missing : reached).add(f.cell);
    }
  }
  for (const c of reached) missing.delete(c);
  return missing;
}

/** The problems the 提示 tab counts: every flag but target-gap, which is planned growth, not a fault. */
export function problemCount(plan: Plan): number {
  return plan.indicators.reduce((n, ind) => n + ind.flags.filter((f) => f.code !== "target-gap").length, 0);
}

/** Indicators with a rule or a value that could not be read: their scores are not checked. */
export function unreadCount(plan: Plan): number {
  return plan.indicators.filter((ind) => ind.flags.some((f) => f.code === "rule-error" || f.code === "value-error")).length;
}
