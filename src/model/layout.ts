/**
 * Finds the 分工表 in a workbook by its headers, never by fixed addresses: any sheet name,
 * title rows above, headers over one or two rows (with line breaks inside), any years,
 * a target pair or none, a 序号 column, blank rows between, notes below.
 */
import type { ColumnKind, Layout, SheetData, TableChoice, TableInfo, WorkbookData, YearColumns } from "./types";
import { NoTableError, TableChoiceError } from "./types";
import { SheetView, compact, type MergeArea } from "./sheet";
import { describeTable } from "./table-notice";
export { describeTable };

/** What we look for, in the words a person would recognise (used in the "not found" message). */
// what the table must have, as the user's own header words would say it (the words read: RULE_HEADER … below)
export const LOOKED_FOR = [
  "评分标准（或考核标准、评价标准、评分细则）",
  "二级指标（或指标名称、指标）",
  "XXXX年情况 / 完成值 / 工作目标",
  "XXXX年…得分",
];

const HEADER_SCAN_ROWS = 40;
const YEAR = /((?:19|20)\d{2})\s*年?/;

type Role = "seq" | "category" | "name" | "weight" | "rule" | "dept" | "support";

/*
 * Header words as the 分工表 / 任务分解表 / 考核细则 of different places write them. A rule column is a
 * way of scoring (评分/计分/赋分/评价/考核/考评/打分/得分) followed by what it is (标准/办法/方法/细则/规则/
 * 依据/说明); "评价指标" or "考核内容" is not a rule but the indicator. Departments are named by what
 * they do (责任/牵头/数据提供/来源…) with 单位/部门/科室; a bare "单位" is the unit of measure.
 */
const RULE_HEADER = /(?:评分|计分|赋分|评价|考核|考评|打分|得分|评定)(?:标准|办法|方法|细则|规则|依据|说明)/;
const CATEGORY_HEADER = /一级指标|^(?:指标)?类别$|^指标(?:类型|分类|维度)$|^(?:考核|评价|监测)?(?:维度|领域)$/;
const NAME_HEADER =
  /[二三]级指标|指标名称|^(?:具体|监测|评价|考核|测评|考评|核心)?指标(?:内容|项|项目)?$|^(?:考核|评价|监测)(?:内容|项目)$/;
// 权重, or a score's worth written alone, perhaps with "（分）": 分值 | 满分 | 标准分 | 权数 | 指标分值
const WEIGHT_HEADER = /权重|^(?:指标|基础|标准)?(?:分值|满分|满分值|标准分|权数)(?:[(（]分[)）])?$/;
const DEPT_HEADER = /(?:责任|牵头|主责|主办|负责|主管|承担|落实|数据提供|提供|报送|数据来源|来源)(?:单位|部门|科室)|^数据来源$/;
const SUPPORT_HEADER = /(?:配合|协办|协助|协同|参与)(?:单位|部门|科室)/;

function roleOf(h: string): Role | null {
  if (RULE_HEADER.test(h)) return "rule";
  if (CATEGORY_HEADER.test(h)) return "category";
  if (NAME_HEADER.test(h)) return "name";
  if (WEIGHT_HEADER.test(h)) return "weight";
  if (SUPPORT_HEADER.test(h)) return "support";
  if (DEPT_HEADER.test(h)) return "dept";
  if (h.includes("序号")) return "seq";
  return null;
}

function isScoreHeader(h: string): boolean {
  return h.includes("得分") || h.includes("分数");
}

function kindOf(valueHeader: string | null, scoreHeader: string): ColumnKind {
  const all = (valueHeader ?? "") + scoreHeader;
  if (all.includes("目标")) return "target";
  if (all.includes("预测") || all.includes("预计")) return "forecast";
  return "actual";
}

/** A row looks like a header row when it has header words and no numbers. */
function looksLikeHeaderRow(view: SheetView, row: number, cols: number): boolean {
  let words = 0;
  for (let c = 0; c < cols; c++) {
    const cell = view.cell(row, c);
    if (!cell || cell.v === null || cell.v === "") continue;
    if (typeof cell.v === "number") return false;
    const h = compact(String(typeof cell.v === "object" ? "" : cell.v));
    if (/情况|得分|目标|预测|分值|指标|标准|单位|年/.test(h)) words++;
    else if (h.length > 20) return false;
  }
  return words > 0;
}

/**
 * A row of year headings over 情况 | 得分 pairs: short cells naming a year, each over at most a
 * few columns — not a title across the table that happens to name a year.
 */
function hasYearHeads(view: SheetView, row: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) {
    const h = compact(view.text(row, c));
    if (!h || h.length > 12 || !YEAR.test(h)) continue;
    const m = view.merge(row, c);
    if (!m || m.right - m.left <= 3) return true;
  }
  return false;
}

/** The header text of every column across the header rows, merged cells counted once. */
function headerTexts(view: SheetView, rows: number[], cols: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < cols; c++) {
    let h = "";
    // a merge over two header rows is read once: at the first row it covers here
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      const m = view.merge(r, c);
      if (m && rows.slice(0, k).some((q) => sameArea(view.merge(q, c), m))) continue;
      h += compact(view.text(r, c, true));
    }
    out.push(h);
  }
  return out;
}

/** Two merges with the same top-left cell (one area, however often the part lists it). */
function sameArea(a: MergeArea | undefined, b: MergeArea): boolean {
  return a !== undefined && a.top === b.top && a.left === b.left;
}

/** The column of a 评分标准-like header in a row, or -1. */
function ruleHeaderCol(view: SheetView, r: number, cols: number): number {
  // called for every row of a table: only the cells the row has, and only text can be a header
  const cells = view.sheet.cells[r];
  if (!cells) return -1;
  const n = Math.min(cols, cells.length);
  for (let c = 0; c < n; c++) {
    const t = cells[c]?.v;
    // every rule header ends in 标准/办法/方法/细则/规则/依据/说明 (RULE_HEADER): most cells are passed without compacting them
    // (roleOf gives "rule" exactly when RULE_HEADER matches: it is tested first)
    if (typeof t === "string" && /[准法则据明]/.test(t) && RULE_HEADER.test(compact(t))) return c;
  }
  return -1;
}

/**
 * The tables of one sheet, top to bottom: the first within the first rows (as ever), then any
 * further table below the end of the one before (a 2021 table under the 2020 one).
 */
function layoutsOf(sheet: SheetData, view: SheetView): Layout[] {
  const cols = view.colCount;
  const out: Layout[] = [];
  let from = 0;
  let scan = Math.min(HEADER_SCAN_ROWS, view.rowCount);
  for (let r = from; r < scan; r++) {
    const layout = layoutAt(view, sheet, r, cols);
    if (!layout) continue;
    out.push(layout);
    from = endOf(layout) + 1;
    r = from - 1;
    scan = view.rowCount;
  }
  return out;
}

/** 0-based last row a table takes: its total row, else its last indicator or header row. */
function endOf(l: Layout): number {
  // indicator rows ascend: the last is the largest (no spread of 100,000 arguments)
  const lastIndicator = l.indicatorRows.length > 0 ? l.indicatorRows[l.indicatorRows.length - 1] : -Infinity;
  return l.totalRow ?? Math.max(l.headerRows[l.headerRows.length - 1], lastIndicator);
}

/** The table whose 评分标准 header is in row `r`, or null. */
function layoutAt(view: SheetView, sheet: SheetData, r: number, cols: number): Layout | null {
  {
    const ruleCol = ruleHeaderCol(view, r, cols);
    if (ruleCol < 0) return null;

    // The header block: this row, plus the rows a vertical merge of the 评分标准 cell spans,
    // plus one row above (years over 情况/得分) or below (情况/得分 under years) that looks like headers.
    const rows = new Set<number>([r]);
    const m = view.merge(r, ruleCol);
    if (m) for (let k = m.top; k <= m.bottom; k++) rows.add(k);
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    if (top > 0 && !rows.has(top - 1) && looksLikeHeaderRow(view, top - 1, cols) && hasYearHeads(view, top - 1, cols)) {
      rows.add(top - 1);
    }
    if (bottom + 1 < view.rowCount && looksLikeHeaderRow(view, bottom + 1, cols)) {
      const below = headerTexts(view, [bottom + 1], cols);
      if (below.some((h) => /情况|得分|目标|预测/.test(h)) && !below.some((h) => h.length > 30)) rows.add(bottom + 1);
    }
    const headerRows = [...rows].sort((a, b) => a - b);
    const headers = headerTexts(view, headerRows, cols);

    const columns: Layout["columns"] = { seq: null, category: null, name: -1, weight: null, rule: ruleCol, dept: null };
    // 一级 | 二级 | 三级指标: the row is scored on the finest level named
    let nameLevel = -1;
    const yearCols: { col: number; year: number; header: string; score: boolean }[] = [];
    headers.forEach((h, c) => {
      if (!h) return;
      const y = YEAR.exec(h);
      // a year's value column: 情况/完成值/实际/实绩/现状/数据/数值…, or the year alone ("2022年度") over it
      if (y && (isScoreHeader(h) || /情况|目标|值|完成|实际|实绩|现状|预测|预计|数/.test(h) || /^(?:19|20)\d{2}年?度?$/.test(h))) {
        yearCols.push({ col: c, year: Number(y[1]), header: h, score: isScoreHeader(h) });
        return;
      }
      const role = roleOf(h);
      if (!role) {
        // "2022年度完成情况 | 得分": a score column with no year of its own takes the year of the value column before it
        const before = yearCols[yearCols.length - 1];
        if (isScoreHeader(h) && h.length <= 12 && before && !before.score && before.col === c - 1) {
          yearCols.push({ col: c, year: before.year, header: h, score: true });
        }
        return;
      }
      if (role === "name") {
        const level = h.includes("三级") ? 3 : h.includes("二级") ? 2 : 1;
        if (columns.name < 0 || level > nameLevel) [columns.name, nameLevel] = [c, level];
      } else if (role === "support") {
        if (columns.support === undefined || columns.support === null) columns.support = c;
      } else if (role === "rule") {
        columns.rule = columns.rule >= 0 ? columns.rule : c;
      } else if (columns[role] === null) {
        columns[role] = c;
      }
    });
    if (columns.name < 0 || !yearCols.some((y) => y.score)) return null;

    const years: YearColumns[] = [];
    const used = new Set<number>();
    for (const s of yearCols.filter((y) => y.score)) {
      // the year's value column before its score column; or, written the other way round ("2022年得分 | 2022年完成值"), the one right after
      const v =
        yearCols.filter((y) => !y.score && y.year === s.year && y.col < s.col && !used.has(y.col)).sort((a, b) => b.col - a.col)[0] ??
        yearCols.find((y) => !y.score && y.year === s.year && y.col === s.col + 1 && !used.has(y.col));
      if (v) used.add(v.col);
      years.push({
        label: String(s.year),
        year: s.year,
        kind: kindOf(v?.header ?? null, s.header),
        valueCol: v ? v.col : null,
        scoreCol: s.col,
        valueHeader: v ? v.header : null,
        scoreHeader: s.header,
      });
    }
    years.sort((a, b) => a.scoreCol - b.scoreCol);
    // Two score columns for one year (e.g. 2020 预测 and 2020 目标) get distinct labels.
    const seenLabel = new Map<string, number>();
    for (const y of years) {
      const n = seenLabel.get(y.label) ?? 0;
      seenLabel.set(y.label, n + 1);
      if (n > 0) y.label = `${y.label}${y.kind === "target" ? "目标" : `(${n + 1})`}`;
    }

    // Rows of the table: after the headers, up to 合计得分 (or the end); blank rows skipped.
    const first = headerRows[headerRows.length - 1] + 1;
    let totalRow: number | null = null;
    let totalLabelCol: number | null = null;
    const indicatorRows: number[] = [];
    const labelCols = Math.max(columns.rule, columns.name) + 1;
    for (let row = first; row < view.rowCount; row++) {
      let isTotal = false;
      for (let c = 0; c < labelCols; c++) {
        // the text is trimmed, so its first character is the compacted text's: only 合/总/得/综 can start a total
        // only text can name a total (numbers, errors and logicals are passed without printing them)
        const v = view.cell(row, c)?.v;
        if (typeof v !== "string") continue;
        const raw = v.trim();
        const first = raw.charCodeAt(0);
        if (first !== 0x5408 /* 合 */ && first !== 0x603b /* 总 */ && first !== 0x5f97 /* 得 */ && first !== 0x7efc /* 综 */) continue;
        const t = compact(raw);
        if (/^(合计|总计|总分|合计得分|总得分|得分合计|综合得分)/.test(t)) {
          isTotal = true;
          totalLabelCol = c;
          break;
        }
      }
      if (isTotal) {
        totalRow = row;
        break;
      }
      const name = view.text(row, columns.name);
      const rule = view.text(row, columns.rule);
      // the headers of another table below this one (no 合计 row between): this table ends here
      // (its columns may sit elsewhere, so any 评分标准 header cell counts) — unless they repeat this
      // table's own headers (same columns, same years: a header row copied at a page break)
      if (ruleHeaderCol(view, row, cols) >= 0) {
        const next = layoutAt(view, sheet, row, cols);
        if (next && sameShape(next, columns, years)) {
          row = Math.max(...next.headerRows);
          continue;
        }
        if (next) break;
      }
      if (!name && !rule) continue;
      // a category's 小计 row (its own SUM formulas, no rule): not an indicator, and not added to the total
      if (!rule && /小计$|^小计/.test(compact(name))) continue;
      indicatorRows.push(row);
    }
    return { sheet: sheet.name, headerRows, indicatorRows, totalRow, totalLabelCol, columns, years };
  }
}

/** Whether a table's headers are the same as these columns and years (a repeated header, not a new table). */
function sameShape(l: Layout, columns: Layout["columns"], years: YearColumns[]): boolean {
  const shape = (c: Layout["columns"], ys: YearColumns[]) => JSON.stringify([c, ys.map((y) => [y.label, y.kind, y.valueCol, y.scoreCol])]);
  return shape(l.columns, l.years) === shape(columns, years);
}

export interface FoundTable {
  sheet: SheetData;
  layout: Layout;
  /** the view the table was found through (its merges already read): the plan reads through it too */
  view: SheetView;
}

/** Every 分工表 in a workbook: sheets named like 分工表 first, then in workbook order; top to bottom in a sheet. */
export function findTables(wb: WorkbookData): FoundTable[] {
  const ordered = [...wb.sheets].sort((a, b) => Number(/分工/.test(b.name)) - Number(/分工/.test(a.name)));
  return ordered.flatMap((sheet) => {
    const view = new SheetView(sheet);
    return layoutsOf(sheet, view).map((layout) => ({ sheet, layout, view }));
  });
}

/** What the report, the pane's picker and the command line say about one table. */
export function tableInfo(t: FoundTable, index: number): TableInfo {
  const l = t.layout;
  const row = Math.min(...l.headerRows) + 1;
  return {
    table: index + 1,
    sheet: t.sheet.name,
    row,
    lastRow: endOf(l) + 1,
    indicators: l.indicatorRows.length,
    years: l.years.map((y) => y.label),
  };
}

/**
 * The 分工表 of a workbook: the first found (a sheet named like 分工表 first), or the one `choice`
 * names. Throws NoTableError when there is none, TableChoiceError when the choice names none.
 */
export function findTable(
  wb: WorkbookData,
  choice?: TableChoice,
): { sheet: SheetData; layout: Layout; view: SheetView; tables: FoundTable[]; bound: number } {
  const tables = findTables(wb);
  if (tables.length === 0) {
    throw new NoTableError(`未找到分工表：没有一个工作表含有表头 ${LOOKED_FOR.map((h) => `“${h}”`).join("、")}`, LOOKED_FOR);
  }
  const bound = choice ? chosen(wb, tables, choice) : 0;
  return { ...tables[bound], tables, bound };
}

function chosen(wb: WorkbookData, tables: FoundTable[], choice: TableChoice): number {
  const list = tables.map((t, i) => tableInfo(t, i));
  const all = list.map((t) => describeTable(t, "zh")).join("；");
  if (choice.table !== undefined) {
    const i = choice.table - 1;
    if (Number.isInteger(i) && i >= 0 && i < tables.length) return i;
    throw new TableChoiceError(
      `没有第 ${choice.table} 张分工表：共找到 ${tables.length} 张（${all}）`,
      `there is no table ${choice.table}: found ${tables.length} (${list.map((t) => describeTable(t, "en")).join("; ")})`,
    );
  }
  const name = choice.sheet?.trim() ?? "";
  const sheet = wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
  if (name && !sheet) {
    throw new TableChoiceError(
      `没有名为“${name}”的工作表（工作表：${wb.sheets.map((s) => `“${s.name}”`).join("、")}）`,
      `there is no sheet named “${name}” (sheets: ${wb.sheets.map((s) => `“${s.name}”`).join(", ")})`,
    );
  }
  const onSheet = list.filter((t) => !sheet || t.sheet === sheet.name);
  if (onSheet.length === 0) {
    throw new TableChoiceError(
      `工作表“${sheet!.name}”中没有分工表（找到的分工表：${all}）`,
      `sheet “${sheet!.name}” holds no table (found: ${list.map((t) => describeTable(t, "en")).join("; ")})`,
    );
  }
  let pick = onSheet[0];
  if (choice.row !== undefined) {
    const row = choice.row;
    const hit = onSheet.find((t) => t.row <= row && row <= t.lastRow) ?? onSheet.find((t) => t.row >= row);
    if (!hit) {
      throw new TableChoiceError(
        `工作表“${onSheet[0].sheet}”第 ${row} 行及以下没有分工表（${onSheet.map((t) => describeTable(t, "zh")).join("；")}）`,
        `no table on sheet “${onSheet[0].sheet}” at or below row ${row} (${onSheet.map((t) => describeTable(t, "en")).join("; ")})`,
      );
    }
    pick = hit;
  }
  return pick.table - 1;
}
