/** @jest-environment jsdom */
/**
 * The pane's 升级分析 and 按责任单位 views (lazy chunks) and 打印报告 on 总览, over the seed's plan,
 * as a user sees them.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { LoadResult, PaneHost } from "../host/types";
import { computePlan } from "../model";
import { seedWorkbookData } from "../sample/workbook-data";
import { App } from "./App";

function host(kind: "excel" | "file" = "excel"): PaneHost {
  const result: LoadResult = { ok: true, plan: computePlan(seedWorkbookData()), source: "霸州市.xlsx" };
  return {
    kind,
    load: async () => result,
    apply: async () => ({ written: 0, highlighted: 0 }),
    canUndo: () => false,
    undo: async () => undefined,
    clearHighlights: async () => undefined,
    selectCell: async () => undefined,
    insertSample: async () => undefined,
    ...(kind === "file" ? { download: async () => undefined } : {}),
  } as unknown as PaneHost;
}

function renderPane(h: PaneHost, language: "zh" | "en" = "zh") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={h} language={language} />
    </FluentProvider>,
  );
}

afterEach(() => jest.restoreAllMocks());

test("升级分析 shows the 2020 gap to A, each indicator's headroom and values, and the suggestion that reaches A", async () => {
  renderPane(host());
  fireEvent.click(await screen.findByRole("tab", { name: "升级分析" }));
  expect(await screen.findByRole("heading", { level: 2, name: "升级分析" })).toBeTruthy();
  expect(screen.getByText(/73\.97 分，B级，距A级差 6\.03 分/)).toBeTruthy();
  const spending = screen.getByTestId("upgrade-row-3");
  expect(spending.textContent).toContain("3.39 / 5 分");
  expect(spending.textContent).toContain("还可增 1.61 分");
  expect(spending.textContent).toContain("得 4 分需 4980万元");
  expect(spending.textContent).toContain("较现值 +2491万元（+100.08%）");
  expect(spending.textContent).toContain("满分需 9975万元");
  expect(screen.getByTestId("upgrade-row-10").textContent).toContain("省级重点实验室每家1分 × 1");
  expect(screen.getByTestId("upgrade-row-19").textContent).toContain("评估打分，无需数值");
  expect(screen.getByTestId("suggestion-total").textContent).toBe("按建议，2020年合计 80.06 分（A级）");
  expect(screen.getByTestId("step-10").textContent).toContain("新增 省级重点实验室2家");
  // the latest actual year is one press away
  fireEvent.click(screen.getByRole("button", { name: "2018年实际" }));
  expect(screen.getByText(/52\.64 分，C级，距B级差 7\.36 分/)).toBeTruthy();
  expect(screen.getByTestId("suggestion-total").textContent).toBe("按建议，2018年合计 60.09 分（B级）");
});

test("按责任单位 lists each department's indicators, scores, values needed and flags", async () => {
  renderPane(host());
  fireEvent.click(await screen.findByRole("tab", { name: "按责任单位" }));
  const finance = await screen.findByTestId("dept-市财政局");
  expect(within(finance).getByRole("heading", { level: 3 }).textContent).toBe("市财政局 2 项指标，2 条提示");
  expect(finance.textContent).toContain("2018年 3.37 分 → 2020年目标 3.39 分");
  expect(finance.textContent).toContain("需要 2540万元");
  expect(finance.textContent).toContain("K3：目标值未填写");
  const agri = screen.getByTestId("dept-农业农村局");
  expect(agri.textContent).toContain("农业产业化经营率（%）");
  expect(agri.textContent).toContain("与 市统计局 共同负责");
});

test("in English the analysis views speak English", async () => {
  renderPane(host(), "en");
  fireEvent.click(await screen.findByRole("tab", { name: "Next grade" }));
  expect(await screen.findByText(/73\.97 points, grade B, 6\.03 short of A/)).toBeTruthy();
});

test("打印报告 on 总览 renders the one-page report outside the pane and prints it", async () => {
  const print = jest.spyOn(window, "print").mockImplementation(() => undefined);
  renderPane(host());
  fireEvent.click(await screen.findByRole("button", { name: "打印报告" }));
  await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
  const report = document.body.querySelector<HTMLElement>(":scope > .kj-print-report")!;
  expect(report).toBeTruthy();
  expect(report.querySelector("h1")?.textContent).toBe("科技创新能力监测评价得分分析报告");
  expect(report.textContent).toContain("文件：霸州市.xlsx；工作表：分工表");
  expect(report.textContent).toContain("73.97");
  expect(report.textContent).toContain("K6");
  expect(report.textContent).toContain("8.75 → 8.77");
  expect(report.textContent).toContain("按建议，2020年合计 80.06 分（A级）");
  expect(report.textContent).toContain("市科技创新工作领导小组");
  expect(report.querySelector("svg.kj-chart")).toBeTruthy();
  // afterprint takes it away again
  window.dispatchEvent(new Event("afterprint"));
  await waitFor(() => expect(document.body.querySelector(".kj-print-report")).toBeNull());
});

test("图表存为 PNG is offered where the host can download (the page), not in Excel", async () => {
  renderPane(host("excel"));
  await screen.findByRole("button", { name: "打印报告" });
  expect(screen.queryByRole("button", { name: "图表存为 PNG" })).toBeNull();
});
