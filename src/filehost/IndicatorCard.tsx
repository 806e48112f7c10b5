import * as React from "react";
import type { IndicatorPlan } from "../model/types";
import { STRINGS, pick } from "../taskpane/strings";
import { categoryName, fmtPoints, fmtRequired, fmtScore, targetCell } from "../taskpane/format";
import type { FileHostStrings } from "./strings";

/**
 * The indicator of the cell selected in the sheet, as a small card beside it (docked above the pane
 * on a wide screen, under the sheet's status line on a narrow one): its rule in full, each year's
 * value and score, what its target needs, and its flags. Part of the sheet's lazy chunk.
 */
export function IndicatorCard({ ind, t, language }: { ind: IndicatorPlan; t: FileHostStrings; language: "zh" | "en" }) {
  const p = STRINGS[language];
  const target = targetCell(ind);
  return (
    <section className="fh-card" aria-labelledby="fh-card-h" data-testid="indicator-card">
      <h2 id="fh-card-h" className="fh-card-h">
        {ind.name}
        <span className="fh-card-sub">
          {categoryName(ind.category)} · {ind.max !== null ? p.maxPoints(fmtPoints(ind.max)) : p.noMax}
        </span>
      </h2>
      <p className="fh-card-rule">
        <span className="fh-sr">{t.ruleLabel}</span>
        {ind.ruleText}
      </p>
      <table className="fh-card-table">
        <thead>
          <tr>
            <th scope="col">{p.columnYear}</th>
            <th scope="col">{p.columnValue}</th>
            <th scope="col">{p.columnScore}</th>
            <th scope="col">{p.columnStatus}</th>
          </tr>
        </thead>
        <tbody>
          {ind.scores.map((s) => (
            <tr key={s.column}>
              <th scope="row">{p.yearLabel(s.column, s.kind)}</th>
              <td>{s.valueText || "—"}</td>
              <td className="fh-num">
                {s.stated !== null && s.computed !== null && fmtScore(s.stated) !== fmtScore(s.computed)
                  ? `${fmtScore(s.stated)} → ${fmtScore(s.computed)}`
                  : s.computed !== null || s.stated !== null
                    ? fmtScore((s.computed ?? s.stated) as number)
                    : "—"}
              </td>
              <td>{p.status[s.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {target && ind.requiredValue !== null ? (
        <p className="fh-card-need">{p.requiredFor(p.yearLabel(target.column, target.kind), fmtRequired(ind.requiredValue, ind.unit))}</p>
      ) : null}
      {ind.flags.length ? (
        <ul className="fh-card-flags">
          {ind.flags.map((f, i) => (
            <li key={i}>{pick(language, f.message, f.messageEn)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
