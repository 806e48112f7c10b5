/**
 * Judged rules: prose with no scores ("落实科技政策…等工作情况。"), or any rule with a "酌情" clause
 * ("其他部门行业奖励和表彰酌情得分") — assessors enter the score by hand; the engine only knows the cap.
 */
import { Rational } from "../decimal";
import type { Rule } from "../types";
import { clauseError, readClauses, tryReadClauses } from "./clauses";
import { parseCap, type RulePlugin } from "./common";

export function makeJudged(text: string, norm: string): Rule {
  const cap = parseCap(norm);
  return {
    kind: "judged",
    text,
    unit: null,
    max: cap === null ? null : cap.toNumber(),
    // whatever the 情况 cell says (often nothing), the score is the assessors' call
    score: () => ({ status: "manual" }),
    required: () => null,
  };
}

/** "酌情" anywhere makes the whole rule judged, whatever else it lists. */
export const discretionPlugin: RulePlugin = {
  kind: "judged",
  recognizes: (norm) => /酌情/.test(norm),
  parse: (text, norm) => makeJudged(text, norm),
};

/** Prose that names no score at all. Tried last. */
export const prosePlugin: RulePlugin = {
  kind: "judged",
  recognizes: (norm) => !/\d(?:\.\d+)?分/.test(norm),
  parse: (text, norm) => makeJudged(text, norm),
};

/**
 * Assessors' ranges: "成效明显的得8-10分；一般的得5-7分；较差的得0-4分" — judged (the stated score is
 * kept, never overwritten), with the scores allowed: the union of the ranges, and the max their top.
 */
export function parseJudgedRanges(text: string): Rule {
  const rs = readClauses(text);
  const allowed: [Rational, Rational][] = [];
  let cap: Rational | null = null;
  for (const r of rs) {
    if (r.shape === "cap") cap = r.max;
    else if (r.shape === "case" && "lo" in r.score) allowed.push([r.score.lo, r.score.hi]);
    else if (r.shape === "case" && "n" in r.score) allowed.push([r.score.n, r.score.n]);
    else if (r.shape !== "else-zero") throw clauseError(r.clause, "评议档次应写成“…的得X-Y分”");
  }
  allowed.sort((a, b) => a[0].compare(b[0]));
  const top = allowed.reduce((m, [, hi]) => Rational.max(m, hi), Rational.ZERO);
  const max = cap !== null && cap.lt(top) ? cap : top;
  return {
    kind: "judged",
    text,
    unit: null,
    max: max.toNumber(),
    allowed: allowed.map(([lo, hi]) => [lo.toNumber(), hi.toNumber()]),
    score: () => ({ status: "manual" }),
    required: () => null,
  };
}

/** Conditions in words, at least one with a score range, no numbers in the conditions. */
export const judgedRangesPlugin: RulePlugin = {
  kind: "judged",
  recognizes: (_norm, text) => {
    const rs = tryReadClauses(text);
    if (!rs) return false;
    const cases = rs.filter((r) => r.shape === "case");
    return (
      cases.some((r) => r.shape === "case" && "lo" in r.score) &&
      rs.every((r) => r.shape === "case" || r.shape === "cap" || r.shape === "else-zero")
    );
  },
  parse: (text) => parseJudgedRanges(text),
};
