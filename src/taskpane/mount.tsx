import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { LoadResult, PaneHost } from "../host/types";
import type { Language } from "./strings";
import { App } from "./App";

export interface MountOptions {
  language: Language;
  theme: "light" | "dark";
  /** The host's first load() result when the caller already has it: the pane starts there, without a loading view. */
  initial?: LoadResult;
}

/** Render the task pane into `el`. Returns a function that unmounts it. */
export function mountTaskpane(el: HTMLElement, host: PaneHost, opts: MountOptions): () => void {
  const root = createRoot(el);
  root.render(
    <FluentProvider theme={opts.theme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100%" }}>
      <App host={host} language={opts.language} initial={opts.initial} />
    </FluentProvider>,
  );
  return () => root.unmount();
}
