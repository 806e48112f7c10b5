/**
 * The shared-strings part, read only: the writer never touches it (scores are numbers, and
 * any text it writes goes inline), so its order and every byte stay as they were.
 */
import { decodeXml, decodeXstring, plainText } from "./xml";

// <si> never nests (CT_Rst), so one pattern finds each item and its content
const SI = /<((?:[A-Za-z_][\w.-]*:)?si)(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/\1>)/g;

/** Every shared string as plain text (rich-text runs joined, phonetic runs left out). */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  SI.lastIndex = 0;
  for (;;) {
    const m = SI.exec(xml);
    if (!m) return out;
    out.push(m[2] === undefined ? "" : (simpleText(m[2]) ?? plainText(m[2])));
  }
}

/**
 * The text of an item that is one unprefixed <t> and nothing else ("<t>…</t>",
 * '<t xml:space="preserve">…</t>'), the usual form, without the patterns; undefined otherwise.
 */
function simpleText(content: string): string | undefined {
  if (!content.startsWith("<t") || (content.charCodeAt(2) !== 62 && content.charCodeAt(2) !== 32)) return undefined;
  const open = content.indexOf(">");
  const close = content.length - 4;
  if (content.charCodeAt(open - 1) === 47 || !content.endsWith("</t>") || content.indexOf("<", open) !== close) return undefined;
  return decodeXstring(decodeXml(content.slice(open + 1, close)));
}
