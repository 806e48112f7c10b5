/**
 * The kjscore command as a user runs it: bin/kjscore.js over the compiled CLI. beforeAll
 * compiles it fresh (tsconfig.cli.json, as `npm run build:cli` does) into a private copy of
 * the package layout under test-artifacts/, so neither a stale dist-cli nor another process
 * rebuilding dist-cli at the same moment can hide or fake a failure.
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { computePlan } from "../src/model";
import { NoTableError } from "../src/model/types";
import type { Report } from "../src/model/report";
import { readWorkbook } from "../src/xlsx/read";
import { buildTemplateBuffer } from "../src/xlsx/template";

const ROOT = path.join(__dirname, "..");
const BUILD = path.join(ROOT, "test-artifacts", `cli-${process.pid}`);
const BIN = path.join(BUILD, "bin", "kjscore.js");
let dir: string;

function kj(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One clear line on stderr, and no stack trace. */
function expectOneLine(err: string) {
  const lines = err.split("\n").filter((l) => l.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(err).not.toMatch(/^\s+at /m);
  return lines[0];
}

beforeAll(() => {
  fs.rmSync(BUILD, { recursive: true, force: true });
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--outDir", path.join(BUILD, "dist-cli")], {
      cwd: ROOT,
      stdio: "pipe",
    });
  } catch (e) {
    throw new Error(`the CLI does not compile:\n${(e as { stdout?: Buffer }).stdout?.toString() ?? e}`);
  }
  fs.mkdirSync(path.join(BUILD, "bin"));
  fs.copyFileSync(path.join(ROOT, "bin", "kjscore.js"), BIN);
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(BUILD, "package.json"));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-cli-"));
}, 120000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(BUILD, { recursive: true, force: true });
});

describe("kjscore check on the built-in sample", () => {
  let report: Report;
  let text: string;

  beforeAll(() => {
    const json = kj("check", "--json");
    expect(json.code).toBe(0);
    expect(json.err).toBe("");
    report = JSON.parse(json.out);
    const plain = kj("check");
    expect(plain.code).toBe(0);
    text = plain.out;
  });

  test("--json names the built-in sample and the sheet", () => {
    expect(report.file).toBe("(内置示例)");
    expect(report.sheet).toBe("分工表");
    expect(report.indicators).toHaveLength(17);
  });

  test("--json finds the three printed scores that do not follow from their rules", () => {
    const mismatches = report.indicators.flatMap((i) =>
      i.scores
        .filter((s) => s.status === "mismatch")
        .map((s) => ({ name: i.name, column: s.column, cell: s.cell, stated: s.stated, computed: s.computed })),
    );
    expect(mismatches).toEqual([
      { name: "规上工业企业R&D经费支出占主营业务收入的比重（%）", column: "2019", cell: "I5", stated: 2.55, computed: 2.56 },
      { name: "高新技术企业数量（家）", column: "2020", cell: "K6", stated: 8.75, computed: 8.77 },
      { name: "千家工商注册企业中高新技术企业数量（家）", column: "2019", cell: "I7", stated: 2.84, computed: 2.83 },
    ]);
  });

  test("--json totals 52.64 / 61.33 / 73.97 graded C / B / B", () => {
    expect(report.totals.map((t) => [t.column, t.stated, t.computed, t.grade])).toEqual([
      ["2018", 52.64, 52.64, "C"],
      ["2019", 61.33, 61.33, "B"],
      ["2020", 73.95, 73.97, "B"],
    ]);
  });

  test("--json flags 地方财政科技支出 2020 as unreachable, needing 2540万元 (the smallest whole 万元 whose rounded score is 3.39)", () => {
    const ind = report.indicators.find((i) => i.name === "地方财政科技支出（万元）")!;
    expect(ind.requiredValue).toBe(2540);
    expect(ind.flags).toContainEqual(expect.objectContaining({ code: "target-unreachable", column: "2020", cell: "K3" }));
  });

  test("the Chinese table shows stated → computed, the totals with grades, and the flags", () => {
    expect(text).toContain("文件：(内置示例)");
    expect(text).toMatch(/规上工业企业R&D经费支出占主营业务收入的比重（%）.*2\.55→2\.56 ✗/);
    expect(text).toMatch(/千家工商注册企业中高新技术企业数量（家）.*2\.84→2\.83 ✗/);
    expect(text).toMatch(/高新技术企业数量（家）.*8\.75→8\.77 ✗/);
    expect(text).toMatch(/合计得分.*52\.64 C.*61\.33 B.*73\.95→73\.97 B/);
    const unreachable = report.indicators[0].flags.find((f) => f.code === "target-unreachable")!;
    expect(text).toContain(`第3行 地方财政科技支出（万元） 2020：${unreachable.message}`);
    expect(text).toContain("2540万元");
  });
});

describe("hand-entered scores", () => {
  test("print as Excel shows them with 0.00: 2.675 is 2.68 (half away from zero, on the decimal typed)", async () => {
    const { workbook, data } = await readWorkbook(await buildTemplateBuffer());
    const plan = computePlan(data);
    const judged = plan.indicators.find((i) => i.ruleKind === "judged" && (i.max ?? 0) >= 3)!;
    workbook.getWorksheet(plan.sheet)!.getCell(judged.scores[0].cell).value = 2.675;
    await workbook.xlsx.writeFile(path.join(dir, "judged-2675.xlsx"));
    const r = kj("check", "judged-2675.xlsx");
    expect(r.code).toBe(0);
    const row = r.out.split("\n").find((l) => l.includes(judged.name))!;
    expect(row).toMatch(/\s2\.68 ✎/);
  });
});

describe("workbooks that cannot be analysed: exit 2 and one line", () => {
  test("random bytes named .xlsx", () => {
    fs.writeFileSync(path.join(dir, "坏文件.xlsx"), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 17) % 256)));
    const r = kj("check", "坏文件.xlsx");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(expectOneLine(r.err)).toMatch(/坏文件\.xlsx.*不是有效的 \.xlsx 文件：/);
  });

  test("a text file", () => {
    fs.writeFileSync(path.join(dir, "notes.txt"), "二级指标,得分\n");
    const r = kj("check", "notes.txt", "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(expectOneLine(r.err)).toMatch(/notes\.txt.*不是有效的 \.xlsx 文件：/);
  });

  test("a workbook without a 分工表 says which headers it looked for", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("工资表");
    ws.addRow(["姓名", "部门", "基本工资"]);
    ws.addRow(["张三", "科工局", 5000]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    fs.writeFileSync(path.join(dir, "工资表.xlsx"), bytes);
    let lookedFor: string[] = [];
    try {
      computePlan((await readWorkbook(bytes)).data);
    } catch (e) {
      lookedFor = (e as NoTableError).lookedFor;
    }
    expect(lookedFor.length).toBeGreaterThan(0);
    const r = kj("check", "工资表.xlsx");
    expect(r.code).toBe(2);
    const line = expectOneLine(r.err);
    expect(line).toContain("找不到分工表");
    for (const h of lookedFor) expect(line).toContain(h);
  });

  test("a missing file, an unknown option, a missing argument", () => {
    expect(kj("check", "没有这个文件.xlsx").code).toBe(2);
    const unknown = kj("check", "--fast");
    expect(unknown.code).toBe(2);
    expect(expectOneLine(unknown.err)).toContain("未知选项：--fast");
    const noOut = kj("recalc", "x.xlsx", "-o");
    expect(noOut.code).toBe(2);
    expect(expectOneLine(noOut.err)).toContain("-o");
    const noCommand = kj();
    expect(noCommand.code).toBe(2);
    expectOneLine(noCommand.err);
  });
});

describe("several files and folders", () => {
  test("a folder is every .xlsx in it, sorted, without Excel lock files; a bad one is reported and the rest still run", async () => {
    const folder = path.join(dir, "counties");
    fs.mkdirSync(folder);
    const good = await buildTemplateBuffer();
    fs.writeFileSync(path.join(folder, "b-固安县.xlsx"), good);
    fs.writeFileSync(path.join(folder, "a-霸州市.xlsx"), good);
    fs.writeFileSync(path.join(folder, "~$a-霸州市.xlsx"), "lock");
    fs.writeFileSync(path.join(folder, "c-坏.xlsx"), "not a workbook");
    fs.writeFileSync(path.join(folder, "readme.txt"), "x");
    const r = kj("check", "counties", "--json");
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.out) as (Report | { file: string; error: string })[];
    expect(reports.map((x) => path.basename(x.file))).toEqual(["a-霸州市.xlsx", "b-固安县.xlsx", "c-坏.xlsx"]);
    expect((reports[0] as Report).totals.map((t) => t.computed)).toEqual([52.64, 61.33, 73.97]);
    expect((reports[2] as { error: string }).error).toMatch(/^不是有效的 \.xlsx 文件：/);
    expect(expectOneLine(r.err)).toContain("c-坏.xlsx");
  });

  test("two files give an array; all good is exit 0", async () => {
    fs.writeFileSync(path.join(dir, "one.xlsx"), await buildTemplateBuffer());
    const r = kj("check", "one.xlsx", "one.xlsx", "--json");
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.out) as Report[];
    expect(reports).toHaveLength(2);
    expect(reports[1].file).toBe("one.xlsx");
  });
});

describe("template and recalc", () => {
  test("template writes the 分工表 and keeps an existing file unless --force", () => {
    expect(kj("template", "-o", "模板.xlsx").code).toBe(0);
    expect(fs.statSync(path.join(dir, "模板.xlsx")).size).toBeGreaterThan(5000);
    const again = kj("template", "-o", "模板.xlsx");
    expect(again.code).toBe(2);
    expect(expectOneLine(again.err)).toContain("已存在");
    expect(kj("template", "-o", "模板.xlsx", "--force").code).toBe(0);
    const def = kj("template");
    expect(def.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "分工表模板.xlsx"))).toBe(true);
  });

  test("recalc refuses to overwrite its input, however the path is spelled", async () => {
    const input = path.join(dir, "input.xlsx");
    const bytes = await buildTemplateBuffer();
    fs.writeFileSync(input, bytes);
    for (const out of ["input.xlsx", "./input.xlsx", path.join("..", path.basename(dir), "input.xlsx"), input]) {
      const r = kj("recalc", "input.xlsx", "-o", out, "--force");
      expect(r.code).toBe(2);
      expect(expectOneLine(r.err)).toContain("拒绝覆盖原文件");
    }
    expect(Buffer.compare(fs.readFileSync(input), Buffer.from(bytes))).toBe(0);
  });

  test("recalc writes a copy, lists what it changed, and the copy checks clean", async () => {
    fs.writeFileSync(path.join(dir, "in2.xlsx"), await buildTemplateBuffer());
    const r = kj("recalc", "in2.xlsx", "-o", "out2.xlsx");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/I5：2\.55 → 2\.56/);
    expect(r.out).toMatch(/K20：73\.95 → 73\.97/);
    const check = kj("check", "out2.xlsx", "--json");
    expect(check.code).toBe(0);
    const report = JSON.parse(check.out) as Report;
    expect(report.indicators.flatMap((i) => i.scores).filter((s) => s.status === "mismatch")).toEqual([]);
    expect(report.totals.map((t) => t.stated)).toEqual([52.64, 61.33, 73.97]);
  });
});

describe("help and version", () => {
  test("--help and -h print usage and exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const r = kj(flag);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/kjscore check \[FILE\|FOLDER \.\.\.\] \[--json\]/);
      expect(r.out).toContain("recalc FILE -o OUT");
    }
  });
  test("--version prints the package version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(kj("--version").out.trim()).toBe(pkg.version);
  });
});
