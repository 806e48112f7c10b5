import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Spinner } from "./Spinner";
import type { Strings } from "../strings";

export function LoadingView({ t }: { t: Strings }) {
  return (
    <div className="kj-center">
      <Spinner label={t.loading} />
    </div>
  );
}

export function NoTableView({
  t,
  lookedFor,
  busy,
  onInsertSample,
  onRetry,
  sampleNote,
}: {
  t: Strings;
  lookedFor: string[];
  busy: boolean;
  onInsertSample(): void;
  onRetry(): void;
  /** said before the button (Excel: inserting clears the undo stack) */
  sampleNote?: string;
}) {
  return (
    <section aria-labelledby="kj-nt-h">
      <h2 id="kj-nt-h" className="kj-h2">
        {t.noTableTitle}
      </h2>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t.noTableBody}</MessageBarBody>
      </MessageBar>
      {lookedFor.length > 0 ? (
        <>
          <h3 className="kj-h3">{t.lookedForHeading}</h3>
          <ul className="kj-looked" data-testid="looked-for">
            {lookedFor.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </>
      ) : null}
      {sampleNote ? (
        <p className="kj-muted" data-testid="sample-note">
          {sampleNote}
        </p>
      ) : null}
      <div className="kj-actions">
        <Button appearance="primary" disabledFocusable={busy} onClick={onInsertSample}>
          {busy ? t.insertingSample : t.insertSample}
        </Button>
        <Button disabledFocusable={busy} onClick={onRetry}>
          {t.retry}
        </Button>
      </div>
    </section>
  );
}

export function ErrorView({ t, message, onRetry }: { t: Strings; message: string; onRetry(): void }) {
  return (
    <section>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
      <div className="kj-actions">
        <Button appearance="primary" onClick={onRetry}>
          {t.retry}
        </Button>
      </div>
    </section>
  );
}
