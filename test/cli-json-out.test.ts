/**
 * `kjscore check --json` writes a big report in pieces: joined, the pieces are exactly the text
 * JSON.stringify(report, null, 2) gives, at the top level and indented inside a folder's array.
 */
import { writeJson } from "../src/cli/json-out";
import { LazyList, lazyMap } from "../src/model/lazy-list";

function pieces(value: unknown, base = ""): string[] {
  const out: string[] = [];
  writeJson(value, (t) => out.push(t), base);
  return out;
}

const indicator = (i: number) => ({
  row: i + 3,
  name: `财政科技支出占比${i}`,
  weight: i % 3 === 0 ? null : 5,
  scores: [
    { column: "2019", computed: 3.37, message: "2489万元按“≥2000万元”：3.37分", range: null, note: undefined },
    { column: "2020目标", computed: null, flags: [], extra: {} },
  ],
  skip: () => 1,
  nan: NaN,
  quote: 'a "quoted"\nline\u2028',
});

describe("check --json in pieces", () => {
  const report = {
    file: "县.xlsx",
    sheet: "分工表",
    empty: [],
    none: {},
    missing: undefined,
    when: new Date(Date.UTC(2026, 11, 2)),
    indicators: Array.from({ length: 3000 }, (_, i) => indicator(i)),
    mixed: [1, undefined, () => 2, "x", null, { a: [] }],
    holes: Array.from({ length: 2500 }, (_, i) => (i % 3 === 0 ? undefined : i % 3 === 1 ? () => i : { i, name: `第${i}项` })),
    totals: Array.from({ length: 100 }, (_, i) => ({ column: String(2000 + i), computed: i / 7 })),
  };

  it("a 3,000-indicator report joins to exactly JSON.stringify's text, written in more than one piece", () => {
    const out = pieces(report);
    expect(out.length).toBeGreaterThan(1);
    expect(out.join("")).toBe(JSON.stringify(report, null, 2));
  });

  it("inside a folder's array each report is indented by two spaces, as the whole array's stringify", () => {
    const text = "[\n  " + pieces(report, "  ").join("") + ",\n  " + pieces({ file: "b.xlsx", error: "无法读取" }, "  ").join("") + "\n]";
    expect(text).toBe(JSON.stringify([report, { file: "b.xlsx", error: "无法读取" }], null, 2));
  });

  it("small values and values JSON has no text for come out as JSON.stringify writes them", () => {
    for (const v of [
      1,
      "二",
      null,
      true,
      [],
      {},
      [undefined],
      { a: undefined },
      Array.from({ length: 3000 }, () => undefined),
      { big: Array.from({ length: 3000 }, (_, i) => (i % 2 ? undefined : { n: i })) },
    ]) {
      expect(pieces(v).join("")).toBe(JSON.stringify(v, null, 2));
    }
    expect(pieces(undefined)).toEqual([]);
  });
});

describe("check --json of a report whose long lists are made as they are written", () => {
  it("a lazy list writes as the array it stands for, at any depth, empty or small, and JSON.stringify agrees", () => {
    const rows = Array.from({ length: 2500 }, (_, i) => i);
    const value = {
      file: "县.xlsx",
      indicators: lazyMap(rows, (i) => indicator(i)),
      empty: lazyMap([], (x) => x),
      small: { tasks: lazyMap([1, 2], (i) => ({ row: i, flags: [] })) },
      holes: lazyMap([1, 2, 3], (i) => (i === 2 ? undefined : i)),
      nested: lazyMap([1, 2], (i) => lazyMap([i, i + 1], (j) => ({ j }))),
    };
    const text = pieces(value).join("");
    expect(text).toBe(JSON.stringify(value, null, 2));
    expect(JSON.parse(text).indicators).toHaveLength(2500);
    expect(JSON.parse(text).holes).toEqual([1, null, 3]);
  });

  it("holds one element at a time: each is made just before its text is written", () => {
    let made = 0;
    const writtenWhenMade: number[] = [];
    let written = 0;
    const list = new LazyList(function* () {
      for (let i = 0; i < 5; i++) {
        made++;
        writtenWhenMade.push(written);
        yield { i, name: "x".repeat(70000) }; // each element alone fills a piece, so it is written before the next is made
      }
    }, 5);
    writeJson({ list }, () => written++);
    expect(made).toBe(5);
    expect(writtenWhenMade).toEqual([0, 1, 2, 3, 4]);
  });
});
