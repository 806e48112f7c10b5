/**
 * Runs every fixture: src/engine/fixtures/rules/*.json (a rule, its kind and max, value cases and
 * required values) and src/engine/fixtures/bad-rules.txt (unreadable rules and the part each must name).
 * To add a case, add JSON — no code.
 */
import * as fs from "fs";
import * as path from "path";
import { parseRule, RuleError, type CellScalar, type Rule, type ScoreResult } from "./index";

type Expect = number | [number, number] | "manual" | "error" | "no-value";

interface Case {
  value: CellScalar;
  numFmt?: string;
  expect: Expect;
  /** substring of the error message */
  message?: string;
  /** the value as read, in the rule's unit */
  valueIs?: number;
  /** a printed score the range must contain */
  contains?: number;
  /** last year's 情况 under the same rule, for "新增" */
  previousValue?: CellScalar;
  why?: string;
}

interface Fixture {
  name: string;
  rule: string;
  kind: Rule["kind"];
  max: number | null;
  unit?: string | null;
  /** [low, high, lowScore, highScore], ascending */
  bands?: [number, number | null, number, number][];
  cases: Case[];
  required?: { score: number; value: number | null }[];
  /** the row's 权重分值 (the full score of a rule that says "得满分") */
  weight?: number;
  /** judged ranges: the scores an assessor may give */
  allowed?: [number, number][];
  /** the value a person can enter: smallest at `precision` decimals whose rounded score reaches `score` */
  needed?: { score: number; value: number | null; precision?: number }[];
}

const dir = path.join(__dirname, "fixtures");
const files = fs
  .readdirSync(path.join(dir, "rules"))
  .filter((f) => f.endsWith(".json"))
  .sort();

function load(file: string): Fixture[] {
  const data = JSON.parse(fs.readFileSync(path.join(dir, "rules", file), "utf8")) as Fixture | Fixture[];
  return Array.isArray(data) ? data : [data];
}

function show(v: CellScalar): string {
  return typeof v === "string" ? `“${v.replace(/\n/g, "⏎")}”` : JSON.stringify(v);
}

function describeExpect(c: Case): string {
  const e = c.expect;
  if (Array.isArray(e)) return `scores between ${e[0]} and ${e[1]}`;
  if (typeof e === "number") return `scores ${e}`;
  if (e === "error") return `is a value error${c.message ? ` (${c.message})` : ""}`;
  return `is ${e}`;
}

function checkResult(r: ScoreResult, c: Case): void {
  const e = c.expect;
  if (typeof e === "number") {
    expect(r).toMatchObject({ status: "exact", score: e });
  } else if (Array.isArray(e)) {
    expect(r).toMatchObject({ status: "range", low: e[0], high: e[1] });
  } else if (e === "error") {
    expect(r.status).toBe("error");
    if (c.message && r.status === "error") expect(r.message).toContain(c.message);
  } else {
    expect(r.status).toBe(e);
  }
  if (c.valueIs !== undefined) expect(r).toMatchObject({ value: c.valueIs });
  if (c.contains !== undefined) {
    if (r.status === "range") {
      expect(r.low).toBeLessThanOrEqual(c.contains);
      expect(r.high).toBeGreaterThanOrEqual(c.contains);
    } else {
      expect(r).toMatchObject({ status: "exact", score: c.contains });
    }
  }
}

describe.each(files)("fixture %s", (file) => {
  describe.each(load(file).map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const rule = parseRule(f.rule);

    test(`is read as ${f.kind}, max ${f.max}${f.unit !== undefined ? `, unit ${f.unit}` : ""}`, () => {
      expect(rule.kind).toBe(f.kind);
      expect(rule.max).toBe(f.max);
      if (f.unit !== undefined) expect(rule.unit).toBe(f.unit);
      if (f.allowed) expect(rule.allowed).toEqual(f.allowed);
      if (f.bands) {
        expect(rule.bands?.map((b) => [b.low, b.high, b.lowScore, b.highScore])).toEqual(f.bands);
      }
    });

    test.each(f.cases.map((c) => [`${show(c.value)}${c.numFmt ? ` (format ${c.numFmt})` : ""} ${describeExpect(c)}`, c] as const))(
      "%s",
      (_t, c) => {
        const previous = c.previousValue !== undefined ? rule.score({ v: c.previousValue }, { weight: f.weight }) : undefined;
        const context = previous || f.weight !== undefined ? { previous, weight: f.weight } : undefined;
        // a growth rule reads last year's value itself
        if (context && c.previousValue !== undefined) Object.assign(context, { previousInput: { v: c.previousValue } });
        const r = rule.score({ v: c.value, numFmt: c.numFmt }, context);
        checkResult(r, c);
      },
    );

    if (f.required?.length) {
      test.each(f.required.map((q) => [q.score, q.value] as const))("score %p needs %p", (score, value) => {
        expect(rule.required(score)).toBe(value);
      });
    }
  });
});

function neededCases(f: Fixture) {
  return (f.needed ?? []).map((q) => [q.score, q.precision ?? "the rule's", q.value, q] as const);
}

const withNeeded = files.flatMap((file) =>
  load(file)
    .filter((f) => f.needed?.length)
    .map((f) => [`${file}: ${f.name}`, f] as const),
);

describe("the value a person can enter", () => {
  test("some fixtures say what value a score needs", () => expect(withNeeded.length).toBeGreaterThan(3));
  describe.each(withNeeded)("%s", (_name, f) => {
    const rule = parseRule(f.rule);
    test.each(neededCases(f))("score %p at %p precision needs %p", (score, _p, value, q) => {
      expect(rule.needed?.(score, { precision: q.precision, weight: f.weight }) ?? null).toBe(value);
    });
  });
});

interface BadRule {
  text: string;
  part: string;
  message?: string;
}

function badRules(): BadRule[] {
  const raw = fs.readFileSync(path.join(dir, "bad-rules.txt"), "utf8");
  return raw
    .split(/^---$/m)
    .map((block) => {
      const lines = block.split("\n").filter((l) => !l.startsWith("#"));
      const part = lines.find((l) => l.startsWith("part:"));
      const message = lines.find((l) => l.startsWith("message:"));
      const text = lines
        .filter((l) => !l.startsWith("part:") && !l.startsWith("message:"))
        .join("\n")
        .trim();
      return {
        text,
        part: (part ?? "part:").slice("part:".length).trim(),
        message: message?.slice("message:".length).trim(),
      };
    })
    .filter((b) => b.text !== "" || b.part !== "" || b.message);
}

describe("rules the engine cannot read name the part", () => {
  const cases = badRules();
  test("bad-rules.txt has blocks", () => expect(cases.length).toBeGreaterThan(10));
  test.each(cases.map((b) => [b.part === "" ? "(empty rule)" : b.part, b] as const))("%s", (_p, b) => {
    let error: unknown;
    try {
      parseRule(b.text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleError);
    const re = error as RuleError;
    expect(re.part).toBe(b.part);
    if (b.message) expect(re.message).toContain(b.message);
  });
});
