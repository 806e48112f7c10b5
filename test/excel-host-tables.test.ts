/**
 * The Office.js host binds a chosen 分工表 (PaneHost.load(choice)) on the fake Excel
 * (test/excel-fake.ts), over two-sheets.xlsx written by openpyxl (test/fixtures/two-tables).
 */
import * as fs from "fs";
import * as path from "path";
import { createExcelHost } from "../src/excel/host";
import type { Plan } from "../src/model/types";
import { readWorkbook } from "../src/xlsx/read";
import { FakeWorkbook } from "./excel-fake";

async function setup() {
  const bytes = fs.readFileSync(path.join(__dirname, "fixtures", "two-tables", "two-sheets.xlsx"));
  const wb = FakeWorkbook.from((await readWorkbook(new Uint8Array(bytes))).data);
  const host = createExcelHost({ run: wb.run, notesSupported: () => wb.notesApi });
  return { wb, host };
}

const planOf = (r: Awaited<ReturnType<ReturnType<typeof createExcelHost>["load"]>>): Plan => {
  if (!r.ok) throw new Error(`load failed: ${r.message}`);
  return r.plan;
};

test("load() binds 分工表; load({sheet: 分工表2021}) reads and binds the 2021 sheet, and 应用 writes there", async () => {
  const { wb, host } = await setup();
  expect(planOf(await host.load()).sheet).toBe("分工表");
  const plan = planOf(await host.load({ sheet: "分工表2021", row: 2 }));
  expect(plan.sheet).toBe("分工表2021");
  expect(plan.indicators.map((i) => i.name)).toContain("高新技术企业数量（家）");
  await host.apply(plan);
  expect(wb.sheet("分工表2021").get(4, 7)?.v).toBe(6.8);
  expect(wb.sheet("分工表").get(2, 7)?.v).toBe(3.37);
  // asking again keeps it
  expect(planOf(await host.load({ sheet: "分工表2021" })).sheet).toBe("分工表2021");
});

test("a chosen sheet that does not exist is an error naming the sheets", async () => {
  const { host } = await setup();
  const r = await host.load({ sheet: "2022年" });
  expect(r).toMatchObject({ ok: false, reason: "error" });
  expect(!r.ok && r.message).toContain("没有名为“2022年”的工作表");
});
