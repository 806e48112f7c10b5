/**
 * `kjscore report FILE -o OUT.xlsx` (the 得分分析报告 of one 分工表) and `kjscore report FOLDER -o OUT.xlsx`
 * (a city's summary of every county's file in the folder). Always a new workbook: the input is
 * only read, and OUT may not be it.
 */
import * as fs from "fs";
import * as path from "path";
import { computePlan } from "../model";
import { readWorkbook } from "../xlsx/read";
import { asXlsxInput } from "../legacy";
import { countyName } from "../report/county";
import { countyReportBuffer } from "../report/county-workbook";
import { cityReportBuffer, type CityCounty, type CityFailure } from "../report/city-workbook";
import { UsageError } from "./args";
import { S } from "./strings";

export interface ReportDeps {
  readBytes(file: string): Uint8Array;
  writeFileAtomic(file: string, bytes: Uint8Array): void;
  xlsxIn(dir: string): string[] | null;
  samePath(a: string, b: string): boolean;
  messageOf(e: unknown): string;
  /** a failure that is the user's to fix (one line, exit 2) */
  fail(message: string): Error;
}

export async function reportCommand(
  positionals: string[],
  output: string | undefined,
  force: boolean,
  io: { out(t: string): void; err(t: string): void },
  deps: ReportDeps,
): Promise<number> {
  if (positionals.length === 0) throw new UsageError(S.reportNeedsInput);
  if (positionals.length > 1) throw new UsageError(S.reportOneInput);
  if (!output) throw new UsageError(S.reportNeedsOutput);
  const input = positionals[0];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw deps.fail(S.notFound(input));
  }
  if (deps.samePath(input, output)) throw deps.fail(S.refuseOverwriteInput(input));
  if (!force && fs.existsSync(output)) throw deps.fail(S.outputExists(output));

  if (!stat.isDirectory()) {
    const { data } = await readWorkbook(asXlsxInput(deps.readBytes(input), path.basename(input)).bytes);
    const plan = computePlan(data, undefined, { english: false });
    const file = path.basename(input);
    deps.writeFileAtomic(output, await countyReportBuffer({ file, county: countyName(data, plan, file), plan }));
    io.out(S.wroteReport(output) + "\n");
    return 0;
  }

  const names = deps.xlsxIn(input);
  if (names === null) throw deps.fail(S.noPermission(input));
  // the output may sit in the folder it summarises: never read it as a county
  const files = names.map((n) => path.join(input, n)).filter((f) => !deps.samePath(f, output));
  if (files.length === 0) throw deps.fail(S.emptyFolder(input));
  const counties: CityCounty[] = [];
  const failures: CityFailure[] = [];
  for (const f of files) {
    const file = path.basename(f);
    try {
      const { data } = await readWorkbook(asXlsxInput(deps.readBytes(f), path.basename(f)).bytes);
      const plan = computePlan(data, undefined, { english: false });
      counties.push({ file, county: countyName(data, plan, file), plan });
    } catch (e) {
      const error = deps.messageOf(e);
      failures.push({ file, error });
      io.err(S.failedLine(f, error).replace(/\s*\n\s*/g, " ") + "\n");
    }
  }
  deps.writeFileAtomic(output, await cityReportBuffer(counties, failures));
  io.out(S.wroteCityReport(output, counties.length, failures.length) + "\n");
  return failures.length > 0 ? 2 : 0;
}
