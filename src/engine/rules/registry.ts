/**
 * The rule kinds, tried in order (HyperFormula-plugin style). Order matters:
 * a "酌情" clause makes any rule judged; a rule needing a figure the sheet lacks (平均, 排名) is
 * refused before anything scores it; assessors' ranges over numeric bands ("完成30%及以上(30-49)") before the families that read flat bands; a rule "按比例" of a target it states is prorated; assessors' ranges ("…的得8-10分") before banded (both have
 * "8-10"); growth, deduction, threshold and stepped read whole clauses, so they go before the kinds
 * that read looser shapes; "取最高分" before counted and categorical (it would add up); counted
 * before banded ("每家2分" has no bands); banded before categorical (both have "（N分）"); prose
 * with no score last.
 */
import { normalize } from "../normalize";
import { RuleError, type Rule } from "../types";
import { bandedPlugin } from "./banded";
import { categoricalPlugin } from "./categorical";
import { countedPlugin } from "./counted";
import { deductionPlugin } from "./deduction";
import { figuresPlugin } from "./figures";
import { growthPlugin } from "./growth";
import { highestPlugin } from "./highest";
import { discretionPlugin, judgedRangesPlugin, prosePlugin } from "./judged";
import { steppedPlugin } from "./stepped";
import { thresholdPlugin } from "./threshold";
import { gradedPlugin } from "./graded";
import { increasePlugin } from "./increase";
import { proratedPlugin } from "./prorated";
import { rangedPlugin } from "./ranged";
import { checkWriting } from "./writing";
import { shareGradesPlugin } from "./share-grades";
import { clausesOf, readClauses } from "./clauses";
import { withoutPerPersonNote } from "./notes";
import type { RulePlugin } from "./common";

export const plugins: readonly RulePlugin[] = [
  discretionPlugin,
  figuresPlugin,
  shareGradesPlugin,
  judgedRangesPlugin,
  rangedPlugin,
  proratedPlugin,
  increasePlugin,
  growthPlugin,
  deductionPlugin,
  thresholdPlugin,
  steppedPlugin,
  highestPlugin,
  gradedPlugin,
  countedPlugin,
  bandedPlugin,
  categoricalPlugin,
  prosePlugin,
];

/** Reads a rule text; throws RuleError naming the part it cannot read. */
export function parseRule(text: string): Rule {
  const inner = unwrapped(text ?? "") ?? withoutPerPersonNote(text ?? "");
  if (inner !== null) return { ...parseRule(inner), text };
  const norm = normalize(text ?? "");
  if (norm === "") throw new RuleError("评分标准是空的", "");
  checkWriting(text);
  for (const p of plugins) {
    if (p.recognizes(norm, text)) return p.parse(text, norm);
  }
  // name the first clause no family reads, where the rule has several
  try {
    if (clausesOf(text).length > 1) readClauses(text);
  } catch (e) {
    if (e instanceof RuleError) throw e;
  }
  // "每增加1人年，加1分，封顶50分": a rise with no level or year it is counted from
  const rise = clausesOf(text).find((c) => /每(?:增加|增长|提高|上升)/.test(c.norm));
  if (rise && !/达到|以上|基数|较上年|比上年|同比|较去年|比去年|平均|基础上/.test(norm)) {
    throw new RuleError(
      `评分标准第${rise.index}条“${rise.text}”无法识别：没有写明从多少开始计算增加（如“达到N…得M分”或“较上年每增加…”）`,
      rise.text,
    );
  }
  const part = text.trim();
  throw new RuleError(`评分标准“${part}”无法识别：看不出是分档、计数、选项还是评议`, part);
}

/**
 * "（加分项，每项1分，最高不超过5分）": a rule written wholly inside one bracket (a remark column's
 * way of writing it) is the text inside; a leading "加分项"/"附加分" label only names the item.
 */
function unwrapped(text: string): string | null {
  const t = text.trim();
  const m = /^[（(]([\s\S]*)[）)]$/.exec(t);
  if (!m) return null;
  // the outer pair must enclose everything: "（1）…（2分）" is not one bracket
  let depth = 0;
  for (const ch of m[1]) {
    if (ch === "（" || ch === "(") depth++;
    else if (ch === "）" || ch === ")") {
      if (--depth < 0) return null;
    }
  }
  if (depth !== 0) return null;
  const inside = m[1].replace(/^\s*(?:加分项|附加分|附加项|加分)\s*[，,:：、]\s*/, "");
  return inside.trim() === "" ? null : inside;
}
