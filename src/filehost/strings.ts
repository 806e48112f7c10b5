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
  },
};
