/**
 * Stepped bands, one flat score per band: "≥30%（10分）；20%-30%（8分）；10%-20%（5分）；10%以下（0分）",
 * lettered ("A.30%以上得10分；B.20%（含）-30%得8分；…"), "得N分" or "（N分）". Edges as assemble.ts reads
 * them; below the lowest band nothing scores. A band written with a score range ("5-4分") is
 * banded.ts's linear reading, not this.
 */
import { readClauses, tryReadClauses, type Reading } from "./clauses";
import { assemble } from "./assemble";
import { levelReader, makeStepRule, type StepRule } from "./steps";
import type { RulePlugin } from "./common";

function isFlatBand(r: Reading): boolean {
  return r.shape === "band" && !("lo" in r.score) && !r.required;
}

/** Only flat bands (at least two), bounds and "否则不得分". */
export function looksStepped(rs: Reading[]): boolean {
  const bands = rs.filter((r) => r.shape === "band");
  return (
    bands.length >= 2 &&
    bands.every(isFlatBand) &&
    rs.every((r) => r.shape === "band" || r.shape === "cap" || r.shape === "else-zero" || r.shape === "full")
  );
}

export function parseStepped(text: string): StepRule {
  const a = assemble(readClauses(text));
  return makeStepRule({ kind: "stepped", text, ...a, read: levelReader(a.unit, a.wholeCount, a.signed) });
}

export const steppedPlugin: RulePlugin = {
  kind: "stepped",
  recognizes: (_norm, text) => {
    const rs = tryReadClauses(text);
    return rs !== null && looksStepped(rs);
  },
  parse: (text) => parseStepped(text),
};
