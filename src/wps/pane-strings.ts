/** What the pane says only inside WPS (above the shared pane). */
export const WPS_PANE = {
  zh: {
    noFunctions:
      "此版本的 WPS 不支持加载项自定义函数（需要 WPS 12.1.0.20540 或更新版本），=KJ.KJSCORE() 等函数不可用；面板的其他功能照常使用。",
    undoHint: "加载项写入的内容可能无法用 WPS 的 Ctrl+Z 撤销：要恢复，请用面板里的“撤销”（只恢复仍是加载项所写的单元格）。",
  },
  en: {
    noFunctions:
      "This WPS version has no add-in custom functions (WPS 12.1.0.20540 or later needed): =KJ.KJSCORE() and the others are not available; everything else in the pane works.",
    undoHint:
      "What the add-in writes may not be undone by WPS's Ctrl+Z: use 撤销 (Undo) in the pane, which restores only cells that still hold what the add-in wrote.",
  },
} as const;
