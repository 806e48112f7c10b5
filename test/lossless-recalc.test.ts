/**
 * `kjscore recalc` (plain, --portable, --portable --convert-values) over every workbook of the
 * corpus (test/fixtures/corpus: written by xlsxwriter, openpyxl and LibreOffice, with charts,
 * images, text boxes, extLst conditional formats, notes, threaded comments, VBA …) loses
 * nothing (issue 8): the package part by part, the bound sheet's XML, every cell through
 * openpyxl, and LibreOffice's view. Needs python3-openpyxl and libreoffice-calc-nogui; outside
 * CI it skips with a message naming them, with CI=true it fails instead.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCli, inParallel, type Cli } from "./helpers/cli-build";
import { libreOfficeAvailable } from "./helpers/libreoffice";
import { viewWithLibreOffice, type LoView } from "./helpers/lo-inspect";
import { CORPUS, corpusPackages, expectLibreOfficeKeeps, expectLosslessPackage, expectOnlyPlanCellsChanged, MANIFEST, MODES, PLAN, type Mode } from "./helpers/lossless";
import { dumpWithOpenpyxl, openpyxlAvailable, type BookDump } from "./helpers/openpyxl";

const ready = openpyxlAvailable() && libreOfficeAvailable();
const FILES = corpusPackages();

interface Run {
  file: string;
  mode: Mode;
  out: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

let cli: Cli;
let dir: string;
const runs = new Map<string, Run>();
let dumps: Record<string, BookDump> = {};
const lo = new Map<string, LoView | Error>();
const key = (file: string, mode: Mode) => `${mode}|${file}`;

(ready ? describe : describe.skip)("kjscore recalc keeps every part of the corpus workbooks (apt: python3-openpyxl, libreoffice-calc-nogui)", () => {
  beforeAll(async () => {
    cli = buildCli("lossless");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-lossless-"));
    const jobs = FILES.flatMap((file) =>
      MODES.map(({ mode, args }) => async () => {
        const out = path.join(dir, `${mode}-${file}`);
        const r = await cli.run(["recalc", path.join(CORPUS, file), "-o", out, ...args], dir);
        runs.set(key(file, mode), { file, mode, out, code: r.code, stdout: r.out, stderr: r.err });
      }),
    );
    await inParallel(jobs, 2);
    const written = [...runs.values()].filter((r) => fs.existsSync(r.out)).map((r) => r.out);
    dumps = dumpWithOpenpyxl([...FILES.map((f) => path.join(CORPUS, f)), ...written]);
    // LibreOffice over the inputs and the plain and --convert-values outputs, in one soffice call
    const forLo = [
      ...FILES.map((f) => ({ id: `input|${f}`, file: path.join(CORPUS, f) })),
      ...[...runs.values()].filter((r) => r.mode !== "portable" && fs.existsSync(r.out)).map((r) => ({ id: key(r.file, r.mode), file: r.out })),
    ];
    try {
      const views = await viewWithLibreOffice(forLo.map((x) => ({ name: path.basename(x.file), bytes: fs.readFileSync(x.file) })));
      forLo.forEach((x, i) => lo.set(x.id, views[i]));
    } catch (e) {
      for (const x of forLo) lo.set(x.id, e as Error);
    }
  }, 600_000);

  afterAll(() => {
    cli?.remove();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the corpus holds the sample at the addresses the plan names", () => {
    expect(Object.fromEntries(PLAN.writes.map((w) => [w.cell, w.after]))).toEqual(MANIFEST.plan.writes);
    expect(PLAN.totals.map((t) => t.computed)).toEqual(MANIFEST.plan.totals);
    expect(FILES.length).toBeGreaterThanOrEqual(20);
  });

  const written = (file: string, mode: Mode): Run => {
    const r = runs.get(key(file, mode))!;
    if (r.code !== 0 || !fs.existsSync(r.out)) throw new Error(`kjscore ${mode} ${file} exited ${r.code}: ${r.stderr.trim()}`);
    return r;
  };

  describe.each(MODES.map((m) => [m.label, m.mode] as const))("%s", (_label, mode) => {
    test.each(FILES)("%s: exits 0 and reports the four changed scores", (file) => {
      const r = runs.get(key(file, mode))!;
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
      for (const cell of Object.keys(MANIFEST.plan.writes)) expect(r.stdout).toContain(`${cell}：`);
    });

    test.each(FILES)("%s: every zip entry but the plan's parts is byte-identical, and the sheet XML differs only in the plan cells", (file) => {
      const r = written(file, mode);
      expectLosslessPackage(fs.readFileSync(path.join(CORPUS, file)), fs.readFileSync(r.out), mode);
    });

    test.each(FILES)("%s: openpyxl sees only the plan cells changed, as the plan says", (file) => {
      const r = written(file, mode);
      expectOnlyPlanCellsChanged(dumps[path.join(CORPUS, file)], dumps[r.out], mode);
    });

    if (mode !== "portable") {
      test.each(FILES)("%s: LibreOffice opens the copy and still shows its charts, images, shapes, notes and validations", (file) => {
        written(file, mode);
        const before = lo.get(`input|${file}`);
        const after = lo.get(key(file, mode));
        if (before instanceof Error) throw before;
        if (after instanceof Error || !after) throw after ?? new Error("LibreOffice did not open the copy");
        expectLibreOfficeKeeps(before!, after);
        if (mode === "recalc") expect(after.text).toContain("73.97");
      });
    }
  });
});
