/** The readable (Chinese) report of one plan: a table of scores, then the flags, then the totals. */
import { Rational } from "../engine/decimal";
import type { IndicatorPlan, Plan, ScoreCell, TotalPlan } from "../model/types";
import { displayWidth, pad } from "../xlsx/width";
import { S } from "./strings";
import { formatAnalysis } from "./format-analysis";

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

export function formatPlan(plan: Plan, file: string): string {
  const years = plan.layout.years;
  const head = [S.headRow, S.headName, S.headMax, ...years.map((y) => y.label + (S.kindLabel[y.kind] ?? ""))];
  const rows: string[][] = plan.indicators.map((ind) => {
    const max = ind.max ?? ind.weight;
    const cells = years.map((y) => {
      const s = ind.scores.find((c) => c.column === y.label);
      return s ? scoreCellText(s) : "";
    });
    return [String(ind.row), ind.name, max === null ? "" : plainNumber(max), ...cells];
  });
  if (plan.totals.length > 0) {
    const maxSum = plan.indicators.reduce((a, ind) => a + (ind.max ?? ind.weight ?? 0), 0);
    rows.push([
      "",
      S.totalRow,
      plainNumber(maxSum),
      ...years.map((y) => {
        const t = plan.totals.find((x) => x.column === y.label);
        return t ? totalText(t) : "";
      }),
    ]);
  }
  // a fold, not Math.max(...): a spread of every row's width overflows the stack on a big table
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i])), displayWidth(h)));
  const rightAligned = (i: number) => i === 0 || i === 2;
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], rightAligned(i)))
      .join("  ")
      .replace(/\s+$/, "");

  const out: string[] = [];
  out.push(S.fileLine(file, plan.sheet));
  if (plan.tableNotice) out.push(S.tablesNotice(plan.tableNotice.message));
  if (plan.indicators.length === 0) {
    const headerRow = plan.layout.headerRows[plan.layout.headerRows.length - 1] ?? 0;
    out.push(S.noIndicators(`${plan.sheet}!A${headerRow + 1}`));
    return out.join("\n") + "\n";
  }
  out.push(S.legend);
  out.push("");
  out.push(line(head));
  out.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(0, plan.indicators.length)) out.push(line(r));
  if (plan.totals.length > 0) {
    out.push(widths.map((w) => "-".repeat(w)).join("  "));
    out.push(line(rows[rows.length - 1]));
    out.push(
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
    out.push("");
    out.push(S.subtotalHeading);
    for (const st of plan.subtotals) {
      const byYear = years
        .filter((y) => st.byColumn[y.label] !== undefined)
        .map((y) => `${y.label} ${score2(st.byColumn[y.label])}`)
        .join("　");
      out.push(`  ${st.category}${st.points === null ? "" : `（${plainNumber(st.points)}分）`}：${byYear}`);
    }
  }
  const notes = plan.indicators.flatMap((ind) =>
    ind.scores.filter((s) => s.note).map((s) => `  第${ind.row}行 ${ind.name} ${s.column}：${s.note}`),
  );
  if (notes.length > 0) {
    out.push("");
    out.push(S.valueNotesHeading);
    for (const line of notes) out.push(line); // not push(...notes): 100,000 arguments overflow the stack
  }
  out.push("");
  const flagLines = plan.indicators.flatMap(flagLinesOf);
  if (flagLines.length === 0) out.push(S.noFlags);
  else {
    out.push(S.flagsHeading);
    for (const line of flagLines) out.push(line);
  }
  return out.join("\n") + "\n" + formatAnalysis(plan);
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
