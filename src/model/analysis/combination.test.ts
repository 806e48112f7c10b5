import { solvedExactly, suggestCombination, type Candidate } from "./combination";

const step = (row: number, from: number, to: number, relative: number): Candidate => ({
  row,
  name: `指标${row}`,
  fromScore: from,
  toScore: to,
  value: null,
  action: `${to}`,
  relative,
});

describe("the suggested combination", () => {
  test("takes the mix with the smallest sum of relative increases, not the best points per increase", () => {
    // greedy by cost per point takes row 1's 1→2 (0.1/pt), then must add row 2's big step;
    // the exact search sees that row 3's one step (cost 0.5) closes the 3-point gap alone
    const groups = [[step(1, 1, 2, 0.1)], [step(2, 0, 2, 0.6)], [step(3, 0, 3, 0.5)]];
    expect(suggestCombination(groups, 3).map((c) => c.row)).toEqual([3]);
  });

  test("at most one step per indicator, the cheapest level that is enough", () => {
    const groups = [[step(1, 2, 3, 0.1), step(1, 2, 4, 0.3), step(1, 2, 5, 0.9)]];
    expect(suggestCombination(groups, 1.5)).toEqual([groups[0][1]]);
  });

  test("when nothing closes the gap, every indicator's largest step", () => {
    const groups = [[step(1, 2, 3, 0.1), step(1, 2, 4, 0.3)], [step(2, 0, 1, 0.2)], []];
    expect(suggestCombination(groups, 10).map((c) => [c.row, c.toScore])).toEqual([
      [1, 4],
      [2, 1],
    ]);
  });

  test("a gap of 0 needs nothing", () => {
    expect(suggestCombination([[step(1, 0, 1, 0.1)]], 0)).toEqual([]);
  });
});

describe("a sheet too large for the exact search", () => {
  // 3,000 indicators, each with one step worth 1 point at a cost that falls with the row: 3,000 × 2,001 states is past the bound
  const many = Array.from({ length: 3000 }, (_, i) => [step(i + 1, 0, 1, 1 / (i + 1))]);

  test("is solved greedily by cost per point, still closing the gap with the cheapest rows", () => {
    expect(solvedExactly(many, 20)).toBe(false);
    const picked = suggestCombination(many, 20);
    expect(picked.map((c) => c.row)).toEqual(Array.from({ length: 20 }, (_, i) => 3000 - i));
  });

  test("a 17-row 分工表 is always solved exactly, even 100 points from the next grade", () => {
    expect(solvedExactly(many.slice(0, 17), 100)).toBe(true);
  });
});
