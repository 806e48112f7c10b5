/**
 * 打印报告: the 得分分析报告 is a lazy chunk, fetched once the first view is on screen, and mounted
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

export function usePrintReport(plan: Plan | null, t: Strings, language: Language) {
  const mod = React.useRef<ReportModule | null>(null);
  const [printing, setPrinting] = React.useState(false);
  const ready = plan !== null;

  React.useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    const fetchIt = () => {
      if (!cancelled) void loadReport().then((m) => (mod.current = m), () => undefined);
    };
    const w = window as Window & { requestIdleCallback?: (cb: () => void) => number };
    const id = w.requestIdleCallback ? w.requestIdleCallback(fetchIt) : window.setTimeout(fetchIt, 1000);
    return () => {
      cancelled = true;
      if (!w.requestIdleCallback) window.clearTimeout(id);
    };
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
  const node = printing && plan && Report ? <Report plan={plan} t={t} language={language} /> : null;
  return { node, print, printing };
}
