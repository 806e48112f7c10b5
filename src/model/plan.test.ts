import { computePlan, findTable, NoTableError, toReport } from ".";
import { seedWorkbookData } from "../sample/workbook-data";
import type { WorkbookData } from "./types";

const byName = (plan: ReturnType<typeof computePlan>, name: string) => {
  const ind = plan.indicators.find((i) => i.name.startsWith(name));
  if (!ind) throw new Error(`no indicator ${name}`);
  return ind;
};

describe("the seed's 分工表", () => {
  const plan = computePlan(seedWorkbookData());

  test("is found by its headers on a sheet that is not the first", () => {
    expect(plan.sheet).toBe("分工表");
    expect(plan.indicators).toHaveLength(17);
    expect(plan.layout.years.map((y) => [y.label, y.kind])).toEqual([
      ["2018", "actual"],
      ["2019", "forecast"],
      ["2020", "target"],
    ]);
    expect(plan.indicators[0]).toMatchObject({
      category: "创新投入",
      name: "地方财政科技支出（万元）",
      weight: 5,
      ruleKind: "banded",
      max: 5,
    });
    expect(plan.subtotals.map((s) => [s.category, s.points])).toEqual([
      ["创新投入", 20],
      ["创新主体", 25],
      ["创新条件", 25],
      ["创新产出", 15],
      ["创新管理", 15],
    ]);
  });

  test("reports exactly the three wrong printed scores, with the rule's scores", () => {
    const mismatches = plan.indicators.flatMap((i) =>
      i.scores.filter((s) => s.status === "mismatch").map((s) => [i.name, s.column, s.stated, s.computed]),
    );
    expect(mismatches).toEqual([
      ["规上工业企业R&D经费支出占主营业务收入的比重（%）", "2019", 2.55, 2.56],
      ["高新技术企业数量（家）", "2020", 8.75, 8.77],
      ["千家工商注册企业中高新技术企业数量（家）", "2019", 2.84, 2.83],
    ]);
    const flagged = plan.indicators.flatMap((i) => i.flags.filter((f) => f.code === "score-mismatch"));
    expect(flagged).toHaveLength(3);
  });

  test("all 51 printed scores are checked against their rules; 48 hold", () => {
    const all = plan.indicators.flatMap((i) => i.scores);
    expect(all).toHaveLength(51);
    expect(all.every((s) => s.stated !== null && s.status !== "error")).toBe(true);
    expect(all.filter((s) => s.status === "mismatch")).toHaveLength(3);
    const banded = plan.indicators.filter((i) => i.ruleKind === "banded");
    expect(banded).toHaveLength(11);
    // 11 banded rows × 3 years, less the 2020 target of 地方财政科技支出, which has no value
    const computed = banded.flatMap((i) => i.scores.filter((s) => s.computed !== null));
    expect(computed).toHaveLength(32);
    expect(computed.filter((s) => s.status === "ok")).toHaveLength(29);
    // counted rows given only a count: the printed score lies in the range the count allows ("0家" is exactly 0)
    expect(plan.indicators.filter((i) => i.ruleKind === "counted").map((i) => i.scores.map((s) => s.status))).toEqual([
      ["range", "range", "range"],
      ["ok", "range", "range"],
      ["range", "range", "range"],
    ]);
    expect(plan.indicators.map((i) => i.ruleKind).filter((k) => k !== "banded")).toEqual([
      "counted",
      "counted",
      "counted",
      "categorical",
      "judged",
      "judged",
    ]);
  });

  test("totals follow the corrected scores, with grades", () => {
    expect(plan.totals.map((t) => [t.column, t.stated, t.computed, t.grade])).toEqual([
      ["2018", 52.64, 52.64, "C"],
      ["2019", 61.33, 61.33, "B"],
      ["2020", 73.95, 73.97, "B"],
    ]);
    expect(plan.totals.map((t) => t.gapToNext)).toEqual([7.36, 18.67, 6.03]);
  });

  test("the 2020 地方财政科技支出 target is unreachable as stated and needs 2540万元 (3.385 rounds to the target 3.39)", () => {
    const ind = byName(plan, "地方财政科技支出（万元）");
    expect(ind.requiredValue).toBe(2540);
    const f = ind.flags.find((x) => x.code === "target-unreachable");
    expect(f).toBeDefined();
    expect(f!.column).toBe("2020");
    expect(f!.message).toContain("2540万元");
    // its target value is blank: the message says that first, not that the target is out of reach
    expect(f!.message).toBe("K3：目标值未填写，目标得分 3.39 没有依据；需要达到 2540万元");
    expect(f!.messageEn).toMatch(/^K3: target value not filled in/);
    expect(plan.highlights.find((h) => h.cell === "K3")!.note).toContain("目标值未填写");
  });

  test("a target above what the latest year scored is a gap, measured from the 2019 forecast", () => {
    const ind = byName(plan, "地方财政科技支出占公共财政支出的比重");
    const gap = ind.flags.find((f) => f.code === "target-gap")!;
    expect(gap.message).toContain("2019年得分 3.28");
    expect(gap.message).toContain("还差 0.72 分");
    expect(gap.message).toContain("0.41%");
    expect(gap.message).toContain("0.5%");
  });

  test("judged and counted rows keep their hand-entered scores", () => {
    const judged = byName(plan, "科技管理创新情况");
    expect(judged.ruleKind).toBe("judged");
    expect(judged.scores.map((s) => s.status)).toEqual(["manual", "manual", "manual"]);
    const counted = byName(plan, "省级以上科技创新平台建设情况");
    expect(counted.ruleKind).toBe("counted");
    expect(counted.scores.every((s) => s.status === "range" && s.computed === null)).toBe(true);
    expect(plan.writes.some((w) => w.cell === judged.scores[0].cell)).toBe(false);
  });

  test("writes only the three corrected scores and the 2020 total", () => {
    expect(plan.writes.map((w) => [w.cell, w.before, w.after])).toEqual([
      ["I5", 2.55, 2.56],
      ["K6", 8.75, 8.77],
      ["I7", 2.84, 2.83],
      ["K20", 73.95, 73.97],
    ]);
    for (const w of plan.writes) expect(w.reason).toMatch(/→/);
  });

  test("highlights each flagged cell once, most severe colour first", () => {
    const cells = plan.highlights.map((h) => h.cell);
    expect(new Set(cells).size).toBe(cells.length);
    const k3 = plan.highlights.find((h) => h.cell === "K3")!;
    expect(k3.severity).toBe("unreachable");
    expect(plan.highlights.find((h) => h.cell === "I5")!.severity).toBe("mismatch");
  });

  test("the report keeps the contract's field names", () => {
    const report = toReport(plan, "seed.xlsx");
    expect(report.file).toBe("seed.xlsx");
    const ind = report.indicators[0];
    expect(Object.keys(ind)).toEqual(
      expect.arrayContaining(["row", "category", "name", "weight", "ruleKind", "max", "requiredValue", "scores", "flags"]),
    );
    expect(Object.keys(ind.scores[0])).toEqual(
      expect.arrayContaining(["column", "kind", "cell", "value", "stated", "computed", "range", "status", "message"]),
    );
    expect(report.totals[2]).toMatchObject({ column: "2020", stated: 73.95, computed: 73.97, grade: "B" });
    expect(report.summary["score-mismatch"]).toBe(3);
  });
});

describe("binding survives the ways real copies vary", () => {
  const reference = computePlan(seedWorkbookData());
  const essence = (wb: WorkbookData) =>
    computePlan(wb).indicators.map((i) => [i.category, i.name, i.scores.map((s) => [s.column, s.status, s.computed])]);

  test.each([
    ["two-row headers with years merged above 情况 | 得分", { twoRowHeader: true }],
    ["a 序号 column, a renamed sheet and notes below", { seqColumn: true, sheetName: "2020年测算", notes: true }],
    ["three title rows", { titleRows: 3 }],
    ["a title that names a year", { title: "霸州市2020年科技创新能力监测评价指标测算责任分工表" }],
    ["a year in the title over two-row headers", { title: "2020年度分工表（2018年情况、2019年预测）", twoRowHeader: true }],
    ["three blank rows before 合计得分, as printed", { blankRowsBeforeTotal: 3 }],
    [
      "everything at once",
      { twoRowHeader: true, seqColumn: true, titleRows: 2, sheetName: "Sheet1", notes: true, blankRowsBeforeTotal: 2 },
    ],
  ])("%s", (_label, opts) => {
    expect(essence(seedWorkbookData(opts))).toEqual(essence(seedWorkbookData()));
    expect(computePlan(seedWorkbookData(opts)).totals.map((t) => t.computed)).toEqual(reference.totals.map((t) => t.computed));
  });

  test("without a target pair there is no target analysis", () => {
    const plan = computePlan(seedWorkbookData({ noTarget: true }));
    expect(plan.layout.years.map((y) => y.label)).toEqual(["2018", "2019"]);
    expect(plan.indicators.flatMap((i) => i.flags).filter((f) => f.code.startsWith("target"))).toEqual([]);
    expect(plan.indicators.every((i) => i.requiredValue === null)).toBe(true);
  });

  test("a workbook without a 分工表 says which headers it looked for", () => {
    const wb: WorkbookData = { sheets: [{ name: "Sheet1", cells: [[{ v: "姓名" }, { v: "电话" }]], merges: [] }] };
    expect.assertions(3);
    expect(() => findTable(wb)).toThrow(NoTableError);
    try {
      computePlan(wb);
    } catch (e) {
      expect((e as NoTableError).lookedFor.some((h) => h.startsWith("评分标准"))).toBe(true);
      expect((e as Error).message).toContain("评分标准");
    }
  });
});

describe("bad input is reported on its own row", () => {
  function withRow(patch: (cells: WorkbookData["sheets"][1]["cells"]) => void): ReturnType<typeof computePlan> {
    const wb = seedWorkbookData();
    patch(wb.sheets[1].cells);
    return computePlan(wb);
  }

  test("an unreadable rule names its cell; every other row is still scored", () => {
    const plan = withRow((cells) => {
      cells[2][3] = { v: "≧10000万元（5分）；\n10000-5000万元（5-4）；" };
    });
    const bad = plan.indicators[0];
    expect(bad.ruleKind).toBeNull();
    expect(bad.flags[0].code).toBe("rule-error");
    expect(bad.flags[0].message).toMatch(/^D3：/);
    expect(bad.scores.every((s) => s.status === "error")).toBe(true);
    expect(plan.indicators.slice(1).filter((i) => i.scores.some((s) => s.status === "mismatch"))).toHaveLength(3);
    // the total falls back on the stated score of the broken row
    expect(plan.totals[0].computed).toBe(52.64);
  });

  test("a unit that contradicts the rule is a value error, not a guess", () => {
    const plan = withRow((cells) => {
      cells[3][5] = { v: "28家" };
    });
    const ind = plan.indicators[1];
    expect(ind.scores[0].status).toBe("error");
    expect(ind.flags[0]).toMatchObject({ code: "value-error", cell: "F4" });
    expect(ind.flags[0].message).toMatch(/^F4：/);
    expect(plan.writes.some((w) => w.cell === "G4")).toBe(false);
  });

  test("an Excel error value in a value cell is reported with its cell", () => {
    const plan = withRow((cells) => {
      cells[2][5] = { v: { error: "#DIV/0!" } };
    });
    expect(plan.indicators[0].flags[0]).toMatchObject({ code: "value-error", cell: "F3" });
    expect(plan.indicators[0].flags[0].message).toContain("#DIV/0!");
  });

  test("an Excel error value in a rule cell is a rule error on that cell, not a judged rule", () => {
    const plan = withRow((cells) => {
      cells[2][3] = { v: { error: "#REF!" } };
    });
    const bad = plan.indicators[0];
    expect(bad.ruleKind).toBeNull();
    expect(bad.flags[0]).toMatchObject({ code: "rule-error", cell: "D3", message: "D3：评分标准是错误值 #REF!" });
    expect(bad.scores.every((s) => s.status === "error")).toBe(true);
  });

  test("a score cell holding text is replaced saying what it held, not that it was empty", () => {
    const plan = withRow((cells) => {
      cells[2][6] = { v: "待定" };
    });
    const w = plan.writes.find((x) => x.cell === "G3");
    expect(w).toMatchObject({ before: "待定", after: 3.37, reason: "2018年得分“待定”不是数字，按评分标准填入 3.37" });
    expect(plan.indicators[0].scores[0].message).toBe("得分“待定”不是数字，按规则应为 3.37");

    const totalRow = findTable(seedWorkbookData()).layout.totalRow!;
    const withTotalText = withRow((cells) => {
      cells[totalRow][6] = { v: "未汇总" };
    });
    expect(withTotalText.writes.find((x) => x.row === totalRow && x.col === 6)?.reason).toMatch(/^2018年合计得分 “未汇总” → \d/);
  });

  test("a hand-entered score with many decimals is added exactly, not rounded into the total", () => {
    const plan = withRow((cells) => {
      cells[18][6] = { v: 2.2000001, numFmt: "0.00" }; // 科技管理创新情况, 2018: judged, entered by hand
    });
    expect(plan.indicators[16].scores[0]).toMatchObject({ status: "manual", stated: 2.2000001 });
    expect(plan.totals[0].computed).toBe(52.6400001);
  });

  test("a percent-formatted number is read as a percentage", () => {
    const plan = withRow((cells) => {
      cells[3][5] = { v: 0.0035, numFmt: "0.00%" };
    });
    expect(plan.indicators[1].scores[0]).toMatchObject({ value: 0.35, computed: 2.8, status: "ok" });
  });

  test("an empty table (headers only) gives an empty plan, not an error", () => {
    const wb = seedWorkbookData();
    const cells = wb.sheets[1].cells;
    wb.sheets[1].cells = cells.slice(0, 2);
    wb.sheets[1].merges = wb.sheets[1].merges.filter((m) => /^[A-Z]+1:/.test(m));
    const plan = computePlan(wb);
    expect(plan.indicators).toEqual([]);
    expect(plan.totals.map((t) => t.computed)).toEqual([0, 0, 0]);
    expect(plan.writes).toEqual([]);
  });
});

describe("a plan made for check: no English, no write reasons", () => {
  test("has the same writes, scores and flags, with empty reasons", () => {
    const full = computePlan(seedWorkbookData());
    const counted = computePlan(seedWorkbookData(), undefined, { english: false, writeReasons: false });
    const strip = (p: typeof full) => p.writes.map(({ reason: _r, reasonEn: _e, ...w }) => w);
    expect(strip(counted)).toEqual(strip(full));
    expect(counted.writes.length).toBe(full.writes.length);
    expect(full.writes.every((w) => w.reason !== "")).toBe(true);
    expect(counted.writes.every((w) => w.reason === "" && w.reasonEn === "")).toBe(true);
    expect(counted.indicators.flatMap((i) => i.flags.map((f) => f.message))).toEqual(
      full.indicators.flatMap((i) => i.flags.map((f) => f.message)),
    );
  });
});

describe("a plan made without English (the command line)", () => {
  /** the plan with every English text taken out */
  const chineseOf = (plan: unknown) => JSON.parse(JSON.stringify(plan, (key, value) => (/En$/.test(key) ? undefined : value)));

  test("says in Chinese exactly what the full plan says, and makes no English text", () => {
    const full = computePlan(seedWorkbookData());
    const zh = computePlan(seedWorkbookData(), undefined, { english: false });
    expect(chineseOf(zh)).toEqual(chineseOf(full));
    // the seed's table has wrong scores, targets out of reach and gaps: there is English to leave out
    expect(full.indicators.flatMap((i) => i.flags).filter((f) => f.messageEn !== "").length).toBeGreaterThan(5);
    expect(zh.indicators.flatMap((i) => i.flags).every((f) => f.messageEn === "")).toBe(true);
    expect(zh.writes.every((w) => w.reasonEn === "")).toBe(true);
    expect(zh.highlights.every((h) => h.noteEn === "")).toBe(true);
    expect(zh.indicators.flatMap((i) => i.scores).every((s) => s.noteEn === undefined)).toBe(true);
  });
});
