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
import {
  CORPUS,
  corpusPackages,
  customFunctionCells,
  expectLibreOfficeKeeps,
  expectLosslessPackage,
  expectOnlyPlanCellsChanged,
  MANIFEST,
  MODES,
  PLAN,
  type Mode,
} from "./helpers/lossless";
import { dumpWithOpenpyxl, openpyxlAvailable, type BookDump } from "./helpers/openpyxl";
import { partText, readParts, relationships, sheetPart } from "./helpers/package-parts";

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

/** The run's output, or a failure saying why there is none. */
function written(file: string, mode: Mode): Run {
  const r = runs.get(key(file, mode))!;
  if (r.code !== 0 || !fs.existsSync(r.out)) throw new Error(`kjscore ${mode} ${file} exited ${r.code}: ${r.stderr.trim()}`);
  return r;
}

(ready ? describe : describe.skip)(
  "kjscore recalc keeps every part of the corpus workbooks (apt: python3-openpyxl, libreoffice-calc-nogui)",
  () => {
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
      const outputs = [...runs.values()].filter((r) => fs.existsSync(r.out)).map((r) => r.out);
      dumps = dumpWithOpenpyxl([...FILES.map((f) => path.join(CORPUS, f)), ...outputs]);
      // LibreOffice over the inputs and the plain and --convert-values outputs, in one soffice call
      const forLo = [
        ...FILES.map((f) => ({ id: `input|${f}`, file: path.join(CORPUS, f) })),
        ...[...runs.values()]
          .filter((r) => r.mode !== "portable" && fs.existsSync(r.out))
          .map((r) => ({ id: key(r.file, r.mode), file: r.out })),
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

    describe.each(MODES.map((m) => [m.label, m.mode] as const))("%s", (_label, mode) => {
      test.each(FILES)("%s: exits 0 and reports the changed scores", (file) => {
        const r = runs.get(key(file, mode))!;
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
        // a KJSCORE cell computes itself: the plan leaves it (xw-kjscore.xlsx)
        const custom = customFunctionCells(readParts(fs.readFileSync(path.join(CORPUS, file)))).get("分工表") ?? new Set();
        for (const cell of Object.keys(MANIFEST.plan.writes)) if (!custom.has(cell)) expect(r.stdout).toContain(`${cell}：`);
      });

      test.each(FILES)(
        "%s: every zip entry but the plan's parts is byte-identical, and the sheet XML differs only in the plan cells",
        (file) => {
          const r = written(file, mode);
          expectLosslessPackage(fs.readFileSync(path.join(CORPUS, file)), fs.readFileSync(r.out), mode);
        },
      );

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

    describe("the user's notes and threaded comments survive recalc", () => {
      const cellsOf = (file: string, which: "input" | "output") => {
        const r = runs.get(key(file, "recalc"))!;
        const dump = dumps[which === "input" ? path.join(CORPUS, file) : r.out];
        if (!dump || dump.error) throw new Error(`kjscore recalc ${file} wrote nothing openpyxl reads: ${r.stderr.trim() || dump?.error}`);
        return dump.sheets.find((s) => s.name === "分工表")!.cells!;
      };
      const N = MANIFEST.notes;

      test.each(["xw-notes.xlsx", "xw-all.xlsx", "xw-vba.xlsm"])(
        "%s: notes on an empty cell, on a text cell and on a written total are exactly as they were",
        (file) => {
          const before = cellsOf(file, "input");
          const after = cellsOf(file, "output");
          for (const cell of [N.onEmpty, N.onText, N.onWrite]) {
            expect([cell, after[cell]?.note]).toEqual([cell, before[cell].note]);
          }
          expect(after[N.onWrite].v).toBe(MANIFEST.plan.writes[N.onWrite]);
        },
      );

      test.each(["xw-notes.xlsx", "xw-all.xlsx"])(
        "%s: a highlighted cell with the user's note keeps it and gets the 【科创评分】 line added",
        (file) => {
          const before = cellsOf(file, "input");
          const after = cellsOf(file, "output");
          for (const cell of [N.onHighlight, N.onWriteAndHighlight]) {
            const own = before[cell].note!;
            const now = after[cell].note!;
            expect(now.author).toBe(own.author);
            expect(now.text.startsWith(own.text)).toBe(true);
            const added = now.text.slice(own.text.length).trim();
            expect(added.startsWith("【科创评分】")).toBe(true);
            expect(added).toContain(cell);
          }
        },
      );

      test.each(["xw-threaded.xlsx", "xw-all.xlsx"])(
        "%s: the threaded comment, its reply, its authors and its legacy note come out unchanged",
        (file) => {
          const r = written(file, "recalc");
          const input = readParts(fs.readFileSync(path.join(CORPUS, file)));
          const output = readParts(fs.readFileSync(r.out));
          for (const part of ["xl/threadedComments/threadedComment1.xml", "xl/persons/person.xml"]) {
            expect(Buffer.from(output.get(part) ?? []).equals(Buffer.from(input.get(part)!))).toBe(true);
          }
          const threadRel = (parts: typeof input) =>
            relationships(parts, sheetPart(parts, "分工表"))
              .filter((x) => x.type.endsWith("/threadedComment"))
              .map((x) => x.part);
          expect(threadRel(output)).toEqual(["xl/threadedComments/threadedComment1.xml"]);
          expect(
            relationships(output, "xl/workbook.xml")
              .filter((x) => x.type.endsWith("/person"))
              .map((x) => x.part),
          ).toEqual(["xl/persons/person.xml"]);
          const types = partText(output, "[Content_Types].xml");
          expect(types).toContain(
            'PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"',
          );
          expect(types).toContain('PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"');
          expect(cellsOf(file, "output")[N.threaded].note).toEqual(cellsOf(file, "input")[N.threaded].note);
        },
      );

      test("xw-vba.xlsm: the VBA project comes out byte-identical, with the macro-enabled content type", () => {
        const r = written("xw-vba.xlsm", "recalc");
        const input = readParts(fs.readFileSync(path.join(CORPUS, "xw-vba.xlsm")));
        const output = readParts(fs.readFileSync(r.out));
        expect(Buffer.from(output.get("xl/vbaProject.bin") ?? []).equals(Buffer.from(input.get("xl/vbaProject.bin")!))).toBe(true);
        expect(partText(output, "[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
        expect(partText(output, "[Content_Types].xml")).toContain("application/vnd.ms-office.vbaProject");
      });
    });
  },
);
