import * as React from "react";
import type { IndicatorPlan, Plan, ScoreCell } from "../../model/types";
import type { Strings } from "../strings";
import { categoryName, fmtPoints, fmtRequired, fmtScore, targetCell, valueGap } from "../format";

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
  const target = targetCell(ind);
  const gap = valueGap(ind);
  return (
    <li className="kj-ind" data-testid={`indicator-${ind.row}`}>
      <div className="kj-ind-head">
        <h3 className="kj-ind-name">{ind.name}</h3>
        <span className="kj-muted kj-ind-max">{ind.max !== null ? t.maxPoints(fmtPoints(ind.max)) : t.noMax}</span>
      </div>
      <div className="kj-muted">{categoryName(ind.category)}</div>
      <table className="kj-table">
        <thead className="kj-sr">
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
              <th scope="row" className="kj-ind-year">
                {t.yearLabel(sc.column, sc.kind)}
              </th>
              <td>{sc.valueText}</td>
              <td className="kj-num kj-ind-score">{scoreText(sc, t)}</td>
              <td className={`kj-ind-status${sc.status === "mismatch" || sc.status === "error" ? " kj-bad" : ""}`}>
                {t.status[sc.status]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {target && ind.requiredValue !== null ? (
        <div className="kj-ind-required">
          {t.requiredFor(t.yearLabel(target.column, target.kind), fmtRequired(ind.requiredValue, ind.unit))}
          {gap ? (
            <span className="kj-muted">
              {" · "}
              {gap.gap > 0
                ? t.valueGap(t.yearLabel(gap.from.column, gap.from.kind), fmtRequired(gap.gap, ind.unit))
                : t.valueReached(t.yearLabel(gap.from.column, gap.from.kind))}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function IndicatorsView({ plan, t }: { plan: Plan; t: Strings }) {
  return (
    <section aria-labelledby="kj-ind-h">
      <h2 id="kj-ind-h" className="kj-h2">
        {t.indicatorsHeading}
      </h2>
      <ul className="kj-list">
        {plan.indicators.map((ind) => (
          <Indicator key={ind.row} ind={ind} t={t} />
        ))}
      </ul>
    </section>
  );
}
