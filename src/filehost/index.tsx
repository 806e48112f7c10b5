/**
 * The browser page (filehost.html): the task pane over a local .xlsx, no Office.js.
 * The built-in sample is on screen at once (its cells are in the bundle, no ExcelJS needed);
 * the .xlsx reader is a separate chunk, loaded when a file is opened, applied or downloaded.
 */
import * as React from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { LoadResult } from "../host/types";
import { mountTaskpane } from "../taskpane/mount";
import { Bar } from "./Bar";
import { createFileHost, type OpenedInfo } from "./host";
import { pageLanguage } from "./language";
import { FH } from "./strings";
import { mountSheetSection, type SheetPreviewController } from "./SheetSection";
import { installInlineChunks } from "./inline-chunks";

// dist/kjscore.html carries its chunks inside the file: load them from there (before any import())
installInlineChunks();

const language = pageLanguage(window.location.search, navigator.languages?.[0] ?? navigator.language);
const t = FH[language];
document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
document.title = t.pageTitle;

let onOpened: (info: OpenedInfo) => void = () => undefined;
// the sheet preview under the pane; mounted after the pane, so it never delays the first view
let preview: SheetPreviewController | null = null;
const host = createFileHost({
  language,
  onOpened: (info) => onOpened(info),
  onSheet: (sheet) => preview?.update(sheet),
  revealCell: (address) => preview?.reveal(address),
});
const warmUp = () => void import(/* webpackChunkName: "xlsx" */ "../xlsx").catch(() => undefined);

function Header() {
  const [name, setName] = React.useState(host.fileName());
  const [sample, setSample] = React.useState(true);
  const [opening, setOpening] = React.useState(false);
  React.useEffect(() => {
    onOpened = (info) => {
      setName(info.name);
      setSample(info.sample);
    };
  }, []);
  const open = React.useCallback((file: File) => {
    setOpening(true);
    void (async () => {
      try {
        await host.open(file.name, await file.arrayBuffer());
      } finally {
        setOpening(false);
      }
    })();
  }, []);
  return <Bar t={t} fileName={name} sample={sample} opening={opening} onOpen={open} onWillOpen={warmUp} />;
}

const bar = document.getElementById("bar") as HTMLElement;
const pane = document.getElementById("pane") as HTMLElement;
// The sample is scored first (host.load() computes its plan here, in the browser), then the pane is
// rendered synchronously from that result, still in this task: the first frame is the scored view,
// with no loading view laid out and painted before it.
const mountPane = (initial?: LoadResult) =>
  flushSync(() => {
    mountTaskpane(pane, host, { language, theme: "light", initial });
  });
void host.load().then(mountPane, () => mountPane());
createRoot(bar).render(<Header />);
preview = mountSheetSection(document.getElementById("sheet") as HTMLElement, {
  t,
  language,
  cardTarget: document.getElementById("detail"),
});
preview.update(host.sheet());
