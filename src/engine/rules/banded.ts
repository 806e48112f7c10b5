/**
 * Banded linear rules: "≧10000万元（5分）；10000-5000万元（5-4分）；5000-1000万元（4-3分）；1000万元以下（3-0分）。"
 *
 * At or above the top threshold the top score; inside a band linear between its end scores;
 * "以下" runs from the value 0. The bands must join up (value and score), so the score is a
 * continuous, non-decreasing function of the value — which is what lets `required` read it backwards.
 */
import { Rational } from "../decimal";
import { dropSpaces, dropThousandsSeparators, foldChars, unifyWords, unifyWordsSameLength } from "../normalize";
import { valueReader } from "../values";
import { RuleError, type Band, type NeededOptions, type Rule, type ScoreResult, type ValueInput } from "../types";
import { WHOLE_UNITS, decimalsOf } from "./steps";
import { exact, leastScoreShowing, NUM, pointsShown, trimSegment, type RulePlugin, valueError, withUnit } from "./common";

/** A banded rule, with its exact arithmetic exposed for tests and for the model's explanations. */
export interface BandedRule extends Rule {
  kind: "banded";
  bands: Band[];
  /** the unrounded score of a value in the rule's unit; null below the lowest band */
  exactScore(value: Rational): Rational | null;
  /** the exact smallest value whose unrounded score reaches `score` (not rounded up); null above max */
  exactRequired(score: Rational): Rational | null;
}

interface ExactBand {
  low: Rational;
  high: Rational | null;
  lowScore: Rational;
  highScore: Rational;
  text: string;
  /** 1-based segment number in the rule text */
  index: number;
  shape: "top" | "bottom" | "range";
}

const S = String.raw`\s*`;
/** "（5分）", "(5-4分)", "（5分-4分）", and unbracketed "5-4分" — on folded text (half-width, "-" joins). */
const SCORE_GROUP = new RegExp(
  String.raw`\(${S}(${NUM})${S}(?:分${S})?(?:-${S}(${NUM})${S})?分${S}\)` +
    String.raw`|(?<![\d.])(${NUM})${S}(?:分${S})?(?:-${S}(${NUM})${S})?分(?![\u4e00-\u9fff]*\))`,
  "g",
);

interface Segment {
  /** as written in the rule text */
  text: string;
  /** folded text of the condition (before the score) */
  condition: string;
  scores: [string, string | undefined] | null;
  index: number;
}

/** Cuts the rule into segments: each ends after its score group, or at "；"/"。". */
function segments(text: string): Segment[] {
  const folded = unifyWordsSameLength(foldChars(text));
  const out: Segment[] = [];
  let start = 0;
  const push = (end: number, condEnd: number, scores: Segment["scores"]) => {
    const written = trimSegment(text.slice(start, end));
    const condition = folded.slice(start, condEnd);
    if (written !== "") out.push({ text: written, condition, scores, index: out.length + 1 });
    start = end;
  };
  SCORE_GROUP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCORE_GROUP.exec(folded))) {
    // a "；" or "。" before this score ends the segment before it: that segment has no score
    const cut = /[;。]/g;
    cut.lastIndex = start;
    let c: RegExpExecArray | null;
    while ((c = cut.exec(folded)) && c.index < m.index) {
      push(c.index + 1, c.index, null);
      cut.lastIndex = start;
    }
    const hi = m[1] ?? m[3];
    const lo = m[2] ?? m[4];
    let end = m.index + m[0].length;
    const tail = /^[\s;,、。.]*/.exec(folded.slice(end));
    end += tail ? tail[0].length : 0;
    push(end, m.index, [hi, lo]);
    SCORE_GROUP.lastIndex = end;
  }
  // what is left after the last score: more segments without scores, or nothing
  const rest = /[;。]/g;
  rest.lastIndex = start;
  let r: RegExpExecArray | null;
  while ((r = rest.exec(folded))) {
    push(r.index + 1, r.index, null);
    rest.lastIndex = start;
  }
  push(text.length, text.length, null);
  return out;
}

function compact(folded: string): string {
  return dropSpaces(dropThousandsSeparators(unifyWords(folded)))
    .replace(/\((?:不)?(?:含|包含|包括)[^()]*\)/g, "") // "（含1000万元）": the bands join, so an edge scores the same either way
    .replace(/^[;,、。:]+|[;,、。:]+$/g, "");
}

/** "最高不超过5分" written after the bands: a cap, not a band. */
function isCapSegment(seg: Segment): boolean {
  return seg.scores !== null && seg.scores[1] === undefined && CAP_WORDS.test(compact(seg.condition));
}
const CAP_WORDS = /^(?:(?:最高|最多|累计|合计|总分)?(?:不超过|不高于|不得超过)|最高|最多|上限|封顶|满分)为?$/;

const LEAD_NUM = new RegExp(`^${NUM}`);
const UNIT_TEXT = /^[^\d≥≤<>\-().]*$/;

type Condition =
  | { shape: "top" | "bottom"; at: string; unit: string }
  | { shape: "range"; from: string; fromUnit: string; to: string; toUnit: string }
  | null;

/** "≥10000万元", "10000万元以上", "1000万元以下", "<1000万元", "10000-5000万元" — on compact text. */
function readCondition(cond: string): Condition {
  let shape: "top" | "bottom" | null = null;
  let rest = cond;
  const prefix = /^(?:[≥>]|≤|<|低于|小于|不足|不到)/.exec(rest);
  if (prefix) {
    shape = prefix[0] === "≥" || prefix[0] === ">" ? "top" : "bottom";
    rest = rest.slice(prefix[0].length);
  }
  const suffix = /(?:及以上|以上|及以下|以下|以内)$/.exec(rest);
  if (suffix) {
    const s = suffix[0].includes("上") ? "top" : "bottom";
    if (shape !== null && shape !== s) return null;
    shape = s;
    rest = rest.slice(0, suffix.index);
  }
  const n1 = LEAD_NUM.exec(rest);
  if (!n1) return null;
  rest = rest.slice(n1[0].length);
  if (shape !== null) return UNIT_TEXT.test(rest) ? { shape, at: n1[0], unit: rest } : null;
  const dash = rest.indexOf("-");
  if (dash < 0) return null;
  const fromUnit = rest.slice(0, dash);
  const after = rest.slice(dash + 1);
  const n2 = LEAD_NUM.exec(after);
  if (!n2) return null;
  const toUnit = after.slice(n2[0].length);
  if (!UNIT_TEXT.test(fromUnit) || !UNIT_TEXT.test(toUnit)) return null;
  return { shape: "range", from: n1[0], fromUnit, to: n2[0], toUnit };
}

function fail(seg: Segment, why: string): never {
  throw new RuleError(`评分标准第${seg.index}段“${seg.text}”无法识别：${why}`, seg.text);
}

function unitOf(u: string): string | null {
  return u === "" ? null : u;
}

function readBand(seg: Segment): { band: ExactBand; units: (string | null)[] } {
  if (!seg.scores) fail(seg, "缺少分值");
  const cond = compact(seg.condition);
  if (cond === "") fail(seg, "缺少数值条件");
  const [s1, s2] = seg.scores;
  const a = Rational.parse(s1);
  const b = s2 === undefined ? a : Rational.parse(s2);
  const lowScore = Rational.min(a, b);
  const highScore = Rational.max(a, b);
  const base = { text: seg.text, index: seg.index };

  const c = readCondition(cond);
  if (c?.shape === "top") {
    if (!a.eq(b)) fail(seg, "最高一档只能有一个分值");
    return {
      band: { ...base, shape: "top", low: Rational.parse(c.at), high: null, lowScore: a, highScore: a },
      units: [unitOf(c.unit)],
    };
  }
  if (c?.shape === "bottom") {
    const high = Rational.parse(c.at);
    if (high.isZero()) fail(seg, "“以下”一档的上限不能为0");
    return {
      band: { ...base, shape: "bottom", low: Rational.ZERO, high, lowScore, highScore },
      units: [unitOf(c.unit)],
    };
  }
  if (c?.shape === "range") {
    const x = Rational.parse(c.from);
    const y = Rational.parse(c.to);
    if (x.eq(y)) fail(seg, "区间两端相同");
    const u1 = unitOf(c.fromUnit);
    const u2 = unitOf(c.toUnit);
    if (u1 !== null && u2 !== null && u1 !== u2) fail(seg, `区间两端的单位“${u1}”和“${u2}”不同`);
    return {
      band: { ...base, shape: "range", low: Rational.min(x, y), high: Rational.max(x, y), lowScore, highScore },
      units: [u1, u2],
    };
  }
  // "净资产增长率≥35%，销售收入增长率≥35%，得16-20分": two figures, one value cell — name the second
  const two =
    /^(?:\d{1,2}[.、])?[^\d]*?[\u4e00-\u9fff]+\s*(?:≥|≧|>=|>|≤|<|不低于|达到)\s*\d+(?:\.\d+)?\s*%?\s*[,，、]\s*((?:[\u4e00-\u9fff]+)\s*(?:≥|≧|>=|>|≤|<|不低于|达到)\s*\d+(?:\.\d+)?\s*%?)/.exec(
      seg.text,
    );
  if (two) fail(seg, `条件同时要求两个数字，一格数值只对应其中一个，表中没有“${two[1]}”这一项的数据，无法判断；请手工填写得分`);
  fail(seg, "看不懂数值条件（应为“≧X”“X-Y”或“X以下”）");
}

function describe(b: ExactBand): string {
  return `第${b.index}段“${b.text}”`;
}

function joinError(lower: ExactBand, upper: ExactBand, why: string): never {
  const later = lower.index > upper.index ? lower : upper;
  throw new RuleError(`评分标准${describe(lower)}与${describe(upper)}不衔接：${why}`, later.text);
}

/** Reads a banded rule; throws RuleError naming the segment it cannot read or that does not join up. */
export function parseBanded(text: string): BandedRule {
  const segs = segments(text);
  if (segs.length === 0) throw new RuleError("评分标准是空的", text);
  const caps = segs.filter(isCapSegment);
  const bandSegs = segs.filter((x) => !isCapSegment(x));
  if (bandSegs.length === 0) throw new RuleError(`评分标准“${text.trim()}”无法识别：没有分档`, text.trim());
  const read = bandSegs.map(readBand);

  let unit: string | null = null;
  let unitFrom: Segment | null = null;
  read.forEach(({ units }, i) => {
    for (const u of units) {
      if (u === null) continue;
      if (unit === null) {
        unit = u;
        unitFrom = bandSegs[i];
      } else if (u !== unit) {
        fail(bandSegs[i], `单位“${u}”与${unitFrom ? `第${unitFrom.index}段` : "其他段"}的单位“${unit}”不一致`);
      }
    }
  });

  const bands = read.map((r) => r.band);
  const tops = bands.filter((b) => b.shape === "top");
  if (tops.length > 1) fail(segs[tops[1].index - 1], `已有最高一档“${tops[0].text}”`);
  const bottoms = bands.filter((b) => b.shape === "bottom");
  if (bottoms.length > 1) fail(segs[bottoms[1].index - 1], `已有“以下”一档“${bottoms[0].text}”`);

  // ascending; the open top band sorts last
  bands.sort((p, q) => (p.shape === "top" ? 1 : q.shape === "top" ? -1 : p.low.compare(q.low)));
  const u = unit ?? "";
  for (let i = 0; i + 1 < bands.length; i++) {
    const lo = bands[i];
    const hi = bands[i + 1];
    const edge = lo.high!;
    if (!edge.eq(hi.low)) {
      joinError(lo, hi, `一段止于${withUnit(edge, u)}，另一段始于${withUnit(hi.low, u)}`);
    }
    if (!lo.highScore.eq(hi.lowScore)) {
      joinError(lo, hi, `在${withUnit(edge, u)}处一段得${lo.highScore}分，另一段得${hi.lowScore}分`);
    }
  }
  const topScore = bands[bands.length - 1].highScore;
  for (const c of caps) {
    if (!Rational.parse(c.scores![0]).eq(topScore)) fail(c, `封顶分值与最高一档的${topScore}分不一致`);
  }
  return makeRule(text, bands, unit);
}

function makeRule(text: string, exactBands: ExactBand[], unit: string | null): BandedRule {
  const top = exactBands[exactBands.length - 1];
  const maxScore = top.highScore;
  const lowest = exactBands[0];
  const u = unit ?? "";
  const wholeCount = unit !== null && WHOLE_UNITS.test(unit);
  const precision = decimalsOf(exactBands.flatMap((b) => (b.high === null ? [b.low] : [b.low, b.high])));

  function locate(v: Rational): ExactBand | null {
    if (v.lt(lowest.low)) return null;
    for (const b of exactBands) {
      if (b.high === null || v.le(b.high)) return b;
    }
    return top; // above a closed top band: its score is the most the rule gives
  }

  // each sloping band's points per unit of value, worked out once (exact: the same rational as
  // dividing the band's score span by its value span for every value scored)
  const slopes = new Map<ExactBand, Rational>();
  for (const b of exactBands) {
    if (b.high !== null && !b.lowScore.eq(b.highScore)) slopes.set(b, b.highScore.sub(b.lowScore).div(b.high.sub(b.low)));
  }

  function scoreIn(b: ExactBand, v: Rational): Rational {
    if (b.high === null || v.ge(b.high)) return b.highScore;
    const slope = slopes.get(b);
    if (slope === undefined) return b.lowScore;
    return b.lowScore.add(v.sub(b.low).mul(slope));
  }

  function exactScore(v: Rational): Rational | null {
    const b = locate(v);
    return b ? scoreIn(b, v) : null;
  }

  function exactRequired(s: Rational): Rational | null {
    if (s.gt(maxScore)) return null;
    for (const b of exactBands) {
      if (b.lowScore.ge(s)) return b.low;
      if (b.high !== null && b.highScore.ge(s)) {
        return b.low.add(s.sub(b.lowScore).mul(b.high.sub(b.low)).div(b.highScore.sub(b.lowScore)));
      }
      if (b.high === null && b.highScore.ge(s)) return b.low;
    }
    return null;
  }

  const read = valueReader(unit);

  function score(input: ValueInput): ScoreResult {
    const reading = read(input);
    if (reading.status !== "value") return reading;
    const v = reading.value;
    const b = locate(v);
    if (!b) {
      return valueError(`数值${withUnit(v, u)}低于评分标准的最低一档（${withUnit(lowest.low, u)}），无法得分`);
    }
    const s = scoreIn(b, v);
    return exact(s, v, () => `${withUnit(v, u)}按“${b.text}”：${pointsShown(s)}`);
  }

  const bands: Band[] = exactBands.map((b) => ({
    low: b.low.toNumber(),
    high: b.high === null ? null : b.high.toNumber(),
    lowScore: b.lowScore.toNumber(),
    highScore: b.highScore.toNumber(),
    text: b.text,
  }));

  return {
    kind: "banded",
    text,
    unit,
    max: maxScore.toNumber(),
    bands,
    score,
    exactScore,
    exactRequired,
    required(target: number): number | null {
      if (!Number.isFinite(target)) return null;
      const v = exactRequired(Rational.fromNumber(target));
      return v === null ? null : v.ceilTo(4).toNumber();
    },
    wholeCount,
    needed(target: number, options: NeededOptions = {}): number | null {
      // ROUND(s, 2) ≥ target exactly when s ≥ target − 0.005 (scores are ≥ 0)
      if (!Number.isFinite(target) || target > maxScore.toNumber() + 1e-9) return null;
      const v = exactRequired(leastScoreShowing(target));
      if (v === null) return null;
      // a count ("家") is whole unless the row itself writes decimals ("56.24家" per thousand firms)
      const places = options.precision ?? (wholeCount ? 0 : precision);
      return v.ceilTo(places).toNumber();
    },
  };
}

/** Looks banded: some segment sets a number against a score ("≧10000万元（5分）", "10-5家（4-3分）"). */
export const bandedPlugin: RulePlugin = {
  kind: "banded",
  recognizes(norm: string): boolean {
    if (!/分/.test(norm)) return false;
    return /[≥≤]\d|\d(?:及以上|以上|及以下|以下|以内)|\d[^\d()]{0,8}-\d/.test(norm);
  },
  parse: (text: string) => parseBanded(text),
};
