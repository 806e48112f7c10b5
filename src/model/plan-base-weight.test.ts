/**
 * A rule whose base is the row's 权重分值 ("…以上，得基本分；每增减1个百分点加减1分"), and a weight that
 * caps a rule's score: never a silent cut. The text's own bound on the steps sets the row's maximum;
 * a text with no bound leaves a score above the weight unsettled, flagged and not written; a cap by
 * the weight is said in every explanation. Cases from 椒江区科技型小微企业自评表 (2013), whose
 * hand-worked scores pass the base (src/engine/fixtures/sources/other-places-2026.json, X3).
 */
import { computePlan } from ".";
import { ruleFor } from "../engine";
import { seedWithFirstRow } from "../../test/helpers/seed-row";
import { portableEdits } from "../portable/edits";
import { evaluate } from "../../test/helpers/formula-eval";
import { upgradeAnalysis } from "./analysis";

/** The seed's first row (财政科技支出, 权重 5 in C3) with another rule, weight and values in F3, H3, J3. */
function firstRow(rule: string, weight: number, values: [string, string, string], scores: (number | null)[] = [null, null, null]) {
  const wb = seedWithFirstRow(rule, weight, values, scores, "0.00");
  return { wb, plan: computePlan(wb) };
}

const BOUNDED = "1.研发人员占职工总数比例的5%以上，得基本分；每增减1个百分点加减1分；2.最高加减分不得超过5分。";
const UNBOUNDED = "研发人员占职工总数比例5%以上得基本分，每增加1个百分点加1分";

describe("得基本分 with a bound on the steps: the weight is the base, the bound the maximum", () => {
  test("the rule knows its maximum once the weight is known: 10 + 5", () => {
    expect(ruleFor(BOUNDED).baseFromWeight?.max(10)).toBe(15);
    expect(ruleFor(UNBOUNDED).baseFromWeight?.max(10)).toBeNull();
    // a stated base, or 满分, is not the weight's to pass
    expect(ruleFor("较上年增长10%得基本分4分，每增加1个百分点加0.5分，最高6分").baseFromWeight).toBeUndefined();
    expect(ruleFor("达到2000万元得满分，否则不得分").baseFromWeight).toBeUndefined();
  });

  test("7%, 3% and 20% under a weight of 10 score 12, 8 and 15, written as the rule says (not cut to 10)", () => {
    const { plan } = firstRow(BOUNDED, 10, ["7%", "3%", "20%"]);
    const ind = plan.indicators[0];
    expect(ind.max).toBe(15);
    expect(ind.scores.map((s) => s.computed)).toEqual([12, 8, 15]);
    expect(plan.writes.filter((w) => w.row === 2).map((w) => [w.cell, w.after])).toEqual([
      ["G3", 12],
      ["I3", 8],
      ["K3", 15],
    ]);
    expect(ind.flags).toEqual([]);
  });

  test("a stated maximum below the weight contradicts a base of the weight: flagged, nothing written", () => {
    const { plan } = firstRow("5%以上得基本分，每增减1个百分点加减1分，最高8分", 10, ["7%", "3%", "5%"]);
    expect(plan.writes.filter((w) => w.row === 2)).toEqual([]);
    expect(plan.indicators[0].flags.map((f) => f.message)).toContainEqual(
      expect.stringContaining("以权重分值 10 为基本分，但最高只得 8 分"),
    );
  });
});

describe("得基本分 with steps up and no bound: a score above the weight is not settled by the text", () => {
  const { wb, plan } = firstRow(UNBOUNDED, 10, ["7%", "5%", "4%"], [10, null, null]);
  const ind = plan.indicators[0];

  test("7% would be 12 by the steps: flagged on G3, the stated 10 left, never cut silently", () => {
    expect(ind.scores[0]).toMatchObject({ status: "error", computed: null, stated: 10 });
    const flag = ind.flags.find((f) => f.cell === "G3");
    expect(flag?.code).toBe("rule-error");
    expect(flag?.message).toContain("按评分标准为 12 分，超过权重分值 10 分");
    expect(flag?.message).toContain("没有写最高分");
    expect(plan.writes.some((w) => w.cell === "G3")).toBe(false);
  });

  test("5% is the base, 10, and below the base steps do not apply (不得分): both readings agree, so they are written", () => {
    expect(ind.scores.slice(1).map((s) => s.computed)).toEqual([10, 0]);
    expect(plan.writes.filter((w) => w.row === 2).map((w) => [w.cell, w.after])).toEqual([
      ["I3", 10],
      ["K3", 0],
    ]);
  });

  test("the 分享版 keeps such a row's scores as values: a formula would score past the weight", () => {
    const { edits, report } = portableEdits(wb, plan, { convertValues: true });
    expect(edits.filter((e) => e.kind === "score-formula" && ["G3", "I3", "K3"].includes(e.cell))).toEqual([]);
    expect(report.kept.map((k) => `${k.cell} ${k.reason}`).join("\n")).toMatch(/G3 .*没有写最高分或加减分上限/);
  });
});

describe("a weight below the rule's top score caps it, and says so", () => {
  const STEPS = "投入200万元得1分，每增加100万元加1分";
  const { wb, plan } = firstRow(STEPS, 5, ["300万元", "2000万元", "900万元"], [2, 5, null]);

  test("2000万元 is 19 by the steps, 5 under the weight: the cell and the write say the weight capped it", () => {
    const ind = plan.indicators[0];
    expect(ind.scores.map((s) => s.computed)).toEqual([2, 5, 5]);
    expect(ind.scores[1].message).toContain("按权重分值 5 分封顶");
    expect(plan.writes.find((w) => w.cell === "K3")?.reason).toContain("按权重分值 5 分封顶");
  });

  test("the 分享版 formula caps at the weight as check does, for the value now and any value entered later", () => {
    const { edits } = portableEdits(wb, plan, { convertValues: true });
    const f = edits.find((e) => e.kind === "score-formula" && e.cell === "I3");
    expect(f && "formula" in f).toBe(true);
    const formula = (f as { formula: string }).formula;
    const rule = ruleFor(STEPS);
    for (const v of [150, 200, 300, 650, 2000, 123456]) {
      const s = rule.score({ v: `${v}万元` });
      const want = s.status === "exact" ? Math.min(s.score, 5) : null;
      expect([v, evaluate(formula, { cell: () => v })]).toEqual([v, want]);
    }
  });
});

describe("a band whose score the assessors choose (评审在一档的分数范围内打分) is not worded as a bare count", () => {
  const RANGED = "完成5%及以上(5)完成3%及以上(3-4)完成1%及以上(1-2)完成1%以下(0)";

  test("3.5% lies in the (3-4) band: the cell says the assessors choose 3–4, keeps a stated 3.5, flags a stated 2", () => {
    const { plan } = firstRow(RANGED, 5, ["3.5%", "3.5%", "3.5%"], [null, 3.5, 2]);
    const [blank, kept, wrong] = plan.indicators[0].scores;
    expect(blank).toMatchObject({ status: "range", range: [3, 4] });
    expect(blank.message).toBe("该档由评审在 3–4 分之间打分，请手工填写得分");
    expect(kept.message).toBe("该档由评审在 3–4 分之间打分，保留填写的 3.5");
    expect(wrong.status).toBe("mismatch");
    const flag = plan.indicators[0].flags.find((f) => f.cell === "K3");
    expect(flag?.message).toBe("K3：2020年得分填写 2，但“3.5%”所在的一档只能得 3–4 分");
    for (const s of [blank, kept, wrong]) expect(s.message).not.toContain("数量");
    expect(plan.writes.filter((w) => w.row === 2)).toEqual([]);
  });
});

describe("a base that is a share of the 基本分值, a bonus bounded by a share of it (江苏 开发区 考核办法, JS1)", () => {
  const JS1 = "以2010年实绩为基数，持平得基本分值的80%，每项指标每超5%加1分，加分最高不超过基本分值的50%。";
  const { plan } = firstRow(JS1, 10, ["100", "110", "200"]);
  // the same figures as numbers, as a 分享版 needs them for a formula over two value cells
  const numeric = firstRow(JS1, 10, ["100", "110", "200"]);
  [5, 7, 9].forEach((c, i) => (numeric.wb.sheets[1].cells[2][c] = { v: [100, 110, 200][i] }));
  const ind = plan.indicators[0];

  test("110 after 100 scores 10 and 200 after 110 scores 13 (8 + at most 5), written past the weight of 10", () => {
    expect(ind.max).toBe(13);
    expect(ind.scores.map((s) => s.computed)).toEqual([null, 10, 13]);
    expect(plan.writes.filter((w) => w.row === 2).map((w) => [w.cell, w.after])).toEqual([
      ["I3", 10],
      ["K3", 13],
    ]);
  });

  test("the first year has no figure before it: said on the cell, nothing written there", () => {
    expect(ind.scores[0].status).toBe("error");
    expect(ind.scores[0].message).toContain("上一年");
  });

  test("the 分享版 formula gives the same 13 from the two value cells", () => {
    const { edits } = portableEdits(numeric.wb, computePlan(numeric.wb), { convertValues: true });
    const f = edits.find((e) => e.kind === "score-formula" && e.cell === "K3") as { formula: string } | undefined;
    expect(f).toBeDefined();
    expect(evaluate(f!.formula, { cell: (r) => (r === "J3" ? 200 : 110) })).toBe(13);
    expect(evaluate(f!.formula, { cell: (r) => (r === "J3" ? 115.5 : 110) })).toBe(9);
  });
});

describe("items counted up to a full 基本分, then a bonus up to the 基本分值 (江苏 开发区 考核办法, JS3)", () => {
  const JS3 =
    "每投产或开工总投资一个2亿元以上项目或2000万美元以上项目的得1分，达到8个项目得满基本分，每超一个加1分，加分最高不超过基本分值。";
  const { plan } = firstRow(JS3, 8, ["3", "10", "5"]);
  const ind = plan.indicators[0];

  test("3, 10 and 5 projects score 3, 10 and 5; the row's maximum is 8 + 8 = 16", () => {
    expect(ind.max).toBe(16);
    expect(ind.scores.map((s) => s.computed)).toEqual([3, 10, 5]);
  });

  test("the 升级分析 counts the points left up to 16, not up to the weight of 8", () => {
    const row = upgradeAnalysis(plan)!.rows.find((r) => r.row === ind.row)!;
    expect(row).toMatchObject({ score: 5, max: 16, headroom: 11 });
  });

  test("the target needs 16 projects for 16 points (the value the target column is told)", () => {
    const target = firstRow(JS3, 8, ["3", "10", "5"], [null, null, 16]).plan.indicators[0];
    expect(target.requiredValue).toBe(16);
  });
});
