import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { IndicatorPlan, Plan, ScoreCell } from "../../model/types";
import type { Strings } from "../strings";
import { categoryName, fmtPoints, fmtRequired, fmtScore, targetCell } from "../format";
import { useShared } from "./styles";

const useStyles = makeStyles({
  item: {
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  name: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  max: { whiteSpace: "nowrap" },
  table: { tableLayout: "fixed", marginTop: tokens.spacingVerticalXXS },
  yearCol: { width: "28%" },
  scoreCol: { width: "30%" },
  statusCol: { width: "24%" },
  value: { overflowWrap: "anywhere" },
  bad: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorStatusWarningForeground1 },
  required: { marginTop: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
});

function scoreText(sc: ScoreCell, t: Strings): string {
  if (sc.range) {
    const r = t.rangeText(fmtScore(sc.range[0]), fmtScore(sc.range[1]));
    return sc.stated !== null ? `${fmtScore(sc.stated)} (${r})` : r;
  }
  if (sc.stated !== null && sc.computed !== null && fmtScore(sc.stated) !== fmtScore(sc.computed)) {
    return `${fmtScore(sc.stated)} → ${fmtScore(sc.computed)}`;
  }
  const v = sc.computed ?? sc.stated;
  return v !== null ? fmtScore(v) : t.noScore;
}

function Indicator({ ind, t }: { ind: IndicatorPlan; t: Strings }) {
  const s = useStyles();
  const c = useShared();
  const target = targetCell(ind);
  return (
    <li className={s.item} data-testid={`indicator-${ind.row}`}>
      <div className={s.head}>
        <h3 className={s.name}>{ind.name}</h3>
        <span className={mergeClasses(c.muted, s.max)}>{ind.max !== null ? t.maxPoints(fmtPoints(ind.max)) : t.noMax}</span>
      </div>
      <div className={c.muted}>{categoryName(ind.category)}</div>
      <table className={mergeClasses(c.table, s.table)}>
        <thead className={c.visuallyHidden}>
          <tr>
            <th scope="col">{t.columnYear}</th>
            <th scope="col">{t.columnValue}</th>
            <th scope="col">{t.columnScore}</th>
            <th scope="col">{t.columnStatus}</th>
          </tr>
        </thead>
        <tbody>
          {ind.scores.map((sc) => (
            <tr key={sc.column}>
              <th scope="row" className={s.yearCol}>
                {t.yearLabel(sc.column, sc.kind)}
              </th>
              <td className={s.value}>{sc.valueText}</td>
              <td className={mergeClasses(c.num, s.scoreCol)}>{scoreText(sc, t)}</td>
              <td
                className={mergeClasses(
                  s.statusCol,
                  sc.status === "mismatch" || sc.status === "error" ? s.bad : undefined,
                  sc.status === "no-value" ? s.warn : undefined,
                )}
              >
                {t.status[sc.status]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {target && ind.requiredValue !== null ? (
        <div className={s.required}>
          {t.requiredFor(t.yearLabel(target.column, target.kind), fmtRequired(ind.requiredValue, ind.unit))}
        </div>
      ) : null}
    </li>
  );
}

export function IndicatorsView({ plan, t }: { plan: Plan; t: Strings }) {
  const c = useShared();
  return (
    <section aria-labelledby="kj-ind-h">
      <h2 id="kj-ind-h" className={c.h2}>
        {t.indicatorsHeading}
      </h2>
      <ul className={c.list}>
        {plan.indicators.map((ind) => (
          <Indicator key={ind.row} ind={ind} t={t} />
        ))}
      </ul>
    </section>
  );
}
