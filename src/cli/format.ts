/** The readable (Chinese) report of one plan: a table of scores, then the flags, then the totals. */
import { Rational } from "../engine/decimal";
import type { IndicatorPlan, Plan, ScoreCell, TotalPlan } from "../model/types";
import { displayWidth, pad } from "../xlsx/width";
import { S } from "./strings";
import { writeAnalysis } from "./format-analysis";

/** Scores as Excel shows them with "0.00": half away from zero on the decimal typed (2.675 → 2.68; toFixed gives 2.67). */
export function score2(n: number): string {
  return Rational.fromNumber(n).toDecimalString(2);
}

/** A value in the rule's unit, without float noise: 2560, 0.5, 15.14. */
export function plainNumber(n: number): string {
  return String(Number(n.toFixed(6)));
}

const MARK = { ok: "✓", mismatch: "✗", range: "≈", manual: "✎", "no-value": "—", error: "!" } as const;

export function scoreCellText(s: ScoreCell): string {
  const stated = s.stated === null ? null : score2(s.stated);
  switch (s.status) {
    case "ok":
      return `${stated ?? (s.computed === null ? "" : score2(s.computed))} ${MARK.ok}`;
    case "mismatch":
      if (s.range) return `${stated ?? "空"}∉${plainNumber(s.range[0])}~${plainNumber(s.range[1])} ${MARK.mismatch}`;
      return `${stated ?? "空"}→${s.computed === null ? "?" : score2(s.computed)} ${MARK.mismatch}`;
    case "range":
      return `${stated ?? "空"} ${MARK.range}${s.range ? `${plainNumber(s.range[0])}~${plainNumber(s.range[1])}` : ""}`;
    case "manual":
      return `${stated ?? "空"} ${MARK.manual}`;
    case "no-value":
      return stated === null ? MARK["no-value"] : `${stated} ${MARK["no-value"]}`;
    case "error":
      return stated === null ? MARK.error : `${stated} ${MARK.error}`;
    default:
      return stated ?? "";
  }
}

function totalText(t: TotalPlan): string {
  const computed = score2(t.computed);
  if (t.stated === null) return `${computed} ${t.grade}`;
  if (score2(t.stated) === computed) return `${computed} ${t.grade}`;
  return `${score2(t.stated)}→${computed} ${t.grade}`;
}

/**
 * `check`'s text for one table, handed to `put` a line at a time (each with its "\n"), so a
 * 100,000-row table is never one string of every line: the row cells are made twice (once for the
 * column widths, once to print) rather than held.
 */
export function writePlan(plan: Plan, file: string, put: (text: string) => void): void {
  const years = plan.layout.years;
  const head = [S.headRow, S.headName, S.headMax, ...years.map((y) => y.label + (S.kindLabel[y.kind] ?? ""))];
  const rowOf = (ind: IndicatorPlan): string[] => {
    const max = ind.max ?? ind.weight;
    const cells = years.map((y) => {
      const s = ind.scores.find((c) => c.column === y.label);
      return s ? scoreCellText(s) : "";
    });
    return [String(ind.row), ind.name, max === null ? "" : plainNumber(max), ...cells];
  };
  const totalRow: string[] | null =
    plan.totals.length > 0
      ? [
          "",
          S.totalRow,
          plainNumber(plan.indicators.reduce((a, ind) => a + (ind.max ?? ind.weight ?? 0), 0)),
          ...years.map((y) => {
            const t = plan.totals.find((x) => x.column === y.label);
            return t ? totalText(t) : "";
          }),
        ]
      : null;
  // a fold, not Math.max(...): a spread of every row's width overflows the stack on a big table
  const widths = head.map((h) => displayWidth(h));
  const widen = (r: string[]) => r.forEach((c, i) => (widths[i] = Math.max(widths[i], displayWidth(c))));
  for (const ind of plan.indicators) widen(rowOf(ind));
  if (totalRow) widen(totalRow);
  const rightAligned = (i: number) => i === 0 || i === 2;
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], rightAligned(i)))
      .join("  ")
      .replace(/\s+$/, "");
  const out = (t: string) => put(t + "\n");

  out(S.fileLine(file, plan.sheet));
  if (plan.tableNotice) out(S.tablesNotice(plan.tableNotice.message));
  if (plan.indicators.length === 0) {
    const headerRow = plan.layout.headerRows[plan.layout.headerRows.length - 1] ?? 0;
    out(S.noIndicators(`${plan.sheet}!A${headerRow + 1}`));
    return;
  }
  out(S.legend);
  out("");
  out(line(head));
  out(widths.map((w) => "-".repeat(w)).join("  "));
  for (const ind of plan.indicators) out(line(rowOf(ind)));
  if (totalRow) {
    out(widths.map((w) => "-".repeat(w)).join("  "));
    out(line(totalRow));
    out(
      "  " +
        plan.totals
          .map(
            (t) =>
              `${t.column}：${score2(t.computed)}（${S.grade(t.grade)}${t.gapToNext > 0 ? `，距上一级差 ${score2(t.gapToNext)}` : ""}）`,
          )
          .join("　"),
    );
  }
  if (plan.subtotals.length > 0) {
    out("");
    out(S.subtotalHeading);
    for (const st of plan.subtotals) {
      const byYear = years
        .filter((y) => st.byColumn[y.label] !== undefined)
        .map((y) => `${y.label} ${score2(st.byColumn[y.label])}`)
        .join("　");
      out(`  ${st.category}${st.points === null ? "" : `（${plainNumber(st.points)}分）`}：${byYear}`);
    }
  }
  let noted = false;
  for (const ind of plan.indicators) {
    for (const s of ind.scores) {
      if (!s.note) continue;
      if (!noted) {
        out("");
        out(S.valueNotesHeading);
        noted = true;
      }
      out(`  第${ind.row}行 ${ind.name} ${s.column}：${s.note}`);
    }
  }
  out("");
  let flagged = false;
  for (const ind of plan.indicators) {
    for (const l of flagLinesOf(ind)) {
      if (!flagged) {
        out(S.flagsHeading);
        flagged = true;
      }
      out(l);
    }
  }
  if (!flagged) out(S.noFlags);
  writeAnalysis(plan, put);
}

function flagLinesOf(ind: IndicatorPlan): string[] {
  // the model's messages name their cell ("K3：…"); add it only when one does not
  const lines = ind.flags.map(
    (f) => `  第${ind.row}行 ${ind.name}${f.column ? ` ${f.column}` : ""}：${f.message.includes(f.cell) ? "" : `${f.cell}：`}${f.message}`,
  );
  if (ind.requiredValue !== null && ind.flags.length > 0) {
    const v = plainNumber(ind.requiredValue);
    if (!ind.flags.some((f) => f.message.includes(v))) {
      lines.push(`  第${ind.row}行 ${ind.name}：${S.required(v + (ind.unit ?? ""))}`);
    }
  }
  return lines;
}
