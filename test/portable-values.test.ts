/**
 * Text value cells as numbers with a format that shows the same text. The engine must read the
 * converted cell as the same value; LibreOffice's display of these formats is checked in
 * test/portable-libreoffice.test.ts.
 */
import { readValue } from "../src/engine/values";
import { convertTextValue, formatLiteral } from "../src/portable/values";

function engineValue(v: string | number, unit: string | null, numFmt?: string) {
  const r = readValue({ v, numFmt }, unit);
  if (r.status !== "value") throw new Error(`engine cannot read ${v}: ${JSON.stringify(r)}`);
  return r.value;
}

describe("convertTextValue", () => {
  test.each([
    ["2489万元", "万元", 2489, '0"万元"'],
    ["0.35%", "%", 0.0035, "0.00%"],
    ["0.50%", "%", 0.005, "0.00%"],
    ["1%", "%", 0.01, "0%"],
    ["28家", "家", 28, '0"家"'],
    ["3.5家", "家", 3.5, '0.0"家"'],
    ["1.37件/万人", "件/万人", 1.37, '0.00"件/万人"'],
    ["2.23家（工商企业注册15558家）", "家", 2.23, '0.00"家（工商企业注册15558家）"'],
    ["3家（工商企业16625家）", "家", 3, '0"家（工商企业16625家）"'],
    ["61.92家（工商注册15558家）", "家", 61.92, '0.00"家（工商注册15558家）"'],
    ["研发机构32家占15.14%", "%", 0.1514, '"研发机构32家占"0.00%'],
    ["12.11%", "%", 0.1211, "0.00%"],
    ["15,558家", "家", 15558, '#,##0"家"'],
    ["0.35％", "%", 0.35, '0.00"％"'],
    ["2489", "万元", 2489, "0"],
    ["约2489万元", "万元", 2489, '"约"0"万元"'],
  ])("%s (rule unit %s) → %p with %s, and the engine reads the same value", (text, unit, number, numFmt) => {
    const value = engineValue(text, unit);
    const c = convertTextValue(text, value);
    expect(c).toEqual({ ok: true, number, numFmt, shown: text });
    if (c.ok) expect(engineValue(c.number, unit, c.numFmt).eq(value)).toBe(true);
  });

  test("a unit conversion (1.2亿元 under 万元) is declined: 12000 cannot be shown as 1.2亿元", () => {
    const value = engineValue("1.2亿元", "万元");
    expect(value.toNumber()).toBe(12000);
    const c = convertTextValue("1.2亿元", value);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.reason).toContain("单位换算");
  });

  test("full-width digits and line breaks are declined with a reason", () => {
    const fw = convertTextValue("２４８９万元", 2489);
    expect(fw.ok).toBe(false);
    if (!fw.ok) expect(fw.reason).toContain("全角数字");
    const nl = convertTextValue("2489\n万元", 2489);
    expect(nl.ok).toBe(false);
    if (!nl.ok) expect(nl.reason).toContain("换行");
  });

  test("quotes and backslashes in the text are kept literally", () => {
    expect(formatLiteral('a"b')).toBe('"a"\\""b"');
    expect(formatLiteral('"')).toBe('\\"');
    const c = convertTextValue('5家\\"注"', 5);
    expect(c).toEqual({ ok: true, number: 5, numFmt: '0"家\\"\\""注"\\"', shown: '5家\\"注"' });
    // a quote that makes ExcelJS take the format for a date is declined instead
    const d = convertTextValue('5"d"', 5);
    expect(d.ok).toBe(false);
  });
});
