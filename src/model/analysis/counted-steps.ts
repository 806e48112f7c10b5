/**
 * Counted rules in the 升级分析: which items are cheapest to add, and what adding them scores —
 * asked of the rule itself (a "新增 …" entry on top of the current score), never added up here.
 */
import type { CountedItem, CountedRule } from "../../engine";

/** How hard a level is to win, lowest first; an item with no level ("院士工作站") counts as provincial. */
const LEVEL_RANK: Record<string, number> = { 县级: 0, 市级: 1, 省级: 2, 省部级: 3, 省级以上: 3, 国家级: 4 };
const rankOf = (it: CountedItem) => (it.level === null ? 2 : (LEVEL_RANK[it.level] ?? 2));

/** The items that add points, cheapest first: the most attainable level, then the most points per item. */
export function cheapestItems(items: CountedItem[]): CountedItem[] {
  return items
    .filter((it) => it.points > 0)
    .map((it, i) => ({ it, i }))
    .sort((a, b) => rankOf(a.it) - rankOf(b.it) || b.it.points - a.it.points || a.i - b.i)
    .map((x) => x.it);
}

/** "省级孵化器每家1分" */
export function itemLabel(it: CountedItem, unit: string): string {
  return `${it.level ?? ""}${it.aliases[0] ?? it.kind}每${unit}${it.points}分`;
}

/**
 * The score after adding `count` of `item` to a row that scores `from`: the rule scores
 * "新增 省级孵化器2家" on top of the previous score (and applies its cap). Null when the rule does
 * not read that entry back as exactly those items.
 */
export function scoreAdded(rule: CountedRule, item: CountedItem, count: number, from: number, unit: string): number | null {
  const name = `${item.level ?? ""}${item.aliases[0] ?? item.kind}`;
  const alone = rule.score({ v: `${name}${count}${unit}` });
  // the entry must name exactly this item: its score alone is count × points (below any cap)
  if (alone.status !== "exact") return null;
  const expected = Math.min(count * item.points, rule.cap ?? Number.POSITIVE_INFINITY);
  if (Math.abs(alone.score - expected) > 1e-9) return null;
  const r = rule.score({ v: `新增 ${name}${count}${unit}` }, { previous: { status: "exact", score: from, value: null } });
  return r.status === "exact" ? r.score : null;
}
