/**
 * One plan for a 分工表: every score cell's computed score and status, totals and subtotals
 * per year, grades, the target analysis, the flags, and exactly which cells would be
 * written with what. Pure: the hosts read cells in, and write the plan out.
 */
import { DecimalSum, gapToNextGrade, gradeOf } from "../engine";
import { SEVERITY_RANK } from "./highlight-style";
import { findTable, tableInfo } from "./layout";
import { fmt } from "./fmt";
import { noticeOf } from "./table-notice";
export { noticeOf };
import { FLAT_FROM_ROWS, numberOf, scoreRow } from "./score-row";
import { address, compact, parseAddress, scalarText } from "./sheet";
import type {
  CellWrite,
  FlagCode,
  Highlight,
  HighlightSeverity,
  IndicatorPlan,
  Plan,
  PlanOptions,
  ScoreCell,
  SubtotalPlan,
  TableChoice,
  TotalPlan,
  WorkbookData,
} from "./types";

export { findTable } from "./layout";

/** "创\n新\n投\n入\n（20分）" → { name: "创新投入", points: 20 } */
function parseCategory(text: string): { name: string; points: number | null } {
  const t = compact(text);
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(t);
  return { name: t.replace(/[（(][^）)]*[)）]/g, "").trim(), points: m ? Number(m[1]) : null };
}

const SEVERITY_OF: Record<FlagCode, HighlightSeverity> = {
  "target-unreachable": "unreachable",
  "score-mismatch": "mismatch",
  "rule-error": "error",
  "value-error": "error",
  "target-gap": "gap",
};
/**
 * Compute the plan for a workbook: for its first 分工表, or the one `choice` names. Throws
 * NoTableError when no 分工表 is found, TableChoiceError when `choice` names none.
 */
export function computePlan(wb: WorkbookData, choice?: TableChoice, options: PlanOptions = {}): Plan {
  const english = options.english ?? true;
  const writeReasons = options.writeReasons ?? true;
  const found = findTable(wb, choice);
  const { sheet, layout, view } = found;
  const tables = found.tables.map((t, i) => tableInfo(t, i));
  const indicators: IndicatorPlan[] = [];
  const writes: CellWrite[] = [];
  const categoryPoints = new Map<string, number | null>();

  let category = "";
  // the 一级指标 cell is merged down its rows: each row reads the same text, parsed once
  let categoryText = "";
  const keepFlat = layout.indicatorRows.length >= FLAT_FROM_ROWS;
  for (const row of layout.indicatorRows) {
    if (layout.columns.category !== null) {
      const t = view.text(row, layout.columns.category, true);
      if (t && t !== categoryText) {
        categoryText = t;
        const c = parseCategory(t);
        category = c.name;
        if (!categoryPoints.has(c.name)) categoryPoints.set(c.name, c.points);
      }
    }
    const scored = scoreRow({ view, layout, row, keepFlat, english, writeReasons }, category);
    indicators.push(scored.indicator);
    writes.push(...scored.writes);
  }

  // Totals add the computed score where there is one, the stated score otherwise, each as the
  // exact decimal it shows: the totals and the subtotals add the same parts
  const contribution = (s: ScoreCell) => s.computed ?? s.stated ?? 0;
  const totals: TotalPlan[] = layout.years.map((y, i) => {
    const sum = new DecimalSum();
    for (const ind of indicators) sum.add(contribution(ind.scores[i]));
    const computed = sum.toNumber();
    const cellAddr = layout.totalRow === null ? null : address(layout.totalRow, y.scoreCol);
    const data = layout.totalRow === null ? undefined : view.cell(layout.totalRow, y.scoreCol);
    const stated = data ? numberOf(data.v) : null;
    if (cellAddr !== null && layout.totalRow !== null && (stated === null || Math.abs(stated - computed) > 1e-9)) {
      const text = scalarText(data?.v ?? null);
      const [before, beforeEn] = stated !== null ? [fmt(stated), fmt(stated)] : text ? [`“${text}”`, `“${text}”`] : ["（空）", "(empty)"];
      writes.push({
        cell: cellAddr,
        row: layout.totalRow,
        col: y.scoreCol,
        before: data?.v ?? null,
        after: computed,
        reason: writeReasons ? `${y.label}年合计得分 ${before} → ${fmt(computed)}` : "",
        reasonEn: english && writeReasons ? `${y.label} total ${beforeEn} → ${fmt(computed)}` : "",
        ...(data?.formula ? { keepsFormula: data.formula } : {}),
      });
    }
    return {
      column: y.label,
      kind: y.kind,
      cell: cellAddr,
      stated,
      computed,
      grade: gradeOf(computed),
      gapToNext: gapToNextGrade(computed),
    };
  });

  // one pass over the indicators (a sum of rationals is exact in any order), categories in order of appearance
  const subtotals: SubtotalPlan[] = [];
  const sums = new Map<string, DecimalSum[]>();
  // a table with no 一级指标 column has no categories to subtotal (one line "" would only repeat the total)
  for (const ind of layout.columns.category === null ? [] : indicators) {
    let sum = sums.get(ind.category);
    if (!sum) {
      sum = layout.years.map(() => new DecimalSum());
      sums.set(ind.category, sum);
      subtotals.push({ category: ind.category, points: categoryPoints.get(ind.category) ?? null, byColumn: {} });
    }
    for (let i = 0; i < sum.length; i++) sum[i].add(contribution(ind.scores[i]));
  }
  for (const sub of subtotals) {
    const sum = sums.get(sub.category)!;
    layout.years.forEach((y, i) => {
      sub.byColumn[y.label] = sum[i].toNumber();
    });
  }

  return {
    sheet: sheet.name,
    layout,
    indicators,
    totals,
    subtotals,
    writes,
    highlights: highlightsOf(indicators),
    tables,
    bound: found.bound,
    ...(tables.length > 1 ? { tableNotice: noticeOf(tables, found.bound) } : {}),
  };
}

/** One highlight per flagged cell: the most severe colour, every reason in the note. */
function highlightsOf(indicators: IndicatorPlan[]): Highlight[] {
  const out: Highlight[] = [];
  // every flag of an indicator is on a cell of its own row, so cells are grouped row by row (a
  // handful each), not in one map over the whole table; the order is the same: rows in turn, each
  // cell where its first flag is
  for (const ind of indicators) {
    const first = out.length;
    for (const f of ind.flags) {
      const sev = SEVERITY_OF[f.code];
      let h: Highlight | undefined;
      for (let k = first; k < out.length; k++) if (out[k].cell === f.cell) h = out[k];
      if (!h) {
        const { row, col } = parseAddress(f.cell)!;
        out.push({ cell: f.cell, row, col, severity: sev, note: f.message, noteEn: f.messageEn });
      } else {
        if (SEVERITY_RANK.indexOf(sev) < SEVERITY_RANK.indexOf(h.severity)) h.severity = sev;
        // reasons are joined by concatenation: the texts are not copied until a note is shown
        h.note += `\n${f.message}`;
        // (a plan without English has none to join)
        if (f.messageEn) h.noteEn = h.noteEn ? `${h.noteEn}\n${f.messageEn}` : f.messageEn;
      }
    }
  }
  return out;
}
