/*
 * The reference for the package reader's speed (issue 8): a minimal unzip-and-scan of the same
 * sheet XML — fflate's unzipSync of the workbook's first sheet and its shared strings, UTF-8
 * decoding, and one regexp pass that pulls every cell's ref, type and <v>. No number formats,
 * merges, formulas' text, rich text or validation: the least any reader of the cells must do.
 */
"use strict";
const { unzipSync, strFromU8 } = require("fflate");

const CELL = /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v>([\s\S]*?)<\/v>/;
const SI = /<si>([\s\S]*?)<\/si>/g;

function readMinimal(bytes) {
  const parts = unzipSync(bytes, { filter: (f) => f.name === "xl/worksheets/sheet1.xml" || f.name === "xl/sharedStrings.xml" });
  const strings = [];
  const sst = parts["xl/sharedStrings.xml"] ? strFromU8(parts["xl/sharedStrings.xml"]) : "";
  for (const m of sst.matchAll(SI)) strings.push(m[1].replace(/<[^>]+>/g, ""));
  const xml = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  let cells = 0;
  for (const m of xml.matchAll(CELL)) {
    const v = m[3] ? VALUE.exec(m[3]) : null;
    if (!v) continue;
    const value = / t="s"/.test(m[2]) ? strings[Number(v[1])] : Number(v[1]);
    if (value !== undefined) cells++;
  }
  return cells;
}

module.exports = { readMinimal };
