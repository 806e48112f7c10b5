/**
 * Writes a Plan into a workbook file: the plan's score/total values and its highlights, nothing
 * else, as one patch of the package (src/ooxml/patch.ts), so every part and every cell the plan
 * does not name stays byte-for-byte. The whole plan is checked against the sheet before the
 * first change, so a plan that does not fit the workbook leaves it untouched.
 */
import type { CellScalar } from "../engine/types";
import { HIGHLIGHT_FILL, NOTE_PREFIX, SEVERITY_RANK } from "../model/highlight-style";
import { parseAddress } from "../model/sheet";
import type { Highlight, Plan, SheetData } from "../model/types";
import type { XlsxDocument, CellChange } from "../ooxml/document";
import { columnLetters } from "./read";

/** The plan does not fit the workbook (another sheet, changed cells, a broken write). Chinese message. */
export class PlanApplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanApplyError";
  }
}

export interface ApplySummary {
  written: number;
  highlighted: number;
  /** highlighted cells with a threaded comment: their comment (and its note) left as it was */
  notesKept?: number;
}

/** The add-in's fill colours as ARGB ("FFF8B4B4"), to tell our fills from the user's. */
export const OUR_FILLS = new Set(Object.values(HIGHLIGHT_FILL).map((hex) => argbOf(hex)));

export function argbOf(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

/** The sheet of the workbook named like the plan's (Excel compares sheet names case-insensitively). */
function sheetData(doc: XlsxDocument, name: string): SheetData | undefined {
  return doc.data.sheets.find((s) => s.name === name) ?? doc.data.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

export function applyPlan(doc: XlsxDocument, plan: Plan): ApplySummary {
  const changes = planChanges(doc, plan);
  doc.patch(changes.changes);
  return changes.summary;
}

/** The cell changes that carry the plan, after checking that the whole plan fits the workbook. */
export function planChanges(doc: XlsxDocument, plan: Plan): { changes: CellChange[]; summary: ApplySummary } {
  const ws = sheetData(doc, plan.sheet);
  if (!ws) throw new PlanApplyError(`找不到工作表“${plan.sheet}”，未写入任何单元格`);
  const covered = coveredCells(ws);

  // 1. check everything
  const seen = new Set<string>();
  for (const w of plan.writes) {
    checkAddress(w.cell, w.row, w.col);
    if (typeof w.after !== "number" || !Number.isFinite(w.after)) {
      throw new PlanApplyError(`${w.cell} 没有算出的数值（${String(w.after)}），未写入任何单元格`);
    }
    if (seen.has(w.cell)) throw new PlanApplyError(`${w.cell} 在写入计划中出现了两次，未写入任何单元格`);
    seen.add(w.cell);
    if (covered.has(w.cell)) {
      throw new PlanApplyError(`${w.cell} 是合并单元格中被覆盖的格子，不能写入；未写入任何单元格`);
    }
    const now = ws.cells[w.row]?.[w.col];
    if (!sameScalar(now?.v ?? null, w.before)) {
      throw new PlanApplyError(
        `${w.cell} 的内容已变化（计划时为 ${show(w.before)}，现在是 ${show(now?.v ?? null)}），请重新计算；未写入任何单元格`,
      );
    }
    if (w.keepsFormula !== undefined && normFormula(now?.formula) !== normFormula(w.keepsFormula)) {
      throw new PlanApplyError(`${w.cell} 的公式已变化，请重新计算；未写入任何单元格`);
    }
  }
  for (const h of plan.highlights) {
    checkAddress(h.cell, h.row, h.col);
    if (!(h.severity in HIGHLIGHT_FILL)) throw new PlanApplyError(`${h.cell} 的标注类别未知：${String(h.severity)}`);
  }

  const sheet = ws.name;
  const changes: CellChange[] = [];
  // 2. values, keeping each cell's style and, where the plan says so, its formula
  for (const w of plan.writes) {
    const hasFormula = ws.cells[w.row]?.[w.col]?.formula !== undefined;
    changes.push({
      sheet,
      row: w.row,
      col: w.col,
      value: w.keepsFormula !== undefined && hasFormula ? { kind: "cached", n: w.after } : { kind: "number", n: w.after },
    });
  }

  // 3. highlights: one fill and one note per cell
  const byCell = new Map<string, Highlight[]>();
  for (const h of plan.highlights) {
    const list = byCell.get(h.cell) ?? [];
    list.push(h);
    byCell.set(h.cell, list);
  }
  const notes = doc.notes(sheet);
  let notesKept = 0;
  const byKey = new Map(changes.map((c) => [`${c.row}:${c.col}`, c]));
  const change = (row: number, col: number): CellChange => {
    const k = `${row}:${col}`;
    let c = byKey.get(k);
    if (!c) {
      c = { sheet, row, col };
      byKey.set(k, c);
      changes.push(c);
    }
    return c;
  };
  // a file KJScore wrote before: cells no longer flagged lose our note part and our fill
  for (const [ref, text] of notes.text) {
    if (byCell.has(ref) || !text.includes(NOTE_PREFIX) || notes.threaded.has(ref)) continue;
    const at = parseAddress(ref);
    if (!at) continue;
    const c = change(at.row, at.col);
    c.note = userPart(text) || null;
    c.clearFill = OUR_FILLS;
  }
  for (const list of byCell.values()) {
    const severity = SEVERITY_RANK.find((s) => list.some((h) => h.severity === s)) ?? list[0].severity;
    const c = change(list[0].row, list[0].col);
    c.fill = argbOf(HIGHLIGHT_FILL[severity]);
    if (notes.threaded.has(list[0].cell)) {
      notesKept++;
      continue;
    }
    const ours = NOTE_PREFIX + [...new Set(list.map((h) => stripPrefix(h.note)))].join("\n");
    const user = userPart(notes.text.get(list[0].cell) ?? "");
    c.note = user ? `${user}\n\n${ours}` : ours;
  }
  const summary: ApplySummary = { written: plan.writes.length, highlighted: byCell.size };
  if (notesKept) summary.notesKept = notesKept;
  return { changes, summary };
}

/** Something ExcelJS built (the template, a test's input): it writes itself. Typed here, never imported. */
interface SelfWriting {
  xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> };
}

/**
 * The file's bytes as they are now. A workbook this project built with ExcelJS (the template)
 * is written by ExcelJS; a user's file is its package, patched.
 */
export async function writeWorkbook(doc: XlsxDocument | SelfWriting): Promise<Uint8Array> {
  if ("xlsx" in doc) {
    const out = await doc.xlsx.writeBuffer();
    return out instanceof Uint8Array ? out : new Uint8Array(out);
  }
  return doc.bytes;
}

/** The user's part of a note: its text without any note KJScore added before. */
export function userPart(text: string): string {
  const at = text.indexOf(NOTE_PREFIX);
  return (at >= 0 ? text.slice(0, at) : text).replace(/\s+$/, "");
}

function coveredCells(ws: SheetData): Set<string> {
  const out = new Set<string>();
  for (const m of ws.merges) {
    const [a, b] = m.split(":");
    const tl = parseAddress(a);
    const br = parseAddress(b ?? a);
    if (!tl || !br) continue;
    // only the plan's cells are looked up, but a merge is small: list its covered cells
    if ((br.row - tl.row + 1) * (br.col - tl.col + 1) > 100000) continue;
    for (let r = tl.row; r <= br.row; r++)
      for (let c = tl.col; c <= br.col; c++) if (r !== tl.row || c !== tl.col) out.add(`${columnLetters(c + 1)}${r + 1}`);
  }
  return out;
}

function stripPrefix(note: string): string {
  return note.startsWith(NOTE_PREFIX) ? note.slice(NOTE_PREFIX.length) : note;
}

function checkAddress(address: string, row: number, col: number): void {
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || `${columnLetters(col + 1)}${row + 1}` !== address) {
    throw new PlanApplyError(`写入计划中的地址不一致：${address}（行 ${row}，列 ${col}），未写入任何单元格`);
  }
}

function normFormula(f: string | undefined): string {
  return (f ?? "").replace(/^=/, "").trim();
}

function sameScalar(a: CellScalar, b: CellScalar): boolean {
  const blank = (x: CellScalar) => x === null || x === "";
  if (blank(a) && blank(b)) return true;
  if (a && b && typeof a === "object" && typeof b === "object") return a.error === b.error;
  return a === b;
}

function show(v: CellScalar): string {
  if (v === null || v === "") return "空";
  if (typeof v === "object") return v.error;
  return String(v);
}
