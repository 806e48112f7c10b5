/** @jest-environment jsdom */
/** The 指标 view shows how a value was written: "暂无" is no value yet, "约…" is scored as approximate. */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { PaneHost } from "../host/types";
import { computePlan } from "../model";
import { parseAddress } from "../model/sheet";
import { seedWorkbookData } from "../sample/workbook-data";
import { App } from "./App";

function planWith(values: Record<string, string>) {
  const wb = seedWorkbookData();
  const first = computePlan(wb);
  const ind = first.indicators.find((i) => i.name.startsWith("地方财政科技支出"))!;
  const sheet = wb.sheets.find((s) => s.name === first.sheet)!;
  ind.scores.forEach((sc) => {
    const v = values[sc.column];
    if (v === undefined) return;
    const { row, col } = parseAddress(sc.valueCell!)!;
    sheet.cells[row][col] = { v };
  });
  return { plan: computePlan(wb), row: ind.row };
}

function host(plan: ReturnType<typeof computePlan>): PaneHost {
  return {
    kind: "file",
    load: async () => ({ ok: true, plan }),
    apply: async () => ({ written: 0, highlighted: 0 }),
    canUndo: () => false,
    undo: async () => undefined,
    clearHighlights: async () => undefined,
    selectCell: async () => undefined,
    insertSample: async () => undefined,
  };
}

test.each([
  ["zh", "指标", ["2018年：“约2489万元”是约数，按 2489万元 计分", "2019年预测：数值填写为“暂无”，视为尚无数值，不计分"]],
  ["en", "Indicators", ["“约2489万元” is approximate; scored as 2489万元", "the value “暂无” means no value yet; not scored"]],
] as const)("in %s, the 指标 view says “约2489万元” is approximate and “暂无” is no value yet", async (language, tab, lines) => {
  const { plan, row } = planWith({ "2018": "约2489万元", "2019": "暂无" });
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host(plan)} language={language} />
    </FluentProvider>,
  );
  fireEvent.click(await screen.findByRole("tab", { name: tab }));
  const notes = await screen.findByTestId(`value-notes-${row}`);
  const items = [...notes.querySelectorAll("li")].map((li) => li.textContent);
  expect(items).toHaveLength(2);
  items.forEach((text, i) => expect(text).toContain(lines[i]));
});
