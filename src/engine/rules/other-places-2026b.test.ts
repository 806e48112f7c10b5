/**
 * The forms the second round of other places' rule texts brought (sources/other-places-2026b.json):
 * "每增长（减少）2个百分点加（减）0.1分" as base ± steps, "达到上年水平得2分" as growth from 0%,
 * "每落实1000万元，加0.2分" counted from zero, options "…的得2分，…的得1分" separated by a comma,
 * "（以个人最高学历为准，不累计加分）" as a note on counting persons, and a condition on two figures
 * refused with the second figure named.
 */
import fc from "fast-check";
import { parseRule } from "../index";
import { refusal } from "../../../test/helpers/refusal";

describe("银川经开区's 达到…得N分，每增长（减少）…加（减）…，N分封顶", () => {
  const share = "园区主导产业现代装备制造、战略新材料、大健康产业总产值占比达到60%得3分。\n每增长（减少）2个百分点加（减）0.1分，5分封顶。";

  test("64% under the 主导产业占比 rule scores 3.2, 56% scores 2.8, 100% stops at the 5分 cap", () => {
    const rule = parseRule(share);
    expect(rule.score({ v: "64%" }, { weight: 5 })).toMatchObject({ status: "exact", score: 3.2 });
    expect(rule.score({ v: "56%" }, { weight: 5 })).toMatchObject({ status: "exact", score: 2.8 });
    expect(rule.score({ v: "100%" }, { weight: 5 })).toMatchObject({ status: "exact", score: 5 });
  });

  test("工业投资 of 11000 after last year's 10000 (达到上年水平得2分, +10%) scores 2.5; 9600 (−4%) scores 1.8", () => {
    const rule = parseRule("园区工业固定资产投资达到上年水平得2分，每增长（减少）2个百分点加（减）0.1分，4分封顶。");
    expect(rule.kind).toBe("growth");
    const after = (prev: number) => ({ weight: 4, previousInput: { v: prev } });
    expect(rule.score({ v: 11000 }, after(10000))).toMatchObject({ status: "exact", score: 2.5 });
    expect(rule.score({ v: 9600 }, after(10000))).toMatchObject({ status: "exact", score: 1.8 });
  });

  test("without last year's figure a 达到上年水平 rule says so instead of guessing", () => {
    const rule = parseRule("园区企业技改投资额达到上年水平得2分，每增长（减少）2个百分点加（减）0.1分，3分封顶。");
    const r = rule.score({ v: 1200 }, { weight: 3 });
    expect(r.status).toBe("error");
    expect(JSON.stringify(r)).toContain("上一年");
  });

  test("'达到X%得A分，每增长（减少）s个百分点加（减）p分，C分封顶': A at X, whole steps either way, within [0, C]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 80 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(1, 2, 5),
        fc.constantFrom(0.1, 0.2, 0.5, 1),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        (x, a, s, p, extra, tenths) => {
          const c = a + extra;
          const rule = parseRule(`占比达到${x}%得${a}分，每增长（减少）${s}个百分点加（减）${p}分，${c}分封顶。`);
          const v = tenths / 10;
          const r = rule.score({ v: `${v}%` }, { weight: c });
          const steps = Math.trunc(Math.round(((v - x) / s) * 1e9) / 1e9);
          const want = Math.max(0, Math.min(c, a + steps * p));
          expect(r).toMatchObject({ status: "exact", score: Math.round(want * 100) / 100 });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("amounts counted from zero, options separated by a comma", () => {
  test("5000万元 under 每落实1000万元，加0.2分 scores 1; 2500万元 scores 0.4 (whole 1000万元 only)", () => {
    const rule = parseRule("当年落地项目实际投资每落实1000万元，加0.2分");
    expect(rule.score({ v: "5000万元" }, {})).toMatchObject({ status: "exact", score: 1 });
    expect(rule.score({ v: "2500万元" }, {})).toMatchObject({ status: "exact", score: 0.4 });
  });

  test("a rise with no stated base (投入每增加100万元加1分) is still refused", () => {
    expect(refusal("投入每增加100万元加1分").part).toBe("投入每增加100万元加1分");
  });

  test("'建成污水处理厂并正常运行' scores 2 and '当年新开工污水处理厂' scores 1 under the 污水处理厂 rule", () => {
    const rule = parseRule("建成污水处理厂并正常运行的得2分，当年新开工（或扩建）污水处理厂的得1分。");
    expect(rule.kind).toBe("categorical");
    expect(rule.score({ v: "建成污水处理厂并正常运行" }, {})).toMatchObject({ status: "exact", score: 2 });
    expect(rule.score({ v: "当年新开工污水处理厂" }, {})).toMatchObject({ status: "exact", score: 1 });
  });
});

describe("options that are states, a level word inside one", () => {
  test("'当年获批省级特色产业园' scores 3 and '已报省厅待批' scores 2 under the 特色园区 rule (not items counted by level)", () => {
    const rule = parseRule("当年获批省级特色产业园的得3分，已报省厅待批或已出台扶持特色产业园政策的得2分。");
    expect(rule.kind).toBe("categorical");
    expect(rule.score({ v: "当年获批省级特色产业园" }, {})).toMatchObject({ status: "exact", score: 3 });
    expect(rule.score({ v: "已报省厅待批" }, {})).toMatchObject({ status: "exact", score: 2 });
  });
});

describe("众创空间's 引进人才 rule (以个人最高学历为准，不累计加分)", () => {
  const rule = parseRule(
    "每引进一名大专生得0.5分；每引进一名本科生得1分；每引进一名硕士得2分；每引进一名博士得3分。（以个人最高学历为准，不累计加分）",
  );

  test("is counted per person, not read as 'only the highest item scores'", () => {
    expect(rule.kind).toBe("counted");
  });

  test("'博士1名、硕士2名' scores 3 + 2×2 = 7; '2名' with no degrees is the range 1–6", () => {
    const r = rule.score({ v: "博士1名、硕士2名" }, {});
    expect(r).toMatchObject({ status: "exact", score: 7 });
    // the explanation gives the points each, then the total
    expect(r.status === "exact" && r.explain?.()).toContain("2名×2分=4分");
    expect(rule.score({ v: "2名" }, {})).toMatchObject({ status: "range", low: 1, high: 6 });
  });
});

describe("a condition on two figures", () => {
  test("椒江's 税额50万元以上且增长10% is refused, naming the second figure the sheet lacks", () => {
    const e = refusal(
      "1.企业2012年在椒江入库税额在50万元以上且比去年同期增长10%得基本分，每增减2个百分点加减1分；2.最高加减分不得超过10分。",
    );
    expect(e.part).toBe("1.企业2012年在椒江入库税额在50万元以上且比去年同期增长10%得基本分");
    expect(e.message).toContain("比去年同期增长10%");
    expect(e.message).toContain("请手工填写得分");
  });
});

describe("two figures in one band (高企 评分表's 企业成长性)", () => {
  test("净资产增长率≥35%，销售收入增长率≥35% is refused, naming 销售收入增长率≥35%", () => {
    const e = refusal("1.净资产增长率≥35%，销售收入增长率≥35%，得16-20分；2.净资产增长率<5%，销售收入增长率<5%，得0分");
    expect(e.part).toBe("1.净资产增长率≥35%，销售收入增长率≥35%，得16-20分");
    expect(e.message).toContain("“销售收入增长率≥35%”");
  });
});
