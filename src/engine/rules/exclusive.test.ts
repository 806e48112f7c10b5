/**
 * Options that are states of one thing do not add up (exclusive.ts): "建成…的得2分，当年新开工…的得1分" gives at
 * most 2. Separate items each scored ("设立专项资金（3分）；出台配套政策（2分）") still add, and so do levels
 * of a 平台 with no 就高/不重复 in the text (a county may have a 国家级 and a 省级 one).
 */
import fc from "fast-check";
import { parseRule, type CategoricalRule } from "../index";
import { exclusiveGroups } from "./exclusive";
import { explained } from "../../../test/helpers/explained";

describe("the maximum of options that exclude each other", () => {
  test("建成 or 新开工 of one 污水处理厂 gives at most 2, not 2 + 1 (江苏 开发区 考核办法, JS4)", () => {
    const rule = parseRule("建成污水处理厂并正常运行的得2分，当年新开工（或扩建）污水处理厂的得1分。");
    expect(rule.kind).toBe("categorical");
    expect(rule.max).toBe(2);
  });

  test("获批 or 已报待批 of one 特色产业园 gives at most 3 (JS7): the 产业园 is named inside the second option", () => {
    expect(parseRule("当年获批省级特色产业园的得3分，已报省厅待批或已出台扶持特色产业园政策的得2分。").max).toBe(3);
  });

  test("separate items each scored add up: 设立专项资金 + 出台配套政策 + 建立考核机制 = 7, capped at 5 by its own 最高", () => {
    expect(parseRule("设立专项资金（3分）；出台配套政策（2分）；建立考核机制（2分）。").max).toBe(7);
    expect(parseRule("设立专项资金（3分）；\n出台配套政策（2分）；\n建立考核机制（2分）。\n最高不超过5分。").max).toBe(5);
  });

  test("levels of a 平台 without 就高/不重复 add up (one of each may exist): 5 + 3", () => {
    expect(parseRule("国家级重点实验室（5分）；省级重点实验室（3分）").max).toBe(8);
  });

  test("the seed's 科技管理机构 options are separate arrangements: still 4 + 2 + 1 + 1", () => {
    expect(
      parseRule("独立行政科技管理部门（4分）；\n合署办公的（2分）；\n加挂科技局牌子（1分）；\n成立科技创新工作领导小组（1分）。").max,
    ).toBe(8);
  });

  test("stages of one project (建成投用 / 主体完工 / 开工建设) give the best stage, 5, not 5 + 3 + 1", () => {
    expect(parseRule("建成投用的得5分；主体完工的得3分；开工建设的得1分").max).toBe(5);
    expect(parseRule("通过验收的得4分，已立项在建的得2分").max).toBe(4);
  });

  test("two things built are two items: 建设科技馆 and 建设众创空间 add up", () => {
    expect(parseRule("建设科技馆（3分）；建设众创空间（2分）").max).toBe(5);
  });

  test("a policy about a thing is another item than the thing: 设立 a 基金 and 出台 its 管理办法 add up", () => {
    expect(parseRule("设立科技创新基金（2分）；出台科技创新基金管理办法（1分）").max).toBe(3);
  });

  test("a bare state is a state of the thing the other option names: 建成省级孵化器 3 or 在建 1, at most 3", () => {
    const rule = parseRule("建成省级孵化器的得3分，在建的得1分");
    expect(rule.max).toBe(3);
    expect(rule.score({ v: "在建" })).toMatchObject({ status: "exact", score: 1 });
  });

  test("two things in the same state are two items: 建成 A and 建成 B add up", () => {
    expect(parseRule("建成科技企业孵化器（3分）；建成众创空间（2分）").max).toBe(5);
  });

  test("states of one thing beside a separate item: the best state plus the item", () => {
    const rule = parseRule("建成集中供热中心并正常运行的得2分，当年开工或在建集中供热中心的得1分；设立专项资金（3分）") as CategoricalRule;
    expect(rule.max).toBe(5);
    expect(rule.score({ v: "在建集中供热中心、设立专项资金" })).toMatchObject({ status: "exact", score: 4 });
    const both = rule.score({ v: "建成集中供热中心并正常运行、在建集中供热中心、设立专项资金" });
    expect(both).toMatchObject({ status: "exact", score: 5 });
    expect(JSON.stringify(explained(both))).toContain("只计最高一项");
  });

  const THINGS = ["污水处理厂", "集中供热中心", "科技企业孵化器", "特色产业园", "院士工作站"];
  const STATE_PAIRS: [string, string][] = [
    ["建成", "在建"],
    ["已建成", "当年新开工"],
    ["获批", "已报待批"],
    ["建成并正常运行", "开工"],
    ["通过验收", "在建"],
  ];

  test("any thing in two different states: the maximum is the better state, and naming both scores it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...THINGS),
        fc.constantFrom(...STATE_PAIRS),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (thing, [s1, s2], a, b) => {
          const one = `${s1}${thing}`;
          const two = `${s2}${thing}`;
          const rule = parseRule(`${one}的得${a}分，${two}的得${b}分。`);
          expect(rule.max).toBe(Math.max(a, b));
          expect(rule.score({ v: `${one}、${two}` })).toMatchObject({ status: "exact", score: Math.max(a, b) });
          expect(rule.score({ v: two })).toMatchObject({ status: "exact", score: b });
        },
      ),
      { numRuns: 150 },
    );
  });

  test("two different things, whatever their states, add up", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(THINGS, { minLength: 2, maxLength: 2 }),
        fc.constantFrom(...STATE_PAIRS),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        ([t1, t2], [s1, s2], a, b) => {
          expect(exclusiveGroups([`${s1}${t1}`, `${s2}${t2}`])).toEqual([0, 1]);
          expect(parseRule(`${s1}${t1}的得${a}分，${s2}${t2}的得${b}分。`).max).toBe(a + b);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("categorical options that are not options", () => {
  test("a deduction per case is refused, but an option that says how often a thing is done ('每季度召开一次…') stays an option", () => {
    expect(() => parseRule("业务办理（1分）。未按规定进行用编用职审核的，每例扣0.1分；未及时维护实名制系统的，每例扣0.1分")).toThrow(
      "不是可选的加分项",
    );
    const rule = parseRule("每季度召开一次科技工作会议（2分）；制定年度科技计划（2分）");
    expect(rule.kind).toBe("categorical");
    expect(rule.max).toBe(4);
  });
});
