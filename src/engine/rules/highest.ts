/**
 * Take the highest, do not add up: "获国家级奖励得5分，省级得3分，市级得1分，取最高分不累计". The 情况 cell
 * names what was won ("省级、市级" → 3); the score is the best option named. Each part must match
 * exactly one option (by its level word, else by its words), never a guess.
 */
import { Rational } from "../decimal";
import { foldChars } from "../normalize";
import { stripBrackets } from "../values";
import { RuleError, type Rule, type ScoreResult, type ValueInput } from "../types";
import { clauseError, clausesOf, readClause } from "./clauses";
import { exact, valueError, type RulePlugin } from "./common";

const HIGHEST = /取最高|就高|按最高|只计最高|以最高|不累计|不重复(?:计分|加分|得分)|不叠加|不累加/;
const LEVEL = /国家级|国家|省部级|省级|省|市级|市|县级|县|区级|区|乡镇级|乡镇/;

interface Option {
  name: string;
  level: string | null;
  points: Rational;
  text: string;
}

function levelOf(s: string): string | null {
  const m = LEVEL.exec(s);
  if (!m) return null;
  const l = m[0].replace(/级$/, "");
  return l === "省部" ? "省" : l;
}

export function parseHighest(text: string): Rule {
  const options: Option[] = [];
  let cap: Rational | null = null;
  for (const c of clausesOf(text)) {
    if (HIGHEST.test(c.norm) && !/\d(?:\.\d+)?分/.test(c.norm)) continue;
    // "列入国家、省、市项目的分别加7、5、3分": one clause, several options
    const each =
      /^(.*?)((?:国家|省|市|县|区)级?(?:、(?:国家|省|市|县|区)级?)+)(.*?)(?:的)?分别(?:加|得|计|记)?((?:\d+(?:\.\d+)?、)+\d+(?:\.\d+)?)分/.exec(
        c.norm,
      );
    if (each) {
      const levels = each[2].split("、");
      const points = each[4].split("、");
      if (levels.length !== points.length) throw clauseError(c, `${levels.length}个级别对应${points.length}个分值`);
      levels.forEach((lv, i) => {
        const name = `${lv.endsWith("级") ? lv : `${lv}级`}${each[3]}`;
        options.push({ name, level: levelOf(lv), points: Rational.parse(points[i]), text: c.text });
      });
      continue;
    }
    const norm = c.norm.replace(new RegExp(`[,(]?(?:${HIGHEST.source})[^,]*?\\)?$`), "");
    const r = readClause({ ...c, norm });
    if (r?.shape === "cap") {
      cap = r.max;
      continue;
    }
    if (r?.shape === "else-zero") continue;
    if (!r || r.shape !== "case" || !("n" in r.score)) throw clauseError(c, "应写成“…得N分”");
    const name = r.words.replace(/^(?:获得?|被评为|认定为?|评为|荣获)/, "");
    options.push({ name, level: levelOf(name), points: r.score.n, text: c.text });
  }
  if (options.length < 2) throw new RuleError(`评分标准“${text.trim()}”无法识别：“取最高分”要有两个以上的选项`, text.trim());
  // options named only by a level ("省级得3分") take the words of the first ("获国家级奖励")
  const best = options.reduce((m, o) => Rational.max(m, o.points), Rational.ZERO);
  const max = cap !== null && cap.lt(best) ? cap : best;

  function matches(part: string): Option[] {
    const lv = levelOf(part);
    if (lv !== null) {
      const byLevel = options.filter((o) => o.level === lv);
      if (byLevel.length) return byLevel.length === 1 ? byLevel : byLevel.filter((o) => part.includes(o.name) || o.name.includes(part));
    }
    return options.filter((o) => o.name === part || part.includes(o.name) || o.name.includes(part));
  }

  function score(input: ValueInput): ScoreResult {
    const v = input.v;
    if (v === null || v === undefined) return { status: "no-value" };
    if (typeof v === "boolean") return valueError(`单元格是逻辑值 ${v ? "TRUE" : "FALSE"}，应写明获得了哪一项`);
    if (typeof v === "object") return valueError(`单元格是错误值 ${v.error}`);
    if (typeof v === "number") return valueError(`单元格是数字 ${v}，应写明获得了哪一项（如“${options[0].name}”）`);
    const t = stripBrackets(foldChars(v)).trim();
    if (t === "") return { status: "no-value" };
    if (/^(?:无|没有|暂无|否|均无)$/.test(t.replace(/\s/g, ""))) return exact(Rational.ZERO, null, "无");
    let top: Option | null = null;
    const named: string[] = [];
    for (const raw of t.split(/[、,;和\n]+/)) {
      const part = raw.replace(/\s+/g, "").replace(/\d+(?:项|个|次|家)$/, "");
      if (part === "") continue;
      const hit = matches(part);
      if (hit.length === 0)
        return valueError(`“${raw.trim()}”与评分标准的任何一项都对不上（可选：${options.map((o) => o.name).join("；")}）`);
      if (hit.length > 1) return valueError(`“${raw.trim()}”可对应评分标准的多项（${hit.map((o) => o.name).join("、")}），请写明是哪一项`);
      named.push(`${hit[0].name}${hit[0].points}分`);
      if (top === null || hit[0].points.gt(top.points)) top = hit[0];
    }
    if (top === null) return { status: "no-value" };
    const s = cap !== null && top.points.gt(cap) ? cap : top.points;
    return exact(s, null, () => `${named.join("、")}，取最高分不累计：${s}分`);
  }

  return { kind: "highest", text, unit: null, max: max.toNumber(), score, required: () => null };
}

export const highestPlugin: RulePlugin = {
  kind: "highest",
  recognizes: (norm) => HIGHEST.test(norm) && /\d(?:\.\d+)?分/.test(norm),
  parse: (text) => parseHighest(text),
};
