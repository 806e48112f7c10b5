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
  expect(f.KJSCORE("2489万元", FISCAL)).toBe(3.37);
  expect(f.KJREQUIRED(3.39, FISCAL)).toBe(2540);
  expect(f.KJMAX(FISCAL)).toBe(5);
  expect(f.KJGRADE(73.97)).toBe("B");
});

test("an unreadable rule shows #VALUE! with a Chinese reason", async () => {
  const f = await import("./functions");
  let thrown: unknown;
  try {
    f.KJSCORE("2489万元", "随便写的标准");
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FakeCFError);
  expect((thrown as FakeCFError).code).toBe("#VALUE!");
  expect((thrown as FakeCFError).message).toMatch(/[\u4e00-\u9fff]/);
});
