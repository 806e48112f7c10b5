/**
 * One indicator row of a 分工表 scored: its rule read, each year's value scored and compared with
 * the score written, the row's maximum (the rule's, the weight's, or a 基本分 with its swing), the
 * target analysis (what the target value needs, whether it can be reached, the gap from the year
 * before), and the cells to write. computePlan (./plan.ts) adds the rows up.
 */
import { Rational, isPercentFormat, ruleFor } from "../engine";
import type { CellScalar, Rule, ScoreResult, ValueInput } from "../engine/types";
import { RuleError } from "../engine/types";
import { fmt } from "./fmt";
import { flat } from "./flat-text";
import { SheetView, address, compact, scalarText } from "./sheet";
import type { CellWrite, Flag, IndicatorPlan, Layout, ScoreCell } from "./types";

/** Full-width digits and point ("２４８９．５") as ASCII; the text itself when it has none. */
function halfWidthDigits(text: string): string {
  return /[０-９．]/.test(text) ? text.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : text;
}

/** "5" / 5 / "5分" / "５" → 5; anything else → null. */
export function numberOf(v: CellScalar): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = halfWidthDigits(v)
    .replace(/[\s\u3000]+/g, "")
    .replace(/分$/, "");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** Decimal places of a decimal text ("0.35" → 2, "2489" → 0). */
function placesOf(digits: string): number {
  const dot = digits.indexOf(".");
  return dot < 0 ? 0 : digits.length - dot - 1;
}

/** A digit, half- or full-width ("５")? */
function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Decimal places of the first number in a text ("2489.5万元" → 1, "27家" → 0, "３．５" → 1), as
 * /\d+(?:\.\d+)?/ finds it on the half-width text; null when it has no digit. Read in place: a
 * row's value cells are read for every row.
 */
export function placesInText(text: string): number | null {
  const n = text.length;
  let i = 0;
  while (i < n && !isDigitAt(text, i)) i++;
  if (i === n) return null;
  while (i < n && isDigitAt(text, i)) i++;
  const point = text.charCodeAt(i);
  if ((point !== 46 && point !== 0xff0e) || !isDigitAt(text, i + 1)) return 0;
  let j = i + 1;
  while (j < n && isDigitAt(text, j)) j++;
  return j - i - 1;
}

/**
 * Decimals the row's 情况/目标 values are written in ("2489万元" → 0, "0.35%" or 0.0035 shown as 0.35% → 2),
 * the most over the row; undefined when no cell holds a number (the rule's own precision is used).
 */
function rowPrecision(view: SheetView, row: number, layout: Layout): number | undefined {
  let best: number | undefined;
  for (const y of layout.years) {
    if (y.valueCol === null) continue;
    const c = view.cell(row, y.valueCol);
    let places: number | null = null;
    if (typeof c?.v === "number" && Number.isFinite(c.v)) {
      const percent = isPercentFormat(c.numFmt);
      const shown = String(c.v);
      if (!shown.includes("e")) {
        // the shortest text has no trailing zeros: ×100 (a % format) moves the point two places
        places = percent ? Math.max(0, placesOf(shown) - 2) : placesOf(shown);
      } else {
        const x = Rational.fromNumber(c.v);
        places = placesOf((percent ? x.mul(100) : x).toDecimalString());
      }
    } else if (typeof c?.v === "string") {
      places = placesInText(c.v);
    }
    if (places === null) continue;
    best = best === undefined ? places : Math.max(best, places);
  }
  return best;
}

function withUnit(x: number, unit: string | null): string {
  return `${fmt(x)}${unit ?? ""}`;
}

export interface RowContext {
  view: SheetView;
  layout: Layout;
  row: number;
  /** lay the row's messages flat (./flat-text.ts): worth it only when thousands of rows are kept */
  keepFlat: boolean;
  /** make the English texts too (PlanOptions.english) */
  english: boolean;
  /** say why each write is made (PlanOptions.writeReasons) */
  writeReasons: boolean;
}

/**
 * From this many indicator rows on, each row's messages are laid flat as they are made. A county's
 * table keeps a few KB of them, and flattening would cost ~10% of its plan for nothing; a
 * 100,000-row table keeps ~65 MB more as ropes.
 */
export const FLAT_FROM_ROWS = 1000;

/**
 * The row's departments as one text: the 责任/牵头单位 cell, and a 配合单位 cell beside it written as
 * "牵头：…；配合：…" — the form splitDepartments reads roles from (按责任单位 shows both).
 */
function departmentsOf(view: SheetView, row: number, cols: Layout["columns"]): string {
  const lead = cols.dept === null ? "" : view.text(row, cols.dept, true);
  const support = cols.support === undefined || cols.support === null ? "" : view.text(row, cols.support, true);
  if (!support) return lead;
  return lead ? `牵头：${lead}；配合：${support}` : `配合：${support}`;
}

export function scoreRow(ctx: RowContext, category: string): { indicator: IndicatorPlan; writes: CellWrite[] } {
  const { view, layout, row } = ctx;
  // an English text is made only for a host that shows English; otherwise it is left empty
  const english = ctx.english;
  const cols = layout.columns;
  const name = compact(view.text(row, cols.name));
  const ruleText = view.text(row, cols.rule);
  const ruleCell = address(row, cols.rule);
  const weight = cols.weight === null ? null : numberOf(view.cell(row, cols.weight)?.v ?? null);
  const flags: Flag[] = [];
  const writes: CellWrite[] = [];

  let rule: Rule | null = null;
  let ruleMessage = "";
  // what is wrong with the rule cell, in Chinese and English, without the cell's address
  let problem: [string, string] | null = null;
  const ruleValue = view.cell(row, cols.rule)?.v ?? null;
  if (!ruleText) {
    problem = ["评分标准为空", "the scoring rule is empty"];
  } else if (typeof ruleValue === "object" && ruleValue !== null) {
    problem = [`评分标准是错误值 ${ruleValue.error}`, `the scoring rule cell holds the error value ${ruleValue.error}`];
  } else if (typeof ruleValue === "boolean") {
    const b = ruleValue ? "TRUE" : "FALSE";
    problem = [`评分标准是逻辑值 ${b}`, `the scoring rule cell holds the logical value ${b}`];
  } else {
    try {
      rule = ruleFor(ruleText);
    } catch (e) {
      const part = e instanceof RuleError ? e.part : ruleText;
      problem = [e instanceof Error ? e.message : String(e), `cannot read the scoring rule at “${part}”`];
    }
  }
  // a flag on the rule cell: the English made only when asked for
  const flagRule = (message: string, messageEn: () => string) =>
    flags.push({ code: "rule-error", column: null, cell: ruleCell, message, messageEn: english ? messageEn() : "" });
  if (problem) {
    ruleMessage = `${ruleCell}：${problem[0]}`;
    const why = problem[1];
    flagRule(ruleMessage, () => `${ruleCell}: ${why}`);
  }

  let max: number | null = rule ? rule.max : null;
  // "得基本分" with no number: the base is the 权重分值 and the steps may pass it, as far as the text lets them
  const fromWeight = rule?.baseFromWeight && weight !== null ? rule.baseFromWeight.max(weight) : undefined;
  // …and a text that bounds them neither way leaves a score above the weight unsettled (flagged per cell)
  const unboundedAboveWeight = fromWeight === null;
  // the maximum the rule states must be the row's 权重分值: a conflict is flagged and nothing is written
  let maxConflict = false;
  if (
    rule &&
    fromWeight === undefined &&
    rule.max !== null &&
    weight !== null &&
    Math.abs(rule.max - weight) > 1e-9 &&
    rule.kind !== "banded" &&
    rule.kind !== "counted" &&
    rule.kind !== "categorical"
  ) {
    maxConflict = true;
    const [ruleMax, w] = [rule.max, weight];
    flagRule(
      `${ruleCell}：评分标准的最高分 ${fmt(ruleMax)} 与权重分值 ${fmt(w)} 不一致，未改写该行得分`,
      () => `${ruleCell}: the rule's maximum ${fmt(ruleMax)} differs from the weight ${fmt(w)}; the row is not written`,
    );
  }
  if (fromWeight !== undefined && fromWeight !== null && fromWeight < weight! - 1e-9) {
    // "最高8分" under a base of 10: the cap cuts the base itself
    maxConflict = true;
    const [w, top] = [weight!, fromWeight];
    flagRule(
      `${ruleCell}：评分标准以权重分值 ${fmt(w)} 为基本分，但最高只得 ${fmt(top)} 分，前后矛盾，未改写该行得分`,
      () => `${ruleCell}: the rule's base is the weight ${fmt(w)} but its maximum is ${fmt(top)}; the row is not written`,
    );
  }
  if (fromWeight !== undefined) max = fromWeight;
  else if (weight !== null) max = max === null ? weight : Math.min(max, weight);
  const unit = rule?.unit ?? null;

  const scores: ScoreCell[] = [];
  let previous: ScoreResult | undefined;
  let previousInput: ValueInput | undefined;
  const inputs: (ValueInput | undefined)[] = [];
  for (const y of layout.years) {
    const cell = address(row, y.scoreCol);
    const scoreData = view.cell(row, y.scoreCol);
    const stated = numberOf(scoreData?.v ?? null);
    // a score cell that holds text or an error value: no number, but not empty either
    const notNumber = stated === null ? scalarText(scoreData?.v ?? null) : "";
    const valueData = y.valueCol === null ? undefined : view.cell(row, y.valueCol);
    const valueCell = y.valueCol === null ? null : address(row, y.valueCol);
    const input: ValueInput = { v: valueData?.v ?? null, numFmt: valueData?.numFmt };
    inputs.push(y.valueCol === null ? undefined : input);
    const sc: ScoreCell = {
      column: y.label,
      kind: y.kind,
      cell,
      valueCell,
      value: null,
      valueText: scalarText(input.v),
      stated,
      computed: null,
      range: null,
      status: "error",
      message: "",
    };
    if (!rule) {
      sc.message = ruleMessage;
      scores.push(sc);
      continue;
    }
    const result = y.valueCol === null ? ({ status: "no-value" } as ScoreResult) : rule.score(input, { previous, previousInput, weight });
    previous = result;
    previousInput = y.valueCol === null ? undefined : input;
    switch (result.status) {
      case "exact": {
        sc.value = result.value;
        if (unboundedAboveWeight && result.score > weight! + 1e-9) {
          // base = weight, steps up with no bound: capping at the weight and passing it are both readings
          sc.status = "error";
          sc.message = `按评分标准为 ${fmt(result.score)} 分，超过权重分值 ${fmt(weight!)} 分；评分标准没有写最高分或加减分上限，无法确定是否以权重分值封顶，未改写`;
          flags.push({
            code: "rule-error",
            column: y.label,
            cell,
            message: `${cell}：${y.label}年${sc.message}（请在评分标准中写明最高分，如“最高加减分不得超过5分”）`,
            messageEn: english
              ? `${cell}: the rule gives ${fmt(result.score)} for ${y.label}, above the weight ${fmt(weight!)}; it states no maximum, so whether the weight caps it is not settled; not written`
              : "",
          });
          break;
        }
        const computed = max !== null ? Math.min(result.score, max) : result.score;
        // each number is formatted once, and only for the messages that show it
        const agrees = stated !== null && Math.abs(stated - computed) < 1e-9;
        const shownComputed = agrees ? "" : fmt(computed);
        const shownStated = agrees || stated === null ? "" : fmt(stated);
        // the weight (or the rule's own maximum) cut the score: every explanation says so
        const capped =
          computed < result.score - 1e-9
            ? `，按${weight !== null && Math.abs(computed - weight) < 1e-9 ? "权重分值" : "最高分"} ${fmt(computed)} 分封顶`
            : "";
        const cappedEn = english && capped ? `, capped at ${fmt(computed)}` : "";
        sc.computed = computed;
        if (stated === null) {
          sc.status = "ok";
          sc.message = `${notNumber ? `得分“${notNumber}”不是数字` : "得分为空"}，按规则应为 ${shownComputed}${capped}`;
        } else if (agrees) {
          sc.status = "ok";
          if (capped) sc.message = `按规则为 ${fmt(result.score)}${capped}`;
        } else {
          sc.status = "mismatch";
          sc.message = `填写的得分 ${shownStated} 与规则不符，按规则应为 ${shownComputed}${capped}`;
          flags.push({
            code: "score-mismatch",
            column: y.label,
            cell,
            message: `${cell}：${y.label}年得分填写 ${shownStated}，按评分标准${sc.valueText ? `（${sc.valueText}）` : ""}应为 ${shownComputed}${capped}`,
            messageEn: english ? `${cell}: the ${y.label} score is ${shownStated}, the rule gives ${shownComputed}${cappedEn}` : "",
          });
        }
        const needsWrite = (stated === null || sc.status === "mismatch") && !maxConflict;
        if (needsWrite) {
          if (scoreData?.formula) {
            sc.message += "（该单元格是公式，未改写）";
          } else {
            writes.push({
              cell,
              row,
              col: y.scoreCol,
              before: scoreData?.v ?? null,
              after: computed,
              reason: !ctx.writeReasons
                ? ""
                : stated === null
                  ? `${y.label}年得分${notNumber ? `“${notNumber}”不是数字` : "为空"}，按评分标准填入 ${shownComputed}${capped}${result.note ? `（${result.note}）` : ""}`
                  : `${y.label}年得分 ${shownStated} → ${shownComputed}（按评分标准${result.explain ? `：${result.explain()}` : ""}${capped}）`,
              reasonEn:
                !english || !ctx.writeReasons
                  ? ""
                  : stated === null
                    ? `${y.label} score ${notNumber ? `“${notNumber}” is not a number` : "was empty"}; the rule gives ${shownComputed}${cappedEn}`
                    : `${y.label} score ${shownStated} → ${shownComputed} (by the scoring rule${cappedEn})`,
            });
          }
        }
        break;
      }
      case "range": {
        const low = result.low;
        const high = max !== null ? Math.min(result.high, max) : result.high;
        sc.value = result.value;
        sc.range = [low, high];
        // a count that names no kinds ("3家") leaves a range; so does a band whose score the assessors choose
        const counted = rule.kind === "counted";
        const span = `${fmt(low)}–${fmt(high)}`;
        if (stated === null) {
          sc.status = "range";
          sc.message = counted
            ? `只给出数量，得分应在 ${span} 之间；请按类别和级别填写，或手工填写得分`
            : `该档由评审在 ${span} 分之间打分，请手工填写得分`;
        } else if (stated >= low - 1e-9 && stated <= high + 1e-9) {
          sc.status = "range";
          sc.message = counted
            ? `只给出数量，得分可在 ${span} 之间，保留填写的 ${fmt(stated)}`
            : `该档由评审在 ${span} 分之间打分，保留填写的 ${fmt(stated)}`;
        } else {
          sc.status = "mismatch";
          sc.message = counted
            ? `填写的得分 ${fmt(stated)} 不在数量允许的 ${span} 之内`
            : `填写的得分 ${fmt(stated)} 不在该档的 ${span} 分之内`;
          flags.push({
            code: "score-mismatch",
            column: y.label,
            cell,
            message: counted
              ? `${cell}：${y.label}年得分填写 ${fmt(stated)}，但“${sc.valueText}”只能得 ${span} 分`
              : `${cell}：${y.label}年得分填写 ${fmt(stated)}，但“${sc.valueText}”所在的一档只能得 ${span} 分`,
            messageEn: !english
              ? ""
              : counted
                ? `${cell}: the ${y.label} score ${fmt(stated)} is outside what the count allows (${span})`
                : `${cell}: the ${y.label} score ${fmt(stated)} is outside the range of the value's band (${span})`,
          });
        }
        break;
      }
      case "manual":
        sc.status = "manual";
        if (stated !== null && rule.allowed && !rule.allowed.some(([lo, hi]) => stated >= lo - 1e-9 && stated <= hi + 1e-9)) {
          // assessors' ranges ("成效明显的得8-10分；一般的得5-7分"): the stated score must fall in one
          const ranges = rule.allowed.map(([lo, hi]) => (lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`)).join("、");
          sc.status = "mismatch";
          sc.message = `评估得分 ${fmt(stated)} 不在评分标准的任何一档（${ranges}）之内`;
          flags.push({
            code: "score-mismatch",
            column: y.label,
            cell,
            message: `${cell}：${y.label}年评估得分 ${fmt(stated)} 不在评分标准的任何一档（${ranges}）之内`,
            messageEn: english ? `${cell}: the ${y.label} judged score ${fmt(stated)} is in none of the rule's ranges (${ranges})` : "",
          });
        } else if (stated !== null && (stated < 0 || (max !== null && stated > max + 1e-9))) {
          sc.status = "mismatch";
          sc.message = `评估得分 ${fmt(stated)} 超出 0–${fmt(max ?? 0)} 的范围`;
          flags.push({
            code: "score-mismatch",
            column: y.label,
            cell,
            message: `${cell}：${y.label}年评估得分 ${fmt(stated)} 超出 0–${fmt(max ?? 0)} 的范围`,
            messageEn: english ? `${cell}: the ${y.label} judged score ${fmt(stated)} is outside 0–${fmt(max ?? 0)}` : "",
          });
        } else {
          sc.message = "评估打分，手工填写，不改写";
        }
        break;
      case "no-value":
        sc.status = "no-value";
        sc.message = result.message ?? "尚未填写数值";
        if (result.message) {
          sc.note = result.message;
          if (english) sc.noteEn = `the value “${sc.valueText}” means no value yet; not scored`;
        }
        break;
      case "error":
        sc.status = "error";
        sc.message = `${valueCell}：${result.message}`;
        flags.push({
          code: "value-error",
          column: y.label,
          cell: valueCell ?? cell,
          message: `${valueCell}：${result.message}`,
          messageEn: english ? `${valueCell}: cannot read the value “${sc.valueText}” under this rule` : "",
        });
        break;
    }
    // "约2489万元", "预计…": scored as written, and every explanation of the cell says so
    if ((result.status === "exact" || result.status === "range") && result.note) {
      sc.message = sc.message ? `${result.note}；${sc.message}` : result.note;
      sc.note = result.note;
      if (english)
        sc.noteEn = `“${sc.valueText}” is ${result.qualifier === "estimate" ? "an estimate" : "approximate"}; scored as ${result.value === null ? "written" : withUnit(result.value, unit)}`;
      const en = result.qualifier === "estimate" ? "the value is an estimate" : "the value is approximate";
      for (const f of flags) {
        if (f.column !== y.label || f.cell !== cell) continue;
        f.message += `（${result.note}）`;
        if (english) f.messageEn += ` (${en})`;
      }
      if (english) for (const w of writes) if (w.cell === cell) w.reasonEn += ` (${en})`;
    }
    scores.push(sc);
  }

  // The target: what its value needs, whether it can be reached, and the gap from the latest year before it.
  const requiredValue = rule ? targetAnalysis({ view, layout, row, rule, scores, inputs, max, weight, unit, english, flags }) : null;

  // the messages are kept as long as the plan: laid flat, not as ropes of their pieces (./flat-text.ts)
  if (ctx.keepFlat) layFlat(flags, scores, writes);
  return {
    indicator: {
      row: row + 1,
      category,
      name,
      weight,
      ruleKind: rule?.kind ?? null,
      ruleText,
      ruleCell,
      max,
      requiredValue,
      unit,
      dept: departmentsOf(view, row, cols),
      scores,
      flags,
    },
    writes,
  };
}

function layFlat(flags: Flag[], scores: ScoreCell[], writes: CellWrite[]): void {
  for (const f of flags) {
    f.message = flat(f.message);
    f.messageEn = flat(f.messageEn);
  }
  for (const sc of scores) if (sc.message) sc.message = flat(sc.message);
  for (const w of writes) {
    w.reason = flat(w.reason);
    w.reasonEn = flat(w.reasonEn);
  }
}

interface TargetContext {
  view: SheetView;
  layout: Layout;
  row: number;
  rule: Rule;
  /** the row's score cells, one per year */
  scores: ScoreCell[];
  /** each year's value cell (undefined where the year has no value column) */
  inputs: (ValueInput | undefined)[];
  max: number | null;
  weight: number | null;
  unit: string | null;
  english: boolean;
  /** the row's flags: the target's are added */
  flags: Flag[];
}

/**
 * The target year's analysis: the value its target score needs, a flag when it cannot be reached
 * (or has nothing to rest on), and the gap from the latest year before it. Returns the value needed.
 */
function targetAnalysis(ctx: TargetContext): number | null {
  const { view, layout, row, rule, scores, inputs, max, weight, unit, english, flags } = ctx;
  let requiredValue: number | null = null;
  const targetIdx = layout.years.map((y) => y.kind).lastIndexOf("target");
  if (targetIdx >= 0) {
    const t = scores[targetIdx];
    const goal = t.stated;
    if (goal !== null) {
      // a growth rule needs a rate, not a level: the rule's own precision
      const precision = rule.kind === "growth" ? undefined : rowPrecision(view, row, layout);
      // a rule over last year's level (较上年每新增1家) adds the increase to the year before's value
      requiredValue = rule.needed
        ? rule.needed(goal, { precision, weight, previousInput: targetIdx > 0 ? inputs[targetIdx - 1] : undefined })
        : null;
      const shownGoal = fmt(goal);
      const shownRequired = requiredValue === null ? "" : withUnit(requiredValue, unit);
      const need = requiredValue !== null ? `；需要达到 ${shownRequired}` : "";
      const needEn = english && requiredValue !== null ? `; it needs ${shownRequired}` : "";
      const reasons: [string, string][] = [];
      if (max !== null && goal > max + 1e-9) {
        reasons.push([
          `目标得分 ${shownGoal} 超过该指标满分 ${fmt(max)}`,
          english ? `the target score ${shownGoal} exceeds the maximum ${fmt(max)}` : "",
        ]);
      } else if (t.status === "no-value" && (rule.kind === "banded" || rule.kind === "counted")) {
        // not a target out of reach but a blank to fill: the message says so first (the flag code stays)
        reasons.push([
          `目标值未填写，目标得分 ${shownGoal} 没有依据${need}`,
          english ? `target value not filled in: the target score ${shownGoal} has nothing to rest on${needEn}` : "",
        ]);
      } else if (t.computed !== null && t.computed < goal - 1e-9) {
        reasons.push([
          `目标值 ${t.valueText} 只能得 ${fmt(t.computed)} 分，达不到目标得分 ${shownGoal}${need}`,
          english ? `the target value ${t.valueText} scores only ${fmt(t.computed)}, below the target score ${shownGoal}${needEn}` : "",
        ]);
      } else if (t.range !== null && t.range[1] < goal - 1e-9) {
        reasons.push([
          `目标“${t.valueText}”最多只能得 ${fmt(t.range[1])} 分，达不到目标得分 ${shownGoal}`,
          english ? `the target “${t.valueText}” scores at most ${fmt(t.range[1])}, below the target score ${shownGoal}` : "",
        ]);
      }
      for (const [zh, en] of reasons) {
        flags.push({
          code: "target-unreachable",
          column: t.column,
          cell: t.cell,
          message: `${t.cell}：${zh}`,
          messageEn: english ? `${t.cell}: ${en}` : "",
        });
      }

      // Gap: the latest year before the target that has a score (actual or forecast).
      for (let i = targetIdx - 1; i >= 0; i--) {
        const latest = scores[i];
        const latestScore = latest.computed ?? latest.stated;
        if (latestScore === null) continue;
        if (latestScore < goal - 1e-9) {
          // the exact difference of the two decimals shown, not of the doubles (1.005 − 1 is 0.005, not 0.00499…)
          const gap = Rational.fromNumber(goal).sub(Rational.fromNumber(latestScore)).roundHalfAwayFromZero(2).toNumber();
          let valueGap = "";
          let valueGapEn = "";
          if (requiredValue !== null && latest.value !== null) {
            const from = withUnit(latest.value, unit);
            const rise = withUnit(requiredValue - latest.value, unit);
            valueGap = `，数值需从 ${from} 提高到 ${shownRequired}（+${rise}）`;
            if (english) valueGapEn = `; the value must rise from ${from} to ${shownRequired} (+${rise})`;
          }
          const shownLatest = fmt(latestScore);
          const shownGap = fmt(gap);
          flags.push({
            code: "target-gap",
            column: t.column,
            cell: t.cell,
            message: `${t.cell}：${latest.column}年得分 ${shownLatest}，距${t.column}年目标得分 ${shownGoal} 还差 ${shownGap} 分${valueGap}`,
            messageEn: english
              ? `${t.cell}: the ${latest.column} score ${shownLatest} is ${shownGap} below the ${t.column} target ${shownGoal}${valueGapEn}`
              : "",
          });
        }
        break;
      }
    }
  }
  return requiredValue;
}
