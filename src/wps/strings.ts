/** The WPS host's own messages (the pane's strings are in src/taskpane/strings.ts). */
export interface WpsHostStrings {
  noApplication: string;
  noWorkbook: string;
  notLoaded: string;
  sheetGone(name: string): string;
  badAddress(cell: string): string;
  mergedOver(cell: string): string;
  changed(cell: string): string;
}

export const WS: Record<"zh" | "en", WpsHostStrings> = {
  zh: {
    noApplication: "没有找到 WPS 表格的应用对象：请在 WPS 表格中打开科创评分加载项",
    noWorkbook: "没有打开的工作簿：请先打开或新建一个工作簿",
    notLoaded: "还没有读取分工表",
    sheetGone: (name) => `找不到工作表“${name}”（可能已改名或删除），请重新读取；未写入任何单元格`,
    badAddress: (cell) => `写入计划中的地址不一致：${cell}；未写入任何单元格`,
    mergedOver: (cell) => `${cell} 是合并单元格中被覆盖的格子，不能写入；未写入任何单元格`,
    changed: (cell) => `${cell} 的内容在读取后已变化，请重新读取；未写入任何单元格`,
  },
  en: {
    noApplication: "WPS Spreadsheets' application object was not found: open the KJScore add-in inside WPS Spreadsheets",
    noWorkbook: "No workbook is open: open or create one first",
    notLoaded: "The 分工表 has not been read yet",
    sheetGone: (name) => `Sheet "${name}" is gone (renamed or deleted?): read it again; nothing was written`,
    badAddress: (cell) => `The write plan's address does not match: ${cell}; nothing was written`,
    mergedOver: (cell) => `${cell} is covered by a merged cell and cannot be written; nothing was written`,
    changed: (cell) => `${cell} has changed since it was read: read it again; nothing was written`,
  },
};
