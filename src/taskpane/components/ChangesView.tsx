import * as React from "react";
import { Button, Checkbox, MessageBar, MessageBarActions, MessageBarBody, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Plan } from "../../model/types";
import { type Language, type Strings, pick } from "../strings";
import { fmtCell, fmtScore } from "../format";
import { useShared } from "./styles";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  write: {
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, alignItems: "baseline" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, minWidth: "3.5em" },
  before: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  after: { fontWeight: tokens.fontWeightSemibold },
  why: { overflowWrap: "anywhere" },
  portable: { marginTop: tokens.spacingVerticalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface ChangesActions {
  busy: boolean;
  canUndo: boolean;
  onApply(): void;
  onUndo(): void;
  onClear(): void;
  onDownload?: () => void;
  onMakePortable?: (convertValues: boolean) => void;
}

export function ChangesView({
  plan,
  t,
  language,
  actions,
}: {
  plan: Plan;
  t: Strings;
  language: Language;
  actions: ChangesActions;
}) {
  const s = useStyles();
  const c = useShared();
  const [convert, setConvert] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  const nothing = plan.writes.length === 0 && plan.highlights.length === 0;

  const portable = () => {
    if (!actions.onMakePortable) return;
    // Converting values changes what the user typed, so it asks once more.
    if (convert && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    actions.onMakePortable(convert);
  };

  return (
    <section aria-labelledby="kj-ch-h">
      <h2 id="kj-ch-h" className={c.h2}>
        {t.changesHeading}
      </h2>
      <p>{plan.writes.length === 0 ? t.noWrites : t.writesIntro(plan.writes.length, plan.highlights.length)}</p>
      {plan.writes.length > 0 ? (
        <ul className={c.list} aria-label={t.changesHeading}>
          {plan.writes.map((w) => (
            <li key={w.cell} className={s.write}>
              <div className={s.line}>
                <span className={s.cell}>{w.cell}</span>
                <span className={c.num}>
                  <span className={s.before}>{fmtCell(w.before, t.emptyCell)}</span>
                  {" → "}
                  <span className={s.after}>{fmtScore(w.after)}</span>
                </span>
              </div>
              <div className={mergeClasses(s.why, c.muted)}>
                {pick(language, w.reason, w.reasonEn)}
                {w.keepsFormula ? `（${t.keepsFormula(w.keepsFormula)}）` : ""}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={s.actions}>
        <Button appearance="primary" disabled={actions.busy || nothing} onClick={actions.onApply}>
          {t.apply}
        </Button>
        <Button disabled={actions.busy || !actions.canUndo} onClick={actions.onUndo}>
          {t.undo}
        </Button>
        <Button disabled={actions.busy} onClick={actions.onClear}>
          {t.clearHighlights}
        </Button>
        {actions.onDownload ? (
          <Button disabled={actions.busy} onClick={actions.onDownload}>
            {t.download}
          </Button>
        ) : null}
      </div>
      {actions.onMakePortable ? (
        <div className={s.portable}>
          <Checkbox
            checked={convert}
            onChange={(_, d) => {
              setConvert(d.checked === true);
              setConfirming(false);
            }}
            label={t.portableConvertValues}
          />
          <div>
            <Button disabled={actions.busy} onClick={portable}>
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
                <Button onClick={() => setConfirming(false)}>{t.cancel}</Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
