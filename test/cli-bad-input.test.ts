/**
 * Bad rows in a 分工表, through kjscore check: each is reported with a message naming its
 * cell, and every other row is still scored. Fixture workbooks are drawn with ExcelJS here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../src/cli/main";
import type { Report } from "../src/model/report";
import { addTableSheet, newWorkbook, sampleSpec, type TableSpec } from "../src/xlsx/template";
import { writeWorkbook } from "../src/xlsx/write";
import type ExcelJS from "exceljs";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-bad-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function check(name: string, spec: TableSpec, edit?: (ws: ExcelJS.Worksheet) => void) {
  const wb = newWorkbook();
  const ws = addTableSheet(wb, spec);
  edit?.(ws);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, await writeWorkbook(wb));
  let out = "";
  let err = "";
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
  const json = await run(["check", file, "--json"], io);
  const report = JSON.parse(out) as Report;
  out = "";
  const textCode = await run(["check", file], io);
  return { code: json, textCode, report, text: out, err };
}

/** The seed's indicators other than `row` still get the scores the seed gets. */
function otherRowsScored(report: Report, badRow: number) {
  const others = report.indicators.filter((i) => i.row !== badRow);
  expect(others).toHaveLength(16);
  const banded = others.filter((i) => i.ruleKind === "banded");
  expect(banded.length).toBeGreaterThanOrEqual(10);
  for (const i of banded) for (const s of i.scores) if (s.value !== null) expect(s.computed).not.toBeNull();
}

test("a rule that cannot be read: a rule error naming the rule cell, the rest scored", async () => {
  const spec = sampleSpec();
  spec.rows[0].rule = "≧10000万元（5分）；\n10000-5000万元（5-4分）；\n5000-1000万元（四-3分）；\n1000万元以下（3-0分）。";
  const r = await check("bad-rule", spec);
  expect(r.code).toBe(0);
  const ind = r.report.indicators.find((i) => i.row === 3)!;
  const flag = ind.flags.find((f) => f.code === "rule-error")!;
  expect(flag.cell).toBe("D3");
  expect(flag.message).toContain("D3");
  expect(flag.message).toContain("5000-1000万元（四-3分）");
  expect(r.text).toContain(flag.message);
  otherRowsScored(r.report, 3);
});

test("a value whose unit contradicts the rule (28家 under a % rule): a value error naming the cell", async () => {
  const spec = sampleSpec();
  spec.rows[1].cells[0][0] = "28家";
  const r = await check("bad-unit", spec);
  expect(r.code).toBe(0);
  const ind = r.report.indicators.find((i) => i.row === 4)!;
  const s2018 = ind.scores.find((s) => s.column === "2018")!;
  expect(s2018.status).toBe("error");
  expect(s2018.computed).toBeNull();
  const flag = ind.flags.find((f) => f.code === "value-error")!;
  expect(flag.message).toContain("F4");
  expect(r.text).toContain(flag.message);
  // the same row's other years are still scored
  expect(ind.scores.find((s) => s.column === "2019")!.computed).toBe(3.28);
  otherRowsScored(r.report, 4);
});

test("an Excel error in a value cell: a value error naming the cell", async () => {
  const r = await check("excel-error", sampleSpec(), (ws) => {
    ws.getCell("H6").value = { formula: "50/0", result: { error: "#DIV/0!" } };
  });
  expect(r.code).toBe(0);
  const ind = r.report.indicators.find((i) => i.row === 6)!;
  const s2019 = ind.scores.find((s) => s.column === "2019")!;
  expect(s2019.status).toBe("error");
  const flag = ind.flags.find((f) => f.code === "value-error")!;
  expect(flag.message).toContain("H6");
  expect(flag.message).toContain("#DIV/0!");
  expect(ind.scores.find((s) => s.column === "2018")!.computed).toBe(6.8);
  otherRowsScored(r.report, 6);
});

test("an empty table (headers, no rows) is analysed and says it has no indicator rows", async () => {
  const spec = sampleSpec();
  spec.rows = [];
  const r = await check("empty", spec);
  expect(r.code).toBe(0);
  expect(r.err).toBe("");
  expect(r.report.indicators).toEqual([]);
  expect(r.text).toMatch(/分工表!A2.*没有指标行/);
});
