/**
 * The lossless comparisons can fail and can pass: packages edited by hand (fflate, no writer
 * under test) are accepted when only what a plan may touch changed, and refused — naming the
 * part or the place — when anything else did.
 */
import * as fs from "fs";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import { CORPUS, expectLosslessPackage } from "./helpers/lossless";
import { partText, readParts, type Parts } from "./helpers/package-parts";
import { expectOnlyPlanCellsInSheet, maskCells } from "./helpers/sheet-xml";

const INPUT = new Uint8Array(fs.readFileSync(path.join(CORPUS, "xw-notes.xlsx")));
const SHEET_PART = "xl/worksheets/sheet1.xml";

function repack(edit: (parts: Parts) => void): Uint8Array {
  const parts = readParts(INPUT);
  edit(parts);
  return zipSync(Object.fromEntries(parts));
}

const editText = (parts: Parts, name: string, f: (s: string) => string) => parts.set(name, strToU8(f(partText(parts, name))));

test("an unchanged copy, re-zipped, passes", () => {
  expect(() =>
    expectLosslessPackage(
      INPUT,
      repack(() => undefined),
      "recalc",
    ),
  ).not.toThrow();
});

test("a new score in a plan cell (I5 2.55 → 2.56) and an appended style pass", () => {
  const out = repack((p) => {
    editText(p, SHEET_PART, (s) => s.replace(/(<c r="I5"[^>]*>)<v>2.55<\/v>/, "$1<v>2.56</v>"));
    editText(p, "xl/styles.xml", (s) =>
      s.replace("</cellXfs>", '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'),
    );
  });
  expect(partText(readParts(out), SHEET_PART)).toContain("<v>2.56</v>");
  expect(() => expectLosslessPackage(INPUT, out, "recalc")).not.toThrow();
});

test("a changed cell outside the plan (C3) is refused, with the place shown", () => {
  const out = repack((p) => editText(p, SHEET_PART, (s) => s.replace(/(<c r="C3"[^>]*>)<v>5<\/v>/, "$1<v>6</v>")));
  expect(() => expectLosslessPackage(INPUT, out, "recalc")).toThrow(/more than the plan cells .* differ in the sheet XML[\s\S]*<v>6<\/v>/);
});

test("a changed sheet setting (the freeze pane) is refused", () => {
  const out = repack((p) => editText(p, SHEET_PART, (s) => s.replace(/ySplit="2"/, 'ySplit="3"')));
  expect(() => expectLosslessPackage(INPUT, out, "recalc")).toThrow(/differ in the sheet XML/);
});

test("a dropped part, a rewritten theme, and new docProps are each refused by name", () => {
  expect(() =>
    expectLosslessPackage(
      INPUT,
      repack((p) => p.delete("xl/theme/theme1.xml")),
      "recalc",
    ),
  ).toThrow(/missing from the output: xl\/theme\/theme1.xml/);
  expect(() =>
    expectLosslessPackage(
      INPUT,
      repack((p) => editText(p, "xl/theme/theme1.xml", (s) => s.replace("Office Theme", "Theme"))),
      "recalc",
    ),
  ).toThrow(/changed: xl\/theme\/theme1.xml/);
  expect(() =>
    expectLosslessPackage(
      INPUT,
      repack((p) => editText(p, "docProps/core.xml", (s) => s.replace("<dc:creator></dc:creator>", "<dc:creator>Unknown</dc:creator>"))),
      "recalc",
    ),
  ).toThrow(/changed: docProps\/core.xml/);
});

test("a new <legacyDrawing> passes where the schema puts it, and is refused after <tableParts>/<extLst>", () => {
  const before =
    '<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins/><tableParts count="1"/></worksheet>';
  const good =
    '<worksheet xmlns="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData><row r="1"><c r="A1" s="3"><v>2</v></c></row></sheetData><pageMargins/><legacyDrawing r:id="rId9"/><tableParts count="1"/></worksheet>';
  const bad =
    '<worksheet xmlns="x"><sheetData><row r="1"><c r="A1" s="3"><v>2</v></c></row></sheetData><pageMargins/><tableParts count="1"/><legacyDrawing r:id="rId9"/></worksheet>';
  expect(() => expectOnlyPlanCellsInSheet(before, good, ["A1"])).not.toThrow();
  expect(() => expectOnlyPlanCellsInSheet(before, bad, ["A1"])).toThrow(/after <tableParts>/);
  expect(() => expectOnlyPlanCellsInSheet(before, good, [])).toThrow(/differ in the sheet XML/);
});

test("masking finds self-closing and full <c> elements, not <col> or <cfRule>", () => {
  const xml = '<cols><col min="1"/></cols><c r="A1" s="1"/><c r="B1"><f>A1</f><v>0</v></c><cfRule type="x"/>';
  expect(maskCells(xml, ["A1", "B1"])).toBe('<cols><col min="1"/></cols><c r="A1"/><c r="B1"/><cfRule type="x"/>');
});

test("a written part that is not well-formed XML is refused by name", () => {
  const out = repack((p) => editText(p, "xl/styles.xml", (s) => s.replace("</cellXfs>", "<xf></cellXfs>")));
  expect(() => expectLosslessPackage(INPUT, out, "recalc")).toThrow(/does not parse: xl\/styles.xml/);
});

test("a new notes part is accepted by its content type; an unknown new part is refused", () => {
  const NOTES = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
  const withPart = (name: string, type: string) =>
    repack((p) => {
      p.set(name, strToU8('<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
      editText(p, "[Content_Types].xml", (s) => s.replace("</Types>", `<Override PartName="/${name}" ContentType="${type}"/></Types>`));
    });
  expect(() => expectLosslessPackage(INPUT, withPart("xl/comments/comment9.xml", NOTES), "recalc")).not.toThrow();
  expect(() => expectLosslessPackage(INPUT, withPart("xl/custom9.xml", "application/xml"), "recalc")).toThrow(
    /added to the output: xl\/custom9.xml/,
  );
});

test("the r: namespace a new <legacyDrawing> needs may go on the root or on the element; one on <drawing> must stay", () => {
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const before = `<worksheet xmlns="x"><sheetData/><pageMargins/><drawing ${R} r:id="rId1"/></worksheet>`;
  const onRoot = `<worksheet xmlns="x" ${R}><sheetData/><pageMargins/><drawing ${R} r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>`;
  const onElement = `<worksheet xmlns="x"><sheetData/><pageMargins/><drawing ${R} r:id="rId1"/><legacyDrawing ${R} r:id="rId2"/></worksheet>`;
  const lostOnDrawing = `<worksheet xmlns="x" ${R}><sheetData/><pageMargins/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>`;
  expect(() => expectOnlyPlanCellsInSheet(before, onRoot, [])).not.toThrow();
  expect(() => expectOnlyPlanCellsInSheet(before, onElement, [])).not.toThrow();
  expect(() => expectOnlyPlanCellsInSheet(before, lostOnDrawing, [])).toThrow(/differ in the sheet XML/);
});
