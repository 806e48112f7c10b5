import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LoadResult, PaneHost } from "../host/types";
import type { Plan } from "../model/types";
import { STRINGS, type Language } from "./strings";
import { ChangesView } from "./components/ChangesView";
import { HighlightsView } from "./components/HighlightsView";
import { IndicatorsView } from "./components/IndicatorsView";
import { SummaryView } from "./components/SummaryView";
import { ErrorView, LoadingView, NoTableView } from "./components/StatusViews";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minWidth: "280px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: "anywhere",
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  tabs: { marginTop: tokens.spacingVerticalS, flexWrap: "wrap" },
  notice: { marginTop: tokens.spacingVerticalS },
});

type View = "summary" | "highlights" | "changes" | "indicators";

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

export function App({ host, language }: { host: PaneHost; language: Language }) {
  const t = STRINGS[language];
  const s = useStyles();
  const [state, setState] = React.useState<State>({ phase: "loading" });
  const [refreshing, setRefreshing] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [view, setView] = React.useState<View>("summary");
  // Only the newest load may set state: a slow earlier load must not overwrite a later one.
  const loadSeq = React.useRef(0);
  const mounted = React.useRef(true);

  const load = React.useCallback(
    async (silent: boolean) => {
      const seq = ++loadSeq.current;
      if (silent) setRefreshing(true);
      else setState({ phase: "loading" });
      let result: LoadResult;
      try {
        result = await host.load();
      } catch (e) {
        result = { ok: false, reason: "error", message: messageOf(e) };
      }
      if (!mounted.current || seq !== loadSeq.current) return;
      setRefreshing(false);
      if (result.ok) setState({ phase: "ready", plan: result.plan, source: result.source });
      else if (result.reason === "no-table")
        setState({ phase: "no-table", message: result.message, lookedFor: result.lookedFor });
      else setState({ phase: "error", message: result.message });
    },
    [host],
  );

  React.useEffect(() => {
    mounted.current = true;
    void load(false);
    const unsubscribe = host.subscribe?.(() => void load(true));
    return () => {
      mounted.current = false;
      unsubscribe?.();
    };
  }, [host, load]);

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

  const plan = state.phase === "ready" ? state.plan : null;

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
      />
    );
  } else if (state.phase === "error") {
    body = <ErrorView t={t} message={state.message} onRetry={() => void load(false)} />;
  } else {
    const p = state.plan;
    const flagCount = p.indicators.reduce((n, ind) => n + ind.flags.length, 0);
    body = (
      <>
        <TabList
          className={s.tabs}
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as View)}
          aria-label={t.tabsLabel}
          size="small"
        >
          <Tab value="summary" id="kj-tab-summary">
            {t.tabSummary}
          </Tab>
          <Tab value="highlights" id="kj-tab-highlights">
            {t.tabHighlights(flagCount)}
          </Tab>
          <Tab value="changes" id="kj-tab-changes">
            {t.tabChanges(p.writes.length)}
          </Tab>
          <Tab value="indicators" id="kj-tab-indicators">
            {t.tabIndicators}
          </Tab>
        </TabList>
        <div role="tabpanel" aria-labelledby={`kj-tab-${view}`}>
          {view === "summary" ? <SummaryView plan={p} t={t} /> : null}
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
                onApply: () =>
                  run(async () => {
                    const r = await host.apply(p);
                    return { intent: "success", text: t.applied(r.written, r.highlighted) };
                  }, true),
                onUndo: () =>
                  run(async () => {
                    await host.undo();
                    return { intent: "success", text: t.undone };
                  }, true),
                onClear: () =>
                  run(async () => {
                    await host.clearHighlights();
                    return { intent: "success", text: t.cleared };
                  }, false),
                onDownload: host.download
                  ? () =>
                      run(async () => {
                        await host.download!();
                        return null;
                      }, false)
                  : undefined,
                onMakePortable: host.makePortable
                  ? (convertValues) =>
                      run(async () => {
                        await host.makePortable!({ convertValues });
                        return { intent: "success", text: t.portableDone };
                      }, true)
                  : undefined,
              }}
            />
          ) : null}
          {view === "indicators" ? <IndicatorsView plan={p} t={t} /> : null}
        </div>
      </>
    );
  }

  return (
    <div className={s.root} lang={language === "zh" ? "zh-CN" : "en"}>
      <header className={s.header}>
        <h1 className={s.h1}>{t.appTitle}</h1>
        {plan ? (
          <span className={s.source}>
            {state.phase === "ready" && state.source ? `${t.source(state.source)} · ` : ""}
            {plan.sheet}
          </span>
        ) : null}
        {refreshing ? <Spinner size="extra-tiny" aria-label={t.reloading} /> : null}
      </header>
      <div role="status" aria-live="polite" className={s.notice}>
        {notice ? (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" aria-label={t.dismiss} onClick={() => setNotice(null)}>
                  ✕
                </Button>
              }
            />
          </MessageBar>
        ) : null}
      </div>
      {body}
    </div>
  );
}
