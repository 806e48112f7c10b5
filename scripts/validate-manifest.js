#!/usr/bin/env node
/*
 * Validates manifest.xml (and dist/manifest.xml when a build exists) against Microsoft's add-in
 * manifest XSDs with xmllint, offline. Exits non-zero when a manifest is invalid or when the
 * check cannot run (xmllint or the schemas missing).
 *
 *   npm run validate                      # manifest.xml [+ dist/manifest.xml]
 *   node scripts/validate-manifest.js FILE.xml …
 *   MANIFEST_XSD_DIR=/path/to/office-manifest-xsd npm run validate
 *
 * The schemas are looked for in $MANIFEST_XSD_DIR, then ../shared/office-manifest-xsd next to
 * the repository. xmllint comes from the apt package libxml2-utils.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");

function findSchema() {
  const dirs = [process.env.MANIFEST_XSD_DIR, path.resolve(root, "..", "shared", "office-manifest-xsd")].filter(Boolean);
  for (const dir of dirs) {
    const xsd = path.join(dir, "OfficeAppManifestV1_1.xsd");
    if (fs.existsSync(xsd)) return xsd;
  }
  return null;
}

function hasXmllint() {
  const r = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return !r.error;
}

/** Validates one file; returns { ok, output }. */
function validate(file, xsd) {
  const r = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout || ""}${r.stderr || ""}`.trim() };
}

function main(argv) {
  const files = argv.length
    ? argv.map((f) => path.resolve(f))
    : [path.join(root, "manifest.xml"), path.join(root, "dist", "manifest.xml")].filter((f, i) => i === 0 || fs.existsSync(f));
  const xsd = findSchema();
  if (!xsd) {
    console.error("validate: manifest schemas not found (set MANIFEST_XSD_DIR or put them in ../shared/office-manifest-xsd)");
    return 2;
  }
  if (!hasXmllint()) {
    console.error("validate: xmllint not found — install the apt package libxml2-utils");
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const { ok, output } = validate(file, xsd);
    console.log(`${ok ? "ok  " : "FAIL"} ${path.relative(process.cwd(), file) || file}`);
    if (!ok) {
      failed++;
      console.error(output);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
module.exports = { findSchema, hasXmllint, validate };
