/** @jest-environment jsdom */
/**
 * The pane over a workbook with two 分工表 (test/fixtures/two-tables/two-sheets.xlsx, written by
 * openpyxl): a notice says which one is scored and which other was found, and its picker loads
 * the other through the host.
 */
import "../../test/helpers/jsdom-text-coding";
import * as React from "react";
import * as fs from "fs";
import * as path from "path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { LoadResult, PaneHost } from "../host/types";
import { computePlan } from "../model";
import type { TableChoice, WorkbookData } from "../model/types";
import { readWorkbook } from "../xlsx/read";
import { App } from "./App";

let wb: WorkbookData;
beforeAll(async () => {
  const bytes = fs.readFileSync(path.join(__dirname, "..", "..", "test", "fixtures", "two-tables", "two-sheets.xlsx"));
  wb = (await readWorkbook(new Uint8Array(bytes))).data;
});

/** A host over the workbook: load(choice) scores the chosen table, as the file host does. */
function hostOver(source = "两张表.xlsx") {
  const load = jest.fn(async (choice?: TableChoice): Promise<LoadResult> => ({ ok: true, plan: computePlan(wb, choice), source }));
  const host: PaneHost = {
    kind: "file",
    load,
    apply: jest.fn(async () => ({ written: 0, highlighted: 0 })),
    canUndo: () => false,
    undo: jest.fn(async () => undefined),
    clearHighlights: jest.fn(async () => undefined),
    selectCell: jest.fn(async () => undefined),
    insertSample: jest.fn(async () => undefined),
  };
  return { host, load };
}

function renderPane(host: PaneHost, language: "zh" | "en" = "zh") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} language={language} />
    </FluentProvider>,
  );
}

describe("a workbook with two 分工表 in the pane", () => {
  test("a notice says the first is scored and the 2021 sheet was found; picking it loads that table", async () => {
    const { host, load } = hostOver();
    renderPane(host);
    const notice = await screen.findByTestId("tables-notice");
    expect(notice.textContent).toContain("本工作簿有 2 张分工表");
    expect(notice.textContent).toContain("按工作表“分工表”第 2 行起（2019、2020，2 项指标）的表计算");
    expect(notice.textContent).toContain("另有：工作表“分工表2021”第 2 行起（2020、2021，3 项指标）");

    const picker = screen.getByLabelText("计算哪一张") as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      "工作表“分工表”第 2 行起（2019、2020，2 项指标）",
      "工作表“分工表2021”第 2 行起（2020、2021，3 项指标）",
    ]);
    expect(picker.value).toBe("0");

    fireEvent.change(picker, { target: { value: "1" } });
    await waitFor(() => expect(screen.getByTestId("tables-notice").textContent).toContain("按工作表“分工表2021”第 2 行起"));
    expect(load).toHaveBeenLastCalledWith({ sheet: "分工表2021", row: 2 });
    expect((screen.getByLabelText("计算哪一张") as HTMLSelectElement).value).toBe("1");
    // the 2021 table's years are what the pane now shows
    expect(await screen.findByTestId("total-2021")).toBeTruthy();
    expect(screen.queryByTestId("total-2019")).toBeNull();
  });

  test("in English the notice and the picker are English", async () => {
    const { host } = hostOver();
    renderPane(host, "en");
    const notice = await screen.findByTestId("tables-notice");
    expect(notice.textContent).toContain("This workbook has 2 tables");
    expect(notice.textContent).toContain("scored the one on sheet “分工表” from row 2");
    expect(screen.getByLabelText("Table to score")).toBeTruthy();
  });

  test("with one table there is no notice", async () => {
    const one: WorkbookData = { sheets: [wb.sheets.find((s) => s.name === "分工表")!] };
    const host: PaneHost = { ...hostOver().host, load: async () => ({ ok: true, plan: computePlan(one) }) };
    renderPane(host);
    await screen.findByTestId("total-2019");
    expect(screen.queryByTestId("tables-notice")).toBeNull();
  });
});

describe("a host that reads only the bound sheet after a pick (as the Excel host does)", () => {
  test("the picker still offers the other table, and picking it back works", async () => {
    // first load: both sheets read; after a pick: only the chosen sheet
    const load = jest.fn(async (choice?: TableChoice): Promise<LoadResult> => {
      const data = choice?.sheet ? { sheets: wb.sheets.filter((s) => s.name === choice.sheet) } : wb;
      return { ok: true, plan: computePlan(data, choice), source: "两张表.xlsx" };
    });
    const host: PaneHost = { ...hostOver().host, kind: "excel", load };
    renderPane(host);
    await screen.findByTestId("tables-notice");
    fireEvent.change(screen.getByLabelText("计算哪一张"), { target: { value: "1" } });
    await waitFor(() => expect(screen.getByTestId("tables-notice").textContent).toContain("按工作表“分工表2021”第 2 行起"));
    // the host's own plan now lists one table; the pane keeps both
    expect(((await load.mock.results[load.mock.results.length - 1].value) as { plan: { tables: unknown[] } }).plan.tables).toHaveLength(1);
    const picker = screen.getByLabelText("计算哪一张") as HTMLSelectElement;
    expect(picker.options).toHaveLength(2);
    expect(picker.value).toBe("1");
    fireEvent.change(picker, { target: { value: "0" } });
    await waitFor(() => expect(screen.getByTestId("tables-notice").textContent).toContain("按工作表“分工表”第 2 行起"));
    expect(load).toHaveBeenLastCalledWith({ sheet: "分工表", row: 2 });
  });
});
