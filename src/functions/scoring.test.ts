import sample from "../sample/fengongbiao.json";
import { kjGrade, kjMax, kjRequired, kjScore } from "./scoring";

const ruleOf = (name: string) => {
  const row = sample.indicators.find((r) => r["二级指标"].startsWith(name));
  if (!row) throw new Error(`no seed row ${name}`);
  return row["评分标准"];
};
const FISCAL = ruleOf("地方财政科技支出（万元）");
const PATENTS = ruleOf("万人有效发明专利拥有量");
const JUDGED = ruleOf("科技管理创新情况");
const PLATFORMS = ruleOf("省级以上科技创新平台建设情况");

describe("custom functions as plain functions", () => {
  test("2489万元 under the 财政科技支出 rule scores 3.37", () => {
    expect(kjScore("2489万元", FISCAL)).toEqual({ ok: true, value: 3.37 });
    expect(kjScore(2489, FISCAL)).toEqual({ ok: true, value: 3.37 });
  });

  test("1.37件/万人 scores 2.40, rounded half away from zero like ROUND", () => {
    expect(kjScore("1.37件/万人", PATENTS)).toEqual({ ok: true, value: 2.4 });
  });

  test("KJREQUIRED(3.39) under the 财政科技支出 rule needs 2540万元 (3.385 rounds to 3.39)", () => {
    expect(kjRequired(3.39, FISCAL)).toEqual({ ok: true, value: 2540 });
  });

  test("KJREQUIRED above the rule's maximum is #VALUE! saying so (Excel drops #NUM!'s message)", () => {
    const r = kjRequired(6, FISCAL);
    expect(r).toMatchObject({ ok: false, code: "invalidValue" });
    expect(!r.ok && r.message).toContain("最高分 5");
  });

  test("KJMAX of the 财政科技支出 rule is 5", () => {
    expect(kjMax(FISCAL)).toEqual({ ok: true, value: 5 });
  });

  test("KJGRADE(73.97) is B; 80 is A; 59.99 is C", () => {
    expect(kjGrade(73.97)).toEqual({ ok: true, value: "B" });
    expect(kjGrade(80)).toEqual({ ok: true, value: "A" });
    expect(kjGrade("59.99")).toEqual({ ok: true, value: "C" });
    expect(kjGrade("很好")).toMatchObject({ ok: false, code: "invalidValue" });
  });

  test("an unreadable rule is #VALUE! with the engine's message, never a number", () => {
    const bad = "≧10000万元（5分）；10000-5000万元（五至四分）";
    const r = kjScore("2489万元", bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("invalidValue");
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // the message is what the engine says about that rule
    let engineMessage = "";
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../engine").ruleFor(bad);
    } catch (e) {
      engineMessage = (e as Error).message;
    }
    expect(engineMessage).not.toBe("");
    expect(!r.ok && r.message).toBe(engineMessage);
    expect(kjMax(bad)).toMatchObject({ ok: false, message: engineMessage });
  });

  test("a unit that contradicts the rule is #VALUE!, not a guess", () => {
    const r = kjScore("28家", FISCAL);
    expect(r).toMatchObject({ ok: false, code: "invalidValue" });
  });

  test("a blank value is #N/A; a judged rule and a bare count are #VALUE! with a reason", () => {
    expect(kjScore("", FISCAL)).toMatchObject({ ok: false, code: "notAvailable" });
    expect(kjScore(null, FISCAL)).toMatchObject({ ok: false, code: "notAvailable" });
    const judged = kjScore("3", JUDGED);
    expect(judged).toMatchObject({ ok: false, code: "invalidValue" });
    expect(!judged.ok && judged.message).toContain("酌情");
    const counted = kjScore("3家", PLATFORMS);
    expect(counted).toMatchObject({ ok: false, code: "invalidValue" });
    expect(!counted.ok && counted.message).toMatch(/\d+–\d+ 分之间/);
  });

  test("an empty rule argument says what is missing", () => {
    expect(kjScore(1, "")).toMatchObject({ ok: false, message: expect.stringContaining("评分标准为空") });
  });
});
