import { registerWpsFunctions, WPS_FUNCTIONS, WPS_NAMESPACE } from "./functions";

const RULE = "≧10000万元（5分）；10000-5000万元（5-4分）；5000-1000万元（4-3分）；1000万元以下（3-0分）。";
const fn = (name: string) => WPS_FUNCTIONS.find((f) => f.name === name)!.fn;

test('=KJ.KJSCORE("2489万元", rule) gives 3.37 and =KJ.KJREQUIRED(3.39, rule) gives 2540 (the smallest whole 万元 whose rounded score is 3.39), as in Excel', () => {
  expect(fn("KJSCORE")("2489万元", RULE)).toBe(3.37);
  expect(fn("KJREQUIRED")(3.39, RULE)).toBe(2540);
  expect(fn("KJMAX")(RULE)).toBe(5);
  expect(fn("KJGRADE")(73.97)).toBe("B");
});

test("a range argument counts by its top-left cell, as WPS hands a range as a 2-D array", () => {
  expect(fn("KJSCORE")([["2489万元"]], [[RULE]])).toBe(3.37);
});

test("a value whose unit contradicts the rule is an error with the engine's Chinese reason, never a number", () => {
  expect(() => fn("KJSCORE")("28家", RULE)).toThrow(/单位/);
});

test("registers the four functions under the KJ namespace, or says it cannot on a WPS without custom functions", () => {
  const seen: string[] = [];
  expect(registerWpsFunctions({ AddCustomFunction: (ns, name) => void seen.push(`${ns}.${name}`) })).toBe(true);
  expect(seen).toEqual(["KJSCORE", "KJREQUIRED", "KJMAX", "KJGRADE"].map((n) => `${WPS_NAMESPACE}.${n}`));
  expect(registerWpsFunctions({})).toBe(false);
  expect(registerWpsFunctions(undefined)).toBe(false);
});
