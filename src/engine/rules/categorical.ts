/**
 * Categorical, additive rules: "独立行政科技管理部门（4分）；合署办公的（2分）；加挂科技局牌子（1分）；…"
 * The 情况 cell names the arrangements that apply ("合署办公、成立领导小组" → 3). Matching forgives
 * wording ("合署办公" for "合署办公的", "成立领导小组" for "成立科技创新工作领导小组") but never guesses:
 * each part must match exactly one option. Options that are states of one thing ("建成…的得2分，在建…的得1分",
 * exclusive.ts) do not add up: the rule's maximum is the best state, and a cell naming two states of one
 * thing scores the better one, saying so.
 */
import { Rational } from "../decimal";
import { dropThousandsSeparators, foldChars, unifyWords } from "../normalize";
import { stripBrackets } from "../values";
import { RuleError, type Rule, type ScoreResult, type ValueInput } from "../types";
import { exclusiveGroups } from "./exclusive";
import { NUM, exact, parseCap, trimSegment, valueError, withoutCap, type RulePlugin } from "./common";

export interface CategoricalOption {
  /** the option as written, without its score ("合署办公的") */
  name: string;
  points: number;
  /** the segment as written ("合署办公的（2分）") */
  text: string;
  /** options with the same group are states of one thing (建成/在建…): only the best of them counts */
  group: number;
}

export interface CategoricalRule extends Rule {
  kind: "categorical";
  options: CategoricalOption[];
  cap: number | null;
}

const OPTION = new RegExp(String.raw`^([^\d]+?)(?:\((${NUM})分\)|[:,]?(?:的)?(?:可?得|计|记|加)?(${NUM})分)$`);
/** "未建立不得分", "无的不得分": what scores nothing, said for completeness */
const NOTHING = /^(?:(?:出现|发现|存在)?(?:未|没有|无|不)|否则)[^\d;。]*?(?:不得分|不计分|不加分|得0分)$/;
const NOTHING_TAIL = /,(?:(?:出现|发现|存在)?(?:未|没有|无|不)|否则)[^\d,;。]*?(?:不得分|不计分|不加分|得0分)$/;
/** "建成…的得2分，当年新开工…的得1分": a comma between two options each written "…的得N分" ends the first */
const COMMA_BETWEEN_OPTIONS = /(?<=的得\d+(?:\.\d+)?分),(?=[^\d,;。]+?的得\d+(?:\.\d+)?分(?:[,;。]|$))/g;

/** an option's name that is a figure ("…个数", "…同比增长率", "…占比"): what is measured, not something done */
const QUANTITY = /(?:[^\d]数|数量|总量|总额|增长率|增速|增幅|比例|比重|占比|覆盖率|拥有量|强度)$/;

/** an item's number at the start of an option: "1." "2、" "(3)" "④" (not "1.5万元") */
const ENUMERATOR = /^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳])/;

interface ExactOption extends CategoricalOption {
  key: string;
  exactPoints: Rational;
}

/** What is compared: no brackets, no spaces, without the particles 的/了/已. */
function keyOf(text: string): string {
  return stripBrackets(foldChars(text))
    .replace(/\s+/g, "")
    .replace(/[的了已]/g, "")
    .replace(/[。.,;、:]+$/g, "");
}

/** Reads a categorical rule; throws RuleError naming the segment it cannot read. */
export function parseCategorical(text: string): CategoricalRule {
  const folded = foldChars(text);
  const options: Omit<ExactOption, "group">[] = [];
  const nothing: string[] = [];
  let pending = ""; // an option's name may wrap onto the next line
  let pendingStart = 0;
  let index = 0;
  let start = 0;
  // an option ends at "；", "。", a line break, or right after its "（N分）" when the typist wrote no separator
  const cuts = [
    ...[...folded.matchAll(/[;。\n]/g), ...folded.matchAll(COMMA_BETWEEN_OPTIONS)].map((m) => ({ at: m.index!, skip: 1 })),
    ...[...folded.matchAll(/\(\s*\d+(?:\.\d+)?\s*分\s*\)(?![\s;。]*$)(?![\s]*[;。\n])/g)].map((m) => ({
      at: m.index! + m[0].length,
      skip: 0,
    })),
  ]
    .sort((x, y) => x.at - y.at)
    .concat([{ at: folded.length, skip: 0 }]);
  for (const { at: cut, skip } of cuts) {
    const piece = folded.slice(start, cut);
    const pieceStart = start;
    if (pending === "") pendingStart = start;
    start = cut + skip;
    let compactPiece = withoutCap(dropThousandsSeparators(unifyWords(piece)).replace(/\s+/g, "")).replace(NOTHING_TAIL, "");
    // "1.有科技进步政策和年度工作总结(2分)": the item's number is no quantity in its name
    if (pending === "") compactPiece = compactPiece.replace(ENUMERATOR, "");
    if ((compactPiece === "" || NOTHING.test(compactPiece)) && pending === "") {
      // "出现不配合现象不得分": a cell that says so scores 0
      if (compactPiece !== "") nothing.push(keyOf(compactPiece.replace(/(?:的|者)?,?(?:不得分|不计分|不加分|得0分)$/, "")));
      continue;
    }
    pending += compactPiece;
    const m = OPTION.exec(pending);
    if (!m) {
      // a whole line with its score whose name holds a number ("A.1项及以上Ⅰ类知识产权（30分）"): not a wrapped name
      if (/\d/.test(compactPiece) && /\(\d+(?:\.\d+)?分\)$/.test(compactPiece)) {
        const own = trimSegment(text.slice(pieceStart, cut));
        throw new RuleError(`评分标准第${index + 1}段“${own}”无法识别：选项里有数量，看不出是分档还是选项`, own);
      }
      // a line break may wrap a long name; "；" and "。" end the option
      if (cut < folded.length && folded[cut] !== "\n") {
        const written = trimSegment(text.slice(pendingStart, cut));
        throw new RuleError(`评分标准第${index + 1}段“${written}”无法识别：缺少分值`, written);
      }
      continue;
    }
    index++;
    const written = trimSegment(text.slice(pendingStart, cut));
    // "未按规定…的，每例扣0.1分": a deduction per case is no option that adds points
    if (/(?:扣|减|扣除|倒扣)$/.test(m[1]) || /每(?:[一1])?(?:个|项|家|件|次|例|人|篇|条|名|位)/.test(m[1])) {
      throw new RuleError(`评分标准第${index}段“${written}”无法识别：扣分或按件计分不是可选的加分项`, written);
    }
    const name = m[1].replace(/[,:]+$/, "").replace(/的$/, "");
    // "累计引进大院名校共建创新载体个数(3分)": a figure with its weight, not an option a cell can name
    if (QUANTITY.test(name)) {
      throw new RuleError(
        `评分标准第${index}段“${written}”无法识别：“${name.replace(/^[,;]+/, "")}”是一项数量，没有写明按多少计分`,
        written,
      );
    }
    const p = Rational.parse(m[2] ?? m[3]);
    options.push({ name, points: p.toNumber(), text: written, key: keyOf(name), exactPoints: p });
    pending = "";
  }
  if (pending !== "") {
    const written = trimSegment(text.slice(pendingStart));
    throw new RuleError(`评分标准第${index + 1}段“${written}”无法识别：缺少分值`, written);
  }
  if (options.length === 0) throw new RuleError(`评分标准“${text.trim()}”无法识别：没有可选项`, text.trim());
  const cap = parseCap(dropThousandsSeparators(unifyWords(folded)).replace(/\s+/g, ""));
  return makeRule(text, options, cap, nothing);
}

/** "有展厅", "建有宣传视频": a thing said to exist (two characters or more) */
const HAS = /^(?:有|建有|设有|具有|已有|配有)(.{2,})$/;

/** Every character of `part` appears in `key`, in the same order. */
function inOrderWithin(part: string, key: string): boolean {
  let at = 0;
  for (const ch of part) {
    at = key.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = up;
    }
  }
  return best;
}

function makeRule(text: string, found: Omit<ExactOption, "group">[], cap: Rational | null, nothing: string[] = []): CategoricalRule {
  const groups = exclusiveGroups(found.map((o) => o.name));
  const options: ExactOption[] = found.map((o, i) => ({ ...o, group: groups[i] }));
  // the best option of each group of exclusive states, added over the groups
  const best = bestOfEach(options);
  const sum = best.reduce((s, o) => s.add(o.exactPoints), Rational.ZERO);
  const max = cap !== null && cap.lt(sum) ? cap : sum;

  /** The options a part names: equal, else contained either way, else sharing a run of ≥4 characters. */
  function matches(part: string): ExactOption[] {
    const tiers: ((o: ExactOption) => boolean)[] = [
      (o) => o.key === part,
      (o) => o.key.includes(part) || part.includes(o.key),
      (o) => longestCommonRun(o.key, part) >= 4,
      // "有展厅" for "有全面展示综合体概况并提供产业展览、展示服务的展厅": a cell saying a thing exists
      // (有/建有/设有…) names the option whose object it is — the option ends in its noun, its words in
      // order. An action shortened ("加挂牌子" for "加挂科技局牌子") is not matched: which 牌子 is not said.
      (o) => {
        const thing = HAS.exec(part)?.[1];
        return thing !== undefined && o.key.endsWith(thing.slice(-2)) && inOrderWithin(thing, o.key);
      },
    ];
    for (const t of tiers) {
      const hit = options.filter(t);
      if (hit.length) return hit;
    }
    return [];
  }

  function score(input: ValueInput): ScoreResult {
    const v = input.v;
    if (v === null || v === undefined) return { status: "no-value" };
    if (typeof v === "boolean") return valueError(`单元格是逻辑值 ${v ? "TRUE" : "FALSE"}，应写明符合哪几项`);
    if (typeof v === "object") return valueError(`单元格是错误值 ${v.error}`);
    if (typeof v === "number") return valueError(`单元格是数字 ${v}，应写明符合评分标准的哪几项`);
    const t = stripBrackets(foldChars(v)).trim();
    if (t === "") return { status: "no-value" };
    if (/^(?:无|没有|暂无|否|均无)$/.test(t.replace(/\s/g, ""))) return exact(Rational.ZERO, null, "无");
    const said = keyOf(t);
    if (nothing.some((n) => n === said || (said.length >= 4 && n.includes(said)))) return exact(Rational.ZERO, null, `${t}：不得分`);
    // one option ("建立科技工作领导小组得2分，未建立不得分"): "是" / "已完成" says it was met
    if (options.length === 1 && /^(?:是|有|已完成|完成|已建立|达标|符合|√|✓)$/.test(t.replace(/\s/g, ""))) {
      return exact(options[0].exactPoints, null, () => `${options[0].name}（${options[0].points}分）`);
    }
    const chosen = new Set<ExactOption>();
    for (const raw of t.split(/[、,;和\n]+/)) {
      const part = keyOf(raw);
      if (part === "") continue;
      const hit = matches(part);
      const shown = raw.trim();
      if (hit.length === 0) {
        return valueError(`“${shown}”与评分标准的任何一项都对不上（可选：${options.map((o) => o.name).join("；")}）`);
      }
      if (hit.length > 1) {
        return valueError(`“${shown}”可对应评分标准的多项（${hit.map((o) => o.name).join("、")}），请写明是哪一项`);
      }
      chosen.add(hit[0]);
    }
    if (chosen.size === 0) return { status: "no-value" };
    const named = options.filter((o) => chosen.has(o)); // rule order
    // two states of one thing named ("建成…、在建…"): the better one counts
    const picked = bestOfEach(named);
    const dropped = named.filter((o) => !picked.includes(o));
    let s = picked.reduce((acc, o) => acc.add(o.exactPoints), Rational.ZERO);
    let capNote = "";
    if (cap !== null && s.gt(cap)) {
      s = cap;
      capNote = `，封顶${cap}分`;
    }
    return exact(s, null, () => {
      const onlyBest = dropped.length
        ? `（${dropped.map((o) => `“${o.name}”`).join("、")}与${picked
            .filter((o) => dropped.some((d) => d.group === o.group))
            .map((o) => `“${o.name}”`)
            .join("、")}是同一事项的不同状态，只计最高一项）`
        : "";
      return picked.map((o) => `${o.name}（${o.points}分）`).join("+") + `=${s}分${capNote}${onlyBest}`;
    });
  }

  return {
    kind: "categorical",
    text,
    unit: null,
    max: max.toNumber(),
    options: options.map(({ name, points, text: t, group }) => ({ name, points, text: t, group })),
    cap: cap === null ? null : cap.toNumber(),
    score,
    required: () => null,
  };
}

/** The best option of each group (the first written, on a tie), in rule order. */
function bestOfEach(options: ExactOption[]): ExactOption[] {
  const best = new Map<number, ExactOption>();
  for (const o of options) {
    const b = best.get(o.group);
    if (!b || o.exactPoints.gt(b.exactPoints)) best.set(o.group, o);
  }
  return options.filter((o) => best.get(o.group) === o);
}

/** Looks categorical: named options each with a score in brackets, no numbers in the names. */
export const categoricalPlugin: RulePlugin = {
  kind: "categorical",
  recognizes: (norm) =>
    /[^\d.]\(\d+(?:\.\d+)?分\)/.test(norm) ||
    // "有专门科技管理机构的得3分；有专职人员的得2分；无的不得分": options in words, each 得N分
    (/[^\d.]得\d+(?:\.\d+)?分/.test(norm) &&
      norm
        .replace(COMMA_BETWEEN_OPTIONS, ";")
        .split(/[;。]/)
        .filter((x) => x !== "")
        .every((x) => new RegExp(String.raw`^[^\d]+?得\d+(?:\.\d+)?分(?:,[^\d]*(?:不得分|不计分))?$|^[^\d]*(?:不得分|不计分)$`).test(x))),
  parse: (text) => parseCategorical(text),
};
