/**
 * Step scores: the score as pieces along the value, each a flat score or a base plus whole steps
 * ("每增加100万元加1分": 1 + 1×TRUNC((v−200)/100)), clamped to [floor, cap]. The stepped,
 * threshold, deduction and growth families each read their text into pieces; this module scores
 * them, reads them backwards and hands the 分享版 formula what it needs.
 *
 * Whole steps: "每增加100万元加1分" counts completed steps only (350万元 is one step past 200万元,
 * not 1.5) — the usual reading of 每; a shortfall ("每少1次扣1分") likewise counts whole steps.
 */
import { Rational } from "../decimal";
import type { Explain, NeededOptions, Rule, RuleKind, ScoreContext, ScoreResult, ValueInput } from "../types";
import type { Edge } from "./clauses";
import { valueReader } from "../values";
import { exact, leastScoreShowing, pointsShown, shortDecimal, valueError, withUnit } from "./common";

export interface StepIncrement {
  origin: Rational;
  size: Rational;
  /** signed: a step adds `per` (negative: deducts) */
  per: Rational;
}

/**
 * A piece's score before its steps: points, the full score ("得满分": the stated 满分 or the row's
 * 权重分值), or a share of it ("持平得基本分值的80%": 0.8 × the full score).
 */
export type Base = Rational | "full" | { share: Rational };

/**
 * "加分最高不超过基本分值的50%", "加分最高不超过5分": the most rising steps add to a piece's base — a share of
 * the full score (0.5) or points. Falling steps, and a piece counted from nothing (base 0), are not bounded by it.
 */
export interface Bonus {
  max: Rational;
  share: boolean;
}

export interface Piece {
  /** null: unbounded below (a growth rate may be negative) */
  low: Edge | null;
  high: Edge | null;
  base: Base;
  step?: StepIncrement;
  /** the clause(s) as written, for explanations */
  text: string;
  /** a piece the rule implies (below its lowest band, "否则不得分") */
  implied?: boolean;
}

export interface StepSpec {
  kind: RuleKind;
  text: string;
  unit: string | null;
  /** ascending, non-overlapping */
  pieces: Piece[];
  cap: Rational | null;
  floor: Rational;
  /** the full score the rule states ("满分10分", "（8分）"); null: the row's weight */
  full: Rational | null;
  /** "最高加减分不得超过10分": a piece's steps move its score at most this far from its base */
  swing?: Rational | null;
  /** "加分最高不超过基本分值的50%": what rising steps add to a base at most */
  bonus?: Bonus | null;
  /** decimals a value is entered with by default (0 for counts) */
  precision: number;
  wholeCount: boolean;
  /** reads the cell into the value the pieces are over; a ScoreResult when it cannot */
  read(input: ValueInput, context: ScoreContext | undefined): { value: Rational; note?: Explain } | ScoreResult;
}

export interface StepRule extends Rule {
  pieces: Piece[];
  cap: number | null;
  floor: number;
  /** the full score the rule states, or null (the row's weight) */
  full: number | null;
  /** "最高加减分不得超过10分": how far the steps may move a piece's base, either way; null when unbounded */
  swing: number | null;
  /** "加分最高不超过基本分值的50%": the most rising steps add to a base (`share`: of the full score); null when unbounded */
  bonus: { max: number; share: boolean } | null;
  /** the unrounded score of a value; `full` stands in for "得满分" */
  exactScore(v: Rational, full: Rational | null): Rational | null;
}

/** A base's points for a full score (null: the full score is not known). */
export function resolveBase(base: Base, full: Rational | null): Rational | null {
  if (base instanceof Rational) return base;
  if (full === null) return null;
  return base === "full" ? full : full.mul(base.share);
}

/** Whether v lies between the edges (a step piece, or a clause's condition). */
export function contains(p: { low: Edge | null; high: Edge | null }, v: Rational): boolean {
  if (p.low && (p.low.inclusive ? v.lt(p.low.at) : v.le(p.low.at))) return false;
  if (p.high && (p.high.inclusive ? v.gt(p.high.at) : v.ge(p.high.at))) return false;
  return true;
}

export function trunc(x: Rational): Rational {
  return x.sign() >= 0 ? x.floorTo(0) : x.ceilTo(0);
}

export function fullText(full: Rational | null): string {
  return full === null ? "满分" : `满分${full}分`;
}

export function makeStepRule(spec: StepSpec): StepRule {
  const { pieces, cap, floor, unit } = spec;
  const u = unit ?? "";

  function baseOf(p: Piece, full: Rational | null): Rational | null {
    return resolveBase(p.base, full);
  }

  /** the most rising steps may add to this piece's base; null: no such bound */
  function bonusOf(p: Piece, full: Rational | null): Rational | null {
    const b = spec.bonus;
    if (!b || (p.base instanceof Rational && p.base.isZero())) return null;
    return b.share ? (full === null ? null : full.mul(b.max)) : b.max;
  }

  function clamp(s: Rational): Rational {
    let x = s;
    if (cap !== null && x.gt(cap)) x = cap;
    if (x.lt(floor)) x = floor;
    return x;
  }

  function raw(p: Piece, v: Rational, full: Rational | null): Rational | null {
    const b = baseOf(p, full);
    if (b === null) return null;
    if (!p.step) return b;
    let add = p.step.per.mul(trunc(v.sub(p.step.origin).div(p.step.size)));
    const swing = spec.swing ?? null;
    if (swing !== null) add = Rational.max(swing.neg(), Rational.min(swing, add));
    const bonus = bonusOf(p, full);
    if (bonus !== null && add.gt(bonus)) add = bonus;
    return b.add(add);
  }

  function exactScore(v: Rational, full: Rational | null): Rational | null {
    const p = pieces.find((q) => contains(q, v));
    if (!p) return null;
    const s = raw(p, v, full);
    return s === null ? null : clamp(s);
  }

  const needsFull = pieces.some((p) => !(p.base instanceof Rational)) || (spec.bonus?.share ?? false);
  // "得基本分" names the row's weight as the base the steps move from, as "得满分" names it the full score
  const fullWord = /基本分|基础分/.test(spec.text) && !/满分/.test(spec.text) ? "基本分" : "满分";
  const fullOf = (weight: number | null | undefined): Rational | null =>
    spec.full ?? (weight === null || weight === undefined ? null : Rational.fromNumber(weight));

  function score(input: ValueInput, context?: ScoreContext): ScoreResult {
    const read = spec.read(input, context);
    if ("status" in read) return read;
    const v = read.value;
    const full = fullOf(context?.weight);
    const p = pieces.find((q) => contains(q, v));
    if (!p) {
      const top = pieces[pieces.length - 1];
      const bottom = pieces[0];
      const where = bottom.low && v.lt(bottom.low.at) ? `低于最低一档“${bottom.text}”` : `高于最高一档“${top.text}”`;
      return valueError(`数值${withUnit(v, u)}${where}，评分标准没有写这种情况的得分`);
    }
    if (!(p.base instanceof Rational) && full === null) {
      return valueError(`评分标准写“得${fullWord}”但没有写明${fullWord}是几分，该行也没有权重分值`);
    }
    const unclamped = raw(p, v, full)!;
    const s = clamp(unclamped);
    const note = read.note;
    return exact(s, v, () => {
      const fullNote =
        p.base instanceof Rational || spec.full !== null
          ? ""
          : p.base === "full"
            ? `（${fullWord}取权重分值${full}分）`
            : `（${fullWord}取权重分值${full}分，其${shortDecimal(p.base.share.mul(100))}%为${baseOf(p, full)}分）`;
      const steps = p.step ? `，${describeSteps(p.step, v)}` : "";
      const capNote = cap !== null && unclamped.gt(cap) ? `，封顶${cap}分` : "";
      const floorNote = unclamped.lt(floor) ? `，最低${floor}分` : "";
      const moved = p.step ? p.step.per.mul(trunc(v.sub(p.step.origin).div(p.step.size))).abs() : Rational.ZERO;
      const swingNote = spec.swing && moved.gt(spec.swing) ? `，加减分不超过${spec.swing}分` : "";
      const bonus = bonusOf(p, full);
      const bonusNote =
        bonus !== null && p.step && unclamped.sub(baseOf(p, full)!).eq(bonus) && moved.gt(bonus) ? `，加分不超过${bonus}分` : "";
      const lead = note ? `${note()}；` : "";
      return `${lead}${withUnit(v, u)}按“${p.text}”${fullNote}${steps}${swingNote}${bonusNote}${capNote}${floorNote}：${pointsShown(s)}`;
    });
  }

  function describeSteps(st: StepIncrement, v: Rational): string {
    const k = trunc(v.sub(st.origin).div(st.size));
    // below the origin a step of +per takes per away
    const takes = k.sign() < 0 ? st.per.sign() > 0 : st.per.sign() < 0;
    const each = `每${withUnit(st.size, u)}${takes ? "减" : "加"}${st.per.abs()}分`;
    // "每…一个…项目的得1分": 3个 of them, not "3个1个"
    if (st.origin.isZero() && st.size.eq(1) && WHOLE_UNITS.test(u))
      return `共${k.abs()}${u}（每${u}${takes ? "减" : "加"}${st.per.abs()}分）`;
    if (st.origin.isZero()) return `共${k.abs()}个${withUnit(st.size, u)}（${each}）`;
    return `${k.sign() < 0 ? "比" : "超出"}${withUnit(st.origin, u)}${k.sign() < 0 ? "少" : ""}整${k.abs()}档（${each}）`;
  }

  /** The smallest value at `places` decimals whose score reaches `goal` (unrounded); null when none. */
  function smallest(goal: Rational, places: number, full: Rational | null): Rational | null {
    const ulp = Rational.fraction(1, 10n ** BigInt(places));
    const atPrecision = (x: Rational, strictly: boolean): Rational => {
      const c = x.ceilTo(places);
      return strictly && c.eq(x) ? c.add(ulp) : c;
    };
    for (const p of pieces) {
      const b = baseOf(p, full);
      if (b === null) return null;
      let cand: Rational | null = null;
      let strict = false;
      const lowAt = p.low?.at ?? null;
      const lowStrict = p.low ? !p.low.inclusive : false;
      if (!p.step || p.step.per.isZero()) {
        if (clamp(b).ge(goal)) [cand, strict] = [lowAt, lowStrict];
      } else if (p.step.per.sign() < 0) {
        // falls as the value rises: the lowest point of the piece is its best
        if (lowAt === null) return null;
        if (exactScore(lowStrict ? lowAt.add(ulp) : lowAt, full)?.ge(goal)) [cand, strict] = [lowAt, lowStrict];
      } else if (cap !== null && cap.lt(goal)) {
        cand = null;
      } else if (floor.ge(goal)) {
        [cand, strict] = [lowAt, lowStrict];
      } else {
        const k = goal.sub(b).div(p.step.per).ceilTo(0);
        // trunc((v-o)/s) ≥ k: from o+k·s (k > 0, inclusive), or above o+(k-1)·s (k ≤ 0)
        const x = k.sign() > 0 ? p.step.origin.add(k.mul(p.step.size)) : p.step.origin.add(k.sub(1).mul(p.step.size));
        const xStrict = k.sign() <= 0;
        if (lowAt === null || x.gt(lowAt) || (x.eq(lowAt) && xStrict)) [cand, strict] = [x, xStrict];
        else [cand, strict] = [lowAt, lowStrict];
      }
      if (cand === null && lowAt === null && (!p.step || p.step.per.isZero()) && clamp(b).ge(goal)) return null; // unbounded flat
      if (cand === null) continue;
      if (p.high && (cand.gt(p.high.at) || (cand.eq(p.high.at) && !p.high.inclusive))) continue; // not in this piece
      let v = atPrecision(cand, strict);
      if (spec.kind !== "growth" && v.sign() < 0) v = Rational.ZERO;
      // the piece may be narrower than one unit of precision: check, else the next piece
      for (let i = 0; i < 3; i++) {
        const s = exactScore(v, full);
        if (s !== null && s.ge(goal)) return v;
        v = v.add(ulp);
      }
    }
    return null;
  }

  /** The most the pieces can give when "满分"/"基本分" is `full`: flat bases, capped; an unbounded rising step needs a cap. */
  function topScore(full: Rational | null): Rational | null {
    let best: Rational | null = null;
    for (const p of pieces) {
      const b = baseOf(p, full);
      if (b === null) return cap ?? null;
      const bonus = bonusOf(p, full);
      if (p.step && bonus !== null && p.step.per.sign() > 0) {
        // rising steps add at most the bonus
        const t = clamp(!p.high || raw(p, p.high.at, full)!.gt(b) ? b.add(bonus) : b);
        if (best === null || t.gt(best)) best = t;
        continue;
      }
      if (p.step && spec.swing) {
        // the steps move the base at most `swing` either way
        const t = clamp(p.step.per.sign() > 0 && (!p.high || raw(p, p.high.at, full)!.gt(b)) ? b.add(spec.swing) : b);
        if (best === null || t.gt(best)) best = t;
        continue;
      }
      if (p.step && p.step.per.sign() > 0 && !p.high) return cap;
      let top = b;
      if (p.step && p.step.per.sign() > 0 && p.high) top = raw(p, p.high.at, full)!;
      if (p.step && p.step.per.sign() < 0 && p.low) top = raw(p, p.low.at, full)!;
      top = clamp(top);
      if (best === null || top.gt(best)) best = top;
    }
    return best;
  }
  const max = topScore(spec.full);
  // "得基本分" with no number: the base is the row's weight, which the steps may pass
  const baseFromWeight =
    needsFull && spec.full === null && fullWord === "基本分"
      ? {
          max(weight: number): number | null {
            const m = topScore(Rational.fromNumber(weight));
            return m === null ? null : m.toNumber();
          },
        }
      : undefined;

  return {
    kind: spec.kind,
    text: spec.text,
    unit,
    max: max === null ? null : max.toNumber(),
    pieces,
    cap: cap === null ? null : cap.toNumber(),
    floor: floor.toNumber(),
    full: spec.full === null ? null : spec.full.toNumber(),
    swing: spec.swing ? spec.swing.toNumber() : null,
    bonus: spec.bonus ? { max: spec.bonus.max.toNumber(), share: spec.bonus.share } : null,
    wholeCount: spec.wholeCount,
    ...(baseFromWeight ? { baseFromWeight } : {}),
    exactScore,
    score,
    required(target: number): number | null {
      if (!Number.isFinite(target)) return null;
      if (needsFull && spec.full === null) return null;
      const v = smallest(Rational.fromNumber(target), spec.wholeCount ? 0 : 4, spec.full);
      return v === null ? null : v.toNumber();
    },
    needed(target: number, options: NeededOptions = {}): number | null {
      if (!Number.isFinite(target)) return null;
      const full = fullOf(options.weight);
      if (needsFull && full === null) return null;
      // a count ("家") is whole unless the row itself writes decimals
      const places = options.precision ?? (spec.wholeCount ? 0 : spec.precision);
      // ROUND(s, 2) ≥ target exactly when s ≥ target − 0.005 (scores are ≥ 0: half away from zero is half up)
      const goal = leastScoreShowing(target);
      const v = smallest(goal, places, full);
      return v === null ? null : v.toNumber();
    },
  };
}

/** Decimals written in a rule's numbers: "1.5%" → 1, "0.25分" is not a value and is not counted by callers. */
export function decimalsOf(numbers: Rational[]): number {
  let d = 0;
  for (const n of numbers) {
    const s = n.toDecimalString();
    const dot = s.indexOf(".");
    if (dot >= 0) d = Math.max(d, s.length - dot - 1);
  }
  return d;
}

/** Classifiers that count whole things. */
export const WHOLE_UNITS = /^(?:家|个|项|件|次|人|篇|所|座|处|名|位|台|套|户|人次|起|期|例|场|批|条)$/;

/** The usual value reader: the cell in the rule's unit; a count of whole things must be whole. */
export function levelReader(unit: string | null, whole: boolean, signed = false): StepSpec["read"] {
  const read = valueReader(unit);
  return (input) => {
    const r = read(input, { allowNegative: signed });
    if (r.status !== "value") return r;
    if (whole && !r.value.isInteger()) return valueError(`数量应为整数（${r.value.toDecimalString()}${unit ?? ""}）`);
    return { value: r.value };
  };
}
