/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ApplyResult, LoadResult, PaneHost, SheetChange, UndoResult } from "../host/types";
import type { Plan } from "../model/types";
import { computePlan } from "../model";
import { seedWorkbookData } from "../sample/workbook-data";
import { App } from "./App";
import { mountTaskpane } from "./mount";

/** The seed's plan, computed by the model from the seed laid out as the printed table. */
const seedPlan = (): Plan => computePlan(seedWorkbookData());

interface FakeHost extends PaneHost {
  load: jest.Mock<Promise<LoadResult>, []>;
  apply: jest.Mock<Promise<ApplyResult>, [Plan]>;
  undo: jest.Mock<Promise<UndoResult | void>, []>;
  clearHighlights: jest.Mock<Promise<void>, []>;
  selectCell: jest.Mock<Promise<void>, [string]>;
  insertSample: jest.Mock<Promise<void>, []>;
}

function fakeHost(results: LoadResult[], extra: Partial<PaneHost> = {}): FakeHost {
  let applied = false;
  let call = 0;
  const host = {
    kind: "excel" as const,
    // Each load returns the next result; the last one repeats.
    load: jest.fn(async () => results[Math.min(call++, results.length - 1)]),
    apply: jest.fn(async (_plan: Plan) => {
      applied = true;
      return { written: 5, highlighted: 9 };
    }),
    canUndo: () => applied,
    undo: jest.fn(async () => {
      applied = false;
    }),
    clearHighlights: jest.fn(async () => undefined),
    selectCell: jest.fn(async (_cell: string) => undefined),
    insertSample: jest.fn(async () => undefined),
    ...extra,
  };
  return host as unknown as FakeHost;
}

function renderPane(host: PaneHost, language: "zh" | "en" = "zh") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} language={language} />
    </FluentProvider>,
  );
}

const ok = (plan: Plan): LoadResult => ({ ok: true, plan, source: "霸州市.xlsx" });
const indicator = (plan: Plan, name: string) => {
  const ind = plan.indicators.find((i) => i.name.startsWith(name));
  if (!ind) throw new Error(`no indicator ${name}`);
  return ind;
};

describe("the task pane over the seed's 分工表", () => {
  test("shows a spinner while loading, then each year's total with its grade and the gap to the next", async () => {
    const host = fakeHost([ok(seedPlan())]);
    renderPane(host);
    expect(screen.getByText("正在读取分工表…")).toBeTruthy();

    const t2018 = await screen.findByTestId("total-2018");
    expect(t2018.textContent).toContain("52.64");
    expect(t2018.textContent).toContain("C级");
    expect(t2018.textContent).toContain("距B级还差 7.36 分");
    const t2019 = screen.getByTestId("total-2019");
    expect(t2019.textContent).toContain("61.33");
    expect(t2019.textContent).toContain("B级");
    const t2020 = screen.getByTestId("total-2020");
    expect(t2020.textContent).toContain("73.97");
    expect(t2020.textContent).toContain("B级");
    // the printed total (73.95) is stated, because the rule gives a different one
    expect(t2020.textContent).toContain("表中为 73.95");
    expect(t2018.textContent).not.toContain("表中为");
    expect(host.load).toHaveBeenCalledTimes(1);
  });

  test("draws the totals and the subtotals as charts with a text alternative and a table", async () => {
    const plan = seedPlan();
    renderPane(fakeHost([ok(plan)]));
    const totals = await screen.findByRole("img", { name: /各年合计得分与等级线/ });
    expect(totals.textContent).toContain("52.64 C");
    expect(totals.textContent).toContain("73.97 B");
    const subtotals = screen.getByRole("img", { name: /各一级指标小计与分值/ });
    for (const s of plan.subtotals) expect(subtotals.textContent).toContain(s.category);
    const table = screen.getByRole("table");
    const row = within(table).getByRole("row", { name: /创新投入/ });
    expect(row.textContent).toContain("20");
    expect(row.textContent).toContain(plan.subtotals[0].byColumn["2018"].toFixed(2));
  });

  test("lists the three score mismatches and the 2020 财政科技支出 target left blank (目标值未填写); clicking one selects its cell", async () => {
    const plan = seedPlan();
    const host = fakeHost([ok(plan)]);
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /提示/ }));

    const mismatches = screen.getByTestId("group-mismatch");
    expect(within(mismatches).getByRole("heading").textContent).toContain("得分不符");
    const items = within(mismatches).getAllByRole("button");
    expect(items).toHaveLength(3);
    const text = items.map((b) => b.textContent).join("\n");
    expect(text).toContain("表中 2.55 → 应为 2.56");
    expect(text).toContain("表中 2.84 → 应为 2.83");
    expect(text).toContain("表中 8.75 → 应为 8.77");

    // a blank target value is a figure to fill in, not a target out of reach
    expect(screen.queryByTestId("group-unreachable")).toBeNull();
    const missing = screen.getByTestId("group-missing");
    expect(within(missing).getByRole("heading").textContent).toContain("目标值未填写");
    const spending = within(missing).getByRole("button", { name: /^地方财政科技支出（万元） · 2020年目标/ });
    expect(spending.textContent).toContain("目标值未填写，目标得分 3.39 没有依据");
    expect(spending.textContent).toContain("需要 2540万元");

    fireEvent.click(spending);
    const flag = indicator(plan, "地方财政科技支出（万元）").flags.find((f) => f.code === "target-unreachable");
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith(flag!.cell));
  });

  test("the views are tabs: arrow keys move between them and the panel follows", async () => {
    renderPane(fakeHost([ok(seedPlan())]));
    const summary = await screen.findByRole("tab", { name: "总览" });
    expect(summary.getAttribute("aria-selected")).toBe("true");
    summary.focus();
    fireEvent.keyDown(summary, { key: "ArrowRight" });
    const highlights = screen.getByRole("tab", { name: /^提示/ });
    expect(highlights.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(highlights);
    expect(screen.getByRole("tabpanel", { name: /^提示/ })).toBeTruthy();
    fireEvent.keyDown(highlights, { key: "End" });
    const last = screen.getByRole("tab", { name: "按责任单位" });
    expect(last.getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByRole("heading", { level: 2, name: "按责任单位" })).toBeTruthy();
    fireEvent.keyDown(last, { key: "ArrowLeft" });
    fireEvent.keyDown(screen.getByRole("tab", { name: "升级分析" }), { key: "ArrowLeft" });
    expect(screen.getByRole("tab", { name: "指标" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("heading", { level: 2, name: "指标" })).toBeTruthy();
  });

  test("a highlight is a real, focusable <button> element", async () => {
    const host = fakeHost([ok(seedPlan())]);
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /提示/ }));
    const first = within(screen.getByTestId("group-mismatch")).getAllByRole("button")[0];
    expect(first.tagName).toBe("BUTTON");
    first.focus();
    expect(document.activeElement).toBe(first);
    fireEvent.click(first); // a native button turns Enter/Space into click
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledTimes(1));
  });

  test("lists the writes before writing; 应用 applies the plan and reports, 撤销 undoes", async () => {
    const plan = seedPlan();
    const host = fakeHost([ok(plan)]);
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));

    const list = screen.getByRole("list", { name: "写入前的变更" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(plan.writes.length);
    expect(list.textContent).toContain("2.55 → 2.56");
    expect(list.textContent).toContain("8.75 → 8.77");

    const undo = screen.getByRole("button", { name: "撤销" }) as HTMLButtonElement;
    expect(undo.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    await waitFor(() => expect(host.apply).toHaveBeenCalledWith(plan));
    expect(await screen.findByText("已写入 5 个单元格，标记 9 个")).toBeTruthy();
    await waitFor(() => expect(host.load).toHaveBeenCalledTimes(2));

    await waitFor(() => expect(screen.getByRole("button", { name: "撤销" }).getAttribute("aria-disabled")).not.toBe("true"));
    fireEvent.click(screen.getByRole("button", { name: "撤销" }));
    await waitFor(() => expect(host.undo).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(host.load).toHaveBeenCalledTimes(3));

    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(host.clearHighlights).toHaveBeenCalledTimes(1));
    // no download or shareable copy unless the host offers them
    expect(screen.queryByRole("button", { name: "下载" })).toBeNull();
    expect(screen.queryByRole("button", { name: "生成分享版" })).toBeNull();
  });

  test("an Excel that cannot write notes: the pane says the highlights are colour only", async () => {
    const host = fakeHost([ok(seedPlan())]);
    host.apply.mockResolvedValueOnce({ written: 4, highlighted: 18, notesSkipped: true });
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    expect(await screen.findByText(/已写入 4 个单元格，标记 18 个（此版本 Excel 不支持单元格批注/)).toBeTruthy();
  });

  test("cells whose own note was kept: the pane says how many and where the reasons are", async () => {
    const host = fakeHost([ok(seedPlan())]);
    host.apply.mockResolvedValueOnce({ written: 4, highlighted: 18, notesKept: 2 });
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    expect(await screen.findByText("已写入 4 个单元格，标记 18 个；2 个单元格已有您自己的批注，保留原样，原因请看“提示”")).toBeTruthy();
  });

  test("while 应用 runs, the button keeps keyboard focus, says it is unavailable, and a second press does nothing", async () => {
    const host = fakeHost([ok(seedPlan())]);
    let finish: (r: ApplyResult) => void = () => undefined;
    host.apply.mockImplementationOnce(() => new Promise<ApplyResult>((resolve) => (finish = resolve)));
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    const apply = screen.getByRole("button", { name: "应用" });
    apply.focus();
    fireEvent.click(apply);
    await waitFor(() => expect(apply.getAttribute("aria-disabled")).toBe("true"));
    expect(document.activeElement).toBe(apply);
    fireEvent.click(apply);
    expect(host.apply).toHaveBeenCalledTimes(1);
    await act(async () => finish({ written: 4, highlighted: 18 }));
    await waitFor(() => expect(screen.getByRole("button", { name: "应用" }).getAttribute("aria-disabled")).not.toBe("true"));
  });

  test("a failing apply says so and keeps the pane usable", async () => {
    const host = fakeHost([ok(seedPlan())]);
    host.apply.mockRejectedValueOnce(new Error("工作表已保护"));
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    expect(await screen.findByText("操作失败：工作表已保护")).toBeTruthy();
    expect((screen.getByRole("button", { name: "应用" }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("the file host gets 下载 and 生成分享版; converting values asks first", async () => {
    const download = jest.fn(async () => undefined);
    const makePortable = jest.fn(async (_o: { convertValues: boolean }) => undefined);
    const host = fakeHost([ok(seedPlan())], { kind: "file", download, makePortable });
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));

    fireEvent.click(screen.getByRole("button", { name: "下载" }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const make = () => screen.getByRole("button", { name: "生成分享版" }) as HTMLButtonElement;
    await waitFor(() => expect(make().disabled).toBe(false)); // buttons wait while an action runs

    fireEvent.click(make());
    await waitFor(() => expect(makePortable).toHaveBeenLastCalledWith({ convertValues: false }));

    await waitFor(() => expect(make().disabled).toBe(false));
    fireEvent.click(screen.getByRole("checkbox", { name: /转换为数字/ }));
    fireEvent.click(make());
    expect(makePortable).toHaveBeenCalledTimes(1); // not yet: it asks first
    fireEvent.click(await screen.findByRole("button", { name: "确定生成" }));
    await waitFor(() => expect(makePortable).toHaveBeenLastCalledWith({ convertValues: true }));
  });

  test("cancelling the 生成分享版 question puts focus back on 生成分享版, not on the page", async () => {
    const makePortable = jest.fn(async (_o: { convertValues: boolean }) => undefined);
    renderPane(fakeHost([ok(seedPlan())], { kind: "file", makePortable }));
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: /转换为数字/ }));
    const make = screen.getByRole("button", { name: "生成分享版" });
    make.focus();
    fireEvent.click(make);
    const cancel = await screen.findByRole("button", { name: "取消" });
    cancel.focus();
    fireEvent.click(cancel);
    expect(screen.queryByRole("button", { name: "确定生成" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "生成分享版" }));
    expect(makePortable).not.toHaveBeenCalled();
  });

  test("lists the 17 indicators with their maximum, scores and the value the target needs", async () => {
    const plan = seedPlan();
    renderPane(fakeHost([ok(plan)]));
    fireEvent.click(await screen.findByRole("tab", { name: "指标" }));
    const items = screen.getAllByTestId(/^indicator-/);
    expect(items).toHaveLength(17);
    const first = items[0];
    expect(within(first).getByRole("heading").textContent).toBe("地方财政科技支出（万元）");
    expect(first.textContent).toContain("满分 5");
    expect(first.textContent).toContain("3.37");
    expect(first.textContent).toContain("2020年目标需要 2540万元");
    expect(first.textContent).toContain("2019年预测已达到"); // 2557万元 in 2019 already scores the target 3.39
    const rd = items.find((i) => i.textContent!.includes("规上工业企业R&D"))!;
    expect(rd.textContent).toContain("2.55 → 2.56");
    expect(rd.textContent).toContain("≠ 不符");
  });

  test("reloads the plan when the sheet changes, and stops listening when closed", async () => {
    let changed: (() => void) | null = null;
    const unsubscribe = jest.fn();
    const host = fakeHost([ok(seedPlan())], {
      subscribe: (cb: () => void) => {
        changed = cb;
        return unsubscribe;
      },
    });
    const view = renderPane(host);
    await screen.findByTestId("total-2018");
    expect(changed).not.toBeNull();
    act(() => changed!());
    await waitFor(() => expect(host.load).toHaveBeenCalledTimes(2));
    // live updates are off by default: an edit is shown, not written
    expect(host.apply).not.toHaveBeenCalled();
    view.unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  test("in live mode an edit writes the new scores at once and says so", async () => {
    let changed: (() => void) | null = null;
    const plan = seedPlan();
    const settled: Plan = { ...plan, writes: [] };
    // first load, then the edit's load (with writes), then the load after writing (settled)
    const host = fakeHost([ok(plan), ok(plan), ok(settled)], {
      subscribe: (cb: () => void) => {
        changed = cb;
        return () => undefined;
      },
    });
    host.apply.mockResolvedValue({ written: 4, highlighted: 18 });
    renderPane(host);
    const toggle = (await screen.findByRole("checkbox", { name: /实时更新/ })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    act(() => changed!());
    await waitFor(() => expect(host.apply).toHaveBeenCalledWith(plan));
    expect(await screen.findByText("已按修改自动更新 4 个单元格")).toBeTruthy();
    await waitFor(() => expect(host.load).toHaveBeenCalledTimes(3));
    // nothing left to write: a further edit re-reads but writes nothing
    act(() => changed!());
    await waitFor(() => expect(host.load).toHaveBeenCalledTimes(4));
    expect(host.apply).toHaveBeenCalledTimes(1);
  });

  test("in live mode a coauthor's edit refreshes the pane and writes nothing", async () => {
    let changed: ((c?: SheetChange) => void) | null = null;
    const plan = seedPlan();
    const host = fakeHost([ok(plan)], {
      subscribe: (cb: (c?: SheetChange) => void) => {
        changed = cb;
        return () => undefined;
      },
    });
    renderPane(host);
    fireEvent.click(await screen.findByRole("checkbox", { name: /实时更新/ }));
    act(() => changed!({ remote: true }));
    await waitFor(() => expect(host.load).toHaveBeenCalledTimes(2));
    expect(await screen.findByText(/协作者修改了分工表，面板已刷新/)).toBeTruthy();
    expect(host.apply).not.toHaveBeenCalled();
    act(() => changed!({ remote: false }));
    await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  });

  test("撤销 says which cells were changed after 应用 and kept as they are", async () => {
    const host = fakeHost([ok(seedPlan())]);
    host.undo.mockResolvedValue({ leftAlone: ["I5", "I9"], gradients: [] });
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    fireEvent.click(await screen.findByRole("button", { name: "应用" }));
    await waitFor(() => expect(host.apply).toHaveBeenCalled());
    await waitFor(() => expect((screen.getByRole("button", { name: "撤销" }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole("button", { name: "撤销" }));
    expect(await screen.findByText(/2 个单元格在应用之后被修改过，保留现在的内容，未恢复：I5、I9/)).toBeTruthy();
  });

  test("in Excel, before 插入示例分工表 the pane says that it clears Excel's undo history", async () => {
    const noTable: LoadResult = { ok: false, reason: "no-table", message: "找不到分工表", lookedFor: ["评分标准"] };
    const view = renderPane(fakeHost([noTable]));
    expect((await screen.findByTestId("sample-note")).textContent).toContain("撤销记录（Ctrl+Z）会被清空");
    view.unmount();
    renderPane(fakeHost([noTable], { kind: "file" } as Partial<PaneHost>));
    await screen.findByRole("button", { name: "插入示例分工表" });
    expect(screen.queryByTestId("sample-note")).toBeNull();
  });

  test("hosts without change events, and the browser page (where nobody edits the sheet), show no live-mode switch", async () => {
    const view = renderPane(fakeHost([ok(seedPlan())]));
    await screen.findByTestId("total-2018");
    expect(screen.queryByRole("checkbox", { name: /实时更新/ })).toBeNull();
    view.unmount();
    renderPane(fakeHost([ok(seedPlan())], { kind: "file", subscribe: () => () => undefined } as Partial<PaneHost>));
    await screen.findByTestId("total-2018");
    expect(screen.queryByRole("checkbox", { name: /实时更新/ })).toBeNull();
  });
});

describe("when there is no 分工表", () => {
  const noTable: LoadResult = {
    ok: false,
    reason: "no-table",
    message: "没有找到分工表",
    lookedFor: ["二级指标", "评分标准", "情况", "得分"],
  };

  test("says so, names the headers it looked for, and offers to insert the sample", async () => {
    const host = fakeHost([noTable, ok(seedPlan())]);
    renderPane(host);
    expect(await screen.findByRole("heading", { name: "没有找到分工表" })).toBeTruthy();
    const looked = screen.getByTestId("looked-for");
    for (const h of ["二级指标", "评分标准", "情况", "得分"]) expect(looked.textContent).toContain(h);

    fireEvent.click(screen.getByRole("button", { name: "插入示例分工表" }));
    await waitFor(() => expect(host.insertSample).toHaveBeenCalledTimes(1));
    // then it reloads and shows the sample's totals
    expect((await screen.findByTestId("total-2018")).textContent).toContain("52.64");
    expect(host.load).toHaveBeenCalledTimes(2);
  });

  test("an error shows its message and a retry", async () => {
    const host = fakeHost([{ ok: false, reason: "error", message: "读取失败：网络断开" }, ok(seedPlan())]);
    renderPane(host);
    expect(await screen.findByText("读取失败：网络断开")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "重试" }));
    expect(await screen.findByTestId("total-2019")).toBeTruthy();
  });
});

describe("in English", () => {
  test("the pane and the plan's messages are in English", async () => {
    const plan = seedPlan();
    renderPane(fakeHost([ok(plan)]), "en");
    const t2018 = await screen.findByTestId("total-2018");
    expect(t2018.textContent).toContain("Grade C");
    expect(t2018.textContent).toContain("7.36 points short of grade B");
    expect(screen.getByRole("heading", { name: "Total score" })).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: /Highlights/ }));
    const unreachable = screen.getByTestId("group-missing");
    expect(within(unreachable).getByRole("heading").textContent).toContain("Target value not filled in");
    const flag = indicator(plan, "地方财政科技支出（万元）").flags.find((f) => f.code === "target-unreachable")!;
    expect(unreachable.textContent).toContain(flag.messageEn);
    expect(unreachable.textContent).not.toContain(flag.message);
    expect(unreachable.textContent).toContain("needs 2540万元");
    expect(screen.getByTestId("group-mismatch").textContent).toContain("sheet 2.55 → rule gives 2.56");

    fireEvent.click(screen.getByRole("tab", { name: /Changes/ }));
    expect(screen.getByRole("button", { name: "Apply" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Undo" })).toBeTruthy();
  });

  test("a host's first result given at mount is on screen at once, without a loading view or a second load", () => {
    const host = fakeHost([ok(seedPlan())]);
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} language="zh" initial={ok(seedPlan())} />
      </FluentProvider>,
    );
    expect(screen.queryByText("正在读取分工表…")).toBeNull();
    expect(screen.getByTestId("total-2018").textContent).toContain("52.64");
    expect(screen.getByTestId("total-2020").textContent).toContain("73.97");
    expect(host.load).not.toHaveBeenCalled();
  });
});

describe("mountTaskpane", () => {
  test("renders into an element in the dark theme and unmounts", async () => {
    const el = document.createElement("div");
    document.body.appendChild(el);
    const host = fakeHost([ok(seedPlan())]);
    let unmount: () => void = () => undefined;
    await act(async () => {
      unmount = mountTaskpane(el, host, { language: "zh", theme: "dark" });
    });
    await waitFor(() => expect(el.textContent).toContain("52.64"));
    act(() => unmount());
    expect(el.textContent).toBe("");
    el.remove();
  });
});

describe("what the pane says (issue 12: wording a new user reads right)", () => {
  /** the seed with one 2018 value the engine cannot read: 地方财政科技支出 "很多" */
  const unreadablePlan = (): Plan => {
    const data = seedWorkbookData();
    const plan = computePlan(data);
    const ind = indicator(plan, "地方财政科技支出（万元）");
    const at = ind.scores.find((s) => s.column === "2018")!;
    const cell = /^([A-Z]+)(\d+)$/.exec(at.valueCell ?? "")!;
    const col = cell[1].charCodeAt(0) - 65;
    data.sheets.find((s) => s.name === plan.sheet)!.cells[Number(cell[2]) - 1][col] = { v: "很多" };
    return computePlan(data);
  };

  test("a value that cannot be read: 总览 says the total is not fully checked, and 提示 lists 错误 first", async () => {
    const plan = unreadablePlan();
    expect(plan.indicators.some((i) => i.flags.some((f) => f.code === "value-error"))).toBe(true);
    renderPane(fakeHost([ok(plan)]));
    const banner = await screen.findByTestId("unread-banner");
    expect(banner.textContent).toContain("有 1 项指标的评分标准或数值无法读取，合计得分没有完全核对");
    fireEvent.click(screen.getByRole("tab", { name: /提示/ }));
    const groups = screen.getAllByTestId(/^group-/).map((g) => g.getAttribute("data-testid"));
    expect(groups[0]).toBe("group-error");
    expect(groups[groups.length - 1]).toBe("group-gap");
  });

  test("the seed, every figure readable: no banner on 总览", async () => {
    renderPane(fakeHost([ok(seedPlan())]));
    await screen.findByTestId("total-2018");
    expect(screen.queryByTestId("unread-banner")).toBeNull();
  });

  test("planned growth is information: 提示's count leaves target-gap out, and its group says it is not an error", async () => {
    const plan = seedPlan();
    const gaps = plan.indicators.flatMap((i) => i.flags).filter((f) => f.code === "target-gap").length;
    const all = plan.indicators.flatMap((i) => i.flags).length;
    expect(gaps).toBeGreaterThan(0);
    renderPane(fakeHost([ok(plan)]));
    // the seed: 3 mismatches + 1 blank target value
    const tab = await screen.findByRole("tab", { name: /提示/ });
    expect(tab.textContent).toBe(`提示（${all - gaps}）`);
    expect(tab.textContent).toBe("提示（4）");
    fireEvent.click(tab);
    const gap = screen.getByTestId("group-gap");
    expect(within(gap).getByRole("heading").textContent).toContain("计划提升");
    expect(gap.textContent).toContain("是计划中的提升，不是错误");
  });

  test("after 应用 what was written stays listed, and 应用 is off when nothing is left", async () => {
    const plan = seedPlan();
    const after: Plan = { ...plan, writes: [] };
    const host = fakeHost([ok(plan), ok(after)]);
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    const apply = screen.getByRole("button", { name: "应用" });
    expect(apply.getAttribute("aria-disabled")).not.toBe("true");
    apply.focus();
    fireEvent.click(apply);
    await screen.findByText("已写入 5 个单元格，标记 9 个");
    await waitFor(() => expect(host.load).toHaveBeenCalledTimes(2));
    const written = await screen.findByRole("list", { name: "刚才写入的单元格" });
    expect(within(written).getAllByRole("listitem")).toHaveLength(plan.writes.length);
    expect(written.textContent).toContain("2.55 → 2.56");
    expect(written.textContent).toContain("8.75 → 8.77");
    expect(screen.getByText("变更已全部应用，没有剩下要写入的内容。")).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("button", { name: "应用" }).getAttribute("aria-disabled")).toBe("true"));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "应用" }));
  });

  test("focus stays on 撤销 after it has undone (the button turns off but keeps focus); the written list goes", async () => {
    const plan = seedPlan();
    const host = fakeHost([ok(plan)]);
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    await screen.findByRole("list", { name: "刚才写入的单元格" });
    await waitFor(() => expect(screen.getByRole("button", { name: "撤销" }).getAttribute("aria-disabled")).not.toBe("true"));
    const undo = screen.getByRole("button", { name: "撤销" });
    undo.focus();
    fireEvent.click(undo);
    await screen.findByText("已撤销，单元格已恢复原样。");
    await waitFor(() => expect(host.load).toHaveBeenCalledTimes(3));
    const after = screen.getByRole("button", { name: "撤销" });
    expect(after.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(after);
    expect(screen.queryByRole("list", { name: "刚才写入的单元格" })).toBeNull();
  });

  test("下载 names the file it saves, before and after", async () => {
    const download = jest.fn(async () => undefined);
    const host = fakeHost([ok(seedPlan())], {
      kind: "file",
      download,
      downloadName: (k) => (k === "download" ? "霸州市分工表-科创评分.xlsx" : "霸州市分工表-分享版.xlsx"),
    });
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    const button = screen.getByRole("button", { name: "下载" });
    expect(screen.getByTestId("download-name").textContent).toBe("下载保存为“霸州市分工表-科创评分.xlsx”（原文件不变）");
    expect(button.getAttribute("aria-describedby")).toBe(screen.getByTestId("download-name").id);
    fireEvent.click(button);
    expect(await screen.findByText("已下载“霸州市分工表-科创评分.xlsx”，请在浏览器的下载文件夹中查看。")).toBeTruthy();
  });

  test("分享版 without value conversion says plainly that those scores stay fixed numbers", async () => {
    const host = fakeHost([ok(seedPlan())], { makePortable: jest.fn(async () => undefined) });
    renderPane(host);
    fireEvent.click(await screen.findByRole("tab", { name: /变更/ }));
    expect(screen.getByTestId("portable-fixed").textContent).toContain("得分在分享版中是固定数字，修改数值后不会重新计算");
    fireEvent.click(screen.getByRole("checkbox"));
    expect(screen.queryByTestId("portable-fixed")).toBeNull();
  });
});
