/**
 * 按责任单位 — the task list each department is sent: per department named in the
 * 责任单位/数据提供单位 column, its indicators, their current and target scores, the values they must
 * reach, and their flags. A cell may name several departments ("市科工局、市发改局", one per line,
 * "/" or "，") and mark who leads ("市科工局（牵头）", "牵头单位：…；配合单位：…").
 */
import type { Flag, IndicatorPlan, Plan, ScoreCell } from "../types";
import { latestActualColumn, targetColumn, upgradeAnalysis, withUnit, type UpgradeAnalysis } from "./upgrade";
import { LazyList, lazyMap } from "../lazy-list";

export type DeptRole = "lead" | "support";

export interface NamedDept {
  name: string;
  /** null when the cell marks no role */
  role: DeptRole | null;
}

export interface DeptTask {
  row: number;
  category: string;
  name: string;
  role: DeptRole | null;
  /** the other departments named on the same row */
  with: string[];
  max: number | null;
  /** the latest actual year's score */
  current: { column: string; score: number | null; valueText: string } | null;
  /** the target year's score and value as the sheet states them */
  target: { column: string; score: number | null; valueText: string } | null;
  /** the value the target score needs (banded rules), with its unit, or null */
  requiredValue: number | null;
  requiredText: string | null;
  /** what the 升级分析 suggestion asks of this indicator, or null */
  suggested: { action: string; toScore: number } | null;
  flags: Flag[];
}

export interface DepartmentPlan {
  /** "" for the indicators whose cell names no department */
  name: string;
  tasks: DeptTask[];
  flagCount: number;
}

const ROLE_WORDS: [RegExp, DeptRole][] = [
  [/牵头|主责|负责/, "lead"],
  [/配合|协助|协同|参与/, "support"],
];

function roleOf(text: string): DeptRole | null {
  for (const [re, role] of ROLE_WORDS) if (re.test(text)) return role;
  return null;
}

/** "市科工局（牵头）、市发改局\n市统计局" → [{市科工局, lead}, {市发改局, null}, {市统计局, null}] */
export function splitDepartments(text: string): NamedDept[] {
  const out: NamedDept[] = [];
  const seen = new Set<string>();
  // clauses: a "牵头单位：" prefix holds until the next clause
  for (const clause of text.split(/[；;\n\r]+/)) {
    let rest = clause.trim();
    let clauseRole: DeptRole | null = null;
    const prefix = /^(牵头|主责|负责|配合|协助|协同|参与)(?:单位|部门)?\s*[:：]\s*/.exec(rest);
    if (prefix) {
      clauseRole = roleOf(prefix[1]);
      rest = rest.slice(prefix[0].length);
    }
    for (const part of rest.split(/[、，,/／\s\u3000]+/)) {
      let name = part.trim();
      let role = clauseRole;
      const marker = /[（(]\s*(牵头|主责|负责|配合|协助|协同|参与)(?:单位|部门)?\s*[)）]$/.exec(name);
      if (marker) {
        role = roleOf(marker[1]);
        name = name.slice(0, marker.index).trim();
      } else {
        const suffix = /(牵头|配合|协助)$/.exec(name);
        if (suffix && name.length > suffix[1].length + 1) {
          role = roleOf(suffix[1]);
          name = name.slice(0, suffix.index);
        }
      }
      name = name.replace(/^[：:]+|[。.]+$/g, "").trim();
      if (!name || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, role });
    }
  }
  return out;
}

function scoreOf(s: ScoreCell | undefined): { column: string; score: number | null; valueText: string } | null {
  return s ? { column: s.column, score: s.computed ?? s.stated, valueText: s.valueText } : null;
}

/** A DepartmentPlan whose tasks are made as they are read (a report writes them one by one). */
export interface DepartmentStream extends Omit<DepartmentPlan, "tasks"> {
  tasks: LazyList<DeptTask>;
}

/** Departments in the order the sheet first names them; the unnamed rows last. */
/** `upgrade`: the target year's 升级分析 when the caller has it already (it is not cheap). */
export function byDepartment(
  plan: Plan,
  upgrade: Pick<UpgradeAnalysis, "suggestion"> | null = upgradeAnalysis(plan, targetColumn(plan)),
): DepartmentPlan[] {
  return departmentsStream(plan, upgrade).map((d) => ({ ...d, tasks: d.tasks.toArray() }));
}

/**
 * byDepartment with each department's tasks made only when read: what is kept is, per department,
 * the indicators it is named on (their places in the plan), so a 100,000-row 分工表's task lists are
 * never held whole.
 */
export function departmentsStream(plan: Plan, upgrade: Pick<UpgradeAnalysis, "suggestion"> | null): DepartmentStream[] {
  const years = plan.layout.years;
  const todayIdx = years.findIndex((y) => y.label === latestActualColumn(plan));
  const targetLabel = targetColumn(plan);
  const targetIdx = years.findIndex((y) => y.label === targetLabel && y.kind === "target");
  const suggested = new Map((upgrade?.suggestion?.steps ?? []).map((s) => [s.row, { action: s.action, toScore: s.toScore }]));
  const task = (ind: IndicatorPlan, role: DeptRole | null, others: string[]): DeptTask => ({
    row: ind.row,
    category: ind.category,
    name: ind.name,
    role,
    with: others,
    max: ind.max,
    current: todayIdx >= 0 ? scoreOf(ind.scores[todayIdx]) : null,
    target: targetIdx >= 0 ? scoreOf(ind.scores[targetIdx]) : null,
    requiredValue: ind.requiredValue,
    requiredText: ind.requiredValue === null ? null : withUnit(ind.requiredValue, ind.unit),
    suggested: suggested.get(ind.row) ?? null,
    flags: ind.flags,
  });
  const namedOn = (ind: IndicatorPlan): NamedDept[] => {
    const named = splitDepartments(ind.dept);
    return named.length ? named : [{ name: "", role: null }];
  };
  // per department: the indicators (by place) it is named on, and their flags counted
  const depts = new Map<string, { name: string; rows: number[]; flagCount: number }>();
  plan.indicators.forEach((ind, i) => {
    for (const d of namedOn(ind)) {
      let dept = depts.get(d.name);
      if (!dept) {
        dept = { name: d.name, rows: [], flagCount: 0 };
        depts.set(d.name, dept);
      }
      dept.rows.push(i);
      dept.flagCount += ind.flags.length;
    }
  });
  const out = [...depts.values()].map((d): DepartmentStream => ({
    name: d.name,
    tasks: lazyMap(d.rows, (i) => {
      const ind = plan.indicators[i];
      const list = namedOn(ind);
      const me = list.find((o) => o.name === d.name)!;
      return task(
        ind,
        me.role,
        list.filter((o) => o.name !== d.name).map((o) => o.name),
      );
    }),
    flagCount: d.flagCount,
  }));
  return [...out.filter((d) => d.name !== ""), ...out.filter((d) => d.name === "")];
}
