/**
 * The .xlsx copy legacyToXlsx makes from an .xls / .et / .ods opens in LibreOffice (an
 * independent reader), which shows the same cells: converted to CSV (the displayed text of the
 * first sheet) and back to .xlsx (every sheet, read by our reader). Needs the apt package
 * libreoffice-calc-nogui; skipped without it, except under CI=true, where it fails.
 */
import * as fs from "fs";
import * as path from "path";
import { legacyToXlsx, readLegacyWorkbook } from "../src/legacy";
import type { CellData } from "../src/model/types";
import { readWorkbook } from "../src/xlsx/read";
import { reload } from "./fixtures/xlsx/compare";
import { libreOfficeAvailable, parseCsv, recalcWithLibreOffice } from "./helpers/libreoffice";

const DIR = path.join(__dirname, "fixtures/legacy");
// LibreOffice's own, and the other writers' (make-others.sh): Gnumeric's BIFF8, Excel 95 and .ods, xlwt's, the flat .fods
const NAMES = [
  "sample.xls",
  "sample.et",
  "sample.ods",
  "features.xls",
  "gn-sample.xls",
  "gn-sample-95.xls",
  "gn-sample.ods",
  "xlwt-sample.xls",
  "lo-sample.fods",
];
const available = libreOfficeAvailable();
const maybe = available ? describe : describe.skip;

/** What LibreOffice's CSV shows for a cell of ours: the fixtures use General and "0.00" numbers. */
function shown(cell: CellData | undefined): string {
  if (!cell) return "";
  const v = cell.v;
  if (typeof v === "number")
    return cell.numFmt === "0.00" ? v.toFixed(2) : cell.numFmt === "0.00%" ? `${(v * 100).toFixed(2)}%` : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  return v ? v.error : "";
}

maybe("LibreOffice opens the .xlsx copy of a legacy file", () => {
  const books = NAMES.map((n) => readLegacyWorkbook(new Uint8Array(fs.readFileSync(path.join(DIR, n))), n));
  const copies = books.map((b) => legacyToXlsx(b));
  let csv: Uint8Array[];
  let xlsx: Uint8Array[];
  beforeAll(async () => {
    const files = copies.map((bytes, i) => ({ name: NAMES[i], bytes }));
    csv = await recalcWithLibreOffice(files, { to: "csv:Text - txt - csv (StarCalc):44,34,76" });
    xlsx = await recalcWithLibreOffice(files, { to: "xlsx" });
  }, 240_000);

  test.each(NAMES.map((n, i) => [n, i] as const))("%s: the first sheet shows the same text in every cell", (_name, i) => {
    const rows = parseCsv(new TextDecoder("utf-8").decode(csv[i]));
    const sheet = books[i].data.sheets[0];
    const width = Math.max(...sheet.cells.map((r) => r.length));
    for (let r = 0; r < sheet.cells.length; r++) {
      for (let c = 0; c < width; c++) {
        const cell = sheet.cells[r][c];
        // dates display through LibreOffice's own date rendering; check they are dates, not the serial
        if (cell?.numFmt?.includes("yy")) expect(rows[r]?.[c]).toMatch(/2020/);
        else expect([r, c, rows[r]?.[c] ?? ""]).toEqual([r, c, shown(cell)]);
      }
    }
  });

  test.each(NAMES.map((n, i) => [n, i] as const))(
    "%s: saved again by LibreOffice, every sheet and the note are still there",
    async (_name, i) => {
      const back = await readWorkbook(xlsx[i]);
      const names = [...books[i].data.sheets.map((s) => s.name), "转换说明"];
      expect(back.data.sheets.map((s) => s.name)).toEqual(names);
      expect(back.data.sheets[0].merges.slice().sort()).toEqual(books[i].data.sheets[0].merges.slice().sort());
      if (NAMES[i].startsWith("sample")) {
        // LibreOffice read the copy's styles: the header row is still bold, shaded and framed
        const header = (await reload(xlsx[i])).worksheets[0].getCell("B2");
        expect(header.font).toMatchObject({ bold: true });
        expect(header.border?.left).toMatchObject({ style: "thin" });
        expect(header.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFF2F2F2" } });
      }
      const note = back.data.sheets[names.length - 1].cells[0][0]!.v as string;
      expect(note).toMatch(/^本文件由科创评分从旧版 \.(xls|et|ods) 文件转换为 \.xlsx；以下内容未能保留：/);
    },
  );
});
