import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Plan } from "../../model/types";
import type { Strings } from "../strings";
import { categoryName, fmtPoints, fmtScore, nextGrade } from "../format";
import { GradeBadge } from "./GradeBadge";
import { SubtotalsChart, TotalsChart } from "./Charts";
import { useShared } from "./styles";

const useStyles = makeStyles({
  total: {
    display: "grid",
    gridTemplateColumns: "minmax(4.5em, auto) auto 1fr",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  year: { fontWeight: tokens.fontWeightSemibold },
  big: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  notes: { gridColumn: "1 / -1", display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  differs: { color: tokens.colorStatusWarningForeground1 },
  details: { marginTop: tokens.spacingVerticalS },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink },
});

export function SummaryView({ plan, t }: { plan: Plan; t: Strings }) {
  const s = useStyles();
  const c = useShared();
  const years = plan.layout.years;
  const points = plan.subtotals.every((x) => x.points !== null)
    ? plan.subtotals.reduce((sum, x) => sum + (x.points as number), 0)
    : null;
  return (
    <section aria-labelledby="kj-summary-h">
      <h2 id="kj-summary-h" className={c.h2}>
        {t.totalsHeading}
      </h2>
      <ul className={c.list} aria-label={t.totalsHeading}>
        {plan.totals.map((tt) => {
          const next = nextGrade(tt.grade);
          const differs = tt.stated !== null && fmtScore(tt.stated) !== fmtScore(tt.computed);
          return (
            <li key={tt.column} className={s.total} data-testid={`total-${tt.column}`}>
              <span className={s.year}>{t.yearLabel(tt.column, tt.kind)}</span>
              <span className={mergeClasses(s.big, c.num)}>{fmtScore(tt.computed)}</span>
              <span>
                <GradeBadge grade={tt.grade} t={t} />
              </span>
              <span className={mergeClasses(s.notes, c.muted)}>
                <span>{next ? t.gapToNext(next.grade, fmtScore(tt.gapToNext)) : t.topGrade}</span>
                {differs ? <span className={s.differs}>⚠ {t.statedDiffers(fmtScore(tt.stated as number))}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
      <p className={c.muted}>{t.gradeRule}</p>
      <TotalsChart plan={plan} t={t} />

      <h2 className={c.h2}>{t.subtotalsHeading}</h2>
      <SubtotalsChart plan={plan} t={t} />
      <details className={s.details}>
        <summary className={s.summary}>{t.chartAsTable}</summary>
        <table className={c.table}>
          <thead>
            <tr>
              <th scope="col">{t.categoryColumn}</th>
              <th scope="col" className={c.num}>
                {t.pointsColumn}
              </th>
              {years.map((y) => (
                <th scope="col" key={y.label} className={c.num}>
                  {t.yearLabel(y.label, y.kind)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.subtotals.map((sub) => (
              <tr key={sub.category}>
                <th scope="row">{categoryName(sub.category)}</th>
                <td className={c.num}>{sub.points !== null ? fmtPoints(sub.points) : ""}</td>
                {years.map((y) => (
                  <td key={y.label} className={c.num}>
                    {fmtScore(sub.byColumn[y.label] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t.total}</th>
              <td className={c.num}>{points !== null ? fmtPoints(points) : ""}</td>
              {years.map((y) => {
                const tt = plan.totals.find((x) => x.column === y.label);
                return (
                  <td key={y.label} className={c.num}>
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
