/**
 * @jest-environment jsdom
 *
 * The task pane's Office entry: language and theme from Office, then the pane mounted over the
 * Excel host. Office is an office-addin-mock object; the React pane itself is replaced by a spy.
 */
import { OfficeMockObject } from "office-addin-mock";
import { isDark, officeLook } from "../src/taskpane/index";

jest.mock("../src/taskpane/mount", () => ({ mountTaskpane: jest.fn(() => () => undefined) }));

async function officeMock(displayLanguage: string, bodyBackgroundColor: string) {
  const mock = new OfficeMockObject({
    context: { displayLanguage, officeTheme: { bodyBackgroundColor }, requirements: { isSetSupported: () => true } },
    onReady: async () => ({ host: "Excel", platform: "PC" }),
  });
  // properties of an Office mock read like Office.js's: loaded, then synced
  mock.load("context/displayLanguage, context/officeTheme/bodyBackgroundColor");
  await mock.sync();
  return mock;
}

describe("the task pane's Office entry", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
    document.body.innerHTML = "";
  });

  for (const [lang, bg, want] of [
    ["zh-CN", "#FFFFFF", { language: "zh", theme: "light" }],
    ["en-US", "#262626", { language: "en", theme: "dark" }],
    ["en-GB", "#F3F3F3", { language: "en", theme: "light" }],
    ["ja-JP", "#000000", { language: "zh", theme: "dark" }],
  ] as const) {
    test(`Office in ${lang} with background ${bg} mounts the pane in ${want.language}, ${want.theme}`, async () => {
      (globalThis as Record<string, unknown>).Office = await officeMock(lang, bg);
      document.body.innerHTML = '<div id="container"></div>';
      const { start } = await import("../src/taskpane/index");
      const { mountTaskpane } = jest.requireMock("../src/taskpane/mount") as { mountTaskpane: jest.Mock };
      mountTaskpane.mockClear();
      await start();
      expect(mountTaskpane).toHaveBeenCalledTimes(1);
      const [el, host, opts] = mountTaskpane.mock.calls[0];
      expect(el).toBe(document.getElementById("container"));
      expect(host.kind).toBe("excel");
      expect(typeof host.load).toBe("function");
      expect(opts).toEqual(want);
    });
  }

  test("the shared runtime started hidden (for a custom function) mounts the pane, and so reads the workbook, only once the pane is shown", async () => {
    const office = await officeMock("zh-CN", "#FFFFFF");
    let visibility: ((args: { visibilityMode: string }) => void) | null = null;
    (office as unknown as { addin: unknown }).addin = {
      onVisibilityModeChanged: async (h: (args: { visibilityMode: string }) => void) => {
        visibility = h;
        return async () => undefined;
      },
    };
    (globalThis as Record<string, unknown>).Office = office;
    document.body.innerHTML = '<div id="container"></div>';
    const hidden = jest.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    try {
      const { start } = await import("../src/taskpane/index");
      const { mountTaskpane } = jest.requireMock("../src/taskpane/mount") as { mountTaskpane: jest.Mock };
      mountTaskpane.mockClear();
      const started = start();
      for (let i = 0; i < 10; i++) await Promise.resolve();
      expect(mountTaskpane).not.toHaveBeenCalled();
      expect(visibility).not.toBeNull();
      visibility!({ visibilityMode: "Hidden" });
      for (let i = 0; i < 5; i++) await Promise.resolve();
      expect(mountTaskpane).not.toHaveBeenCalled();
      visibility!({ visibilityMode: "Taskpane" });
      await started;
      expect(mountTaskpane).toHaveBeenCalledTimes(1);
    } finally {
      hidden.mockRestore();
    }
  });

  test("officeLook and isDark", () => {
    expect(officeLook(undefined)).toEqual({ language: "zh", theme: "light" });
    expect(isDark("#1f1f1f")).toBe(true);
    expect(isDark("#ffffff")).toBe(false);
    expect(isDark("not a colour")).toBe(false);
  });
});
