/** `kjscore recalc FILE -o OUT --portable [--convert-values]` end to end. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../src/cli/main";
import { buildTemplateBuffer } from "../src/xlsx/template";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe("kjscore recalc --portable", () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-portable-cli-"));
    input = path.join(dir, "分工表.xlsx");
    fs.writeFileSync(input, await buildTemplateBuffer());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.getWorksheet("分工表")!;
  }

  test("--portable --convert-values: announces the converted values, writes formulas", async () => {
    const out = path.join(dir, "分享版.xlsx");
    const c = capture();
    expect(await run(["recalc", input, "-o", out, "--portable", "--convert-values"], c.io)).toBe(0);
    const text = c.out.join("");
    expect(text).toMatch(/文字数值改为数字/);
    expect(text).toMatch(/2489万元 → 2489（格式 0"万元"）/);
    expect(text).toMatch(/合计得分改为 SUM 公式|个合计得分改为 SUM 公式/);
    const ws = await sheetOf(out);
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBeGreaterThan(30);
    // the input is untouched
    const inWs = await sheetOf(input);
    let inFormulas = 0;
    inWs.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) inFormulas++;
      }),
    );
    expect(inFormulas).toBe(0);
  });

  test("--portable alone: offers the conversion and names the flag; text values stay", async () => {
    const out = path.join(dir, "分享版2.xlsx");
    const c = capture();
    expect(await run(["recalc", input, "-o", out, "--portable"], c.io)).toBe(0);
    const text = c.out.join("");
    expect(text).toMatch(/--convert-values/);
    expect(text).toMatch(/保留为数值/);
    const ws = await sheetOf(out);
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain("2489万元");
  });

  test("--convert-values without --portable is a usage error", async () => {
    const c = capture();
    expect(await run(["recalc", input, "-o", path.join(dir, "x.xlsx"), "--convert-values"], c.io)).toBe(2);
    expect(c.err.join("")).toMatch(/--portable/);
  });
});
