/**
 * ODF cell-style properties (OpenDocument v1.3 part 3 §17: style:table-cell-properties,
 * style:paragraph-properties, style:text-properties; XSL-FO values) → CellLook for the .xlsx copy.
 */
import type { CellLook, LookBorder } from "./look";

/** Adds what one properties element says to `look`. */
export function addProperties(look: CellLook, element: string, a: Record<string, string>): void {
  if (element === "style:table-cell-properties") {
    const bg = color(a["fo:background-color"]);
    if (bg) look.fill = { pattern: "solid", fg: { rgb: bg } };
    const all = border(a["fo:border"]);
    const sides = {
      left: border(a["fo:border-left"]) ?? all,
      right: border(a["fo:border-right"]) ?? all,
      top: border(a["fo:border-top"]) ?? all,
      bottom: border(a["fo:border-bottom"]) ?? all,
    };
    const set = Object.fromEntries(Object.entries(sides).filter(([, v]) => v)) as CellLook["border"];
    if (set && Object.keys(set).length) look.border = { ...look.border, ...set };
    const v = { top: "top", middle: "center", bottom: "bottom" }[a["style:vertical-align"] ?? ""];
    if (v) look.align = { ...look.align, vertical: v };
    if (a["fo:wrap-option"] === "wrap") look.align = { ...look.align, wrap: true };
  } else if (element === "style:paragraph-properties") {
    const h = { start: "left", left: "left", center: "center", end: "right", right: "right", justify: "justify" }[a["fo:text-align"] ?? ""];
    // text-align-source="value-type": aligned by the value's type, i.e. Excel's "general"
    if (h && a["style:text-align-source"] !== "value-type") look.align = { ...look.align, horizontal: h };
  } else if (element === "style:text-properties") {
    const f: NonNullable<CellLook["font"]> = { ...look.font };
    const weight = a["fo:font-weight"] ?? a["style:font-weight-asian"];
    if (weight) f.bold = weight === "bold" || Number(weight) >= 700;
    const style = a["fo:font-style"] ?? a["style:font-style-asian"];
    if (style) f.italic = style === "italic" || style === "oblique";
    const size = /^([0-9.]+)pt$/.exec(a["fo:font-size"] ?? a["style:font-size-asian"] ?? "");
    if (size) f.size = Number(size[1]);
    const name = a["style:font-name-asian"] ?? a["style:font-name"];
    if (name) f.name = name;
    const c = color(a["fo:color"]);
    if (c) f.color = { rgb: c };
    const u = a["style:text-underline-style"];
    if (u) f.underline = u === "none" ? undefined : a["style:text-underline-type"] === "double" ? "double" : "single";
    const lt = a["style:text-line-through-style"];
    if (lt) f.strike = lt !== "none";
    look.font = f;
  }
}

/** "#f2f2f2" → "FFF2F2F2"; transparent or anything else → undefined */
function color(v: string | undefined): string | undefined {
  const m = v ? /^#([0-9a-fA-F]{6})$/.exec(v.trim()) : null;
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

/** "0.06pt solid #000000" → a border side; "none" → undefined */
function border(v: string | undefined): LookBorder | undefined {
  if (!v || v === "none") return undefined;
  const parts = v.trim().split(/\s+/);
  const kind = parts.find((p) => /^(solid|double|dashed|dotted|none|hidden|groove|ridge|inset|outset)$/.test(p));
  if (!kind || kind === "none" || kind === "hidden") return undefined;
  const width = parts.map((p) => /^([0-9.]+)(pt|cm|mm|in|px)$/.exec(p)).find(Boolean);
  const perPt: Record<string, number> = { pt: 1, cm: 72 / 2.54, mm: 72 / 25.4, in: 72, px: 0.75 };
  const pt = width ? Number(width[1]) * perPt[width[2]] : 0.75;
  const style =
    kind === "double"
      ? "double"
      : kind === "dashed"
        ? "dashed"
        : kind === "dotted"
          ? "dotted"
          : pt <= 1.1
            ? "thin"
            : pt <= 2.3
              ? "medium"
              : "thick";
  const c = color(parts.find((p) => p.startsWith("#")));
  return { style, ...(c ? { color: { rgb: c } } : {}) };
}

/** A look with empty parts and the copy's default font removed; null when nothing is left. */
export function tidy(look: CellLook, base: { name: string; size: number }): CellLook | null {
  const out: CellLook = {};
  if (look.font) {
    const f = { ...look.font };
    if (f.name === base.name) delete f.name;
    if (f.size === base.size) delete f.size;
    for (const k of Object.keys(f) as (keyof typeof f)[]) if (f[k] === undefined || f[k] === false) delete f[k];
    if (Object.keys(f).length) out.font = f;
  }
  if (look.fill) out.fill = look.fill;
  if (look.border && Object.keys(look.border).length) out.border = look.border;
  if (look.align && Object.keys(look.align).length) out.align = look.align;
  return Object.keys(out).length ? out : null;
}
