/**
 * The shared-strings part, read only: the writer never touches it (scores are numbers, and
 * any text it writes goes inline), so its order and every byte stay as they were.
 */
import { plainText, startTagPattern, spanAt } from "./xml";

/** Every shared string as plain text (rich-text runs joined, phonetic runs left out). */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = startTagPattern(["si"]);
  for (;;) {
    const m = re.exec(xml);
    if (!m) return out;
    const e = spanAt(xml, m.index, m[0], m[1]);
    out.push(e.selfClosing ? "" : plainText(xml.slice(e.openEnd, e.closeStart)));
    re.lastIndex = e.end;
  }
}
