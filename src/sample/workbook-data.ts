/**
 * The seed's 分工表 as WorkbookData (the cells a host would read), laid out as printed:
 * a title row, one header row, 17 indicator rows with the 一级指标 merged down and the 合计得分
 * row — the same cells as the template workbook (src/xlsx/template.ts), so both give the same
 * addresses. Options vary the layout the way real copies do, for tests.
 */
import seed from "./fengongbiao.json";
import { columnLetter } from "../model/sheet";
import type { CellData, SheetData, WorkbookData } from "../model/types";

export interface SeedLayoutOptions {
  sheetName?: string;
  /** title rows above the headers (default 1) */
  titleRows?: number;
  /** headers over two rows: years merged above 情况 | 得分 */
  twoRowHeader?: boolean;
  /** add a 序号 column in front */
  seqColumn?: boolean;
  /** leave out the 2020 target pair */
  noTarget?: boolean;
  /** add a notes row below the total */
  notes?: boolean;
  /** the title in the first row (default: the seed's) */
  title?: string;
  /** blank rows between the last indicator and 合计得分 (the printed table has three) */
  blankRowsBeforeTotal?: number;
}

interface SeedIndicator {
  一级指标: string;
  一级指标分值: number;
  二级指标: string;
  权重分值: number;
  评分标准: string;
  责任单位: string[];
  [k: string]: unknown;
}

export const SEED = seed as unknown as {
  title: string;
  columns: string[];
  indicators: SeedIndicator[];
  合计得分: Record<string, number>;
};

const YEAR_PAIRS: [string, string, string, string][] = [
  ["2018年情况", "2018年评价指标得分", "2018年\n情况", "2018年评价指标得分"],
  ["2019年情况", "2019年评价指标得分预测", "2019年\n情况", "2019年评价指标得分预测"],
  ["2020年工作目标", "2020年目标得分", "2020年工作\n目标", "2020年\n目标\n得分"],
];

export function seedWorkbookData(opts: SeedLayoutOptions = {}): WorkbookData {
  const rows: (CellData | undefined)[][] = [];
  const merges: string[] = [];
  const put = (r: number, c: number, v: CellData["v"], numFmt?: string) => {
    (rows[r] ??= [])[c] = { v, ...(numFmt ? { numFmt } : {}) };
  };
  const off = opts.seqColumn ? 1 : 0;
  const pairs = opts.noTarget ? YEAR_PAIRS.slice(0, 2) : YEAR_PAIRS;
  const lastCol = off + 5 + pairs.length * 2 - 1;
  const titleRows = opts.titleRows ?? 1;
  for (let t = 0; t < titleRows; t++) {
    put(t, 0, t === 0 ? (opts.title ?? SEED.title) : "（附件）");
    merges.push(`A${t + 1}:${columnLetter(lastCol)}${t + 1}`);
  }
  let r = titleRows;
  const fixed = ["一级\n指标", "二级指标", "权重\n分值", "评  分  标  准", "责任单位/数据提供单位"];
  if (opts.twoRowHeader) {
    if (opts.seqColumn) {
      put(r, 0, "序号");
      merges.push(`A${r + 1}:A${r + 2}`);
    }
    fixed.forEach((h, i) => {
      put(r, off + i, h);
      merges.push(`${columnLetter(off + i)}${r + 1}:${columnLetter(off + i)}${r + 2}`);
    });
    pairs.forEach(([v, s], i) => {
      const c = off + 5 + i * 2;
      put(r, c, v.slice(0, 5));
      merges.push(`${columnLetter(c)}${r + 1}:${columnLetter(c + 1)}${r + 1}`);
      put(r + 1, c, v.slice(5));
      put(r + 1, c + 1, s.slice(5));
    });
    r += 2;
  } else {
    if (opts.seqColumn) put(r, 0, "序号");
    fixed.forEach((h, i) => put(r, off + i, h));
    pairs.forEach(([, , v, s], i) => {
      put(r, off + 5 + i * 2, v);
      put(r, off + 6 + i * 2, s);
    });
    r += 1;
  }
  let catStart = r;
  let seq = 1;
  SEED.indicators.forEach((ind, i) => {
    const next = SEED.indicators[i + 1];
    if (i === 0 || SEED.indicators[i - 1].一级指标 !== ind.一级指标) {
      catStart = r;
      put(r, off, `${[...ind.一级指标].join("\n")}\n（${ind.一级指标分值}分）`);
    }
    if (opts.seqColumn) put(r, 0, seq++);
    put(r, off + 1, ind.二级指标);
    put(r, off + 2, ind.权重分值);
    put(r, off + 3, ind.评分标准);
    put(r, off + 4, ind.责任单位.join("\n"));
    pairs.forEach(([v, s], k) => {
      const value = ind[v] as string;
      if (value !== "") put(r, off + 5 + k * 2, value);
      put(r, off + 6 + k * 2, ind[s] as number, "0.00");
    });
    if (!next || next.一级指标 !== ind.一级指标) {
      if (r > catStart) merges.push(`${columnLetter(off)}${catStart + 1}:${columnLetter(off)}${r + 1}`);
    }
    r++;
  });
  r += opts.blankRowsBeforeTotal ?? 0;
  put(r, 0, "合计得分");
  pairs.forEach(([v], k) => put(r, off + 6 + k * 2, SEED.合计得分[v.slice(0, 4)], "0.00"));
  if (opts.notes) put(r + 2, 0, "注：得分保留两位小数。");
  const sheet: SheetData = { name: opts.sheetName ?? "分工表", cells: rows, merges };
  return { sheets: [{ name: "说明", cells: [[{ v: "本工作簿由县科技局维护" }]], merges: [] }, sheet] };
}
