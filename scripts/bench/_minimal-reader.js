/*
 * The reference for the package reader's speed (issue 8): a minimal unzip-and-scan of the sheet
 * XML — fflate's unzipSync of every worksheet (xl/worksheets/*.xml) and the shared strings, UTF-8
 * decoding, and one regexp pass per sheet that pulls every cell's ref, type and <v>. Every
 * worksheet, because a reader that must find the 分工表 cannot know beforehand which sheet holds
 * it (in the bench every 5th county has a one-cell 封面 sheet first; scanning only sheet1.xml
 * would time that cover, not the table). No workbook part, number formats, merges, formulas'
 * text, rich text or validation: the least any reader of the cells must do.
 */
"use strict";
const { unzipSync, strFromU8 } = require("fflate");

const CELL = /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v>([\s\S]*?)<\/v>/;
const SI = /<si>([\s\S]*?)<\/si>/g;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

function readMinimal(bytes) {
  const parts = unzipSync(bytes, { filter: (f) => WORKSHEET.test(f.name) || f.name === "xl/sharedStrings.xml" });
  const strings = [];
  const sst = parts["xl/sharedStrings.xml"] ? strFromU8(parts["xl/sharedStrings.xml"]) : "";
  for (const m of sst.matchAll(SI)) strings.push(m[1].replace(/<[^>]+>/g, ""));
  let cells = 0;
  for (const name of Object.keys(parts)) {
    if (!WORKSHEET.test(name)) continue;
    const xml = strFromU8(parts[name]);
    for (const m of xml.matchAll(CELL)) {
      const v = m[3] ? VALUE.exec(m[3]) : null;
      if (!v) continue;
      const value = / t="s"/.test(m[2]) ? strings[Number(v[1])] : Number(v[1]);
      if (value !== undefined) cells++;
    }
  }
  return cells;
}

module.exports = { readMinimal };
