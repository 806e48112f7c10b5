import { computePlan } from "..";
import { seedWorkbookData } from "../../sample/workbook-data";
import { byDepartment, splitDepartments } from ".";

describe("责任单位 cells", () => {
  test("name several departments, separated by 、，,/ or line breaks", () => {
    expect(splitDepartments("市科工局、市发改局").map((d) => d.name)).toEqual(["市科工局", "市发改局"]);
    expect(splitDepartments("市统计局\n农业农村局").map((d) => d.name)).toEqual(["市统计局", "农业农村局"]);
    expect(splitDepartments("市科工局，市财政局,市统计局/市税务局").map((d) => d.name)).toEqual([
      "市科工局",
      "市财政局",
      "市统计局",
      "市税务局",
    ]);
    expect(splitDepartments("  ")).toEqual([]);
  });

  test("read 牵头/配合 markers after a name or as a clause's prefix", () => {
    expect(splitDepartments("市科工局（牵头）、市发改局(配合)")).toEqual([
      { name: "市科工局", role: "lead" },
      { name: "市发改局", role: "support" },
    ]);
    expect(splitDepartments("牵头单位：市科工局；配合单位：市统计局、市财政局")).toEqual([
      { name: "市科工局", role: "lead" },
      { name: "市统计局", role: "support" },
      { name: "市财政局", role: "support" },
    ]);
    expect(splitDepartments("市科工局牵头，市统计局配合")).toEqual([
      { name: "市科工局", role: "lead" },
      { name: "市统计局", role: "support" },
    ]);
  });
});

describe("按责任单位 on the sample", () => {
  const depts = byDepartment(computePlan(seedWorkbookData()));
  const of = (name: string) => depts.find((d) => d.name === name)!;

  test("lists each department the sheet names, in the order it first names them", () => {
    expect(depts.map((d) => [d.name, d.tasks.length])).toEqual([
      ["市财政局", 2],
      ["市统计局", 4],
      ["市科工局", 8],
      ["市行政审批局", 2],
      ["市发改局", 1],
      ["市市场监管局", 1],
      ["农业农村局", 1],
      ["市科技创新工作领导小组", 3],
    ]);
  });

  test("市财政局's task list: today's and the target's scores, the value needed, the flags", () => {
    const [spending, share] = of("市财政局").tasks;
    expect(spending).toMatchObject({
      name: "地方财政科技支出（万元）",
      max: 5,
      current: { column: "2018", score: 3.37, valueText: "2489万元" },
      target: { column: "2020", score: 3.39, valueText: "" },
      requiredValue: 2540,
      requiredText: "2540万元",
    });
    expect(spending.flags.map((f) => f.code)).toEqual(["target-unreachable"]); // no 2020 value for the 3.39 it states;
    expect(share).toMatchObject({ current: { score: 2.8 }, target: { score: 4, valueText: "0.50%" }, requiredValue: 0.5 });
  });

  test("a shared indicator appears under each of its departments, naming the others", () => {
    const grains = of("农业农村局").tasks[0];
    expect(grains).toMatchObject({ name: "农业产业化经营率（%）", with: ["市统计局"] });
    expect(of("市统计局").tasks.map((t) => t.name)).toContain("农业产业化经营率（%）");
    expect(of("市科工局").flagCount).toBe(of("市科工局").tasks.reduce((n, t) => n + t.flags.length, 0));
  });

  test("the 升级分析 suggestion is on the task of the department that must deliver it", () => {
    const withSteps = depts.flatMap((d) => d.tasks.filter((t) => t.suggested).map((t) => [d.name, t.name]));
    expect(withSteps.length).toBeGreaterThan(0);
    expect(withSteps.some(([d]) => d === "市科工局")).toBe(true);
  });
});

test("a department cell with 牵头/配合 markers gives each department its role", () => {
  const rows: (string | number | null)[][] = [
    ["二级指标", "权重分值", "评分标准", "责任单位", "2021年情况", "2021年得分"],
    ["R&D经费投入强度（%）", 10, "≥2%（10分）；2%-1%（10-6分）；1%以下（6-0分）", "县统计局（牵头）、县科技局（配合）", "0.8%", null],
    ["科技管理创新情况", 4, "落实科技政策情况，酌情得分，最高4分", "", null, 2],
  ];
  const wb = { sheets: [{ name: "表1", merges: [], cells: rows.map((r) => r.map((v) => (v === null ? undefined : { v }))) }] };
  const depts = byDepartment(computePlan(wb));
  expect(depts.map((d) => [d.name, d.tasks.map((t) => [t.row, t.role, t.with])])).toEqual([
    ["县统计局", [[2, "lead", ["县科技局"]]]],
    ["县科技局", [[2, "support", ["县统计局"]]]],
    ["", [[3, null, []]]],
  ]);
});
