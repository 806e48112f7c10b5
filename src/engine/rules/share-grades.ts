/**
 * Grades worth a share of the row's 分值, each reached by a figure: a 自评表's columns
 * "优秀(占比90-100%)｜优良(占比70-90%)｜合格(占比60-70%)｜不合格(占比60%以下)" over one row's cells
 * ("300天以上｜250天以上｜200-250天｜200天以下"), written as one text
 * "优秀(占比90-100%)：300天以上；优良(占比70-90%)：250天以上；…". The figure picks the grade — the
 * first, best first, whose condition it meets — and the grade gives a range of the 分值, within which
 * the assessors score: 280天 under a 分值 of 10 is 优良, 7-9分. A condition in words with no figure
 * ("科普展示内容未更新") is the grade of nothing done: it holds for 0. Grades all in words
 * ("展品展项丰富…｜展品展项完整…") are judged: no figure picks the grade.
 */
import { Rational } from "../decimal";
import { foldChars, normalize } from "../normalize";
import { RuleError, type Rule, type ScoreContext, type ScoreResult, type ValueInput } from "../types";
import { readCondition, type Condition } from "./clauses";
import { NUM, range, shortDecimal, trimSegment, valueError, withUnit, type RulePlugin } from "./common";
import { contains, levelReader, WHOLE_UNITS } from "./steps";
import { readUnit } from "../values";
import { makeJudged } from "./judged";

interface Grade {
  label: string;
  /** the share of the 分值, as fractions */
  lo: Rational;
  hi: Rational;
  /** null: a condition in words — the grade of nothing done ("未更新", holds for 0 only) unless `words` */
  cond: Condition | null;
  /** a condition in words that is no figure and not "nothing done" ("展品展项丰富…") */
  words: boolean;
  text: string;
}

/** how a table heads the share: "占比90-100%", "得分率90%以上", "按分值的60-70%" */
const SHARE_WORD = String.raw`(?:占比|占分值的?|占|为|得分率|按分值的|分值的)?`;
/** a share heading anywhere in the text: whether to try reading it as grades at all */
const SHARE_HEAD = new RegExp(String.raw`\(${SHARE_WORD}${NUM}%?(?:-${NUM}%|%以上|%以下)\)`);
/** one grade: "优秀(占比90-100%):…", "不合格(占比60%以下):…", "良好(占70%-90%):…" */
const GRADE = new RegExp(String.raw`^([^\d()]{1,8}?)\(${SHARE_WORD}(${NUM})%?(?:-(${NUM})%|%(以上|以下))\)[:,]?(.+)$`);

/** The text's grades, or null when it is not written as grades with shares (at least two, every segment one). */
function gradesOf(text: string): Grade[] | null {
  // each piece folded on its own, so that an error names it as written
  const pieces = text
    .split(/[;；。\n]/)
    .map((w) => ({ written: trimSegment(w), p: foldChars(w).replace(/\s+/g, "") }))
    .filter(({ p }) => p !== "");
  if (pieces.length < 2) return null;
  const out: Grade[] = [];
  for (const { written, p } of pieces) {
    const m = GRADE.exec(p);
    if (!m) return null;
    const a = Rational.parse(m[2]).div(100);
    const b = m[3] !== undefined ? Rational.parse(m[3]).div(100) : null;
    const [lo, hi] = b !== null ? [Rational.min(a, b), Rational.max(a, b)] : m[4] === "以下" ? [Rational.ZERO, a] : [a, Rational.ONE];
    const said = m[5];
    const norm = normalize(said);
    const cond = readCondition(norm);
    if (cond === null && /\d/.test(norm)) {
      throw new RuleError(`评分标准“${written}”无法识别：等级的条件看不出是多少`, written);
    }
    // "自建网站、微信或微博平台,上传区级共享平台信息达15条以上": a figure and a second condition in words
    if (cond !== null && /[,;]/.test(cond.subject)) {
      throw new RuleError(`评分标准“${written}”无法识别：一个等级有两项条件，单元格的一个数值定不了等级`, written);
    }
    out.push({ label: m[1], lo, hi, cond, words: cond === null && !/未|没有|无|不/.test(norm), text: written });
  }
  return out;
}

/**
 * "3万人次以上｜1-3万人次｜1000-10000人｜1000人次以下": each grade's figures in the base unit (人次), so
 * that grades written with 万 compare with the others; a bare "人" among grades that count 人次 is
 * the typist's shorthand for the same count (one column of one table).
 */
function inBaseUnits(grades: Grade[]): void {
  for (const g of grades) {
    const c = g.cond;
    const u = c?.unit ? readUnit(c.unit) : null;
    if (!c || !u || u.text !== c.unit) continue;
    const base = u.base + (u.per !== null ? `/${u.per}` : "");
    const scale = (e: Condition["low"]) => (e ? { ...e, at: e.at.mul(u.mult) } : null);
    g.cond = { ...c, unit: base, low: scale(c.low), high: scale(c.high) };
  }
  const said = new Set(grades.map((g) => g.cond?.unit).filter((u) => u));
  if (said.has("人次") && said.has("人")) {
    for (const g of grades) if (g.cond?.unit === "人") g.cond = { ...g.cond, unit: "人次" };
  }
}

export function parseShareGrades(text: string): Rule {
  const found = gradesOf(text);
  if (found === null) throw new RuleError(`评分标准“${text.trim()}”无法识别：不是按等级占分值比例写的`, text.trim());
  const grades: Grade[] = found;
  for (let i = 1; i < grades.length; i++) {
    if (grades[i].lo.gt(grades[i - 1].lo)) {
      throw new RuleError(`评分标准“${grades[i].text}”无法识别：等级应从高到低写`, grades[i].text);
    }
  }
  // "优秀(占比90-100%)：展品展项丰富…；优良(占比70-90%)：展品展项完整…": no grade is reached by a figure,
  // so the assessors judge the grade and its score (the same as prose)
  if (grades.every((g) => g.cond === null)) return makeJudged(text, normalize(text));
  const worded = grades.find((g) => g.words);
  if (worded) throw new RuleError(`评分标准“${worded.text}”无法识别：等级的条件看不出是多少`, worded.text);
  inBaseUnits(grades);
  const units = [...new Set(grades.flatMap((g) => (g.cond?.unit ? [g.cond.unit] : [])))];
  if (units.length > 1) {
    const g = grades.find((x) => x.cond?.unit && x.cond.unit !== units[0])!;
    throw new RuleError(`评分标准“${g.text}”无法识别：各等级的单位不一致（${units.join("、")}）`, g.text);
  }
  const unit = units[0] ?? null;
  const read = levelReader(unit, unit !== null && WHOLE_UNITS.test(unit));

  function score(input: ValueInput, context?: ScoreContext): ScoreResult {
    const r = read(input, context);
    if ("status" in r) return r;
    const v = r.value;
    const weight = context?.weight;
    if (weight === undefined || weight === null) return valueError("没有权重分值：等级只写了占分值的比例，无从折算成分数");
    const w = Rational.fromNumber(weight);
    const g = grades.find((x) => (x.cond === null ? v.isZero() : contains(x.cond, v)));
    if (!g) return valueError(`${withUnit(v, unit)}不在评分标准的任何一个等级内`);
    const low = w.mul(g.lo);
    const high = w.mul(g.hi);
    return range(
      low,
      high,
      v,
      () =>
        `${withUnit(v, unit)}为“${g.label}”：${weight}分×${g.lo.mul(100).toDecimalString()}%～${g.hi.mul(100).toDecimalString()}% = ${shortDecimal(low)}-${shortDecimal(high)}分，由评议在档内定分`,
    );
  }

  return { kind: "share-graded", text, unit, max: null, score, required: () => null };
}

export const shareGradesPlugin: RulePlugin = {
  kind: "share-graded",
  recognizes: (norm, text) => {
    if (!SHARE_HEAD.test(norm)) return false;
    try {
      return gradesOf(text) !== null;
    } catch {
      return true; // written as grades, with a condition it cannot read: parse names it
    }
  },
  parse: (text) => parseShareGrades(text),
};
