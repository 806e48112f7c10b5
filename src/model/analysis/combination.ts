/**
 * The one suggested combination of 升级分析: for each indicator pick at most one candidate step
 * (a score level and the value or items it needs) so that the points gained close the gap to the
 * next grade with the smallest sum of relative increases.
 *
 * Exact, not greedy: a multiple-choice knapsack solved by dynamic programming over the gain in
 * hundredths of a point. Scores are 2-decimal, so hundredths lose nothing, and the table is small
 * (gap ≤ 100 points → ≤ 10,001 states × ~17 rows × ~10 levels). Greedy by cost per point can miss
 * the cheapest mix when one large step overshoots; the DP cannot.
 */
export interface Candidate {
  row: number;
  name: string;
  fromScore: number;
  toScore: number;
  /** banded: the value to reach; null for counted */
  value: number | null;
  action: string;
  /** relative increase this step asks for (the cost being minimised) */
  relative: number;
}

const cents = (x: number) => Math.round(x * 100);

/**
 * The cheapest set of steps, at most one per group, whose gains reach `gap`; when no set reaches
 * it, the largest step of every group (the most that can be done).
 */
export function suggestCombination(groups: Candidate[][], gap: number): Candidate[] {
  const goal = Math.max(0, cents(gap));
  if (goal === 0) return [];
  const live = groups.filter((g) => g.length > 0);
  const INF = Number.POSITIVE_INFINITY;
  let cost = new Float64Array(goal + 1).fill(INF);
  cost[0] = 0;
  // choice[g][state] = index of the candidate taken in group g to arrive at state (-1: none)
  const choice: Int16Array[] = [];
  const from: Int32Array[] = [];
  for (const group of live) {
    const next = Float64Array.from(cost);
    const pick = new Int16Array(goal + 1).fill(-1);
    const prev = new Int32Array(goal + 1).map((_, i) => i);
    group.forEach((c, ci) => {
      const gain = cents(c.toScore) - cents(c.fromScore);
      if (gain <= 0) return;
      for (let s = 0; s <= goal; s++) {
        if (cost[s] === INF) continue;
        const t = Math.min(goal, s + gain);
        const v = cost[s] + c.relative;
        // ties keep the earlier (smaller) step
        if (v < next[t] - 1e-12) {
          next[t] = v;
          pick[t] = ci;
          prev[t] = s;
        }
      }
    });
    choice.push(pick);
    from.push(prev);
    cost = next;
  }
  if (cost[goal] === INF) {
    return live.map((g) => g.reduce((a, b) => (cents(b.toScore) > cents(a.toScore) ? b : a)));
  }
  const out: Candidate[] = [];
  let s = goal;
  for (let g = live.length - 1; g >= 0; g--) {
    const ci = choice[g][s];
    if (ci >= 0) {
      out.push(live[g][ci]);
      s = from[g][s];
    }
  }
  return out.reverse();
}
