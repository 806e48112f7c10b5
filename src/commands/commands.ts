/**
 * Ribbon commands. The manifest's only button (科创评分 › 评分面板) is a ShowTaskpane action, which
 * needs no code; this page exists for ExecuteFunction actions. In the shared runtime the
 * function file is the task pane page, so the task pane entry calls registerCommands() too.
 */

/** Action ids a manifest <Action xsi:type="ExecuteFunction"> may name. */
export const ACTIONS = { showTaskpane: "KJScore.ShowTaskpane" } as const;

async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

let registered = false;

/** Associates the ribbon actions with their handlers (once; needs Office.actions, SharedRuntime 1.1). */
export function registerCommands(): void {
  if (registered || typeof Office === "undefined" || !Office.actions) return;
  Office.actions.associate(ACTIONS.showTaskpane, showTaskpane);
  registered = true;
}

if (typeof Office !== "undefined") {
  Office.onReady(() => registerCommands());
}
