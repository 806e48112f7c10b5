/*
 * Engine throughput: distinct rule texts read per second (parseRule, so ruleFor's cache is
 * bypassed) and values scored per second under one parsed rule.
 */
"use strict";
const path = require("path");

const DIST = path.join(__dirname, "..", "..", "dist-cli");
const BUDGET_MS = 700;

/** Distinct rule texts: the seed's 17 rules, then banded rules with other thresholds. */
function ruleTexts(n) {
  const sample = require(path.join(DIST, "sample", "fengongbiao.json"));
  const texts = sample.indicators.map((i) => i["评分标准"]);
  for (let i = 0; texts.length < n; i++) {
    const lo = 100 + i;
    const mid = lo * 5;
    const hi = lo * 10;
    texts.push(`≧${hi}万元（5分）；\n${hi}-${mid}万元（5-4分）；\n${mid}-${lo}万元（4-3分）；\n${lo}万元以下（3-0分）。`);
  }
  return texts;
}

/** Calls per second of fn(i), measured over about BUDGET_MS after a warm-up. */
function rate(fn) {
  for (let i = 0; i < 200; i++) fn(i);
  let calls = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < BUDGET_MS) {
    for (let k = 0; k < 100; k++) fn(calls++);
    elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return (calls / elapsed) * 1000;
}

async function run() {
  const engine = require(path.join(DIST, "engine", "index.js"));
  const texts = ruleTexts(5000);
  const parses = rate((i) => engine.parseRule(texts[i % texts.length]));
  const rule = engine.parseRule(texts[0]);
  const values = Array.from({ length: 1000 }, (_, i) => `${(i * 13.7).toFixed(1)}万元`);
  const scores = rate((i) => rule.score({ v: values[i % values.length] }));
  const numeric = rate((i) => rule.score({ v: i % 12000 }));
  return [
    {
      name: "rules parsed (parseRule, distinct texts)",
      value: Math.round(parses),
      unit: "rules/s",
      note: `${texts.length} texts, seed rules + banded variants`,
    },
    { name: "scores (banded rule, text values)", value: Math.round(scores), unit: "scores/s", note: '"1234.5万元"' },
    { name: "scores (banded rule, numbers)", value: Math.round(numeric), unit: "scores/s", note: "plain numbers" },
  ];
}

module.exports = { run };
