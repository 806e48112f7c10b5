/**
 * The four custom functions in WPS 表格, where the WPS version registers JavaScript functions
 * (wps.AddCustomFunction, WPS 12.1.0.20540 and later, ET only; calls are synchronous). A WPS 加载项's
 * functions live under a namespace, so formulas read =KJ.KJSCORE(F3, D3); the 分享版 recognises that
 * spelling too (src/portable/edits.ts). The logic is src/functions/scoring.ts, shared with Excel.
 *
 * A failed Outcome throws: WPS shows the cell as an error value (#VALUE!) and the message is the
 * engine's reason. That WPS keeps the message text is not documented; the pane and the 分享版 never
 * depend on it.
 */
import { kjGrade, kjMax, kjRequired, kjScore, type CellArg, type Outcome } from "../functions/scoring";
import type { WpsGlobal } from "./et";

export const WPS_NAMESPACE = "KJ";

function unwrap<T>(o: Outcome<T>): T {
  if (o.ok) return o.value;
  throw new Error(o.message);
}

/** What WPS passes for one argument: a value, or for a range a [row][col] array — the top-left cell counts. */
function arg(v: unknown): CellArg {
  let x = v;
  while (Array.isArray(x)) x = x[0];
  if (x === undefined || x === null || typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x as CellArg;
  return String(x);
}

interface Param {
  name: string;
  description: string;
  type: "any" | "number" | "string";
}

const P = (name: string, description: string, type: Param["type"] = "any"): Param => ({ name, description, type });

/** Name, implementation and the 插入函数 dialog's Chinese help, as wps.AddCustomFunction takes them. */
export const WPS_FUNCTIONS: {
  name: string;
  fn: (...a: unknown[]) => unknown;
  description: string;
  parameters: Param[];
  result: { type: string };
}[] = [
  {
    name: "KJSCORE",
    fn: (value, rule) => unwrap(kjScore(arg(value), arg(rule))),
    description: "按评分标准计算一个数值的得分（四舍五入到两位小数，同 ROUND）。评分标准读不懂或单位不符时返回错误值并说明原因。",
    parameters: [
      P("数值", "情况或目标数值，如 2489 或“2489万元”“0.35%”“28家”"),
      P("评分标准", "评分标准文字，或含评分标准的单元格", "string"),
    ],
    result: { type: "number" },
  },
  {
    name: "KJREQUIRED",
    fn: (score, rule) => unwrap(kjRequired(arg(score), arg(rule))),
    description: "反推评分标准：要得到给定得分，数值至少需要多少（按评分标准的单位）。",
    parameters: [P("得分", "目标得分，如 3.39", "number"), P("评分标准", "评分标准文字，或含评分标准的单元格", "string")],
    result: { type: "number" },
  },
  {
    name: "KJMAX",
    fn: (rule) => unwrap(kjMax(arg(rule))),
    description: "评分标准的最高分。",
    parameters: [P("评分标准", "评分标准文字，或含评分标准的单元格", "string")],
    result: { type: "number" },
  },
  {
    name: "KJGRADE",
    fn: (total) => unwrap(kjGrade(arg(total))),
    description: "合计得分的等级：80 分及以上为 A，60 到 80 分为 B，60 分以下为 C。",
    parameters: [P("合计得分", "合计得分，如 73.97", "number")],
    result: { type: "string" },
  },
];

/** Registers the functions; false when this WPS has no custom functions (the pane says so). */
export function registerWpsFunctions(wps: WpsGlobal | undefined): boolean {
  if (!wps || typeof wps.AddCustomFunction !== "function") return false;
  for (const f of WPS_FUNCTIONS) {
    wps.AddCustomFunction(WPS_NAMESPACE, f.name, f.fn, { description: f.description, parameters: f.parameters, result: f.result });
  }
  return true;
}
