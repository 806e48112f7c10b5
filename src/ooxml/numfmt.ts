/**
 * Built-in number formats: the ids an .xlsx numFmtId (or a BIFF XF of an .xls) may use without
 * a numFmt / FORMAT record — one table for both readers and the .xlsx writer. Ids 0–49 as ECMA-376 Part 1 §18.8.30 lists them (the same table ExcelJS uses, so a cell
 * reads the same from an .xls as from its .xlsx twin); 27–36 and 50–58 as the standard gives them
 * for zh-CN, the locale these workbooks come from. Ids 5–8 and 41–44 are locale currency formats
 * that Excel always writes as FORMAT records, so they are not needed here.
 */
export const BUILTIN_NUMFMT: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The format code of a built-in id, or undefined when the id is not built in. */
export function builtinFormat(id: number): string | undefined {
  return BUILTIN_NUMFMT[id];
}

/** "General" is what a cell without a number format shows: the readers leave numFmt out for it. */
export function isGeneral(code: string | undefined): boolean {
  return code === undefined || code === "" || code.toLowerCase() === "general";
}
