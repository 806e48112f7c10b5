import type { ScoreResult } from "../../src/engine/types";

/**
 * A score result with its explanation made (ScoreResult.explain is a function, which deep equality
 * compares by identity): two results are the same to a user when their scores and explanations are.
 */
export function explained(r: ScoreResult): object {
  if ((r.status === "exact" || r.status === "range") && r.explain) return { ...r, explain: r.explain() };
  return r;
}
