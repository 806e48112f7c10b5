import type { HighlightSeverity } from "./types";

/**
 * Fill colours for highlighted cells, shared by every host. Chosen to stay apart for
 * colour-blind readers (red/amber/blue/grey differ in lightness too), and each cell
 * also gets a note saying why, so colour is never the only signal.
 */
export const HIGHLIGHT_FILL: Record<HighlightSeverity, string> = {
  unreachable: "#F8B4B4",
  gap: "#FFD966",
  mismatch: "#9DC3E6",
  error: "#C9C9C9",
};

/** When one cell carries several highlights, the first of these in the list sets its colour. */
export const SEVERITY_RANK: readonly HighlightSeverity[] = ["unreachable", "mismatch", "error", "gap"];

/** Prefix every note the add-in writes starts with, so the add-in can tell its own notes from the user's. */
export const NOTE_PREFIX = "【科创评分】";
