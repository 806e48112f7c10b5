/** Laying a message flat keeps its text and its identity: what the user reads is unchanged. */
import { flat, flattened } from "./flat-text";

test("a message built in pieces, laid flat, is the same string with the same text", () => {
  const cell = "K3";
  const score = (3.39).toFixed(2);
  for (const built of [
    `${cell}：目标值未填写，目标得分 ${score} 没有依据；需要达到 ${2540}万元`,
    `${score}`,
    "",
    " 12 ",
    `${"a".repeat(20)}${"e".repeat(20)}\u0065\u0301`, // a decomposed é stays decomposed
  ]) {
    const before = built.slice();
    const after = flat(built);
    expect(after).toBe(built);
    expect(after).toBe(before);
    expect(after.length).toBe(before.length);
  }
  expect(flattened()).toBeGreaterThan(0);
});
