/**
 * Excel custom functions, in the shared runtime. The JSDoc below IS the metadata:
 * custom-functions-metadata-plugin turns it into functions.json (Chinese, the default) and
 * appends the CustomFunctions.associate calls to this file at build time. functions.en.ts
 * carries the same ids and parameters with English text (functions.en-US.json).
 * The logic lives in scoring.ts, free of the CustomFunctions global.
 */
import { createFormatReader, type FormatReader } from "./number-format";
import type { Outcome } from "./scoring";

// The engine loads with the first call, not with the pane: the shared runtime's first chunk stays
// small (the pane's first view has the same budget as before the rule families grew).
const scoring = () => import(/* webpackChunkName: "scoring" */ "./scoring");

let readFormat: FormatReader | null = null;
/** Tests put a reader over a fake workbook here; in Excel it is Excel.run. */
export function setFormatReader(reader: FormatReader | null): void {
  readFormat = reader;
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode[outcome.code], outcome.message);
}

/**
 * 按评分标准计算一个数值的得分（四舍五入到两位小数，同 ROUND）。数值单元格设为百分比格式时按显示的百分数计分（显示 0.35% 即 0.35%），与评分面板一致。评分标准读不懂、数值单位不符时返回 #VALUE! 并说明原因；只给出个数的计数类标准或酌情打分的标准也返回 #VALUE!；数值为空时返回 #N/A。
 * @customfunction KJSCORE KJSCORE
 * @helpurl https://localhost:3000/help.html#kjscore
 * @requiresParameterAddresses
 * @param value 情况或目标数值，可为数字或文字，如 2489 或“2489万元”“0.35%”“28家”。
 * @param rule 评分标准文字，或含评分标准的单元格，如“≧10000万元（5分）；10000-5000万元（5-4分）；…”。
 * @param invocation Excel 传入的调用信息（参数所在的单元格地址）。
 * @returns 得分。
 */
export async function KJSCORE(value: any, rule: any, invocation?: CustomFunctions.Invocation): Promise<number> {
  const [{ kjScore }, format] = await Promise.all([scoring(), numberFormatOf(value, invocation?.parameterAddresses?.[0])]);
  return unwrap(kjScore(value, rule, format));
}

/**
 * The number format of the value's cell, when it matters: a number that came from a cell. Read
 * failures are errors (never a silent score of 0.0035 for a cell showing 0.35%).
 */
async function numberFormatOf(value: unknown, address: string | undefined): Promise<string | undefined> {
  if (typeof value !== "number" || !address) return undefined;
  readFormat ??= typeof Excel !== "undefined" ? createFormatReader() : null;
  if (!readFormat) return undefined;
  try {
    return (await readFormat(address)) ?? undefined;
  } catch (e) {
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      `无法读取单元格 ${address} 的数字格式：${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/**
 * 反推评分标准：要得到给定得分，数值至少需要多少（按评分标准的单位，如万元、%）。只适用于分段计分的标准；得分超过最高分时返回 #VALUE! 并说明原因。
 * @customfunction KJREQUIRED KJREQUIRED
 * @helpurl https://localhost:3000/help.html#kjrequired
 * @param score 目标得分，如 3.39。
 * @param rule 评分标准文字，或含评分标准的单元格。
 * @returns 所需数值。
 */
export async function KJREQUIRED(score: any, rule: any): Promise<number> {
  return unwrap((await scoring()).kjRequired(score, rule));
}

/**
 * 评分标准能给出的最高分。
 * @customfunction KJMAX KJMAX
 * @helpurl https://localhost:3000/help.html#kjmax
 * @param rule 评分标准文字，或含评分标准的单元格。
 * @returns 最高分。
 */
export async function KJMAX(rule: any): Promise<number> {
  return unwrap((await scoring()).kjMax(rule));
}

/**
 * 合计得分对应的等级：80 分及以上为 A，60 至 80 分以下为 B，60 分以下为 C。
 * @customfunction KJGRADE KJGRADE
 * @helpurl https://localhost:3000/help.html#kjgrade
 * @param total 合计得分，如 73.97。
 * @returns 等级 A、B 或 C。
 */
export async function KJGRADE(total: any): Promise<string> {
  return unwrap((await scoring()).kjGrade(total));
}
