#!/usr/bin/env node
"use strict";
// Runs the compiled command line (npm run build:cli, also run by `npm install` through "prepare").
let main;
try {
  main = require("../dist-cli/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("dist-cli")) {
    process.stderr.write("kjscore 尚未编译：请先运行 npm run build:cli\n");
    process.exit(2);
  }
  throw e;
}
// `kjscore check … | head`: the reader went away; stop quietly instead of printing a stack
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
    throw e;
  });
}
main.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误：${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
