/**
 * Properties of graded rules over random grade lists written the ways documents write them
 * ("完成情况好计4分，一般计3分，差计2分", "优秀加5分，良好加4分…"): each listed grade scores exactly its
 * points, never above the rule's maximum; a word that is not a listed grade is an error, never the
 * nearest; yes/no rules score 是 as their points and 否 as 0.
 */
import fc from "fast-check";
import { parseRule } from "../index";

const RUNS = { numRuns: 120 };
const GRADE_SETS = [
  ["好", "一般", "差"],
  ["优秀", "良好", "合格", "不合格"],
  ["优", "良", "中", "差"],
  ["较好", "一般", "较差"],
];
const VERBS = ["计", "得", "记"];

describe("graded rules", () => {
  test("each listed grade scores its points; others are errors", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: GRADE_SETS.length - 1 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom("", "工作开展情况", "示范推广完成情况"),
        (g, tenths, v, lead) => {
          const grades = GRADE_SETS[g];
          const points = grades.map((_x, i) => tenths[i] / 10);
          const text = lead + grades.map((x, i) => `${x}${VERBS[v]}${points[i]}分`).join("，");
          const rule = parseRule(text);
          expect(rule.kind).toBe("graded");
          expect(rule.max).toBe(Math.max(...points));
          grades.forEach((x, i) => {
            const r = rule.score({ v: x });
            expect(r).toMatchObject({ status: "exact", score: points[i] });
            if (r.status === "exact") expect(r.score).toBeLessThanOrEqual(rule.max!);
          });
          expect(rule.score({ v: "很好" }).status).toBe("error");
          expect(rule.score({ v: 3 }).status).toBe("error");
        },
      ),
      RUNS,
    );
  });

  test("yes/no: 是 scores the points, 否 and 无 score 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.constantFrom("（不使用不得分）", "，未完成的不得分", ""), (tenths, otherwise) => {
        const p = tenths / 10;
        const rule = parseRule(`按要求完成年度科技工作总结记${p}分${otherwise}`);
        expect(rule.kind).toBe("graded");
        expect(rule.max).toBe(p);
        expect(rule.score({ v: "是" })).toMatchObject({ status: "exact", score: p });
        expect(rule.score({ v: "否" })).toMatchObject({ status: "exact", score: 0 });
        expect(rule.score({ v: "无" })).toMatchObject({ status: "exact", score: 0 });
        expect(rule.score({ v: "部分完成" }).status).toBe("error");
      }),
      RUNS,
    );
  });
});
