/** User-visible text of the legacy conversion: Chinese first, English second. */
export const LEGACY_STRINGS = {
  noteSheet: { zh: "转换说明", en: "Conversion note" },
  noteLead: {
    zh: (kinds: string, lost: string) => `本文件由科创评分从旧版 ${kinds} 文件转换为 .xlsx；以下内容未能保留：${lost}`,
    en: (kinds: string, lost: string) => `KJScore converted this file from an old ${kinds} file to .xlsx; not carried over: ${lost}`,
  },
  nothingLost: {
    zh: (kinds: string) => `本文件由科创评分从旧版 ${kinds} 文件转换为 .xlsx；原文件的单元格内容都已保留。`,
    en: (kinds: string) => `KJScore converted this file from an old ${kinds} file to .xlsx; every cell's content was kept.`,
  },
  source: { zh: "原文件", en: "Original file" },
  kept: {
    zh: "已保留：每个单元格的值（公式为其计算结果）、数字格式、合并单元格、列宽与行高。",
    en: "Kept: every cell's value (formulas as their results), number formats, merged cells, column widths and row heights.",
  },
  keptLooks: {
    zh: "已保留：每个单元格的值（公式为其计算结果）、数字格式、字体、填充、边框、对齐、合并单元格、列宽与行高。",
    en: "Kept: every cell's value (formulas as their results), number formats, fonts, fills, borders, alignment, merged cells, column widths and row heights.",
  },
  lostHeader: { zh: "未能保留的内容", en: "Not carried over" },
  truncated: (n: number) => `超过 32767 个字符的单元格文本 ${n} 处（已截短，.xlsx 单元格放不下）`,
  overlappingMerges: (n: number) => `与其他合并区域重叠的合并单元格 ${n} 处（已取消合并）`,
  renamedSheet: (from: string, to: string) => `工作表名“${from}”改为“${to}”（.xlsx 不允许原名）`,
  listJoin: "、",
} as const;
