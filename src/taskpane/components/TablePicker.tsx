import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { describeTable } from "../../model/table-notice";
import type { Plan, TableInfo } from "../../model/types";
import type { Language, Strings } from "../strings";

/**
 * When the workbook holds several 分工表 (a second sheet, a 2021 table under the 2020 one): says
 * which one the pane scores and which others exist, and lets the user pick another.
 */
export function TablePicker({
  plan,
  t,
  language,
  busy,
  onPick,
}: {
  plan: Plan;
  t: Strings;
  language: Language;
  busy: boolean;
  onPick: (table: TableInfo) => void;
}) {
  const tables = plan.tables ?? [];
  const id = React.useId();
  if (tables.length < 2 || !plan.tableNotice) return null;
  const bound = plan.bound ?? 0;
  return (
    <MessageBar intent="warning" layout="multiline" className="kj-tables" data-testid="tables-notice">
      <MessageBarBody>
        <MessageBarTitle>{t.tablesTitle(tables.length)}</MessageBarTitle>
        <div>{language === "zh" ? plan.tableNotice.message : plan.tableNotice.messageEn}</div>
        {/* a native select: Fluent's Select and Field would add ~10 KB gzip to the pane's initial JS */}
        <label className="kj-tables-pick" htmlFor={id}>
          <span>{t.tablePick}</span>
          <select id={id} value={String(bound)} disabled={busy} onChange={(e) => onPick(tables[Number(e.currentTarget.value)])}>
            {tables.map((table, i) => (
              <option key={`${table.sheet}!${table.row}`} value={String(i)}>
                {describeTable(table, language)}
              </option>
            ))}
          </select>
        </label>
      </MessageBarBody>
    </MessageBar>
  );
}
