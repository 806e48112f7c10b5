import { computePlan } from "..";
import { scoreValue } from "../../engine";
import { seedWorkbookData } from "../../sample/workbook-data";
import { judgedByAssessors, upgradeAnalyses, upgradeAnalysis, type UpgradeRow } from ".";

const plan = computePlan(seedWorkbookData());
const target = upgradeAnalysis(plan)!;
const row = (name: string): UpgradeRow => {
  const r = target.rows.find((x) => x.name.startsWith(name));
  if (!r) throw new Error(`no row ${name}`);
  return r;
};

describe("升级分析 of the sample's 2020 target (73.97, B, 6.03 to A)", () => {
  test("analyses the target year, measured from the latest actual year 2018", () => {
    expect(target).toMatchObject({
      column: "2020",
      kind: "target",
      total: 73.97,
      grade: "B",
      nextGrade: "A",
      gap: 6.03,
      todayColumn: "2018",
    });
    expect(upgradeAnalyses(plan).map((a) => [a.column, a.total, a.grade, a.gap])).toEqual([
      ["2020", 73.97, "B", 6.03],
      ["2018", 52.64, "C", 7.36],
    ]);
  });

  test("each indicator's points still available are max − its 2020 score", () => {
    // by hand from the rules: e.g. 57家 under "100-30家（3.5-2.5分）" scores 2.5 + 27/70 = 2.89 of 4 → 1.11
    expect(target.rows.map((r) => [r.name.slice(0, 8), r.score, r.max, r.headroom])).toEqual([
      ["地方财政科技支出", 3.39, 5, 1.61],
      ["地方财政科技支出", 4, 8, 4],
      ["规上工业企业R&", 6, 7, 1],
      ["高新技术企业数量", 8.77, 10, 1.23],
      ["千家工商注册企业", 3, 4, 1],
      ["科技型中小企业数", 7, 7, 0],
      ["千家工商注册企业", 2.89, 4, 1.11],
      ["省级以上科技创新", 6, 8, 2],
      ["省级以上创新园区", 2, 6, 4],
      ["省级以上创新创业", 6, 6, 0],
      ["规上工业企业建立", 4, 5, 1],
      ["万人有效发明专利", 2.92, 6, 3.08],
      ["规上高新技术产业", 5.25, 6, 0.75],
      ["农业产业化经营率", 2.25, 3, 0.75],
      ["科技管理机构情况", 3, 5, 2],
      ["争取上级支持与奖", 4, 5, 1],
      ["科技管理创新情况", 3.5, 5, 1.5],
    ]);
  });

  test("2489万元 today needs 4980万元 for the next whole point (3.995 rounds to 4) and 9975万元 for full marks (4.995 rounds to 5)", () => {
    const r = row("地方财政科技支出（万元）");
    expect(r.kind).toBe("value");
    expect(r.today).toEqual({ column: "2018", value: 2489, valueText: "2489万元" });
    expect(r.next).toMatchObject({ score: 4, value: 4980, valueText: "4980万元", fromToday: { absolute: 2491, relative: 1.0008 } });
    expect(r.full).toMatchObject({ score: 5, value: 9975, fromToday: { absolute: 7486, relative: 3.0076 } });
  });

  test("the values the banded rules need, as the bands give them", () => {
    expect([row("地方财政科技支出占").next?.value, row("地方财政科技支出占").full?.value]).toEqual([0.75, 2]); // 1%-0.5%（6-4分）: 5 at 0.75%
    expect(row("高新技术企业数量").next).toMatchObject({ score: 9, value: 70 }); // 8 + 2·(v−40)/60 = 9
    expect(row("千家工商注册企业中科技型").next).toMatchObject({ score: 3, value: 64.65 }); // 2.5 + (v−30)/70 = 2.995 at 64.65 (the row writes 56.24: two decimals), which rounds to 3
    expect(row("规上工业企业建立研发机构").full).toMatchObject({ score: 5, value: 79.7 }); // 4.995 at 79.7%, which rounds to 5
    expect(row("农业产业化经营率").full).toMatchObject({ score: 3, value: 69.9, fromToday: { absolute: 22.21 } }); // 2.995 at 69.9%, which rounds to 3
    // 2件/万人以下（3.5-0分）: 3 points at 2·3/3.5 = 1.714285… 件/万人; whatever precision the engine enters it at, it scores 3
    const patents = row("万人有效发明专利").next!;
    expect(patents.value!).toBeGreaterThanOrEqual(12 / 7);
    expect(patents.value! - 12 / 7).toBeLessThan(0.01);
    // the smallest value at the row's two decimals that reaches 3: 1.72 (3.01); 1.71 gives 2.99
    expect(patents.valueText).toBe("1.72件/万人");
    expect(scoreValue(patents.valueText!, plan.indicators[11].ruleText)).toMatchObject({ status: "exact", score: 3.01 });
    expect(scoreValue("1.71件/万人", plan.indicators[11].ruleText)).toMatchObject({ status: "exact", score: 2.99 });
  });

  test("a full row has no goals; counted rows name the cheapest items; judged rows show only their headroom", () => {
    expect(row("科技型中小企业数量").next).toBeNull();
    const platforms = row("省级以上科技创新平台");
    expect(platforms.kind).toBe("counted");
    expect(platforms.items[0]).toMatchObject({ label: "省级重点实验室每家1分", points: 1, countToFull: 2 });
    expect(platforms.full?.add).toEqual({ item: "省级重点实验室每家1分", count: 2 });
    expect(row("省级以上创新园区").items[0]).toMatchObject({ label: "省级高新区每家2分", countToFull: 2 });
    // 2018: four 星创天地 score 3 of 6 — the cheapest item is 省级孵化器每家1分, three of them fill it
    const services2018 = upgradeAnalysis(plan, "2018")!.rows.find((r) => r.name.startsWith("省级以上创新创业服务"))!;
    expect(services2018.items[0]).toMatchObject({ label: "省级孵化器每家1分", countToFull: 3 });
    for (const name of ["科技管理机构情况", "争取上级支持与奖励", "科技管理创新情况"]) {
      expect(row(name)).toMatchObject({ kind: "manual", full: null, next: null, items: [] });
    }
    expect(row("科技管理创新情况").headroom).toBe(1.5);
  });

  test("the suggested combination, rescored by the engine, takes 2020 from 73.97 to A", () => {
    const s = target.suggestion!;
    expect(s.method).toBe("exact");
    expect(s.steps.length).toBeGreaterThan(0);
    // rescore every step through the rule text, independently of the analysis
    const rescored = new Map<number, number>();
    for (const step of s.steps) {
      const ind = plan.indicators.find((i) => i.row === step.row)!;
      const previous = { status: "exact" as const, score: step.fromScore, value: null };
      const r = scoreValue(step.action, ind.ruleText, { previous });
      expect(r.status).toBe("exact");
      const score = Math.min((r as { score: number }).score, ind.max ?? Infinity);
      expect(score).toBe(step.toScore);
      rescored.set(step.row, score);
    }
    const cents = plan.indicators
      .map((ind) => rescored.get(ind.row) ?? ind.scores[2].computed ?? ind.scores[2].stated ?? 0)
      .reduce((sum, x) => sum + Math.round(x * 100), 0);
    expect(cents / 100).toBe(s.total);
    expect(s.total).toBeGreaterThanOrEqual(80);
    expect(s).toMatchObject({ grade: "A", reaches: true });
  });

  test("2018's suggestion (52.64, C) reaches B", () => {
    const s = upgradeAnalysis(plan, "2018")!.suggestion!;
    expect(s.total).toBeGreaterThanOrEqual(60);
    expect(s.grade).not.toBe("C");
  });
});

describe("升级分析 of another county's table", () => {
  // a small 分工表 typed the way other counties type it: other years, 牵头/配合 markers, a level-less counted item
  const rows: (string | number | null)[][] = [
    ["一级指标", "二级指标", "权重分值", "评分标准", "责任单位", "2021年情况", "2021年得分", "2022年工作目标", "2022年目标得分"],
    [
      "创新投入（20分）",
      "R&D经费投入强度（%）",
      10,
      "≥2%（10分）；2%-1%（10-6分）；1%以下（6-0分）",
      "县统计局（牵头）、县科技局（配合）",
      "0.8%",
      null,
      "1%",
      6,
    ],
    [
      null,
      "院士工作站与孵化器",
      6,
      "院士工作站每家1分，省级孵化器每家2分，最高不超过6分",
      "县科技局",
      "院士工作站1家",
      null,
      "院士工作站2家",
      2,
    ],
    [null, "科技管理创新情况", 4, "落实科技政策情况，酌情得分，最高4分", "县委办/县政府办", null, 2, null, 3],
    ["合计得分", null, null, null, null, null, null, null, null],
  ];
  const wb = {
    sheets: [{ name: "Sheet1", merges: [], cells: rows.map((r) => r.map((v) => (v === null ? undefined : { v }))) }],
  };
  const p = computePlan(wb);
  const a = upgradeAnalysis(p)!;

  test("measures from 2021 and reads each kind of row", () => {
    expect([a.column, a.todayColumn, a.total, a.grade, a.nextGrade]).toEqual(["2022", "2021", 11, "C", "B"]);
    const [rd, counted, judged] = a.rows;
    // 1% scores 6 of 10; 7 points need 1.25% (6 + 4·(v−1)/1 = 7), entered at the row's one decimal: 1.3%
    expect(rd).toMatchObject({ kind: "value", score: 6, headroom: 4, next: { score: 7, value: 1.3 }, full: { score: 10, value: 2 } });
    expect(rd.next!.fromToday).toEqual({ absolute: 0.5, relative: 0.625 }); // from 2021's 0.8%
    // the provincial incubator (2 points) and the level-less 院士工作站 (1 point) are equally easy: more points first
    expect(counted.items.map((i) => [i.label, i.countToFull])).toEqual([
      ["省级孵化器每家2分", 2],
      ["院士工作站每家1分", 4],
    ]);
    expect(judged).toMatchObject({ kind: "manual", score: 3, headroom: 1, next: null });
  });

  test("when even every step together falls short, it says so and shows the most that can be done", () => {
    const s = a.suggestion!;
    expect(s.reaches).toBe(false);
    expect(s.steps.map((x) => [x.row, x.toScore])).toEqual([
      [2, 10],
      [3, 6],
    ]);
    expect(s.total).toBe(19); // 10 + 6 + 3, every score the rule's
    expect(s.grade).toBe("C");
  });
});

/** The headers of a small 分工表 typed as other counties type it: 2021 actual, 2022 target. */
const header = ["一级指标", "二级指标", "权重分值", "评分标准", "责任单位", "2021年情况", "2021年得分", "2022年工作目标", "2022年目标得分"];

/** A workbook of one sheet holding these rows (null: an empty cell). */
function sheetOf(rows: (string | number | null)[][]) {
  return { sheets: [{ name: "Sheet1", merges: [], cells: rows.map((r) => r.map((v) => (v === null ? undefined : { v }))) }] };
}

describe("升级分析 names the value to reach for every rule whose score rises with the row's own value", () => {
  const rows: (string | number | null)[][] = [
    header,
    [
      "创新投入（20分）",
      "技术合同成交额（万元）",
      5,
      "达到200万元得1分，每增加100万元加1分，最高5分",
      "县科技局",
      "350万元",
      null,
      "450万元",
      3,
    ],
    [null, "科普信息报送", 2, "上报科普信息4篇以上记2分（完不成的按比例扣分）", "县科协", "2篇", null, "3篇", 1.5],
    [null, "高新技术企业数量", 5, "高新技术企业数较上年每新增1家得1分，最高5分", "县科技局", "10家", null, "12家", 2],
    [null, "科技信息按时报送", 3, "按时报送得满分，每迟报1次扣0.5分，扣完为止", "县科技局", "2次", null, "1次", 2.5],
    ["合计得分", null, null, null, null, null, null, null, null],
  ];
  const a = upgradeAnalysis(computePlan(sheetOf(rows)))!;
  const [contracts, outreach, firms, reports] = a.rows;

  test("a threshold with steps: 450万元 scores 3 of 5; 4 points need 500万元, full marks 600万元", () => {
    // 200万元 gives 1 point and each further whole 100万元 one more: 450 → 1 + 2 = 3, 500 → 4, 600 → 5
    expect(contracts).toMatchObject({
      kind: "value",
      score: 3,
      headroom: 2,
      next: { score: 4, value: 500, valueText: "500万元", fromToday: { absolute: 150 } },
      full: { score: 5, value: 600, valueText: "600万元", fromToday: { absolute: 250 } },
    });
  });

  test("in proportion to a stated target: 3篇 of 4 scores 1.5 of 2; full marks need 4篇", () => {
    expect(outreach).toMatchObject({ kind: "value", score: 1.5, headroom: 0.5, full: { score: 2, value: 4, valueText: "4篇" } });
  });

  test("rules over last year's figure and deductions name no value: the analysis does not hold the year before, and fewer is better", () => {
    expect(firms).toMatchObject({ kind: "manual", next: null, full: null });
    expect(reports).toMatchObject({ kind: "manual", headroom: 0.5, next: null, full: null });
    // and the views say the rule names no value, not that assessors judge it (评估打分)
    expect([firms, reports].map(judgedByAssessors)).toEqual([false, false]);
    expect(judgedByAssessors(row("科技管理创新情况"))).toBe(true);
  });

  test("the suggestion rescored by the rules themselves: 600万元 (5) and 4篇 (2)", () => {
    expect(a.suggestion!.steps.map((x) => [x.row, x.action, x.toScore])).toEqual([
      [2, "600万元", 5],
      [3, "4篇", 2],
    ]);
    for (const step of a.suggestion!.steps) {
      const rule = rows[step.row - 1][3] as string;
      expect(scoreValue(step.action, rule, { weight: rows[step.row - 1][2] as number })).toMatchObject({
        status: "exact",
        score: step.toScore,
      });
    }
  });
});

describe("升级分析 asks each rule once per question, and each row still gets its own answer", () => {
  // one R&D rule text on two rows: the first row writes one decimal (1%), the second two (1.05%);
  // the rule's answers are remembered per rule, so what the answer depends on (the precision, the
  // score) must be part of the question, or the second row would get the first row's value
  const rule = "≥2%（10分）；2%-1%（10-6分）；1%以下（6-0分）";
  const rows: (string | number | null)[][] = [
    header,
    ["创新投入（20分）", "R&D经费投入强度（%）", 10, rule, "县统计局", "0.8%", null, "1%", 6],
    [null, "R&D经费投入强度（%）（乡镇）", 10, rule, "县统计局", "0.85%", null, "1.05%", 6.2],
    ["合计得分", null, null, null, null, null, null, null, null],
  ];
  const a = upgradeAnalysis(computePlan(sheetOf(rows)))!;

  test("7 points need 1.3% on the one-decimal row and 1.25% on the two-decimal row", () => {
    expect(a.rows.map((r) => [r.score, r.next?.score, r.next?.value])).toEqual([
      [6, 7, 1.3],
      [6.2, 7, 1.25],
    ]);
  });

  test("the same table analysed alone per row gives the same rows (nothing carried over from the other row)", () => {
    const alone = (i: number) => upgradeAnalysis(computePlan(sheetOf([rows[0], rows[1 + i], rows[3]])))!.rows[0];
    // alone, a row sits at the first indicator row and, for the second, outside the category it was in
    for (const i of [0, 1]) expect(a.rows[i]).toEqual({ ...alone(i), row: a.rows[i].row, category: a.rows[i].category });
  });
});
