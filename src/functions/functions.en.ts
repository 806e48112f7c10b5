// English metadata for the custom functions (functions.en-US.json, the manifest's en-US
// override of the metadata URL). Same ids, names and parameters as functions.ts; only the
// text differs. Never bundled: the functions run from functions.ts. (Line comments here:
// the metadata generator would take a leading block comment for KJSCORE's description.)
/* eslint-disable @typescript-eslint/no-unused-vars */

/**
 * Scores a value under a scoring rule (评分标准), rounded to 2 decimals like ROUND. A value cell formatted as a percentage is scored as the percentage it shows (0.35% is 0.35%), as the pane does. Returns #VALUE! with the reason when the rule or the value cannot be read, when a counted rule is given only a count, or when the rule is judged by assessors; #N/A when the value is blank.
 * @customfunction KJSCORE KJSCORE
 * @helpurl https://localhost:3000/help.html#kjscore
 * @requiresParameterAddresses
 * @param value The value, a number or text such as 2489 or "2489万元", "0.35%", "28家".
 * @param rule The scoring rule text, or a cell holding it, such as "≧10000万元（5分）；10000-5000万元（5-4分）；…".
 * @param invocation Passed by Excel (the arguments' cell addresses).
 * @returns The score.
 */
export async function KJSCORE(value: any, rule: any, invocation?: CustomFunctions.Invocation): Promise<number> {
  throw new Error("metadata only");
}

/**
 * The rule read backwards: the smallest value (in the rule's unit, e.g. 万元 or %) that reaches a score. Banded rules only; #VALUE! with the reason when the score is above the rule's maximum.
 * @customfunction KJREQUIRED KJREQUIRED
 * @helpurl https://localhost:3000/help.html#kjrequired
 * @param score The score to reach, such as 3.39.
 * @param rule The scoring rule text, or a cell holding it.
 * @returns The value needed.
 */
export async function KJREQUIRED(score: any, rule: any): Promise<number> {
  throw new Error("metadata only");
}

/**
 * The highest score a scoring rule can give.
 * @customfunction KJMAX KJMAX
 * @helpurl https://localhost:3000/help.html#kjmax
 * @param rule The scoring rule text, or a cell holding it.
 * @returns The maximum score.
 */
export async function KJMAX(rule: any): Promise<number> {
  throw new Error("metadata only");
}

/**
 * The grade of a total score: A at 80 and above, B from 60 to below 80, C below 60.
 * @customfunction KJGRADE KJGRADE
 * @helpurl https://localhost:3000/help.html#kjgrade
 * @param total The total score, such as 73.97.
 * @returns The grade: A, B or C.
 */
export async function KJGRADE(total: any): Promise<string> {
  throw new Error("metadata only");
}
