/**
 * Thresholds: "达到1.5%得满分，否则不得分", "不低于1%（6分）" — one band, nothing below it; and a
 * threshold then steps: "投入达到200万元得1分，每增加100万元加1分，最高5分" (whole steps, see steps.ts).
 * "得满分" without a number scores the row's 权重分值.
 */
import { readClauses, tryReadClauses, type Reading } from "./clauses";
import { assemble } from "./assemble";
import { levelReader, makeStepRule, WHOLE_UNITS, type StepRule } from "./steps";
import type { RulePlugin } from "./common";

export function looksThreshold(rs: Reading[]): boolean {
  const bands = rs.filter((r): r is Extract<Reading, { shape: "band" }> => r.shape === "band");
  const steps = rs.filter((r): r is Extract<Reading, { shape: "step" }> => r.shape === "step");
  // "每获得30万元融资得1分", "纳税额每满3万元得1分": each full amount scores, counted from nothing
  if (bands.length === 0)
    return steps.length > 0 && rs.every((r) => r.shape !== "band") && steps.every(isPerAmount) && rs.every(boundOrStep);
  if (bands.some((b) => "lo" in b.score || b.required)) return false;
  if (!rs.every((r) => ["band", "step", "cap", "floor", "else-zero", "full", "swing", "bonus"].includes(r.shape))) return false;
  if (steps.length === 0) return bands.length === 1 && bands[0].cond.high === null;
  if (bands.some((b) => isGrowth(b.cond.subject))) return false; // a growth rule is another family
  // rising steps that add; a deduction is another family — except both ways from one level
  // ("5%以上，得基本分；每增减1个百分点加减1分")
  const up = steps.filter((s) => !s.down && s.per.sign() > 0);
  const down = steps.filter((s) => s.down && s.per.sign() < 0);
  if (up.length + down.length !== steps.length) return false;
  return down.every((d) => up.some((u) => u.step.eq(d.step) && u.per.eq(d.per.neg()) && u.clause.text === d.clause.text));
}

type Step = Extract<Reading, { shape: "step" }>;

/** A step over an amount (money, a rate), not over a count (counts are the counted family's) nor an increase from an unstated base. */
function isPerAmount(s: Step): boolean {
  return (
    !s.down &&
    s.per.sign() > 0 &&
    s.cond === null &&
    s.unit !== null &&
    !WHOLE_UNITS.test(s.unit) &&
    !/^(?:增加|提高|增长|上升|增|多|超过|超出|高出)/.test(s.verb)
  );
}

function boundOrStep(r: Reading): boolean {
  return r.shape === "step" || r.shape === "cap" || r.shape === "full" || r.shape === "else-zero";
}

export function isGrowth(subject: string): boolean {
  return /增长|增幅|增速|较上年|比上年|较去年|比去年|去年同期|上年同期|同比|增加率|提高率/.test(subject);
}

export function parseThreshold(text: string): StepRule {
  const a = assemble(readClauses(text));
  return makeStepRule({ kind: "threshold", text, ...a, read: levelReader(a.unit, a.wholeCount, a.signed) });
}

export const thresholdPlugin: RulePlugin = {
  kind: "threshold",
  recognizes: (_norm, text) => {
    const rs = tryReadClauses(text);
    return rs !== null && looksThreshold(rs);
  },
  parse: (text) => parseThreshold(text),
};
