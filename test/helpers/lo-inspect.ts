/**
 * What LibreOffice still shows in a workbook: each file is opened and saved as .ods by one
 * soffice call (test/helpers/libreoffice.ts, its throw-away profile), then content.xml is
 * counted — charts (draw:object), images (draw:image), text boxes and shapes, notes
 * (office:annotation), validations (table:content-validation) — per ODF 1.2 Part 1
 * (§10.4.6 draw:object, §10.4.4 draw:image, §14.1 office:annotation, §9.4.5 table:content-validation).
 * A file LibreOffice could not open gives no .ods, and recalcWithLibreOffice throws naming it.
 */
import { strFromU8, unzipSync } from "fflate";
import { recalcWithLibreOffice } from "./libreoffice";

export interface LoView {
  charts: number;
  images: number;
  shapes: number;
  notes: number;
  validations: number;
  /** the visible text of every note */
  noteTexts: string[];
  /** the text of every cell, for spot checks ("合计得分", a written score) */
  text: string;
  sheets: string[];
}

function count(xml: string, re: RegExp): number {
  return [...xml.matchAll(re)].length;
}

function textOf(fragment: string): string {
  return fragment
    .replace(/<text:line-break\/>/g, "\n")
    .replace(/<\/text:p>\s*<text:p[^>]*>/g, "\n")
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n) => " ".repeat(Number(n ?? 1)))
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function viewOds(ods: Uint8Array): LoView {
  const xml = strFromU8(unzipSync(ods, { filter: (f) => f.name === "content.xml" })["content.xml"]);
  const notes = [...xml.matchAll(/<office:annotation\b[^>]*>([\s\S]*?)<\/office:annotation>/g)].map((m) =>
    textOf(m[1].replace(/<dc:(creator|date)>[\s\S]*?<\/dc:\1>/g, "")).trim(),
  );
  return {
    charts: count(xml, /<draw:object\b/g),
    images: count(xml, /<draw:image\b/g),
    shapes: count(xml, /<draw:(custom-shape|rect|text-box)\b/g),
    notes: notes.length,
    validations: count(xml, /<table:content-validation\b/g),
    noteTexts: notes,
    text: textOf(xml.replace(/<office:annotation\b[\s\S]*?<\/office:annotation>/g, "")),
    sheets: [...xml.matchAll(/<table:table\b[^>]*table:name="([^"]*)"/g)].map((m) => m[1]),
  };
}

/** Opens every file in LibreOffice (one soffice call) and returns what it shows of each. */
export async function viewWithLibreOffice(files: { name: string; bytes: Uint8Array }[]): Promise<LoView[]> {
  const out = await recalcWithLibreOffice(files, { to: "ods", timeoutMs: 300_000 });
  return out.map(viewOds);
}
