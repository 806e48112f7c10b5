/**
 * One grade out of several, or yes/no — exclusive, never added up:
 * - grades: "完成情况好计4分，一般计3分，差计2分", "优秀加5分，良好加4分，合格加3分，不合格扣5分" (a bonus
 *   or penalty list: every option 加 or 扣). The 情况 cell names the grade ("好", "良好").
 * - yes/no: "积极推广使用…信息化资源记2分（不使用不得分）", "满分5分。积极参加…的得5分，不参加的不得分。"
 *   The cell says whether it was done ("是", "已完成", "否", "无").
 * - a penalty for not doing it: "未公示的扣0.5分", "未落实专帐管理专项核算的，扣1分" — the row's 权重分值 when
 *   done, that much less when not (never below 0); the cell says "已公示"/"是" or "未公示"/"否".
 * A rule that mixes 计/得 options with 扣 (from what does 扣 count?) or lists two graded items in
 * one cell is refused, naming it.
 */
import { Rational } from "../decimal";
import { foldChars, normalize } from "../normalize";
import { RuleError, type Rule, type ScoreContext, type ScoreResult, type ValueInput } from "../types";
import { withoutEvidence } from "./notes";
import { categoricalPlugin } from "./categorical";
import { exact, NUM, valueError, type RulePlugin } from "./common";

const GRADE = "优秀|优良|良好|较好|一般|较差|不合格|不及格|合格|及格|优|良|中|好|差";
const GRADE_CLAUSE = new RegExp(String.raw`^(.*?)(${GRADE})(?:的|者)?,?(计|得|记|加|扣|给)(${NUM})分$`);
const YES = /^(?:是|有|已|已完成|完成|已建立|已制定|已开展|达标|符合|按时|√|✓|✔|y|yes|true)$/i;
const NO = /^(?:否|无|没有|未|未完成|未建立|未制定|未开展|不达标|不符合|不|×|✗|n|no|false)$/i;

interface Grade {
  name: string;
  points: Rational;
}

export interface GradedRule extends Rule {
  kind: "graded";
  grades: { name: string; points: number }[];
}

function prepared(text: string): string {
  return withoutEvidence(normalize(foldChars(text))).replace(/[;。.]+$/, "");
}

/** "满分5分。" before the rule: checked against what it gives */
function splitFull(n: string): { full: Rational | null; rest: string } {
  const m = new RegExp(String.raw`^(?:本项|该项)?满分(${NUM})分[;。,]?`).exec(n);
  return m ? { full: Rational.parse(m[1]), rest: n.slice(m[0].length) } : { full: null, rest: n };
}

function readGrades(n: string): Grade[] | null {
  const parts = n.split(/[,;。]/).filter((x) => x !== "");
  const out: Grade[] = [];
  let verbs = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const m = GRADE_CLAUSE.exec(parts[i]);
    if (!m) {
      // words before the first grade ("发展农产品名、特、优，新品种…完成情况好计4分")
      if (out.length === 0 && !/\d|分/.test(parts[i])) continue;
      return null;
    }
    const [, pre, name, verb, pts] = m;
    if (out.length > 0 && pre !== "") return null; // a second item's words: not one grade list
    if (/\d/.test(pre)) return null;
    verbs.add(verb);
    const p = Rational.parse(pts);
    out.push({ name, points: verb === "扣" ? p.neg() : p });
  }
  if (out.length < 2 || new Set(out.map((g) => g.name)).size !== out.length) return null;
  if (verbs.has("扣") && [...verbs].some((v) => v !== "扣" && v !== "加")) {
    throw new MixedVerbs();
  }
  return out;
}

const YES_NO = new RegExp(
  String.raw`^([^\d]+?)(?:的|者)?,?(?:可?得|计|记|给|加)(${NUM})分(?:[,;]?\(?([^\d()]*?(?:不|未|没|无|否则)[^\d()]*?(?:不得分|不计分|不给分|得0分))\)?)?$`,
);

function readYesNo(n: string): { what: string; points: Rational } | null {
  const m = YES_NO.exec(n);
  if (!m) return null;
  const what = m[1];
  // no number (digits are already excluded), no other score, no grade words, no figure the sheet lacks
  // a level ("省级以上计3分") is a per-item option of the counted family, not yes/no
  if (
    /得分|计分|加分|扣分|分值|满分|每|扣|超过|低于|不少于|不低于|最高|最多|累计|平均|排名|比例|较好|一般|较差|优秀|良好|不合格|国家级|省部级|省级|市级|县级|;|。/.test(
      what,
    )
  )
    return null;
  return { what, points: Rational.parse(m[2]) };
}

/** "未公示的扣0.5分": what is not done, and what that costs */
const PENALTY = new RegExp(String.raw`^(未|无|没有|不)([^\d,;。每]+?)(?:的|者)?,?(?:扣除|扣|减)(${NUM})分$`);

function readPenalty(n: string): { what: string; not: string; points: Rational } | null {
  const m = PENALTY.exec(n);
  if (!m || /得分|计分|加分|每|平均|排名|比例|酌情/.test(m[2])) return null;
  return { not: m[1], what: m[2], points: Rational.parse(m[3]) };
}

/** The cell says it was done ("是", "已公示", "公示") or not ("否", "未公示"); null when it says neither. */
function doneOf(t: string, what: string): boolean | null {
  if (YES.test(t)) return true;
  if (NO.test(t)) return false;
  const rest = t.replace(/^(?:已经|已|有)/, "");
  // "按时报送" for "未按时报送统计报表的扣1分": the thing done, named in short
  if (rest === what || ((rest !== t || rest.length >= 2) && what.startsWith(rest))) return true;
  const not = /^(?:未|无|没有|不)(.+)$/.exec(t);
  if (not && (not[1] === what || what.startsWith(not[1]))) return false;
  return null;
}

/** A 是/否 or 等次 cell as text to match: a logical as 是/否, text folded, spaces and a final 。 dropped. */
function answerOf(v: string | boolean): string {
  if (typeof v === "boolean") return v ? "是" : "否";
  return foldChars(v)
    .replace(/\s+/g, "")
    .replace(/[。.]$/, "");
}

function makePenaltyRule(text: string, p: { what: string; not: string; points: Rational }): Rule {
  function score(input: ValueInput, context?: ScoreContext): ScoreResult {
    const v = input.v;
    if (v === null || v === undefined) return { status: "no-value" };
    if (typeof v === "object") return valueError(`单元格是错误值 ${v.error}`);
    if (typeof v === "number") return valueError(`单元格是数字 ${v}，应写明是否${p.what}（“是”或“否”）`);
    const t = answerOf(v);
    if (t === "") return { status: "no-value" };
    const weight = context?.weight;
    if (weight === null || weight === undefined)
      return valueError(`评分标准只写了“${p.not}${p.what}的扣${p.points}分”，该行没有权重分值，不知道从几分扣起`);
    const full = Rational.fromNumber(weight);
    const done = doneOf(t, p.what);
    if (done === null) return valueError(`“${t}”看不出是否${p.what}，请填“是”或“否”`);
    if (done) return exact(full, null, `是：得权重分值${full}分`);
    const left = Rational.max(Rational.ZERO, full.sub(p.points));
    return exact(left, null, `${p.not}${p.what}：权重分值${full}分扣${p.points}分，得${left}分`);
  }
  return { kind: "graded", text, unit: null, max: null, score, required: () => null };
}

function makeRule(text: string, grades: Grade[], yesNo: boolean): GradedRule {
  const max = grades.reduce((a, g) => Rational.max(a, g.points), grades[0].points);
  function score(input: ValueInput): ScoreResult {
    const v = input.v;
    if (v === null || v === undefined) return { status: "no-value" };
    if (typeof v === "object") return valueError(`单元格是错误值 ${v.error}`);
    if (typeof v === "number")
      return valueError(`单元格是数字 ${v}，应写明${yesNo ? "是否完成" : `等次（${grades.map((g) => g.name).join("/")}）`}`);
    const t = answerOf(v);
    if (t === "") return { status: "no-value" };
    if (yesNo) {
      if (YES.test(t)) return exact(grades[0].points, null, () => `是：${grades[0].points}分`);
      if (NO.test(t)) return exact(Rational.ZERO, null, "否：0分");
      return valueError(`“${t}”看不出是否完成，请填“是”或“否”`);
    }
    const key = t.replace(/(?:的|等|等次|档|级)$/, "");
    const hit = grades.find((g) => g.name === key);
    if (!hit) return valueError(`“${t}”不是评分标准的等次（可选：${grades.map((g) => g.name).join("、")}）`);
    return exact(hit.points, null, () => `${hit.name}：${hit.points}分`);
  }
  return {
    kind: "graded",
    text,
    unit: null,
    max: max.toNumber(),
    grades: grades.map((g) => ({ name: g.name, points: g.points.toNumber() })),
    score,
    required: () => null,
  };
}

class MixedVerbs extends Error {}

export function parseGraded(text: string): Rule {
  const { full, rest } = splitFull(prepared(text));
  let grades: Grade[] | null;
  try {
    grades = readGrades(rest);
  } catch (e) {
    if (!(e instanceof MixedVerbs)) throw e;
    const part = text.trim();
    throw new RuleError(`评分标准“${part}”无法识别：既有计分又有扣分，看不出从多少分扣起`, part);
  }
  if (grades) {
    const top = grades.reduce((a, g) => Rational.max(a, g.points), grades[0].points);
    if (full !== null && !full.eq(top)) throw new RuleError(`评分标准的满分${full}分与最高一档${top}分不一致`, text.trim());
    return makeRule(text, grades, false);
  }
  const penalty = readPenalty(rest);
  if (penalty && full === null) return makePenaltyRule(text, penalty);
  const yn = readYesNo(rest);
  if (!yn) throw new RuleError(`评分标准“${text.trim()}”无法识别：看不出等次或是否完成`, text.trim());
  if (full !== null && !full.eq(yn.points)) throw new RuleError(`评分标准的满分${full}分与得分${yn.points}分不一致`, text.trim());
  return makeRule(
    text,
    [
      { name: "是", points: yn.points },
      { name: "否", points: Rational.ZERO },
    ],
    true,
  );
}

export const gradedPlugin: RulePlugin = {
  kind: "graded",
  recognizes: (norm, text) => {
    try {
      const { rest } = splitFull(prepared(text));
      if (readGrades(rest) !== null) return true;
      if (readPenalty(rest) !== null) return true;
      // "建立科技工作领导小组得2分，未建立不得分" is a categorical option the cell names; it reads "是" too
      return readYesNo(rest) !== null && !categoricalPlugin.recognizes(norm, text);
    } catch {
      return true; // a grade list it refuses: let parse name it
    }
  },
  parse: (text) => parseGraded(text),
};
