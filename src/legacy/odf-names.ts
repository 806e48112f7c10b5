/**
 * OpenDocument names by namespace, not by prefix: a writer may bind any prefix to the ODF
 * namespaces (XML Namespaces 1.0 §3; ODF 1.3 part 3 §1.5 names the usual ones only "for
 * convenience"), so an `<ss:table-cell>` whose ss is the table namespace is a table:table-cell.
 * The readers match the conventional prefixes; this renames the scanner's element and attribute
 * names to them. When every prefix is already the conventional one (LibreOffice, Gnumeric, WPS,
 * Excel), nothing is renamed and the cost is one look at each element's attributes.
 */
import type { XmlHandler } from "./xml-scan";

/** namespace URI → the prefix the readers use ([OpenDocument v1.3 part 3, §1.5]) */
const CANONICAL: Record<string, string> = {
  "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
  "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
  "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
  "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
  "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0": "number",
  "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0": "draw",
  "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0": "fo",
  "urn:oasis:names:tc:opendocument:xmlns:config:1.0": "config",
  "urn:oasis:names:tc:opendocument:xmlns:script:1.0": "script",
  "urn:oasis:names:tc:opendocument:xmlns:meta:1.0": "meta",
  "urn:oasis:names:tc:opendocument:xmlns:of:1.2": "of",
  "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0": "calcext",
  "http://openoffice.org/2004/office": "ooo",
};

/** A handler that sees conventional prefixes whatever prefixes the document uses. */
export function canonicalPrefixes(h: XmlHandler): XmlHandler {
  // one rename map per element that declares namespaces; null where no prefix differs
  const scopes: { depth: number; map: Map<string, string> | null }[] = [{ depth: -1, map: null }];
  let depth = 0;
  const current = () => scopes[scopes.length - 1].map;
  const rename = (name: string, map: Map<string, string>): string => {
    const colon = name.indexOf(":");
    if (colon < 0) return name;
    const to = map.get(name.slice(0, colon));
    return to === undefined ? name : to + name.slice(colon);
  };
  return {
    open(name, attrs, selfClosing) {
      let declared: Map<string, string> | null = null;
      for (const key in attrs) {
        if (!key.startsWith("xmlns:")) continue;
        const prefix = key.slice(6);
        const to = CANONICAL[attrs[key]];
        const parent = declared ?? current();
        // a prefix bound here shadows the parent's binding, renamed or not
        if ((to !== undefined && to !== prefix) || parent?.has(prefix)) {
          declared ??= new Map(current() ?? []);
          if (to !== undefined && to !== prefix) declared.set(prefix, to);
          else declared.delete(prefix);
        }
      }
      if (declared) scopes.push({ depth, map: declared.size > 0 ? declared : null });
      depth++;
      const map = current();
      if (!map) return h.open(name, attrs, selfClosing);
      const renamed: Record<string, string> = {};
      for (const key in attrs) renamed[rename(key, map)] = attrs[key];
      h.open(rename(name, map), renamed, selfClosing);
    },
    close(name) {
      depth--;
      const map = current();
      h.close(map ? rename(name, map) : name);
      if (scopes.length > 1 && scopes[scopes.length - 1].depth === depth) scopes.pop();
    },
    text: (t) => h.text(t),
  };
}
