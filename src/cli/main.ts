/**
 * The `kjscore` command: template | check | recalc | report. bin/kjscore.js calls run().
 * Exit 0 when every workbook was analysed; 2 with one Chinese line on stderr (never a stack
 * trace) when one could not be, or when the command line is wrong.
 *
 * check and recalc read the package directly (src/ooxml): ExcelJS is loaded only by
 * `template` (and `check` without a file, which scores the built-in template), lazily.
 */
import * as fs from "fs";
import * as path from "path";
import { computePlan, reportStream, type ReportStream } from "../model";
import { NoTableError, TableChoiceError } from "../model/types";
import type { Plan } from "../model/types";
import { CHECK_PLAN } from "./check-plan";
import { readWorkbook, XlsxReadError } from "../xlsx/read";
import { applyPlan, PlanApplyError, writeWorkbook } from "../xlsx/write";
import { makePortable, type PortableReport } from "../portable";
import { writeFileSafely, WriteError } from "./write-file";
import { asXlsxInput, LegacyReadError } from "../legacy";
import { parseArgs, UsageError } from "./args";
import { score2, writePlan } from "./format";
import { tableChoiceOf } from "./table-choice";
import { writeJson } from "./json-out";
import { HELP, S } from "./strings";
import { useNodeZlib } from "../ooxml/zip-node";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export const EXIT_OK = 0;
export const EXIT_FAIL = 2;

/** A failure that is the user's to fix: printed as one line, no stack. */
class Failure extends Error {}

/** The template builder pulls in ExcelJS: loaded only when a template is asked for. */
async function buildTemplateBuffer(): Promise<Uint8Array> {
  const { buildTemplateBuffer: build } = await import("../xlsx/template");
  return build();
}

export async function run(argv: string[], io: Io = processIo): Promise<number> {
  useNodeZlib(); // native inflate and CRC-32 for every package read (the page and the add-in keep fflate)
  try {
    const { command, positionals, options } = parseArgs(argv);
    if (options.help) {
      io.out(HELP);
      return EXIT_OK;
    }
    if (options.version) {
      io.out(version() + "\n");
      return EXIT_OK;
    }
    switch (command) {
      case "template":
        return await templateCommand(positionals, options.output, options.force, io);
      case "check":
        return await checkCommand(positionals, options.json, io, options);
      case "recalc":
        return await recalcCommand(positionals, options.output, options.force, io, options);
      case "report": {
        // the report writers pull in ExcelJS: loaded only for `kjscore report` (check stays light)
        const { reportCommand } = await import("./report-command");
        return await reportCommand(positionals, options.output, options.force, io, {
          readBytes,
          writeFileAtomic: (file, bytes) => writeOutput(file, bytes, options.force),
          xlsxIn,
          samePath,
          messageOf,
          fail: (m) => new Failure(m),
        });
      }
    }
    throw new UsageError(S.unknownCommand(String(command)));
  } catch (e) {
    io.err(oneLine(e instanceof UsageError || e instanceof Failure ? e.message : messageOf(e)) + "\n");
    debugStack(e, io);
    return EXIT_FAIL;
  }
}

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    return String(pkg.version);
  } catch {
    return "unknown";
  }
}

// ---------------------------------------------------------------- template

async function templateCommand(positionals: string[], output: string | undefined, force: boolean, io: Io): Promise<number> {
  if (positionals.length > 0) throw new UsageError(S.templateExtra(positionals[0]));
  const out = output ?? "分工表模板.xlsx";
  if (!force && fs.existsSync(out)) throw new Failure(S.outputExists(out));
  writeOutput(out, await buildTemplateBuffer(), force);
  io.out(S.wroteTemplate(out) + "\n");
  return EXIT_OK;
}

// ---------------------------------------------------------------- check

type Input = { file: string; bytes: () => Uint8Array | Promise<Uint8Array> } | { file: string; error: string };

type Outcome = { file: string; plan: Plan } | { file: string; report: ReportStream } | { file: string; error: string };

/** Reads one workbook and computes its plan; the workbook's data is dropped when this returns. */
async function planOf(bytes: Uint8Array, file: string, pick: { sheet?: string; table?: number }): Promise<Plan> {
  // .xls / .et / .ods are read through the copy an .xlsx route would make of them
  const { data } = await readWorkbook(asXlsxInput(bytes, path.basename(file)).bytes);
  return computePlan(data, tableChoiceOf(pick, data), CHECK_PLAN);
}

/**
 * One input's outcome: its plan, or with --json its report, whose long lists are made from the
 * plan as they are written (never a whole report object beside the plan), or the line that says
 * why it cannot be read.
 */
async function outcomeOf(input: Input, json: boolean, io: Io, pick: { sheet?: string; table?: number }): Promise<Outcome> {
  if ("error" in input) return input;
  let plan: Plan;
  try {
    plan = await planOf(await input.bytes(), input.file, pick);
  } catch (e) {
    debugStack(e, io);
    return { file: input.file, error: messageOf(e) };
  }
  return json ? { file: input.file, report: reportStream(plan, input.file) } : { file: input.file, plan };
}

async function checkCommand(positionals: string[], json: boolean, io: Io, pick: { sheet?: string; table?: number } = {}): Promise<number> {
  const inputs: Input[] = [];
  let many = positionals.length > 1;
  if (positionals.length === 0) {
    inputs.push({ file: S.sampleName, bytes: () => buildTemplateBuffer() });
  }
  for (const p of positionals) {
    const stat = statOrNull(p);
    if (!stat) {
      inputs.push({ file: p, error: S.notFoundHere });
    } else if (stat.isDirectory()) {
      many = true;
      const names = xlsxIn(p);
      if (names === null) inputs.push({ file: p, error: S.noPermission(p) });
      else if (names.length === 0) inputs.push({ file: p, error: S.emptyFolder(p) });
      else for (const n of names) inputs.push(fileInput(path.join(p, n)));
    } else {
      inputs.push(fileInput(p));
    }
  }

  // each report goes out as soon as it is made (a folder of thousands is not held to the end)
  let failed = 0;
  let done = 0;
  let texts = 0;
  if (json && many) io.out("[");
  const emit = (report: unknown) => {
    if (!json) return;
    // the same characters JSON.stringify(array, null, 2) writes, one element at a time, and each
    // element in pieces (a 100,000-row report is never one string)
    if (many) {
      io.out((done > 0 ? "," : "") + "\n  ");
      writeJson(report, (t) => io.out(t), "  ");
    } else if (failed === 0) {
      writeJson(report, (t) => io.out(t));
      io.out("\n");
    }
    done++;
  };
  for (const input of inputs) {
    const outcome = await outcomeOf(input, json, io, pick);
    if ("error" in outcome) {
      failed++;
      io.err(oneLine(S.failedLine(outcome.file, outcome.error)) + "\n");
      emit({ file: outcome.file, error: outcome.error });
    } else if ("report" in outcome) {
      emit(outcome.report);
    } else {
      // written in pieces of ~64K characters: a 100,000-row table's text is never one string
      let piece = texts > 0 ? "\n" : "";
      writePlan(outcome.plan, outcome.file, (t) => {
        piece += t;
        if (piece.length >= 1 << 16) {
          io.out(piece);
          piece = "";
        }
      });
      if (piece) io.out(piece);
      texts++;
      done++;
    }
  }
  if (json) {
    if (many) io.out(done > 0 ? "\n]\n" : "]\n");
  } else if (many) io.out((texts > 0 ? "\n" : "") + S.summary(inputs.length, failed) + "\n");
  return failed > 0 ? EXIT_FAIL : EXIT_OK;
}

function fileInput(file: string): Input {
  return { file, bytes: () => readBytes(file) };
}

/** The workbooks (.xlsx, .xlsm, .xls, .et, .ods) directly inside a folder, without Excel's "~$" lock files, sorted by name. */
function xlsxIn(dir: string): string[] | null {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return null;
  }
  return names
    .filter((n) => /\.(xlsx|xlsm|xls|et|ods|fods)$/i.test(n) && !n.startsWith("~$"))
    .filter((n) => statOrNull(path.join(dir, n))?.isFile())
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// ---------------------------------------------------------------- recalc

async function recalcCommand(
  positionals: string[],
  output: string | undefined,
  force: boolean,
  io: Io,
  portableOptions: { portable: boolean; convertValues: boolean; sheet?: string; table?: number } = {
    portable: false,
    convertValues: false,
  },
): Promise<number> {
  if (portableOptions.convertValues && !portableOptions.portable) throw new UsageError(S.convertValuesNeedsPortable);
  if (positionals.length === 0) throw new UsageError(S.recalcNeedsFile);
  if (positionals.length > 1) throw new UsageError(S.recalcOneFile);
  if (output === undefined) throw new UsageError(S.recalcNeedsOutput);
  const file = positionals[0];
  if (samePath(file, output)) throw new Failure(S.refuseOverwriteInput(file));
  const bytes = readBytes(file);
  if (!force && fs.existsSync(output)) throw new Failure(S.outputExists(output));
  const wantsMacros = /\.xlsm$/i.test(output);

  let plan: Plan;
  let summary: { written: number; highlighted: number };
  let outBytes: Uint8Array;
  let portable: PortableReport | null = null;
  let notCarried: string[] | null = null;
  try {
    // a legacy file (.xls / .et / .ods) becomes a fresh .xlsx copy that says what it could not carry
    const input = asXlsxInput(bytes, path.basename(file));
    if (input.legacy) {
      notCarried = input.legacy.notCarried;
      if (!/\.xlsx$/i.test(output)) throw new Failure(S.legacyNeedsXlsx(output));
    }
    const { workbook, data } = await readWorkbook(input.bytes);
    // the package's content type decides what Excel opens: an .xlsm written as .xlsx (or the
    // reverse) is refused by Excel, and dropping the VBA project would lose the user's macros
    if (workbook.macroEnabled && !wantsMacros) throw new Failure(S.macrosNeedXlsm);
    if (!workbook.macroEnabled && wantsMacros) throw new Failure(S.xlsmNeedsMacros(output));
    plan = computePlan(data, tableChoiceOf(portableOptions, data));
    summary = applyPlan(workbook, plan);
    if (portableOptions.portable) portable = makePortable(workbook, plan, { convertValues: portableOptions.convertValues });
    outBytes = await writeWorkbook(workbook);
  } catch (e) {
    debugStack(e, io);
    throw new Failure(S.failedLine(file, messageOf(e)));
  }
  writeOutput(output, outBytes, force);

  if (plan.tableNotice) io.out(S.tablesNotice(plan.tableNotice.message) + "\n");
  if (plan.writes.length === 0) io.out(S.noChanges + "\n");
  else {
    io.out(S.changesHeading + "\n");
    for (const w of plan.writes) {
      const before =
        w.before === null || w.before === ""
          ? "空"
          : typeof w.before === "number"
            ? score2(w.before)
            : typeof w.before === "object"
              ? w.before.error
              : String(w.before);
      io.out(`  ${w.cell}：${before} → ${score2(w.after)}　${w.reason}\n`);
    }
  }
  if (portable) printPortable(portable, io);
  io.out(S.wroteRecalc(output, summary.written, summary.highlighted) + "\n");
  if (notCarried) io.out(S.legacyCopy(output, notCarried) + "\n");
  return EXIT_OK;
}

/** What the 分享版 changed: the value conversions first (the one change to cells the user owns). */
function printPortable(report: PortableReport, io: Io): void {
  io.out(S.portableHeading + "\n");
  const values = report.changes.filter((c) => c.kind === "value-number");
  if (values.length > 0) {
    io.out(S.portableConverted + "\n");
    for (const c of values) io.out(`  ${c.sheet}!${c.cell}：${c.before} → ${c.after}（格式 ${c.numFmt}）\n`);
  }
  if (report.offer) io.out(report.offer + S.portableOfferFlag + "\n");
  if (report.kept.length > 0) {
    io.out(S.portableKept + "\n");
    for (const k of report.kept) io.out(`  ${k.sheet}!${k.cell}：${k.reason}\n`);
  }
  io.out(report.summary + "\n");
}

function samePath(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  // hard links, symlinks, case-insensitive file systems
  return Boolean(sa && sb && sa.dev === sb.dev && sa.ino === sb.ino);
}

// ---------------------------------------------------------------- files and errors

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new Failure(fsMessage(e, file, false));
  }
}

/** Writes the output whole or not at all (see ./write-file.ts); the reason of a failure in Chinese. */
function writeOutput(file: string, bytes: Uint8Array, force: boolean): void {
  try {
    writeFileSafely(file, bytes, { force });
  } catch (e) {
    if (e instanceof WriteError) throw new Failure(e.exists ? S.outputExists(file) : S.cannotWrite(file, e.reason));
    throw e;
  }
}

function fsMessage(e: unknown, file: string, writing: boolean): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!writing && code === "ENOENT") return S.notFound(file);
  if (code === "EACCES" || code === "EPERM") return writing ? S.cannotWrite(file, "没有权限") : S.noPermission(file);
  if (code === "EISDIR") return writing ? S.cannotWrite(file, "这是一个文件夹") : S.cannotRead(file, "这是一个文件夹");
  if (writing && code === "ENOENT") return S.cannotWrite(file, "所在文件夹不存在");
  const why = e instanceof Error ? e.message : String(e);
  return writing ? S.cannotWrite(file, why) : S.cannotRead(file, why);
}

/** The Chinese message for anything that stops one workbook from being analysed. */
function messageOf(e: unknown): string {
  if (
    e instanceof XlsxReadError ||
    e instanceof PlanApplyError ||
    e instanceof Failure ||
    e instanceof LegacyReadError ||
    e instanceof TableChoiceError
  )
    return e.message;
  if (e instanceof NoTableError || (e instanceof Error && e.name === "NoTableError")) {
    return S.noTable((e as NoTableError).lookedFor ?? []);
  }
  return S.internal(e instanceof Error ? e.message : String(e));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function debugStack(e: unknown, io: Io): void {
  if (process.env.KJSCORE_DEBUG && e instanceof Error && e.stack) io.err(e.stack + "\n");
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
