#!/usr/bin/env node
/*
 * npm run bench: runs every module in scripts/bench/ (files starting with "_" are helpers) and
 * prints one table. A module exports `async function run()` returning rows
 * { name, value, unit, note }. Modules run one after another, so they do not disturb each
 * other's timings. Builds dist-cli first when it is missing or older than the sources.
 *   node scripts/bench.js [name-filter]      e.g. node scripts/bench.js cli
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { execSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const BENCH_DIR = path.join(__dirname, "bench");
const MAIN = path.join(ROOT, "dist-cli", "cli", "main.js");

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const sources = ["engine", "model", "xlsx", "cli", "sample"].map((d) => newestMtime(path.join(ROOT, "src", d)));
  const built = fs.existsSync(MAIN) ? fs.statSync(MAIN).mtimeMs : 0;
  if (built === 0 || Math.max(...sources) > built) {
    process.stderr.write("bench: building dist-cli (npm run build:cli)…\n");
    execSync("npm run build:cli", { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    // tsc keeps an unchanged output file's mtime; mark the build so the next run does not rebuild
    const now = new Date();
    fs.utimesSync(MAIN, now, now);
  }
}

/** Terminal columns: CJK and full-width characters take two. */
function width(s) {
  return [...String(s)].reduce(
    (n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
}

function pad(s, w, right) {
  s = String(s);
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function formatValue(v) {
  return typeof v === "number" ? v.toLocaleString("en-US") : String(v);
}

async function main() {
  const filter = process.argv[2];
  ensureBuilt();
  const modules = fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".js") && !f.startsWith("_"))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  const rows = [];
  let failed = 0;
  for (const file of modules) {
    const mod = path.basename(file, ".js");
    const t0 = Date.now();
    try {
      const out = await require(path.join(BENCH_DIR, file)).run();
      for (const r of out) rows.push({ mod, ...r });
    } catch (e) {
      failed++;
      rows.push({ mod, name: "(failed)", value: "", unit: "", note: String(e && e.message ? e.message : e).split("\n")[0] });
    }
    process.stderr.write(`bench: ${mod} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const head = { mod: "module", name: "measure", value: "value", unit: "unit", note: "note" };
  const all = [head, ...rows.map((r) => ({ ...r, value: formatValue(r.value) }))];
  const w = (k) => Math.max(...all.map((r) => width(r[k] ?? "")));
  const line = (r) =>
    [pad(r.mod, w("mod")), pad(r.name, w("name")), pad(r.value, w("value"), true), pad(r.unit, w("unit")), r.note ?? ""].join("  ");
  console.log(line(head));
  console.log(["mod", "name", "value", "unit"].map((k) => "-".repeat(w(k))).join("  ") + "  " + "-".repeat(4));
  for (const r of all.slice(1)) console.log(line(r));
  if (failed > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
