/**
 * The clause reader shared by the stepped, threshold, deduction and growth families: cuts a rule
 * into clauses (at ；。 line breaks and numbered markers "1." "（1）" "①" "A."; at ，、 only after a
 * clause that already has its score) and reads each clause into one of a few shapes — a band
 * (condition → score), a step ("每增加100万元加1分"), a bound ("最高5分", "扣完为止") or "否则不得分".
 * A clause none of the shapes reads is a RuleError naming it, so no rule is ever read in part.
 * Leading clauses that only name the item and notes of where a figure comes from are dropped first
 * (notes.ts); "（不投稿不得分）" after a score is a clause of its own.
 */
import { Rational } from "../decimal";
import { foldChars, normalize } from "../normalize";
import { RuleError } from "../types";
import { NUM, trimSegment } from "./common";
import { isCheckNote, isDescription, withoutEvidence } from "./notes";

export interface Clause {
  /** as written, without separators */
  text: string;
  /** normalised, numbering marker removed */
  norm: string;
  /** 1-based */
  index: number;
}

/** A value edge: the number, whether it belongs to the side it bounds, and whether the text said so. */
export interface Edge {
  at: Rational;
  inclusive: boolean;
  explicit: boolean;
}

export interface Condition {
  /** words before the number ("投入", "较上年增长") */
  subject: string;
  low: Edge | null;
  high: Edge | null;
  unit: string | null;
}

/**
 * A score as a clause states it: a number, the full score ("得满分"), a range ("得8-10分"), or a share
 * of the full score ("得基本分值的80%": `share` 0.8 of the row's 权重分值 or the stated 满分).
 */
export type StatedScore = { n: Rational } | { full: true } | { lo: Rational; hi: Rational } | { share: Rational };

export type Reading =
  /** `required`: a condition with no score ("开展科普活动不少于6次") — what the full score needs */
  | { shape: "band"; clause: Clause; cond: Condition; score: StatedScore; required?: boolean }
  /** a condition in words ("按时报送得满分", "成效明显的得8-10分") */
  | { shape: "case"; clause: Clause; words: string; score: StatedScore }
  /**
   * "每增加100万元加1分": `down` when the step counts a shortfall ("每减少", "每少1次"); `per` is signed
   * (扣/减 negative). `cond` is a condition written before it ("少于6次的，每少1次扣1分").
   */
  | {
      shape: "step";
      clause: Clause;
      down: boolean;
      step: Rational;
      per: Rational;
      unit: string | null;
      verb: string;
      cond: Condition | null;
    }
  /** `added`: "最高加5分" — what is added at most, which bounds the steps over a 基本分 of the weight */
  | { shape: "cap"; clause: Clause; max: Rational; added?: boolean }
  /** "最高加减分不得超过10分": what the steps add or take is bounded either way, around the base */
  | { shape: "swing"; clause: Clause; max: Rational }
  /**
   * "加分最高不超过基本分值的50%", "加分最高不超过5分": what the rising steps add to a base is bounded
   * (falling steps are not); `share`: `max` is a fraction of the full score (0.5), not points
   */
  | { shape: "bonus"; clause: Clause; max: Rational; share: boolean }
  | { shape: "floor"; clause: Clause; min: Rational }
  /** "否则不得分", "未达到的不得分", "没有的不得分" */
  | { shape: "else-zero"; clause: Clause }
  /** "满分10分", "本项10分" */
  | { shape: "full"; clause: Clause; n: Rational };

const MARKER =
  /^(?:\(?\d{1,2}\)|\d{1,2}、|\d{1,2}\.(?!\d)|\d{1,2}\.(?=\d+\.\d)|[①-⑳]|[A-Za-z][.、)](?![a-zA-Z])|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+档[:,]?)/;

/** Cuts a rule into clauses. */
export function clausesOf(text: string): Clause[] {
  const folded = foldChars(text);
  // strong cuts: ；。 line breaks, and a numbering marker that starts a new clause mid-line
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  const strong = /[;。\n]|(?<=[^\s(\d.]\s*)(?=\(\d{1,2}\)|[①-⑳]|(?<![A-Za-z])[A-Z][.、](?!\d))/g;
  let m: RegExpExecArray | null;
  while ((m = strong.exec(folded))) {
    pieces.push({ start, end: m.index });
    start = m.index + m[0].length;
    if (m[0] === "") strong.lastIndex++;
  }
  pieces.push({ start, end: folded.length });
  // weak cuts at ，、: each piece is a clause, except that a bare score ("，得8分"), a bare step after a
  // condition ("少于6次的，每少1次扣1分") or what follows "…的，" belongs to the piece before it
  const out: Clause[] = [];
  for (const p of pieces) {
    const cuts: number[] = [];
    const weak = /[,、]/g;
    weak.lastIndex = p.start;
    let w: RegExpExecArray | null;
    while ((w = weak.exec(folded)) && w.index < p.end) {
      // "（3分，少一次扣1分）": a bracket is one piece, whatever it holds
      if (insideBracket(folded, p.start, w.index)) continue;
      // "、" lists nouns ("科技会议、活动的…"): it ends a clause only after a score
      if (w[0] === "、" && !/分\)?\s*$/.test(folded.slice(p.start, w.index))) continue;
      cuts.push(w.index);
    }
    let s = p.start;
    for (let k = 0; k < cuts.length; k++) {
      const before = normalize(folded.slice(s, cuts[k]));
      const after = normalize(folded.slice(cuts[k] + 1, k + 1 < cuts.length ? cuts[k + 1] : p.end));
      if (joinsNext(before, after)) continue;
      push(out, text, folded, s, cuts[k]);
      s = cuts[k] + 1;
    }
    push(out, text, folded, s, p.end);
  }
  return out;
}

/** Whether `at` lies inside a bracket opened after `from`. */
function insideBracket(folded: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    if (folded[i] === "(") depth++;
    else if (folded[i] === ")" && depth > 0) depth--;
  }
  return depth > 0;
}

const BARE_SCORE = new RegExp(
  String.raw`^(?:的|者)?(?:可?得|计|加|记|给|扣|减)?(?:${NUM}(?:-${NUM})?分|满分|基本分|基础分|不得分|不计分)$|^\(${NUM}(?:-${NUM})?分\)$`,
);

function joinsNext(before: string, after: string): boolean {
  if (before === "" || after === "") return false;
  if (/^(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]+)$/.test(before)) return true; // "1、…": a numbering marker
  if (BARE_SCORE.test(after)) return !/分\)?$/.test(before);
  if (/(?:的|者|时)$/.test(before) && !/分\)?$/.test(before)) return true;
  return false;
}

function push(out: Clause[], text: string, folded: string, start: number, end: number): void {
  const written = trimSegment(text.slice(start, end));
  let norm = normalize(folded.slice(start, end)).replace(/^[,、:;]+|[,、:;.]+$/g, "");
  norm = withoutEvidence(norm.replace(MARKER, ""));
  if (norm === "" || written === "") return;
  // "达到上年水平得2分" / "与上年持平的得基本分": last year's level is a growth of 0%
  norm = norm.replace(
    /(?:达到|保持|持平于|与|比|较|同)(上年|去年|上年同期|去年同期)(?:水平|持平)(?=的?[,:]?(?:得|计|可得|记|为)|$)/,
    "较$1增长0%",
  );
  // "达到8个项目得满基本分": the full 基本分
  norm = norm.replace(/满(基本分|基础分)/g, "$1");
  // "少一次扣1分", "出现1例未处理扣2分": each one short, each case found — 每 left out
  norm = norm
    .replace(/^(少|缺|差)(?:一|1)(?=[次个项篇人家件条份户天日])/, "每$11")
    .replace(/^(出现|发现)(?:一|1)(?=[例次起处件])/, "每$11");
  // "…查看相关会议记录（3分，少一次扣1分）": the bracket holds the item's full score and its deduction
  const heading = new RegExp(String.raw`^(.*?)\((${NUM})分,((?:每)?(?:少|缺|差)[^()]*?扣${NUM}分(?:,扣完为止)?)\)$`).exec(norm);
  if (heading) {
    const [, pre, full, rest] = heading;
    if (pre !== "") push(out, pre, pre, 0, pre.length);
    out.push({ text: written, norm: `满分${full}分`, index: out.length + 1 });
    for (const part of rest.split(",")) push(out, written, part, 0, part.length);
    return;
  }
  // "…出现1例未处理扣2分（5分）": a deduction with the item's full score after it
  const fullAfter = new RegExp(String.raw`^(.*扣${NUM}分)\((${NUM})分\)$`).exec(norm);
  if (fullAfter) {
    out.push({ text: written, norm: fullAfter[1], index: out.length + 1 });
    out.push({ text: written, norm: `满分${fullAfter[2]}分`, index: out.length + 1 });
    return;
  }
  // "…记2分（不投稿不得分）": the bracket is a clause of its own
  const otherwise =
    /^(.*分)\(((?:不|未|没有|无)[^()]*?(?:不得分|不计分|不加分))\)$/.exec(norm) ?? /^(.*分)\(([^()]*?按(?:完成)?比例[^()]*)\)$/.exec(norm);
  // "每增减" and its bracketed spellings ("每增长（减少）2个百分点加（减）0.1分")
  const twoWay = new RegExp(
    String.raw`^(.*?)每(?:增减|增加或减少|增或减|升降|(?:增长|增加|提高|上升|增)(?:\((?:减少|下降|降低|减)\)|或(?:减少|下降|降低)))(.*?)(?:相应)?(加减|增减|加或减|加\((?:减|扣)\))(${NUM})分$`,
  ).exec(norm);
  if (twoWay) {
    const [, pre, step, , per] = twoWay;
    out.push({ text: written, norm: `${pre}每增加${step}加${per}分`, index: out.length + 1 });
    out.push({ text: written, norm: `${pre}每减少${step}减${per}分`, index: out.length + 1 });
    return;
  }
  if (otherwise) {
    out.push({ text: written, norm: otherwise[1], index: out.length + 1 });
    out.push({ text: otherwise[2], norm: otherwise[2], index: out.length + 1 });
    return;
  }
  out.push({ text: written, norm, index: out.length + 1 });
}

/** what a score may be a share of: the row's 基本分值/权重分值 or the 满分 ("得基本分值的80%") */
const SHARE_OF = String.raw`(?:基本分值|基本分|基础分值|基础分|满分值?|分值|权重分值|权重分|权重)`;

const SCORE_TAIL = new RegExp(
  String.raw`(?:[,:]?(?:的|者)?,?(?:可?得|计|加|记|给|赋|得基本分|得基础分|基本分|基础分)?(${NUM})(?:分)?(?:-(${NUM}))?分|\((${NUM})(?:分)?(?:-(${NUM}))?分\)|[,:]?(?:的|者)?,?(?:可?得|计|给|记|为)?(满分|基本分|基础分)|[,:]?(?:的|者)?,?(不得分|不计分|不加分|不给分|得0分|计0分)|[,:]?(?:的|者)?,?(?:可?得|计|给|记|为)?${SHARE_OF}的(${NUM})%)$`,
);

/** Splits a clause into what comes before its score and the score. */
export function splitScore(norm: string): { before: string; score: StatedScore } | null {
  const m = SCORE_TAIL.exec(norm);
  if (!m) return null;
  const before = norm
    .slice(0, m.index)
    .replace(/[,:]+$/, "")
    .replace(/(?:的|者)$/, "");
  if (m[5]) return { before, score: { full: true } };
  if (m[6]) return { before, score: { n: Rational.ZERO } };
  if (m[7]) return { before, score: { share: Rational.parse(m[7]).div(100) } };
  const a = m[1] ?? m[3];
  const b = m[2] ?? m[4];
  const x = Rational.parse(a);
  if (b === undefined) return { before, score: { n: x } };
  const y = Rational.parse(b);
  return { before, score: { lo: Rational.min(x, y), hi: Rational.max(x, y) } };
}

/** Units a value may carry in a rule: one token right after a number. */
const UNIT = String.raw`(?:个百分点|百分点|%|‰|[百千万亿]*元|件\/万人|万?人次|[个项次篇人家件所座处名位台套户亩吨起期例场批条](?:\/[万千百]?[人家户])?|分钟|天|日|小时|周|个月|月|年|倍)?`;

const NUMBER_WITH_UNIT = new RegExp(String.raw`(${NUM})(${UNIT})(\((?:不)?(?:含|包含|包括)(?:本数)?\))?`, "y");

/**
 * Reads a condition on one number or a range: "≥30%", "30%以上", "20%(含)-30%", "10%以下", "低于5%",
 * "超过100万元", "投入达到200万元", "较上年增长10%", "10-20家(含20家)". Null when it is not one.
 */
export function readCondition(before: string): Condition | null {
  let s = before.replace(/(?<![\d.])(?:19|20)\d{2}年度?(?=[\u4e00-\u9fff])/g, "");
  // "科级领导干部中35岁及以下的不低于总数的20%": an age says who is counted, "总数的" what the share is of
  s = s
    .replace(/(?<=[\u4e00-\u9fff])\d{1,2}周?岁(?:及|以)?(?:以下|以上|以内)?的?(?=[\u4e00-\u9fff])/g, "")
    .replace(/(不低于|不少于|不高于|不超过|达到|低于|高于|超过|少于)(?:总数|总量|总额|总人数)的(?=\d)/, "$1");
  // "10例以上（含简易案件）": what is counted in, no edge
  s = s.replace(/\((?:含|包含|包括)(?!本数)[^()\d]{2,}\)/g, "");
  // "(含30%)" / "(不含10%)": an edge note that names its number
  const notes: { at: Rational; inclusive: boolean }[] = [];
  s = s.replace(new RegExp(String.raw`\((不)?(?:含|包含|包括)(${NUM})[^()]*\)`, "g"), (_m, no: string | undefined, n: string) => {
    notes.push({ at: Rational.parse(n), inclusive: !no });
    return "";
  });
  const both = new RegExp(String.raw`^(${NUM})(${UNIT})(≤|<)([^\d≥≤<>]*)(≤|<)(${NUM})(${UNIT})$`).exec(s);
  if (both) {
    const [, a, ua, ca, subj, cb, b, ub] = both;
    if (ua && ub && ua !== ub) return null;
    const lo = Rational.parse(a);
    const hi = Rational.parse(b);
    if (!lo.lt(hi)) return null;
    return {
      subject: subj,
      unit: ua || ub || null,
      low: { at: lo, inclusive: ca === "≤", explicit: true },
      high: { at: hi, inclusive: cb === "≤", explicit: true },
    };
  }
  const first = /\d/.exec(s);
  if (!first) return null;
  let head = s.slice(0, first.index);
  let cmp: string | null = null;
  const cm =
    /(≥|>|≤|<|不低于|不少于|不小于|不超过|不高于|不多于|不大于|达到|完成|超过|高于|低于|不足|不到|未达到|未达|少于|多于|大于|小于|在|以上|以下)$/.exec(
      head,
    );
  if (cm) {
    cmp = cm[1];
    head = head.slice(0, cm.index);
  }
  // "至少开展3次活动": the comparison word stands before other words
  let wordy = false;
  if (!cm) {
    const inner = /(至少|最少|≥|达到|超过|满)/.exec(head);
    if (inner) {
      cmp = inner[1] === "至少" || inner[1] === "最少" || inner[1] === "满" ? "≥" : inner[1];
      wordy = true;
    }
  }
  const subject = head.replace(/[,:]+$/, "");
  if (/[\d≤<>]/.test(subject) || (!wordy && /≥/.test(subject))) return null;
  const nums: { n: Rational; unit: string; note: boolean | null }[] = [];
  let i = first.index;
  let joined = false;
  const readNum = (): boolean => {
    NUMBER_WITH_UNIT.lastIndex = i;
    const m = NUMBER_WITH_UNIT.exec(s);
    if (!m) return false;
    nums.push({ n: Rational.parse(m[1]), unit: m[2], note: m[3] ? !m[3].includes("不") : null });
    i += m[0].length;
    return true;
  };
  if (!readNum()) return null;
  if (s[i] === "-") {
    i++;
    joined = true;
    if (!readNum()) return null;
  }
  let suffix = s.slice(i);
  // "30%(含)以上" or "30%以上(含)": the note may sit either side of 以上/以下
  const noteAfter = /^(.*?)\((不)?(?:含|包含|包括)(?:本数)?\)$/.exec(suffix);
  let tailNote: boolean | null = null;
  if (noteAfter) {
    suffix = noteAfter[1];
    tailNote = !noteAfter[2];
  }
  if (wordy && /^[\u4e00-\u9fff]*$/.test(suffix) && !/以上|以下|以内/.test(suffix)) suffix = "";
  // "达到8个项目", "超过5家企业以上": after a classifier, the noun it counts
  const counted = nums[nums.length - 1].unit;
  // "…合作3个以上项目的": or after the 以上 that gives the direction
  if (/^[个项家件所座处名位台套户]$/.test(counted)) {
    const noun = "(?:项目|企业|单位|平台|机构|成果|专利|产品|园区|基地|人才|团队)";
    if (cmp !== null) suffix = suffix.replace(new RegExp(`^${noun}(?=(?:及以上|以上|及以下|以下|以内|的|者|时)*$)`), "");
    suffix = suffix.replace(new RegExp(`^(及以上|以上|及以下|以下)${noun}(?=(?:的|者|时)*$)`), "$1");
  }
  if (joined) suffix = suffix.replace(/^(?:之间|区间内|范围内)/, "");
  if (!/^(?:及以上|以上|及以下|以下|以内|的|者|时)*$/.test(suffix)) return null;
  const suf = suffix.replace(/(?:的|者|时)+$/, "");

  const units = nums.map((x) => x.unit).filter((u) => u !== "");
  if (new Set(units).size > 1) return null;
  const unit = units[0] ?? null;
  const noteFor = (x: Rational, own: boolean | null): boolean | null => {
    const hit = notes.find((nt) => nt.at.eq(x));
    return hit ? hit.inclusive : own;
  };

  if (joined) {
    if ((cmp !== null && cmp !== "在") || suf !== "") return null;
    const [a, b] = nums;
    if (a.n.eq(b.n)) return null;
    const lo = a.n.lt(b.n) ? a : b;
    const hi = a.n.lt(b.n) ? b : a;
    const loNote = noteFor(lo.n, lo.note);
    const hiNote = noteFor(hi.n, hi === b && tailNote !== null ? tailNote : hi.note);
    return {
      subject,
      unit,
      // open text: the lower edge belongs to this (higher) band, the upper edge to the band above
      low: { at: lo.n, inclusive: loNote ?? true, explicit: loNote !== null },
      high: { at: hi.n, inclusive: hiNote ?? false, explicit: hiNote !== null },
    };
  }
  const x = nums[0];
  const own = noteFor(x.n, tailNote ?? x.note);
  let dir: "up" | "down" | null = null;
  let inclusive: boolean | null = null;
  const word = cmp ?? "";
  if (/^(?:≥|达到|完成|在|不低于|不少于|不小于)$/.test(word)) [dir, inclusive] = ["up", true];
  else if (/^(?:不超过|不高于|不多于|不大于)$/.test(word)) [dir, inclusive] = ["down", true];
  else if (/^(?:>|超过|高于|多于|大于)$/.test(word)) [dir, inclusive] = ["up", false];
  else if (word === "≤") [dir, inclusive] = ["down", true];
  else if (/^(?:<|低于|不足|不到|未达到|未达|少于|小于)$/.test(word)) [dir, inclusive] = ["down", false];
  // "完成10%以下": 完成 names what is measured (completion), the suffix gives the direction
  if (suf !== "" && (word === "完成" || word === "达到")) [dir, inclusive] = [null, null];
  if (suf !== "") {
    const sdir = suf.includes("上") ? "up" : "down";
    if (dir !== null && dir !== sdir && word !== "在") return null;
    dir = sdir;
    if (/^及/.test(suf) || suf === "以内") inclusive = true;
  }
  if (own !== null) inclusive = own;
  if (dir === null) {
    // a bare number after a subject: "较上年增长10%得基本分4分", "投入200万元得1分" reads as reaching it
    if (subject === "" && suf === "" && own === null) {
      // "0项（0分）": exactly that value
      const at = { at: x.n, inclusive: true, explicit: true };
      return { subject, unit: x.unit || null, low: at, high: { ...at } };
    }
    if (!/增长|增幅|增速|较上年|比上年|同比/.test(subject)) return null;
    dir = "up";
  }
  const explicit = inclusive !== null || (word !== "" && word !== "以上" && word !== "以下");
  const edge: Edge = { at: x.n, inclusive: inclusive ?? dir === "up", explicit };
  return dir === "up" ? { subject, unit, low: edge, high: null } : { subject, unit, low: null, high: edge };
}

const STEP = new RegExp(
  String.raw`^(.*?)每(增加|提高|增长|多|超过|超出|高出|超|上升|增|满|减少|降低|下降|少|低|减|不足|缺少|缺|差)?([^\d每]*?)(${NUM}|一)?(${UNIT})(?:[\u4e00-\u9fff]*?)(?:的)?[,:]?(加|增加|增|得|计|记|另加|扣除|扣|减少|减|倒扣)(${NUM})分$`,
);
/**
 * "每投产或开工总投资一个2亿元以上项目或2000万美元以上项目的得1分": each one item ("一个", "1家") of a
 * kind described with numbers of its own (an investment of 2亿元 or more) scores; the value counts such
 * items. The numbers describe the item, they are no condition on the value.
 */
const DESCRIBED_ITEM = new RegExp(
  String.raw`^每([\u4e00-\u9fff]{0,12}?)(?:一|1)(个|项|家|件|所|座|处|台|套)((?:(?!每)[^,])*?\d(?:(?!每)[^,])*?)的?[,:]?(?:得|计|记|加)(${NUM})分$`,
);
const DOWN_VERBS = /^(?:减少|降低|下降|少|低|减|不足|缺少|缺|差)$/;

/** Reads one clause; null when none of the shapes fits. */
export function readClause(clause: Clause): Reading | null {
  const n = clause.norm;
  const bound = readBound(clause);
  if (bound) return bound;
  if (
    /^(?:否则|未达到|达不到|没有|无|不达标|未完成|其余|其他|以下|低于此|不足|不(?!得分|计分|加分|给分))[^\d]*(?:不得分|不计分|不加分|不给分|得0分|0分)$/.test(
      n,
    )
  ) {
    return { shape: "else-zero", clause };
  }
  const described = DESCRIBED_ITEM.exec(n);
  if (described) {
    // "每投产…一个2亿元以上项目…的得1分": one item of a kind its own numbers describe, counted from none
    const [, verb, unit, , per] = described;
    return { shape: "step", clause, down: false, step: Rational.ONE, per: Rational.parse(per), unit, verb, cond: null };
  }
  // "每年向…提供稿件1件以上记2分": 每年/每季度 is a period, not a step
  const step = STEP.exec(n.replace(/每(?:年度?|季度|半年|月|周)(?![\d一二两三四五六七八九十])/g, ""));
  if (step) {
    const [, pre, verb = "", subj2, stepN, unit, sv, per] = step;
    if (/[\d≥≤<>]/.test(subj2)) return null;
    let cond: Condition | null = null;
    // "每项指标每超5%加1分": 每项指标 says the rule holds for each indicator, it is no condition
    const preText = pre
      .replace(/^(?:在|以)?(?:此|这个|该)(?:基础上|基础之上|为基础)|^超(?:过|出)部分|^(?:每项|各项|每个|单项)指标/, "")
      .replace(/[,:]+$/, "")
      .replace(/(?:的|者|时)$/, "");
    // "纳税额每满3万元得1分": the words before 每满 name what is counted, they are no condition
    // as do those before "每落实/每获得/每争取…" (an amount counted from zero, not a rise over a base)
    const subjectOnly = (verb === "满" || (verb === "" && /^(?:落实|获得|争取|引进|到位)$/.test(subj2))) && !/[\d≥≤<>]/.test(preText);
    if (preText !== "" && !subjectOnly) {
      cond = readCondition(preText);
      if (!cond) return null;
    }
    const mag = Rational.parse(per);
    const negative = /扣|减/.test(sv);
    // "少于4次每次扣1分", "少于50天的每天扣0.1分": under a "below" condition each unit short is a step down
    const down =
      DOWN_VERBS.test(verb) || (verb === "" && subj2 === "" && negative && cond !== null && cond.low === null && cond.high !== null);
    return {
      shape: "step",
      clause,
      down,
      step: stepN === undefined || stepN === "一" ? Rational.ONE : Rational.parse(stepN),
      per: negative ? mag.neg() : mag,
      unit: unit === "" ? null : unit === "个百分点" || unit === "百分点" ? "%" : unit,
      verb: verb + subj2,
      cond,
    };
  }
  const sp = splitScore(n);
  if (!sp) {
    const req = /\d/.test(n) ? readCondition(n) : null;
    return req && req.low ? { shape: "band", clause, cond: req, score: { full: true }, required: true } : null;
  }
  if (sp.before === "") return null;
  const cond = readCondition(sp.before);
  if (cond) return { shape: "band", clause, cond, score: sp.score };
  if (/\d/.test(sp.before)) return null;
  return { shape: "case", clause, words: sp.before, score: sp.score };
}

function readBound(clause: Clause): Reading | null {
  const n = clause.norm;
  if (/^(?:扣完为止|扣完即止|扣至0分为止|扣到0分为止|减完为止|最低(?:为)?0分|最低不低于0分|最低得0分)$/.test(n)) {
    return { shape: "floor", clause, min: Rational.ZERO };
  }
  const cap = new RegExp(
    String.raw`^(?:本项|该项|此项)?(?:(?:最高|最多|累计|合计|总分|总计|加分)?(?:不超过|不高于|不得超过|不超出|≤)|最高限分|最高|最多|上限|封顶|最高得|最多得|最高加|最多加|加满)为?(${NUM})分(?:为止|封顶)?$|^(${NUM})分封顶$`,
  ).exec(n);
  if (cap) return { shape: "cap", clause, max: Rational.parse(cap[1] ?? cap[2]), ...(/^(?:最高|最多)加\d/.test(n) ? { added: true } : {}) };
  const swing = new RegExp(
    String.raw`^(?:最高|最多)?(?:加减分|增减分|加扣分)(?:最高|最多)?(?:不得超过|不超过|不超出|≤|为)?(${NUM})分$`,
  ).exec(n);
  if (swing) return { shape: "swing", clause, max: Rational.parse(swing[1]) };
  // "加分最高不超过基本分值的50%", "加分最高不超过基本分值": the bonus over the base, as a share of it
  const bonus = new RegExp(
    String.raw`^(?:所)?(?:加(?:分|的分)(?:最高|最多)|(?:最高|最多)加分|加分上限)(?:不得超过|不超过|不超出|不高于|≤|为)?(?:(${SHARE_OF})(?:的(${NUM})%)?|(${NUM})分)$|^(?:所)?加分(?:不得超过|不超过|不超出|不高于|≤)(${SHARE_OF})(?:的(${NUM})%)?$`,
  ).exec(n);
  if (bonus) {
    if (bonus[3]) return { shape: "bonus", clause, max: Rational.parse(bonus[3]), share: false };
    const pct = bonus[2] ?? bonus[5];
    return { shape: "bonus", clause, max: pct ? Rational.parse(pct).div(100) : Rational.ONE, share: true };
  }
  const floor = new RegExp(String.raw`^最低(?:为|得|扣至|扣到)?(${NUM})分$`).exec(n);
  if (floor) return { shape: "floor", clause, min: Rational.parse(floor[1]) };
  const full = new RegExp(
    String.raw`^(?:本项|该项|此项|本指标)?(?:满分|总分|分值)为?(${NUM})分$|^(?:本项|该项|此项|本指标)(${NUM})分$`,
  ).exec(n);
  if (full) return { shape: "full", clause, n: Rational.parse(full[1] ?? full[2]) };
  return null;
}

/** Reads every clause; the first one that cannot be read is the error. */
export function readClauses(text: string): Reading[] {
  const all = clausesOf(text);
  if (all.length === 0) throw new RuleError("评分标准是空的", text.trim());
  // "乡镇科技投入要列入本级财政预算，比例不低于1.0%（10分）": what the item is about, before its scoring
  let k = 0;
  while (k < all.length - 1 && isDescription(all[k].norm)) k++;
  // "查看相关会议记录": how the figure is checked, anywhere in the rule
  const cs = all.slice(k).filter((c, i, xs) => xs.length === 1 || !isCheckNote(c.norm));
  const rs = withBaseFigure(cs).map((c, i, all) => {
    const r = readClause(c) ?? asTarget(c, all[i + 1]);
    if (!r) throw clauseError(c, twoFiguresReason(c) ?? ratioGrowthReason(c) ?? "看不懂这一条");
    return r;
  });
  // "…（以报道形式），4分。少于4次每次扣1分": a heading's score is the full score the deductions start from
  const first = rs[0];
  if (
    first.shape === "case" &&
    "n" in first.score &&
    rs.length > 1 &&
    rs.slice(1).some((r) => r.shape === "step" && r.per.sign() < 0) &&
    rs.slice(1).every((r) => r.shape !== "case" && r.shape !== "band" && r.shape !== "full")
  ) {
    rs[0] = { shape: "full", clause: first.clause, n: first.score.n };
  }
  return rs;
}

/**
 * "以2010年实绩为基数，持平得基本分值的80%，每项指标每超5%加1分": the figure the growth is counted
 * against is named once, in a clause of its own. The sheet holds it as the value before this one in the
 * row (the year column before), as for "较上年": the clause is dropped, and "持平" (level with that
 * figure) reads as a growth of 0% over it. A rule that names no such figure keeps "持平" unread.
 */
function withBaseFigure(cs: Clause[]): Clause[] {
  const at = cs.findIndex((c) => BASE_FIGURE.test(c.norm));
  if (at < 0 || cs.length === 1) return cs;
  return cs
    .filter((_, i) => i !== at)
    .map((c) => ({
      ...c,
      norm: c.norm.replace(/^(?:与基数|和基数|同基数)?(?:持平|保持基数|达到基数)(?:水平)?(?=的?[,:]?(?:得|计|可得|记|为))/, "较基数增长0%"),
    }));
}

const BASE_FIGURE =
  /^以(?:(?:19|20)\d{2}年度?|上年度?|上一年度?|去年)?(?:的)?(?:实绩|实际完成(?:数|值)?|完成(?:数|值)|实际值|实际数|数值|水平)?为(?:基数|基准|基础)$/;

/**
 * "及时反馈典型信息5条的计2.5分，每差1条扣0.5分", "新增入库10家得4分，每增加1家加0.2分": a bare number
 * followed by a step from it (the shortfall, or each one more) is where that score is reached. Only
 * then — a bare number alone says nothing of direction.
 */
function asTarget(c: Clause, next: Clause | undefined): Reading | null {
  if (!next) return null;
  const step = readClause(next);
  if (!step || step.shape !== "step" || step.cond !== null) return null;
  // a shortfall deducts; one more adds
  if (step.down ? step.per.sign() >= 0 : step.per.sign() <= 0) return null;
  const m = new RegExp(String.raw`^([^\d≥≤<>]*?)(${NUM})`).exec(c.norm);
  if (!m || /(?:达到|超过|低于|不足|少于|以上|以下)$/.test(m[1])) return null;
  const r = readClause({ ...c, norm: `${m[1]}达到${c.norm.slice(m[1].length)}` });
  return r && r.shape === "band" && r.cond.low && !r.cond.high ? r : null;
}

/**
 * "税额在50万元以上且比去年同期增长10%得基本分": a condition on two figures joined by 且/同时/并且. A value
 * cell holds one figure, so the second cannot be checked from the sheet: the reason names it.
 */
function twoFiguresReason(c: Clause): string | null {
  const m = new RegExp(
    String.raw`^(.*?${NUM}[^\d,;]*?)(?:且|并且|同时|而且|并)(.*?${NUM}(?:个百分点|百分点|%|‰|[百千万亿]*元|[个项家件人次])?)`,
  ).exec(c.norm);
  if (!m) return null;
  const second = /[\u4e00-\u9fff]*?(?:比|较|与)?[\u4e00-\u9fff]*?\d[\d.]*(?:个百分点|百分点|%|‰|[百千万亿]*元|[个项家件人次])?/.exec(m[2]);
  const named = second ? second[0] : m[2];
  return `条件同时要求两个数字，一格数值只对应其中一个，表中没有“${named}”这一项的数据，无法判断；请手工填写得分`;
}

/**
 * "R&D占比同比每增长0.2%，加5分": a share's growth written in %, which may be percentage points (2.0%→2.2%)
 * or a growth rate (2.0%→2.004%) — two scores far apart; the reason says how to write it.
 */
function ratioGrowthReason(c: Clause): string | null {
  const m = new RegExp(String.raw`(?:占比|比重|比例|强度|占.*?的比)(?:同比|较上年|比上年)?每(?:增长|提高|增加|上升)(${NUM})%`).exec(c.norm);
  if (!m) return null;
  return `比重的增长写成“${m[1]}%”，看不出是${m[1]}个百分点还是${m[1]}%的增长率；请写成“每提高${m[1]}个百分点”，或手工填写得分`;
}

export function clauseError(c: Clause, why: string): RuleError {
  return new RuleError(`评分标准第${c.index}条“${c.text}”无法识别：${why}`, c.text);
}

/** Tries to read every clause; null when any fails (for recognisers, which must not throw). */
export function tryReadClauses(text: string): Reading[] | null {
  try {
    return readClauses(text);
  } catch {
    return null;
  }
}
