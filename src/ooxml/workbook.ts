/**
 * The workbook part: where it is (the package's officeDocument relationship), its sheets in
 * tab order with their parts, the 1904 date system, and the parts the workbook relates to
 * (styles, shared strings, calcChain).
 */
import { XlsxPackageError } from "./errors";
import { contentTypeOf, isType, parseRels, REL_TYPE, relsPartOf, type Relationship } from "./package";
import { attr, attributes, findElement, findElements } from "./xml";
import type { ZipArchive } from "./zip";

export interface SheetEntry {
  name: string;
  /** zip entry of the sheet's XML */
  part: string;
  /** "visible" | "hidden" | "veryHidden" */
  state: string;
  /** a worksheet (chartsheets and dialog sheets have no cells) */
  isWorksheet: boolean;
}

export interface WorkbookInfo {
  /** zip entry of the workbook part ("xl/workbook.xml") */
  part: string;
  sheets: SheetEntry[];
  date1904: boolean;
  rels: Relationship[];
  stylesPart: string | null;
  sharedStringsPart: string | null;
  calcChainPart: string | null;
}

const BINARY_WORKBOOK = "这是 .xlsb（Excel 二进制工作簿）文件，无法读取其中的单元格：请在 Excel 或 WPS 中另存为 .xlsx 后再试";

/** The .xlsb main part ([MS-XLSB] 2.1.1: xl/workbook.bin, content type …sheet.binary.macroEnabled.main). */
function isBinaryWorkbook(zip: ZipArchive, part: string): boolean {
  if (/\.bin$/i.test(part)) return true;
  // a main part named ….xml is the XML workbook: the content types need not be inflated to know it
  if (/\.xml$/i.test(part)) return false;
  return /sheet\.binary\.macroEnabled\.main/i.test(contentTypeOf(zip.text("[Content_Types].xml") ?? "", part) ?? "");
}

export function readWorkbookInfo(zip: ZipArchive): WorkbookInfo {
  const rootRels = parseRels(zip.text("_rels/.rels"), "");
  const main = rootRels.find((r) => isType(r, REL_TYPE.officeDocument) && !r.type.includes("/metadata/"));
  if (main && isBinaryWorkbook(zip, main.part)) throw new XlsxPackageError(BINARY_WORKBOOK);
  // some writers omit _rels/.rels' entry or point it oddly; xl/workbook.xml is the usual place
  const part = main && zip.find(main.part) ? zip.find(main.part)!.name : zip.find("xl/workbook.xml")?.name;
  if (!part && zip.find("xl/workbook.bin")) throw new XlsxPackageError(BINARY_WORKBOOK);
  if (!part) throw new XlsxPackageError("压缩包里没有工作簿部分（xl/workbook.xml），可能不是 Excel 工作簿");
  const xml = zip.text(part) ?? "";
  const rels = parseRels(zip.text(relsPartOf(part)), part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const pr = findElement(xml, ["workbookPr"]);
  const d1904 = pr ? attr(pr.openTag, "date1904") : undefined;
  const sheetsEl = findElement(xml, ["sheets"]);
  const sheets: SheetEntry[] = [];
  if (sheetsEl) {
    for (const s of findElements(xml, ["sheet"], sheetsEl.openEnd, sheetsEl.closeStart)) {
      const a = attributes(s.openTag);
      let rid: string | undefined;
      for (const [k, v] of a) if (k === "r:id" || (k.endsWith(":id") && !k.startsWith("xmlns"))) rid = v;
      const rel = rid ? byId.get(rid) : undefined;
      const entry = rel ? zip.find(rel.part) : undefined;
      if (!entry || !rel) continue; // a sheet whose part is missing has no cells to read
      sheets.push({
        name: a.get("name") ?? "",
        part: entry.name,
        state: a.get("state") ?? "visible",
        isWorksheet: isType(rel, REL_TYPE.worksheet),
      });
    }
  }
  const partOf = (suffix: string) => {
    const r = rels.find((x) => isType(x, suffix) && !x.external);
    return r && zip.find(r.part) ? zip.find(r.part)!.name : null;
  };
  return {
    part,
    sheets,
    date1904: d1904 === "1" || d1904 === "true",
    rels,
    stylesPart: partOf(REL_TYPE.styles),
    sharedStringsPart: partOf(REL_TYPE.sharedStrings),
    calcChainPart: partOf(REL_TYPE.calcChain),
  };
}
