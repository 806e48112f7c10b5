/**
 * Steps over last year's level: "高新技术企业数较上年每新增1家得1分，最高5分", "净增数每增加1家得0.5分".
 * The 分工表 writes the level (60家); the increase is this year's level minus last year's in the same
 * row (the year column before) — the explanation says it used it. A value written "新增3家"/"净增3家"
 * is the increase itself. Without last year's level the cell cannot be scored: said so, never the
 * level read as the increase. Whole steps, floored at 0, capped where the rule says.
 */
import { Rational } from "../decimal";
import { readValue } from "../values";
import { RuleError, type ScoreContext, type ValueInput } from "../types";
import { clausesOf, clauseError, readClause } from "./clauses";
import { NUM, valueError, type RulePlugin } from "./common";
import { makeStepRule, type StepRule, type StepSpec, WHOLE_UNITS } from "./steps";

const OVER_LAST_YEAR = new RegExp(
  String.raw`^(.*?)(?:较上年|比上年|与上年相比|同比)?(?:净增(?:数|量)?|较上年|比上年|与上年相比|同比)(.*?)每(?:新增|增加|增长|多|净增)?(${NUM}|一)?(家|个|项|件|人|次|篇|所|座|名|[百千万亿]*元)(?:的)?,?(?:可?得|加|计|记)(${NUM})分$`,
);
const SAYS_LAST_YEAR = /较上年|比上年|与上年相比|同比|净增/;

function increaseReader(unit: string, whole: boolean): StepSpec["read"] {
  return (input: ValueInput, context: ScoreContext | undefined) => {
    const text = typeof input.v === "string" ? input.v.trim() : "";
    if (/^(?:新增|净增|增加)/.test(text)) {
      const r = readValue({ ...input, v: text.replace(/^(?:新增|净增|增加)/, "") }, unit);
      if (r.status !== "value") return r;
      if (whole && !r.value.isInteger()) return valueError(`数量应为整数（${r.value.toDecimalString()}${unit}）`);
      const added = r.value;
      return { value: added, note: () => `填写的是新增数${added.toDecimalString()}${unit}` };
    }
    const now = readValue(input, unit);
    if (now.status !== "value") return now;
    const prevInput = context?.previousInput;
    const prev = prevInput ? readValue(prevInput, unit) : ({ status: "no-value" } as const);
    if (prev.status === "error") return valueError(`上一年的数值无法读出（${prev.message}），算不出新增数`);
    if (prev.status !== "value") {
      return valueError(
        `按较上年新增计分：本格是总数，需要同一行上一年的数值才能算出新增数，但上一年没有数值（或直接填写新增数，如“新增3${unit}”）`,
      );
    }
    const d = now.value.sub(prev.value);
    return {
      value: d.sign() < 0 ? Rational.ZERO : d,
      note: () =>
        `上一年${prev.value.toDecimalString()}${unit}，本年${now.value.toDecimalString()}${unit}，新增${d.toDecimalString()}${unit}`,
    };
  };
}

/** The level a target needs: last year's level plus the increase; null without last year's level. */
function withLevel(rule: StepRule, unit: string): StepRule {
  return {
    ...rule,
    required: () => null,
    needed(goal, options = {}) {
      const inc = rule.needed?.(goal, { ...options, precision: undefined });
      if (inc === null || inc === undefined || !options.previousInput) return null;
      const prev = readValue(options.previousInput, unit);
      return prev.status === "value" ? prev.value.add(Rational.fromNumber(inc)).toNumber() : null;
    },
  };
}

export function parseIncrease(text: string): StepRule {
  const cs = clausesOf(text);
  const m = OVER_LAST_YEAR.exec(cs[0]?.norm ?? "");
  if (!m || !SAYS_LAST_YEAR.test(cs[0].norm)) throw new RuleError(`评分标准“${text.trim()}”无法识别：看不懂较上年新增的计分`, text.trim());
  const [, , , stepN, unit, per] = m;
  let cap: Rational | null = null;
  for (const c of cs.slice(1)) {
    const r = readClause(c);
    if (r?.shape === "cap") cap = r.max;
    else if (r?.shape === "full") cap = r.n;
    else if (!(r?.shape === "floor" && r.min.isZero())) throw clauseError(c, "看不懂这一条");
  }
  const size = stepN === undefined || stepN === "一" ? Rational.ONE : Rational.parse(stepN);
  const whole = WHOLE_UNITS.test(unit);
  return withLevel(
    makeStepRule({
      kind: "increase",
      text,
      unit,
      pieces: [
        {
          low: { at: Rational.ZERO, inclusive: true, explicit: true },
          high: null,
          base: Rational.ZERO,
          step: { origin: Rational.ZERO, size, per: Rational.parse(per) },
          text: cs[0].text,
        },
      ],
      cap,
      floor: Rational.ZERO,
      full: null,
      precision: 0,
      wholeCount: whole,
      read: increaseReader(unit, whole),
    }),
    unit,
  );
}

export const increasePlugin: RulePlugin = {
  kind: "increase",
  recognizes: (norm) =>
    SAYS_LAST_YEAR.test(norm) &&
    /每(?:新增|增加|增长|多|净增)?(?:\d+(?:\.\d+)?|一)?[百千万亿]*[家个项件人次篇所座名元]/.test(norm) &&
    !/%|百分点/.test(norm),
  parse: (text) => parseIncrease(text),
};
