/*
 * Generates county 分工表 workbooks from the built-in template, varied the way real copies
 * vary: renamed sheet, lines above the title, a 序号 column, spaced headers, other years,
 * other values, the rule texts retyped (≥ / >= / ≧, half-width brackets and semicolons),
 * blank rows before 合计得分, notes below. Deterministic: county i always gets the same file.
 * Uses the compiled template module in dist-cli (scripts/bench.js builds it when missing), or the
 * one passed in (the tests pass src/xlsx/template.ts, so the same counties are checked by jest).
 * Not a benchmark itself (the leading "_" keeps the harness from running it).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const DIST = path.join(__dirname, "..", "..", "dist-cli");

/** mulberry32: a small seeded PRNG, so the counties are the same on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTIES = ["霸州市", "固安县", "永清县", "香河县", "大城县", "文安县", "大厂回族自治县", "三河市", "安次区", "广阳区"];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** Scale the leading number of a value cell ("2489万元" → "2731万元"), keeping its unit and context. */
function scaleValue(v, factor) {
  if (typeof v !== "string") return v;
  return v.replace(/^(\d+(?:\.\d+)?)/, (m) => {
    const decimals = (m.split(".")[1] || "").length;
    return (Number(m) * factor).toFixed(decimals);
  });
}

/** Retype a rule the way another typist would: same meaning, other characters. */
function retypeRule(rule, rand) {
  let r = rule;
  const ge = pick(rand, ["≧", "≥", ">=", "≧"]);
  r = r.split("≧").join(ge);
  if (rand() < 0.4) r = r.replace(/（/g, "(").replace(/）/g, ")");
  if (rand() < 0.3) r = r.replace(/；/g, ";");
  if (rand() < 0.3) r = r.replace(/\n/g, "");
  return r;
}

const compiledTemplate = () => require(path.join(DIST, "xlsx", "template.js"));

function countySpec(i, template = compiledTemplate()) {
  const { sampleSpec, printedHeader } = template;
  const rand = prng(1000 + i);
  const spec = sampleSpec();
  const county = COUNTIES[i % COUNTIES.length] + (i >= COUNTIES.length ? `（第${Math.floor(i / COUNTIES.length) + 1}组）` : "");
  const base = 2017 + Math.floor(rand() * 4); // first year 2017..2020
  spec.sheetName = pick(rand, ["分工表", "Sheet1", "县域科技创新评价", `${COUNTIES[i % COUNTIES.length]}分工表`]);
  spec.title = `${county}科技创新能力监测评价指标测算责任分工表`;
  spec.preamble = rand() < 0.5 ? [] : ["附件", `${county}人民政府办公室 ${base + 2}年4月29日`].slice(0, 1 + Math.floor(rand() * 2));
  spec.seqColumn = rand() < 0.3;
  spec.ruleHeader = rand() < 0.5 ? "评分标准" : "评  分  标  准";
  spec.years = [
    { valueHeader: printedHeader(`${base}年情况`), scoreHeader: `${base}年评价指标得分` },
    { valueHeader: printedHeader(`${base + 1}年情况`), scoreHeader: `${base + 1}年评价指标得分预测` },
    { valueHeader: printedHeader(`${base + 2}年工作目标`), scoreHeader: printedHeader(`${base + 2}年目标得分`) },
  ];
  for (const row of spec.rows) {
    const factor = 0.7 + rand() * 0.7;
    row.cells = row.cells.map(([v, s]) => [scaleValue(v, factor), s]);
    row.rule = retypeRule(row.rule, rand);
  }
  spec.blankRowsBeforeTotal = Math.floor(rand() * 4);
  spec.notes = rand() < 0.5 ? [] : ["注：数据由各责任单位按月报送。"];
  return spec;
}

/** Write `count` county workbooks into `dir`; returns their paths. */
async function writeCounties(dir, count = 40, template = compiledTemplate()) {
  const { addTableSheet, newWorkbook } = template;
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const wb = newWorkbook();
    if (i % 5 === 0) wb.addWorksheet("封面").getCell("A1").value = "科技创新跃升工作方案";
    addTableSheet(wb, countySpec(i, template));
    const file = path.join(dir, `county-${String(i + 1).padStart(2, "0")}.xlsx`);
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    files.push(file);
  }
  return files;
}

module.exports = { writeCounties, countySpec, prng };
