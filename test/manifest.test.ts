/**
 * manifest.xml as Excel reads it: Chinese by default with an English override for every
 * user-visible string, resource ids that resolve, the shared runtime, custom functions without a
 * namespace — and valid against Microsoft's schemas (xmllint), when those are at hand.
 */
import fs from "fs";
import path from "path";
import { spawnSync } from "child_process";
import { all, manifestUrls, parseXml } from "./manifest-xml";

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const doc = parseXml(fs.readFileSync(MANIFEST, "utf8"));
const CJK = /[\u4e00-\u9fff]/;

const child = (el: Element | Document, name: string) => all(el, name)[0];

describe("manifest.xml", () => {
  test("an Excel task pane add-in with a fixed GUID, zh-CN by default, named 科创评分 / KJScore", () => {
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(child(doc, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(doc, "DefaultLocale").textContent).toBe("zh-CN");
    const name = child(doc, "DisplayName");
    expect(name.getAttribute("DefaultValue")).toBe("科创评分");
    expect(child(name, "Override").getAttribute("Locale")).toBe("en-US");
    expect(child(name, "Override").getAttribute("Value")).toBe("KJScore");
    expect(child(doc, "ProviderName").textContent!.trim()).not.toBe("");
    expect(all(doc, "Host").some((h) => h.getAttribute("Name") === "Workbook")).toBe(true);
    expect(child(doc, "Permissions").textContent).toBe("ReadWriteDocument");
  });

  test("every user-visible string is Chinese with an English override", () => {
    const visible = [
      child(doc, "DisplayName"),
      child(doc, "Description"),
      ...all(doc, "ShortStrings").flatMap((s) => all(s, "String")),
      ...all(doc, "LongStrings").flatMap((s) => all(s, "String")),
    ];
    expect(visible.length).toBeGreaterThanOrEqual(6);
    for (const el of visible) {
      const zh = el.getAttribute("DefaultValue")!;
      expect(zh).toMatch(CJK);
      const en = all(el, "Override").find((o) => o.getAttribute("Locale") === "en-US");
      expect(en).toBeDefined();
      expect(en!.getAttribute("Value")).toMatch(/^[A-Za-z]/);
    }
  });

  test("the custom functions metadata URL has an English override; no namespace", () => {
    const metaId = child(child(doc, "Metadata"), "SourceLocation").getAttribute("resid")!;
    const url = all(doc, "Url").find((u) => u.getAttribute("id") === metaId)!;
    expect(url.getAttribute("DefaultValue")).toMatch(/functions\.json$/);
    const en = all(url, "Override").find((o) => o.getAttribute("Locale") === "en-US");
    expect(en?.getAttribute("Value")).toMatch(/functions\.en-US\.json$/);
    expect(all(doc, "Namespace")).toHaveLength(0);
  });

  test("one shared runtime, long-lived, on the task pane page; a 科创评分 group on the Home tab", () => {
    const runtimes = all(doc, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    expect(runtimes[0].getAttribute("resid")).toBe("Taskpane.Url");
    expect(child(child(doc, "Page"), "SourceLocation").getAttribute("resid")).toBe("Taskpane.Url");
    expect(child(doc, "FunctionFile").getAttribute("resid")).toBe("Taskpane.Url");
    const tab = child(doc, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const label = child(child(tab, "Group"), "Label").getAttribute("resid");
    const str = all(doc, "String").find((s) => s.getAttribute("id") === label)!;
    expect(str.getAttribute("DefaultValue")).toBe("科创评分");
    expect(child(tab, "Action").getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  test("requirement sets: SharedRuntime 1.1, CustomFunctionsRuntime 1.1, ExcelApi 1.13", () => {
    const sets = Object.fromEntries(
      all(child(doc, "Requirements"), "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]),
    );
    expect(sets).toEqual({ ExcelApi: "1.13", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" });
  });

  test("every resid names a resource, every resource is used, and icons come in 16/32/80 px", () => {
    const ids = new Set([...all(doc, "Image"), ...all(doc, "Url"), ...all(doc, "String")].map((e) => e.getAttribute("id")).filter(Boolean));
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter(Boolean) as string[];
    for (const r of used) expect(ids).toContain(r);
    for (const id of ids) expect(used).toContain(id);
    const sizes = all(child(doc, "Control"), "Image").map((i) => i.getAttribute("size"));
    expect(sizes).toEqual(["16", "32", "80"]);
  });

  test("the source manifest points at the dev server, https://localhost:3000/", () => {
    for (const { where, url } of manifestUrls(doc)) expect(`${where} ${url}`).toMatch(/ https:\/\/localhost:3000(\/|$)/);
  });
});

describe("manifest.xml against Microsoft's schemas (xmllint)", () => {
  const xsdDirs = [
    process.env.MANIFEST_XSD_DIR,
    path.join(ROOT, "..", "shared", "office-manifest-xsd"),
    "/work/shared/office-manifest-xsd",
  ].filter(Boolean) as string[];
  const xsd = xsdDirs.map((d) => path.join(d, "OfficeAppManifestV1_1.xsd")).find((f) => fs.existsSync(f));
  const hasXmllint = !spawnSync("xmllint", ["--version"]).error;

  test("validates", () => {
    if (!xsd) {
      console.warn(
        "skipped: the manifest schemas (../shared/office-manifest-xsd) are not here — a fresh clone has none; set MANIFEST_XSD_DIR to use a copy",
      );
      return;
    }
    if (!hasXmllint) {
      if (process.env.CI === "true") throw new Error("xmllint is missing: install the apt package libxml2-utils");
      console.warn("skipped: xmllint not found — install the apt package libxml2-utils");
      return;
    }
    const r = spawnSync("xmllint", ["--noout", "--schema", xsd, MANIFEST], { encoding: "utf8" });
    expect(`${r.stderr}`.trim()).toBe(`${MANIFEST} validates`);
    expect(r.status).toBe(0);
  });

  test("a misplaced element fails validation (the check can fail)", () => {
    if (!xsd || !hasXmllint) return; // reported by the test above
    const broken = fs
      .readFileSync(MANIFEST, "utf8")
      .replace("<Permissions>ReadWriteDocument</Permissions>", "<Permission>ReadWriteDocument</Permission>");
    const tmp = path.join(require("os").tmpdir(), `kjscore-manifest-${process.pid}.xml`);
    fs.writeFileSync(tmp, broken);
    const r = spawnSync("xmllint", ["--noout", "--schema", xsd, tmp], { encoding: "utf8" });
    fs.unlinkSync(tmp);
    expect(r.status).not.toBe(0);
  });
});
