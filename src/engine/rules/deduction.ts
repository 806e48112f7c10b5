/**
 * Deductions from the full score, floored at 0: "按时报送得满分，每迟报1次扣0.5分，扣完为止" (the value
 * is the count of late reports), "少于6次的，每少1次扣1分" (the value is the count done, compared with
 * 6). The full score is the one the rule states ("满分5分", "本项5分") or else the row's 权重分值.
 */
import { Rational } from "../decimal";
import { clauseError, readClauses, tryReadClauses, type Reading } from "./clauses";
import { assemble } from "./assemble";
import { levelReader, makeStepRule, type StepRule } from "./steps";
import type { RulePlugin } from "./common";

export function looksDeduction(rs: Reading[]): boolean {
  const steps = rs.filter((r): r is Extract<Reading, { shape: "step" }> => r.shape === "step");
  if (steps.length === 0 || !steps.every((s) => s.per.sign() < 0)) return false;
  return rs.every(
    (r) =>
      r.shape === "step" ||
      r.shape === "cap" ||
      r.shape === "floor" ||
      r.shape === "full" ||
      r.shape === "else-zero" ||
      ((r.shape === "case" || r.shape === "band") && "full" in r.score) ||
      // "不少于15天的得10分，少于15天的每少1天扣1分": the score at the top is the base deductions start from
      (r.shape === "band" && "n" in r.score && r.cond.high === null && !r.required),
  );
}

export function parseDeduction(text: string): StepRule {
  const rs = readClauses(text);
  const full = rs.find((r): r is Extract<Reading, { shape: "full" }> => r.shape === "full");
  for (const r of rs) {
    // "满分15分。…50天以上得10分": two full scores; which one the deductions start from is not said
    if (full && r.shape === "band" && "n" in r.score && !r.score.n.eq(full.n)) {
      throw clauseError(r.clause, `得${r.score.n}分与满分${full.n}分不一致`);
    }
  }
  const a = assemble(rs, { defaultBase: "full" });
  return makeStepRule({
    kind: "deduction",
    text,
    ...a,
    floor: Rational.max(a.floor, Rational.ZERO),
    read: levelReader(a.unit, a.wholeCount),
  });
}

export const deductionPlugin: RulePlugin = {
  kind: "deduction",
  recognizes: (_norm, text) => {
    const rs = tryReadClauses(text);
    return rs !== null && looksDeduction(rs);
  },
  parse: (text) => parseDeduction(text),
};
