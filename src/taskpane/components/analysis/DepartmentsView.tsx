/** 按责任单位 view (lazy): the task list each department is sent. */
import * as React from "react";
import type { Plan } from "../../../model/types";
import { byDepartment, type DepartmentPlan } from "../../../model/analysis";
import { pick, type Language, type Strings } from "../../strings";
import { fmtPoints, fmtScore } from "../../format";
import { ANALYSIS_CSS } from "./css";
import { ANALYSIS_STRINGS, type AnalysisStrings } from "./strings";

function Dept({ a, d, language }: { a: AnalysisStrings; d: DepartmentPlan; language: Language }) {
  const headId = React.useId();
  return (
    <li className="kj-dept" aria-labelledby={headId} data-testid={`dept-${d.name || "none"}`}>
      <h3 id={headId} className="kj-h3">
        {d.name || a.deptUnnamed} <span className="kj-count">{a.deptCount(d.tasks.length, d.flagCount)}</span>
      </h3>
      <ul className="kj-list">
        {d.tasks.map((t) => (
          <li key={t.row} className="kj-ind">
            <div className="kj-ind-head">
              <h4 className="kj-ind-name">
                {t.name}
                {t.role ? <span className="kj-muted">（{t.role === "lead" ? a.lead : a.support}）</span> : null}
              </h4>
              {t.max !== null ? <span className="kj-ind-max kj-muted">{a.maxPoints(fmtPoints(t.max))}</span> : null}
            </div>
            <div>
              {[
                t.current && t.current.score !== null ? a.now(t.current.column, fmtScore(t.current.score)) : null,
                t.target && t.target.score !== null ? a.target(t.target.column, fmtScore(t.target.score), t.target.valueText) : null,
              ]
                .filter(Boolean)
                .join(" → ")}
            </div>
            {t.requiredText ? <div className="kj-ind-required">{a.required(t.requiredText)}</div> : null}
            {t.suggested ? <div>{a.suggested(t.suggested.action, fmtScore(t.suggested.toScore))}</div> : null}
            {t.with.length ? <div className="kj-muted">{a.withOthers(t.with.join("、"))}</div> : null}
            {t.flags.length ? (
              <ul className="kj-dept-flags">
                {t.flags.map((f, i) => (
                  <li key={i} className="kj-warn">
                    {pick(language, f.message, f.messageEn)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}

export default function DepartmentsView({ plan, language }: { plan: Plan; t: Strings; language: Language }) {
  const a = ANALYSIS_STRINGS[language];
  const depts = React.useMemo(() => byDepartment(plan), [plan]);
  return (
    <section aria-labelledby="kj-dept-h">
      <style>{ANALYSIS_CSS}</style>
      <h2 id="kj-dept-h" className="kj-h2">
        {a.deptHeading}
      </h2>
      <p className="kj-muted">{a.deptIntro}</p>
      <ul className="kj-list">
        {depts.map((d) => (
          <Dept key={d.name} a={a} d={d} language={language} />
        ))}
      </ul>
    </section>
  );
}
