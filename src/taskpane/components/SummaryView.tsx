import * as React from "react";
import type { Plan } from "../../model/types";
import type { Strings } from "../strings";
import { categoryName, fmtPoints, fmtScore, nextGrade } from "../format";
import { GradeBadge } from "./GradeBadge";
import { SubtotalsChart, TotalsChart } from "./Charts";

export function SummaryView({ plan, t }: { plan: Plan; t: Strings }) {
  const years = plan.layout.years;
  const points = plan.subtotals.every((x) => x.points !== null) ? plan.subtotals.reduce((sum, x) => sum + (x.points as number), 0) : null;
  return (
    <section aria-labelledby="kj-summary-h">
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
      <TotalsChart plan={plan} t={t} />

      <h2 className="kj-h2">{t.subtotalsHeading}</h2>
      <SubtotalsChart plan={plan} t={t} />
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
