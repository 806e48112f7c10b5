/**
 * Flat OpenDocument spreadsheets (.fods): the whole document in one XML file whose root is
 * office:document with office:mimetype "application/vnd.oasis.opendocument.spreadsheet"
 * ([OpenDocument v1.3 part 3, §2.2.1 and §3.1.2]). Its office:settings, office:styles,
 * office:automatic-styles and office:body are the parts an .ods keeps in settings.xml, styles.xml
 * and content.xml, in that order, so one pass of the .ods content reader reads them all.
 * LibreOffice writes it ("Flat XML ODF Spreadsheet"); a county office may save one by mistake.
 */
import { LegacyReadError } from "./errors";
import { NotCarried } from "./features";
import { bookOf, ContentReader, ODS_PART_LIMIT, type OdsWorkbook } from "./ods";
import { canonicalPrefixes } from "./odf-names";
import { emptyStyles } from "./ods-styles";
import { scanXml, XmlError } from "./xml-scan";

const MIMETYPES = ["application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template"];

/** The root element's start tag, when the bytes begin as an XML document (after a BOM, declaration, comments). */
function rootTag(bytes: Uint8Array): string | null {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 16384)).replace(/^\uFEFF/, "");
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.-]*:)?document\b([^>]*)>/.exec(head);
  return m ? m[0] : null;
}

/** Is this a flat OpenDocument spreadsheet? (the root says office:document, the mimetype a spreadsheet) */
export function isFlatOds(bytes: Uint8Array): boolean {
  if (bytes.length < 40 || (bytes[0] !== 0x3c && bytes[0] !== 0xef && bytes[0] !== 0x20 && bytes[0] !== 0x0a && bytes[0] !== 0x0d))
    return false;
  const tag = rootTag(bytes);
  if (!tag || !tag.includes("urn:oasis:names:tc:opendocument:xmlns:office:1.0")) return false;
  const mt = /\bmimetype\s*=\s*["']([^"']+)["']/.exec(tag);
  return mt !== null && MIMETYPES.includes(mt[1]);
}

export function readFlatOdsWorkbook(bytes: Uint8Array, maxBytes = ODS_PART_LIMIT): OdsWorkbook {
  if (bytes.length > maxBytes) {
    throw new LegacyReadError(`文件超过 ${Math.round(maxBytes / 1048576)} MB，不像分工表`, "ods");
  }
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new LegacyReadError("平面 XML 文档（.fods）不是 UTF-8 编码，无法读取", "ods");
  }
  const notCarried = new NotCarried();
  const reader = new ContentReader(emptyStyles(), notCarried);
  try {
    scanXml(xml, canonicalPrefixes(reader));
  } catch (e) {
    if (e instanceof XmlError) throw new LegacyReadError(`平面 XML 文档（.fods）不是完整的 XML（${e.message}）`, "ods");
    throw e;
  }
  return bookOf(reader, notCarried);
}
