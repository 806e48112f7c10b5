/** Reading manifest.xml in tests: jsdom's DOMParser (already installed with jest-environment-jsdom). */
import { JSDOM } from "jsdom";

export function parseXml(text: string): Document {
  const doc = new new JSDOM("").window.DOMParser().parseFromString(text, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`manifest is not well-formed XML: ${err.textContent}`);
  return doc;
}

/** Elements by local name, whatever their namespace prefix ("bt:Url" → "Url"). */
export function all(doc: Document | Element, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

/** Every URL the manifest names, with where it was found. */
export function manifestUrls(doc: Document): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^https?:\/\//.test(v))
        out.push({ where: `${el.localName}${el.getAttribute("id") ? `#${el.getAttribute("id")}` : ""}`, url: v });
    }
  }
  for (const d of all(doc, "AppDomain")) out.push({ where: "AppDomain", url: d.textContent!.trim() });
  return out;
}
