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
 * The DP keeps two arrays of (gap in hundredths + 1) per indicator with candidates: ~60 KB each at a
 * 100-point gap. A 分工表 has ~17 rows; a sheet of thousands of rows below grade A would need
 * gigabytes and minutes. Beyond this many states the choice is made greedily instead (and said so).
 */
const EXACT_STATES_MAX = 5_000_000;

/** Whether `suggestCombination` solves these groups exactly (else greedily: see EXACT_STATES_MAX). */
export function solvedExactly(groups: Candidate[][], gap: number): boolean {
  const live = groups.reduce((n, g) => n + (g.length > 0 ? 1 : 0), 0);
  return live * (Math.max(0, cents(gap)) + 1) <= EXACT_STATES_MAX;
}

/**
 * Greedy by cost per hundredth of a point: each indicator's cheapest step per point gained, taken in
 * that order until the gap closes. Not always the cheapest mix, but bounded: n log n in the rows.
 */
function greedyCombination(live: Candidate[][], goal: number): Candidate[] {
  const best = live
    .map((g) => {
      let pick: Candidate | null = null;
      let rate = Number.POSITIVE_INFINITY;
      for (const c of g) {
        const gain = cents(c.toScore) - cents(c.fromScore);
        if (gain > 0 && c.relative / gain < rate) [pick, rate] = [c, c.relative / gain];
      }
      return pick === null ? null : { pick, rate };
    })
    .filter((x): x is { pick: Candidate; rate: number } => x !== null)
    .sort((a, b) => a.rate - b.rate);
  const out: Candidate[] = [];
  let got = 0;
  for (const { pick } of best) {
    if (got >= goal) break;
    out.push(pick);
    got += cents(pick.toScore) - cents(pick.fromScore);
  }
  return got >= goal ? out : live.map((g) => g.reduce((a, b) => (cents(b.toScore) > cents(a.toScore) ? b : a)));
}

/**
 * The cheapest set of steps, at most one per group, whose gains reach `gap`; when no set reaches
 * it, the largest step of every group (the most that can be done).
 */
export function suggestCombination(groups: Candidate[][], gap: number): Candidate[] {
  const goal = Math.max(0, cents(gap));
  if (goal === 0) return [];
  const live = groups.filter((g) => g.length > 0);
  if (!solvedExactly(groups, gap)) return greedyCombination(live, goal);
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
