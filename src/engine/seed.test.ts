/**
 * The seed 分工表 (src/sample/fengongbiao.json), read as printed: every rule is readable, every
 * printed banded score follows from its rule except the three the seed README names, and every
 * printed counted score lies in the range its 情况 allows.
 */
import * as fs from "fs";
import * as path from "path";
import { Rational, gapToNextGrade, gradeOf, parseRule, type ScoreResult } from "./index";

interface Indicator {
  二级指标: string;
  权重分值: number;
  评分标准: string;
  [column: string]: string | number | string[];
}

const seed = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "sample", "fengongbiao.json"), "utf8")) as {
  indicators: Indicator[];
  合计得分: Record<string, number>;
};

const YEARS = [
  { year: "2018", value: "2018年情况", score: "2018年评价指标得分" },
  { year: "2019", value: "2019年情况", score: "2019年评价指标得分预测" },
  { year: "2020", value: "2020年工作目标", score: "2020年目标得分" },
];

test("the seed has 17 indicators and every rule is readable", () => {
  expect(seed.indicators).toHaveLength(17);
  const kinds = seed.indicators.map((i) => parseRule(i.评分标准).kind);
  expect(kinds.filter((k) => k === "banded")).toHaveLength(11);
  expect(kinds.filter((k) => k === "counted")).toHaveLength(3);
  expect(kinds.filter((k) => k === "categorical")).toHaveLength(1);
  expect(kinds.filter((k) => k === "judged")).toHaveLength(2);
});

test("no rule gives more than its row's weight, except the categorical one whose options add to 8", () => {
  const over = seed.indicators
    .map((i) => ({ name: i.二级指标, weight: i.权重分值, max: parseRule(i.评分标准).max }))
    .filter((r) => r.max !== null && r.max > r.weight);
  expect(over).toEqual([{ name: "科技管理机构情况", weight: 5, max: 8 }]);
});

test("of the printed banded scores with a value, all but the three known ones follow from the rule", () => {
  let checked = 0;
  const mismatches: string[] = [];
  for (const ind of seed.indicators) {
    const rule = parseRule(ind.评分标准);
    if (rule.kind !== "banded") continue;
    for (const y of YEARS) {
      const value = ind[y.value] as string;
      const printed = ind[y.score] as number;
      if (value.trim() === "") continue; // 2020 地方财政科技支出: a target score with no target value
      const r = rule.score({ v: value });
      expect(r.status).toBe("exact");
      checked++;
      if (r.status === "exact" && r.score !== printed) {
        mismatches.push(`${y.year} ${ind.二级指标} “${value}”: printed ${printed}, rule gives ${r.score}`);
      }
    }
  }
  expect(checked).toBe(32);
  expect(mismatches).toEqual([
    "2019 规上工业企业R&D经费支出占主营业务收入的比重（%） “0.32%”: printed 2.55, rule gives 2.56",
    "2020 高新技术企业数量（家） “63家”: printed 8.75, rule gives 8.77",
    "2019 千家工商注册企业中高新技术企业数量（家） “3家（工商企业16625家）”: printed 2.84, rule gives 2.83",
  ]);
});

test("every printed counted score lies in the range its 情况 allows (新增 adds to last year)", () => {
  let checked = 0;
  for (const ind of seed.indicators) {
    const rule = parseRule(ind.评分标准);
    if (rule.kind !== "counted") continue;
    let previous: ScoreResult | undefined;
    for (const y of YEARS) {
      const r = rule.score({ v: ind[y.value] as string }, previous ? { previous } : undefined);
      const printed = ind[y.score] as number;
      const [low, high] = r.status === "range" ? [r.low, r.high] : r.status === "exact" ? [r.score, r.score] : [NaN, NaN];
      expect({ year: y.year, name: ind.二级指标, inRange: low <= printed && printed <= high }).toEqual({
        year: y.year,
        name: ind.二级指标,
        inRange: true,
      });
      previous = r;
      checked++;
    }
  }
  expect(checked).toBe(9);
});

test("the 2020 target of 地方财政科技支出 (3.39 points, no value given) needs 2560万元", () => {
  const ind = seed.indicators[0];
  expect(parseRule(ind.评分标准).required(ind["2020年目标得分"] as number)).toBe(2560);
});

test("the printed totals are the sums of the printed scores, and grade C, B, B", () => {
  for (const y of YEARS) {
    const sum = seed.indicators.reduce((s, i) => s.add(i[y.score] as number), Rational.ZERO);
    expect(sum.toNumber()).toBe(seed.合计得分[y.year]);
  }
  expect([52.64, 61.33, 73.95].map(gradeOf)).toEqual(["C", "B", "B"]);
  expect([52.64, 61.33, 73.95].map(gapToNextGrade)).toEqual([7.36, 18.67, 6.05]);
});
