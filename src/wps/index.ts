/**
 * The 加载项's start page (index.html): WPS loads it when WPS 表格 starts. It publishes the ribbon
 * callbacks as the global `ribbon` and registers the custom functions where WPS supports them.
 */
import type { WpsGlobal } from "./et";
import { registerWpsFunctions } from "./functions";
import { createRibbon, folderOf } from "./ribbon";

const g = globalThis as unknown as { wps?: WpsGlobal; ribbon?: unknown; location?: { href: string } };
if (g.wps) {
  g.ribbon = createRibbon(g.wps, folderOf(g.location?.href ?? ""));
  registerWpsFunctions(g.wps);
}
