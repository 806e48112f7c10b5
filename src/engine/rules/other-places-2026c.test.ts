/**
 * The forms the third round of other places' texts brought (sources/other-places-2026c.json: 石城县's 2018
 * 河长制 考核细则, a city's 机构编制 评估 指标, a 2013 卫生监督协管 考评表): a bracket holding the full score
 * and its deduction ("（3分，少一次扣1分）"), 少一次/出现1例 as each one, a full score after a deduction
 * ("…扣2分（5分）"), a note of how it is checked ("查看相关会议记录"), an age that says who is counted, and a
 * penalty for not doing it ("未公示的扣0.5分") taken from the row's 权重分值.
 */
import fc from "fast-check";
import { parseRule } from "../index";
import { refusal } from "../../../test/helpers/refusal";

describe("石城县's 年内至少3次…（3分，少一次扣1分）", () => {
  const rule = parseRule("单位领导班子部署河长制相关工作，年内至少3次，查看相关会议记录（3分，少一次扣1分）。");

  test("3次 scores the full 3, 2次 scores 2, none scores 0, 5次 stays at 3", () => {
    expect(rule.kind).toBe("deduction");
    expect(rule.max).toBe(3);
    expect(rule.score({ v: "3次" })).toMatchObject({ status: "exact", score: 3 });
    expect(rule.score({ v: "2次" })).toMatchObject({ status: "exact", score: 2 });
    expect(rule.score({ v: "0次" })).toMatchObject({ status: "exact", score: 0 });
    expect(rule.score({ v: "5次" })).toMatchObject({ status: "exact", score: 3 });
  });

  test("a 少一次 with no count to fall short of is refused, naming it", () => {
    const e = refusal("结合当地实际，制订科技政策、年度科技工作计划，及时上报半年度、年度科技工作总结，5 分。少一次扣 2.5 分。");
    expect(e.part).toBe("少一次扣 2.5 分");
    expect(e.message).toContain("没有写明应达到多少");
  });
});

describe("石城县's 出现1例未处理扣2分（5分）", () => {
  test("no case scores 5, one 3, two 1, three 0 (never below 0)", () => {
    const rule = parseRule("加强河道管理，加大执法力度，严厉打击非法侵占水域岸线行为，出现1例未处理扣2分（5分）");
    expect(rule.kind).toBe("deduction");
    expect([0, 1, 2, 3].map((v) => rule.score({ v }))).toMatchObject([5, 3, 1, 0].map((score) => ({ status: "exact", score })));
  });

  test("'出现一例…扣N分（M分）': M less N per case, floored at 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 12 }), (n, m, cases) => {
        const rule = parseRule(`对违法行为严肃查处，出现一例未查处扣${n}分（${m}分）`);
        expect(rule.max).toBe(m);
        expect(rule.score({ v: cases })).toMatchObject({ status: "exact", score: Math.max(0, m - n * cases) });
      }),
      { numRuns: 120 },
    );
  });
});

describe("机构编制 评估's 35岁及以下的不低于总数的20%，得1分;每低1%，扣0.05分", () => {
  const rule = parseRule("科级领导干部中35岁及以下的不低于总数的20%，得1分;每低1%，扣0.05分");

  test("38.46% and 20% score 1; 15% (5 points short) scores 0.75; 17.5% is two whole points short: 0.9", () => {
    expect(rule.score({ v: "38.46%" })).toMatchObject({ status: "exact", score: 1 });
    expect(rule.score({ v: "20%" })).toMatchObject({ status: "exact", score: 1 });
    expect(rule.score({ v: "15%" })).toMatchObject({ status: "exact", score: 0.75 });
    expect(rule.score({ v: "17.5%" })).toMatchObject({ status: "exact", score: 0.9 });
  });

  test("the age is who is counted, not the condition: 35% is not read as the edge", () => {
    expect(rule.score({ v: "34%" })).toMatchObject({ status: "exact", score: 1 });
  });
});

describe("卫生监督 考评表's 未公示的扣0.5分 (the 分值 stands in the row's 权重分值)", () => {
  test("已公示 scores the weight 0.5, 未公示 scores 0; 是/否 say the same", () => {
    const rule = parseRule("未公示的扣0.5分。");
    expect(rule.kind).toBe("graded");
    expect(rule.max).toBeNull();
    expect(rule.score({ v: "已公示" }, { weight: 0.5 })).toMatchObject({ status: "exact", score: 0.5 });
    expect(rule.score({ v: "未公示" }, { weight: 0.5 })).toMatchObject({ status: "exact", score: 0 });
    expect(rule.score({ v: "是" }, { weight: 0.5 })).toMatchObject({ status: "exact", score: 0.5 });
    expect(rule.score({ v: "否" }, { weight: 0.5 })).toMatchObject({ status: "exact", score: 0 });
  });

  test("without a 权重分值 there is nothing to deduct from: an error saying so", () => {
    const r = parseRule("未落实专帐管理专项核算的，扣1分。").score({ v: "已落实" });
    expect(r.status).toBe("error");
    expect(JSON.stringify(r)).toContain("没有权重分值");
  });

  test("a cell that says neither is asked about, never guessed", () => {
    const r = parseRule("未落实专帐管理专项核算的，扣1分。").score({ v: "基本落实" }, { weight: 1 });
    expect(r.status).toBe("error");
  });

  test("'未X的扣p分' under a weight w: w when done, w − p (not below 0) when not", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("公示", "建立工作台账", "按时上报", "开展培训"),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (what, p2, w2) => {
          const [p, w] = [p2 / 4, w2 / 4];
          const rule = parseRule(`未${what}的扣${p}分`);
          expect(rule.score({ v: `已${what}` }, { weight: w })).toMatchObject({ status: "exact", score: w });
          expect(rule.score({ v: `未${what}` }, { weight: w })).toMatchObject({ status: "exact", score: Math.max(0, w - p) });
        },
      ),
      { numRuns: 120 },
    );
  });

  test("several kinds of lapse, each its own deduction, stay refused (one count cannot say which)", () => {
    expect(refusal("每迟报一次扣0.5分，漏报一次扣1分；扣完为止。").message).toContain("无法识别");
  });
});

describe("杭州市 小微企业园 评价's per-item forms", () => {
  test("A、B、C、D类人才 每人次分别3分、2分、1.5分、1分: 'A类1人次、C类2人次' scores 3 + 2×1.5 = 6; '3人次' is the range 3–9", () => {
    const rule = parseRule(
      "根据杭州市高层次人才分类目录标准，评价年度内园区企业新认定A、B、C、D类人才的，每人次分别3分、2分、1.5分、1分。",
    );
    expect(rule.kind).toBe("counted");
    expect(rule.score({ v: "A类1人次、C类2人次" })).toMatchObject({ status: "exact", score: 6 });
    expect(rule.score({ v: "3人次" })).toMatchObject({ status: "range", low: 3, high: 9 });
  });

  test("'同一企业(机构)不重复计算' is a note on counting a firm once: 国家级1项、市级2项 scores 3 + 2×1 = 5", () => {
    const rule = parseRule("评价年度内园区新增国家级、省级、市级企业研发机构的，每 项分别得3分、2分、1分。同一企业(机构)不重复计算。");
    expect(rule.kind).toBe("counted");
    expect(rule.score({ v: "国家级1项、市级2项" })).toMatchObject({ status: "exact", score: 5 });
  });

  test("an amount that describes the item (形成500万元及以上产出的) is no count: 2项 scores 2", () => {
    const rule = parseRule("园区与科研院所建立合作关系，在园区开展科研成果转移转化 并在评价年度形成500万元及以上产出的，每项得1分。");
    expect(rule.score({ v: "2项" })).toMatchObject({ status: "exact", score: 2 });
  });

  test("a count before its noun after 以上 (合作3个以上项目的，得3分): 3 and 4 score 3, 2 scores 0", () => {
    const rule = parseRule(
      "园区与杭州市范围内的其他小微园形成合作关系，进行管理服务输出，评价年度内取得产业、科创合作3个以上项目的，得3分。",
    );
    expect(rule.kind).toBe("threshold");
    expect([4, 3, 2].map((v) => rule.score({ v }))).toMatchObject([3, 3, 0].map((score) => ({ status: "exact", score })));
  });

  test("a threshold inside a per-item list is still refused ('超过5个以上计5分')", () => {
    expect(refusal("引进新技术、成果、新机具每项3分。引进新品种3分，超过5个以上计5分。").message).toContain("含有数量条件");
  });
});

describe("the same forms written other ways", () => {
  test("少一天扣0.5分（10分） after 不少于20天: 18天 scores 9, 25天 scores 10", () => {
    const rule = parseRule("科技特派员全年服务不少于20天，少一天扣0.5分（10分）");
    expect(rule.kind).toBe("deduction");
    expect(rule.score({ v: 18 })).toMatchObject({ status: "exact", score: 9 });
    expect(rule.score({ v: 25 })).toMatchObject({ status: "exact", score: 10 });
  });

  test("each item of a kind an amount describes (每引进一个投资5000万元以上的项目得1分，最高不超过5分): 3 → 3, 7 → 5", () => {
    const rule = parseRule("每引进一个投资5000万元以上的项目得1分，最高不超过5分");
    expect(rule.kind).toBe("counted");
    expect(rule.score({ v: "3个" })).toMatchObject({ status: "exact", score: 3 });
    expect(rule.score({ v: "7个" })).toMatchObject({ status: "exact", score: 5 });
  });

  test("a penalty rule's cell may name the thing done in short: '按时报送' under 未按时报送统计报表的扣1分 scores the weight", () => {
    const rule = parseRule("未按时报送统计报表的扣1分");
    expect(rule.score({ v: "按时报送" }, { weight: 2 })).toMatchObject({ status: "exact", score: 2 });
    expect(rule.score({ v: "未按时报送" }, { weight: 2 })).toMatchObject({ status: "exact", score: 1 });
  });
});

describe("what the held-out third of the round found (fixed after the check)", () => {
  test("a deduction per case is no categorical option: 业务办理（1分）。…每例扣0.1分 is refused, not read as options worth 1 + 4×0.1", () => {
    const e = refusal(
      "业务办理（1分）。未按规定进行用编用职审核的，每例扣0.1分；未及时维护实名制系统的，每例扣0.1分；未在规定时间内办理统一社会信用代码赋码的，每例扣0.1分；未在规定时间内办理事业单位登记或变更登记的，每例扣0.1分",
    );
    expect(e.part).toBe("未按规定进行用编用职审核的，每例扣0.1分");
    expect(e.message).toContain("不是可选的加分项");
  });

  test("'A或B' names either thing: 上市企业1家、国家高新技术企业2家 scores 3 + 2×1 = 5 (it was the range 4–11)", () => {
    const rule = parseRule(
      "评价年度内园区内企业每新增一家国家级制造业单项冠军得4分；每新增一家上市企业得3分；每新增一家国家级专精特新小巨人或省级隐形冠军企业得2分；每新增一家省专精特新中小企业或国家高新技术企业得1分；每新增一家创新型中小企业得0.5分。同一企业不重复计算。",
    );
    expect(rule.score({ v: "上市企业1家、国家高新技术企业2家" })).toMatchObject({ status: "exact", score: 5 });
    expect(rule.score({ v: "国家级制造业单项冠军1家" })).toMatchObject({ status: "exact", score: 4 });
  });

  test("'…，得5分；出现不配合现象不得分': 是 scores 5, a cell saying 出现不配合现象 scores 0", () => {
    const rule = parseRule("配合县河长办调配抽调人员开展督查、执法等工作，得5分；出现不配合现象不得分。");
    expect(rule.score({ v: "是" })).toMatchObject({ status: "exact", score: 5 });
    expect(rule.score({ v: "出现不配合现象" })).toMatchObject({ status: "exact", score: 0 });
  });

  test("'…10例以上（含简易案件）;否则按完成比例得分（15分）': 10例 and 12例 score 15, 6例 scores 9, 3例 4.5", () => {
    const rule = parseRule(
      "对依法依规查处破坏渔业资源案件，严厉查处电、毒、炸鱼等非法捕捞行为，年内全县查处非法捕捞案件10例以上（含简易案件）;否则按完成比例得分（15分）。",
    );
    expect(rule.kind).toBe("prorated");
    expect(["12例", "10例", "6例", "3例"].map((v) => rule.score({ v }))).toMatchObject(
      [15, 15, 9, 4.5].map((score) => ({ status: "exact", score })),
    );
  });

  test("按完成比例 with no target in the rule is still refused, naming the clause", () => {
    const e = refusal("继续推动水库水环境综合整治，基本实现人放天养，按完成比例得分（5分）");
    expect(e.part).toBe("按完成比例得分（5分）");
    expect(e.message).toContain("要写明一个目标值");
  });
});
