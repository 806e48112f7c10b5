/**
 * The task pane's Office entry (taskpane.html, also the shared runtime's page): wait for
 * Office, pick language and theme from Office, mount the React pane over the Excel host.
 * The custom functions and ribbon commands live in this same runtime, so they are registered
 * here too.
 */
import { createExcelHost } from "../excel/host";
import { mountTaskpane } from "./mount";

export interface OfficeLook {
  language: "zh" | "en";
  theme: "light" | "dark";
}

/** zh unless Office's display language is English; dark when Office's body background is dark. */
export function officeLook(ctx: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } } | undefined): OfficeLook {
  const lang = (ctx?.displayLanguage ?? "").toLowerCase();
  return {
    language: lang.startsWith("en") ? "en" : "zh",
    theme: isDark(ctx?.officeTheme?.bodyBackgroundColor) ? "dark" : "light",
  };
}

/** "#1f1f1f" → true: relative luminance below one half. */
export function isDark(color: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

let functionsRegistered = false;
/** Custom functions need the CustomFunctions global, which only Excel's runtime provides. */
function registerFunctions(): void {
  if (functionsRegistered || typeof CustomFunctions === "undefined") return;
  functionsRegistered = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../functions/functions");
}

/**
 * Resolves once the task pane is shown. The shared runtime (lifetime "long") also starts hidden,
 * for a custom function or a ribbon command; the pane then must not read the workbook (a read of
 * a big sheet while the user works, for nothing). Visible now: the page is (document.visibilityState);
 * shown later: Office.addin.onVisibilityModeChanged reports "Taskpane" (SharedRuntime 1.1;
 * learn.microsoft.com/javascript/api/office/office.addin#office-office-addin-onvisibilitymodechanged-member(1)).
 */
export function whenPaneShown(): Promise<void> {
  if (typeof document === "undefined" || document.visibilityState !== "hidden") return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const shown = () => {
      if (done) return;
      done = true;
      document.removeEventListener("visibilitychange", onPage);
      resolve();
    };
    const onPage = () => document.visibilityState === "visible" && shown();
    document.addEventListener("visibilitychange", onPage);
    try {
      void Office.addin?.onVisibilityModeChanged?.((args: { visibilityMode: string }) => {
        if (args.visibilityMode === "Taskpane") shown();
      });
    } catch {
      // no Office.addin (no shared runtime): the page's own visibility decides
    }
  });
}

export async function start(): Promise<() => void> {
  registerFunctions();
  await Office.onReady();
  registerFunctions();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("../commands/commands") as typeof import("../commands/commands")).registerCommands();
  const look = officeLook(Office.context);
  await whenPaneShown();
  const root = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
  return mountTaskpane(root, createExcelHost({ language: look.language }), look);
}

if (typeof Office !== "undefined" && typeof document !== "undefined") {
  void start();
}
