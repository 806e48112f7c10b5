/**
 * Options that exclude each other: states of one thing. "建成污水处理厂并正常运行的得2分，当年新开工（或扩建）
 * 污水处理厂的得1分" — a 污水处理厂 is built or being started, not both, so the rule gives at most 2, not 3.
 * Two options are states of one thing when each names a state (建成/在建/开工/获批/待批…), the states differ,
 * and what is left of the names once states, levels and particles are dropped is the same thing (one
 * contains the other: "特色产业园" in "扶持特色产业园政策"). Separate items each scored ("设立专项资金；出台配套
 * 政策") share no such thing and still add up. Levels of one 平台 exclude each other only where the text says
 * 就高/不重复 — the take-the-highest family (highest.ts) reads those.
 */

/** States of a thing being built, approved or run, longest first (so 新开工 is one state, not 开工 with 新). */
const STATES = [
  "建设完成",
  "完成建设",
  "正在建设",
  "正常运行",
  "投入使用",
  "通过验收",
  "新开工",
  "已建成",
  "建成",
  "已建",
  "在建",
  "新建",
  "扩建",
  "改建",
  "筹建",
  "未建",
  "开工",
  "动工",
  "完工",
  "竣工",
  "投用",
  "投运",
  "启用",
  "建设",
  "投产",
  "获批",
  "批准",
  "批复",
  "待批",
  "报批",
  "已报",
  "上报",
  "申报",
  "认定",
  "验收",
  "运行",
  "挂牌",
  "立项",
  "备案",
];
const STATE = new RegExp(STATES.join("|"), "g");
/** levels and where a thing was reported to, which do not change what the thing is */
const LEVEL = /国家级|省部级|省级|市级|县级|区级|省厅|市局|国家|省|市|县/g;
const PARTICLE = /当年|本年|年内|正在|或者|或|并且|并|和|及|的|已|均|了/g;

/** What a state names, its states dropped: null when the name states nothing. */
function thingOf(name: string): { thing: string; states: string } | null {
  const states = name.match(STATE);
  if (!states) return null;
  const thing = name
    .replace(/[()（）\s]/g, "")
    .replace(STATE, "")
    .replace(LEVEL, "")
    .replace(PARTICLE, "");
  return { thing, states: [...new Set(states)].sort().join("|") };
}

function sameThing(a: { thing: string; states: string }, b: { thing: string; states: string }): boolean {
  if (a.states === b.states) return false;
  // "建成省级孵化器的得3分，在建的得1分": a bare state is a state of the thing the other option names
  if (a.thing === b.thing || a.thing === "" || b.thing === "") return true;
  const [short, long] = a.thing.length <= b.thing.length ? [a.thing, b.thing] : [b.thing, a.thing];
  return short.length >= 2 && long.includes(short);
}

/**
 * Groups the options by the thing whose states they are: `groups[i]` is the group of option i; options
 * that are no state of a shared thing are each their own group (they add up).
 */
export function exclusiveGroups(names: string[]): number[] {
  const things = names.map(thingOf);
  const group = names.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i])));
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = things[i];
      const b = things[j];
      if (a && b && sameThing(a, b)) group[root(j)] = root(i);
    }
  }
  return group.map((_, i) => root(i));
}
