/**
 * The rule kinds, tried in order (HyperFormula-plugin style). Order matters:
 * a "酌情" clause makes any rule judged; counted before banded ("每家2分" has no bands);
 * banded before categorical (both have "（N分）"); prose with no score last.
 */
import { normalize } from "../normalize";
import { RuleError, type Rule } from "../types";
import { bandedPlugin } from "./banded";
import { categoricalPlugin } from "./categorical";
import { countedPlugin } from "./counted";
import { discretionPlugin, prosePlugin } from "./judged";
import type { RulePlugin } from "./common";

export const plugins: readonly RulePlugin[] = [discretionPlugin, countedPlugin, bandedPlugin, categoricalPlugin, prosePlugin];

/** Reads a rule text; throws RuleError naming the part it cannot read. */
export function parseRule(text: string): Rule {
  const norm = normalize(text ?? "");
  if (norm === "") throw new RuleError("评分标准是空的", "");
  for (const p of plugins) {
    if (p.recognizes(norm, text)) return p.parse(text, norm);
  }
  const part = text.trim();
  throw new RuleError(`评分标准“${part}”无法识别：看不出是分档、计数、选项还是评议`, part);
}
