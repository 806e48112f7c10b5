import fc from "fast-check";
import { classifyWord, editDistance, wordAfter } from "./unit-typos";
import { readUnit, readValue } from "./values";

describe("edit distance on units", () => {
  test.each([
    ["万园", "万元", 1],
    ["园", "万元", 2],
    ["万美元", "万元", 1],
    ["间/万人", "件/万人", 1],
    ["家", "家", 0],
    ["", "家", 1],
  ])("%s → %s is %d", (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe("a word after the number, against the rule's unit", () => {
  test.each([
    ["万园", "万元", "元", "万园"],
    ["万圆整", "万元", "元", "万圆"],
    ["完元", "万元", "元", "完元"],
    ["圆", "万元", "元", "圆"],
    ["加", "家", null, "加"],
    ["向", "项", null, "向"],
    ["间", "件", null, "间"],
    ["间/万人", "件/万人", null, "间/万人"],
  ])("“%s” under %s (its base %s) is a typo written “%s”", (word, unit, base, written) => {
    expect(classifyWord(word, unit, base)).toEqual({ kind: "typo", written });
  });

  test.each([
    ["万美元", "万元", "万美元"],
    ["美元", "万元", "美元"],
    ["亿日元", "万元", "亿日元"],
    ["平方米", "万元", "平方米"],
    ["分", "家", "分"],
  ])("“%s” under %s is another unit (%s), not a typo", (word, unit, other) => {
    expect(classifyWord(word, unit, unit === "万元" ? "元" : null)).toEqual({ kind: "other-unit", unit: other });
  });

  test.each([
    ["企业", "家"],
    ["加企业", "家"],
    ["支出", "万元"],
  ])("“%s” under %s is a word, not a unit", (word, unit) => {
    expect(classifyWord(word, unit, unit === "万元" ? "元" : null)).toEqual({ kind: "word" });
  });

  test.each([
    ["年", "家"],
    ["季度", "万元"],
    ["批", "家"],
  ])("“%s” under %s dates or ranks the number, it is no unit", (word, unit) => {
    expect(classifyWord(word, unit, unit === "万元" ? "元" : null)).toEqual({ kind: "context" });
  });

  test("the word stops at digits and punctuation", () => {
    expect(wordAfter("万园，其中300万元")).toBe("万园");
    expect(wordAfter("(预计)")).toBe("");
  });
});

describe("reading values with unit typos and real other units", () => {
  const value = (v: string, unit: string) => readValue({ v }, unit);

  test("“2489万园” under 万元 asks whether 万元 was meant, never scores", () => {
    expect(value("2489万园", "万元")).toEqual({ status: "error", message: "单位“万园”不是评分标准的单位“万元”，是否为“万元”？" });
  });

  test("“2489万美元” under 万元 is another currency: an error without a suggestion", () => {
    const r = value("2489万美元", "万元");
    expect(r).toEqual({ status: "error", message: "单位“万美元”与评分标准的单位“万元”不符" });
  });

  test("“1.2亿元” under 万元 converts to 12000万元 as before", () => {
    expect(value("1.2亿元", "万元")).toMatchObject({ status: "value", unit: "亿元" });
    const r = value("1.2亿元", "万元");
    expect(r.status === "value" && r.value.toNumber()).toBe(12000);
  });

  test("“2489元” under 万元 asks whether 万 was left out", () => {
    expect(value("2489元", "万元")).toMatchObject({ status: "error", message: expect.stringContaining("是否为“2489万元”？") });
  });

  test("a typo beside a plain number is still an error (“2489万园，增长5”)", () => {
    expect(value("2489万园，增长5", "万元").status).toBe("error");
  });
});

describe("a rule unit KJScore has no entry for", () => {
  test("“5场” under a 场 rule is the rule's unit, not a typo of it", () => {
    expect(classifyWord("场", "场", null)).toEqual({ kind: "rule-unit" });
    const r = readValue({ v: "举办5场" }, "场");
    expect(r.status === "value" && r.value.toNumber()).toBe(5);
  });
  test("“5杨” under a 场 rule is asked about", () => {
    expect(readValue({ v: "5杨" }, "场")).toEqual({ status: "error", message: "单位“杨”不是评分标准的单位“场”，是否为“场”？" });
  });
});

describe("property: a unit one edit from the rule's is never scored silently", () => {
  const UNITS = ["万元", "亿元", "家", "项", "件", "个", "%", "件/万人", "人"];
  // common CJK characters, the kind a pinyin or shape slip types in a unit's place
  const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));

  test("substitute or add one character: an error, or a real unit KJScore converts, or the unit still whole", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), cjk, fc.nat(), fc.integer({ min: 1, max: 99999 }), (unit, ch, at, n) => {
        const chars = [...unit];
        const i = at % chars.length;
        const edits = [[...chars.slice(0, i), ch, ...chars.slice(i + 1)].join(""), [...chars.slice(0, i), ch, ...chars.slice(i)].join("")];
        for (const written of edits) {
          if (written === unit || readUnit(written) !== null) continue; // a unit KJScore knows: converted or refused as before
          const r = readValue({ v: `${n}${written}` }, unit);
          // scored only where the edit left the rule's unit whole ("3大项" is 3项, "2489万元整" 2489万元)
          if (r.status === "value") expect([written, written.includes(unit)]).toEqual([written, true]);
        }
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});

describe("a symbol or a Chinese numeral typed into a unit is never scored silently", () => {
  const UNITS = ["万元", "亿元", "家", "项", "件", "个", "%", "件/万人", "人"];
  // 〇 and the numerals (src/engine/numerals.ts reads them only away from digits), and shapes a slip types
  const SLIPS = [..."零〇一二两三四五六七八九十百千万亿○●◯□■△"];

  test("every substitution or insertion at every place: an error, a unit KJScore converts, or the unit still whole", () => {
    const silent: string[] = [];
    for (const unit of UNITS) {
      const chars = [...unit];
      for (const ch of SLIPS) {
        for (let i = 0; i <= chars.length; i++) {
          const edits = [
            [...chars.slice(0, i), ch, ...chars.slice(i + 1)].join(""),
            [...chars.slice(0, i), ch, ...chars.slice(i)].join(""),
          ];
          for (const written of edits) {
            if (written === unit || readUnit(written) !== null) continue;
            for (const n of [1, 25, 1000]) {
              const r = readValue({ v: `${n}${written}` }, unit);
              if (r.status === "value" && !written.includes(unit)) silent.push(`${n}${written} → ${r.value.toDecimalString()}${unit}`);
            }
          }
        }
      }
    }
    expect(silent).toEqual([]);
  });

  test("“1000●元” under a 万元 rule is asked about, not read as 1000万元", () => {
    expect(readValue({ v: "1000●元" }, "万元")).toEqual({ status: "error", message: "单位“●元”不是评分标准的单位“万元”，是否为“万元”？" });
  });
});
