#!/usr/bin/env node
/*
 * npm start — the README's "run it":
 *   1. builds what is stale: the command line (dist-cli) and the webpack production build (dist/);
 *   2. prints the built-in sample 分工表's scores (kjscore check), so the terminal shows what the pane will;
 *   3. where Excel desktop is installed (Windows, macOS), sideloads the add-in as Microsoft's Office
 *      templates do (office-addin-debugging with the https dev server);
 *      elsewhere (Linux, no Excel, WPS offices) serves dist/ on localhost and prints the address of the
 *      browser page, which opens with the sample already scored.
 * It says what it did at each step. Ctrl-C stops it.
 *
 *   npm start                    as above
 *   npm start -- --browser       the browser page even where Excel is installed
 *   PORT=8080 npm start          another port (the next free one is taken when it is busy)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const tools = require("./filehost");

const ROOT = tools.ROOT;
const DIST = path.join(ROOT, "dist");
const STAMP = path.join(DIST, ".kjscore-build");
const CLI_MAIN = path.join(ROOT, "dist-cli", "cli", "main.js");
const say = (line) => process.stdout.write(line + "\n");

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function npmRun(script) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["run", "--silent", script], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) throw new Error(`npm run ${script} 失败（退出码 ${r.status}）`);
}

function buildCliIfStale() {
  // tsconfig.cli.json's folders, and src/portable, which the command imports (tsc follows imports)
  const sources = Math.max(...["engine", "model", "xlsx", "cli", "sample", "portable"].map((d) => newestMtime(path.join(ROOT, "src", d))));
  const built = fs.existsSync(CLI_MAIN) ? fs.statSync(CLI_MAIN).mtimeMs : 0;
  if (built && built >= sources) {
    say("命令行 dist-cli/ 已是最新。");
    return;
  }
  say("正在编译命令行（npm run build:cli）…");
  npmRun("build:cli");
  const now = new Date();
  fs.utimesSync(CLI_MAIN, now, now); // tsc keeps an unchanged file's time
}

/** What dist/ is built from: the page's sources plus the add-in's config, manifest and icons. */
function buildHash() {
  const extra = ["webpack.config.js", "manifest.xml", "assets"].map((p) => path.join(ROOT, p));
  return tools.pageSourceHash(extra);
}

async function buildIfStale() {
  const hash = buildHash();
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8").trim() === hash && fs.existsSync(path.join(DIST, "filehost.html"))) {
    say("dist/ 已是最新，跳过构建。");
    return;
  }
  const t0 = Date.now();
  say("正在构建（webpack，生产模式），约需一两分钟…");
  // webpack.config.js builds the add-in and the browser page (webpack.page.config.js)
  await tools.runWebpack({ config: path.join(ROOT, "webpack.config.js"), quiet: false });
  fs.writeFileSync(STAMP, hash + "\n");
  say(`构建完成（${((Date.now() - t0) / 1000).toFixed(0)} 秒）：dist/`);
}

function printSample() {
  say("");
  say("内置示例分工表的评分（kjscore check）：");
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "kjscore.js"), "check"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) say("（示例评分未能打印，见上方信息）");
  say("");
}

/** Excel desktop, where the Office templates' sideloading works. */
function excelInstalled() {
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    for (const r of roots) {
      for (const v of ["root\\Office16", "root\\Office15", "Office16", "Office15"]) {
        if (fs.existsSync(path.join(r, "Microsoft Office", v, "EXCEL.EXE"))) return true;
      }
    }
  }
  return false;
}

function sideload() {
  say("检测到 Excel 桌面版：用 office-addin-debugging 旁加载加载项（与微软 Office 模板相同），");
  say("开发服务器 https://localhost:3000 ；Excel 启动后在“开始”选项卡点“科创评分”。按 Ctrl-C 停止并卸载加载项。");
  const cmd = process.platform === "win32" ? "npx.cmd" : "npx";
  const args = [
    "office-addin-debugging",
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    "3000",
  ];
  const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGINT");
    // as the templates' `npm run stop`: stop the dev server and unregister the add-in
    spawnSync(cmd, ["office-addin-debugging", "stop", "manifest.xml"], {
      cwd: ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    say("已停止，并卸载了旁加载的加载项。");
    process.exit(0);
  };
  child.on("exit", (code) => {
    if (!stopping) process.exit(code ?? 0);
  });
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function openBrowser(url) {
  if (process.env.CI || process.env.KJSCORE_NO_BROWSER) return false;
  const hasDisplay = process.platform !== "linux" || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!hasDisplay) return false;
  const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(opener, [url], { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

async function servePage() {
  const port = process.env.PORT ? Number(process.env.PORT) : 3000;
  const s = await tools.serveDir(DIST, { port, host: "127.0.0.1", index: "filehost.html" });
  const url = `http://localhost:${s.port}/filehost.html`;
  if (s.port !== port) say(`端口 ${port} 已被占用，改用 ${s.port}。`);
  say(`已在 ${url} 打开内置示例分工表（本机网页，无需 Excel；文件只在浏览器中处理，不会上传）。`);
  say(
    openBrowser(url) ? "已用默认浏览器打开这个地址。" : "请在浏览器中打开这个地址；点“打开文件”或把 .xlsx 拖到页面上，评分你自己的分工表。",
  );
  say("按 Ctrl-C 停止。");
  const stop = () => {
    say("\n已停止。");
    s.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function main() {
  const argv = process.argv.slice(2);
  buildCliIfStale();
  await buildIfStale();
  printSample();
  if (!argv.includes("--browser") && excelInstalled()) sideload();
  else {
    if (process.platform === "win32" || process.platform === "darwin") say("没有找到 Excel 桌面版：改为在浏览器中运行任务窗格。");
    await servePage();
  }
}

main().catch((e) => {
  process.stderr.write(`npm start 失败：${e && e.message ? e.message : e}\n`);
  process.exit(1);
});
