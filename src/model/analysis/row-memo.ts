/**
 * What the 升级分析 asks a rule, remembered per rule for one report: a 分工表 repeats the same rule
 * text from row to row and year to year (ruleFor gives the same Rule object for the same text), and a
 * rule's answers depend on nothing but its inputs, so each question is put to the engine once. The
 * answers are the engine's own: the same results as asking every time.
 */
import type { Rule } from "../../engine";

export class RuleMemo {
  private readonly byRule = new WeakMap<object, Map<string, unknown>>();

  /** `compute()` the first time `key` is asked of `rule`, the remembered answer after that. */
  of<T>(rule: Rule, key: string, compute: () => T): T {
    let answers = this.byRule.get(rule);
    if (!answers) {
      answers = new Map();
      this.byRule.set(rule, answers);
    }
    if (answers.has(key)) return answers.get(key) as T;
    const v = compute();
    // bounded: keys are score levels and the values they need, a few per rule; a sheet that finds
    // more (every row a different value) starts over rather than grow
    if (answers.size >= 4096) answers.clear();
    answers.set(key, v);
    return v;
  }
}
