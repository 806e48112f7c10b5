/**
 * What the portable (分享版) work says to people: Chinese first, English second, one table each.
 */
export const ZH = {
  scoreFormula: (valueCell: string) => `得分改为公式，按 ${valueCell} 的数值计算`,
  totalFormula: "合计得分改为 SUM 公式",
  valueNumber: (before: string, fmt: string) => `文字“${before}”改为数字，数字格式 ${fmt} 显示原样文字`,
  customFunction: (before: string) => `自定义函数公式 =${before} 改为普通公式（无需加载项）`,
  customFunctionValue: (before: string) => `自定义函数公式 =${before} 改为数值（该评分标准无法写成普通公式）`,
  keptTextValue: (valueCell: string, text: string) =>
    `${valueCell} 是文字“${text}”，普通公式无法读取；得分保留为数值。可在生成分享版时选择“把文字数值转为数字”（命令行 --convert-values）`,
  keptTextDeclined: (valueCell: string, text: string, why: string) =>
    `${valueCell} 是文字“${text}”，无法转为数字（${why}）；得分保留为数值`,
  keptValueFormulaText: (valueCell: string) => `${valueCell} 是结果为文字的公式，普通公式无法读取；得分保留为数值`,
  keptValueError: (why: string) => `数值无法按评分标准读取（${why}）；得分保留为数值`,
  keptUserFormula: (formula: string) => `得分单元格是用户自己的公式 =${formula}，保留不动`,
  keptNoValueColumn: "该年份没有情况/目标列，得分保留为数值",
  keptUnboundedBase: "评分标准以权重分值为基本分逐档加分，但没有写最高分或加减分上限，得分保留为数值",
  keptTotalFormula: (formula: string) => `合计得分是用户自己的公式 =${formula}，保留不动`,
  keptCustomFunction: (formula: string, why: string) => `自定义函数公式 =${formula} 无法转换（${why}），保留不动`,
  noteKept: (why: string) => `分享版：${why}`,
  summary: (formulas: number, totals: number, values: number, custom: number, kept: number) =>
    `分享版：${formulas} 个得分改为公式，${totals} 个合计得分改为 SUM 公式，${values} 个文字数值改为数字，${custom} 个自定义函数改为普通公式；${kept} 个单元格保留数值（见说明）`,
  offerConvert: (n: number) =>
    `有 ${n} 个情况/目标单元格是带单位的文字（如“2489万元”），公式无法读取。可把它们转为数字，并用数字格式原样显示文字，读者看到的内容不变。`,
};

export const EN = {
  scoreFormula: (valueCell: string) => `score becomes a formula over ${valueCell}`,
  totalFormula: "total becomes a SUM formula",
  valueNumber: (before: string, fmt: string) => `text "${before}" becomes a number shown as before by the format ${fmt}`,
  customFunction: (before: string) => `custom-function formula =${before} becomes a plain formula (no add-in needed)`,
  customFunctionValue: (before: string) => `custom-function formula =${before} becomes its value (the rule cannot be a plain formula)`,
  keptTextValue: (valueCell: string, text: string) =>
    `${valueCell} holds the text "${text}", which a formula cannot read; the score stays a value (convert text values to numbers: --convert-values)`,
  keptTextDeclined: (valueCell: string, text: string, why: string) =>
    `${valueCell} holds the text "${text}", which cannot become a number (${why}); the score stays a value`,
  keptValueFormulaText: (valueCell: string) => `${valueCell} is a formula giving text; the score stays a value`,
  keptValueError: (why: string) => `the value cannot be read under the rule (${why}); the score stays a value`,
  keptUserFormula: (formula: string) => `the score cell holds the user's own formula =${formula}; left as it is`,
  keptNoValueColumn: "no value column for this year; the score stays a value",
  keptUnboundedBase: "the rule's base is the weight and its steps up have no stated maximum; the score stays a value",
  keptTotalFormula: (formula: string) => `the total holds the user's own formula =${formula}; left as it is`,
  keptCustomFunction: (formula: string, why: string) => `custom-function formula =${formula} cannot be converted (${why}); left as it is`,
  noteKept: (why: string) => `Portable copy: ${why}`,
  summary: (formulas: number, totals: number, values: number, custom: number, kept: number) =>
    `Portable copy: ${formulas} scores as formulas, ${totals} totals as SUM, ${values} text values as numbers, ${custom} custom functions as plain formulas; ${kept} cells keep values (see notes)`,
  offerConvert: (n: number) =>
    `${n} value cells hold text with a unit (like "2489万元") that formulas cannot read. They can become numbers whose format shows the same text, so readers see no change.`,
};
