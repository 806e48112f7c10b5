/*
 * The Office.js host's cost per full recalculation (load() + apply()) on the fake Excel of the
 * tests (test/excel-fake.ts, Office.js batch semantics), for 17 (the seed), 1,000 and 10,000
 * indicator rows: context.sync() calls (the goal is 2 once the sheet is known: one read, one
 * write), host time (read → plan → write, median of a few runs), and the largest response.
 * On Excel on the web a response over 5 MB fails, so the host reads in row chunks past 4.5 MB:
 * the "web" rows show what that costs.
 * TypeScript is compiled in memory with the project's own typescript (no build step).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..", "..");

function registerTypeScript() {
  if (require.extensions[".ts"]) return;
  const ts = require("typescript");
  require.extensions[".ts"] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
    });
    module._compile(out.outputText, filename);
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function run() {
  registerTypeScript();
  const { createExcelHost } = require(path.join(ROOT, "src/excel/host.ts"));
  const { WEB_PAYLOAD_LIMIT } = require(path.join(ROOT, "src/excel/read.ts"));
  const { FakeWorkbook } = require(path.join(ROOT, "test/excel-fake.ts"));
  const { newWorkbook, addTableSheet, sampleSpec } = require(path.join(ROOT, "src/xlsx/template.ts"));
  const { workbookToData } = require(path.join(ROOT, "src/xlsx/read.ts"));

  const rows = [];
  for (const n of [17, 1000, 10000]) {
    const spec = sampleSpec();
    const seedRows = spec.rows;
    const book = newWorkbook();
    addTableSheet(book, {
      ...spec,
      rows: Array.from({ length: n }, (_, i) => seedRows[i % seedRows.length]),
      totals: n === 17 ? spec.totals : null,
    });
    const data = workbookToData(book);

    for (const web of [false, true]) {
      const runs = n >= 10000 ? 3 : 5;
      const times = [];
      let syncs = 0;
      let maxBytes = 0;
      let writes = 0;
      for (let i = 0; i < runs; i++) {
        const wb = FakeWorkbook.from(data);
        const host = createExcelHost({ run: wb.run, notesSupported: () => true, payloadLimit: web ? WEB_PAYLOAD_LIMIT : Infinity });
        const first = await host.load(); // binds to the sheet (and learns its size)
        if (!first.ok) throw new Error(first.message);
        wb.syncs = 0;
        wb.responseBytes = [];
        const t0 = process.hrtime.bigint();
        const r = await host.load();
        if (!r.ok) throw new Error(r.message);
        await host.apply(r.plan);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        syncs = wb.syncs;
        maxBytes = Math.max(...wb.responseBytes);
        writes = r.plan.writes.length;
      }
      const label = `${n.toLocaleString("en-US")} rows${web ? ", web (4.5 MB chunks)" : ""}`;
      rows.push({
        name: `recalculation syncs, ${label}`,
        value: syncs,
        unit: "syncs",
        note: syncs === 2 ? "goal 2: one read, one write" : "read in row chunks: response over 4.5 MB",
      });
      if (!web) {
        rows.push({
          name: `recalculation host time, ${label}`,
          value: Math.round(median(times) * 10) / 10,
          unit: "ms",
          note: `read + plan + write on the fake Excel, median of ${runs}; ${writes} writes`,
        });
      }
      rows.push({
        name: `largest response, ${label}`,
        value: Math.round(maxBytes / 1024),
        unit: "KB",
        note: "Excel on the web refuses responses over 5 MB",
      });
    }
  }
  return rows;
}

module.exports = { run };
if (require.main === module)
  run().then(
    (r) => console.table(r),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
