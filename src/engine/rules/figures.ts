/**
 * Rules that need a figure the 分工表 does not hold — an average of other places, a ranking, a task
 * set by the level above: "高于全市平均水平得5分", "排名前3名得10分", "完成上级下达任务得满分".
 * They are refused with the missing figure named, never scored.
 */
import { RuleError } from "../types";
import { clausesOf } from "./clauses";
import type { RulePlugin } from "./common";

const FIGURES: [RegExp, string][] = [
  [/(?:全国|全省|全市|全区|全县|全州|全盟|各县|各区|同类|平均)[^,;。]{0,6}平均(?:水平|值|数)?|平均(?:水平|值|数)/, "平均水平"],
  [/排名|排序|名次|位次|前\d+名|后\d+名|前[一二三四五六七八九十]+名|后[一二三四五六七八九十]+名|第[一二三四五六七八九十\d]+名/, "排名"],
  [/上级下达|下达(?:的)?(?:任务|目标|指标)|任务数|任务量|目标任务|计划任务/, "上级下达的任务数"],
];

export function missingFigure(norm: string): string | null {
  for (const [re, name] of FIGURES) if (re.test(norm)) return name;
  return null;
}

export const figuresPlugin: RulePlugin = {
  kind: "judged",
  recognizes: (norm) => missingFigure(norm) !== null && /\d(?:\.\d+)?分|满分/.test(norm),
  parse: (text) => {
    const c = clausesOf(text).find((x) => missingFigure(x.norm) !== null);
    const part = c?.text ?? text.trim();
    const fig = missingFigure(c?.norm ?? text)!;
    throw new RuleError(`评分标准“${part}”要用到表中没有的数据（${fig}），无法计算得分；请手工填写得分`, part);
  },
};
