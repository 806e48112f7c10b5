/**
 * A cell's look as the add-in may change it — fill and note — captured before the first change and
 * put back exactly: "no fill" stays no fill (ColorIndex xlNone, not white), white stays white, a
 * pattern keeps its colours, and a gradient is never painted over (the host leaves the cell's fill
 * as it is and relies on the note and the pane).
 */
import { HIGHLIGHT_FILL, NOTE_PREFIX } from "../model/highlight-style";
import type { HighlightSeverity } from "../model/types";
import { XL_NONE, XL_PATTERN_GRADIENTS, XL_PATTERN_SOLID, type EtRange } from "./et";

export type FillSnapshot =
  { kind: "none" } | { kind: "gradient" } | { kind: "color"; color: number; pattern: number; patternColor: number; tintAndShade: number };

export interface NoteSnapshot {
  /** the note's text, or null when the cell had none */
  text: string | null;
}

/** "#F8B4B4" → the BGR long ET's Interior.Color takes. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return r + g * 256 + b * 65536;
}

const OUR_COLORS = new Set(Object.values(HIGHLIGHT_FILL).map(bgr));

export function fillOf(cell: EtRange): FillSnapshot {
  const i = cell.Interior;
  if (i.ColorIndex === XL_NONE || i.Pattern === XL_NONE) return { kind: "none" };
  if (XL_PATTERN_GRADIENTS.includes(i.Pattern)) return { kind: "gradient" };
  return { kind: "color", color: i.Color, pattern: i.Pattern, patternColor: i.PatternColor, tintAndShade: i.TintAndShade ?? 0 };
}

/** Whether the cell shows one of the add-in's highlight colours (a plain fill). */
export function hasOurFill(cell: EtRange): boolean {
  const f = fillOf(cell);
  return f.kind === "color" && f.tintAndShade === 0 && OUR_COLORS.has(f.color);
}

/** A plain solid fill of the severity's colour (no tint, no pattern), so hasOurFill() knows it again. */
export function paint(cell: EtRange, severity: HighlightSeverity): void {
  const i = cell.Interior;
  i.Pattern = XL_PATTERN_SOLID;
  i.Color = bgr(HIGHLIGHT_FILL[severity]);
  i.TintAndShade = 0;
}

export function restoreFill(cell: EtRange, f: FillSnapshot): void {
  if (f.kind === "gradient") return;
  const i = cell.Interior;
  if (f.kind === "none") {
    i.ColorIndex = XL_NONE;
    return;
  }
  // Color first: setting it may make the fill solid, so the pattern and its colour come after
  i.Color = f.color;
  i.Pattern = f.pattern;
  i.PatternColor = f.patternColor;
  i.TintAndShade = f.tintAndShade;
}

export function noteOf(cell: EtRange): NoteSnapshot {
  const c = cell.Comment;
  return { text: c ? c.Text() : null };
}

export function isOurNote(n: NoteSnapshot): boolean {
  return n.text !== null && n.text.startsWith(NOTE_PREFIX);
}

/** Write `text` as the cell's note (replacing the add-in's own note, or adding one). */
export function setNote(cell: EtRange, text: string): void {
  const c = cell.Comment;
  if (c) c.Text(text);
  else cell.AddComment(text);
}

export function restoreNote(cell: EtRange, n: NoteSnapshot): void {
  const c = cell.Comment;
  if (n.text === null) {
    c?.Delete();
    return;
  }
  if (c) c.Text(n.text);
  else cell.AddComment(n.text);
}
