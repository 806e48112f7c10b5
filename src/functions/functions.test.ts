/** functions.ts turns a failed outcome into a CustomFunctions.Error carrying the engine's message. */
import sample from "../sample/fengongbiao.json";

class FakeCFError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCFError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    associate: () => undefined,
  };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

const FISCAL = sample.indicators[0]["评分标准"];

test('=KJSCORE("2489万元", rule) shows 3.37 and =KJGRADE(73.97) shows B', async () => {
  const f = await import("./functions");
  expect(await f.KJSCORE("2489万元", FISCAL)).toBe(3.37);
  expect(await f.KJREQUIRED(3.39, FISCAL)).toBe(2540);
  expect(await f.KJMAX(FISCAL)).toBe(5);
  expect(await f.KJGRADE(73.97)).toBe("B");
});

test("an unreadable rule shows #VALUE! with a Chinese reason", async () => {
  const f = await import("./functions");
  let thrown: unknown;
  try {
    await f.KJSCORE("2489万元", "随便写的标准");
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FakeCFError);
  expect((thrown as FakeCFError).code).toBe("#VALUE!");
  expect((thrown as FakeCFError).message).toMatch(/[\u4e00-\u9fff]/);
});

const RD = sample.indicators.find((i) => i["评分标准"].startsWith("≧2%"))!["评分标准"];

describe("a value cell formatted as a percentage (Excel passes 0.0035 for a cell showing 0.35%)", () => {
  afterEach(async () => (await import("./functions")).setFormatReader(null));

  test("=KJSCORE(E5, D5) with E5 showing 0.35% scores what the pane scores for 0.35%", async () => {
    const f = await import("./functions");
    const { scoreValue } = await import("../engine");
    const pane = scoreValue({ v: 0.0035, numFmt: "0.00%" }, RD);
    // a real reader over a fake Excel (test/excel-fake.ts), one Excel.run for the calls of one turn
    const { FakeWorkbook } = await import("../../test/excel-fake");
    const { createFormatReader } = await import("./number-format");
    const wb = new FakeWorkbook();
    wb.addSheet("分工表", [[], [], [], [], [undefined, undefined, undefined, { v: RD }, { v: 0.0035, numFmt: "0.00%" }, { v: 0.8 }]]);
    f.setFormatReader(createFormatReader(wb.run));
    const [pct, plain] = await Promise.all([
      f.KJSCORE(0.0035, RD, { parameterAddresses: ["分工表!E5", "分工表!D5"] }),
      f.KJSCORE(0.8, RD, { parameterAddresses: ["分工表!F5", "分工表!D5"] }),
    ]);
    expect(pane).toMatchObject({ status: "exact" });
    expect(pct).toBe((pane as { score: number }).score);
    expect(pct).toBe(2.8); // 0.35% in the 0.5%以下（4-0分） band
    // a plain 0.8 under a % rule is 0.8% (how the printed 分工表 writes it), not 80%
    expect(plain).toBe(5.2);
    expect(wb.syncs).toBe(1);
  });

  test("a number format that cannot be read is #VALUE! naming the cell, never a silent score", async () => {
    const f = await import("./functions");
    f.setFormatReader(async () => {
      throw new Error("ItemNotFound");
    });
    await expect(f.KJSCORE(0.0035, RD, { parameterAddresses: ["旧表!E5", "旧表!D5"] })).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("旧表!E5"),
    });
  });
});
