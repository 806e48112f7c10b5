/**
 * A small, forgiving XML event scanner for the parts of an .ods package (content.xml,
 * styles.xml): start tags with their attributes, end tags, text. Entities are the five XML
 * ones plus numeric references; no DTDs are read and no external entity is ever resolved.
 * Work is linear in the text.
 */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** Thrown with a Chinese reason when the XML is not well formed enough to read. */
export class XmlError extends Error {}

export function scanXml(xml: string, h: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (i < n) h.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i) h.text(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith("<!--", lt)) {
      const e = xml.indexOf("-->", lt + 4);
      if (e < 0) throw new XmlError("注释没有结束");
      i = e + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      if (e < 0) throw new XmlError("CDATA 没有结束");
      h.text(xml.slice(lt + 9, e));
      i = e + 3;
    } else if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      const e = xml.indexOf(">", lt);
      if (e < 0) throw new XmlError("声明没有结束");
      i = e + 1;
    } else if (xml[lt + 1] === "/") {
      const e = xml.indexOf(">", lt);
      if (e < 0) throw new XmlError("结束标记没有结束");
      h.close(xml.slice(lt + 2, e).trim());
      i = e + 1;
    } else {
      i = openTag(xml, lt, h);
    }
  }
}

function openTag(xml: string, lt: number, h: XmlHandler): number {
  let i = lt + 1;
  const n = xml.length;
  while (i < n && !isSpace(xml.charCodeAt(i)) && xml[i] !== ">" && xml[i] !== "/") i++;
  const name = xml.slice(lt + 1, i);
  const shown = name.length > 24 ? `${name.slice(0, 24)}…` : name;
  const attrs: Record<string, string> = {};
  for (;;) {
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (i >= n) throw new XmlError(`标记 <${shown}> 没有结束`);
    if (xml[i] === ">") {
      h.open(name, attrs, false);
      return i + 1;
    }
    if (xml[i] === "/" && xml[i + 1] === ">") {
      h.open(name, attrs, true);
      h.close(name);
      return i + 2;
    }
    const eq = xml.indexOf("=", i);
    if (eq < 0) throw new XmlError(`标记 <${shown}> 的属性不完整`);
    const key = xml.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && isSpace(xml.charCodeAt(q))) q++;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") throw new XmlError(`标记 <${shown}> 的属性没有引号`);
    const end = xml.indexOf(quote, q + 1);
    if (end < 0) throw new XmlError(`标记 <${shown}> 的属性没有结束`);
    attrs[key] = decodeEntities(xml.slice(q + 1, end));
    i = end + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[body] ?? all;
  });
}
