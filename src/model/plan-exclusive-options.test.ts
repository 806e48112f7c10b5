/**
 * A categorical rule whose options are states of one thing ("建成…的得3分，在建…的得2分") gives at most its
 * best state: the indicator's maximum, its headroom in the 升级分析 and a cell naming two states all say
 * so. Separate items each scored still add up. The rule stands in the seed's first row (财政科技支出,
 * 权重 in C3, values in F3/H3/J3, scores in G3/I3/K3).
 */
import { computePlan } from ".";
import { seedWithFirstRow } from "../../test/helpers/seed-row";
import { upgradeAnalysis } from "./analysis";

function firstRow(rule: string, weight: number, values: [string, string, string], stated: (number | undefined)[] = []) {
  return computePlan(seedWithFirstRow(rule, weight, values, stated));
}

const STATES = "建成集中供热中心并正常运行的得3分，当年开工或在建集中供热中心的得2分。";
const ITEMS = "设立专项资金（3分）；出台配套政策（2分）；建立考核机制（2分）。";

describe("建成 or 在建 of one 集中供热中心, under a weight of 4", () => {
  const plan = firstRow(STATES, 4, ["在建集中供热中心", "建成集中供热中心并正常运行", "在建集中供热中心"]);
  const ind = plan.indicators[0];

  test("the maximum is the best state, 3 — not 3 + 2 cut to the weight of 4", () => {
    expect(ind.max).toBe(3);
    expect(ind.scores.map((s) => s.computed)).toEqual([2, 3, 2]);
  });

  test("the 升级分析 offers 1 point (在建 → 建成), not 2", () => {
    const row = upgradeAnalysis(plan)!.rows.find((r) => r.row === ind.row)!;
    expect(row).toMatchObject({ score: 2, max: 3, headroom: 1 });
  });

  test("a cell naming both states scores the better one (5 stated is corrected to 3), and the write says why", () => {
    const both = firstRow(STATES, 4, ["建成集中供热中心并正常运行、在建集中供热中心", "", ""], [5]);
    expect(both.indicators[0].scores[0].computed).toBe(3);
    expect(both.writes.find((w) => w.cell === "G3")?.reason).toContain("是同一事项的不同状态，只计最高一项");
  });
});

describe("separate items each scored still add up", () => {
  test("设立专项资金 + 出台配套政策 + 建立考核机制 is 7 by the rule, 6 under a weight of 6", () => {
    const plan = firstRow(ITEMS, 6, ["设立专项资金、出台配套政策", "设立专项资金、出台配套政策、建立考核机制", ""]);
    const ind = plan.indicators[0];
    expect(ind.max).toBe(6);
    expect(ind.scores.slice(0, 2).map((s) => s.computed)).toEqual([5, 6]);
  });
});
