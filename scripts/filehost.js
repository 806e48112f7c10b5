/*
 * The browser page's tooling, shared by `npm start`, the end-to-end tests and the page benchmark:
 * a tiny static server (node:http, no dependency), the page build, and headless Chromium.
 */
"use strict";
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const crypto = require("crypto");
const { spawn } = require("child_process");

const ROOT = path.join(__dirname, "..");

// ------------------------------------------------------------------ static server

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Serve `dir` on localhost: `port` or the next free one (up to 20 further). GET/HEAD only,
 * nothing outside `dir`, "/" goes to `index` when given. Resolves to { server, port, url, close() }.
 */
function serveDir(dir, { port = 3000, host = "127.0.0.1", index = null, tries = 20 } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === "/" && index) {
      res.writeHead(302, { Location: "/" + index }).end();
      return;
    }
    const file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404 未找到 / not found\n");
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] || "application/octet-stream";
      // hashed bundle names never change content; the page itself is always revalidated
      const cache = /\.[0-9a-f]{8}\.js$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
      res.writeHead(200, { "Content-Type": type, "Content-Length": st.size, "Cache-Control": cache, "X-Content-Type-Options": "nosniff" });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    let attempt = 0;
    const listen = (p) => {
      server.once("error", (e) => {
        if (e.code === "EADDRINUSE" && port !== 0 && attempt < tries) {
          attempt++;
          listen(p + 1);
        } else reject(e);
      });
      server.listen(p, host, () => {
        server.removeAllListeners("error");
        const actual = server.address().port;
        resolve({
          server,
          port: actual,
          url: `http://${host.includes(":") ? `[${host}]` : host}:${actual}`,
          close: () => new Promise((r) => server.close(() => r())),
        });
      });
    };
    listen(port);
  });
}

// ------------------------------------------------------------------ page build

const PAGE_CONFIG = path.join(ROOT, "webpack.page.config.js");
const WEBPACK_CLI = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

/** Run webpack (the page config alone, or `config` when given) in production mode; rejects with webpack's output. */
function runWebpack({ config = PAGE_CONFIG, env = [], mode = "production", quiet = true } = {}) {
  const args = [WEBPACK_CLI, "--config", config, "--mode", mode, ...env.flatMap((e) => ["--env", e])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let out = "";
    if (quiet) {
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
    }
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`webpack failed (exit ${code}):\n${out.slice(-4000)}`))));
  });
}

function listFiles(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (!/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** A hash of everything the page is built from (its sources, the config, the installed packages), and of `extra` files or folders. */
function pageSourceHash(extra = []) {
  const h = crypto.createHash("sha256");
  const files = [
    ...listFiles(path.join(ROOT, "src")).sort(),
    PAGE_CONFIG,
    path.join(ROOT, "scripts", "single-file-plugin.js"),
    path.join(ROOT, "package-lock.json"),
  ];
  for (const e of extra) {
    if (fs.existsSync(e) && fs.statSync(e).isDirectory()) files.push(...listFiles(e).sort());
    else files.push(e);
  }
  for (const f of files) {
    if (!fs.existsSync(f)) continue;
    h.update(path.relative(ROOT, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * The page built from the current sources, in a private folder (never dist/, which other builds
 * clean): reused while the sources are unchanged, built once when several test files ask at once.
 * Resolves to the folder holding filehost.html.
 */
async function ensurePageBuilt({ log = () => undefined } = {}) {
  const base = path.join(os.tmpdir(), "kjscore-filehost");
  fs.mkdirSync(base, { recursive: true });
  const dir = path.join(base, pageSourceHash());
  const done = () => fs.existsSync(path.join(dir, "filehost.html"));
  if (done()) return dir;
  const lock = dir + ".lock";
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      // another process builds the same sources; a lock older than 10 minutes is a dead build
      if (Date.now() - fs.statSync(lock).mtimeMs > 600000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      if (done()) return dir;
      if (Date.now() - started > 900000) throw new Error("timed out waiting for another build of the page");
    }
  }
  try {
    if (done()) return dir;
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    log("building the page (webpack, production)…");
    await runWebpack({ env: [`pageOut=${tmp}`] });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
    return dir;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ chromium

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_APT = "chromium fonts-wqy-microhei";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function chromiumAvailable() {
  return fs.existsSync(CHROMIUM);
}

/** Headless Chromium through playwright-core, with a fresh throw-away profile. Resolves to { context, close() }. */
async function launchChromium(contextOptions = {}) {
  const { chromium } = require("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "kjscore-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...contextOptions,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = {
  ROOT,
  serveDir,
  runWebpack,
  pageSourceHash,
  ensurePageBuilt,
  CHROMIUM,
  CHROMIUM_APT,
  CHROMIUM_ARGS,
  chromiumAvailable,
  launchChromium,
};
