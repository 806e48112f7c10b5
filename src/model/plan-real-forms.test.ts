/**
 * The model with the forms real 考核办法 write, in the seed's 分工表: in proportion to a stated target
 * (and its value needed), bands with 以下按比例计分, a graded rule whose top grade differs from the
 * row's weight (flagged, nothing written), and a yes/no rule whose cell says 是/否.
 */
import { computePlan } from ".";
import { seedWorkbookData } from "../sample/workbook-data";
import type { WorkbookData } from "./types";

type Cells = WorkbookData["sheets"][1]["cells"];

function withRow(patch: (cells: Cells) => void) {
  const wb = seedWorkbookData();
  patch(wb.sheets[1].cells);
  return computePlan(wb);
}

describe("技术合同成交额达到5000万元得5分，未达到的按比例计分 (weight 5)", () => {
  const plan = withRow((cells) => {
    cells[2][3] = { v: "技术合同成交额达到5000万元得5分，未达到的按比例计分" };
    cells[2][5] = { v: "2500万元" };
    cells[2][7] = { v: "0.6亿元" };
    cells[2][10] = { v: 4 };
  });
  const ind = plan.indicators[0];

  test("2500万元 scores 2.5 and 0.6亿元 (6000万元) the full 5; the write says how", () => {
    expect(ind.ruleKind).toBe("prorated");
    expect(ind.scores.slice(0, 2).map((s) => s.computed)).toEqual([2.5, 5]);
    const w = plan.writes.find((x) => x.cell === "G3");
    expect(w?.after).toBe(2.5);
    expect(w?.reason).toContain("按比例5×2500万元÷5000万元");
  });

  test("a target of 4分 needs 3995万元: 5 × 3995 ÷ 5000 = 3.995 rounds to 4.00, 3994万元 does not", () => {
    expect(ind.requiredValue).toBe(3995);
  });
});

test("bands with 1.5%以下按比例计分: 0.75% scores 6 × 0.75 ÷ 1.5 = 3 on a row of weight 10", () => {
  const plan = withRow((cells) => {
    cells[5][3] = { v: "R&D经费投入强度2.5%以上得10分；2%-2.5%得8分；1.5%-2%得6分；1.5%以下按比例计分" };
    cells[5][5] = { v: "0.75%" };
    cells[5][7] = { v: "2.1%" };
  });
  const ind = plan.indicators.find((i) => i.ruleText.startsWith("R&D经费投入强度2.5%"))!;
  expect(ind.ruleKind).toBe("prorated");
  expect(ind.weight).toBe(10);
  expect(ind.scores.slice(0, 2).map((s) => s.computed)).toEqual([3, 8]);
});

test("a graded rule whose top grade 4 differs from the weight 5 is flagged and nothing is written for the row", () => {
  const plan = withRow((cells) => {
    cells[2][3] = { v: "示范推广完成情况好计4分，一般计3分，差计2分" };
    cells[2][5] = { v: "好" };
  });
  const ind = plan.indicators[0];
  expect(ind.ruleKind).toBe("graded");
  expect(ind.flags[0]).toMatchObject({ code: "rule-error", cell: "D3" });
  expect(ind.flags[0].message).toContain("最高分 4 与权重分值 5 不一致");
  expect(plan.writes.filter((w) => w.row === 2)).toEqual([]);
});

test("a yes/no rule: 是 scores 5, 否 scores 0, and 部分完成 is an error naming the choice", () => {
  const plan = withRow((cells) => {
    cells[2][3] = { v: "满分5分。按要求制定落实产业技术及基地实施方案得5分，未制定落实产业技术及基地实施方案不得分。" };
    cells[2][5] = { v: "是" };
    cells[2][7] = { v: "否" };
    cells[2][9] = { v: "部分完成" };
  });
  const ind = plan.indicators[0];
  expect(ind.ruleKind).toBe("graded");
  expect(ind.scores.map((s) => s.computed)).toEqual([5, 0, null]);
  expect(ind.scores[2].message).toContain("是否完成");
});

describe("较上年每新增1家得2分 reads last year's level in the same row", () => {
  const plan = withRow((cells) => {
    cells[5][3] = { v: "高新技术企业数较上年每新增1家得2分，最高10分" };
    cells[5][5] = { v: "60家" };
    cells[5][7] = { v: "63家" };
  });
  const ind = plan.indicators.find((i) => i.ruleText.startsWith("高新技术企业数较上年"))!;

  test("63家 after 60家 is 3 new: 6分, and the write says it used last year", () => {
    expect(ind.ruleKind).toBe("increase");
    expect(ind.scores[1].computed).toBe(6);
    expect(plan.writes.find((w) => w.cell === "I6")?.reason).toContain("上一年60家，本年63家，新增3家");
  });

  test("the first year has no year before it: a clear message, never 60家 read as 60 new", () => {
    expect(ind.scores[0]).toMatchObject({ status: "error", computed: null });
    expect(ind.scores[0].message).toContain("需要同一行上一年的数值");
  });
});

test("the 2020 target 8分 under 较上年每新增1家得2分 needs 67家 after 2019's 63家", () => {
  const plan = withRow((cells) => {
    cells[5][3] = { v: "高新技术企业数较上年每新增1家得2分，最高10分" };
    cells[5][5] = { v: "60家" };
    cells[5][7] = { v: "63家" };
    cells[5][9] = { v: "" };
    cells[5][10] = { v: 8 };
  });
  const ind = plan.indicators.find((i) => i.ruleText.startsWith("高新技术企业数较上年"))!;
  expect(ind.requiredValue).toBe(67);
});
