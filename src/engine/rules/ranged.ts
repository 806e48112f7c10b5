/**
 * Assessors' ranges over numeric bands, as expert score sheets write them (高新技术企业认定, 科技计划项目
 * 评估): "完成50%及以上(50)完成30%及以上(30-49)完成10%及以上(20-29)完成10%以下(0-19)",
 * "平均每年转化5项及以上，得25-30分；平均每年转化4-5项，得19-24分；…".
 *
 * The value decides the band; a band with one score gives it, a band with a range leaves the assessor
 * a choice within it (a range result: the stated score is kept when it lies inside, flagged when not).
 * Told from banded linear ("10000-5000万元（5-4分）", whose scores meet at every edge) by the scores
 * themselves: every two neighbouring bands' scores are apart (49 below 50, 29 below 30), and at least
 * one band is a range. Scores that meet at some edges and not at others stay banded's rule error.
 * "(50)" without 分 is read as a score only when every band is written that way, behind a condition
 * on a number. "全部完成" beside percentages of completion is 100%.
 */
import { Rational } from "../decimal";
import { normalize } from "../normalize";
import { RuleError, type Rule, type ScoreResult } from "../types";
import { readValue } from "../values";
import { clausesOf, readCondition, splitScore, type Clause, type Condition, type StatedScore } from "./clauses";
import { compareLow, join } from "./assemble";
import { contains, WHOLE_UNITS } from "./steps";
import { exact, NUM, range, valueError, withUnit, type RulePlugin } from "./common";

interface RangedBand {
  low: Condition["low"];
  high: Condition["high"];
  lo: Rational;
  hi: Rational;
  clause: Clause;
}

/** "完成50%及以上(50)完成30%及以上(30-49)…": bands run together, each closed by its bracketed score. */
const RUN = new RegExp(String.raw`([^()]+?)\((${NUM})(?:分)?(?:-(${NUM})(?:分)?)?\)`, "g");

function bandsOf(text: string): { cond: string; score: StatedScore; clause: Clause }[] | null {
  // run together, the clause cutter would take "(50)" for a numbering marker: read the whole text first
  const whole = normalize(text).replace(/[;。,]+$/, "");
  const run = [...whole.matchAll(RUN)];
  if (run.length >= 2 && run.map((m) => m[0]).join("") === whole) {
    return run.map((m, i) => ({ cond: m[1].replace(/^[,;、]+/, ""), score: scoreOf(m), clause: { text: m[0], norm: m[0], index: i + 1 } }));
  }
  const clauses = clausesOf(text).filter((c) => c.norm !== "");
  const out: { cond: string; score: StatedScore; clause: Clause }[] = [];
  for (const c of clauses) {
    const sp = splitScore(c.norm);
    if (sp && sp.before !== "" && !RUN_MANY.test(c.norm)) {
      out.push({ cond: sp.before, score: sp.score, clause: c });
      continue;
    }
    // bands run together, bracketed scores without 分
    const pieces = [...c.norm.matchAll(RUN)];
    if (pieces.length < 2 || pieces.map((m) => m[0]).join("") !== c.norm) return null;
    for (const m of pieces) out.push({ cond: m[1].replace(/^[,、]+/, ""), score: scoreOf(m), clause: { ...c, text: m[0] } });
  }
  return out.length >= 2 ? out : null;
}

function scoreOf(m: RegExpMatchArray): StatedScore {
  const a = Rational.parse(m[2]);
  const b = m[3] === undefined ? null : Rational.parse(m[3]);
  return b === null ? { n: a } : { lo: Rational.min(a, b), hi: Rational.max(a, b) };
}

/** Two or more bracketed scores in one clause: bands run together. */
const RUN_MANY = new RegExp(String.raw`\(${NUM}(?:分)?(?:-${NUM}(?:分)?)?\).+\(${NUM}(?:分)?(?:-${NUM}(?:分)?)?\)$`);

/** Reads the bands, or null when the text is not this family (never throws). */
function read(text: string): { bands: RangedBand[]; unit: string | null } | null {
  const raw = bandsOf(text);
  if (!raw) return null;
  const conds = raw.map((b) => ({ ...b, c: readCondition(b.cond) }));
  const units = new Set(conds.map((b) => b.c?.unit).filter((u): u is string => !!u));
  if (units.size > 1) return null;
  const unit = units.size ? [...units][0] : null;
  const bands: RangedBand[] = [];
  for (const b of conds) {
    let c = b.c;
    // "全部完成(60分)" among percentages of completion: 100% and above
    if (!c && unit === "%" && /^(?:全部|全面|100%)完成(?:任务)?$|^完成全部(?:任务)?$/.test(b.cond)) {
      c = { subject: "", unit: "%", low: { at: Rational.of(100), inclusive: true, explicit: true }, high: null };
    }
    if (!c) return null;
    const [lo, hi] = "lo" in b.score ? [b.score.lo, b.score.hi] : "n" in b.score ? [b.score.n, b.score.n] : [null, null];
    if (lo === null || hi === null) return null;
    const low = c.low ?? { at: Rational.ZERO, inclusive: true, explicit: true };
    bands.push({ low, high: c.high, lo, hi, clause: b.clause });
  }
  if (!bands.some((b) => !b.lo.eq(b.hi))) return null;
  bands.sort((p, q) => compareLow(p.low, q.low));
  // every neighbour's scores apart: an assessor's table, not a line through the edges
  for (let i = 0; i + 1 < bands.length; i++) if (!bands[i].hi.lt(bands[i + 1].lo)) return null;
  return { bands, unit };
}

export function parseRanged(text: string): Rule {
  const r = read(text);
  if (!r) throw new RuleError(`评分标准“${text.trim()}”无法识别`, text.trim());
  const { bands, unit } = r;
  const whole = unit !== null && WHOLE_UNITS.test(unit);
  // "完成30%及以上(30-49)" under "完成50%及以上(50)": a band with no upper edge below another ends where that one starts
  for (let i = 0; i + 1 < bands.length; i++) {
    const next = bands[i + 1].low;
    if (bands[i].high === null && next) bands[i].high = { at: next.at, inclusive: !next.inclusive, explicit: true };
  }
  // "4-5项" then "5项及以上": the edges meet, and exactly one band holds each (a gap or overlap is the error)
  for (let i = 0; i + 1 < bands.length; i++) join(bands[i], bands[i + 1], whole);
  const top = bands[bands.length - 1];
  const max = top.hi;
  return {
    kind: "judged",
    text,
    unit,
    max: max.toNumber(),
    allowed: bands.map((b) => [b.lo.toNumber(), b.hi.toNumber()]),
    wholeCount: whole,
    score(input): ScoreResult {
      const v = readValue(input, unit);
      if (v.status !== "value") return v.status === "error" ? valueError(v.message) : v;
      const b = bands.find((x) => contains(x, v.value));
      if (!b) return valueError(`数值${withUnit(v.value, unit)}不在评分标准的任何一档内`);
      const value = v.value;
      const how = () => `${withUnit(value, unit)}在“${b.clause.text}”`;
      return b.lo.eq(b.hi)
        ? exact(b.lo, value, () => `${how()}：${b.lo}分`)
        : range(b.lo, b.hi, value, () => `${how()}：由评审在${b.lo}-${b.hi}分之间打分`);
    },
    required: () => null,
  };
}

export const rangedPlugin: RulePlugin = {
  kind: "judged",
  recognizes: (norm, text) => /\d.*\(?\d+(?:-\d+)?分?\)?/.test(norm) && read(text) !== null,
  parse: (text) => parseRanged(text),
};
