/**
 * Every rule kind's score, with the value's qualifier said in the explanation: "约2489万元" and
 * "2489万元（预计）" score 2489万元, and the result's `note` (and the front of its `explain`) says the
 * figure is approximate or an estimate, so the pane, the report and the cell note carry it. One
 * wrapper for all kinds, so a new rule family gets it without code of its own.
 */
import { Rational } from "./decimal";
import type { Rule, ScoreContext, ScoreResult, ValueInput } from "./types";
import { qualifierNote, qualifierOf } from "./value-words";

export function withValueNotes(rule: Rule): Rule {
  if (rule.kind === "judged") return rule;
  const inner = rule.score;
  return {
    ...rule,
    score(input: ValueInput, context?: ScoreContext): ScoreResult {
      const r = inner(input, context);
      if ((r.status !== "exact" && r.status !== "range") || typeof input.v !== "string") return r;
      const q = qualifierOf(input.v);
      if (!q) return r;
      const value = r.value === null ? null : Rational.fromNumber(r.value).toDecimalString() + (rule.unit ?? "");
      const note = qualifierNote(q, input.v.trim(), value);
      const explained = r.explain;
      return { ...r, qualifier: q.kind, note, explain: explained ? () => `${note}；${explained()}` : () => note };
    },
  };
}
