#!/usr/bin/env node
/*
 * npm run build:wps — the WPS 加载项, ready to copy to machines without internet:
 *   dist-wps/kjscore_<version>/   the 加载项 folder (webpack.wps.config.js)
 *   dist-wps/jsplugins.xml        offline mode: WPS loads jsaddons/kjscore_<version>/ from disk
 *   dist-wps/publish.xml          online mode: WPS loads the folder from an (intranet) web server
 *   dist-wps/安装说明.txt          the steps, in Chinese (also in the README)
 *
 * WPS_ADDIN_URL=http://内网服务器/kjscore/ sets the server address written into both files (for the
 * offline mode WPS only uses it when the folder is missing; the folder copied by hand is loaded as
 * it is). wpsjs (WPS's own CLI) would ask these questions interactively and pack a .7z; the two files
 * are small enough to write here, and the folder is copied as it is.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const config = require("../webpack.wps.config.js");
const { version } = require("../package.json");

const ROOT = path.join(__dirname, "..");
const NAME = "kjscore";

function xmlAttr(s) {
  return String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function manifests(url) {
  const base = url.endsWith("/") ? url : url + "/";
  return {
    jsplugins: `<?xml version="1.0" encoding="UTF-8"?>\n<!-- 离线模式：把 ${config.FOLDER} 文件夹和本文件一起复制到 WPS 的 jsaddons 目录 -->\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${xmlAttr(base + config.FOLDER + ".7z")}" version="${xmlAttr(version)}"/>\n</jsplugins>\n`,
    publish: `<?xml version="1.0" encoding="UTF-8"?>\n<!-- 在线模式：${config.FOLDER} 文件夹放在内网 Web 服务器上，url 指向它 -->\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlAttr(base + config.FOLDER + "/")}" enable="true"/>\n</jsplugins>\n`,
  };
}

const GUIDE = (url) => `科创评分 WPS 加载项 ${version} 安装说明（无需联网）

一、单机安装（离线模式）
1. 关闭 WPS。
2. 打开 WPS 加载项目录（没有就新建）：
   Windows：在资源管理器地址栏输入 %appdata%\\kingsoft\\wps\\jsaddons
   Linux（统信、麒麟等）：~/.local/share/Kingsoft/wps/jsaddons
3. 把 ${config.FOLDER} 整个文件夹复制进去；再把 jsplugins.xml 复制进去
   （目录里已有 jsplugins.xml 时，把其中的 <jsplugin …/> 一行加到它的 <jsplugins> 里）。
4. 打开 WPS 表格：功能区“开始”后面出现“科创评分”选项卡，点“评分面板”打开任务窗格。
   文件夹名必须是 ${config.FOLDER}（名称_版本），WPS 据此认出已安装的版本，不会去下载。

二、整个单位安装
A. 复制安装：按“一”的步骤，用 U 盘或共享文件夹把同样两样东西复制到每台电脑的 jsaddons 目录。
B. 内网服务器：把 ${config.FOLDER} 文件夹放到任一内网 Web 服务器上（地址 ${url}），
   把 publish.xml 复制到每台电脑的 jsaddons 目录；以后只需更新服务器上的文件夹。
   服务器地址可在构建时设定：WPS_ADDIN_URL=http://内网地址/kjscore/ npm run build:wps
   也可直接用记事本改 publish.xml / jsplugins.xml 里的 url。

三、说明
- 自定义函数 =KJ.KJSCORE()、=KJ.KJREQUIRED()、=KJ.KJMAX()、=KJ.KJGRADE() 需要 WPS 12.1.0.20540 或更新版本；
  旧版本里任务窗格照常可用，窗格顶部会说明函数不可用。
- 加载项不联网：工作簿内容不会离开本机。
- 卸载：删除 jsaddons 目录中的 ${config.FOLDER} 文件夹，以及 jsplugins.xml / publish.xml 中 name="${NAME}" 的那一行。
`;

function build(outDir = path.join(ROOT, "dist-wps"), url = process.env.WPS_ADDIN_URL || "http://127.0.0.1/kjscore/") {
  return new Promise((resolve, reject) => {
    webpack(config({ wpsOut: outDir }, { mode: "production" }), (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      const m = manifests(url);
      fs.writeFileSync(path.join(outDir, "jsplugins.xml"), m.jsplugins);
      fs.writeFileSync(path.join(outDir, "publish.xml"), m.publish);
      fs.writeFileSync(path.join(outDir, "安装说明.txt"), GUIDE(url).replace(/\n/g, "\r\n"));
      resolve(path.join(outDir, config.FOLDER));
    });
  });
}

module.exports = { build, manifests, FOLDER: config.FOLDER };

if (require.main === module) {
  build(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
    .then((dir) => console.log(`WPS 加载项已生成：${path.relative(ROOT, dir)}（安装说明见 dist-wps/安装说明.txt）`))
    .catch((e) => {
      console.error(e.message || e);
      process.exit(1);
    });
}
