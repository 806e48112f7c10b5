/**
 * Properties of assessors' ranges over numeric bands, over random tables written the two ways score
 * sheets write them — run together with bare bracketed scores ("完成50%及以上(50)完成30%及以上(30-49)…")
 * and as numbered clauses ("1.平均每年转化5项及以上，得25-30分；…"): the value picks exactly the band
 * the text puts it in (the lower edge belongs to the band it starts), a flat band scores its points, a
 * range band gives its range, and the rule's maximum is the top band's top.
 */
import fc from "fast-check";
import { parseRule } from "../index";

const RUNS = { numRuns: 150 };

/** k ascending edges and k+1 score ranges, disjoint and rising (each band's top below the next one's bottom). */
const table = fc
  .record({
    edges: fc.uniqueArray(fc.integer({ min: 1, max: 95 }), { minLength: 2, maxLength: 5 }),
    widths: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
    gaps: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ edges, widths, gaps }) => {
    const e = [...edges].sort((a, b) => a - b);
    const scores: [number, number][] = [];
    let at = 0;
    for (let i = 0; i <= e.length; i++) {
      scores.push([at, at + widths[i]]);
      at += widths[i] + gaps[i];
    }
    // at least one band is a range: otherwise it is a stepped rule
    if (scores.every(([lo, hi]) => lo === hi)) scores[0] = [scores[0][0], scores[0][0] + 1];
    for (let i = 1; i < scores.length; i++)
      if (scores[i][0] <= scores[i - 1][1]) scores[i] = [scores[i - 1][1] + 1, scores[i - 1][1] + 1 + (scores[i][1] - scores[i][0])];
    return { edges: e, scores };
  });

function runTogether(edges: number[], scores: [number, number][]): string {
  const s = (r: [number, number]) => (r[0] === r[1] ? `(${r[0]})` : `(${r[0]}-${r[1]})`);
  const parts = [];
  for (let i = edges.length - 1; i >= 0; i--) parts.push(`完成${edges[i]}%及以上${s(scores[i + 1])}`);
  parts.push(`完成${edges[0]}%以下${s(scores[0])}`);
  return parts.join("");
}

function numbered(edges: number[], scores: [number, number][]): string {
  const s = (r: [number, number]) => (r[0] === r[1] ? `得${r[0]}分` : `得${r[0]}-${r[1]}分`);
  const parts = [`1.平均每年转化${edges[edges.length - 1]}项及以上，${s(scores[edges.length])}`];
  for (let i = edges.length - 1; i >= 1; i--) parts.push(`${parts.length + 1}.平均每年转化${edges[i - 1]}-${edges[i]}项，${s(scores[i])}`);
  parts.push(`${parts.length + 1}.平均每年转化${edges[0]}项以下，${s(scores[0])}`);
  return parts.join("；");
}

function bandOf(edges: number[], v: number): number {
  let k = 0;
  while (k < edges.length && v >= edges[k]) k++;
  return k;
}

describe("assessors' ranges over numeric bands", () => {
  test.each([
    ["run together", runTogether, "%"],
    ["numbered clauses", numbered, "项"],
  ] as const)("%s: the value picks its band; flat bands score, range bands give their range", (_n, write, unit) => {
    fc.assert(
      fc.property(table, fc.integer({ min: 0, max: 120 }), ({ edges, scores }, v) => {
        const rule = parseRule(write(edges, scores));
        expect(rule.kind).toBe("judged");
        expect(rule.max).toBe(scores[scores.length - 1][1]);
        const [lo, hi] = scores[bandOf(edges, v)];
        const r = rule.score({ v: `${v}${unit}` });
        if (lo === hi) expect(r).toMatchObject({ status: "exact", score: lo });
        else expect(r).toMatchObject({ status: "range", low: lo, high: hi });
      }),
      RUNS,
    );
  });

  test("scores that meet at every edge are banded linear, not ranges", () => {
    const rule = parseRule("≧10000万元（5分）；10000-5000万元（5-4分）；5000-1000万元（4-3分）；1000万元以下（3-0分）。");
    expect(rule.kind).toBe("banded");
  });
});
