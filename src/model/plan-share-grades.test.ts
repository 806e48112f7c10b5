/**
 * The model with a rule of grades worth a share of the row's 分值 (a 科普教育基地 自评表's
 * "优秀(占比90-100%)：…；优良(占比70-90%)：…"), in the seed's 分工表 row of weight 5: a stated score
 * inside its grade's range is kept, one outside is flagged, a value no grade says is an error, and
 * nothing is written over the assessors' scores.
 */
import { computePlan } from ".";
import { seedWorkbookData } from "../sample/workbook-data";

describe("科普展项更新 graded by share of the row's 分值 5", () => {
  const wb = seedWorkbookData();
  const cells = wb.sheets[1].cells;
  cells[2][3] = {
    v: "优秀(占比90-100%)：科普展示更新内容达15%以上；优良(占比70-90%)：科普展示更新内容达10%以上；合格(占比60-70%)：科普展示更新内容达5%以上；不合格(占比60%以下)：科普展示内容未更新",
  };
  cells[2][5] = { v: "12%" };
  cells[2][6] = { v: 4 };
  cells[2][7] = { v: "20%" };
  cells[2][8] = { v: 3 };
  cells[2][9] = { v: "3%" };
  const plan = computePlan(wb);
  const ind = plan.indicators[0];

  test("12% is 优良, 3.5–4.5 of 5: the stated 4 is kept", () => {
    expect(ind.ruleKind).toBe("share-graded");
    expect(ind.weight).toBe(5);
    expect(ind.scores[0]).toMatchObject({ cell: "G3", status: "range", range: [3.5, 4.5], stated: 4 });
    expect(ind.scores[0].message).toContain("保留填写的 4");
  });

  test("20% is 优秀, 4.5–5: the stated 3 is flagged, not overwritten", () => {
    expect(ind.scores[1]).toMatchObject({ cell: "I3", status: "mismatch", range: [4.5, 5] });
    expect(ind.flags.find((f) => f.cell === "I3")?.message).toContain("只能得 4.5–5 分");
    expect(plan.writes.filter((w) => w.row === 2)).toEqual([]);
  });

  test("3% is in no grade (合格 needs 5%, 不合格 says 未更新): an error naming the value cell", () => {
    expect(ind.scores[2]).toMatchObject({ status: "error", computed: null });
    expect(ind.flags.find((f) => f.code === "value-error")?.message).toBe("J3：3%不在评分标准的任何一个等级内");
  });
});
