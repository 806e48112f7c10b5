/*
 * Writes the page a second time as ONE self-contained file, dist/kjscore.html, for offices with no
 * Node.js and often no network: copied to a USB stick, mailed or put on a shared folder, it works
 * opened by double-click (file://), with no server and no request.
 *
 * From the page's own build (filehost.html and its chunks, already minified):
 *   - the entry script becomes an inline <script> at the end of <body> (the served page loads it
 *     with defer, which also runs it after the body is parsed);
 *   - every lazy chunk becomes an inert <script type="text/x-kjscore-chunk" data-src="…"> block,
 *     run only when the page first imports it (src/filehost/inline-chunks.ts), so the first view
 *     parses no more script than the served page;
 *   - the Content-Security-Policy becomes one for a file with no origin to trust: nothing may load
 *     from anywhere (default-src 'none'), and scripts run only when their text has one of the listed
 *     SHA-256 hashes (the entry and each chunk). Styles need 'unsafe-inline': Fluent UI inserts its
 *     <style> rules at run time and React sets style attributes; styles cannot run code and, with
 *     default-src 'none', cannot fetch anything either. Downloads are blob: URLs the page makes.
 */
"use strict";
const crypto = require("crypto");

const CHUNK_TYPE = "text/x-kjscore-chunk"; // src/filehost/inline-chunks.ts reads the same type

const POLICY = (hashes) =>
  [
    "default-src 'none'",
    `script-src ${hashes.map((h) => `'sha256-${h}'`).join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    // the zip layer may inflate in a worker built from its own code (a blob: URL), never a remote one
    "worker-src blob:",
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");

/**
 * Script text safe inside <script>…</script>: the HTML parser ends the element at "</script" and,
 * after "<!--", stops ending it at all, whatever the type. Minified code has both only inside
 * string literals, where "<\/" and "<\!" read the same to JavaScript.
 */
function scriptSafe(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

function sha256(text) {
  return crypto.createHash("sha256").update(text, "utf8").digest("base64");
}

class SingleFilePlugin {
  /** @param {{ html: string, out: string }} opts  the page's html asset and the single file to write */
  constructor(opts) {
    this.opts = opts;
  }

  apply(compiler) {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap("SingleFilePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        // after minification and after html-webpack-plugin has written the page
        { name: "SingleFilePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          const page = assets[this.opts.html];
          if (!page) {
            compilation.errors.push(new webpack.WebpackError(`SingleFilePlugin: ${this.opts.html} was not written`));
            return;
          }
          let html = page.source().toString();
          const entryFiles = [];
          html = html.replace(/<script\b[^>]*\bsrc=["']?([^"' >]+)["']?[^>]*><\/script>/g, (_, src) => {
            entryFiles.push(src);
            return "";
          });
          if (entryFiles.length === 0) {
            compilation.errors.push(new webpack.WebpackError(`SingleFilePlugin: no script in ${this.opts.html}`));
            return;
          }
          const text = (f) => {
            const a = assets[f];
            if (!a) throw new Error(`SingleFilePlugin: ${f} missing`);
            return a.source().toString();
          };
          const entry = entryFiles.map((f) => scriptSafe(text(f))).join("\n;\n");
          const chunkFiles = Object.keys(assets)
            .filter((f) => f.endsWith(".js") && !entryFiles.includes(f))
            .sort();
          const chunks = chunkFiles.map((f) => ({ src: f, js: scriptSafe(text(f)) }));
          const hashes = [entry, ...chunks.map((c) => c.js)].map(sha256);

          const csp = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/i;
          if (!csp.test(html)) {
            compilation.errors.push(new webpack.WebpackError(`SingleFilePlugin: ${this.opts.html} has no Content-Security-Policy meta`));
            return;
          }
          html = html.replace(csp, () => `<meta http-equiv="Content-Security-Policy" content="${POLICY(hashes)}">`);
          const licenses = Object.keys(assets)
            .filter((f) => f.endsWith(".LICENSE.txt"))
            .sort()
            .map((f) => assets[f].source().toString().replace(/--/g, "- -"))
            .join("\n");
          const tail =
            chunks.map((c) => `<script type="${CHUNK_TYPE}" data-src="${c.src}">${c.js}</script>`).join("") +
            `<script>${entry}</script>` +
            (licenses ? `<!-- third-party licences:\n${licenses}\n-->` : "");
          if (!/<\/body>/i.test(html)) {
            compilation.errors.push(new webpack.WebpackError(`SingleFilePlugin: ${this.opts.html} has no </body>`));
            return;
          }
          html = html.replace(/<\/body>/i, () => `${tail}</body>`);
          // already minified: no minimizer may touch it (its scripts must keep the hashed text)
          compilation.emitAsset(this.opts.out, new webpack.sources.RawSource(html), { minimized: true });
        },
      );
    });
  }
}

module.exports = { SingleFilePlugin, scriptSafe, CHUNK_TYPE, POLICY };
