/**
 * Step rules (stepped, threshold, deduction) for the 分享版 tests, each with the weight its row
 * needs, and the values around every edge and every whole step of each — written by hand here so
 * the tests do not depend on the fixtures' wording.
 */
import { ruleFor } from "../../src/engine";
import { Rational } from "../../src/engine/decimal";
import type { StepRule } from "../../src/engine/rules/steps";

export const STEP_RULES: { rule: string; weight?: number }[] = [
  { rule: "≥30%（10分）；20%-30%（8分）；10%-20%（5分）；10%以下（0分）" },
  { rule: "A.30%以上得10分；B.20%（含）-30%得8分；C.10%（含）-20%得5分；D.10%以下不得分。" },
  { rule: "（1）超过30%（10分）；（2）20%（不含）-30%（含）（8分）；（3）20%及以下（3分）" },
  { rule: "新增高新技术企业10家以上（5分）；5-10家（3分）；1-5家（1分）" },
  { rule: "达到1.5%得满分，否则不得分", weight: 6 },
  { rule: "不低于1%（6分）" },
  { rule: "投入达到200万元得1分，每增加100万元加1分，最高5分" },
  { rule: "研发经费投入超过500万元的，得2分；每多投入100万元，加0.5分，加满4分为止。" },
  { rule: "投入达到0.3亿元得1分，每增加0.1亿元加0.25分，最高3分" },
  { rule: "研发投入强度达到2%得3分，每增加0.1个百分点加0.2分，最高5分" },
  { rule: "在10%-20%之间得5分；20%以上计8分；10%以下记2分" },
  { rule: "按时报送得满分，每迟报1次扣0.5分，扣完为止", weight: 2 },
  { rule: "开展科普活动不少于6次，少于6次的，每少1次扣1分", weight: 5 },
  { rule: "本项满分3分，每发现1起安全事故扣1分，扣完为止。" },
  // a bound on the steps either way around a base that is the row's weight (椒江区科技型小微企业自评表)
  { rule: "1.研发人员占职工总数比例的5%以上，得基本分；每增减1个百分点加减1分；2.最高加减分不得超过5分。", weight: 10 },
  { rule: "1.研发经费占销售收入总额的5%以上，得基本分；每增减0.5个百分点加减1分；2.最高加减分不得超过10分。", weight: 20 },
  // items counted up to a full 基本分, then a bonus bounded by the 基本分值 (江苏 开发区 考核办法, JS3)
  {
    rule: "每投产或开工总投资一个2亿元以上项目或2000万美元以上项目的得1分，达到8个项目得满基本分，每超一个加1分，加分最高不超过基本分值。",
    weight: 8,
  },
];

/** Values around every edge (±0.01, ±0.0001) and every whole step of the rule, in its unit, ≥ 0. */
export function stepSweep(text: string, weight?: number): number[] {
  const rule = ruleFor(text) as StepRule;
  const out = new Set<string>(["0"]);
  const add = (x: Rational) => {
    if (x.sign() >= 0) out.add(x.toDecimalString());
  };
  const eps = [Rational.ZERO, Rational.parse("0.01"), Rational.parse("-0.01"), Rational.parse("0.0001"), Rational.parse("-0.0001")];
  for (const p of rule.pieces) {
    for (const e of [p.low, p.high]) if (e) for (const d of eps) add(e.at.add(d));
    if (p.step) {
      // far enough either way to pass a bound on the steps ("最高加减分不得超过10分")
      // or a bound on what they add ("加分最高不超过基本分值": a share of the weight)
      const bound = rule.swing ?? (rule.bonus ? rule.bonus.max * (rule.bonus.share ? (weight ?? 1) : 1) : null);
      const reach = bound === null ? 6 : Math.max(6, Math.ceil(bound / Math.abs(p.step.per.toNumber())) + 2);
      for (let k = -Math.max(3, reach); k <= reach; k++) {
        const at = p.step.origin.add(p.step.size.mul(k));
        for (const d of eps) add(at.add(d));
      }
    }
  }
  let xs = [...out].map(Number).sort((a, b) => a - b);
  if (rule.wholeCount) xs = [...new Set(xs.map((x) => Math.round(x)))].filter((x) => x >= 0);
  const top = rule.pieces[rule.pieces.length - 1];
  if (top.high) xs = xs.filter((x) => (top.high!.inclusive ? x <= top.high!.at.toNumber() : x < top.high!.at.toNumber()));
  return xs;
}
