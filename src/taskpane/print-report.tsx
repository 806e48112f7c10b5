/**
 * 打印报告: the 得分分析报告 is a lazy chunk, fetched after the first view is on screen, and mounted
 * only while printing — by the button, or by Ctrl-P (the browser's beforeprint event; the chunk is
 * already there then, so the report renders synchronously before the page is laid out for print).
 * In Excel the same window.print() prints the task pane's document, i.e. the report.
 */
import * as React from "react";
import { flushSync } from "react-dom";
import type { Plan } from "../model/types";
import type { Language, Strings } from "./strings";

type ReportModule = typeof import("./components/analysis/ReportView");
const loadReport = (): Promise<ReportModule> => import(/* webpackChunkName: "report" */ "./components/analysis/ReportView");

export function usePrintReport(plan: Plan | null, t: Strings, language: Language, source?: string) {
  const mod = React.useRef<ReportModule | null>(null);
  const [printing, setPrinting] = React.useState(false);
  const ready = plan !== null;

  // Fetched on the first sign of a user (a key — Ctrl of Ctrl-P —, a pointer) or 10 s after the first
  // view, never with it: the first view loads one script.
  React.useEffect(() => {
    if (!ready) return;
    const events = ["keydown", "pointerdown", "pointermove", "focusin"] as const;
    const fetchIt = () => {
      stop();
      if (!mod.current)
        void loadReport().then(
          (m) => (mod.current = m),
          () => undefined,
        );
    };
    const timer = window.setTimeout(fetchIt, 10_000);
    function stop() {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, fetchIt, true);
    }
    for (const e of events) window.addEventListener(e, fetchIt, { capture: true, passive: true });
    return stop;
  }, [ready]);

  React.useEffect(() => {
    const before = () => {
      if (mod.current && ready) flushSync(() => setPrinting(true));
    };
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, [ready]);

  const print = React.useCallback(async () => {
    mod.current ??= await loadReport();
    flushSync(() => setPrinting(true));
    window.print();
  }, []);

  const Report = mod.current?.default;
  const node = printing && plan && Report ? <Report plan={plan} t={t} language={language} source={source} /> : null;
  return { node, print, printing };
}
