/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import { HIGHLIGHT_FILL } from "../model/highlight-style";
import { createFileHost } from "./host";
import { mountSheetSection } from "./SheetSection";
import * as previewModule from "./SheetPreview";
import { FH } from "./strings";

function page(language: "zh" | "en" = "zh") {
  document.body.innerHTML = '<button id="list-item">K3</button><div id="sheet"></div>';
  let loads = 0;
  let preview!: ReturnType<typeof mountSheetSection>;
  act(() => {
    preview = mountSheetSection(document.getElementById("sheet")!, {
      t: FH[language],
      language,
      loadPreview: async () => {
        loads++;
        return previewModule;
      },
    });
  });
  const host = createFileHost({ language, onSheet: (s) => preview.update(s), revealCell: (a) => preview.reveal(a) });
  /** host.selectCell as the pane calls it; resolves once the preview says the cell (`shown`) is focused */
  const select = async (a1: string, shown = a1.toUpperCase()) => {
    let done!: Promise<void>;
    act(() => {
      done = host.selectCell(a1);
    });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-cell")).toBe(shown));
    await act(() => done);
  };
  return { host, preview, select, loads: () => loads };
}

describe("the page's sheet preview", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  test("closed until asked: one 查看工作表 button, the preview's code not loaded", async () => {
    const p = page();
    await act(async () => void (await p.host.load()));
    const toggle = screen.getByRole("button", { name: /查看工作表/ });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("grid")).toBeNull();
    expect(p.loads()).toBe(0);
    await act(async () => toggle.click());
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await screen.findByRole("grid")).toBeTruthy();
    expect(screen.getByRole("region", { name: "工作表“分工表”（只读预览）" })).toBeTruthy();
    expect(p.loads()).toBe(1);
    act(() => p.preview.unmount());
  });

  test("selectCell opens it, outlines and focuses the cell, says where it is; 返回列表 and Escape go back", async () => {
    const p = page();
    const r = await act(async () => p.host.load());
    const plan = r.ok ? r.plan : null;
    const hl = plan!.highlights.find((h) => h.severity === "unreachable")!;
    const from = document.getElementById("list-item")!;
    from.focus();
    await p.select(hl.cell);

    const cell = document.querySelector<HTMLElement>(`[data-cell="${hl.cell}"]`)!;
    expect(document.activeElement).toBe(cell);
    expect(cell.getAttribute("aria-current")).toBe("true");
    expect(cell.style.background).toBe(hexToRgb(HIGHLIGHT_FILL.unreachable));
    // said in words too, not by colour alone: a blank target value, not an unreachable target
    expect(cell.textContent).toContain("目标值未填写");
    expect(cell.textContent).not.toContain("目标无法达成");
    const status = screen.getByRole("status");
    expect(status.textContent).toContain(`已定位到 ${hl.cell}`);
    expect(status.textContent).toContain(hl.note);
    expect(cell.getAttribute("aria-describedby")).toBe(status.id);
    const letter = within(screen.getByRole("grid")).getByRole("columnheader", { name: hl.cell.replace(/\d+/, "") });
    expect(letter.className).toContain("fh-on");

    await act(async () => screen.getByRole("button", { name: "返回列表" }).click());
    expect(document.activeElement).toBe(from);

    // another cell: the outline moves
    const other = plan!.writes[0];
    await p.select(other.cell);
    expect(document.activeElement?.getAttribute("data-cell")).toBe(other.cell);
    expect(document.querySelectorAll('[aria-current="true"]')).toHaveLength(1);
    expect(document.activeElement?.textContent).toContain(`${other.before} → `);
    await act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(document.activeElement).toBe(from);

    // inside a merged area (the title across the table): the area is selected, at its top-left
    await p.select("c1", "A1");
    expect(screen.getByRole("status").textContent).toContain("已定位到 A1");
    act(() => p.preview.unmount());
  });

  test("the sheet is a grid: arrow keys move the selection and focus, and the selected cell's indicator is shown", async () => {
    const p = page();
    await act(async () => void (await p.host.load()));
    await p.select("K3");
    expect(screen.getByTestId("indicator-card").textContent).toContain("地方财政科技支出（万元）");
    expect(screen.getByTestId("indicator-card").textContent).toContain("≧10000万元（5分）");
    await act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
    });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-cell")).toBe("J3"));
    expect(screen.getByRole("status").textContent).toContain("已定位到 J3");
    // one tab stop: the selected cell; every other cell is reached with the keys
    expect(Array.from(document.querySelectorAll('[role="gridcell"][tabindex="0"]')).map((c) => c.getAttribute("data-cell"))).toEqual([
      "J3",
    ]);
    await act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-cell")).toBe("J4"));
    expect(screen.getByTestId("indicator-card").textContent).toContain("地方财政科技支出占公共财政支出的比重");
    const grid = screen.getByRole("grid");
    expect(grid.getAttribute("aria-readonly")).toBe("true");
    expect(document.activeElement?.getAttribute("aria-colindex")).toBe("11"); // J: row numbers are column 1
    expect(document.activeElement?.closest("tr")?.getAttribute("aria-rowindex")).toBe("5"); // letters, title, header, row 3, row 4
    act(() => p.preview.unmount());
  });

  test("a wide screen: the sheet is open from the start, with no toggle, and the selected cell's indicator goes to the card slot", async () => {
    document.body.innerHTML = '<div id="detail"></div><div id="sheet"></div>';
    const detail = document.getElementById("detail")!;
    const wide = { matches: true, addEventListener: () => undefined, removeEventListener: () => undefined } as unknown as MediaQueryList;
    let preview!: ReturnType<typeof mountSheetSection>;
    act(() => {
      preview = mountSheetSection(document.getElementById("sheet")!, {
        t: FH.zh,
        language: "zh",
        loadPreview: async () => previewModule,
        cardTarget: detail,
        matchWide: () => wide,
      });
    });
    const host = createFileHost({ onSheet: (s) => preview.update(s), revealCell: (a) => preview.reveal(a) });
    await act(async () => void (await host.load()));
    expect(await screen.findByRole("grid")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /查看工作表/ })).toBeNull();
    await act(async () => host.selectCell("K6"));
    expect(within(detail).getByTestId("indicator-card").textContent).toContain("高新技术企业数量（家）");
    act(() => preview.unmount());
  });

  test("English with the page", async () => {
    const p = page("en");
    await act(async () => void (await p.host.load()));
    await p.select("K3");
    expect(screen.getByRole("button", { name: /View sheet/ })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("Showing cell K3");
    act(() => p.preview.unmount());
  });
});

function hexToRgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
}
