/**
 * What "lossless" means for a written copy of a corpus workbook (issue 8), in one place for the
 * command-line and the browser tests:
 *  (a) every zip entry byte-identical except the parts the plan may change,
 *  (b) inside the bound sheet's XML only the plan cells' <c> differ (+ a new <legacyDrawing>),
 *  (c) cell by cell (openpyxl) only plan cells differ, and those as the plan says,
 *  (d) LibreOffice still shows the charts, images, shapes, notes and validations.
 * The plan is the engine's own plan of the sample (computePlan over seedWorkbookData), not
 * anything read back by the code under test: every corpus file holds the sample at the same
 * addresses.
 */
import * as fs from "fs";
import * as path from "path";
import { computePlan } from "../../src/model";
import { HIGHLIGHT_FILL } from "../../src/model/highlight-style";
import type { Plan } from "../../src/model/types";
import { seedWorkbookData } from "../../src/sample/workbook-data";
import type { LoView } from "./lo-inspect";
import { describeDifferences, diffDumps, type BookDump, type Difference } from "./openpyxl";
import {
  allowedChanges,
  expectOnlyAllowedParts,
  expectWellFormed,
  partText,
  readParts,
  sheetPart,
  sheetParts,
  workbookPart,
  type Parts,
} from "./package-parts";
import { expectOnlyPlanCellsInSheet } from "./sheet-xml";

export const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
export const SHEET = "分工表";
export const NOTE_MARK = "【科创评分】";

export interface CorpusManifest {
  plan: { writes: Record<string, number>; totals: number[] };
  notes: Record<"onEmpty" | "onText" | "onHighlight" | "onWrite" | "onWriteAndHighlight" | "threaded", string>;
}

export const MANIFEST: CorpusManifest = JSON.parse(fs.readFileSync(path.join(CORPUS, "corpus.json"), "utf8"));

/** The .xlsx / .xlsm files of the corpus (the legacy ones are tested on their own). */
export function corpusPackages(): string[] {
  return fs
    .readdirSync(CORPUS)
    .filter((n) => /\.(xlsx|xlsm)$/.test(n) && !n.startsWith("refused-"))
    .sort();
}

export const PLAN: Plan = computePlan(seedWorkbookData());

export type Mode = "recalc" | "portable" | "portable-values";

export const MODES: { mode: Mode; label: string; args: string[] }[] = [
  { mode: "recalc", label: "recalc", args: [] },
  { mode: "portable", label: "recalc --portable", args: ["--portable"] },
  { mode: "portable-values", label: "recalc --portable --convert-values", args: ["--portable", "--convert-values"] },
];

/**
 * The cells a mode may change: the plan's writes and highlights; for the 分享版 also every
 * score and total cell (they become formulas); with --convert-values also the value cells.
 */
export function planCells(mode: Mode): Set<string> {
  const cells = new Set<string>([...PLAN.writes.map((w) => w.cell), ...PLAN.highlights.map((h) => h.cell)]);
  if (mode !== "recalc") {
    for (const ind of PLAN.indicators) for (const s of ind.scores) cells.add(s.cell);
    for (const t of PLAN.totals) if (t.cell) cells.add(t.cell);
  }
  if (mode === "portable-values") {
    for (const ind of PLAN.indicators) for (const s of ind.scores) if (s.valueCell) cells.add(s.valueCell);
  }
  return cells;
}

const CUSTOM_CALL = /\b(?:_xldudf_)?(?:[A-Za-z0-9_]+\.)?(KJSCORE|KJREQUIRED|KJMAX|KJGRADE)\s*\(/i;

/** Per sheet, the cells whose formula calls the add-in's custom functions (the 分享版 converts them). */
export function customFunctionCells(parts: Parts): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { name, part } of sheetParts(parts)) {
    if (!part.includes("worksheets/") || !parts.has(part)) continue;
    const cells = new Set<string>();
    for (const m of partText(parts, part).matchAll(/<c\b([^>]*?)>([\s\S]*?)<\/c>/g)) {
      const f = /<f\b[^>]*>([^<]*)<\/f>/.exec(m[2]);
      const r = /\sr="([A-Z]+[0-9]+)"/.exec(m[1]);
      if (f && r && CUSTOM_CALL.test(f[1].replace(/&quot;[^&]*&quot;/g, '""'))) cells.add(r[1]);
    }
    if (cells.size > 0) out.set(name, cells);
  }
  return out;
}

/** (a) and (b): the package and the XML of the sheets the plan writes to. */
export function expectLosslessPackage(input: Uint8Array, output: Uint8Array, mode: Mode): void {
  const inParts = readParts(input);
  const outParts = readParts(output);
  const custom = mode === "recalc" ? new Map<string, Set<string>>() : customFunctionCells(inParts);
  const sheets = [SHEET, ...[...custom.keys()].filter((s) => s !== SHEET)];
  const allowed = allowedChanges(inParts, { sheets, formulas: mode !== "recalc" });
  const diff = expectOnlyAllowedParts(inParts, outParts, allowed);
  expectWellFormed(inParts, outParts, diff);
  expectOneConformanceClass(inParts, outParts, [...diff.changed, ...diff.added]);
  for (const sheet of sheets) {
    const part = sheetPart(inParts, sheet);
    expect(sheetPart(outParts, sheet)).toBe(part);
    const cells = sheet === SHEET ? new Set([...planCells(mode), ...(custom.get(sheet) ?? [])]) : custom.get(sheet)!;
    expectOnlyPlanCellsInSheet(partText(inParts, part), partText(outParts, part), cells, part);
  }
}

const TRANSITIONAL_NS = /http:\/\/schemas\.openxmlformats\.org\/(?:spreadsheetml\/2006\/main|officeDocument\/2006\/relationships)/;

/**
 * An ISO/IEC 29500 Strict package stays Strict: no part the writer changed or added may use the
 * Transitional SpreadsheetML or relationships namespace (a mix is neither class, and Excel
 * reports it as damaged).
 */
export function expectOneConformanceClass(input: Parts, output: Parts, written: string[]): void {
  if (!partText(input, workbookPart(input)).includes("http://purl.oclc.org/ooxml/spreadsheetml/main")) return;
  const mixed = written.filter((n) => /\.(xml|rels)$/i.test(n) && output.has(n) && TRANSITIONAL_NS.test(partText(output, n)));
  if (mixed.length > 0) throw new Error(`a Strict workbook got Transitional namespaces in: ${mixed.join(", ")}`);
}

/** Cells whose every flag is score-mismatch: 应用 corrects them. */
const onlyMismatch = new Set(
  [...new Set(PLAN.indicators.flatMap((i) => i.flags.map((f) => f.cell)))].filter((cell) =>
    PLAN.indicators
      .flatMap((i) => i.flags)
      .filter((f) => f.cell === cell)
      .every((f) => f.code === "score-mismatch"),
  ),
);

const HIGHLIGHT_ARGB = new Set(Object.values(HIGHLIGHT_FILL).map((hex) => `rgb:FF${hex.slice(1).toUpperCase()}`));

/**
 * What each plan cell may change, aspect by aspect: a written score its value; a highlighted
 * cell its fill and note; in the 分享版 a score or total cell its value and formula (and number
 * format: a score shown as text); with --convert-values a value cell its value and number format.
 */
export function planAspects(mode: Mode): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const add = (cell: string, ...aspects: string[]) => {
    const s = m.get(cell) ?? new Set<string>();
    for (const a of aspects) s.add(a);
    m.set(cell, s);
  };
  for (const w of PLAN.writes) add(w.cell, "v");
  for (const h of PLAN.highlights) add(h.cell, "fill", "note");
  if (mode !== "recalc") {
    // the 分享版 also notes a score it keeps as a number ("F3 是文字…，得分保留为数值")
    for (const ind of PLAN.indicators) for (const s of ind.scores) add(s.cell, "v", "f", "numFmt", "note");
    for (const t of PLAN.totals) if (t.cell) add(t.cell, "v", "f", "numFmt", "note");
  }
  if (mode === "portable-values") {
    for (const ind of PLAN.indicators) for (const s of ind.scores) if (s.valueCell) add(s.valueCell, "v", "numFmt");
  }
  return m;
}

/**
 * (c): openpyxl's view of input and output. Outside the plan cells nothing may differ (sheet
 * settings, names, properties included), and a plan cell only in what the plan does to it.
 * Written cells hold the plan's number; highlighted cells carry a highlight fill and a note
 * with the 【科创评分】 line that keeps the user's own note.
 */
export function expectOnlyPlanCellsChanged(
  before: BookDump,
  after: BookDump,
  mode: Mode,
  options: { highlightsAfterWrites?: boolean } = {},
): Difference[] {
  const aspects = planAspects(mode);
  const custom = new Set<string>();
  for (const sh of before.sheets)
    for (const [ref, c] of Object.entries(sh.cells ?? {})) if (c.f && CUSTOM_CALL.test(c.f)) custom.add(`${sh.name}!${ref}`);
  const diffs = diffDumps(before, after);
  const outside = diffs.filter((d) => {
    if (mode !== "recalc" && custom.has(`${d.sheet}!${d.cell}`) && (d.aspect === "f" || d.aspect === "v")) return false;
    return d.sheet !== SHEET || !aspects.get(d.cell)?.has(d.aspect);
  });
  if (outside.length > 0) throw new Error(`cells or settings outside the plan changed:\n${describeDifferences(outside)}`);
  const sheetBefore = before.sheets.find((s) => s.name === SHEET)!.cells!;
  const sheetAfter = after.sheets.find((s) => s.name === SHEET)!.cells!;
  const problems: string[] = [];
  if (mode === "recalc") {
    for (const w of PLAN.writes) {
      if (custom.has(`${SHEET}!${w.cell}`)) continue; // a KJSCORE cell computes itself: the plan leaves it
      const got = sheetAfter[w.cell]?.v;
      if (got !== w.after) problems.push(`${w.cell} holds ${JSON.stringify(got)}, the plan writes ${w.after}`);
    }
  } else {
    for (const ind of PLAN.indicators) {
      for (const s of ind.scores) {
        const c = sheetAfter[s.cell];
        if (s.computed !== null && c?.f === undefined && c?.v !== s.computed)
          problems.push(`${s.cell}: neither a formula nor ${s.computed} (${JSON.stringify(c)})`);
      }
    }
  }
  for (const h of PLAN.highlights) {
    const c = sheetAfter[h.cell];
    // the page highlights what is still wrong once the scores are written: a cell flagged only
    // for its (now corrected) score may go unmarked; if it is marked, it is marked properly
    if (options.highlightsAfterWrites && onlyMismatch.has(h.cell) && !c?.fill && !c?.note?.text.includes(NOTE_MARK)) continue;
    if (!c?.fill || !HIGHLIGHT_ARGB.has(String(c.fill.fg))) problems.push(`${h.cell} is not highlighted (fill ${JSON.stringify(c?.fill)})`);
    const note = c?.note?.text ?? "";
    if (!note.includes(NOTE_MARK)) problems.push(`${h.cell}'s note has no ${NOTE_MARK} line: ${JSON.stringify(note)}`);
    const own = sheetBefore[h.cell]?.note?.text;
    if (own && !note.includes(own)) problems.push(`${h.cell} lost the user's note ${JSON.stringify(own)}: now ${JSON.stringify(note)}`);
  }
  // a note the plan adds to keeps the user's text and author
  for (const d of diffs) {
    if (d.aspect !== "note" || !d.before) continue;
    const b = d.before as { text: string; author: string };
    const a = d.after as { text: string; author: string } | undefined;
    if (!a || !a.text.includes(b.text))
      problems.push(`${d.cell} lost the user's note ${JSON.stringify(b.text)}: now ${JSON.stringify(a?.text)}`);
    else if (a.author !== b.author)
      problems.push(`${d.cell}'s note changed author ${JSON.stringify(b.author)} → ${JSON.stringify(a.author)}`);
  }
  if (problems.length > 0) throw new Error(`the plan cells are not as the plan says:\n  ${problems.join("\n  ")}`);
  return diffs;
}

/** (d): LibreOffice opened the output and still shows what it showed of the input. */
export function expectLibreOfficeKeeps(before: LoView, after: LoView): void {
  expect({
    sheets: after.sheets,
    charts: after.charts,
    images: after.images,
    shapes: after.shapes,
    validations: after.validations,
  }).toEqual({
    sheets: before.sheets,
    charts: before.charts,
    images: before.images,
    shapes: before.shapes,
    validations: before.validations,
  });
  for (const note of before.noteTexts) {
    if (!after.noteTexts.some((n) => n.includes(note)))
      throw new Error(`LibreOffice no longer shows the note ${JSON.stringify(note)} (notes: ${JSON.stringify(after.noteTexts)})`);
  }
  expect(after.notes).toBeGreaterThanOrEqual(before.notes);
  expect(after.noteTexts.filter((n) => n.includes(NOTE_MARK)).length).toBeGreaterThan(0);
  expect(after.text).toContain("合计得分");
}
