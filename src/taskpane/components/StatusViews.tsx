import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { Strings } from "../strings";
import { useShared } from "./styles";

const useStyles = makeStyles({
  center: { padding: `${tokens.spacingVerticalXXL} 0` },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  headers: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyBase, fontWeight: tokens.fontWeightSemibold, whiteSpace: "pre-wrap" },
});

export function LoadingView({ t }: { t: Strings }) {
  const s = useStyles();
  return (
    <div className={s.center}>
      <Spinner label={t.loading} labelPosition="below" />
    </div>
  );
}

export function NoTableView({
  t,
  lookedFor,
  busy,
  onInsertSample,
  onRetry,
}: {
  t: Strings;
  lookedFor: string[];
  busy: boolean;
  onInsertSample(): void;
  onRetry(): void;
}) {
  const s = useStyles();
  const c = useShared();
  return (
    <section aria-labelledby="kj-nt-h">
      <h2 id="kj-nt-h" className={c.h2}>
        {t.noTableTitle}
      </h2>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t.noTableBody}</MessageBarBody>
      </MessageBar>
      {lookedFor.length > 0 ? (
        <>
          <h3 className={c.h3}>{t.lookedForHeading}</h3>
          <ul className={s.headers} data-testid="looked-for">
            {lookedFor.map((h) => (
              <li key={h}>
                <span className={s.code}>{h}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className={s.actions}>
        <Button appearance="primary" disabled={busy} onClick={onInsertSample}>
          {busy ? t.insertingSample : t.insertSample}
        </Button>
        <Button disabled={busy} onClick={onRetry}>
          {t.retry}
        </Button>
      </div>
    </section>
  );
}

export function ErrorView({ t, message, onRetry }: { t: Strings; message: string; onRetry(): void }) {
  const s = useStyles();
  return (
    <section>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
      <div className={s.actions}>
        <Button appearance="primary" onClick={onRetry}>
          {t.retry}
        </Button>
      </div>
    </section>
  );
}
