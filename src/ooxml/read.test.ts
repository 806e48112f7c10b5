/**
 * The package reader on what other writers put in a sheet: hand-made parts following
 * ECMA-376 Part 1 §18.3.1.4 (c), §18.18.11 (ST_CellType), §18.2.28 (workbookPr date1904),
 * prefixed SpreadsheetML (x:, as some .NET tools write) and the strict namespace (Part 1 §A.1).
 */
import { zipSync, strToU8 } from "fflate";
import { readPackage } from "./read";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

function pkg(sheet: string, opts: { workbookPr?: string; ns?: string; rel?: string; prefix?: string; after?: string } = {}): Uint8Array {
  const ns = opts.ns ?? MAIN;
  const rel = opts.rel ?? REL;
  const p = opts.prefix ? `${opts.prefix}:` : "";
  const x = opts.prefix ? `xmlns:${opts.prefix}="${ns}"` : `xmlns="${ns}"`;
  return zipSync({
    "[Content_Types].xml": strToU8(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<${p}workbook ${x} xmlns:r="${rel}">${opts.workbookPr ?? ""}<${p}sheets><${p}sheet name="表一" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<${p}sst ${x}><${p}si><${p}t>2489万元</${p}t></${p}si><${p}si><${p}r><${p}t>28</${p}t></${p}r><${p}r><${p}t>家</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ジャ</${p}t></${p}rPh></${p}si></${p}sst>`,
    ),
    "xl/styles.xml": strToU8(
      `<${p}styleSheet ${x}><${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="0.00&quot;分&quot;"/></${p}numFmts><${p}cellXfs count="3"><${p}xf numFmtId="0"/><${p}xf numFmtId="10"/><${p}xf numFmtId="164"/></${p}cellXfs></${p}styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<${p}worksheet ${x}><${p}sheetData>${sheet}</${p}sheetData>${opts.after ?? ""}</${p}worksheet>`),
  });
}

const cellsOf = (bytes: Uint8Array) => readPackage(bytes).data.sheets[0].cells;

test("every cell type: shared, inline and formula strings, booleans, errors, ISO dates, number formats", () => {
  const cells = cellsOf(
    pkg(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>1.37件/万人</t></is></c>' +
        '<c r="D1" t="str"><f>A1&amp;""</f><v>2489万元</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>' +
        '<c r="G1" t="d"><v>2020-04-29T00:00:00</v></c><c r="H1" s="1"><v>0.0035</v></c><c r="I1" s="2"><f>ROUND(3.37225,2)</f><v>3.37</v></c>' +
        '<c r="J1"><f>A9</f></c><c r="K1" s="1"/></row>',
    ),
  );
  expect(cells[0]).toEqual([
    { v: "2489万元" },
    { v: "28家" },
    { v: "1.37件/万人" },
    { v: "2489万元", formula: 'A1&""' },
    { v: true },
    { v: { error: "#DIV/0!" } },
    { v: 43950 },
    { v: 0.0035, numFmt: "0.00%" },
    { v: 3.37, formula: "ROUND(3.37225,2)", numFmt: '0.00"分"' },
    { v: null, formula: "A9" },
  ]);
});

test("cells and rows without r follow the one before; _x000D_ escapes decode", () => {
  const cells = cellsOf(
    pkg('<row><c><v>1</v></c><c t="inlineStr"><is><t>a_x000D_b</t></is></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row>'),
  );
  expect(cells[0]).toEqual([{ v: 1 }, { v: "a\rb" }]);
  expect(cells[3][2]).toEqual({ v: 3 });
  expect(cells[3][3]).toEqual({ v: 4 });
});

test("a shared formula's other cells get the master's text moved to their place", () => {
  const cells = cellsOf(
    pkg(
      '<row r="3"><c r="N3"><f t="shared" ref="N3:N5" si="0">G3+I3+$A$1</f><v>5</v></c></row><row r="4"><c r="N4"><f t="shared" si="0"/><v>6</v></c></row><row r="5"><c r="N5"><f t="shared" si="0"/><v>7</v></c></row>',
    ),
  );
  expect(cells[3][13]).toEqual({ v: 6, formula: "G4+I4+$A$1" });
  expect(cells[4][13]).toEqual({ v: 7, formula: "G5+I5+$A$1" });
});

test("1904 date system: ISO dates become serials counted from 1904", () => {
  const cells = cellsOf(pkg('<row r="1"><c r="A1" t="d"><v>2020-04-29</v></c></row>', { workbookPr: '<workbookPr date1904="1"/>' }));
  expect(cells[0][0]).toEqual({ v: 43950 - 1462 });
});

test("prefixed SpreadsheetML (x:c) and the strict namespace read the same", () => {
  const sheet = (p: string) =>
    `<${p}row r="1"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="B1" s="1"><${p}v>0.5</${p}v></${p}c></${p}row>`;
  const want = [{ v: "2489万元" }, { v: 0.5, numFmt: "0.00%" }];
  expect(cellsOf(pkg(sheet("x:"), { prefix: "x" }))[0]).toEqual(want);
  expect(
    cellsOf(
      pkg(sheet(""), {
        ns: "http://purl.oclc.org/ooxml/spreadsheetml/main",
        rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
      }),
    )[0],
  ).toEqual(want);
});

test("merges: the covered cells are holes, the merges listed", () => {
  const data = readPackage(
    pkg(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>9</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>',
      {
        after: '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
      },
    ),
  ).data.sheets[0];
  expect(data.merges).toEqual(["A1:B2"]);
  expect(data.cells[0]).toEqual([{ v: "2489万元" }]);
  expect(data.cells[1]).toEqual([]);
});
