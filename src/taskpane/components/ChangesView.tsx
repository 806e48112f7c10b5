import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { CellWrite, Plan } from "../../model/types";
import { type Language, type Strings, pick } from "../strings";
import { fmtCell, fmtScore } from "../format";

export interface ChangesActions {
  busy: boolean;
  canUndo: boolean;
  /** what the last 应用 wrote (kept on screen after it), null before one or after 撤销 */
  written?: CellWrite[] | null;
  /** the file 下载 saves (the page names it next to the button) */
  downloadName?: string;
  onApply(): void;
  onUndo(): void;
  onClear(): void;
  onDownload?: () => void;
  onMakePortable?: (convertValues: boolean) => void;
}

export function ChangesView({ plan, t, language, actions }: { plan: Plan; t: Strings; language: Language; actions: ChangesActions }) {
  const checkId = React.useId();
  const [convert, setConvert] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  const makeButton = React.useRef<HTMLButtonElement>(null);
  const downloadHint = React.useId();
  // nothing left: no score to write, and the highlights are in already (or there are none)
  const nothing = plan.writes.length === 0 && (plan.highlights.length === 0 || (actions.written ?? null) !== null);

  /** The question's buttons go away with it: focus returns to 生成分享版 instead of the page. */
  const closeQuestion = () => {
    setConfirming(false);
    makeButton.current?.focus();
  };

  const portable = () => {
    if (!actions.onMakePortable) return;
    // Converting values changes what the user typed, so it asks once more.
    if (convert && !confirming) {
      setConfirming(true);
      return;
    }
    closeQuestion();
    actions.onMakePortable(convert);
  };

  return (
    <section aria-labelledby="kj-ch-h">
      <h2 id="kj-ch-h" className="kj-h2">
        {t.changesHeading}
      </h2>
      <p>
        {plan.writes.length === 0
          ? nothing && actions.written
            ? t.nothingLeft
            : t.noWrites
          : t.writesIntro(plan.writes.length, plan.highlights.length)}
      </p>
      {plan.writes.length > 0 ? (
        <ul className="kj-list" aria-label={t.changesHeading}>
          {plan.writes.map((w) => (
            <li key={w.cell} className="kj-write">
              <WriteLine w={w} t={t} />
              <div className="kj-muted">
                {pick(language, w.reason, w.reasonEn)}
                {w.keepsFormula ? `（${t.keepsFormula(w.keepsFormula)}）` : ""}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {actions.written && actions.written.length > 0 ? (
        <>
          <h3 className="kj-h3">{t.writtenHeading}</h3>
          <ul className="kj-list" aria-label={t.writtenHeading} data-testid="written-list">
            {actions.written.map((w) => (
              <li key={w.cell} className="kj-write">
                <WriteLine w={w} t={t} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="kj-actions">
        {/* disabledFocusable, not disabled: a button that turns off under the keyboard keeps focus */}
        <Button appearance="primary" disabledFocusable={actions.busy || nothing} onClick={actions.onApply}>
          {t.apply}
        </Button>
        <Button disabledFocusable={actions.busy || !actions.canUndo} onClick={actions.onUndo}>
          {t.undo}
        </Button>
        <Button disabledFocusable={actions.busy} onClick={actions.onClear}>
          {t.clearHighlights}
        </Button>
        {actions.onDownload ? (
          <Button
            disabledFocusable={actions.busy}
            onClick={actions.onDownload}
            aria-describedby={actions.downloadName ? downloadHint : undefined}
          >
            {t.download}
          </Button>
        ) : null}
      </div>
      {actions.onDownload && actions.downloadName ? (
        <p id={downloadHint} className="kj-muted" data-testid="download-name">
          {t.downloadsAs(actions.downloadName)}
        </p>
      ) : null}
      {actions.onMakePortable ? (
        <div className="kj-portable">
          {/* a native checkbox: Fluent's Checkbox would add ~5 KB gzip for the same behaviour */}
          <label className="kj-check" htmlFor={checkId}>
            <input
              id={checkId}
              type="checkbox"
              checked={convert}
              onChange={(e) => {
                setConvert(e.currentTarget.checked);
                setConfirming(false);
              }}
            />
            <span>{t.portableConvertValues}</span>
          </label>
          {!convert ? (
            <p className="kj-muted" data-testid="portable-fixed">
              {t.portableFixedScores}
            </p>
          ) : null}
          <div>
            <Button ref={makeButton} disabledFocusable={actions.busy} onClick={portable}>
              {t.makePortable}
            </Button>
          </div>
          {confirming ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.portableConvertWarning}</MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" onClick={portable}>
                  {t.portableConfirm}
                </Button>
                <Button onClick={closeQuestion}>{t.cancel}</Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** One cell's "A1  old → new", as the list of what 应用 would write and of what it wrote show it. */
function WriteLine({ w, t }: { w: Pick<CellWrite, "cell" | "before" | "after">; t: Strings }) {
  return (
    <div className="kj-write-line">
      <span className="kj-cell">{w.cell}</span>
      <span className="kj-num">
        <span className="kj-before">{fmtCell(w.before, t.emptyCell)}</span>
        {" → "}
        <span className="kj-after">{fmtScore(w.after)}</span>
      </span>
    </div>
  );
}
