/**
 * The 加载项's ribbon callbacks, named in addin/ribbon.xml as ribbon.OnAddinLoad / ribbon.OnAction /
 * ribbon.GetImage (WPS calls them by those global names, CustomUI-style). The 科创评分 button opens
 * the task pane — created once and remembered in PluginStorage by its ID, so a second click shows or
 * hides the same pane instead of opening another.
 */
import type { WpsGlobal, WpsTaskPane } from "./et";
import { registerWpsFunctions } from "./functions";

export const PANE_BUTTON = "kjscoreOpenPane";
const PANE_ID_KEY = "kjscore.taskpaneId";
/** msoCTPDockPositionRight, when wps.Enum does not name it */
const DOCK_RIGHT = 2;

export interface Ribbon {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: { Id?: string; id?: string }): boolean;
  GetImage(control: { Id?: string; id?: string }): string;
}

/** `base`: the 加载项 folder's URL ("…/kjscore_0.1.0/"), from the index page's location. */
export function createRibbon(wps: WpsGlobal, base: string): Ribbon {
  const pane = (): WpsTaskPane | null => {
    const id = wps.PluginStorage?.getItem(PANE_ID_KEY);
    return id ? (wps.GetTaskPane?.(Number(id)) ?? null) : null;
  };
  return {
    OnAddinLoad() {
      registerWpsFunctions(wps);
      return true;
    },
    OnAction(control) {
      if ((control.Id ?? control.id) !== PANE_BUTTON) return true;
      let p = pane();
      if (!p) {
        if (!wps.CreateTaskPane) return false;
        p = wps.CreateTaskPane(base + "taskpane.html", "科创评分");
        wps.PluginStorage?.setItem(PANE_ID_KEY, String(p.ID));
        p.DockPosition = wps.Enum?.msoCTPDockPositionRight ?? DOCK_RIGHT;
        p.Visible = true;
        return true;
      }
      p.Visible = !p.Visible;
      return true;
    },
    GetImage() {
      return "images/kjscore.png";
    },
  };
}

/** The folder URL of a page inside the 加载项 ("…/kjscore_0.1.0/index.html" → "…/kjscore_0.1.0/"). */
export function folderOf(href: string): string {
  const clean = href.split(/[?#]/)[0];
  return clean.slice(0, clean.lastIndexOf("/") + 1);
}
