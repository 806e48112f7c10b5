/**
 * The 得分分析报告 (lazy): one A4 page a leader reads — each year's total and grade, the chart, the
 * corrections (cell, old → new), the path to the next grade and the department list.
 *
 * It is rendered only while printing, into its own element at the end of <body> (a portal), and
 * its print CSS hides every other child of <body>: Ctrl-P or 打印报告 prints exactly the report,
 * whatever the page around it looks like. On screen it is never shown.
 */
import * as React from "react";
import { createPortal } from "react-dom";
import type { Plan } from "../../../model/types";
import { byDepartment, upgradeAnalysis } from "../../../model/analysis";
import { fmtCell, fmtScore } from "../../format";
import { pick, type Language, type Strings } from "../../strings";
import { TotalsChart } from "../Charts";
import { ANALYSIS_STRINGS, percent } from "./strings";

/*
 * A4 is 210 × 297 mm; with 12 mm margins the page holds 186 × 273 mm. Print is always black on
 * white, so the theme tokens the charts use are set here to Fluent's light values.
 */
export const REPORT_CSS = `
@media screen{.kj-print-report{display:none!important}}
@media print{
@page{size:A4 portrait;margin:12mm}
html,body{background:#fff!important;height:auto!important;min-height:0!important;overflow:visible!important;margin:0!important;padding:0!important}
body>*:not(.kj-print-report){display:none!important}
}
.kj-print-report{--colorBrandBackground:#0f6cbd;--colorBrandBackground2:#cfe4fa;--colorNeutralBackground3:#f0f0f0;--colorNeutralForeground1:#000;--colorNeutralForeground2:#242424;--colorNeutralForeground3:#424242;
color:#000;background:#fff;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;font-size:9pt;line-height:1.35;width:186mm;max-height:273mm;overflow:hidden}
.kj-rp h1{font-size:15pt;margin:0 0 1mm}
.kj-rp h2{font-size:10.5pt;margin:3mm 0 1mm;padding-bottom:.5mm;border-bottom:.3mm solid #0f6cbd;color:#0f3a66}
.kj-rp p{margin:.5mm 0}
.kj-rp .kj-rp-muted{color:#424242;font-size:8pt}
.kj-rp table{width:100%;border-collapse:collapse;font-size:8.5pt}
.kj-rp th,.kj-rp td{border:.2mm solid #9e9e9e;padding:.4mm 1.2mm;text-align:left;vertical-align:top}
.kj-rp th{background:#e8eef7;font-weight:600}
.kj-rp .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.kj-rp-top{display:grid;grid-template-columns:88mm 1fr;gap:5mm;align-items:start}
.kj-rp .kj-chart{width:100%;max-width:none;margin:0}
.kj-rp-grade-A{color:#0e700e;font-weight:700}.kj-rp-grade-B{color:#8a5a00;font-weight:700}.kj-rp-grade-C{color:#b10e1c;font-weight:700}
.kj-rp ol{margin:.5mm 0;padding-left:5mm}
`;

export function Report({ plan, t, language, source }: { plan: Plan; t: Strings; language: Language; source?: string }) {
  const a = ANALYSIS_STRINGS[language];
  const up = upgradeAnalysis(plan);
  const depts = byDepartment(plan);
  return (
    <article className="kj-rp" lang={language === "zh" ? "zh-CN" : "en"} data-testid="print-report">
      <h1>{a.reportTitle}</h1>
      <p className="kj-rp-muted">{a.reportSource(plan.sheet, source)}</p>
      <div className="kj-rp-top">
        <section>
          <h2>{a.reportTotals}</h2>
          <table>
            <thead>
              <tr>
                <th>{a.reportYear}</th>
                <th className="n">{a.reportTotal}</th>
                <th>{a.reportGrade}</th>
                <th className="n">{a.reportGap}</th>
              </tr>
            </thead>
            <tbody>
              {plan.totals.map((tt) => (
                <tr key={tt.column}>
                  <td>{t.yearLabel(tt.column, tt.kind)}</td>
                  <td className="n">{fmtScore(tt.computed)}</td>
                  <td className={`kj-rp-grade-${tt.grade}`}>{tt.grade}</td>
                  <td className="n">{tt.gapToNext > 0 ? fmtScore(tt.gapToNext) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-label={t.totalsChartTitle}>
          <TotalsChart plan={plan} t={t} />
        </section>
      </div>

      <h2>{a.reportCorrections}</h2>
      {plan.writes.length === 0 ? (
        <p>{a.reportNoCorrections}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{a.reportCell}</th>
              <th>{a.reportOldNew}</th>
              <th>{a.reportWhy}</th>
            </tr>
          </thead>
          <tbody>
            {plan.writes.map((w) => (
              <tr key={w.cell}>
                <td>{w.cell}</td>
                <td className="n">
                  {fmtCell(w.before, "（空）")} → {fmtScore(w.after)}
                </td>
                <td>{pick(language, w.reason, w.reasonEn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {up ? (
        <>
          <h2>
            {a.reportPath}：{up.column} {a.upgradeSummary(fmtScore(up.total), up.grade, up.nextGrade, fmtScore(up.gap))}
          </h2>
          {up.suggestion ? (
            <>
              {!up.suggestion.reaches ? <p>{a.suggestionShort}</p> : null}
              <ol>
                {up.suggestion.steps.map((s) => (
                  <li key={s.row}>
                    {s.name}：<strong>{s.action}</strong>（{a.stepLine(fmtScore(s.fromScore), fmtScore(s.toScore))}，
                    {a.relative(percent(s.relative))}）
                  </li>
                ))}
              </ol>
              <p>
                <strong>{a.suggestionTotal(up.column, fmtScore(up.suggestion.total), up.suggestion.grade)}</strong>
                <span className="kj-rp-muted">
                  {"　"}
                  {a.suggestionMethod}
                </span>
              </p>
            </>
          ) : (
            <p>{a.noSuggestion}</p>
          )}
        </>
      ) : null}

      <h2>{a.reportDepts}</h2>
      <table>
        <thead>
          <tr>
            <th>{a.reportDepts}</th>
            <th>{a.reportDeptTasks}</th>
            <th className="n">{a.reportFlags}</th>
          </tr>
        </thead>
        <tbody>
          {depts.map((d) => (
            <tr key={d.name}>
              <td style={{ whiteSpace: "nowrap" }}>{d.name || a.deptUnnamed}</td>
              <td>
                {d.tasks
                  .map(
                    (x) =>
                      `${x.name}${x.target?.score != null ? ` ${fmtScore(x.target.score)}` : ""}${x.requiredText ? `（${a.required(x.requiredText)}）` : ""}`,
                  )
                  .join("；")}
              </td>
              <td className="n">{d.flagCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** The report in its own element at the end of <body>, with its print CSS, for as long as it is mounted. */
export default function PrintReport(props: { plan: Plan; t: Strings; language: Language; source?: string }) {
  const [host] = React.useState(() => {
    const el = document.createElement("div");
    el.className = "kj-print-report";
    return el;
  });
  React.useLayoutEffect(() => {
    document.body.appendChild(host);
    return () => host.remove();
  }, [host]);
  return createPortal(
    <>
      <style>{REPORT_CSS}</style>
      <Report {...props} />
    </>,
    host,
  );
}
