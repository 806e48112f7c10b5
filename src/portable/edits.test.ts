import { computePlan } from "../model";
import { seedWorkbookData } from "../sample/workbook-data";
import { parseAddress } from "../model/sheet";
import { hasCustomFunction, portableEdits } from "./edits";

describe("the 分享版 starts from the recalculated scores", () => {
  test("made from a sheet nobody has applied yet, the wrong scores kept as values carry the rule's numbers", () => {
    const data = seedWorkbookData();
    const plan = computePlan(data);
    const { edits } = portableEdits(data, plan, { convertValues: false });
    const values = edits.filter((e) => e.kind === "score-value").map((e) => [e.cell, "value" in e ? e.value : null]);
    expect(values).toEqual([
      ["I5", 2.56],
      ["K6", 8.77],
      ["I7", 2.83],
    ]);
  });

  test("with values converted every banded score is a formula, so no score stays a stale number", () => {
    const data = seedWorkbookData();
    const { edits } = portableEdits(data, computePlan(data), { convertValues: true });
    expect(edits.filter((e) => e.kind === "score-value")).toEqual([]);
    expect(edits.filter((e) => e.kind === "score-formula").map((e) => e.cell)).toEqual(expect.arrayContaining(["I5", "K6", "I7"]));
  });

  test("made from an applied sheet (the .xlsx routes), nothing is written twice", () => {
    const data = seedWorkbookData();
    const plan = computePlan(data);
    const sheet = data.sheets.find((s) => s.name === plan.sheet)!;
    for (const w of plan.writes) {
      const p = parseAddress(w.cell)!;
      sheet.cells[p.row]![p.col] = { v: w.after, numFmt: "0.00" };
    }
    const { edits } = portableEdits(data, plan, { convertValues: false });
    expect(edits.filter((e) => e.kind === "score-value")).toEqual([]);
  });
});

test("a KJ name inside a string literal or a quoted sheet name is not a call; one after them is", () => {
  expect(hasCustomFunction('"KJSCORE(""x"")"&A1')).toBe(false);
  expect(hasCustomFunction("'KJMAX(1)'!A1+1")).toBe(false);
  expect(hasCustomFunction('"a""b"&KJGRADE(A1)')).toBe(true);
  expect(hasCustomFunction("'It''s'!A1+KJMAX(B1)")).toBe(true);
});
