/** 升级分析 view (lazy): what each indicator still offers, and one combination that reaches the next grade. */
import * as React from "react";
import type { Plan } from "../../../model/types";
import { judgedByAssessors, upgradeAnalyses, type UpgradeAnalysis, type UpgradeGoal, type UpgradeRow } from "../../../model/analysis";
import type { Language, Strings } from "../../strings";
import { fmtPoints, fmtScore } from "../../format";
import { GradeBadge } from "../GradeBadge";
import { ANALYSIS_CSS } from "./css";
import { ANALYSIS_STRINGS, percent, signed, type AnalysisStrings } from "./strings";

function goalText(a: AnalysisStrings, g: UpgradeGoal): string {
  if (g.valueText) return g.valueText;
  if (g.add) return a.addItems(g.add.item, g.add.count);
  return "";
}

function Goal({ a, label, goal, unit }: { a: AnalysisStrings; label: string; goal: UpgradeGoal; unit: string | null }) {
  const d = goal.fromToday;
  return (
    <div className="kj-up-goal">
      <span className="kj-muted">{label}</span> <strong>{goalText(a, goal)}</strong>
      {d ? (
        <span className="kj-muted"> {a.distance(signed(d.absolute, unit ?? ""), d.relative === null ? null : percent(d.relative))}</span>
      ) : null}
    </div>
  );
}

function Row({ a, r }: { a: AnalysisStrings; r: UpgradeRow }) {
  return (
    <li className="kj-ind" data-testid={`upgrade-row-${r.row}`}>
      <div className="kj-ind-head">
        <h4 className="kj-ind-name">{r.name}</h4>
        <span className="kj-ind-max kj-muted">{a.scoreOfMax(fmtScore(r.score), r.max === null ? "?" : fmtPoints(r.max))}</span>
      </div>
      <div className="kj-up-head">{a.headroom(fmtScore(r.headroom ?? 0))}</div>
      {r.kind === "manual" ? <div className="kj-muted">{judgedByAssessors(r) ? a.manual : a.noValue}</div> : null}
      {r.next ? <Goal a={a} label={a.nextPoint(fmtPoints(r.next.score))} goal={r.next} unit={r.unit} /> : null}
      {r.full && r.next && r.full.score !== r.next.score ? <Goal a={a} label={a.fullMarks} goal={r.full} unit={r.unit} /> : null}
      {r.items.length > 1 ? (
        <div className="kj-muted">
          {a.cheapest}：
          {r.items
            .slice(0, 3)
            .map((i) => i.label)
            .join("、")}
        </div>
      ) : null}
    </li>
  );
}

function Suggestion({ a, an }: { a: AnalysisStrings; an: UpgradeAnalysis }) {
  const s = an.suggestion;
  if (!s) return <p>{a.noSuggestion}</p>;
  return (
    <section className="kj-up-suggest" aria-labelledby="kj-up-s">
      <h3 id="kj-up-s" className="kj-h3">
        {a.suggestionHeading}
      </h3>
      <p className="kj-muted">{s.reaches ? a.suggestionMethod : a.suggestionShort}</p>
      <ol className="kj-up-steps">
        {s.steps.map((st) => (
          <li key={st.row} data-testid={`step-${st.row}`}>
            <span className="kj-hl-name">{st.name}</span>：<strong>{st.action}</strong>
            <span className="kj-muted">
              {" "}
              {a.stepLine(fmtScore(st.fromScore), fmtScore(st.toScore))}，{a.relative(percent(st.relative))}
            </span>
          </li>
        ))}
      </ol>
      <p className="kj-up-total" data-testid="suggestion-total">
        {a.suggestionTotal(an.column, fmtScore(s.total), s.grade)}
      </p>
    </section>
  );
}

export default function UpgradeView({ plan, t, language }: { plan: Plan; t: Strings; language: Language }) {
  const a = ANALYSIS_STRINGS[language];
  const analyses = React.useMemo(() => upgradeAnalyses(plan), [plan]);
  const [col, setCol] = React.useState<string | null>(null);
  const an = analyses.find((x) => x.column === col) ?? analyses[0];
  if (!an) return null;
  const open = an.rows.filter((r) => (r.headroom ?? 0) > 0);
  const full = an.rows.filter((r) => r.headroom === 0);
  return (
    <section aria-labelledby="kj-up-h">
      <style>{ANALYSIS_CSS}</style>
      <h2 id="kj-up-h" className="kj-h2">
        {a.upgradeHeading}
      </h2>
      {analyses.length > 1 ? (
        <div className="kj-actions" role="group" aria-label={a.upgradeHeading}>
          {analyses.map((x) => (
            <button key={x.column} type="button" className="kj-tab" aria-pressed={x === an} onClick={() => setCol(x.column)}>
              {a.upgradeFor(x.column, a.kind[x.kind] ?? x.kind)}
            </button>
          ))}
        </div>
      ) : null}
      <p>
        <GradeBadge grade={an.grade} t={t} /> {a.upgradeSummary(fmtScore(an.total), an.grade, an.nextGrade, fmtScore(an.gap))}
      </p>
      {an.todayColumn ? <p className="kj-muted">{a.fromToday(an.todayColumn)}</p> : null}
      <Suggestion a={a} an={an} />
      <ul className="kj-list">
        {open.map((r) => (
          <Row key={r.row} a={a} r={r} />
        ))}
      </ul>
      {full.length ? (
        <p className="kj-muted">
          {a.isFull}：{full.map((r) => r.name).join("、")}
        </p>
      ) : null}
    </section>
  );
}
