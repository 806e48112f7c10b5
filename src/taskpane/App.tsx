import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { LoadResult, PaneHost, SheetChange } from "../host/types";
import type { CellWrite, Plan, TableChoice, TableInfo } from "../model/types";
import { noticeOf } from "../model/table-notice";
import { problemCount } from "./format";
import { STRINGS, type Language } from "./strings";
import { PANE_CSS } from "./css";
import { ChangesView } from "./components/ChangesView";
import { HighlightsView } from "./components/HighlightsView";
import { IndicatorsView } from "./components/IndicatorsView";
import { SummaryView } from "./components/SummaryView";
import { ErrorView, LoadingView, NoTableView } from "./components/StatusViews";
import { Spinner } from "./components/Spinner";
import { Tabs } from "./components/Tabs";
import { TablePicker } from "./components/TablePicker";
import { usePrintReport } from "./print-report";

type View = "summary" | "highlights" | "changes" | "indicators" | "upgrade" | "departments";

// the analysis views load when first opened: the pane's first view stays within its budget
const UpgradeView = React.lazy(() => import(/* webpackChunkName: "upgrade" */ "./components/analysis/UpgradeView"));
const DepartmentsView = React.lazy(() => import(/* webpackChunkName: "departments" */ "./components/analysis/DepartmentsView"));
const savePng = (svg: SVGSVGElement, name: string) =>
  import(/* webpackChunkName: "png" */ "./components/analysis/png").then((m) => m.saveSvgAsPng(svg, name));

type State =
  | { phase: "loading" }
  | { phase: "ready"; plan: Plan; source?: string }
  | { phase: "no-table"; message: string; lookedFor: string[] }
  | { phase: "error"; message: string };

interface Notice {
  intent: "success" | "error" | "info";
  text: string;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function stateOf(result: LoadResult): State {
  if (result.ok) return { phase: "ready", plan: result.plan, source: result.source };
  if (result.reason === "no-table") return { phase: "no-table", message: result.message, lookedFor: result.lookedFor };
  return { phase: "error", message: result.message };
}

/**
 * A plan listing one table after the user picked one of several (a host that reads only the bound
 * sheet, as Excel does) gets the tables last seen with it, so the picker still offers the others.
 */
function withSeenTables(
  result: LoadResult,
  picked: boolean,
  seen: { current: { source?: string; tables: TableInfo[] } | null },
): LoadResult {
  if (!result.ok) return result;
  const { plan } = result;
  const tables = plan.tables ?? [];
  if (tables.length > 1) {
    seen.current = { source: result.source, tables };
    return result;
  }
  const last = seen.current;
  const mine = tables[plan.bound ?? 0];
  if (!picked || !last || last.source !== result.source || !mine) return result;
  const bound = last.tables.findIndex((t) => t.sheet === mine.sheet && t.row === mine.row);
  if (bound < 0) return result;
  return { ...result, plan: { ...plan, tables: last.tables, bound, tableNotice: noticeOf(last.tables, bound) } };
}

export function App({ host, language, initial }: { host: PaneHost; language: Language; initial?: LoadResult }) {
  const t = STRINGS[language];
  // A host that already has its first result (the browser page's sample) skips the loading view.
  const [state, setState] = React.useState<State>(() => (initial ? stateOf(initial) : { phase: "loading" }));
  const skipFirstLoad = React.useRef(initial !== undefined);
  const [refreshing, setRefreshing] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [view, setView] = React.useState<View>("summary");
  // what the last 应用 wrote: stays listed under 变更 until 撤销, 清除标记 or another workbook
  const [written, setWritten] = React.useState<CellWrite[] | null>(null);
  // Live mode (opt-in, in Excel, where the user edits the sheet itself): after an edit the new
  // plan is written at once instead of waiting for 应用. The host ignores its own writes.
  const [live, setLive] = React.useState(false);
  const liveRef = React.useRef(false);
  liveRef.current = live;
  // Only the newest load may set state: a slow earlier load must not overwrite a later one.
  const loadSeq = React.useRef(0);
  const mounted = React.useRef(true);
  // The 分工表 the user picked when the workbook has several; every load asks for it again.
  // Another workbook (another source) forgets it.
  const picked = React.useRef<{ choice: TableChoice; source?: string } | null>(null);
  // The tables last seen together. A host that reads only the bound sheet after a pick (Excel:
  // one sync per load) lists one table then; the picker keeps offering the others.
  const seenTables = React.useRef<{ source?: string; tables: TableInfo[] } | null>(null);
  const report = usePrintReport(
    state.phase === "ready" ? state.plan : null,
    t,
    language,
    state.phase === "ready" ? state.source : undefined,
  );

  const load = React.useCallback(
    async (silent: boolean): Promise<LoadResult | null> => {
      const seq = ++loadSeq.current;
      if (silent) setRefreshing(true);
      else setState({ phase: "loading" });
      let result: LoadResult;
      try {
        result = await host.load(picked.current?.choice);
        if (picked.current && result.ok && result.source !== picked.current.source) {
          picked.current = null;
          result = await host.load();
        }
      } catch (e) {
        result = { ok: false, reason: "error", message: messageOf(e) };
      }
      if (!mounted.current || seq !== loadSeq.current) return null;
      result = withSeenTables(result, picked.current !== null, seenTables);
      setRefreshing(false);
      setState(stateOf(result));
      return result;
    },
    [host],
  );

  /** A sheet edit: re-read; in live mode also write what changed, then show the settled plan. */
  const onSheetChanged = React.useCallback(
    async (change?: SheetChange) => {
      setWritten(null);
      const result = await load(true);
      // A coauthor's edit: refresh only. Two clients in live mode writing for each other would fight.
      if (change?.remote) {
        if (liveRef.current && mounted.current) setNotice({ intent: "info", text: t.remoteRefreshed });
        return;
      }
      if (!liveRef.current || !result?.ok || result.plan.writes.length === 0) return;
      try {
        const r = await host.apply(result.plan);
        if (mounted.current) setNotice({ intent: "info", text: t.liveApplied(r.written) });
        await load(true);
      } catch (e) {
        if (mounted.current) setNotice({ intent: "error", text: t.actionFailed(messageOf(e)) });
      }
    },
    [host, load, t],
  );

  React.useEffect(() => {
    mounted.current = true;
    if (skipFirstLoad.current) skipFirstLoad.current = false;
    else void load(false);
    // The host debounces the sheet's change events.
    const unsubscribe = host.subscribe?.((change) => void onSheetChanged(change));
    return () => {
      mounted.current = false;
      unsubscribe?.();
    };
  }, [host, load, onSheetChanged]);

  /** Run one host action with the buttons disabled; report failure instead of throwing. */
  const run = async (action: () => Promise<Notice | null>, reload: boolean) => {
    setBusy(true);
    setNotice(null);
    try {
      const n = await action();
      if (mounted.current) setNotice(n);
      if (reload) await load(true);
    } catch (e) {
      if (mounted.current) setNotice({ intent: "error", text: t.actionFailed(messageOf(e)) });
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  let body: React.ReactNode;
  if (state.phase === "loading") {
    body = <LoadingView t={t} />;
  } else if (state.phase === "no-table") {
    body = (
      <NoTableView
        t={t}
        lookedFor={state.lookedFor}
        busy={busy}
        onInsertSample={() =>
          run(async () => {
            await host.insertSample();
            return null;
          }, true)
        }
        onRetry={() => void load(false)}
        sampleNote={host.kind === "excel" ? t.insertSampleClearsUndo : undefined}
      />
    );
  } else if (state.phase === "error") {
    body = <ErrorView t={t} message={state.message} onRetry={() => void load(false)} />;
  } else {
    const p = state.plan;
    const flagCount = problemCount(p);
    body = (
      <Tabs<View>
        label={t.tabsLabel}
        selected={view}
        onSelect={setView}
        items={[
          { value: "summary", label: t.tabSummary },
          { value: "highlights", label: t.tabHighlights(flagCount) },
          { value: "changes", label: t.tabChanges(p.writes.length) },
          { value: "indicators", label: t.tabIndicators },
          { value: "upgrade", label: t.tabUpgrade },
          { value: "departments", label: t.tabDepartments },
        ]}
      >
        {view === "summary" ? (
          <SummaryView
            plan={p}
            t={t}
            onPrint={() => run(async () => (await report.print(), null), false)}
            onSavePng={host.download ? (svg, name) => run(async () => (await savePng(svg, name), null), false) : undefined}
          />
        ) : null}
        {view === "highlights" ? (
          <HighlightsView
            plan={p}
            t={t}
            language={language}
            onSelect={(cell) =>
              run(async () => {
                await host.selectCell(cell);
                return null;
              }, false)
            }
          />
        ) : null}
        {view === "changes" ? (
          <ChangesView
            plan={p}
            t={t}
            language={language}
            actions={{
              busy,
              canUndo: host.canUndo(),
              written,
              downloadName: host.downloadName?.("download"),
              onApply: () =>
                run(async () => {
                  const r = await host.apply(p);
                  setWritten(p.writes);
                  const text =
                    t.applied(r.written, r.highlighted) +
                    (r.notesSkipped ? t.notesSkipped : "") +
                    (r.notesKept ? t.notesKept(r.notesKept) : "");
                  return { intent: "success", text };
                }, true),
              onUndo: () =>
                run(async () => {
                  const r = await host.undo();
                  setWritten(null);
                  const left = r?.leftAlone?.length ? t.undoLeftAlone(r.leftAlone) : "";
                  const grad = r?.gradients?.length ? t.undoGradients(r.gradients) : "";
                  return { intent: left || grad ? "info" : "success", text: t.undone + left + grad };
                }, true),
              onClear: () =>
                run(async () => {
                  await host.clearHighlights();
                  setWritten(null);
                  return { intent: "success", text: t.cleared };
                }, false),
              onDownload: host.download
                ? () =>
                    run(async () => {
                      await host.download!();
                      const name = host.downloadName?.("download");
                      return name ? { intent: "success", text: t.downloaded(name) } : null;
                    }, false)
                : undefined,
              onMakePortable: host.makePortable
                ? (convertValues) =>
                    run(async () => {
                      await host.makePortable!({ convertValues });
                      return { intent: "success", text: host.kind === "excel" ? t.portableDoneInPlace : t.portableDone };
                    }, true)
                : undefined,
            }}
          />
        ) : null}
        {view === "indicators" ? <IndicatorsView plan={p} t={t} language={language} /> : null}
        {view === "upgrade" || view === "departments" ? (
          <React.Suspense fallback={<Spinner size="extra-tiny" label={t.loading} />}>
            {view === "upgrade" ? (
              <UpgradeView plan={p} t={t} language={language} />
            ) : (
              <DepartmentsView plan={p} t={t} language={language} />
            )}
          </React.Suspense>
        ) : null}
      </Tabs>
    );
  }

  return (
    <div className="kj-root" lang={language === "zh" ? "zh-CN" : "en"}>
      <style>{PANE_CSS}</style>
      <header className="kj-header">
        <h1 className="kj-h1">{t.appTitle}</h1>
        {state.phase === "ready" ? (
          <span className="kj-muted">
            {state.source ? `${t.source(state.source)} · ` : ""}
            {state.plan.sheet}
          </span>
        ) : null}
        {refreshing ? <Spinner size="extra-tiny" aria-label={t.reloading} /> : null}
      </header>
      {host.kind === "excel" && host.subscribe && state.phase === "ready" ? (
        <label className="kj-live">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.currentTarget.checked)} />
          <span>
            {t.liveMode}
            <span className="kj-muted"> {t.liveModeHint}</span>
          </span>
        </label>
      ) : null}
      <div role="status" aria-live="polite" className="kj-notice">
        {notice ? (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={() => setNotice(null)}>
                  ✕
                </Button>
              }
            />
          </MessageBar>
        ) : null}
      </div>
      {state.phase === "ready" ? (
        <TablePicker
          plan={state.plan}
          t={t}
          language={language}
          busy={busy || refreshing}
          onPick={(table) => {
            picked.current = { choice: { sheet: table.sheet, row: table.row }, source: state.source };
            void load(true);
          }}
        />
      ) : null}
      {body}
      {report.node}
    </div>
  );
}
