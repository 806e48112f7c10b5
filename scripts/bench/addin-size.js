/*
 * The task pane's initial JavaScript, gzipped: every script taskpane.html loads (office.js from
 * Microsoft's CDN aside), from dist/. Goal: ≤ 142 KB; Microsoft's React task pane template ships
 * 167 KB. Builds dist/ (webpack production, add-in only) when it has no taskpane.html or is
 * older than the sources.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const GOAL_KB = 142;
const TEMPLATE_KB = 167;

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuilt() {
  const html = path.join(DIST, "taskpane.html");
  const sources = Math.max(newest(path.join(ROOT, "src")), fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs);
  if (fs.existsSync(html) && fs.statSync(html).mtimeMs >= sources) return false;
  process.stderr.write("bench: building the add-in (webpack --mode production --env addinOnly)…\n");
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "addinOnly"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`webpack failed: ${(r.stderr || r.stdout).split("\n").slice(0, 5).join(" ")}`);
  return true;
}

async function run() {
  const built = ensureBuilt();
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  const js = Buffer.concat(scripts.map((s) => fs.readFileSync(path.join(DIST, s))));
  const gz = zlib.gzipSync(js, { level: 9 }).length / 1024;
  const lazy = fs.readdirSync(DIST).filter((f) => /^(exceljs|template)\..*\.js$/.test(f));
  const lazyGz = lazy.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length, 0) / 1024;
  return [
    {
      name: "task pane initial JS (gzip)",
      value: Math.round(gz * 10) / 10,
      unit: "KB",
      note: `${scripts.join(" + ")}; goal ≤ ${GOAL_KB} KB (${gz <= GOAL_KB ? "met" : "MISSED"}), Microsoft's template ${TEMPLATE_KB} KB${built ? "; built now" : ""}`,
    },
    { name: "task pane initial JS (minified)", value: Math.round(js.length / 102.4) / 10, unit: "KB", note: "before gzip" },
    {
      name: "sample-sheet chunks, lazy (gzip)",
      value: Math.round(lazyGz * 10) / 10,
      unit: "KB",
      note: `${lazy.join(" + ")}: loaded only by 插入示例分工表`,
    },
  ];
}

module.exports = { run };
if (require.main === module)
  run().then(
    (r) => console.table(r),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
