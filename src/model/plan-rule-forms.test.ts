/**
 * The model with the rule forms real assessment documents write: growth over last year (the year
 * column before), a full score that is the row's weight, assessors' ranges, a stated maximum that
 * disagrees with the weight, and the value a person can enter for a target.
 */
import { computePlan } from ".";
import { ruleFor } from "../engine";
import { seedWorkbookData } from "../sample/workbook-data";
import type { WorkbookData } from "./types";

type Cells = WorkbookData["sheets"][1]["cells"];

function withRow(patch: (cells: Cells) => void) {
  const wb = seedWorkbookData();
  patch(wb.sheets[1].cells);
  return computePlan(wb);
}

const GROWTH = "较上年增长10%得基本分4分，每增加1个百分点加0.5分，每减少1个百分点减0.5分，最高5分，最低0分";

describe("growth over last year reads the year column before", () => {
  const plan = withRow((cells) => {
    cells[2][3] = { v: GROWTH };
    cells[2][5] = { v: "2000万元" };
    cells[2][7] = { v: "2250万元" };
  });
  const ind = plan.indicators[0];

  test("2250万元 after 2000万元 is 12.5% growth: two whole points over 10%, 5分, and the write says so", () => {
    expect(ind.ruleKind).toBe("growth");
    expect(ind.scores[1]).toMatchObject({ computed: 5, status: "mismatch" });
    const w = plan.writes.find((x) => x.cell === "I3");
    expect(w?.after).toBe(5);
    expect(w?.reason).toContain("上一年2000万元，本年2250万元，增长12.5%");
  });

  test("the first year has no year before it: a clear message, no number", () => {
    expect(ind.scores[0]).toMatchObject({ status: "error", computed: null });
    expect(ind.scores[0].message).toContain("上一年没有数值");
    expect(plan.writes.some((x) => x.cell === "G3")).toBe(false);
  });
});

test("“达到2000万元得满分” scores the row's weight 5 for 2489万元", () => {
  const plan = withRow((cells) => {
    cells[2][3] = { v: "达到2000万元得满分，否则不得分" };
  });
  expect(plan.indicators[0].scores.map((s) => s.computed)).toEqual([5, 5, null]);
  expect(plan.indicators[0].max).toBe(5);
});

describe("assessors' ranges", () => {
  const RANGES = "成效明显的得4-5分；一般的得2-3分；较差的得0-1分";
  test("a stated 3.5 falls in no range: flagged, never overwritten", () => {
    const plan = withRow((cells) => {
      cells[18][3] = { v: RANGES };
    });
    const ind = plan.indicators[16];
    expect(ind.ruleKind).toBe("judged");
    expect(ind.scores[1]).toMatchObject({ status: "mismatch", stated: 3.5 });
    expect(ind.flags.map((f) => f.message)).toContain("I19：2019年评估得分 3.5 不在评分标准的任何一档（0–1、2–3、4–5）之内");
    expect(plan.writes.some((w) => w.cell === "I19")).toBe(false);
  });
  test("a stated 2.2 inside 2-3 is kept as the assessors' score", () => {
    const plan = withRow((cells) => {
      cells[18][3] = { v: RANGES };
    });
    expect(plan.indicators[16].scores[0]).toMatchObject({ status: "manual", stated: 2.2 });
  });
});

test("a rule whose stated maximum 10 differs from the weight 5 is flagged and nothing is written for the row", () => {
  const plan = withRow((cells) => {
    cells[2][3] = { v: "≥3000万元（10分）；2000-3000万元（8分）；2000万元以下（0分）" };
  });
  const ind = plan.indicators[0];
  expect(ind.flags[0]).toMatchObject({ code: "rule-error", cell: "D3" });
  expect(ind.flags[0].message).toContain("最高分 10 与权重分值 5 不一致");
  expect(plan.writes.filter((w) => w.row === 2)).toEqual([]);
});

describe("the value needed is one a person can enter", () => {
  const plan = computePlan(seedWorkbookData());
  const byName = (n: string) => plan.indicators.find((i) => i.name === n)!;

  test("高新技术企业 8.75 needs 63家, a whole number of firms", () => {
    expect(byName("高新技术企业数量（家）").requiredValue).toBe(63);
  });

  test("千家科技型中小企业 2.89: the row writes two decimals (56.24家), so 56.95, which rounds to 2.89; 56.94 does not", () => {
    const ind = byName("千家工商注册企业中科技型中小企业数量（家）");
    expect(ind.requiredValue).toBe(56.95);
    const rule = ruleFor(ind.ruleText);
    expect(rule.score({ v: 56.95 })).toMatchObject({ score: 2.89 });
    expect(rule.score({ v: 56.94 })).not.toMatchObject({ score: 2.89 });
  });

  test("a step rule's target: 投入 rule 5分 needs 600万元", () => {
    const p = withRow((cells) => {
      cells[2][3] = { v: "投入达到200万元得1分，每增加100万元加1分，最高5分" };
      cells[2][10] = { v: 5 };
    });
    expect(p.indicators[0].requiredValue).toBe(600);
  });
});
