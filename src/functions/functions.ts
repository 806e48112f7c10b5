/**
 * Excel custom functions, in the shared runtime. The JSDoc below IS the metadata:
 * custom-functions-metadata-plugin turns it into functions.json (Chinese, the default) and
 * appends the CustomFunctions.associate calls to this file at build time. functions.en.ts
 * carries the same ids and parameters with English text (functions.en-US.json).
 * The logic lives in scoring.ts, free of the CustomFunctions global.
 */
import { kjGrade, kjMax, kjRequired, kjScore, type Outcome } from "./scoring";

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode[outcome.code], outcome.message);
}

/**
 * 按评分标准计算一个数值的得分（四舍五入到两位小数，同 ROUND）。评分标准读不懂、数值单位不符时返回 #VALUE! 并说明原因；只给出个数的计数类标准或酌情打分的标准也返回 #VALUE!；数值为空时返回 #N/A。
 * @customfunction KJSCORE KJSCORE
 * @param value 情况或目标数值，可为数字或文字，如 2489 或“2489万元”“0.35%”“28家”。
 * @param rule 评分标准文字，或含评分标准的单元格，如“≧10000万元（5分）；10000-5000万元（5-4分）；…”。
 * @returns 得分。
 */
export function KJSCORE(value: any, rule: any): number {
  return unwrap(kjScore(value, rule));
}

/**
 * 反推评分标准：要得到给定得分，数值至少需要多少（按评分标准的单位，如万元、%）。只适用于分段计分的标准；得分超过最高分时返回 #NUM!。
 * @customfunction KJREQUIRED KJREQUIRED
 * @param score 目标得分，如 3.39。
 * @param rule 评分标准文字，或含评分标准的单元格。
 * @returns 所需数值。
 */
export function KJREQUIRED(score: any, rule: any): number {
  return unwrap(kjRequired(score, rule));
}

/**
 * 评分标准能给出的最高分。
 * @customfunction KJMAX KJMAX
 * @param rule 评分标准文字，或含评分标准的单元格。
 * @returns 最高分。
 */
export function KJMAX(rule: any): number {
  return unwrap(kjMax(rule));
}

/**
 * 合计得分对应的等级：80 分及以上为 A，60 至 80 分以下为 B，60 分以下为 C。
 * @customfunction KJGRADE KJGRADE
 * @param total 合计得分，如 73.97。
 * @returns 等级 A、B 或 C。
 */
export function KJGRADE(total: any): string {
  return unwrap(kjGrade(total));
}
