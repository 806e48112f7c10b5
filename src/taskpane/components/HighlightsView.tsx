import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { Flag, FlagCode, HighlightSeverity, IndicatorPlan, Plan } from "../../model/types";
import { type Language, type Strings, pick } from "../strings";
import { effectiveScore, fmtRequired, fmtScore, latestActual, missingTarget } from "../format";
import { SeverityIcon } from "./SeverityIcon";

/** "missing": a blank target value (a target-unreachable flag that is a figure to fill in, not a target out of reach) */
type Group = "unreachable" | "missing" | "gap" | "mismatch" | "error";
const GROUP_OF: Record<FlagCode, HighlightSeverity> = {
  "target-unreachable": "unreachable",
  "target-gap": "gap",
  "score-mismatch": "mismatch",
  "rule-error": "error",
  "value-error": "error",
};
/** What cannot be checked first, then what is wrong; planned growth (target-gap) last, as information. */
const ORDER: Group[] = ["error", "unreachable", "missing", "mismatch", "gap"];
/** the sheet's fill and symbol for each group */
const SEVERITY: Record<Group, HighlightSeverity> = {
  error: "error",
  unreachable: "unreachable",
  missing: "unreachable",
  mismatch: "mismatch",
  gap: "gap",
};
interface Item {
  key: string;
  cell: string;
  name: string;
  year: string | null;
  why: string;
  needs: string[];
}

const diff = (a: number, b: number) => Math.round((a - b) * 100) / 100;

/** What would fix it, in numbers: the value needed, the score gap, stated → computed. */
function needsFor(ind: IndicatorPlan, flag: Flag, t: Strings): string[] {
  const sc = ind.scores.find((s) => s.column === flag.column);
  const out: string[] = [];
  const required = ind.requiredValue !== null ? t.needsValue(fmtRequired(ind.requiredValue, ind.unit)) : null;
  if (flag.code === "target-unreachable" && sc) {
    if (ind.max !== null && sc.stated !== null && sc.stated > ind.max) {
      out.push(t.targetAboveMax(fmtScore(sc.stated), fmtScore(ind.max)));
    } else if (required) {
      out.push(required);
    }
    if (sc.computed !== null && sc.stated !== null && sc.computed < sc.stated) {
      out.push(t.targetValueScores(fmtScore(sc.computed), fmtScore(sc.stated)));
      out.push(t.scoreShort(fmtScore(diff(sc.stated, sc.computed))));
    }
  } else if (flag.code === "target-gap" && sc) {
    if (required) out.push(required);
    const latest = latestActual(ind);
    const latestScore = latest ? effectiveScore(latest) : null;
    if (latestScore !== null && sc.stated !== null) out.push(t.scoreShort(fmtScore(diff(sc.stated, latestScore))));
  } else if (flag.code === "score-mismatch" && sc && sc.stated !== null && sc.computed !== null) {
    out.push(t.mismatchDetail(fmtScore(sc.stated), fmtScore(sc.computed)));
  }
  return out;
}

function collect(plan: Plan, t: Strings, language: Language): Record<Group, Item[]> {
  const groups: Record<Group, Item[]> = { unreachable: [], missing: [], gap: [], mismatch: [], error: [] };
  const seen = new Set<string>();
  for (const ind of plan.indicators) {
    for (const flag of ind.flags) {
      const kind = plan.layout.years.find((y) => y.label === flag.column)?.kind ?? "actual";
      seen.add(`${flag.cell}|${GROUP_OF[flag.code]}`);
      const group: Group = missingTarget(ind, flag) ? "missing" : GROUP_OF[flag.code];
      groups[group].push({
        key: `${ind.row}-${flag.code}-${flag.cell}`,
        cell: flag.cell,
        name: ind.name,
        year: flag.column !== null ? t.yearLabel(flag.column, kind) : null,
        why: pick(language, flag.message, flag.messageEn),
        needs: needsFor(ind, flag, t),
      });
    }
  }
  // Highlights no indicator flag explains (a total cell, say) are still listed, by their note.
  for (const h of plan.highlights) {
    const g: Group = h.severity;
    if (seen.has(`${h.cell}|${h.severity}`)) continue;
    groups[g].push({ key: `h-${h.cell}-${g}`, cell: h.cell, name: h.cell, year: null, why: pick(language, h.note, h.noteEn), needs: [] });
  }
  return groups;
}

export function HighlightsView({
  plan,
  t,
  language,
  onSelect,
}: {
  plan: Plan;
  t: Strings;
  language: Language;
  onSelect: (cell: string) => void;
}) {
  const groups = collect(plan, t, language);
  const title: Record<Group, string> = {
    unreachable: t.groupUnreachable,
    missing: t.groupMissing,
    gap: t.groupGap,
    mismatch: t.groupMismatch,
    error: t.groupError,
  };
  const any = ORDER.some((g) => groups[g].length > 0);
  return (
    <section aria-labelledby="kj-hl-h">
      <h2 id="kj-hl-h" className="kj-h2">
        {t.highlightsHeading}
      </h2>
      {!any ? <p>{t.noHighlights}</p> : null}
      {ORDER.filter((g) => groups[g].length > 0).map((g) => (
        <section key={g} aria-labelledby={`kj-hl-${g}`} data-testid={`group-${g}`}>
          <h3 id={`kj-hl-${g}`} className="kj-h3 kj-group-h">
            <SeverityIcon severity={SEVERITY[g]} />
            <span>{title[g]}</span>
            <span className="kj-count">{t.groupCount(groups[g].length)}</span>
          </h3>
          {g === "gap" ? <p className="kj-muted">{t.gapIsInformation}</p> : null}
          <ul className="kj-list">
            {groups[g].map((it) => (
              <li key={it.key}>
                <Button
                  appearance="subtle"
                  className={`kj-hl-item kj-sev-${SEVERITY[g]}`}
                  onClick={() => onSelect(it.cell)}
                  title={t.goToCell(it.cell)}
                >
                  <span className="kj-hl-body">
                    <span className="kj-hl-top">
                      <span className="kj-hl-name">
                        {it.name}
                        {it.year ? ` · ${it.year}` : ""}
                      </span>
                      <span className="kj-cell">
                        <span className="kj-sr">{t.goToCell("")}</span>
                        {it.cell}
                      </span>
                    </span>
                    <span className="kj-hl-why">{it.why}</span>
                    {it.needs.length ? <span className="kj-hl-need">{it.needs.join(" · ")}</span> : null}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
