/**
 * `npm run build:wps` as an office IT person would use it: the 加载项 folder, jsplugins.xml and
 * publish.xml. Every file the pages and the ribbon name exists, the XML is well-formed (xmllint,
 * Debian's libxml2-utils), every ribbon callback exists, and no page loads anything remote.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build, FOLDER } = require("../scripts/build-wps.js") as { build(out: string, url?: string): Promise<string>; FOLDER: string };

const XMLLINT = spawnSync("xmllint", ["--version"]).status === 0;
const MISSING_XMLLINT = "xmllint is not installed: install the apt package libxml2-utils to check the ribbon XML";

let out: string;
let addin: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-wps-"));
  addin = await build(out, "http://10.0.0.8/kjscore/");
}, 180000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function wellFormed(file: string): void {
  if (!XMLLINT) {
    if (process.env.CI === "true") throw new Error(MISSING_XMLLINT);
    // eslint-disable-next-line no-console
    console.warn(`skipping the xmllint check: ${MISSING_XMLLINT}`);
    return;
  }
  execFileSync("xmllint", ["--noout", file], { stdio: "pipe" });
}

test("the folder is named name_version, as WPS's offline mode looks it up", () => {
  expect(path.basename(addin)).toBe(FOLDER);
  expect(FOLDER).toMatch(/^kjscore_\d+\.\d+\.\d+$/);
});

test("jsplugins.xml and publish.xml are well-formed and name the folder, the version and WPS 表格 (type et)", () => {
  for (const f of ["jsplugins.xml", "publish.xml", path.join(FOLDER, "ribbon.xml")]) wellFormed(path.join(out, f));
  const js = fs.readFileSync(path.join(out, "jsplugins.xml"), "utf8");
  expect(js).toMatch(
    new RegExp(
      `<jsplugin name="kjscore" type="et" url="http://10\\.0\\.0\\.8/kjscore/${FOLDER}\\.7z" version="${FOLDER.split("_")[1].replace(/\./g, "\\.")}"/>`,
    ),
  );
  const pub = fs.readFileSync(path.join(out, "publish.xml"), "utf8");
  expect(pub).toContain(`<jspluginonline name="kjscore" type="et" url="http://10.0.0.8/kjscore/${FOLDER}/" enable="true"/>`);
  expect(fs.readFileSync(path.join(out, "安装说明.txt"), "utf8")).toContain("jsaddons");
});

test("every script, image and page the 加载项 names exists, and none is remote", () => {
  for (const page of ["index.html", "taskpane.html"]) {
    const html = fs.readFileSync(path.join(addin, page), "utf8");
    const refs = [...html.matchAll(/\b(?:src|href)=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect(r).not.toMatch(/^(https?:)?\/\//);
      expect(fs.existsSync(path.join(addin, r))).toBe(true);
    }
    expect(html).toMatch(/connect-src 'none'/);
  }
  const ribbon = fs.readFileSync(path.join(addin, "ribbon.xml"), "utf8");
  expect(ribbon).toContain('label="科创评分"');
  expect(fs.existsSync(path.join(addin, "images", "kjscore.png"))).toBe(true);
});

test("every callback the ribbon names is defined by the start page, and the button opens one task pane and then toggles it", () => {
  const ribbon = fs.readFileSync(path.join(addin, "ribbon.xml"), "utf8");
  const callbacks = [...ribbon.matchAll(/\b(?:onLoad|onAction|getImage)="ribbon\.(\w+)"/g)].map((m) => m[1]);
  expect(new Set(callbacks)).toEqual(new Set(["OnAddinLoad", "OnAction", "GetImage"]));
  const html = fs.readFileSync(path.join(addin, "index.html"), "utf8");
  const script = /\bsrc=("?)([^"\s>]+)\1/.exec(html)![2];
  const panes: { url: string; Visible: boolean; ID: number }[] = [];
  const storage = new Map<string, string>();
  const registered: string[] = [];
  const wps = {
    CreateTaskPane: (url: string) => {
      const p = { url, Visible: false, ID: panes.length + 7 };
      panes.push(p);
      return p;
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
    PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
    AddCustomFunction: (ns: string, name: string) => registered.push(`${ns}.${name}`),
  };
  const g: Record<string, unknown> = { wps, location: { href: "file:///C:/jsaddons/kjscore/index.html" } };
  new Function("globalThis", "window", "self", fs.readFileSync(path.join(addin, script), "utf8"))(g, g, g);
  const ribbonObj = g.ribbon as Record<string, (c: unknown) => unknown>;
  for (const c of callbacks) expect(typeof ribbonObj[c]).toBe("function");
  expect(registered).toEqual(["KJ.KJSCORE", "KJ.KJREQUIRED", "KJ.KJMAX", "KJ.KJGRADE"]);
  expect(fs.existsSync(path.join(addin, String(ribbonObj.GetImage({ Id: "kjscoreOpenPane" }))))).toBe(true);
  ribbonObj.OnAction({ Id: "kjscoreOpenPane" });
  ribbonObj.OnAction({ Id: "kjscoreOpenPane" });
  expect(panes).toHaveLength(1);
  expect(panes[0].url).toBe("file:///C:/jsaddons/kjscore/taskpane.html");
  expect(panes[0].Visible).toBe(false);
});
