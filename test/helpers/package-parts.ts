/**
 * Part-by-part comparison of two .xlsx packages (OPC zip files), for the lossless-write tests:
 * every entry of the input must come out byte-identical (uncompressed content) unless the
 * caller allows it to change; what changed, appeared or went missing is listed readably.
 * Uses fflate only to inflate; nothing of the writer under test.
 */
import { spawnSync } from "child_process";
import { strFromU8, unzipSync } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export type Parts = Map<string, Uint8Array>;

export function readParts(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith("/")));
}

export function partText(parts: Parts, name: string): string {
  const p = parts.get(name);
  if (!p) throw new Error(`the package has no part ${name} (parts: ${[...parts.keys()].join(", ")})`);
  return strFromU8(p);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface PartsDiff {
  /** in the input, not in the output */
  missing: string[];
  /** in the output only */
  added: string[];
  /** in both, with different content */
  changed: string[];
}

export function diffParts(input: Parts, output: Parts): PartsDiff {
  const missing: string[] = [];
  const changed: string[] = [];
  for (const [name, bytes] of input) {
    const out = output.get(name);
    if (!out) missing.push(name);
    else if (!sameBytes(bytes, out)) changed.push(name);
  }
  const added = [...output.keys()].filter((n) => !input.has(n));
  return { missing: missing.sort(), added: added.sort(), changed: changed.sort() };
}

// ------------------------------------------------------------------ package structure

const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** the target resolved against the source part, without a leading "/" */
  part: string;
  external: boolean;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[2] ?? m[3]) : null;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e]!);
}

/** A <sheet>'s relationship id: r:id in either quote (the r prefix is bound to the Transitional or the Strict namespace). */
function relId(tag: string): string | undefined {
  const m = /\s(?:\w+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag.replace(/\ssheetId\s*=\s*("[^"]*"|'[^']*')/, ""));
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Relationship types end the same in ECMA-376 Transitional and ISO/IEC 29500 Strict (purl.oclc.org/ooxml/officeDocument/relationships/…). */
function isRel(r: Relationship, transitional: string): boolean {
  return r.type === transitional || r.type.endsWith(transitional.slice(transitional.lastIndexOf("/")));
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels (OPC §9.3). */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function resolve(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart.includes("/") ? fromPart.slice(0, fromPart.lastIndexOf("/")).split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** The relationships of `part` ("" for the package's own _rels/.rels). */
export function relationships(parts: Parts, part: string): Relationship[] {
  const relsName = part === "" ? "_rels/.rels" : relsPartOf(part);
  const bytes = parts.get(relsName);
  if (!bytes) return [];
  const xml = strFromU8(bytes);
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const tag = m[0];
    const target = attr(tag, "Target") ?? "";
    const external = attr(tag, "TargetMode") === "External";
    return { id: attr(tag, "Id") ?? "", type: attr(tag, "Type") ?? "", target, external, part: external ? target : resolve(part, target) };
  });
}

export function workbookPart(parts: Parts): string {
  const r = relationships(parts, "").find((x) => isRel(x, REL.officeDocument));
  if (!r) throw new Error("the package has no officeDocument relationship");
  return r.part;
}

/** The worksheet part holding the sheet named `sheetName` (workbook.xml <sheet name r:id> → rels). */
export function sheetPart(parts: Parts, sheetName: string): string {
  const wb = workbookPart(parts);
  const xml = partText(parts, wb);
  const rels = relationships(parts, wb);
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    if (attr(m[0], "name") !== sheetName) continue;
    const id = relId(m[0]);
    const r = rels.find((x) => x.id === id);
    if (r) return r.part;
  }
  throw new Error(`the workbook has no sheet named ${sheetName}`);
}

/** Every sheet name with its part, in workbook order. */
export function sheetParts(parts: Parts): { name: string; part: string }[] {
  const wb = workbookPart(parts);
  const xml = partText(parts, wb);
  const rels = relationships(parts, wb);
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const id = relId(m[0]);
    return { name: attr(m[0], "name") ?? "", part: rels.find((x) => x.id === id)?.part ?? "" };
  });
}

// ------------------------------------------------------------------ what a plan may change

export interface AllowedChanges {
  /** parts that may differ (or be created) */
  mayChange: Set<string>;
  /** parts that may go away (a calcChain made stale by new formulas) */
  mayGo: Set<string>;
  /** may this new part be added (judged by its content type in the output package) */
  mayAdd: (name: string, output: Parts) => boolean;
}

export interface AllowOptions {
  /** sheets whose XML carries the plan (the bound sheet; for the 分享版 also sheets with converted KJSCORE cells) */
  sheets: string[];
  /** formulas are written (分享版): calcChain and workbook.xml may change, calcChain may go */
  formulas: boolean;
}

/**
 * Exactly what issue 8 item 1 lets a plan change: the plan's sheet XML (+ its rels, for a note
 * part), styles, shared strings, the comments and VML parts of those sheets (created or
 * extended), [Content_Types].xml and the workbook rels only when parts are created, and
 * calcChain / workbook.xml only when formulas are written.
 */
export function allowedChanges(input: Parts, options: AllowOptions): AllowedChanges {
  const wb = workbookPart(input);
  const mayChange = new Set<string>();
  const mayGo = new Set<string>();
  for (const s of options.sheets) {
    const part = sheetPart(input, s);
    mayChange.add(part);
    mayChange.add(relsPartOf(part));
    for (const r of relationships(input, part)) if (isRel(r, REL.comments) || isRel(r, REL.vmlDrawing)) mayChange.add(r.part);
  }
  for (const r of relationships(input, wb)) {
    if (isRel(r, REL.styles) || isRel(r, REL.sharedStrings)) mayChange.add(r.part);
    if (options.formulas && isRel(r, REL.calcChain)) {
      mayChange.add(r.part);
      mayGo.add(r.part);
    }
  }
  if (options.formulas) mayChange.add(wb);
  const sheetRels = new Set(options.sheets.map((s) => relsPartOf(sheetPart(input, s))));
  // new parts: a notes part and its VML drawing, the rels of a plan sheet that had none, and a
  // shared-strings or styles part for a package that had none
  const mayAdd = (name: string, output: Parts) => sheetRels.has(name) || ADDABLE.has(contentType(output, name) ?? "");
  return { mayChange, mayGo, mayAdd };
}

const ADDABLE = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  "application/vnd.openxmlformats-officedocument.vmlDrawing",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
]);

/** A part's content type: its Override, else the Default for its extension (OPC §10.1.2.2). */
export function contentType(parts: Parts, name: string): string | null {
  const types = parts.get("[Content_Types].xml");
  if (!types) return null;
  const xml = strFromU8(types);
  for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    if ((attr(m[0], "PartName") ?? "").replace(/^\//, "").toLowerCase() === name.toLowerCase()) return attr(m[0], "ContentType");
  }
  const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  for (const m of xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
    if ((attr(m[0], "Extension") ?? "").toLowerCase() === ext) return attr(m[0], "ContentType");
  }
  return null;
}

/**
 * Throws with a readable list unless every input part is byte-identical in the output, apart
 * from what `allowed` lets change. [Content_Types].xml and the workbook's rels may change only
 * when parts were added, and then only by adding entries (each old line still there).
 */
export function expectOnlyAllowedParts(input: Parts, output: Parts, allowed: AllowedChanges): PartsDiff {
  const d = diffParts(input, output);
  const problems: string[] = [];
  for (const name of d.missing) if (!allowed.mayGo.has(name)) problems.push(`missing from the output: ${name}`);
  for (const name of d.added) if (!allowed.mayAdd(name, output)) problems.push(`added to the output: ${name}`);
  const wbRels = relsPartOf(workbookPart(input));
  for (const name of d.changed) {
    if (allowed.mayChange.has(name)) continue;
    if ((name === "[Content_Types].xml" || name === wbRels) && d.added.length > 0) {
      const lost = lostEntries(strFromU8(input.get(name)!), strFromU8(output.get(name)!));
      if (lost.length === 0) continue;
      problems.push(`${name} lost entries: ${lost.join(" ")}`);
      continue;
    }
    problems.push(`changed: ${name}\n${firstDifference(strFromU8(input.get(name)!), strFromU8(output.get(name)!))}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `the written package is not the input plus the plan:\n  ${problems.join("\n  ")}\n(allowed to change: ${[...allowed.mayChange].sort().join(", ")})`,
    );
  }
  return d;
}

/** Elements (<Override …/>, <Default …/>, <Relationship …/>) of `before` that `after` does not have. */
function lostEntries(before: string, after: string): string[] {
  const entries = (xml: string) =>
    new Set([...xml.matchAll(/<(?:\w+:)?(Override|Default|Relationship)\b[^>]*>/g)].map((m) => normaliseTag(m[0])));
  const a = entries(after);
  return [...entries(before)].filter((e) => !a.has(e));
}

function normaliseTag(tag: string): string {
  const name = /^<([\w:]+)/.exec(tag)![1];
  const attrs = [...tag.matchAll(/\s([\w:]+)\s*=\s*("[^"]*"|'[^']*')/g)].map((m) => `${m[1]}=${m[2].slice(1, -1)}`).sort();
  return `<${name} ${attrs.join(" ")}>`;
}

/** The first place two texts differ, with some context on both sides. */
export function firstDifference(a: string, b: string, context = 120): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return "  (identical)";
  const from = Math.max(0, i - context);
  return `  at character ${i}:\n    before: …${a.slice(from, i + context)}…\n    after:  …${b.slice(from, i + context)}…`;
}

// ------------------------------------------------------------------ well-formed XML

export const XMLLINT_APT_PACKAGE = "libxml2-utils";
let xmllintWarned = false;

/** xmllint is there; outside CI a missing one skips the check (once, with a warning), with CI=true it fails. */
function xmllintAvailable(): boolean {
  if (!spawnSync("xmllint", ["--version"]).error) return true;
  const msg = `xmllint is not installed: install the apt package ${XMLLINT_APT_PACKAGE} to check that written XML parts are well-formed`;
  if (process.env.CI === "true") throw new Error(msg);
  if (!xmllintWarned) console.warn(`SKIPPED: ${msg}`); // eslint-disable-line no-console
  xmllintWarned = true;
  return false;
}

/** The names among `names` whose XML does not parse (xmllint --noout, one call for all). */
export function malformedParts(parts: Parts, names: string[]): string[] {
  const xml = names.filter((n) => /\.(xml|rels|vml)$/i.test(n) && parts.has(n));
  if (xml.length === 0 || !xmllintAvailable()) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-xml-"));
  try {
    const files = xml.map((n, i) => {
      const f = path.join(dir, `${i}.xml`);
      fs.writeFileSync(f, parts.get(n)!);
      return f;
    });
    const r = spawnSync("xmllint", ["--noout", "--nonet", ...files], { encoding: "utf8" });
    if (r.status === 0) return [];
    return xml.filter((_n, i) => r.stderr.includes(`${files[i]}:`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every part the writer changed or added parses as XML, unless the input's own part did not. */
export function expectWellFormed(input: Parts, output: Parts, diff: PartsDiff): void {
  const written = [...diff.changed, ...diff.added];
  const bad = malformedParts(output, written);
  const badBefore = new Set(malformedParts(input, bad));
  const broken = bad.filter((n) => !badBefore.has(n));
  if (broken.length > 0) throw new Error(`the written package has XML that does not parse: ${broken.join(", ")}`);
}
