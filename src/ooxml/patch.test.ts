/**
 * The patch writer over workbooks other tools wrote (test/fixtures/corpus: XlsxWriter, openpyxl):
 * only the parts and elements a change needs differ.
 */
import * as fs from "fs";
import * as path from "path";
import { XlsxDocument } from "./document";
import { patchPackage } from "./patch";
import { readPackage } from "./read";
import { findElement, findElements } from "./xml";
import { readZip } from "./zip";

const CORPUS = path.join(__dirname, "../../test/fixtures/corpus");
const corpus = (name: string) => new Uint8Array(fs.readFileSync(path.join(CORPUS, name)));
const SHEET = "分工表";

/** The entries whose inflated bytes differ between two packages (added and removed included). */
function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const za = readZip(a);
  const zb = readZip(b);
  const names = new Set([...za.entries.map((e) => e.name), ...zb.entries.map((e) => e.name)]);
  return [...names]
    .filter((n) => {
      const x = za.read(n);
      const y = zb.read(n);
      return !x || !y || !Buffer.from(x).equals(Buffer.from(y));
    })
    .sort();
}

/** The sheet XML with the <c> of the given cells cut out, to compare the rest. */
function withoutCells(xml: string, refs: string[]): string {
  let out = xml;
  for (const ref of refs) out = out.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`), `<c r="${ref}"/>`);
  return out;
}

const sheetXml = (bytes: Uint8Array) => readZip(bytes).text("xl/worksheets/sheet1.xml")!;

describe("sheet XML: only the plan's <c> elements change", () => {
  test("a number over a value and a cached result under a formula; row, merge, view settings untouched", () => {
    const input = corpus("xw-formulas.xlsx");
    const pkg = readPackage(input);
    const out = patchPackage(pkg, [
      { sheet: SHEET, row: 4, col: 8, value: { kind: "number", n: 2.56 } },
      { sheet: SHEET, row: 4, col: 13, value: { kind: "cached", n: 42 } },
    ]);
    expect(changedParts(input, out)).toEqual(["xl/worksheets/sheet1.xml"]);
    const before = sheetXml(input);
    const after = sheetXml(out);
    expect(withoutCells(after, ["I5", "N5"])).toBe(withoutCells(before, ["I5", "N5"]));
    const cells = readPackage(out).data.sheets[0].cells;
    expect(cells[4][8]).toMatchObject({ v: 2.56 });
    // N5 is one of a shared formula's cells: its formula stays, its cached value is ours
    expect(cells[4][13]).toMatchObject({ v: 42, formula: "G5+I5" });
  });

  test("a cell and a row that do not exist yet are created in order", () => {
    const input = corpus("xw-base.xlsx");
    const out = patchPackage(readPackage(input), [
      { sheet: SHEET, row: 2, col: 14, value: { kind: "number", n: 1 } }, // O3, after the row's last cell
      { sheet: SHEET, row: 29, col: 1, value: { kind: "text", s: "合计<说明>" } }, // B30, a new row
    ]);
    const xml = sheetXml(out);
    const rows = findElements(xml, ["row"]).map((r) => Number(/ r="(\d+)"/.exec(r.openTag)![1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    const data = readPackage(out).data.sheets[0];
    expect(data.cells[2][14]).toEqual({ v: 1 });
    expect(data.cells[29][1]).toEqual({ v: "合计<说明>" });
    expect(readZip(out).text("xl/sharedStrings.xml")).toBe(readZip(input).text("xl/sharedStrings.xml"));
  });

  test("a value over a shared formula's first cell: the other cells keep their formulas as their own", () => {
    const input = corpus("xw-formulas.xlsx");
    const out = patchPackage(readPackage(input), [{ sheet: SHEET, row: 2, col: 13, value: { kind: "number", n: 7 } }]);
    const cells = readPackage(out).data.sheets[0].cells;
    const before = readPackage(input).data.sheets[0].cells;
    expect(cells[2][13]).toEqual({ v: 7, ...(before[2][13]?.numFmt ? { numFmt: before[2][13]!.numFmt } : {}) });
    for (let r = 3; r <= 18; r++) expect([r, cells[r][13]?.formula]).toEqual([r, before[r][13]?.formula]);
  });
});

describe("styles: a highlight appends a style and keeps the cell's own look", () => {
  test("the fill is new, font/border/number format are the cell's; every existing xf is untouched", () => {
    const input = corpus("xw-base.xlsx");
    const pkg = readPackage(input);
    const stylesBefore = readZip(input).text("xl/styles.xml")!;
    const out = patchPackage(pkg, [
      { sheet: SHEET, row: 4, col: 8, fill: "FF9DC3E6" },
      { sheet: SHEET, row: 5, col: 8, fill: "FF9DC3E6" },
    ]);
    expect(changedParts(input, out)).toEqual(["xl/styles.xml", "xl/worksheets/sheet1.xml"]);
    const stylesAfter = readZip(out).text("xl/styles.xml")!;
    const xfs = (xml: string) => {
      const e = findElement(xml, ["cellXfs"])!;
      return findElements(xml, ["xf"], e.openEnd, e.closeStart).map((x) => xml.slice(x.start, x.end));
    };
    const was = xfs(stylesBefore);
    const now = xfs(stylesAfter);
    expect(now.slice(0, was.length)).toEqual(was);
    const s = (xml: string, ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(xml)![1]);
    const before = sheetXml(input);
    const after = sheetXml(out);
    const original = was[s(before, "I5")];
    const mine = now[s(after, "I5")];
    for (const a of ["numFmtId", "fontId", "borderId"])
      expect(new RegExp(`${a}="(\\d+)"`).exec(mine)?.[1]).toBe(new RegExp(`${a}="(\\d+)"`).exec(original)?.[1]);
    expect(mine).toMatch(/applyFill="1"/);
    const fills = findElements(stylesAfter, ["fill"]);
    const fillId = Number(/fillId="(\d+)"/.exec(mine)![1]);
    expect(stylesAfter.slice(fills[fillId].start, fills[fillId].end)).toContain('rgb="FF9DC3E6"');
    // two cells of one style and one colour share one new style
    if (s(before, "I5") === s(before, "I6")) expect(s(after, "I6")).toBe(s(after, "I5"));
    // the cells next to it keep theirs
    expect(s(after, "I4")).toBe(s(before, "I4"));
  });
});

describe("notes: comments and VML created or extended", () => {
  test("a sheet without notes gets a comments part, a VML drawing, their relationships, content types and <legacyDrawing>", () => {
    const input = corpus("xw-base.xlsx");
    const out = patchPackage(readPackage(input), [{ sheet: SHEET, row: 2, col: 10, note: "【科创评分】需要达到 2560万元" }]);
    expect(changedParts(input, out)).toEqual(
      [
        "[Content_Types].xml",
        "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/worksheets/_rels/sheet1.xml.rels",
        "xl/worksheets/sheet1.xml",
      ].sort(),
    );
    const z = readZip(out);
    expect(z.text("[Content_Types].xml")).toContain(
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>',
    );
    expect(z.text("[Content_Types].xml")).toMatch(/Extension="vml"/);
    const rels = z.text("xl/worksheets/_rels/sheet1.xml.rels")!;
    const vmlId = /Id="(rId\d+)" Type="[^"]*\/vmlDrawing"/.exec(rels)![1];
    const sheet = z.text("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain(`<legacyDrawing r:id="${vmlId}"/>`);
    // legacyDrawing after pageSetup/headerFooter/drawing, before tableParts/extLst (CT_Worksheet order)
    const at = sheet.indexOf("<legacyDrawing");
    for (const before of ["</sheetData>", "<pageMargins", "<pageSetup"])
      if (sheet.includes(before)) expect(sheet.indexOf(before)).toBeLessThan(at);
    expect(withoutLegacyDrawing(sheet)).toBe(sheetXml(input));
    const doc = new XlsxDocument(out);
    expect(doc.notes(SHEET).text.get("K3")).toBe("【科创评分】需要达到 2560万元");
    expect(z.text("xl/drawings/vmlDrawing1.vml")).toMatch(/<x:Row>2<\/x:Row><x:Column>10<\/x:Column>/);
  });

  test("a sheet with notes: ours are added, an edited one keeps the user's runs, the others stay as they were", () => {
    const input = corpus("xw-notes.xlsx");
    const doc = new XlsxDocument(input);
    const before = doc.notes(SHEET).text;
    const k4 = before.get("K4")!;
    const out = patchPackage(readPackage(input), [
      { sheet: SHEET, row: 3, col: 10, note: `${k4}\n\n【科创评分】目标未达` },
      { sheet: SHEET, row: 6, col: 10, note: "【科创评分】新的" },
    ]);
    expect(changedParts(input, out).filter((p) => !/comments|vmlDrawing/.test(p))).toEqual([]);
    const after = new XlsxDocument(out).notes(SHEET).text;
    expect(after.get("K4")).toBe(`${k4}\n\n【科创评分】目标未达`);
    expect(after.get("K7")).toBe("【科创评分】新的");
    for (const [ref, text] of before) if (ref !== "K4") expect([ref, after.get(ref)]).toEqual([ref, text]);
    const cBefore = readZip(input).text("xl/comments1.xml")!;
    const cAfter = readZip(out).text("xl/comments1.xml")!;
    const commentOf = (xml: string, ref: string) => {
      const c = findElements(xml, ["comment"]).find((e) => e.openTag.includes(`ref="${ref}"`))!;
      return xml.slice(c.start, c.end);
    };
    for (const ref of [...before.keys()].filter((r) => r !== "K4")) expect(commentOf(cAfter, ref)).toBe(commentOf(cBefore, ref));
    // the user's own runs of K4 are its start, unchanged
    const k4Before = commentOf(cBefore, "K4").replace(/<\/text><\/comment>$/, "");
    expect(commentOf(cAfter, "K4").startsWith(k4Before)).toBe(true);
  });

  test("removing the only note gives back the sheet without notes parts", () => {
    const input = corpus("xw-base.xlsx");
    const once = patchPackage(readPackage(input), [{ sheet: SHEET, row: 2, col: 10, note: "【科创评分】x" }]);
    const back = patchPackage(readPackage(once), [{ sheet: SHEET, row: 2, col: 10, note: null }]);
    expect(changedParts(input, back)).toEqual([]);
  });

  test("a cell with a threaded comment keeps it and its placeholder note", () => {
    const input = corpus("xw-threaded.xlsx");
    const doc = new XlsxDocument(input);
    const notes = doc.notes(SHEET);
    expect(notes.threaded.has("B4")).toBe(true);
    const out = patchPackage(readPackage(input), [{ sheet: SHEET, row: 3, col: 1, note: "【科创评分】x", fill: "FFC9C9C9" }]);
    expect(changedParts(input, out)).toEqual(["xl/styles.xml", "xl/worksheets/sheet1.xml"]);
  });
});

function withoutLegacyDrawing(xml: string): string {
  return xml.replace(/<legacyDrawing [^>]*\/>/, "");
}
