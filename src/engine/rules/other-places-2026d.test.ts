/**
 * The forms the fourth round of other places' texts brought (sources/other-places-2026d.json: 绍兴's
 * 产业创新服务综合体 indicators, 鄞州's 2013 镇乡科技进步目标考核细则, a 科普教育基地 自评表, …): an item's
 * number before its first option ("1.有科技进步政策…(2分)"), figures listed with their weights but no
 * scale ("…个数(3分)"), and grades worth a share of the 分值 reached by a figure
 * ("优秀(占比90-100%)：300天以上；…").
 */
import fc from "fast-check";
import { parseRule } from "../index";
import { refusal } from "../../../test/helpers/refusal";

describe("鄞州's 1.有科技进步政策和年度工作总结(2分),能完成科技局布置的任务(3分)", () => {
  const rule = parseRule("1.有科技进步政策和年度工作总结(2分),能完成科技局布置的任务(3分)。");

  test("the item's number is not read as a quantity: both options 5, the first alone 2, none 0", () => {
    expect(rule.kind).toBe("categorical");
    expect(rule.max).toBe(5);
    expect(rule.score({ v: "有科技进步政策和年度工作总结，能完成科技局布置的任务" })).toMatchObject({ status: "exact", score: 5 });
    expect(rule.score({ v: "有科技进步政策和年度工作总结" })).toMatchObject({ status: "exact", score: 2 });
    expect(rule.score({ v: "无" })).toMatchObject({ status: "exact", score: 0 });
  });

  test("a number that is part of the option (1.5万元) still makes the option a quantity", () => {
    expect(refusal("1.5万元以上的项目(2分)；其他项目(1分)").message).toContain("选项里有数量");
  });
});

describe("绍兴's figures each with a weight and no scale", () => {
  test("“累计引进大院名校共建创新载体个数(3分)” is refused, naming the figure, not read as an option", () => {
    const e = refusal(
      "累计引进大院名校共建创新载体个数(3分),当年新引进大院名校共建创新载体个数(2分);累计集聚服务机构个数(3分),当年集聚服务机构数同比增长率(1分)。",
    );
    expect(e.part).toBe("累计引进大院名校共建创新载体个数(3分)");
    expect(e.message).toContain("是一项数量，没有写明按多少计分");
  });

  test("options that are things done still add up (有具体的建设方案 2 + 全面组织实施 8)", () => {
    const rule = parseRule("有具体的建设方案(2分),并按建设方案全面组织实施(8分)。");
    expect(rule.score({ v: "有具体的建设方案，并按建设方案全面组织实施" })).toMatchObject({ status: "exact", score: 10 });
  });
});

describe("科普教育基地's 开放时间: grades worth a share of the row's 分值 of 10", () => {
  const rule = parseRule(
    "优秀(占比90-100%)：300天以上；优良(占比70-90%)：250天以上；合格(占比60-70%)：200-250天；不合格(占比60%以下)：200天以下",
  );

  test("320天 is 优秀 9-10分, 280天 优良 7-9分, 220天 合格 6-7分, 150天 不合格 0-6分", () => {
    expect(rule.kind).toBe("share-graded");
    expect(rule.max).toBeNull();
    const scores = ["320天", "280天", "220天", "150天"].map((v) => rule.score({ v }, { weight: 10 }));
    expect(scores).toMatchObject([
      { status: "range", low: 9, high: 10 },
      { status: "range", low: 7, high: 9 },
      { status: "range", low: 6, high: 7 },
      { status: "range", low: 0, high: 6 },
    ]);
  });

  test("an edge belongs to the better grade: 300天 优秀, 250天 优良, 200天 合格", () => {
    expect(["300天", "250天", "200天"].map((v) => rule.score({ v }, { weight: 10 }))).toMatchObject([
      { low: 9, high: 10 },
      { low: 7, high: 9 },
      { low: 6, high: 7 },
    ]);
  });

  test("without the row's 分值 there is nothing to take a share of: an error saying so", () => {
    const r = rule.score({ v: "280天" });
    expect(r.status).toBe("error");
    expect(JSON.stringify(r)).toContain("没有权重分值");
  });

  test("a value in another unit is an error naming both units", () => {
    expect(JSON.stringify(rule.score({ v: "3%" }, { weight: 10 }))).toContain("单位“%”与评分标准的单位“天”不符");
  });
});

describe("科普展项更新: a grade in words for nothing done (科普展示内容未更新)", () => {
  const rule = parseRule(
    "优秀(占比90-100%)：科普展示更新内容达15%以上；优良(占比70-90%)：科普展示更新内容达10%以上；合格(占比60-70%)：科普展示更新内容达5%以上；不合格(占比60%以下)：科普展示内容未更新",
  );

  test("12% of a 分值 of 5 is 优良 3.5-4.5; 0% is 不合格 0-3", () => {
    expect(rule.score({ v: "12%" }, { weight: 5 })).toMatchObject({ status: "range", low: 3.5, high: 4.5 });
    expect(rule.score({ v: "0%" }, { weight: 5 })).toMatchObject({ status: "range", low: 0, high: 3 });
  });

  test("3% falls between 合格 (5%以上) and 未更新: no grade says it, so an error, never a guess", () => {
    const r = rule.score({ v: "3%" }, { weight: 5 });
    expect(r.status).toBe("error");
    expect(JSON.stringify(r)).toContain("不在评分标准的任何一个等级内");
  });
});

describe("share-graded rules that cannot be read are refused, naming the grade", () => {
  test("grades written worst first", () => {
    const e = refusal("不合格(占比60%以下)：200天以下；优秀(占比90-100%)：300天以上");
    expect(e.part).toBe("优秀(占比90-100%)：300天以上");
    expect(e.message).toContain("从高到低");
  });

  test("a condition in words among grades reached by figures", () => {
    const e = refusal("优秀(占比90-100%)：300天以上；合格(占比60-70%)：展品展项完整");
    expect(e.part).toBe("合格(占比60-70%)：展品展项完整");
    expect(e.message).toContain("等级的条件看不出是多少");
  });

  test("grades all in words (科普展示方式) are judged: the assessors pick the grade", () => {
    const rule = parseRule(
      "优秀(占比90-100%)：展品展项丰富,展板图文介绍、专业多媒体演示、互动环节等表现方式；优良(占比70-90%)：展品展项完整,有展板图文介绍、多媒体演示及互动环节等；合格(占比60-70%)：展品展项完整,具备科普教育功能；不合格(占比60%以下)：展品展项缺失损毁严重,不具备科普教育功能",
    );
    expect(rule.kind).toBe("judged");
    expect(rule.score({ v: "展品展项完整" }, { weight: 10 })).toEqual({ status: "manual" });
  });
});

test("a share-graded rule gives the first grade, best first, whose threshold the value reaches, as weight × its shares", () => {
  fc.assert(
    fc.property(
      // thresholds descending, shares descending: grade i needs ≥ t[i]; the last grade is below t[last]
      fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 2, maxLength: 4 }).map((a) => a.sort((x, y) => y - x)),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 0, max: 600 }),
      (ts, weight, value) => {
        const k = ts.length;
        // shares 100 → 90 → 70 → 60 → … (a grade's share runs from the next one's top)
        const tops = [100, 90, 70, 60, 40].slice(0, k + 1);
        const parts = ts.map((t, i) => `${"甲乙丙丁戊"[i]}等(占比${tops[i + 1]}-${tops[i]}%)：${t}天以上`);
        parts.push(`${"甲乙丙丁戊"[k]}等(占比${tops[k]}%以下)：${ts[k - 1]}天以下`);
        const rule = parseRule(parts.join("；"));
        const i = ts.findIndex((t) => value >= t);
        const [lo, hi] = i >= 0 ? [tops[i + 1], tops[i]] : [0, tops[k]];
        const r = rule.score({ v: `${value}天` }, { weight });
        const low = Math.round(weight * lo) / 100;
        const high = Math.round(weight * hi) / 100;
        if (low === high) expect(r).toMatchObject({ status: "exact", score: low });
        else expect(r).toMatchObject({ status: "range", low, high });
      },
    ),
    { numRuns: 150 },
  );
});

describe("held-out: 绍兴's 展厅/标识/视频 named by a cell that says they exist", () => {
  const rule = parseRule(
    "建有相对集中的办事服务大厅(窗口),有明确的服务事项和收费标准(3分);有全面展示综合体概况并提供产业展览、展示服务的展厅(4分);按照认定的名称,有明显、大气的综合体标识(2分);有全面宣传综合体所属产业、相关企业及产品的视频(2分)。",
  );

  test("有展厅 scores the 展厅 option's 4; all four named, 11", () => {
    expect(rule.score({ v: "有展厅" })).toMatchObject({ status: "exact", score: 4 });
    expect(rule.score({ v: "有展厅、有标识、有宣传视频，办事服务大厅已建成并公示服务事项和收费标准" })).toMatchObject({
      status: "exact",
      score: 11,
    });
  });

  test("a shortened action is still not guessed: 加挂牌子 under 加挂科技局牌子 is an error", () => {
    const r = parseRule("独立行政科技管理部门（4分）；合署办公的（2分）；加挂科技局牌子（1分）").score({ v: "加挂牌子" });
    expect(r.status).toBe("error");
  });
});

test("held-out: 接待人次 grades written in 万人次, 人次 and 人 compare in one unit", () => {
  const rule = parseRule(
    "优秀(占比90-100%)：3万人次以上；优良(占比70-90%)：1-3万人次；合格(占比60-70%)：1000-10000人；不合格(占比60%以下)：1000人次以下",
  );
  expect(rule.unit).toBe("人次");
  const got = ["35000人次", "2万人次", "10000人次", "5000人次", "800人次"].map((v) => rule.score({ v }, { weight: 10 }));
  expect(got).toMatchObject([
    { low: 9, high: 10 },
    { low: 7, high: 9 },
    { low: 7, high: 9 },
    { low: 6, high: 7 },
    { low: 0, high: 6 },
  ]);
});

test("the share may be headed 得分率 or 按分值的: the same grades", () => {
  const a = parseRule("优秀(得分率90%以上)：300天以上；合格(得分率60-90%)：200天以上；不合格(得分率60%以下)：200天以下");
  const b = parseRule("优秀(按分值的90-100%)：300天以上；合格(按分值的60-90%)：200天以上；不合格(按分值的60%以下)：200天以下");
  for (const rule of [a, b]) {
    expect(rule.kind).toBe("share-graded");
    expect(rule.score({ v: "310天" }, { weight: 10 })).toMatchObject({ status: "range", low: 9, high: 10 });
    expect(rule.score({ v: "250天" }, { weight: 10 })).toMatchObject({ status: "range", low: 6, high: 9 });
    expect(rule.score({ v: "100天" }, { weight: 10 })).toMatchObject({ status: "range", low: 0, high: 6 });
  }
});

test("新媒体科普: a grade with a figure and a second condition (自建平台) is refused, never graded by the figure alone", () => {
  const e = refusal(
    "优秀(占比90-100%)：自建网站、微信或微博平台,上传区级共享平台信息达15条以上；优良(占比70-90%)：自建微信或微博平台,上传区级科普共享平台信息量10条以上；合格(占比60-70%)：上传区级科普共享平台信息量5条以上；不合格(占比60%以下)：上传区级共享平台信息量达低于5条",
  );
  expect(e.part).toBe("优秀(占比90-100%)：自建网站、微信或微博平台,上传区级共享平台信息达15条以上");
  expect(e.message).toContain("一个等级有两项条件");
});
