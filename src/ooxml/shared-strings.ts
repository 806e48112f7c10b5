/**
 * The shared-strings part, read only: the writer never touches it (scores are numbers, and
 * any text it writes goes inline), so its order and every byte stay as they were.
 */
import { plainText } from "./xml";

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
    out.push(m[2] === undefined ? "" : plainText(m[2]));
  }
}
