/*
 * Whole-process wall time of the command line, as a person runs it: `kjscore check` on the
 * built-in sample, and on a folder of 40 generated county workbooks (goal: under 3 s).
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { writeCounties } = require("./_counties");

const BIN = path.join(__dirname, "..", "..", "bin", "kjscore.js");
const GOAL_40_MS = 3000;

function timed(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Best of `n` runs: the machine's noise only ever adds time. */
function best(args, n) {
  let run = timed(args);
  for (let i = 1; i < n; i++) {
    const next = timed(args);
    if (next.ms < run.ms) run = next;
  }
  return run;
}

async function run() {
  const rows = [];
  const sample = best(["check"], 3);
  rows.push({
    name: "kjscore check (built-in sample)",
    value: Math.round(sample.ms),
    unit: "ms",
    note: sample.status === 0 ? "exit 0" : `exit ${sample.status}: ${sample.stderr.trim()}`,
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-bench-"));
  try {
    await writeCounties(dir, 40);
    const text = best(["check", dir], 3);
    const json = best(["check", dir, "--json"], 3);
    let analysed = "?";
    try {
      analysed = JSON.parse(json.stdout).filter((r) => !r.error).length;
    } catch {
      /* reported below through the exit status */
    }
    const verdict = (r) =>
      `${r.ms < GOAL_40_MS ? "goal met" : "GOAL MISSED"}: under ${GOAL_40_MS / 1000} s for 40; exit ${r.status}` +
      (r.status === 0 ? "" : `: ${r.stderr.trim().split("\n")[0]}`);
    rows.push({ name: "kjscore check <40 counties>", value: Math.round(text.ms), unit: "ms", note: verdict(text) });
    rows.push({
      name: "kjscore check <40 counties> --json",
      value: Math.round(json.ms),
      unit: "ms",
      note: `${verdict(json)}; ${analysed}/40 analysed`,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

module.exports = { run };
