/**
 * LibreOffice headless as an independent spreadsheet: converts .xlsx files through
 * `soffice --convert-to xlsx` with a throw-away profile that forces a full recalculation on
 * load, so every formula result in the output is LibreOffice's own, never the cached one we wrote.
 *
 * The profile's registrymodifications.xcu sets
 *   /org.openoffice.Office.Calc/Formula/Load  OOXMLRecalcMode = 0  (0 always, 1 never — the default —, 2 ask)
 * and the same for ODF files.
 *
 * soffice is slow to start (2–5 s): convert many files in one call.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const LIBREOFFICE_APT_PACKAGE = "libreoffice-calc-nogui";

/** The soffice binary, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    try {
      const p = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (p) return p;
    } catch {
      // not on PATH
    }
  }
  return null;
}

/**
 * For test files: true when LibreOffice can be used. Without it, outside CI the suite is skipped
 * with a message naming the apt package; with CI=true a missing LibreOffice is a failure.
 */
export function libreOfficeAvailable(): boolean {
  if (findSoffice()) return true;
  const msg = `LibreOffice (soffice) is not installed: install the apt package ${LIBREOFFICE_APT_PACKAGE} to run the LibreOffice recalculation tests`;
  if (process.env.CI === "true") throw new Error(msg);
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${msg}`);
  return false;
}

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice user profile that always recalculates on load; returns its directory. */
export function makeRecalcProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-lo-profile-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), XCU);
  return dir;
}

export interface RecalcOptions {
  /** output format for --convert-to (default "xlsx"); "csv" gives the displayed text of the first sheet */
  to?: string;
  timeoutMs?: number;
}

/**
 * Opens each file in LibreOffice (recalculating everything), saves it again as `to`, and returns
 * the bytes of each output, in the order given. One soffice process for all files.
 */
export async function recalcWithLibreOffice(
  files: { name: string; bytes: Uint8Array }[],
  options: RecalcOptions = {},
): Promise<Uint8Array[]> {
  const soffice = findSoffice();
  if (!soffice) throw new Error(`soffice not found (apt package ${LIBREOFFICE_APT_PACKAGE})`);
  const to = options.to ?? "xlsx";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-lo-"));
  const inDir = path.join(work, "in");
  const outDir = path.join(work, "out");
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);
  const profile = makeRecalcProfile();
  try {
    const names = files.map((f, i) => {
      const base = `${String(i).padStart(3, "0")}-${f.name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
      fs.writeFileSync(path.join(inDir, `${base}.xlsx`), f.bytes);
      return base;
    });
    const ext = to.split(":")[0];
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          "--headless",
          "--norestore",
          "--nologo",
          "--nodefault",
          "--nolockcheck",
          `-env:UserInstallation=file://${profile}`,
          "--convert-to",
          to,
          "--outdir",
          outDir,
          ...names.map((n) => path.join(inDir, `${n}.xlsx`)),
        ],
        { timeout: options.timeoutMs ?? 120_000, env: { ...process.env, HOME: profile } },
        (err, stdout, stderr) => {
          if (err) reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`));
          else resolve();
        },
      );
    });
    return names.map((n) => {
      const out = path.join(outDir, `${n}.${ext}`);
      if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${n}.${ext} (files: ${fs.readdirSync(outDir).join(", ")})`);
      return new Uint8Array(fs.readFileSync(out));
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks (the rule texts do). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
