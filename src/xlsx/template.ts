/**
 * The built-in 分工表: the seed's table (src/sample/fengongbiao.json) as a formatted sheet,
 * laid out like the printed attachment. No fs: the JSON is imported, so the browser bundle
 * carries it too.
 *
 * `addTableSheet` draws any table described by a `TableSpec`; the template is one spec, and
 * tests and the benchmark draw variants (other years, a renamed sheet, extra title rows, a
 * 序号 column, notes below) through the same code.
 */
import ExcelJS from "exceljs";
import sample from "../sample/fengongbiao.json";
import { columnLetters } from "./read";
import { displayWidth } from "./width";

export const TEMPLATE_SHEET = "分工表";
export const TEMPLATE_TITLE = "霸州市科技创新能力监测评价指标测算责任分工表";

export type CellInput = string | number | null;

export interface YearSpec {
  /** header of the value column as printed, line breaks included ("2018年\n情况"); null: no value column */
  valueHeader: string | null;
  /** header of the score column ("2018年评价指标得分") */
  scoreHeader: string;
}

export interface RowSpec {
  category: string;
  /** the 一级指标's points; the category cell reads "创新投入（20分）" */
  categoryPoints: number | null;
  name: string;
  weight: CellInput;
  rule: string;
  depts: string[];
  /** one [value, score] pair per year, in the order of TableSpec.years */
  cells: [CellInput, CellInput][];
}

export interface TableSpec {
  sheetName: string;
  /** the merged title row; null for none */
  title: string | null;
  /** rows of text above the title (a file number, a "附件" line …) */
  preamble?: string[];
  /** a 序号 column in front */
  seqColumn?: boolean;
  /** the header of the rule column: "评分标准", or as printed "评  分  标  准" */
  ruleHeader?: string;
  years: YearSpec[];
  rows: RowSpec[];
  /** printed totals per year, or null for no 合计得分 row */
  totals: CellInput[] | null;
  /** blank rows between the last indicator and the 合计得分 row */
  blankRowsBeforeTotal?: number;
  /** text rows below the table */
  notes?: string[];
}

type SampleRow = (typeof sample.indicators)[number];

/** "2018年情况" → "2018年\n情况", as the printed header breaks it. */
export function printedHeader(column: string): string {
  let m = /^(\d{4}年)情况$/.exec(column);
  if (m) return `${m[1]}\n情况`;
  m = /^(\d{4}年工作)目标$/.exec(column);
  if (m) return `${m[1]}\n目标`;
  m = /^(\d{4}年)目标得分$/.exec(column);
  if (m) return `${m[1]}\n目标\n得分`;
  return column;
}

/** The seed table as a TableSpec: values and scores exactly as printed. */
export function sampleSpec(): TableSpec {
  const yearCols = sample.columns.slice(5);
  const years: YearSpec[] = [];
  for (let i = 0; i < yearCols.length; i += 2) {
    years.push({ valueHeader: printedHeader(yearCols[i]), scoreHeader: printedHeader(yearCols[i + 1]) });
  }
  const rows: RowSpec[] = sample.indicators.map((ind: SampleRow) => {
    const rec = ind as unknown as Record<string, CellInput>;
    const cells: [CellInput, CellInput][] = [];
    for (let i = 0; i < yearCols.length; i += 2) {
      cells.push([blankToNull(rec[yearCols[i]]), blankToNull(rec[yearCols[i + 1]])]);
    }
    return {
      category: ind["一级指标"],
      categoryPoints: ind["一级指标分值"],
      name: ind["二级指标"],
      weight: ind["权重分值"],
      rule: ind["评分标准"],
      depts: ind["责任单位"],
      cells,
    };
  });
  const totals = sample["合计得分"] as Record<string, number>;
  return {
    sheetName: TEMPLATE_SHEET,
    title: sample.title,
    years,
    rows,
    totals: Object.keys(totals)
      .sort()
      .map((k) => totals[k]),
  };
}

function blankToNull(v: CellInput | undefined): CellInput {
  return v === undefined || v === "" ? null : v;
}

export async function buildTemplate(): Promise<ExcelJS.Workbook> {
  const workbook = newWorkbook();
  addTableSheet(workbook, sampleSpec());
  return workbook;
}

export async function buildTemplateBuffer(): Promise<Uint8Array> {
  const workbook = await buildTemplate();
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KJScore 科创评分";
  // a fixed date keeps the template's bytes (and tests) reproducible
  workbook.created = new Date(Date.UTC(2020, 3, 29));
  workbook.modified = workbook.created;
  return workbook;
}

const FONT = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const SCORE_FORMAT = "0.00";

/** Character widths of the columns: [before the year columns], then per year [value, score]. */
const FIXED_WIDTHS = { seq: 5, category: 9, name: 26, weight: 7, rule: 44, dept: 16 };
const YEAR_WIDTHS = { value: 15, score: 11 };

/** Draw the table as a new sheet of `workbook`; returns the sheet. */
export function addTableSheet(workbook: ExcelJS.Workbook, spec: TableSpec): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(spec.sheetName);
  const seq = spec.seqColumn ? 1 : 0;
  const col = {
    seq: seq ? 1 : 0,
    category: 1 + seq,
    name: 2 + seq,
    weight: 3 + seq,
    rule: 4 + seq,
    dept: 5 + seq,
  };
  const firstYearCol = 6 + seq;
  const lastCol = firstYearCol + spec.years.length * 2 - 1;
  const last = columnLetters(lastCol);

  // column widths
  const widths: number[] = [];
  if (seq) widths.push(FIXED_WIDTHS.seq);
  widths.push(FIXED_WIDTHS.category, FIXED_WIDTHS.name, FIXED_WIDTHS.weight, FIXED_WIDTHS.rule, FIXED_WIDTHS.dept);
  for (let i = 0; i < spec.years.length; i++) widths.push(YEAR_WIDTHS.value, YEAR_WIDTHS.score);
  ws.columns = widths.map((width) => ({ width }));

  let r = 1;
  for (const line of spec.preamble ?? []) {
    const cell = ws.getCell(r, 1);
    cell.value = line;
    cell.font = { name: FONT, size: 11 };
    r++;
  }
  if (spec.title !== null) {
    ws.mergeCells(`A${r}:${last}${r}`);
    const cell = ws.getCell(r, 1);
    cell.value = spec.title;
    cell.font = { name: FONT, size: 18, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    ws.getRow(r).height = 36;
    r++;
  }

  // header row
  const headerRow = r;
  const headers: string[] = [];
  if (seq) headers.push("序号");
  headers.push("一级\n指标", "二级指标", "权重\n分值", spec.ruleHeader ?? "评分标准", "责任单位/数据提供单位");
  for (const y of spec.years) headers.push(y.valueHeader ?? "", y.scoreHeader);
  headers.forEach((text, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = text === "" ? null : text;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  });
  ws.getRow(headerRow).height = 48;
  r++;

  // indicator rows
  const firstRow = r;
  spec.rows.forEach((row, i) => {
    const rr = r + i;
    const put = (c: number, v: CellInput, style: Partial<ExcelJS.Style> = {}) => {
      const cell = ws.getCell(rr, c);
      cell.value = v;
      cell.font = { name: FONT, size: 10 };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
      Object.assign(cell, style);
    };
    if (seq) put(col.seq, i + 1);
    put(col.category, categoryLabel(row));
    put(col.name, row.name, { alignment: { horizontal: "left", vertical: "middle", wrapText: true } });
    put(col.weight, row.weight);
    put(col.rule, row.rule, { alignment: { horizontal: "left", vertical: "middle", wrapText: true } });
    put(col.dept, row.depts.join("\n"));
    row.cells.forEach(([value, score], y) => {
      put(firstYearCol + 2 * y, value);
      put(firstYearCol + 2 * y + 1, score, { numFmt: SCORE_FORMAT });
    });
    ws.getRow(rr).height = rowHeight(row, widths[col.rule - 1], widths[col.name - 1]);
  });
  const lastRow = r + spec.rows.length - 1;
  // merge each 一级指标 down its rows
  let start = 0;
  for (let i = 1; i <= spec.rows.length; i++) {
    if (i === spec.rows.length || categoryLabel(spec.rows[i]) !== categoryLabel(spec.rows[start])) {
      if (i - 1 > start) ws.mergeCells(firstRow + start, col.category, firstRow + i - 1, col.category);
      start = i;
    }
  }
  r = lastRow + 1;

  r += spec.blankRowsBeforeTotal ?? 0;
  if (spec.totals) {
    ws.mergeCells(r, 1, r, firstYearCol - 1);
    const label = ws.getCell(r, 1);
    label.value = "合计得分";
    label.font = { name: FONT, size: 11, bold: true };
    label.alignment = { horizontal: "center", vertical: "middle" };
    for (let c = 1; c <= lastCol; c++) ws.getCell(r, c).border = BORDER;
    spec.totals.forEach((total, y) => {
      const cell = ws.getCell(r, firstYearCol + 2 * y + 1);
      cell.value = total;
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle" };
      cell.numFmt = SCORE_FORMAT;
    });
    ws.getRow(r).height = 24;
    r++;
  }
  for (const line of spec.notes ?? []) {
    r++;
    const cell = ws.getCell(r, 1);
    cell.value = line;
    cell.font = { name: FONT, size: 10 };
  }

  ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup = {
    orientation: "landscape",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  return ws;
}

function categoryLabel(row: RowSpec): string {
  return row.categoryPoints === null ? row.category : `${row.category}（${row.categoryPoints}分）`;
}

/** Excel does not grow rows for wrapped text in files it did not lay out itself: size them here. */
function rowHeight(row: RowSpec, ruleWidth: number, nameWidth: number): number {
  const lines = (text: string, width: number) =>
    text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 2))), 0);
  const n = Math.max(lines(row.rule, ruleWidth), lines(row.name, nameWidth), row.depts.length, 1);
  return Math.max(24, n * 13.5 + 6);
}
