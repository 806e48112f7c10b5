/**
 * The command line over the package layer: hostile files stop early and a folder run goes on,
 * `check FOLDER --json` streams one array, outputs are written whole by exactly one of several
 * writers, failures say their real reason, and .xlsm stays .xlsm.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { zipSync } from "fflate";
import { run } from "../src/cli/main";
import { kj } from "./helpers/cli-in-process";
import { buildTemplateBuffer } from "../src/xlsx/template";
import { readZip } from "../src/ooxml/zip";
import { buildCli, type Cli } from "./helpers/cli-build";

let dir: string;
let template: Uint8Array;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-cli-package-"));
  template = await buildTemplateBuffer();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A "workbook" whose sheet claims to inflate to 3 GiB (its data: 8 MB of zeros, deflated). */
function zipBomb(): Uint8Array {
  const bytes = zipSync({ "[Content_Types].xml": new Uint8Array(10), "xl/workbook.xml": new Uint8Array(8 << 20) }, { level: 1 });
  const z = readZip(bytes);
  const i = z.entries.findIndex((x) => x.name === "xl/workbook.xml");
  const out = new Uint8Array(bytes);
  const v = new DataView(out.buffer);
  // the central directory sits before the 22-byte end record; records in entry order
  const cdStart = bytes.length - 22 - z.entries.reduce((n, x) => n + x.central.length, 0);
  const cd = cdStart + z.entries.slice(0, i).reduce((n, x) => n + x.central.length, 0);
  v.setUint32(cd + 24, 0xc0000000, true);
  return out;
}

describe("hostile files", () => {
  test("a zip bomb is refused at once with one Chinese line, and a folder check goes on with the next file", async () => {
    const folder = path.join(dir, "bomb");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "a-炸弹.xlsx"), zipBomb());
    fs.writeFileSync(path.join(folder, "b-分工表.xlsx"), template);
    const t0 = Date.now();
    const r = await kj("check", folder, "--json");
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(2); // one workbook could not be analysed: the contract's exit code
    expect(r.err.trim().split("\n")).toEqual([
      expect.stringMatching(/a-炸弹\.xlsx：不是有效的 \.xlsx 文件：解压后超过 500 MB，不像分工表$/),
    ]);
    const reports = JSON.parse(r.out);
    expect(reports).toHaveLength(2);
    expect(reports[0]).toEqual({ file: path.join(folder, "a-炸弹.xlsx"), error: expect.stringContaining("解压后超过") });
    expect(reports[1].totals.map((t: { computed: number }) => t.computed)).toEqual([52.64, 61.33, 73.97]);
  });
});

describe("check FOLDER --json streams one array", () => {
  test("the output is exactly JSON.stringify of the reports, written as each is made", async () => {
    const folder = path.join(dir, "three");
    fs.mkdirSync(folder);
    for (const n of ["一.xlsx", "二.xlsx", "三.xlsm"]) fs.writeFileSync(path.join(folder, n), template);
    const chunks: string[] = [];
    const code = await run(["check", folder, "--json"], { out: (t) => void chunks.push(t), err: () => undefined });
    expect(code).toBe(0);
    const whole = chunks.join("");
    const reports = JSON.parse(whole);
    expect(reports).toHaveLength(3);
    expect(whole).toBe(JSON.stringify(reports, null, 2) + "\n");
    // one write per report (plus the brackets), not one at the end
    expect(chunks.length).toBeGreaterThanOrEqual(4);
  });
});

describe("writing the output", () => {
  let cli: Cli;
  beforeAll(() => {
    cli = buildCli("cli-package");
  });
  afterAll(() => cli?.remove());

  test("four recalc runs to one OUT at once: exactly one writes it, whole; the others say it exists", async () => {
    const input = path.join(dir, "in.xlsx");
    fs.writeFileSync(input, template);
    const out = path.join(dir, "same-out.xlsx");
    const runs = await Promise.all([0, 1, 2, 3].map(() => cli.run(["recalc", input, "-o", out], dir)));
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    for (const r of runs.filter((x) => x.code !== 0)) expect(r.err).toMatch(/输出文件已存在/);
    const check = await kj("check", out, "--json");
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).totals.map((t: { stated: number }) => t.stated)).toEqual([52.64, 61.33, 73.97]);
    expect(fs.readdirSync(dir).filter((n) => n.includes(".kjscore-"))).toEqual([]); // no temporary file left
  });

  test("the real reason: a folder that does not exist, a folder without write permission", async () => {
    const input = path.join(dir, "in2.xlsx");
    fs.writeFileSync(input, template);
    const missing = await kj("recalc", input, "-o", path.join(dir, "没有这个文件夹", "out.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/所在文件夹不存在/);
    if (process.getuid?.() !== 0) {
      const locked = path.join(dir, "locked");
      fs.mkdirSync(locked, 0o555);
      const denied = await kj("recalc", input, "-o", path.join(locked, "out.xlsx"));
      expect(denied.err).toMatch(/没有写入权限/);
      expect(denied.err).not.toMatch(/所在文件夹不存在/);
    }
  });

  test("an .xlsm keeps its macros as .xlsm, and is refused as .xlsx", async () => {
    const xlsm = path.join(__dirname, "fixtures", "corpus", "xw-vba.xlsm");
    const asXlsx = await kj("recalc", xlsm, "-o", path.join(dir, "宏.xlsx"));
    expect(asXlsx.code).toBe(2);
    expect(asXlsx.err).toMatch(/含宏（VBA 工程），输出文件请用 \.xlsm/);
    expect(fs.existsSync(path.join(dir, "宏.xlsx"))).toBe(false);
    const ok = await kj("recalc", xlsm, "-o", path.join(dir, "宏.xlsm"));
    expect(ok.code).toBe(0);
    const z = readZip(fs.readFileSync(path.join(dir, "宏.xlsm")));
    expect(Buffer.from(z.read("xl/vbaProject.bin")!).equals(Buffer.from(readZip(fs.readFileSync(xlsm)).read("xl/vbaProject.bin")!))).toBe(
      true,
    );
    expect(z.text("[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });
});
