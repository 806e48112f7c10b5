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
  let reach = 0; // the highest state reached so far: states above it are all INF
  // pick[g][t] = the candidate of group g taken to arrive at state t (-1: none), from[g][t] = the state before
  const choice: Int16Array[] = [];
  const from: Int32Array[] = [];
  for (const group of live) {
    const next = cost.slice();
    const pick = new Int16Array(goal + 1).fill(-1);
    const prev = new Int32Array(goal + 1);
    let newReach = reach;
    group.forEach((c, ci) => {
      const gain = cents(c.toScore) - cents(c.fromScore);
      if (gain <= 0) return;
      for (let s = 0; s <= reach; s++) {
        const base = cost[s];
        if (base === INF) continue;
        const t = s + gain < goal ? s + gain : goal;
        const v = base + c.relative;
        // ties keep the earlier (smaller) step
        if (v < next[t] - 1e-12) {
          next[t] = v;
          pick[t] = ci;
          prev[t] = s;
          if (t > newReach) newReach = t;
        }
      }
    });
    choice.push(pick);
    from.push(prev);
    cost = next;
    reach = newReach;
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
