/**
 * Growth over last year, base ± steps: "较上年增长10%得基本分4分，每增加1个百分点加0.5分，每减少1个百分点
 * 减0.5分，最高6分，最低0分".
 *
 * What the value cell holds: a value written as a percentage ("12%", "12个百分点", a cell formatted
 * 0.0%) is the growth rate itself; any other value is the level (e.g. 2489万元), and the growth is
 * (level − last year's level) / last year's level, last year's level being the previous year column
 * of the same row. Without last year's level the cell cannot be scored — said so, never guessed.
 */
import { isPercentFormat, readValue } from "../values";
import type { ScoreContext, ValueInput } from "../types";
import { readClauses, tryReadClauses, type Reading } from "./clauses";
import { assemble } from "./assemble";
import { makeStepRule, type StepRule, type StepSpec } from "./steps";
import { shortDecimal, valueError, type RulePlugin } from "./common";
import { isGrowth } from "./threshold";

export function looksGrowth(rs: Reading[]): boolean {
  const bands = rs.filter((r): r is Extract<Reading, { shape: "band" }> => r.shape === "band");
  if (!bands.some((b) => isGrowth(b.cond.subject))) return false;
  return (
    rs.every((r) => ["band", "step", "cap", "floor", "else-zero", "full", "swing", "bonus"].includes(r.shape)) &&
    bands.every((b) => !("lo" in b.score) && !b.required)
  );
}

function isRate(input: ValueInput): boolean {
  if (typeof input.v === "number") return isPercentFormat(input.numFmt);
  return typeof input.v === "string" && /[%％]|百分点/.test(input.v);
}

const growthReader: StepSpec["read"] = (input: ValueInput, context: ScoreContext | undefined) => {
  if (isRate(input)) {
    const r = readValue(input, "%", { allowNegative: true });
    if (r.status !== "value") return r;
    const rate = r.value;
    return { value: rate, note: () => `填写的是增长率${rate.toDecimalString()}%` };
  }
  const now = readValue(input, null);
  if (now.status !== "value") return now;
  const prevInput = context?.previousInput;
  const prev = prevInput ? readValue(prevInput, null) : ({ status: "no-value" } as const);
  if (prev.status === "error") return valueError(`上一年的数值无法读出（${prev.message}），算不出增长率`);
  if (prev.status !== "value") {
    return valueError("按增长率计分：本格是水平值，需要同一行上一年的数值才能算出增长率，但上一年没有数值（或直接填写增长率，如“12%”）");
  }
  if (now.unit !== null && prev.unit !== null && now.unit !== prev.unit) {
    return valueError(`本年单位“${now.unit}”与上一年单位“${prev.unit}”不同，算不出增长率`);
  }
  if (prev.value.isZero()) return valueError("上一年的数值为0，算不出增长率");
  const g = now.value.sub(prev.value).div(prev.value).mul(100);
  const u = now.unit ?? prev.unit ?? "";
  return {
    value: g,
    note: () => `上一年${prev.value.toDecimalString()}${u}，本年${now.value.toDecimalString()}${u}，增长${shortDecimal(g)}%`,
  };
};

export function parseGrowth(text: string): StepRule {
  const a = assemble(readClauses(text), { signed: true });
  return makeStepRule({ kind: "growth", text, ...a, unit: "%", wholeCount: false, read: growthReader });
}

export const growthPlugin: RulePlugin = {
  kind: "growth",
  recognizes: (_norm, text) => {
    const rs = tryReadClauses(text);
    return rs !== null && looksGrowth(rs);
  },
  parse: (text) => parseGrowth(text),
};
