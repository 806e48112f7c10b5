/**
 * resolveTarget takes a short road for a target with nothing to resolve; the result must be what
 * resolving it segment by segment gives (RFC 3986 §5.2 dot segments, percent-decoding), for any path.
 */
import fc from "fast-check";
import { resolveTarget } from "./package";

/** the full resolution, as before the short road */
function reference(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, "/").replace(/[?#].*$/, "");
  const joined = t.startsWith("/")
    ? t.slice(1)
    : sourcePart.slice(0, Math.max(sourcePart.lastIndexOf("/"), sourcePart.lastIndexOf("\\")) + 1) + t;
  let decoded: string;
  try {
    decoded = decodeURIComponent(joined);
  } catch {
    decoded = joined;
  }
  const out: string[] = [];
  for (const seg of decoded.split(/[/\\]/)) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

const segment = fc.constantFrom(
  "xl",
  "worksheets",
  "sheet1.xml",
  "_rels",
  ".rels",
  ".",
  "..",
  "",
  "%E5%88%86.xml",
  "%zz",
  "a b",
  ".hidden",
  "x.",
  "\\",
);
const path = fc.array(segment, { maxLength: 6 }).map((s) => s.join("/"));

describe("resolveTarget", () => {
  test("worksheets/sheet1.xml under xl/workbook.xml is xl/worksheets/sheet1.xml; ../ and %-escapes resolve", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/%E5%88%86.xml")).toBe("xl/分.xml");
  });

  test("resolves any target from any part as resolving it segment by segment does", () => {
    fc.assert(
      fc.property(path, path, fc.boolean(), (source, target, absolute) => {
        const t = absolute ? `/${target}` : target;
        expect(resolveTarget(source, t)).toBe(reference(source, t));
      }),
      { numRuns: 5000 },
    );
  });
});
