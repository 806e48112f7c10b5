/**
 * The production build as Excel will fetch it: every URL in dist/manifest.xml (rewritten to
 * ADDIN_URL) exists in the output, the custom function metadata is there in Chinese and English,
 * and the task pane's initial JavaScript stays small, without ExcelJS.
 * Builds into a temporary directory (webpack's filesystem cache makes rebuilds quick).
 */
import fs from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import { spawnSync } from "child_process";
import { all, manifestUrls, parseXml } from "./manifest-xml";

const ROOT = path.join(__dirname, "..");
const BASE = "https://addin.example.org/kjscore/";
const INITIAL_JS_GOAL = 142 * 1024;
const CJK = /[\u4e00-\u9fff]/;
let out = "";

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-build-"));
  const r = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "addinOnly", "--output-path", out],
    {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: BASE, OFFICE_JS: "" },
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}, 180_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const read = (f: string) => fs.readFileSync(path.join(out, f), "utf8");

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test("every URL in dist/manifest.xml is under ADDIN_URL and names a file the build wrote", () => {
  const doc = parseXml(read("manifest.xml"));
  const urls = manifestUrls(doc);
  expect(urls.length).toBeGreaterThan(8);
  for (const { where, url } of urls) {
    if (where === "AppDomain") {
      expect(url).toBe(new URL(BASE).origin);
      continue;
    }
    expect(`${where} ${url}`).toContain(` ${BASE}`);
    const file = path.join(out, url.slice(BASE.length).split(/[?#]/)[0]);
    expect(fs.existsSync(file) ? `${where} ok` : `${where}: ${file} missing`).toBe(`${where} ok`);
  }
  for (const img of all(doc, "Image").filter((i) => i.getAttribute("DefaultValue"))) {
    const n = Number(/icon-(\d+)\.png$/.exec(img.getAttribute("DefaultValue")!)![1]);
    expect(pngSize(path.join(out, "assets", `icon-${n}.png`))).toEqual([n, n]);
  }
});

test("functions.json names the four functions in Chinese; functions.en-US.json the same in English", () => {
  const zh = JSON.parse(read("functions.json")).functions;
  const en = JSON.parse(read("functions.en-US.json")).functions;
  const names = ["KJSCORE", "KJREQUIRED", "KJMAX", "KJGRADE"];
  expect(zh.map((f: { name: string }) => f.name).sort()).toEqual([...names].sort());
  for (const f of zh) {
    expect(f.id).toBe(f.name);
    expect(f.description.charAt(0)).toMatch(CJK);
    for (const p of f.parameters) expect(p.description).toMatch(CJK);
    const e = en.find((x: { id: string }) => x.id === f.id);
    expect(e).toBeDefined();
    expect(e.name).toBe(f.name);
    expect(e.parameters.map((p: { name: string; type: string }) => [p.name, p.type])).toEqual(
      f.parameters.map((p: { name: string; type: string }) => [p.name, p.type]),
    );
    expect(e.result).toEqual(f.result);
    expect(e.description).toMatch(/^[A-Z]/);
    for (const p of e.parameters) expect(p.description).toMatch(/^[A-Z]/);
  }
});

test("functions.js and the shared runtime's taskpane.js both register the four functions", () => {
  for (const file of ["functions.js", "taskpane.js"]) {
    const js = read(file);
    for (const id of ["KJSCORE", "KJREQUIRED", "KJMAX", "KJGRADE"]) expect(js).toContain(`CustomFunctions.associate("${id}"`);
  }
});

test("taskpane.html loads office.js from Microsoft's CDN, then the pane; no source maps ship", () => {
  const html = read("taskpane.html");
  expect(html).toMatch(/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
  expect(html.indexOf("office.js")).toBeLessThan(html.indexOf("taskpane.js"));
  expect(read("commands.html")).toContain("commands.js");
  expect(fs.readdirSync(out).filter((f) => f.endsWith(".map"))).toEqual([]);
});

test(`the task pane's initial JavaScript is at most ${INITIAL_JS_GOAL / 1024} KB gzipped and has no ExcelJS; the template is a lazy chunk`, () => {
  const html = read("taskpane.html");
  const scripts = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  expect(scripts).toEqual(["taskpane.js"]);
  const js = scripts.map((s) => read(s)).join("\n");
  const gz = zlib.gzipSync(js, { level: 9 }).length;
  console.log(
    `task pane initial JS: ${(js.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip (goal ${INITIAL_JS_GOAL / 1024} KB)`,
  );
  expect(gz).toBeLessThanOrEqual(INITIAL_JS_GOAL);
  // ExcelJS's own marker text stays out of the initial chunk and sits in a lazy one
  const marker = "xl/sharedStrings.xml";
  expect(js).not.toContain(marker);
  const lazy = fs.readdirSync(out).filter((f) => /^exceljs\..*\.js$/.test(f));
  expect(lazy).toHaveLength(1);
  expect(read(lazy[0])).toContain(marker);
});

test("OFFICE_JS=local serves office.js from a copy of @microsoft/office-js", async () => {
  const saved = process.env.OFFICE_JS;
  process.env.OFFICE_JS = "local";
  try {
    const config = await require(path.join(ROOT, "webpack.config.js"))({ addinOnly: true }, { mode: "production" });
    const pages = config.plugins.filter((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename?.endsWith(".html"));
    for (const p of pages) expect(p.userOptions.officeJs).toBe("office-js/office.js");
    expect(fs.existsSync(path.join(ROOT, "node_modules/@microsoft/office-js/dist/office.js"))).toBe(true);
  } finally {
    if (saved === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = saved;
  }
});
