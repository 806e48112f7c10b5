/**
 * openpyxl as the independent reader of the lossless-write tests: openpyxl-dump.py turns each
 * workbook into JSON (values, formulas, number formats, fonts, fills, notes, merges,
 * validations, conditional formats, images, charts, defined names, hidden state, protection …)
 * and `diffDumps` lists every difference between an input and an output, cell by cell.
 * Needs Debian's python3-openpyxl; outside CI the tests skip with a message naming it.
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";

export const OPENPYXL_APT_PACKAGE = "python3-openpyxl";

/** Debian's python first: the apt package installs into it, not into a pyenv or venv python. */
function findPython(): string | null {
  for (const p of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(p, ["-c", "import openpyxl"], { encoding: "utf8" });
    if (r.status === 0) return p;
  }
  return null;
}

let python: string | null | undefined;

export function openpyxlPython(): string | null {
  if (python === undefined) python = findPython();
  return python;
}

export const OPENPYXL_MISSING = `openpyxl is not installed: install the apt package ${OPENPYXL_APT_PACKAGE} to run the lossless-write tests`;

/** True when openpyxl can be used; outside CI a missing one skips (with a warning), with CI=true it fails. */
export function openpyxlAvailable(): boolean {
  if (openpyxlPython()) return true;
  if (process.env.CI === "true") throw new Error(OPENPYXL_MISSING);
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${OPENPYXL_MISSING}`);
  return false;
}

export interface CellDump {
  v?: unknown;
  f?: string;
  numFmt?: string;
  font?: Record<string, unknown>;
  fill?: { type: string; fg: string | null; bg: string | null };
  border?: Record<string, string>;
  alignment?: Record<string, unknown>;
  protection?: Record<string, unknown>;
  note?: { text: string; author: string };
  link?: { target: string | null; location: string | null };
}

export interface SheetDump {
  name: string;
  type: "worksheet" | "chartsheet";
  state: string;
  cells?: Record<string, CellDump>;
  [aspect: string]: unknown;
}

export interface BookDump {
  error?: string;
  sheets: SheetDump[];
  definedNames: Record<string, string>;
  properties: Record<string, unknown>;
}

/** Every file read by one python process; file path → dump (or {error}). */
export function dumpWithOpenpyxl(files: string[]): Record<string, BookDump> {
  const py = openpyxlPython();
  if (!py) throw new Error(OPENPYXL_MISSING);
  const out = execFileSync(py, [path.join(__dirname, "openpyxl-dump.py"), ...files], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}

export interface Difference {
  sheet: string;
  /** A1 address, or "(sheet)" / "(workbook)" */
  cell: string;
  aspect: string;
  before: unknown;
  after: unknown;
}

const stable = (v: unknown) => JSON.stringify(v ?? null);

/** Every difference between two dumps: workbook level, sheet level, then cell by cell. */
export function diffDumps(before: BookDump, after: BookDump): Difference[] {
  if (before.error) throw new Error(`openpyxl cannot read the input: ${before.error}`);
  if (after.error) return [{ sheet: "(file)", cell: "(workbook)", aspect: "opens in openpyxl", before: "yes", after: after.error }];
  const diffs: Difference[] = [];
  const wb = (aspect: string, b: unknown, a: unknown) => {
    if (stable(b) !== stable(a)) diffs.push({ sheet: "(workbook)", cell: "(workbook)", aspect, before: b, after: a });
  };
  wb(
    "sheets",
    before.sheets.map((s) => `${s.name}:${s.type}:${s.state}`),
    after.sheets.map((s) => `${s.name}:${s.type}:${s.state}`),
  );
  wb("definedNames", before.definedNames, after.definedNames);
  wb("properties", before.properties, after.properties);
  for (const bs of before.sheets) {
    const as = after.sheets.find((s) => s.name === bs.name);
    if (!as) continue;
    for (const key of new Set([...Object.keys(bs), ...Object.keys(as)])) {
      if (key === "cells" || key === "name") continue;
      if (stable(bs[key]) !== stable(as[key]))
        diffs.push({ sheet: bs.name, cell: "(sheet)", aspect: key, before: bs[key], after: as[key] });
    }
    const bc = bs.cells ?? {};
    const ac = as.cells ?? {};
    for (const ref of new Set([...Object.keys(bc), ...Object.keys(ac)])) {
      const b = (bc[ref] ?? {}) as Record<string, unknown>;
      const a = (ac[ref] ?? {}) as Record<string, unknown>;
      for (const aspect of new Set([...Object.keys(b), ...Object.keys(a)])) {
        if (stable(b[aspect]) !== stable(a[aspect])) diffs.push({ sheet: bs.name, cell: ref, aspect, before: b[aspect], after: a[aspect] });
      }
    }
  }
  return diffs;
}

export function describeDifferences(diffs: Difference[], max = 20): string {
  const lines = diffs
    .slice(0, max)
    .map((d) => `  ${d.sheet}!${d.cell} ${d.aspect}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`);
  if (diffs.length > max) lines.push(`  … and ${diffs.length - max} more`);
  return lines.join("\n");
}
