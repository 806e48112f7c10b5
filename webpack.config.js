/*
 * Builds the Excel add-in into dist/:
 *   taskpane.html + taskpane.js   the React pane, also the shared runtime (custom functions, commands)
 *   functions.js                  the custom functions alone (the manifest's <Script> URL)
 *   functions.json                custom function metadata from functions.ts's JSDoc (Chinese, default)
 *   functions.en-US.json          the same from functions.en.ts (English; the manifest's en-US override)
 *   commands.html + commands.js   ribbon command page
 *   assets/*.png, manifest.xml    (manifest URLs rewritten to ADDIN_URL)
 *
 * Environment:
 *   ADDIN_URL=https://addin.example.org/kjscore/   base URL written into dist/manifest.xml
 *                                                   (default https://localhost:3000/, the dev server)
 *   --env addinOnly    build only the add-in, not the browser page (webpack.page.config.js)
 *   OFFICE_JS=local    load office.js from a copy of @microsoft/office-js (tests, plain browsers)
 *                      instead of Microsoft's CDN, which Office add-ins must use in production.
 *
 *   npm run build        production build (minified, no source maps, tree shaken)
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs certificates
 */
"use strict";
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { tsRule } = require("./scripts/webpack-ts-rule");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FUNCTION_NAMES = ["KJSCORE", "KJREQUIRED", "KJMAX", "KJGRADE"];
const METADATA = [
  { input: "./src/functions/functions.ts", output: "functions.json" },
  { input: "./src/functions/functions.en.ts", output: "functions.en-US.json" },
];

const TERSER = { ecma: 2020, module: true, compress: { passes: 2, pure_getters: true }, format: { comments: false } };

/**
 * webpack's own minimizer (minimizer-webpack-plugin, webpack's dependency) with terser options
 * that save ~20% gzip on the task pane, skipping ExcelJS, which ships minified (build time).
 */
function minimizer() {
  const MinimizerPlugin = require(require.resolve("minimizer-webpack-plugin", { paths: [path.dirname(require.resolve("webpack"))] }));
  return new MinimizerPlugin({
    test: /\.[cm]?js$/i,
    exclude: /^exceljs\./,
    minify: MinimizerPlugin.terserMinify,
    minimizerOptions: TERSER,
  });
}

function addinUrl() {
  let url = process.env.ADDIN_URL || DEV_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_URL must be an https:// URL, got "${url}"`);
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * custom-functions-metadata-plugin reports generation errors in ways that do not always fail
 * the build, and then writes nothing. Fail the build unless both metadata files exist, parse,
 * and name the same four functions.
 */
class RequireFunctionMetadataPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RequireFunctionMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RequireFunctionMetadata", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const ids = {};
          for (const { output, input } of METADATA) {
            const asset = assets[output];
            const text = asset ? asset.source().toString() : "";
            let functions = null;
            try {
              functions = JSON.parse(text).functions;
            } catch {
              functions = null;
            }
            if (!Array.isArray(functions) || functions.length === 0) {
              compilation.errors.push(
                new webpack.WebpackError(`${output}: custom function metadata missing or empty (generated from ${input})`),
              );
              continue;
            }
            ids[output] = functions
              .map((f) => f.id)
              .sort()
              .join(",");
            const missing = FUNCTION_NAMES.filter((n) => !functions.some((f) => f.id === n && f.name === n));
            if (missing.length) compilation.errors.push(new webpack.WebpackError(`${output}: missing functions ${missing.join(", ")}`));
          }
          // each function's helpUrl points at the dev server in the JSDoc: the build's own URL instead
          for (const { output } of METADATA) {
            const asset = assets[output];
            if (asset && this.url !== DEV_URL)
              compilation.updateAsset(output, new webpack.sources.RawSource(asset.source().toString().split(DEV_URL).join(this.url)));
          }
          const [a, b] = METADATA.map((m) => ids[m.output]);
          if (a && b && a !== b)
            compilation.errors.push(
              new webpack.WebpackError(`functions.json and functions.en-US.json name different functions: ${a} vs ${b}`),
            );
        },
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : CDN_OFFICE_JS;
  const url = addinUrl();

  let https;
  if (env.WEBPACK_SERVE) {
    // only the dev server needs certificates; a build must not try to install any
    const devCerts = require("office-addin-dev-certs");
    https = await devCerts.getHttpsServerOptions();
  }

  const copy = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    // the help page (SupportUrl, LearnMoreUrl, each function's helpUrl): static, offline
    { from: "src/help/help.html", to: "help.html" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      // URLs first, then the bare origin (AppDomain)
      transform: (content) =>
        production ? content.toString().split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(new URL(url).origin) : content,
    },
  ];
  if (localOfficeJs) {
    copy.push({ from: "node_modules/@microsoft/office-js/dist", to: "office-js", globOptions: { ignore: ["**/*.debug.js"] } });
  }

  const addin = {
    name: "addin",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.ts",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      // the browser page (webpack.page.config.js) and npm start's stamp share dist/
      clean: { keep: (asset) => asset.startsWith("filehost") || asset === "kjscore.html" || asset.startsWith(".kjscore") },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        tsRule({ sourceMap: !production }),
        // src/model is pure (no module runs anything on import): an export the pane does not use, such as
        // toReport and the analysis behind it, is left out of the bundle instead of riding along
        { test: /[\\/]src[\\/]model[\\/].*\.ts$/, sideEffects: false },
      ],
    },
    optimization: {
      minimize: production,
      minimizer: [minimizer()],
      splitChunks: {
        // ExcelJS (lazy, for 插入示例分工表) in a chunk of its own: it ships minified already
        cacheGroups: { exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true } },
      },
      usedExports: true,
      sideEffects: true,
    },
    performance: { hints: false }, // the gzip budget is checked by the bench and the build test
    plugins: [
      new webpack.DefinePlugin({ "process.env.NODE_ENV": JSON.stringify(production ? "production" : "development") }),
      ...METADATA.map((m) => new CustomFunctionsMetadataPlugin(m)),
      new RequireFunctionMetadataPlugin(production ? url : DEV_URL),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeJs,
      }),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    // rebuilds (tests, npm start, bench) reuse unchanged modules and minified chunks
    cache: { type: "filesystem", name: `addin-${production ? "production" : "development"}`, buildDependencies: { config: [__filename] } },
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "https",
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
    },
  };

  // The browser page over a local .xlsx has its own config; `npm run build` builds both.
  const pageConfig = path.join(__dirname, "webpack.page.config.js");
  if (env.addinOnly || !fs.existsSync(pageConfig)) return addin;
  return [addin, require(pageConfig)(env, argv)];
};

module.exports.RequireFunctionMetadataPlugin = RequireFunctionMetadataPlugin;
module.exports.addinUrl = addinUrl;
