import { numeralValue, withArabicNumerals } from "./numerals";
import { readValue } from "./values";
import { ruleFor } from ".";
import { explained } from "../../test/helpers/explained";

describe("Chinese numerals in a value cell", () => {
  test.each([
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["五十", 50],
    ["一百零五", 105],
    ["一千零一", 1001],
    ["三千", 3000],
    ["十万", 100000],
    ["三千万", 30000000],
    ["一亿五千万", 150000000],
    ["两亿", 200000000],
  ])("%s is %d", (s, n) => {
    expect(numeralValue(s)).toBe(n);
  });

  test("runs that are not one numeral are left alone", () => {
    expect(numeralValue("二三")).toBeNull();
    expect(numeralValue("十三五")).toBeNull();
    expect(withArabicNumerals("十三五期间")).toBe("十三五期间");
  });

  test("only a numeral right before a unit or classifier is a number", () => {
    expect(withArabicNumerals("五十家")).toBe("50家");
    expect(withArabicNumerals("省级两家，国家级一家")).toBe("省级2家，国家级1家");
    expect(withArabicNumerals("第一批")).toBe("第一批");
    expect(withArabicNumerals("一级")).toBe("一级");
    expect(withArabicNumerals("十几家")).toBe("十几家");
    expect(withArabicNumerals("园区二期工程")).toBe("园区二期工程");
    expect(withArabicNumerals("三千万元")).toBe("30000000元");
    // a digit before it: a mistyped unit ("1000万元" with 万 typed as 一), never 10001元
    expect(withArabicNumerals("1000一元")).toBe("1000一元");
  });

  test("“五十家” under the 高新技术企业 rule scores as 50家 does (8.33), and “三千万元” as 3000万元", () => {
    const hi = ruleFor("≧100家（10分）；\n100-40家（10-8分）；\n40-10家（8-5分）；\n10家以下（5-0分）。");
    expect(hi.score({ v: "五十家" })).toMatchObject({ status: "exact", score: 8.33, value: 50 });
    expect(readValue({ v: "三千万元" }, "万元")).toMatchObject({ status: "value" });
    const money = ruleFor("≧10000万元（5分）；\n10000-5000万元（5-4分）；\n5000-1000万元（4-3分）；\n1000万元以下（3-0分）。");
    expect(explained(money.score({ v: "三千万元" }))).toEqual(explained(money.score({ v: "3000万元" })));
  });
});
