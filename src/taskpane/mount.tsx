import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { PaneHost } from "../host/types";
import type { Language } from "./strings";
import { App } from "./App";

export interface MountOptions {
  language: Language;
  theme: "light" | "dark";
}

/** Render the task pane into `el`. Returns a function that unmounts it. */
export function mountTaskpane(el: HTMLElement, host: PaneHost, opts: MountOptions): () => void {
  const root = createRoot(el);
  root.render(
    <FluentProvider theme={opts.theme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100%" }}>
      <App host={host} language={opts.language} />
    </FluentProvider>,
  );
  return () => root.unmount();
}
