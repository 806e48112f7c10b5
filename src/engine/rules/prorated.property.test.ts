/**
 * Properties of the prorated family over random rules in the wordings real documents use
 * ("X篇以上记N分（完不成的按比例扣分）", "完成X家得N分，未完成的按比例计分", "达到X万元得满分，未达到的按完成比例得分"):
 * the score is ROUND(N × min(v, X) ÷ X, 2) computed here in integers, never above N, never falls as
 * the value rises; the value needed scores back to at least the asked score, one unit less does not.
 */
import fc from "fast-check";
import { parseRule } from "../index";

const RUNS = { numRuns: 150 };

const wordings = [
  (x: number, n: string, u: string) => `上报信息${x}${u}以上记${n}分(完不成的按比例扣分)`,
  (x: number, n: string, u: string) => `完成${x}${u}得${n}分，未完成的按比例计分`,
  (x: number, n: string, u: string) => `新增${x}${u}及以上得${n}分；不足的，按完成比例得分`,
];

/** ROUND(n·v/x, 2) half away from zero, in integers (n in tenths) */
function expected(nTenths: number, v: number, x: number): number {
  if (v >= x) return nTenths / 10;
  const num = nTenths * v * 1000; // score × 10000
  const hundredths = Math.floor((num / x + 50) / 100); // half up: scores are ≥ 0
  return hundredths / 100;
}

describe("prorated rules", () => {
  test("score N×v÷X below the target, N at and above it, rounded like ROUND", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 2 }),
        (x, nT, v, w) => {
          const n = (nT / 10).toString();
          const rule = parseRule(wordings[w](x, n, "家"));
          expect(rule.kind).toBe("prorated");
          expect(rule.max).toBe(nT / 10);
          const r = rule.score({ v: `${v}家` });
          expect(r).toMatchObject({ status: "exact", score: expected(nT, v, x) });
          const next = rule.score({ v: `${v + 1}家` });
          if (r.status === "exact" && next.status === "exact") {
            expect(next.score).toBeGreaterThanOrEqual(r.score);
            expect(next.score).toBeLessThanOrEqual(nT / 10);
          }
        },
      ),
      RUNS,
    );
  });

  test("the value needed is the smallest whole count whose rounded score reaches the target", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (x, nT, tPct) => {
        const n = nT / 10;
        const rule = parseRule(wordings[0](x, n.toString(), "篇"));
        const target = Math.round(n * tPct) / 100;
        const need = rule.needed!(target);
        expect(need).not.toBeNull();
        const at = rule.score({ v: `${need}篇` });
        expect(at.status === "exact" && at.score >= target).toBe(true);
        if (need! > 0) {
          const less = rule.score({ v: `${need! - 1}篇` });
          expect(less.status === "exact" && less.score < target).toBe(true);
        }
        expect(rule.needed!(n + 0.01)).toBeNull();
      }),
      RUNS,
    );
  });
});
