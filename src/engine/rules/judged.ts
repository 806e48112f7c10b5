/**
 * Judged rules: prose with no scores ("落实科技政策…等工作情况。"), or any rule with a "酌情" clause
 * ("其他部门行业奖励和表彰酌情得分") — assessors enter the score by hand; the engine only knows the cap.
 */
import type { Rule } from "../types";
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
