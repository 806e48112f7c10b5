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

export async function start(): Promise<() => void> {
  registerFunctions();
  await Office.onReady();
  registerFunctions();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("../commands/commands") as typeof import("../commands/commands")).registerCommands();
  const look = officeLook(Office.context);
  const root = document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
  return mountTaskpane(root, createExcelHost({ language: look.language }), look);
}

if (typeof Office !== "undefined" && typeof document !== "undefined") {
  void start();
}
