/*
 * The WPS 加载项 (npm run build:wps → dist-wps/): the same task pane inside WPS 表格.
 *   kjscore_<version>/index.html   start page WPS loads with WPS 表格: ribbon callbacks, custom functions
 *   kjscore_<version>/taskpane.html the React pane over the WPS host
 *   kjscore_<version>/ribbon.xml    the 科创评分 tab (CustomUI)
 *   kjscore_<version>/images/       the button's icon
 * The folder is named name_version because WPS's offline (jsplugins.xml) mode looks for exactly that
 * folder under jsaddons/. scripts/build-wps.js then writes jsplugins.xml, publish.xml and 安装说明.txt
 * beside it. Everything is local: no CDN, no fonts, no request leaves the pane.
 */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { tsRule } = require("./scripts/webpack-ts-rule");
const { version } = require("./package.json");

const FOLDER = `kjscore_${version}`;

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "production";
  const out = path.resolve(env.wpsOut || path.join(__dirname, "dist-wps"), FOLDER);
  return {
    name: "wps",
    mode,
    target: "web",
    context: __dirname,
    entry: { index: "./src/wps/index.ts", taskpane: "./src/wps/taskpane.tsx" },
    output: {
      path: out,
      filename: "js/[name].[contenthash:8].js",
      chunkFilename: "js/[name].[contenthash:8].js",
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [tsRule({ sourceMap: false })],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/wps/addin/index.html", chunks: ["index"], scriptLoading: "defer" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/addin/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/icon-32.png", to: "images/kjscore.png" },
        ],
      }),
    ],
    // ExcelJS would only be pulled in by a lazy path the WPS pane never takes; keep the chunk count small
    optimization: { splitChunks: false },
    devtool: false,
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
module.exports.FOLDER = FOLDER;
