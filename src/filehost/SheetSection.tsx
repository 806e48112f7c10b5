import * as React from "react";
import { createRoot } from "react-dom/client";
import type { SheetSnapshot } from "./sheet-grid";
import type { FileHostStrings } from "./strings";
import type { SheetPreviewProps } from "./SheetPreview";

/**
 * "查看工作表": a collapsed section under the pane. Closed, it is one button and costs the first
 * view nothing; the preview itself (./SheetPreview, its own chunk) is loaded and drawn only when
 * the section is opened — by the button or by host.selectCell (a click on a highlight).
 */

export interface SheetPreviewController {
  /** the workbook and plan the pane now shows (host option onSheet) */
  update(sheet: SheetSnapshot | null): void;
  /** open the preview, select `address`, scroll it into view, focus it; resolves when done (host option revealCell) */
  reveal(address: string): Promise<void>;
}

type PreviewModule = { SheetPreview: React.ComponentType<SheetPreviewProps> };

interface State {
  open: boolean;
  sheet: SheetSnapshot | null;
  /** the selected cell (outlined) */
  selected: string | null;
  /** a selection waiting to be scrolled into view and focused */
  pending: number | null;
}

export interface SheetSectionOptions {
  t: FileHostStrings;
  language: "zh" | "en";
  /** loads ./SheetPreview (default: a dynamic import, its own chunk in the page) */
  loadPreview?: () => Promise<PreviewModule>;
  /** longest wait for the preview to show a selected cell before selectCell gives up waiting (ms) */
  revealTimeoutMs?: number;
}

export function mountSheetSection(el: HTMLElement, opts: SheetSectionOptions): SheetPreviewController & { unmount(): void } {
  const loadPreview = opts.loadPreview ?? (() => import(/* webpackChunkName: "sheet" */ "./SheetPreview"));
  let state: State = { open: false, sheet: null, selected: null, pending: null };
  const listeners = new Set<() => void>();
  const set = (next: Partial<State>) => {
    state = { ...state, ...next };
    for (const l of [...listeners]) l();
  };
  const store = {
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    get: () => state,
  };
  let seq = 0;
  const waiting = new Map<number, () => void>();
  const revealed = (done: number) => {
    if (state.pending !== null && state.pending <= done) set({ pending: null });
    for (const [n, resolve] of [...waiting]) {
      if (n <= done) {
        waiting.delete(n);
        resolve();
      }
    }
  };
  /** where focus was before a selection moved it into the preview ("返回列表" goes back there) */
  let returnTo: HTMLElement | null = null;
  const back = () => {
    const target = returnTo;
    if (!target || !target.isConnected) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView?.({ block: "center" });
  };

  const root = createRoot(el);
  root.render(
    <SheetSection
      store={store}
      t={opts.t}
      language={opts.language}
      loadPreview={loadPreview}
      onRevealed={revealed}
      onBack={back}
      hasBack={() => returnTo?.isConnected === true}
      onToggle={(open) => set({ open })}
    />,
  );

  return {
    update(sheet) {
      // another workbook: the old selection means nothing in it
      const same = state.sheet !== null && sheet !== null && state.sheet.name === sheet.name && state.sheet.plan.sheet === sheet.plan.sheet;
      set({ sheet, selected: same ? state.selected : null, pending: same ? state.pending : null });
    },
    reveal(address) {
      const active = document.activeElement as HTMLElement | null;
      if (active && active !== document.body && !el.contains(active)) returnTo = active;
      const n = ++seq;
      const done = new Promise<void>((resolve) => {
        waiting.set(n, resolve);
        // never keep the pane busy on a preview that cannot draw (its chunk failed to load, say)
        setTimeout(() => revealed(n), opts.revealTimeoutMs ?? 5000);
      });
      set({ open: true, selected: address, pending: n });
      return done;
    },
    unmount: () => root.unmount(),
  };
}

function SheetSection({
  store,
  t,
  language,
  loadPreview,
  onRevealed,
  onBack,
  hasBack,
  onToggle,
}: {
  store: { subscribe(l: () => void): () => void; get(): State };
  t: FileHostStrings;
  language: "zh" | "en";
  loadPreview: () => Promise<PreviewModule>;
  onRevealed(seq: number): void;
  onBack(): void;
  hasBack(): boolean;
  onToggle(open: boolean): void;
}) {
  const { open, sheet, selected, pending } = React.useSyncExternalStore(store.subscribe, store.get);
  const [Preview, setPreview] = React.useState<PreviewModule["SheetPreview"] | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    if (!open || Preview || failed) return;
    let live = true;
    loadPreview().then(
      (m) => live && setPreview(() => m.SheetPreview),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [open, Preview, failed, loadPreview]);
  React.useEffect(() => {
    if (failed && pending !== null) onRevealed(pending); // nothing to wait for
  }, [failed, pending, onRevealed]);

  if (!sheet) return null;
  return (
    <section className="fh-sheet" aria-labelledby="fh-sheet-h" data-testid="sheet-section">
      <h2 id="fh-sheet-h" className="fh-sheet-h">
        <button
          type="button"
          className="fh-sheet-toggle"
          aria-expanded={open}
          aria-controls="fh-sheet-panel"
          onClick={() => onToggle(!open)}
        >
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" className="fh-chevron">
            <path d="M4 2l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          <span>{t.viewSheet}</span>
          <span className="fh-sheet-name">{sheet.plan.sheet}</span>
        </button>
      </h2>
      <div id="fh-sheet-panel" hidden={!open}>
        {!open ? null : Preview ? (
          <Preview
            snapshot={sheet}
            t={t}
            language={language}
            selected={selected}
            revealSeq={pending}
            onRevealed={onRevealed}
            onBack={hasBack() ? onBack : null}
          />
        ) : (
          <p className="fh-sheet-help" role="status">
            {failed ? t.sheetFailed : t.loadingSheet}
          </p>
        )}
      </div>
    </section>
  );
}
