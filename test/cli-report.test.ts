/**
 * `kjscore check`'s 升级分析 / 按责任单位 sections and `kjscore report` (one file, and a folder of the
 * forty generated counties), run as a user runs them: bin/kjscore.js over a fresh compile. The report
 * workbooks are read back with python3-openpyxl — a reader that is not the writer (ExcelJS) — and
 * compared with each file's own `check --json` report.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Report } from "../src/model/report";
import * as template from "../src/xlsx/template";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeCounties } = require("../scripts/bench/_counties.js");

const ROOT = path.join(__dirname, "..");
const BUILD = path.join(ROOT, "test-artifacts", `cli-report-${process.pid}`);
const BIN = path.join(BUILD, "bin", "kjscore.js");
const OPENPYXL_APT = "python3-openpyxl";
let dir: string;

function kj(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Debian's python with openpyxl (a pyenv python on PATH may lack it), or null. */
function openpyxlPython(): string | null {
  for (const p of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(p, ["-c", "import openpyxl"], { encoding: "utf8" });
    if (r.status === 0) return p;
  }
  if (process.env.CI === "true") throw new Error(`python3-openpyxl is missing: install the apt package ${OPENPYXL_APT}`);
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED the openpyxl read-back: install the apt package ${OPENPYXL_APT}`);
  return null;
}

/** Every sheet's values and conditional formatting rules, as openpyxl reads them. */
function readBack(python: string, file: string): Record<string, { rows: unknown[][]; cf: { ref: string; types: string[] }[] }> {
  const script = `
import json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    cf = [{"ref": str(r.sqref), "types": [x.type for x in r.rules]} for r in ws.conditional_formatting]
    out[ws.title] = {"rows": rows, "cf": cf}
print(json.dumps(out, ensure_ascii=False, default=str))
`;
  return JSON.parse(execFileSync(python, ["-c", script, file], { encoding: "utf8", maxBuffer: 64 << 20 }));
}

beforeAll(() => {
  fs.rmSync(BUILD, { recursive: true, force: true });
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--outDir", path.join(BUILD, "dist-cli")], { cwd: ROOT, stdio: "pipe" });
  fs.mkdirSync(path.join(BUILD, "bin"));
  fs.copyFileSync(path.join(ROOT, "bin", "kjscore.js"), BIN);
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(BUILD, "package.json"));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-report-"));
}, 120000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(BUILD, { recursive: true, force: true });
});

describe("kjscore check on the sample", () => {
  test("prints the path to the next grade and the task list of each department", () => {
    const r = kj("check");
    expect(r.code).toBe(0);
    expect(r.out).toContain("升级分析（2020年：73.97分，B级，距A级差 6.03 分；与2018年现值比较）：");
    expect(r.out).toMatch(/地方财政科技支出（万元）\s+3\.39\/5\s+1\.61\s+4分：4980万元\s+9975万元\s+\+2491万元（\+100\.08%）/);
    expect(r.out).toContain("按建议，2020年合计 80.06 分（A级，由评分标准重新计算）");
    expect(r.out).toContain("按责任单位：");
    expect(r.out).toMatch(/市财政局（2 项指标/);
    expect(r.out).toContain("第3行 地方财政科技支出（万元）：2018年 3.37 → 2020年目标 3.39；目标所需值 2540万元");
  });

  test("--json adds upgrade and departments, and keeps every earlier field", () => {
    const r = kj("check", "--json");
    const report = JSON.parse(r.out) as Report;
    expect(Object.keys(report)).toEqual([
      "file",
      "sheet",
      "indicators",
      "totals",
      "subtotals",
      "changes",
      "summary",
      "tables",
      "bound",
      "upgrade",
      "departments",
    ]);
    expect(report.upgrade.map((u) => [u.column, u.total, u.grade, u.nextGrade, u.gap])).toEqual([
      ["2020", 73.97, "B", "A", 6.03],
      ["2018", 52.64, "C", "B", 7.36],
    ]);
    expect(report.upgrade[0].suggestion).toMatchObject({ method: "exact", grade: "A", reaches: true });
    expect(report.departments[0]).toMatchObject({ name: "市财政局", flagCount: 2 });
    expect(report.departments[0].tasks[0]).toMatchObject({
      row: 3,
      requiredValue: 2540,
      flags: [{ code: "target-unreachable", cell: "K3" }],
    });
  });
});

describe("kjscore report FILE", () => {
  test("writes the report as a new workbook and leaves the 分工表 as it was", () => {
    expect(kj("template", "-o", "分工表.xlsx").code).toBe(0);
    const before = fs.readFileSync(path.join(dir, "分工表.xlsx"));
    const r = kj("report", "分工表.xlsx", "-o", "报告.xlsx");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("已生成得分分析报告：报告.xlsx");
    expect(fs.readFileSync(path.join(dir, "分工表.xlsx")).equals(before)).toBe(true);

    const python = openpyxlPython();
    if (!python) return;
    const book = readBack(python, path.join(dir, "报告.xlsx"));
    expect(Object.keys(book)).toEqual(["得分分析报告", "升级分析", "按责任单位"]);
    const rows = book["得分分析报告"].rows;
    const find = (first: unknown) => rows.find((row) => row[0] === first);
    expect(rows[0][0]).toBe("霸州市科技创新能力监测评价得分分析报告");
    expect(find("2018")?.slice(0, 6)).toEqual(["2018", "实际", 52.64, 52.64, "C", 7.36]);
    expect(find("2020")?.slice(0, 6)).toEqual(["2020", "目标", 73.97, 73.95, "B", 6.03]);
    // the corrections: cell, old → new
    expect(find("K6")?.slice(0, 3)).toEqual(["K6", "8.75", 8.77]);
    expect(find("K20")?.slice(0, 3)).toEqual(["K20", "73.95", 73.97]);
    expect(rows.some((row) => row[0] === "按建议，2020年合计 80.06 分（A级，按评分标准重新计算）")).toBe(true);
    expect(find("市科工局")?.slice(0, 3)).toEqual(["市科工局", 8, 10]);
    // grades and totals coloured by rules, not fills
    expect(book["得分分析报告"].cf.map((c) => c.types[0]).sort()).toEqual(["dataBar", "expression"]);
    const depts = book["按责任单位"].rows.filter((row) => row[0] === "市财政局");
    expect(depts.map((row) => [row[3], row[4], row[5], row[7]])).toEqual([
      ["地方财政科技支出（万元）", 3.37, 3.39, "2540万元"],
      ["地方财政科技支出占公共财政支出的比重（%）", 2.8, 4, "0.5%"],
    ]);
  });

  test("refuses to write over its input, or without -o", () => {
    expect(kj("report", "分工表.xlsx", "-o", "分工表.xlsx")).toMatchObject({ code: 2 });
    expect(kj("report", "分工表.xlsx").err).toContain("report 缺少 -o 输出文件");
  });
});

describe("kjscore report FOLDER on the forty generated counties", () => {
  test("ranks and totals in the summary equal each file's own check --json", async () => {
    const folder = path.join(dir, "counties");
    await writeCounties(folder, 40, template);
    const r = kj("report", folder, "-o", path.join(dir, "汇总.xlsx"));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("40 个县的分工表");
    const reports = JSON.parse(kj("check", folder, "--json").out) as Report[];
    expect(reports).toHaveLength(40);

    const python = openpyxlPython();
    if (!python) return;
    const book = readBack(python, path.join(dir, "汇总.xlsx"));
    expect(Object.keys(book)).toEqual(["排名", "指标得分（目标）", "指标得分（实际）", "提示统计"]);
    const rankRows = book["排名"].rows;
    const headAt = rankRows.findIndex((row) => row[0] === "排名");
    const body = rankRows.slice(headAt + 1);
    expect(body).toHaveLength(40);

    // what the check reports say: each file's target total, and its rank among the forty
    const targetOf = (rep: Report) => [...rep.totals].reverse().find((t) => t.kind === "target")!;
    const expected = reports.map((rep) => {
      const t = targetOf(rep);
      const rank = 1 + reports.filter((o) => targetOf(o).computed > t.computed + 1e-9).length;
      return { file: path.basename(rep.file), rank, year: Number(t.column), total: t.computed, grade: t.grade };
    });
    const got = body.map((row) => ({ file: row[2], rank: row[0], year: row[3], total: row[4], grade: row[5] }));
    expect([...got].sort((a, b) => String(a.file).localeCompare(String(b.file)))).toEqual(
      [...expected].sort((a, b) => a.file.localeCompare(b.file)),
    );
    // ranked: rows in rank order
    const rankColumn = got.map((g) => g.rank as number);
    expect(rankColumn).toEqual([...rankColumn].sort((a, b) => a - b));
    // every year's total and grade per county
    const head = rankRows[headAt] as string[];
    for (const rep of reports) {
      const row = body.find((b) => b[2] === path.basename(rep.file))!;
      for (const t of rep.totals) {
        const at = head.indexOf(`${t.column}年合计`);
        expect([rep.file, t.column, row[at], row[at + 1]]).toEqual([rep.file, t.column, t.computed, t.grade]);
      }
    }
    // indicator scores are coloured by real colour-scale rules, one per indicator column
    const scores = book["指标得分（目标）"];
    expect(scores.cf.filter((c) => c.types.includes("colorScale"))).toHaveLength(17);
    expect(book["排名"].cf.every((c) => c.types.every((t) => t === "expression"))).toBe(true);
    // flag counts equal the reports' summaries
    const flagRows = book["提示统计"].rows.slice(3);
    for (const rep of reports) {
      const row = flagRows.find((f) => f[1] === path.basename(rep.file))!;
      const s = rep.summary;
      expect(row.slice(2)).toEqual([
        s["target-unreachable"],
        s["target-gap"],
        s["score-mismatch"],
        s["rule-error"],
        s["value-error"],
        Object.values(s).reduce((a, b) => a + b, 0),
      ]);
    }
  }, 120000);
});
