/**
 * From clause readings to step pieces: bands sorted and joined edge to edge, steps attached to the
 * band they start from, bounds and the full score collected. Shared by the stepped, threshold,
 * deduction and growth families; each says which readings it accepts.
 *
 * Edges: "（含）/（不含）/以上/以下/不足/超过/低于/不低于/未达到/达到" decide which band an edge value is in.
 * Where the text leaves an edge open ("20%-30%", "10%以下", "30%以上"), the lower edge belongs to
 * the higher band, as "≥" reads: 20% is in "20%-30%", 10% is not in "10%以下" when a band starts at 10%.
 * Two bands that both claim an edge in so many words, or that both refuse it, are a RuleError.
 */
import { Rational } from "../decimal";
import { RuleError } from "../types";
import { clauseError, type Clause, type Edge, type Reading } from "./clauses";
import { decimalsOf, WHOLE_UNITS, type Base, type Bonus, type Piece } from "./steps";

type Band = Extract<Reading, { shape: "band" }>;
type Step = Extract<Reading, { shape: "step" }>;

export interface Assembled {
  pieces: Piece[];
  unit: string | null;
  cap: Rational | null;
  floor: Rational;
  full: Rational | null;
  precision: number;
  wholeCount: boolean;
  /** "最高加减分不得超过10分": the steps move the score at most this far from the base, either way */
  swing: Rational | null;
  /** "加分最高不超过基本分值的50%": what rising steps add to a base is at most this (see steps.ts Bonus) */
  bonus: Bonus | null;
  /** values below zero are scored (a band "0%以下" says they exist) */
  signed: boolean;
}

export interface AssembleOptions {
  /** values may be negative (a growth rate): a "以下" band runs from −∞, not from 0 */
  signed?: boolean;
  /** the base a step starts from when no band states one (a deduction: the full score) */
  defaultBase?: Rational | "full";
}

interface Slot {
  low: Edge | null;
  high: Edge | null;
  base: Base;
  clause: Clause;
  step?: Piece["step"];
  implied?: boolean;
}

function baseOfScore(b: Band): Base {
  const s = b.score;
  if ("full" in s) return "full";
  if ("n" in s) return s.n;
  if ("share" in s) return { share: s.share };
  throw clauseError(b.clause, "分档得分应为一个分值");
}

export function assemble(readings: Reading[], options: AssembleOptions = {}): Assembled {
  // "0%以下(0分)" under "0%-4%(2分)": a rate that may fall below zero (a growth rate), so "以下" runs from −∞
  const belowZero = readings.some((r) => r.shape === "band" && r.cond.low === null && r.cond.high !== null && r.cond.high.at.sign() <= 0);
  const signed = options.signed ?? belowZero;
  let cap: Rational | null = null;
  let swing: Rational | null = null;
  let bonus: Bonus | null = null;
  let addedCap: Extract<Reading, { shape: "cap" }> | null = null;
  let floor: Rational | null = null;
  let full: Rational | null = null;
  const units: { unit: string; clause: Clause }[] = [];
  const numbers: Rational[] = [];
  const slots: Slot[] = [];
  const steps: { step: Step; after: Slot | null }[] = [];
  let lastBand: Slot | null = null;
  let caseFull: Clause | null = null;

  for (const r of readings) {
    switch (r.shape) {
      case "band": {
        if (r.cond.unit) units.push({ unit: r.cond.unit, clause: r.clause });
        for (const e of [r.cond.low, r.cond.high]) if (e) numbers.push(e.at);
        const low = r.cond.low ?? (signed ? null : { at: Rational.ZERO, inclusive: true, explicit: true });
        const slot: Slot = { low, high: r.cond.high, base: baseOfScore(r), clause: r.clause };
        slots.push(slot);
        lastBand = slot;
        break;
      }
      case "step":
        if (r.unit) units.push({ unit: r.unit, clause: r.clause });
        numbers.push(r.step);
        if (r.cond) {
          if (r.cond.unit) units.push({ unit: r.cond.unit, clause: r.clause });
          for (const e of [r.cond.low, r.cond.high]) if (e) numbers.push(e.at);
        }
        steps.push({ step: r, after: lastBand });
        break;
      case "cap":
        if (cap !== null && !cap.eq(r.max)) throw clauseError(r.clause, `与前面的上限${cap}分不一致`);
        cap = r.max;
        if (r.added) addedCap = r;
        break;
      case "floor":
        floor = r.min;
        break;
      case "swing":
        if (swing !== null && !swing.eq(r.max)) throw clauseError(r.clause, `与前面的加减分上限${swing}分不一致`);
        swing = r.max;
        break;
      case "bonus":
        if (bonus !== null) throw clauseError(r.clause, "加分上限写了两次");
        bonus = { max: r.max, share: r.share };
        break;
      case "full":
        if (full !== null && !full.eq(r.n)) throw clauseError(r.clause, `与前面的满分${full}分不一致`);
        full = r.n;
        break;
      case "else-zero":
        break;
      case "case":
        if ("full" in r.score) {
          caseFull = r.clause; // "按时报送得满分": the base the deductions start from
          break;
        }
        throw clauseError(r.clause, "看不懂条件（应为“≥X”“X-Y”“X以下”等数值条件）");
    }
  }

  // one unit throughout ("个百分点" is the unit of a percentage's steps)
  const unit = units.length ? units[0].unit : null;
  for (const x of units) {
    if (x.unit !== unit) throw clauseError(x.clause, `单位“${x.unit}”与其他条的单位“${unit}”不一致`);
  }

  slots.sort((p, q) => compareLow(p.low, q.low));
  const whole = unit !== null && WHOLE_UNITS.test(unit);
  for (let i = 0; i + 1 < slots.length; i++) join(slots[i], slots[i + 1], whole);

  // below the lowest band: nothing scores ("否则不得分" says it; silence means the same)
  const pieces: Slot[] = [...slots];
  const lowest = pieces[0];
  const addZeroBelow = () => {
    const lo = pieces[0];
    if (lo && lo.low && (signed || lo.low.at.sign() > 0)) {
      const zeroLow = signed ? null : { at: Rational.ZERO, inclusive: true, explicit: true };
      pieces.unshift({
        low: zeroLow,
        high: { at: lo.low.at, inclusive: !lo.low.inclusive, explicit: true },
        base: Rational.ZERO,
        clause: lo.clause,
        implied: true,
      });
    }
  };

  for (const { step, after } of steps) attach(step, after);
  if (!steps.some((s) => s.step.down) || !signed) addZeroBelow();
  if (lowest === undefined && pieces.length === 0) {
    throw new RuleError("评分标准没有分档，也没有“每…”的计分", readings[0]?.clause.text ?? "");
  }

  function attach(step: Step, after: Slot | null): void {
    const perF = step.down ? step.per.neg() : step.per;
    if (!step.down) {
      const anchor: Edge | null = step.cond?.low ?? after?.low ?? null;
      if (anchor === null && !step.cond && after === null) {
        // "每投产…一个…项目的得1分，达到8个项目得满基本分": each item scores from none up to the lowest band
        const lowest = pieces[0];
        if (lowest && !rises(step) && step.per.sign() > 0 && lowest.low && lowest.low.at.sign() > 0 && !pieces[0].implied) {
          pieces.unshift({
            low: { at: Rational.ZERO, inclusive: true, explicit: true },
            high: { at: lowest.low.at, inclusive: !lowest.low.inclusive, explicit: true },
            base: Rational.ZERO,
            clause: step.clause,
            step: { origin: Rational.ZERO, size: step.step, per: perF },
          });
          return;
        }
        // no band: steps count from 0 ("按时报送得满分，每迟报1次扣0.5分")
        if (pieces.length) throw clauseError(step.clause, "不知道从哪一档开始计");
        // "每提高1个百分点得0.5分" alone: an increase over what? (last year, a target) — never guessed as from 0
        if (rises(step)) throw clauseError(step.clause, "没有写明从多少开始计算增加");
        const base = caseFull || options.defaultBase === "full" ? "full" : (options.defaultBase ?? Rational.ZERO);
        pieces.push({
          low: { at: Rational.ZERO, inclusive: true, explicit: true },
          high: null,
          base,
          clause: step.clause,
          step: { origin: Rational.ZERO, size: step.step, per: perF },
        });
        return;
      }
      const slot = pieces.find((p) => !p.implied && p.low && anchor && p.low.at.eq(anchor.at));
      if (!slot) throw clauseError(step.clause, "找不到它从哪一档开始");
      if (slot.step) throw clauseError(step.clause, "这一档已经有“每…”的计分");
      slot.step = { origin: slot.low!.at, size: step.step, per: perF };
      return;
    }
    // a shortfall: below the anchor, from the anchor's base down
    let anchorSlot: Slot | undefined;
    if (step.cond?.high) {
      const at = step.cond.high.at;
      anchorSlot = pieces.find((p) => !p.implied && p.low && p.low.at.eq(at));
      if (!anchorSlot) {
        if (pieces.some((p) => !p.implied)) throw clauseError(step.clause, "找不到它从哪一档开始");
        // "少于6次的，每少1次扣1分": reaching 6 is the full score
        anchorSlot = {
          low: { at, inclusive: !step.cond.high.inclusive, explicit: true },
          high: null,
          base: options.defaultBase ?? "full",
          clause: step.clause,
          implied: true,
        };
        pieces.push(anchorSlot);
      }
    } else {
      anchorSlot = after ?? undefined;
    }
    if (!anchorSlot || !anchorSlot.low) {
      // "少一次扣2.5分" with no count to fall short of ("不少于6次")
      if (!anchorSlot && slotsOf(pieces).length === 0)
        throw clauseError(step.clause, "没有写明应达到多少（如“不少于6次”），看不出少的是比多少少");
      throw clauseError(step.clause, "找不到它从哪一档开始");
    }
    const i = pieces.indexOf(anchorSlot);
    const below = i > 0 ? pieces[i - 1] : null;
    if (below && !below.implied) throw clauseError(step.clause, `与“${below.clause.text}”重叠`);
    if (below) pieces.splice(i - 1, 1);
    const edge = anchorSlot.low;
    const floorLow = signed ? null : { at: Rational.ZERO, inclusive: true, explicit: true };
    pieces.splice(pieces.indexOf(anchorSlot), 0, {
      low: floorLow,
      high: { at: edge.at, inclusive: !edge.inclusive, explicit: true },
      base: anchorSlot.base,
      clause: step.clause,
      step: { origin: edge.at, size: step.step, per: perF },
    });
  }

  if (caseFull && !pieces.some((p) => p.base === "full")) throw clauseError(caseFull, "“得满分”之后没有扣分的办法");

  // "…持平得基本分，每增长10%加1分，最高加5分": over a base of the weight, 最高加 bounds what the steps add
  if (addedCap && bonus === null && pieces.some((p) => !(p.base instanceof Rational) && p.step)) {
    bonus = { max: addedCap.max, share: false };
    cap = null;
  }
  // a stated full score also bounds what steps can add ("…每增加1000万元加0.5分，满分5分")
  if (cap === null && full !== null) cap = full;

  const flatTop = pieces.filter((p) => !p.step && p.base instanceof Rational).map((p) => p.base as Rational);
  if (cap !== null) {
    const over = flatTop.find((b) => b.gt(cap!));
    if (over) throw clauseError(readings.find((r) => r.shape === "cap")!.clause, `上限${cap}分低于某一档的${over}分`);
  }
  const wholeCount = unit !== null && WHOLE_UNITS.test(unit);
  return {
    pieces: pieces.map((s) => ({
      low: s.low,
      high: s.high,
      base: s.base,
      step: s.step,
      text: s.implied && !s.step ? `未达到“${s.clause.text}”，不得分` : s.clause.text,
      implied: s.implied,
    })),
    unit,
    cap,
    floor: floor ?? Rational.ZERO,
    full,
    precision: wholeCount ? 0 : decimalsOf(numbers),
    wholeCount,
    swing,
    bonus,
    signed,
  };
}

/** the pieces the text states (not those it implies) */
function slotsOf(pieces: Slot[]): Slot[] {
  return pieces.filter((p) => !p.implied);
}

/** "每增加…", "每超…": a rise over some level, never counted from nothing */
function rises(step: Step): boolean {
  return /^(?:增加|提高|增长|上升|增|多|超过|超出|高出|超)/.test(step.verb);
}

export function compareLow(a: Edge | null, b: Edge | null): number {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  const c = a.at.compare(b.at);
  if (c !== 0) return c;
  // "≥X" (X itself) before "> X"
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? -1 : 1;
}

/** What `join` needs of a band: its edges and the clause it came from. */
export type Joinable = Pick<Slot, "low" | "high" | "clause">;

/** Two neighbouring bands must meet at one edge, and exactly one of them may hold it. */
export function join(lo: Joinable, hi: Joinable, whole: boolean): void {
  const later = lo.clause.index > hi.clause.index ? lo : hi;
  if (lo.high === null) {
    throw clauseError(later.clause, `与“${(later === lo ? hi : lo).clause.text}”重叠：两档都没有上限`);
  }
  if (hi.low === null) throw clauseError(later.clause, "两档都是“以下”");
  let a = lo.high;
  const b = hi.low;
  // counts: "6-11件" then "12件及以上" leave no whole number between them — 11 is in the lower band
  if (whole && a.at.isInteger() && b.at.isInteger() && b.at.sub(a.at).eq(b.inclusive ? 1 : 0) && !a.at.eq(b.at)) {
    a = { at: b.at, inclusive: !b.inclusive, explicit: true };
    lo.high = a;
  }
  if (!a.at.eq(b.at)) {
    const why = a.at.lt(b.at)
      ? `两档之间${a.at.toDecimalString()}到${b.at.toDecimalString()}没有得分`
      : `两档在${b.at.toDecimalString()}到${a.at.toDecimalString()}重叠`;
    throw clauseError(later.clause, why);
  }
  const x = a.at.toDecimalString();
  if (a.inclusive && b.inclusive) {
    if (a.explicit && b.explicit) throw clauseError(later.clause, `${x}同时属于“${lo.clause.text}”和“${hi.clause.text}”`);
    if (!a.explicit) lo.high = { ...a, inclusive: false };
    else hi.low = { ...b, inclusive: false };
  } else if (!a.inclusive && !b.inclusive) {
    if (a.explicit && b.explicit) throw clauseError(later.clause, `${x}不属于任何一档`);
    if (!b.explicit) hi.low = { ...b, inclusive: true };
    else lo.high = { ...a, inclusive: true };
  }
}
