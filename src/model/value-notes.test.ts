/**
 * How a value was written travels with the score: "约2489万元" is scored as 2489万元 and every
 * explanation says it is approximate; "暂无" is no value yet, with a message (the seed's 分工表,
 * one value cell retyped).
 */
import { computePlan, toReport } from ".";
import { seedWorkbookData } from "../sample/workbook-data";
import { parseAddress } from "./sheet";
import type { WorkbookData } from "./types";

/** The seed with the 地方财政科技支出 row's value cells (2018, 2019) retyped, and its 2018 score cell emptied. */
function seedWith(v2018: string, v2019: string, score2018: number | null = 3.37): WorkbookData {
  const wb = seedWorkbookData();
  const plan = computePlan(wb);
  const ind = plan.indicators.find((i) => i.name.startsWith("地方财政科技支出"))!;
  const sheet = wb.sheets.find((s) => s.name === plan.sheet)!;
  const set = (a1: string, v: string | number | null) => {
    const { row, col } = parseAddress(a1)!;
    sheet.cells[row][col] = { v };
  };
  set(ind.scores[0].valueCell!, v2018);
  set(ind.scores[1].valueCell!, v2019);
  set(ind.scores[0].cell, score2018);
  return wb;
}

const fiscal = (wb: WorkbookData) => computePlan(wb).indicators.find((i) => i.name.startsWith("地方财政科技支出"))!;

test("“约2489万元” under the 财政科技支出 rule scores 3.37 and the report's message says it is approximate", () => {
  const ind = fiscal(seedWith("约2489万元", "暂无"));
  expect(ind.scores[0]).toMatchObject({ status: "ok", computed: 3.37, value: 2489 });
  expect(ind.scores[0].message).toBe("“约2489万元”是约数，按 2489万元 计分");
  expect(ind.scores[0].note).toBe("“约2489万元”是约数，按 2489万元 计分");
  expect(ind.scores[0].noteEn).toBe("“约2489万元” is approximate; scored as 2489万元");
  const report = toReport(computePlan(seedWith("约2489万元", "暂无")), "x.xlsx");
  expect(report.indicators[0].scores[0].message).toContain("是约数");
});

test("“暂无” is no value yet, with the message the pane shows, and no value error", () => {
  const ind = fiscal(seedWith("2489万元", "暂无"));
  expect(ind.scores[1]).toMatchObject({ status: "no-value", computed: null });
  expect(ind.scores[1].message).toBe("数值填写为“暂无”，视为尚无数值，不计分");
  expect(ind.scores[1].note).toBe("数值填写为“暂无”，视为尚无数值，不计分");
  expect(ind.flags.filter((f) => f.code === "value-error")).toEqual([]);
});

test("a corrected score's write and a mismatch flag carry the estimate (the cell note says it)", () => {
  const empty = fiscal(seedWith("2489万元（预计）", "2489万元", null));
  const plan = computePlan(seedWith("2489万元（预计）", "2489万元", null));
  const w = plan.writes.find((x) => x.cell === empty.scores[0].cell)!;
  expect(w.reason).toContain("（“2489万元（预计）”是预计数（估计值），按 2489万元 计分）");
  expect(w.reasonEn).toContain("(the value is an estimate)");

  const wrong = fiscal(seedWith("约2489万元", "2489万元", 3));
  const flag = wrong.flags.find((f) => f.code === "score-mismatch" && f.cell === wrong.scores[0].cell)!;
  expect(flag.message).toContain("应为 3.37（“约2489万元”是约数，按 2489万元 计分）");
  expect(flag.messageEn).toContain("(the value is approximate)");
});

test("“2489万园” is a value error on the value cell that suggests 万元; “2489万美元” one that does not", () => {
  const typo = fiscal(seedWith("2489万园", "2489万元"));
  expect(typo.scores[0].status).toBe("error");
  expect(typo.flags.find((f) => f.code === "value-error")?.message).toContain("单位“万园”不是评分标准的单位“万元”，是否为“万元”？");
  const dollars = fiscal(seedWith("2489万美元", "2489万元"));
  expect(dollars.flags.find((f) => f.code === "value-error")?.message).toContain("单位“万美元”与评分标准的单位“万元”不符");
});
