/**
 * The recalculated copy of a legacy file is made by the normal .xlsx path over legacyToXlsx's
 * bytes: `kjscore recalc` on the converted copy writes the right scores, keeps the note sheet.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../src/cli/main";
import { asXlsxInput } from "../src/legacy";
import { computePlan } from "../src/model";
import { readWorkbook } from "../src/xlsx/read";

const DIR = path.join(__dirname, "fixtures/legacy");
let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-legacy-"))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.each(["sample.xls", "sample.et", "sample.ods"])(
  "%s → .xlsx copy → kjscore recalc corrects the three wrong printed scores",
  async (name) => {
    const input = asXlsxInput(new Uint8Array(fs.readFileSync(path.join(DIR, name))), name);
    const copy = path.join(tmp, `${name}.xlsx`);
    fs.writeFileSync(copy, input.bytes);
    const out = path.join(tmp, `${name}.recalc.xlsx`);
    let errText = "";
    const code = await run(["recalc", copy, "-o", out], { out: () => undefined, err: (t) => (errText += t) });
    expect([code, errText]).toEqual([0, ""]);
    const back = await readWorkbook(fs.readFileSync(out));
    expect(back.data.sheets.map((s) => s.name)).toEqual(["分工表", "转换说明"]);
    const plan = computePlan(back.data);
    expect(plan.totals.map((t) => [t.stated, t.computed])).toEqual([
      [52.64, 52.64],
      [61.33, 61.33],
      [73.97, 73.97],
    ]);
    expect(plan.indicators.flatMap((i) => i.scores.filter((s) => s.status === "mismatch"))).toEqual([]);
    expect(back.data.sheets[1].cells[0][0]!.v).toMatch(/^本文件由科创评分从旧版/);
  },
);
