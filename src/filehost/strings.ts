import type { HighlightSeverity } from "../model/types";
import { STRINGS, type Strings } from "../taskpane/strings";

/** The sheet preview names each kind of highlight as the pane's 提示 groups do. */
const severityOf = (p: Strings): Record<HighlightSeverity, string> => ({
  unreachable: p.groupUnreachable,
  gap: p.groupGap,
  mismatch: p.groupMismatch,
  error: p.groupError,
});

/**
 * The file page's own text (its header, drop zone and the host's messages), Chinese first.
 * Everything inside the pane comes from src/taskpane/strings.ts.
 */
export interface FileHostStrings {
  pageTitle: string;
  brand: string;
  local: string;
  openFile: string;
  openFileHint: string;
  opening: string;
  privacy: string;
  dropHere: string;
  sampleName: string;
  fileLabel: string;
  noFileYet: string;
  noWorkbook: string;
  changedMeanwhile: string;
  inFile: (name: string) => string;
  downloadSuffix: string;
  portableSuffix: string;
  /** the sheet preview under the pane (src/filehost/SheetSection.tsx, SheetPreview.tsx) */
  viewSheet: string;
  sheetRegion: (sheet: string) => string;
  sheetHelp: string;
  loadingSheet: string;
  sheetFailed: string;
  locatedAt: (cell: string) => string;
  backToList: string;
  severity: Record<HighlightSeverity, string>;
  legendOld: string;
  legendNew: string;
  legendWrite: string;
  changesTo: string;
  notACell: (text: string) => string;
  colon: string;
}

export const FH: Record<"zh" | "en", FileHostStrings> = {
  zh: {
    pageTitle: "科创评分 · 本地文件",
    brand: "科创评分",
    local: "本地文件",
    openFile: "打开文件",
    openFileHint: "打开 .xlsx 分工表（也可以把文件拖到本页）",
    opening: "正在打开…",
    privacy: "文件只在本机浏览器中处理，不会上传。",
    dropHere: "松开鼠标，打开这个 .xlsx 文件",
    sampleName: "示例分工表",
    fileLabel: "当前文件：",
    noFileYet: "还没有打开工作簿。请点击“打开文件”选择 .xlsx 分工表，或打开示例分工表。",
    noWorkbook: "还没有打开工作簿",
    changedMeanwhile: "工作簿已变化，请重新计算后再试",
    inFile: (name) => `“${name}”：`,
    downloadSuffix: "科创评分",
    portableSuffix: "分享版",
    viewSheet: "查看工作表",
    sheetRegion: (sheet) => `工作表“${sheet}”（只读预览）`,
    sheetHelp: "只读预览。底色和符号标出“提示”中的单元格，“旧值 → 新值”是应用后会写入的得分。在提示列表中点击一项即可定位到它的单元格。",
    loadingSheet: "正在显示工作表…",
    sheetFailed: "无法显示工作表，请刷新页面后再试。",
    locatedAt: (cell) => `已定位到 ${cell}`,
    backToList: "返回列表",
    severity: severityOf(STRINGS.zh),
    legendOld: "旧值",
    legendNew: "新值",
    legendWrite: "：应用后写入",
    changesTo: "，应用后改为 ",
    notACell: (text) => `“${text}”不是单元格地址`,
    colon: "：",
  },
  en: {
    pageTitle: "KJScore · local file",
    brand: "KJScore",
    local: "local file",
    openFile: "Open file",
    openFileHint: "Open an .xlsx 分工表 (or drop the file on this page)",
    opening: "Opening…",
    privacy: "Files are processed in this browser only; nothing is uploaded.",
    dropHere: "Release to open this .xlsx file",
    sampleName: "Sample 分工表",
    fileLabel: "Current file: ",
    noFileYet: "No workbook is open yet. Click “Open file” to choose an .xlsx 分工表, or open the sample.",
    noWorkbook: "No workbook is open",
    changedMeanwhile: "The workbook has changed; recalculate and try again",
    inFile: (name) => `“${name}”: `,
    downloadSuffix: "科创评分",
    portableSuffix: "分享版",
    viewSheet: "View sheet",
    sheetRegion: (sheet) => `Sheet “${sheet}” (read-only preview)`,
    sheetHelp:
      "Read-only preview. Fills and symbols mark the cells listed under Highlights; “old → new” is the score Apply would write. Click an item in the Highlights list to go to its cell.",
    loadingSheet: "Showing the sheet…",
    sheetFailed: "The sheet cannot be shown; reload the page and try again.",
    locatedAt: (cell) => `Showing cell ${cell}`,
    backToList: "Back to the list",
    severity: severityOf(STRINGS.en),
    legendOld: "old",
    legendNew: "new",
    legendWrite: ": written by Apply",
    changesTo: ", after Apply: ",
    notACell: (text) => `“${text}” is not a cell address`,
    colon: ": ",
  },
};
