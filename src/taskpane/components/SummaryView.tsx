import * as React from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Plan } from "../../model/types";
import type { Strings } from "../strings";
import { categoryName, fmtPoints, fmtScore, nextGrade, unreadCount } from "../format";
import { GradeBadge } from "./GradeBadge";
import { SubtotalsChart, TotalsChart } from "./Charts";

export function SummaryView({
  plan,
  t,
  onPrint,
  onSavePng,
}: {
  plan: Plan;
  t: Strings;
  /** 打印报告: the one-page 得分分析报告 */
  onPrint?: () => void;
  /** 图表存为 PNG (where the host can download) */
  onSavePng?: (svg: SVGSVGElement, fileName: string) => void;
}) {
  const charts = React.useRef<HTMLDivElement>(null);
  const years = plan.layout.years;
  const points = plan.subtotals.every((x) => x.points !== null) ? plan.subtotals.reduce((sum, x) => sum + (x.points as number), 0) : null;
  const unread = unreadCount(plan);
  return (
    <section aria-labelledby="kj-summary-h">
      {unread > 0 ? (
        // the totals below add only what could be read: say so before them
        <MessageBar intent="warning" layout="multiline" data-testid="unread-banner">
          <MessageBarBody>{t.unreadBanner(unread)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <h2 id="kj-summary-h" className="kj-h2">
        {t.totalsHeading}
      </h2>
      <ul className="kj-list" aria-label={t.totalsHeading}>
        {plan.totals.map((tt) => {
          const next = nextGrade(tt.grade);
          const differs = tt.stated !== null && fmtScore(tt.stated) !== fmtScore(tt.computed);
          return (
            <li key={tt.column} className="kj-total" data-testid={`total-${tt.column}`}>
              <span className="kj-total-year">{t.yearLabel(tt.column, tt.kind)}</span>
              <span className="kj-big kj-num">{fmtScore(tt.computed)}</span>
              <span>
                <GradeBadge grade={tt.grade} t={t} />
              </span>
              <span className="kj-total-notes kj-muted">
                <span>{next ? t.gapToNext(next.grade, fmtScore(tt.gapToNext)) : t.topGrade}</span>
                {differs ? <span className="kj-warn">⚠ {t.statedDiffers(fmtScore(tt.stated as number))}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="kj-muted">{t.gradeRule}</p>
      {onPrint || onSavePng ? (
        <div className="kj-actions">
          {onPrint ? (
            <Button appearance="primary" onClick={onPrint}>
              {t.printReport}
            </Button>
          ) : null}
          {onSavePng ? (
            <Button
              onClick={() =>
                charts.current
                  ?.querySelectorAll<SVGSVGElement>("svg.kj-chart")
                  .forEach((svg, i) => onSavePng(svg, `${plan.sheet}-${i === 0 ? t.totalsHeading : t.subtotalsHeading}.png`))
              }
            >
              {t.saveChartsPng}
            </Button>
          ) : null}
        </div>
      ) : null}
      <div ref={charts}>
        <TotalsChart plan={plan} t={t} />

        <h2 className="kj-h2">{t.subtotalsHeading}</h2>
        <SubtotalsChart plan={plan} t={t} />
      </div>
      <details className="kj-details">
        <summary>{t.chartAsTable}</summary>
        <table className="kj-table">
          <thead>
            <tr>
              <th scope="col">{t.categoryColumn}</th>
              <th scope="col" className="kj-num">
                {t.pointsColumn}
              </th>
              {years.map((y) => (
                <th scope="col" key={y.label} className="kj-num">
                  {t.yearLabel(y.label, y.kind)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.subtotals.map((sub) => (
              <tr key={sub.category}>
                <th scope="row">{categoryName(sub.category)}</th>
                <td className="kj-num">{sub.points !== null ? fmtPoints(sub.points) : ""}</td>
                {years.map((y) => (
                  <td key={y.label} className="kj-num">
                    {fmtScore(sub.byColumn[y.label] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t.total}</th>
              <td className="kj-num">{points !== null ? fmtPoints(points) : ""}</td>
              {years.map((y) => {
                const tt = plan.totals.find((x) => x.column === y.label);
                return (
                  <td key={y.label} className="kj-num">
                    {tt ? `${fmtScore(tt.computed)} ${tt.grade}` : ""}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </details>
    </section>
  );
}
