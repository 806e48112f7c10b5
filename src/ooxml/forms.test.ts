/**
 * Valid .xlsx forms other tools write (test/fixtures/corpus: Gnumeric's files and the forms
 * derive_forms.py derives from XlsxWriter's, each change justified by ECMA-376 / ISO/IEC 29500):
 * they read as the same cells as the file they came from, and the patcher writes into them
 * in their own form.
 */
import * as fs from "fs";
import * as path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { XlsxPackageError } from "./errors";
import { addLegacyDrawing } from "./notes";
import { patchPackage } from "./patch";
import { readPackage } from "./read";
import { readZip } from "./zip";
import type { CellData } from "../model/types";

const CORPUS = path.join(__dirname, "../../test/fixtures/corpus");
const corpus = (name: string) => new Uint8Array(fs.readFileSync(path.join(CORPUS, name)));
const SHEET = "分工表";

const cellsOf = (bytes: Uint8Array, sheet = SHEET) => readPackage(bytes).data.sheets.find((s) => s.name === sheet)!.cells;

describe("a derived form reads as the same 分工表 as the XlsxWriter file it came from", () => {
  test.each([
    ["dv-rless.xlsx", "xw-all.xlsx"],
    ["dv-prefixed.xlsx", "xw-all.xlsx"],
    ["dv-opc.xlsx", "xw-all.xlsx"],
    ["dv-strict.xlsx", "xw-base.xlsx"],
    ["dv-strict-notes.xlsx", "xw-notes.xlsx"],
  ])("%s: every cell of every sheet as in %s", (derived, source) => {
    const a = readPackage(corpus(derived)).data.sheets;
    const b = readPackage(corpus(source)).data.sheets;
    expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
    expect(a).toEqual(b);
  });

  test("dv-prefixed.xlsx: rule texts in CDATA sections and as character references read as their text", () => {
    const ss = readZip(corpus("dv-prefixed.xlsx")).text("xl/sharedStrings.xml")!;
    expect(ss).toContain("<![CDATA[");
    expect(ss).toMatch(/&#x[0-9A-F]{4};/);
    const rules = cellsOf(corpus("dv-prefixed.xlsx")).map((row) => row?.[3]?.v);
    expect(rules).toEqual(cellsOf(corpus("xw-all.xlsx")).map((row) => row?.[3]?.v));
  });
});

describe("dv-excel.xlsx: the cell forms of CT_Cell (ECMA-376 Part 1 §18.3.1.4) beside the table", () => {
  const cells = cellsOf(corpus("dv-excel.xlsx"));
  const p = (row: number): CellData | undefined => cells[row - 1]?.[15];
  test("an error, a boolean, an ISO 8601 date (t=d) as a serial, an empty <v/> as nothing", () => {
    expect(p(3)).toEqual({ v: { error: "#N/A" } });
    expect(p(4)).toEqual({ v: true });
    // 2020-04-29 08:30 in the 1900 date system
    expect(p(5)!.v).toBeCloseTo(43950 + 8.5 / 24, 9);
    expect(p(6)).toBeUndefined();
  });
  test("a formula without <v>, an array formula, a string formula, inline rich text", () => {
    expect(p(7)).toEqual({ v: null, formula: "G7+I7" });
    expect(p(8)).toEqual({ v: 8.37, formula: "SUM(G3:G4*1)" });
    expect(p(9)).toEqual({ v: "得分3", formula: '"得分"&G9' });
    expect(p(10)).toEqual({ v: "甲 乙" });
  });
  test("the table itself reads as in xw-all.xlsx (mc:Ignorable, xr:uid and x14ac change nothing)", () => {
    const plain = cellsOf(corpus("xw-all.xlsx"));
    expect(cells.map((row) => row.slice(0, 11))).toEqual(plain.map((row) => row.slice(0, 11)));
  });
});

/** A one-sheet package around the given sheetData, zipped by fflate (not by the writer under test). */
function tinyPackage(sheetData: string, names: (n: string) => string = (n) => n): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [names(k), strToU8(v)])));
}

const values = (bytes: Uint8Array) => cellsOf(bytes, "表").map((row) => Array.from(row, (c) => c?.v ?? null));
const sheetOf = (bytes: Uint8Array, name = "xl/worksheets/sheet1.xml") => readZip(bytes).text(name)!;

describe("<row> and <c> without r: positions implied by order (§18.3.1.73, §18.3.1.4)", () => {
  // row 1: A1 B1 (no r), D1 (r); row 2 (no r): A2 B2 (no r); row 4 (r)
  const input = tinyPackage(
    '<row><c><v>1</v></c><c><v>2</v></c><c r="D1"><v>4</v></c></row><row><c><v>5</v></c><c><v>6</v></c></row><row r="4"><c r="B4"><v>8</v></c></row>',
  );

  test("they read where the order puts them", () => {
    expect(values(input)).toEqual([[1, 2, null, 4], [5, 6], [], [null, 8]]);
  });

  test("written cells land in their place and no other cell moves: a gap before an r cell, a row's end, a cell without r, a missing row", () => {
    const out = patchPackage(readPackage(input), [
      { sheet: "表", row: 0, col: 2, value: { kind: "number", n: 3 } }, // C1: between B1 (no r) and D1
      { sheet: "表", row: 0, col: 4, value: { kind: "number", n: 9 } }, // E1: after the row's last cell
      { sheet: "表", row: 1, col: 1, value: { kind: "number", n: 60 } }, // B2: an r-less cell itself
      { sheet: "表", row: 2, col: 0, value: { kind: "number", n: 7 } }, // A3: a row that does not exist
    ]);
    expect(values(out)).toEqual([[1, 2, 3, 4, 9], [5, 60], [7], [null, 8]]);
    const xml = sheetOf(out);
    // the user's r-less cells keep their form: only the written ones say where they are
    expect(xml).toContain('<row><c><v>1</v></c><c><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c><c r="E1"><v>9</v></c></row>');
    expect(xml).toContain('<row><c><v>5</v></c><c r="B2"><v>60</v></c></row><row r="3"><c r="A3"><v>7</v></c></row><row r="4">');
  });
});

describe("Excel's markup around what the writer adds", () => {
  test("a first note's <legacyDrawing> goes before <controls> wrapped in mc:AlternateContent, as CT_Worksheet orders them (§18.3.1.99)", () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/>' +
      '<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="1025" r:id="rId3" name="Check Box 1"/></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent></worksheet>';
    const out = addLegacyDrawing(sheet, "rId9");
    expect(out).toContain('<drawing r:id="rId1"/><legacyDrawing r:id="rId9"/><mc:AlternateContent><mc:Choice Requires="x14"><controls>');
  });

  test("an empty row with its own height (customHeight) keeps every attribute when a cell is written into it", () => {
    const input = tinyPackage('<row r="1" spans="1:3" ht="30.75" customHeight="1" thickBot="1"/><row r="2"><c r="A2"><v>1</v></c></row>');
    const out = patchPackage(readPackage(input), [{ sheet: "表", row: 0, col: 1, value: { kind: "number", n: 5 } }]);
    expect(sheetOf(out)).toContain(
      '<row r="1" spans="1:3" ht="30.75" customHeight="1" thickBot="1"><c r="B1"><v>5</v></c></row><row r="2">',
    );
    expect(values(out)).toEqual([[null, 5], [1]]);
  });
});

describe("a shared formula in cells without r (§18.3.1.40)", () => {
  test("each cell reads its own formula, and when the master is overwritten the other cells keep what they showed", () => {
    const input = tinyPackage(
      '<row><c><f t="shared" ref="A1:A2" si="0">B1*2</f><v>2</v></c><c><v>1</v></c></row><row><c><f t="shared" si="0"/><v>4</v></c><c><v>2</v></c></row>',
    );
    const cells = cellsOf(input, "表");
    expect([cells[0][0], cells[1][0]]).toEqual([
      { v: 2, formula: "B1*2" },
      { v: 4, formula: "B2*2" },
    ]);
    const out = patchPackage(readPackage(input), [{ sheet: "表", row: 0, col: 0, value: { kind: "number", n: 9 } }]);
    const after = cellsOf(out, "表");
    expect([after[0][0], after[1][0], after[1][1]]).toEqual([{ v: 9 }, { v: 4, formula: "B2*2" }, { v: 2 }]);
  });
});

describe("OPC part names", () => {
  test("zip items named with backslashes (xl\\workbook.xml, an old Windows writer's form) read, and a patched part keeps its own name", () => {
    const input = tinyPackage('<row r="1"><c r="A1"><v>1</v></c></row>', (n) => n.replace(/\//g, "\\"));
    expect(values(input)).toEqual([[1]]);
    const out = patchPackage(readPackage(input), [{ sheet: "表", row: 0, col: 1, value: { kind: "number", n: 2 } }]);
    expect(Object.keys(unzipSync(out)).sort()).toEqual(Object.keys(unzipSync(input)).sort());
    expect(values(out)).toEqual([[1, 2]]);
  });

  test("a relationship target in another case than its zip item (part names compare case-insensitively, Part 2 §9.1.1.1)", () => {
    const input = tinyPackage('<row r="1"><c r="A1"><v>1</v></c></row>', (n) =>
      n === "xl/worksheets/sheet1.xml" ? "xl/Worksheets/Sheet1.XML" : n,
    );
    expect(values(input)).toEqual([[1]]);
    const out = patchPackage(readPackage(input), [{ sheet: "表", row: 0, col: 1, value: { kind: "number", n: 2 } }]);
    expect(Object.keys(unzipSync(out))).toContain("xl/Worksheets/Sheet1.XML");
    expect(values(out)).toEqual([[1, 2]]);
  });

  test("dv-opc.xlsx: the bound sheet's percent-encoded part is patched under its own name; no docProps is added", () => {
    const input = corpus("dv-opc.xlsx");
    const out = patchPackage(readPackage(input), [{ sheet: SHEET, row: 4, col: 8, value: { kind: "number", n: 2.56 } }]);
    const names = (b: Uint8Array) => readZip(b).entries.map((e) => e.name);
    expect(names(out)).toEqual(names(input));
    expect(names(out)).toContain("xl/worksheets/%E5%88%86%E5%B7%A5%E8%A1%A8.xml");
    expect(names(out)[names(out).length - 1]).toBe("[Content_Types].xml");
    expect(cellsOf(out)[4][8]).toMatchObject({ v: 2.56 });
  });
});

describe("ISO/IEC 29500 Strict", () => {
  test("dv-strict.xlsx: a first note creates comments and VML parts in the Strict namespaces and relationship types", () => {
    const input = corpus("dv-strict.xlsx");
    const out = patchPackage(readPackage(input), [{ sheet: SHEET, row: 3, col: 10, note: "【科创评分】K4：测试" }]);
    const z = readZip(out);
    const rels = z.text("xl/worksheets/_rels/sheet1.xml.rels")!;
    expect(rels).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/comments"');
    expect(rels).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/vmlDrawing"');
    const comments = z.entries.find((e) => /comments\d*\.xml$/.test(e.name))!.name;
    expect(z.text(comments)).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
    for (const e of z.entries.filter((x) => /\.(xml|rels)$/.test(x.name)))
      expect([
        e.name,
        /schemas\.openxmlformats\.org\/(spreadsheetml\/2006|officeDocument\/2006\/relationships)/.test(z.text(e.name)!),
      ]).toEqual([e.name, false]);
    expect(readPackage(out).data.sheets[0].name).toBe(SHEET);
  });
});

describe(".xlsb", () => {
  test("refused-binary.xlsb: one Chinese line naming the binary workbook and what to do", () => {
    expect(() => readPackage(corpus("refused-binary.xlsb"))).toThrow(XlsxPackageError);
    expect(() => readPackage(corpus("refused-binary.xlsb"))).toThrow(/^这是 \.xlsb（Excel 二进制工作簿）文件.*另存为 \.xlsx/);
  });
});
