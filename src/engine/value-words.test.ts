import { placeholderOf, qualifierOf } from "./value-words";

describe("placeholders mean no value yet", () => {
  test.each([
    "暂无",
    "无",
    "待定",
    "—",
    "-",
    "/",
    "／",
    "未统计",
    "空",
    "——",
    "--",
    "\\",
    "（暂无）",
    "暂无数据",
    "尚未统计",
    "暂未填报",
    "待核实",
    "待补充",
    "缺",
    "不详",
    "N/A",
    "n/a",
    " 待定 ",
  ])("“%s”", (t) => expect(placeholderOf(t)).toBe(t.trim()));
  test.each(["0", "2489万元", "无锡2489万元", "暂无2489", "待定2家", "一般"])("“%s” is not one", (t) =>
    expect(placeholderOf(t)).toBeNull(),
  );
});

describe("qualifiers", () => {
  test.each([
    ["约2489万元", "approximate", "约"],
    ["约为2489万元", "approximate", "约为"],
    ["大约2489万元", "approximate", "大约"],
    ["2489万元左右", "approximate", "左右"],
    ["2400余万元", "approximate", "余"],
    ["30多家", "approximate", "多"],
    ["近2500万元", "approximate", "近"],
    ["≈0.35%", "approximate", "≈"],
    ["2489万元（预计）", "estimate", "预计"],
    ["2489万元(估)", "estimate", "估"],
    ["预计2489万元", "estimate", "预计"],
    ["2489万元（约数）", "approximate", "约数"],
  ])("“%s” is %s (%s)", (t, kind, word) => expect(qualifierOf(t)).toEqual({ kind, word }));

  test.each(["2489万元", "2489万元（其中约300万元为省级补助）", "近3年累计2489万元", "28家（其中新认定10家）", "2018年2489万元"])(
    "“%s” is a plain figure",
    (t) => expect(qualifierOf(t)).toBeNull(),
  );
});
