/**
 * The task pane inside WPS 表格 (taskpane.html): the same React pane as in Excel and the browser,
 * over the WPS host. Chinese first. The theme follows the system's light/dark setting, which WPS's
 * Chromium passes to the page (WPS exposes no theme to 加载项 that we know of).
 */
import type { WpsGlobal } from "./et";
import { createWpsHost } from "./host";
import { mountTaskpane } from "../taskpane/mount";
import { WPS_PANE } from "./pane-strings";

export function startWpsPane(doc: Document, wps: WpsGlobal | undefined, language: "zh" | "en" = "zh"): () => void {
  const t = WPS_PANE[language];
  const notice = doc.getElementById("wps-notice");
  if (notice) {
    const lines: string[] = [t.undoHint];
    if (!wps || typeof wps.AddCustomFunction !== "function") lines.unshift(t.noFunctions);
    notice.textContent = lines.join(" ");
  }
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  const root = doc.getElementById("container") ?? doc.body.appendChild(doc.createElement("div"));
  return mountTaskpane(root, createWpsHost({ wps: () => wps, language }), { language, theme: dark ? "dark" : "light" });
}

if (typeof document !== "undefined" && !(globalThis as { __KJ_NO_AUTOSTART__?: boolean }).__KJ_NO_AUTOSTART__) {
  const lang = /^en/i.test(navigator.language) ? "en" : "zh";
  startWpsPane(document, (globalThis as unknown as { wps?: WpsGlobal }).wps, lang);
}
