/*
 * The browser page (dist/filehost.html): the task pane over a local .xlsx, without Office.js.
 * Its own config so the page shares nothing with the add-in's bundles: no office.js, and the
 * ExcelJS adapter is a lazy chunk (src/filehost/host.ts imports it on demand).
 * webpack.config.js includes it; `env.pageOut` builds it alone elsewhere (the e2e tests do).
 * The same build also writes kjscore.html: the page and all its chunks in one offline file
 * (scripts/single-file-plugin.js), to hand out to machines with no Node.js.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { SingleFilePlugin } = require("./scripts/single-file-plugin");
const { tsRule } = require("./scripts/webpack-ts-rule");

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "production";
  return {
    name: "filehost",
    mode,
    target: "web",
    context: __dirname,
    entry: { filehost: "./src/filehost/index.tsx" },
    output: {
      path: env.pageOut ? path.resolve(env.pageOut) : path.resolve(__dirname, "dist"),
      filename: "filehost/[name].[contenthash:8].js",
      chunkFilename: "filehost/[name].[contenthash:8].js",
      publicPath: "",
      clean: false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [tsRule({ sourceMap: mode !== "production" })],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "filehost.html",
        template: "./src/filehost/filehost.html",
        chunks: ["filehost"],
        scriptLoading: "defer",
        minify: mode === "production" ? { collapseWhitespace: true, removeComments: true } : false,
      }),
      new SingleFilePlugin({ html: "filehost.html", out: "kjscore.html" }),
    ],
    devtool: mode === "production" ? false : "source-map",
    // rebuilds (tests, npm start) reuse the unchanged modules
    cache: {
      type: "filesystem",
      name: `filehost-${mode}`,
      buildDependencies: { config: [__filename, require.resolve("./scripts/single-file-plugin")] },
    },
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
