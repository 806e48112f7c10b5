/**
 * Counted rules with a cap: "国家级重点实验室每家2分，省级每家1分；…最高不超过8分。"
 *
 * The rule lists items (kind, level, points). A 情况 cell that names the items ("省级孵化器1家、院士工作站1家")
 * scores exactly; one that gives only a count ("3家") or names whose kind or level cannot be told
 * ("1.融创空间 2.稼圃麟星创天地") scores a range [lowest, highest] the text allows. "新增" adds to last year.
 */
import { Rational } from "../decimal";
import { dropThousandsSeparators, foldChars, unifyWords } from "../normalize";
import { dateMessage, isDateFormat, isPercentFormat, readUnit, stripBrackets } from "../values";
import { placeholderMessage, placeholderOf } from "../value-words";
import { RuleError, type Rule, type ScoreContext, type ScoreResult, type ValueInput } from "../types";
import { isDescription } from "./notes";
import { leastScoreShowing, NUM, parseCap, range, trimSegment, type RulePlugin, valueError, withoutCap } from "./common";

export type Level = "国家级" | "省部级" | "省级以上" | "省级" | "市级" | "县级";

export interface CountedItem {
  /** the kind as the rule names it ("重点实验室", "众创空间(星创天地)") */
  kind: string;
  /** names that identify the kind in a 情况 cell ("众创空间", "星创天地") */
  aliases: string[];
  /** null: the rule names no level ("院士工作站每家0.5分") */
  level: Level | null;
  points: number;
  /** the clause as written */
  text: string;
}

export interface CountedRule extends Rule {
  kind: "counted";
  items: CountedItem[];
  cap: number | null;
}

const LEVEL = "(国家级|省部级|省级以上|省级|市级|县级)";
const PER = "家|项|个|所|座|处|件|人次|人|次|篇|名|位|场|期|部|本|条|天";
/** An entry that ends in its count ("省级孵化器2家"): built once, not per value. */
const COUNT_AT_END = new RegExp(`^(.*?\\D)(\\d+)(${PER})?$`);
const CLAUSE = new RegExp(String.raw`^${LEVEL}?([\s\S]*?)(?:每(${PER}))?(${NUM})分$`);
const COUNT_UNITS = new Set([
  "家",
  "项",
  "个",
  "所",
  "座",
  "处",
  "件",
  "人次",
  "人",
  "次",
  "篇",
  "名",
  "位",
  "场",
  "期",
  "部",
  "本",
  "条",
  "天",
]);
/** "1个得2分", "一次得1分", "每篇得0.5分" → "每个2分": per item without "每家" */
const ONE_EACH = new RegExp(
  String.raw`(?:每|(?<![\d.])(?:1|一))(${PER})(?:的)?,?(?:可?得|计|加|记|给)(${NUM})分$|(?<![\d.])(?:1|一)(${PER})(${NUM})分$`,
);
/** "组织开展科技活动（8分）" before its per-item clauses: the item's full score */
const HEADING = new RegExp(String.raw`^([^\d()]+)\((${NUM})分\)$`);
/** "承担1个国家级项目得3分": the count before the kind's words */
/** an amount that describes an item ("1000平方米以上孵化器", "投资5000万元以上的项目"), not a count of it */
const AMOUNT = String.raw`\d+(?:\.\d+)?(?:[百千万亿]*元|万?美元|平方米|平米|亩|吨|千瓦|兆瓦)`;
const ONE_ITEM = new RegExp(
  String.raw`^(.*?)(?<![\d.])(?:1|一)(${PER})((?:[^\d,;。]|${AMOUNT})+?)(?:的)?,?(?:可?得|计|加|记|给)(${NUM})分$`,
);
const NOTHING = /^(?:没有|无|未|不)[^\d]*(?:不得分|不计分|不加分|得0分)$/;

interface ExactItem extends CountedItem {
  exactPoints: Rational;
}

function aliasesOf(kind: string): string[] {
  const out: string[] = [];
  for (const line of kind.split("\n")) {
    const base = stripBrackets(line).trim();
    if (base) out.push(base);
    // "每引进博士": a cell names the thing counted ("博士1名"), without 每 and the verb
    const thing = /^每?(?:引进|引入|新增|新建|建成|获得|认定|签约|外聘|聘请|培育)(.+)$/.exec(base);
    if (thing && /^每/.test(base)) out.push(base.slice(1), thing[1]);
    // "评价年度内园区内企业每新增制造业单项冠军": the words before 每 say where, the thing follows the verb
    const later = /.每(?:引进|引入|新增|新建|建成|获得|认定|签约|培育)(.+)$/.exec(base);
    if (later) out.push(later[1]);
    // "省专精特新中小企业或国家高新技术企业": either thing scores the same
    for (const named of [thing?.[1], later?.[1], base]) {
      if (named && /或/.test(named)) out.push(...named.split("或").filter((x) => x.length >= 2));
    }
    for (const m of line.matchAll(/\(([^()]*)\)/g)) {
      const inner = m[1].replace(/^(?:含|包括|即)/, "").trim();
      if (inner) out.push(...inner.split(/[、,]/).filter(Boolean));
    }
  }
  return out;
}

/** Reads a counted rule; throws RuleError naming the clause it cannot read. */
export function parseCounted(text: string): CountedRule {
  const folded = foldChars(text);
  const items: ExactItem[] = [];
  let unit: string | null = null;
  let prev: { kind: string; aliases: string[]; unnamed?: { index: number; written: string } } | null = null;
  let unnamed: { index: number; written: string } | undefined;
  let index = 0;
  let start = 0;
  let headingCap: Rational | null = null;
  let rangeCap: Rational | null = null;
  // "党委和政府每年至少召开两次会议，专题研究科技工作（8分）。每次4分。": a sentence ending in its full
  // score, then the per-item clauses — the sentence (commas and all) is the heading
  const lead = new RegExp(String.raw`^([^。\d]*?)\((${NUM})分\)\s*[;。]`).exec(folded);
  if (lead && /每/.test(folded.slice(lead[0].length)) && !/分/.test(lead[1])) {
    headingCap = Rational.parse(lead[2]);
    const k = lead[1].replace(/\s+/g, "");
    prev = { kind: k, aliases: aliasesOf(k) };
    start = lead[0].length;
    index = 1;
  }
  // "、" lists nouns; after a score ("一等奖得5分、二等奖得3分") it starts the next item
  // ("分别加5分、2分" is one list of scores, not two items)
  const cuts = [...folded.matchAll(/[,;。]|(?<=分\s*)、(?![^,;。]*?分别)/g)]
    .filter((m) => m[0] !== "、" || !/分别[^,;。]*$/.test(folded.slice(0, m.index!)))
    .map((m) => m.index!)
    .concat([folded.length]);
  let listed: Level | null = null; // the level of the item before a "、"
  for (const cut of cuts) {
    const afterListMark = start > 0 && folded[start - 1] === "、";
    if (!afterListMark) listed = null;
    if (cut < start) continue;
    const written = trimSegment(text.slice(start, cut));
    const clause = withoutCap(
      dropThousandsSeparators(unifyWords(folded.slice(start, cut)))
        .replace(/[^\S\n]+/g, "")
        .replace(/^\n+|\n+$/g, ""),
    ).replace(/^[、:]+/, "");
    start = cut + 1;
    if (written === "") continue;
    index++;
    if (items.length === 0 && isDescription(clause.replace(/\s/g, "")) && /分/.test(folded.slice(start))) {
      // "积极组织培训、讲座等自主创新专题活动，组织一次得3分": what the item is about, then its points
      const k = clause.replace(/\s/g, "");
      prev = { kind: k, aliases: aliasesOf(k) };
      continue;
    }
    const bare = clause
      .replace(/\s/g, "")
      .replace(/\(\)/g, "")
      .replace(/(?<=分)\.$/, "")
      .replace(/^(?:本项|该项|此项|本指标)$/, "");
    if (bare === "" || NOTHING.test(bare)) continue; // the cap clause alone, "没有的不得分"
    if (/每(?:提高|增加|增长|上升|减少|降低|下降)|百分点/.test(bare)) {
      // a step over a level or last year is not a count of items
      throw new RuleError(`评分标准第${index}段“${written}”无法识别：没有写明从多少开始计算增减`, written);
    }
    // "…并在评价年度形成500万元及以上产出的，每项得1分": amounts that describe the item, not a count of it
    const describedOnly = !/\d/.test(bare) || (/(?:的|者)$/.test(bare) && !new RegExp(String.raw`\d(?:${PER}|人次|户)`).test(bare));
    if (describedOnly && /^[,;。\s]*每/.test(folded.slice(start))) {
      // "在市级以上媒体发表科技宣传稿件的，每篇得0.5分": the kind, then its points
      const k = bare.replace(/(?:的|者)$/, "");
      prev = { kind: k, aliases: aliasesOf(k) };
      continue;
    }
    if (/分别/.test(bare)) {
      // "获得省级、市级重大研发机构立项的，每1项分别加5分、2分": one score per level, in the order listed
      const spread = spreadByLevel(bare, prev?.kind ?? "", written, index);
      for (const it of spread.items) items.push(it);
      if (spread.unit && unit === null) unit = spread.unit;
      continue;
    }
    const head = HEADING.exec(bare);
    if (head && items.length === 0 && /每/.test(folded.slice(start))) {
      headingCap = Rational.parse(head[2]);
      prev = { kind: head[1], aliases: aliasesOf(head[1]) };
      continue;
    }
    if (/(?:扣|减|扣除)\d+(?:\.\d+)?分$/.test(bare)) {
      // a deduction is not an item that adds points
      throw new RuleError(
        `评分标准第${index}段“${written}”无法识别：扣分要有满分和计扣的办法（如“按时报送得满分，每迟报1次扣0.5分”）`,
        written,
      );
    }
    let itemClause = clause.replace(/(?<=分)\s*\.$/, "");
    // "示范基地建设1-2个（每个5分）": per item, up to the upper count of the range
    const upTo = new RegExp(String.raw`^(.*?)(\d+)-(\d+)(${PER})\(每(${PER})(${NUM})分\)$`).exec(itemClause.replace(/\s/g, ""));
    if (upTo) {
      const [, what, lo, hi, u1, u2, pts] = upTo;
      if (u1 !== u2 || Number(lo) > Number(hi)) throw new RuleError(`评分标准第${index}段“${written}”无法识别：看不懂数量范围`, written);
      const c = Rational.parse(hi).mul(Rational.parse(pts));
      if (rangeCap !== null && !rangeCap.eq(c))
        throw new RuleError(`评分标准第${index}段“${written}”无法识别：各项的上限不同，无法合并为一个上限`, written);
      rangeCap = c;
      itemClause = `${what}每${u2}${pts}分`;
    }
    // "发布农业技术新闻、信息等（每条1分）", "…（参加活动每次5分）"
    itemClause = itemClause.replace(new RegExp(String.raw`\(([^()\d]*?每(?:${PER})${NUM}分)\)$`), "$1");
    const m = CLAUSE.exec(
      itemClause
        .replace(/\(\)/g, "")
        .replace(ONE_ITEM, (_w, pre: string, u: string, what: string, p: string) => `${pre}${what}每${u}${p}分`)
        .replace(ONE_EACH, (_w, u1, p1, u2, p2) => `每${u1 ?? u2}${p1 ?? p2}分`),
    );
    if (!m) {
      throw new RuleError(`评分标准第${index}段“${written}”无法识别：${/\d/.test(clause) ? "看不懂分值" : "缺少分值"}`, written);
    }
    const [, lead, kindText, per, points] = m;
    // "获得1项…一等奖得5分": neither the verb before the kind nor the 得 after it is part of its name
    let kind = kindText.replace(/^\n+|\n+$/g, "").replace(/^(?:获得|荣获|获)(?=.)/, "");
    // the 得 after the kind's words is not part of its name ("二等奖得3分"); a bare "得" stays as written
    if (/[^得计记加的](?:的)?(?:可?得|计|记|加)$/.test(kind)) kind = kind.replace(/(?:的)?(?:可?得|计|记|加)$/, "");
    let level = lead;
    // "新认定省级研发平台1个得2分": the level inside the kind's words
    const inner = level ? null : /国家级|省部级|省级以上|省级|市级|县级/.exec(kind);
    if (inner) {
      level = inner[0];
      kind = kind.replace(inner[0], "").replace(/^(?:新认定|新获批|新建|新增|获批|认定)/, "");
    }
    if (/\d/.test(kind.replace(new RegExp(AMOUNT, "g"), ""))) {
      // "超过5个以上计5分" is a threshold, not a kind of item
      throw new RuleError(`评分标准第${index}段“${written}”无法识别：含有数量条件，不是按件计分`, written);
    }
    let aliases: string[];
    if (kind === "") {
      // "每项1分，最高不超过5分": the row's own item, when it is the only one (checked below)
      // (a level with no kind, "省级每家1分", says too little: which kind of provincial thing?)
      if (!prev && level) throw new RuleError(`评分标准第${index}段“${written}”无法识别：没有写明是哪一类`, written);
      if (!prev) prev = { kind: "", aliases: [], unnamed: { index, written } };
      ({ kind, aliases } = prev);
    } else {
      aliases = aliasesOf(kind);
      kind = kind.replace(/\n/g, "、");
      prev = { kind, aliases };
    }
    if (per && unit === null) unit = per;
    const p = Rational.parse(points);
    items.push({
      kind,
      aliases,
      // "国家级科技一等奖得5分、二等奖得3分": the second item keeps the level the list started with
      level: (level as Level | undefined) ?? (afterListMark ? listed : null),
      points: p.toNumber(),
      exactPoints: p,
      text: written,
    });
    listed = items[items.length - 1].level;
    unnamed ??= prev?.unnamed;
  }
  if (unnamed && items.length > 1) {
    throw new RuleError(`评分标准第${unnamed.index}段“${unnamed.written}”无法识别：没有写明是哪一类`, unnamed.written);
  }
  if (items.length === 0) throw new RuleError(`评分标准“${text.trim()}”无法识别：没有计分项`, text.trim());
  const capR = parseCap(dropThousandsSeparators(unifyWords(folded)).replace(/\s+/g, ""));
  if (headingCap !== null && capR !== null && !headingCap.eq(capR)) {
    throw new RuleError(`评分标准的满分${headingCap}分与上限${capR}分不一致`, text.trim());
  }
  const stated = capR ?? headingCap;
  if (rangeCap !== null && stated !== null && !rangeCap.eq(stated)) {
    throw new RuleError(`评分标准的上限${stated}分与数量范围给出的${rangeCap}分不一致`, text.trim());
  }
  return makeRule(text, items, unit, stated ?? rangeCap);
}

const LEVEL_WORD: Record<string, Level> = { 国家: "国家级", 省部: "省部级", 省: "省级", 市: "市级", 县: "县级", 区: "县级" };

/** "省级、市级…每1项分别加5分、2分" → one item per level; a count of levels and scores that differ is an error. */
function spreadByLevel(clause: string, before: string, written: string, index: number): { items: ExactItem[]; unit: string | null } {
  const fail = (why: string) => new RuleError(`评分标准第${index}段“${written}”无法识别：${why}`, written);
  const scores = new RegExp(String.raw`分别(?:可?加|可?得|计|记|给)?((?:${NUM}分?、)+${NUM})分`).exec(clause);
  if (!scores) throw fail("看不懂“分别”后面的分值");
  const where = before + clause.slice(0, scores.index);
  const levels = /((?:国家|省部|省|市|县|区)级?(?:、(?:国家|省部|省|市|县|区)级?)+)/.exec(where);
  if (!levels) {
    // "新认定A、B、C、D类人才的，每人次分别3分、2分、1.5分、1分": classes of one kind, each its own item
    const classes = /((?:[A-Z]|[一二三四五六七八九十])(?:、(?:[A-Z]|[一二三四五六七八九十]))+)(类|级|档|等)/.exec(where);
    if (!classes) throw fail("“分别”前没有列出级别");
    const names = classes[1].split("、").map((c) => `${c}${classes[2]}`);
    const points = scores[1].split("、").map((x) => Rational.parse(x.replace(/分$/, "")));
    if (names.length !== points.length) throw fail(`列出${names.length}类，却有${points.length}个分值`);
    const per = new RegExp(String.raw`每(?:1|一)?(${PER})`).exec(clause);
    const what = where
      .slice(classes.index + classes[0].length)
      .replace(/每(?:1|一)?.*$/, "")
      .replace(/(?:的|者|,)+$/, "");
    return {
      unit: per ? per[1] : null,
      items: names.map((name, i) => ({
        kind: `${name}${what}`,
        aliases: [`${name}${what}`, name],
        level: null,
        points: points[i].toNumber(),
        exactPoints: points[i],
        text: written,
      })),
    };
  }
  const names = levels[1].split("、").map((x) => LEVEL_WORD[x.replace(/级$/, "")]);
  const points = scores[1].split("、").map((x) => Rational.parse(x.replace(/分$/, "")));
  if (names.length !== points.length) throw fail(`列出${names.length}个级别，却有${points.length}个分值`);
  const per = new RegExp(String.raw`每(?:1|一)?(${PER})`).exec(clause);
  const kind = where
    .replace(levels[1], "")
    .replace(/每(?:1|一)?.*$/, "")
    .replace(/^(?:获得|获批|新认定|认定|新增)/, "")
    .replace(/(?:的|者|,)+$/, "");
  const aliases = aliasesOf(kind || "项目");
  return {
    unit: per ? per[1] : null,
    items: names.map((level, i) => ({
      kind: kind || "项目",
      aliases,
      level,
      points: points[i].toNumber(),
      exactPoints: points[i],
      text: written,
    })),
  };
}

function levelOf(name: string): Level | null {
  const m = /国家级|省部级|省级以上|省级|市级|县级/.exec(name);
  return m ? (m[0] as Level) : null;
}

function levelFits(item: Level | null, named: Level): boolean {
  if (item === null || item === named) return true;
  if (named === "省级以上") return item === "国家级" || item === "省级" || item === "省部级";
  const provincial = named === "省级" || named === "省部级";
  if (item === "省级以上") return named === "国家级" || provincial;
  if (item === "省级" || item === "省部级") return provincial;
  return false;
}

interface Piece {
  count: Rational;
  low: Rational;
  high: Rational;
  /** this entry's part of the explanation, made when asked */
  note: () => string;
}

function makeRule(text: string, items: ExactItem[], unit: string | null, cap: Rational | null): CountedRule {
  const all = items.map((i) => i.exactPoints);
  const minAll = all.reduce(Rational.min);
  const maxAll = all.reduce(Rational.max);
  const u = unit ?? "家";

  /** Items a name can be: exact alias in the name, else an alias without its last character ("孵化器" → "孵化"). */
  function kindMatches(name: string): ExactItem[] {
    const byAlias = items.filter((i) => i.aliases.some((a) => name.includes(a)));
    if (byAlias.length) return byAlias;
    return items.filter((i) => i.aliases.some((a) => a.length >= 3 && name.includes(a.slice(0, -1))));
  }

  function named(name: string, count: Rational): Piece {
    const level = levelOf(name);
    const byKind = kindMatches(name);
    let pool: ExactItem[];
    let note: string;
    if (byKind.length) {
      pool = level ? byKind.filter((i) => levelFits(i.level, level)) : byKind;
      const kinds = [...new Set(byKind.map((i) => i.kind))].join("/");
      if (pool.length === 0) {
        return { count, low: Rational.ZERO, high: Rational.ZERO, note: () => `${name}：${level}${kinds}不在计分之列，0分` };
      }
      note = level || new Set(pool.map((i) => i.level)).size === 1 ? kinds : `${kinds}，级别未写明`;
    } else {
      pool = level ? items.filter((i) => levelFits(i.level, level)) : items;
      if (pool.length === 0) pool = items;
      note = "类别未能识别";
    }
    const ps = pool.map((i) => i.exactPoints);
    const low = ps.reduce(Rational.min).mul(count);
    const high = ps.reduce(Rational.max).mul(count);
    const explain = () => {
      // "2名×2分=4分": the points each, then the total (not "2名×4分", which reads as 8)
      const each = low.eq(high) ? `${ps[0]}分` : `${ps.reduce(Rational.min)}-${ps.reduce(Rational.max)}分`;
      const total = low.eq(high) ? `${low}分` : `${low}-${high}分`;
      const pts = count.eq(1) ? total : `${count}${u}×${each}=${total}`;
      return `${name}（${note}）：${pts}`;
    };
    return { count, low, high, note: explain };
  }

  function countOnly(n: Rational): Piece {
    return { count: n, low: minAll.mul(n), high: maxAll.mul(n), note: () => `${n}${u}，未写明类别和级别：每${u}${minAll}-${maxAll}分` };
  }

  /** One entry of a 情况 cell → its points; a string is an error message. */
  function entry(e: string): Piece | string {
    const lead = /^(\d+(?:\.\d+)?)(.*)$/.exec(e);
    if (lead) {
      const n = Rational.parse(lead[1]);
      const rest = lead[2];
      const ru = readUnit(rest);
      if (ru && !(ru.base === "" || COUNT_UNITS.has(ru.base))) return `单位“${ru.text}”与评分标准的单位“${u}”不符`;
      if (!n.isInteger()) return `数量应为整数（${lead[1]}）`;
      const name = ru ? rest.slice(ru.text.length) : rest;
      return name === "" ? countOnly(ru && ru.base === "" ? n.mul(ru.mult) : n) : named(name, n);
    }
    const tail = COUNT_AT_END.exec(e);
    if (tail) return named(tail[1], Rational.parse(tail[2]));
    return named(e, Rational.ONE);
  }

  function entries(t: string): string[] {
    const numbered = /^\s*1[.、)]\s*(?!\d)/.test(t);
    const parts = numbered ? t.split(/(?:^|[\s,;、])\s*\d{1,2}[.、)](?!\d)/) : t.split(/[\s,;、]+/);
    return parts.map((p) => p.replace(/\s+/g, "").replace(/^(?:共|合计|总计|计)/, "")).filter((p) => p !== "");
  }

  function capped(x: Rational): Rational {
    return cap !== null && x.gt(cap) ? cap : x;
  }

  function score(input: ValueInput, context?: ScoreContext): ScoreResult {
    const v = input.v;
    if (v === null || v === undefined) return { status: "no-value" };
    if (typeof v === "boolean") return valueError(`单元格是逻辑值 ${v ? "TRUE" : "FALSE"}，不是数量`);
    if (typeof v === "object") return valueError(`单元格是错误值 ${v.error}`);
    let pieces: Piece[];
    let additive = false;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return valueError(`无法从“${v}”读出数量`);
      if (isPercentFormat(input.numFmt)) return valueError(`单元格显示为百分数，与评分标准的单位“${u}”不符`);
      if (isDateFormat(input.numFmt)) return valueError(dateMessage(input.numFmt, "数量"));
      const n = Rational.fromNumber(v);
      if (n.sign() < 0) return valueError(`数量不能为负（${n}）`);
      if (!n.isInteger()) return valueError(`数量应为整数（${n}）`);
      pieces = [countOnly(n)];
    } else {
      let t = foldChars(v)
        .replace(/\u3000/g, " ")
        .trim();
      if (t === "") return { status: "no-value" };
      if (/^新增/.test(t)) {
        additive = true;
        t = t.replace(/^新增[:\s]*/, "");
      }
      t = stripBrackets(t);
      // "无" is a count of none; the other placeholders ("待定", "—", "/") mean no count yet
      const placeholder = /^(?:无|没有|暂无|否)$/.test(t.replace(/\s/g, "")) ? null : placeholderOf(t);
      if (placeholder !== null) return { status: "no-value", message: placeholderMessage(placeholder) };
      if (/^(?:无|没有|暂无|否)$/.test(t.replace(/\s/g, ""))) {
        pieces = [{ count: Rational.ZERO, low: Rational.ZERO, high: Rational.ZERO, note: () => "无" }];
      } else {
        if (/\d\s*[-~～—–至]\s*\d/.test(t)) return valueError(`数量应为一个确定的数，不能是范围（${v.trim()}）`);
        if (/-\d/.test(t)) return valueError(`数量不能为负（${v.trim()}）`);
        pieces = [];
        for (const e of entries(t)) {
          const p = entry(e);
          if (typeof p === "string") return valueError(p);
          pieces.push(p);
        }
        if (pieces.length === 0) return valueError(`无法从“${v.trim()}”读出数量`);
      }
    }
    // added from the first piece (a value is nearly always one): no sum started from zero
    let [count, low, high] = [pieces[0].count, pieces[0].low, pieces[0].high];
    for (let k = 1; k < pieces.length; k++) {
      count = count.add(pieces[k].count);
      low = low.add(pieces[k].low);
      high = high.add(pieces[k].high);
    }
    const notes = pieces.map((p) => p.note);
    if (additive) {
      const prev = context?.previous;
      if (!prev || (prev.status !== "exact" && prev.status !== "range")) {
        return valueError(`“新增”要加在上一年的得分上，但上一年没有可用的得分`);
      }
      const pl = Rational.fromNumber(prev.status === "exact" ? prev.score : prev.low);
      const ph = Rational.fromNumber(prev.status === "exact" ? prev.score : prev.high);
      notes.unshift(() => `上一年${pl.eq(ph) ? pl : `${pl}-${ph}`}分`);
      low = low.add(pl);
      high = high.add(ph);
    }
    const [lo, hi] = [low, high];
    return range(capped(lo), capped(hi), count, () => {
      const sum = lo.eq(hi) ? `${lo}分` : `${lo}-${hi}分`;
      const capNote = cap !== null && hi.gt(cap) ? `，封顶${cap}分` : "";
      return `${notes.map((n) => n()).join("；")}；合计${sum}${capNote}`;
    });
  }

  return {
    kind: "counted",
    text,
    unit,
    max: cap === null ? null : cap.toNumber(),
    items: items.map(({ exactPoints: _exactPoints, ...rest }) => rest),
    cap: cap === null ? null : cap.toNumber(),
    score,
    required: () => null,
    wholeCount: true,
    needed(target: number): number | null {
      // one price per item: the whole number of items whose rounded score reaches the target
      if (!Number.isFinite(target) || !all.every((p) => p.eq(all[0])) || all[0].sign() <= 0) return null;
      const goal = leastScoreShowing(target);
      if (cap !== null && cap.lt(goal)) return null;
      const n = goal.sign() <= 0 ? Rational.ZERO : goal.div(all[0]).ceilTo(0);
      return n.toNumber();
    },
  };
}

/** Looks counted: points per item ("每家2分") or a level with points ("国家级创新型县3分"). */
/**
 * "当年获批省级特色产业园的得3分，已报省厅待批…的得2分": each option a state "…的得N分" (no 每, no count), a
 * level word inside one of them — options to choose from, not items to count.
 */
function statesOnly(norm: string): boolean {
  const parts = norm.split(/[,;。]/).filter((x) => x !== "");
  return parts.length > 1 && parts.every((x) => /^[^\d每]+的得\d+(?:\.\d+)?分$/.test(x));
}

export const countedPlugin: RulePlugin = {
  kind: "counted",
  recognizes: (norm) =>
    new RegExp(`每(?:${PER})[^()]{0,3}\\d`).test(norm) ||
    new RegExp(`\\([^()\\d]*?每(?:${PER})\\d+(?:\\.\\d+)?分\\)`).test(norm) ||
    new RegExp(`(?<![\\d.])(?:1|一)(?:${PER})\\d+(?:\\.\\d+)?分`).test(norm) ||
    new RegExp(`(?<![\\d.])(?:1|一)(?:${PER})[^\\d,;。]{0,20}?(?:可?得|计|加|记|给)\\d`).test(norm) ||
    // "每引进一个投资5000万元以上的项目得1分": the amount describes the item
    new RegExp(`^每[^\\d,;。]{0,8}?(?:1|一)(?:${PER})(?:[^\\d,;。]|${AMOUNT}){0,30}?(?:可?得|计|加|记|给)\\d`).test(norm) ||
    (/(?:国家级|省级|省部级|市级)[^()\d]*\d+(?:\.\d+)?分/.test(norm) && !statesOnly(norm)),
  parse: (text) => parseCounted(text),
};
