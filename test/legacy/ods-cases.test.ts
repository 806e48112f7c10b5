/**
 * OpenDocument cell content as the spec defines it, in shapes other writers (pretty-printing
 * tools, other prefixes, flat .fods) produce: white space collapsed per ODF 1.3 part 3 §6.1.2,
 * text:s / text:tab / text:line-break kept, several text:p as lines, annotations not cell text,
 * every office:value-type, namespace prefixes other than the usual ones, a flat .fods.
 */
import { strToU8, zipSync } from "fflate";
import { detectFormat, readLegacyWorkbook } from "../../src/legacy";

const NS = {
  office: "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
  table: "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
  text: "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
  config: "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
};
const MIME = "application/vnd.oasis.opendocument.spreadsheet";
const decl = (p: Record<string, string>) =>
  Object.entries(p)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join("");
const content = (rows: string, p = { office: "office", table: "table", text: "text" }) =>
  `<?xml version="1.0" encoding="UTF-8"?><${p.office}:document-content${decl({ [p.office]: NS.office, [p.table]: NS.table, [p.text]: NS.text })}>` +
  `<${p.office}:body><${p.office}:spreadsheet><${p.table}:table ${p.table}:name="分工表">${rows}</${p.table}:table></${p.office}:spreadsheet></${p.office}:body></${p.office}:document-content>`;
const ods = (xml: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({ mimetype: [strToU8(MIME), { level: 0 }], "content.xml": strToU8(xml), ...extra });
const row = (cells: string) => `<table:table-row>${cells}</table:table-row>`;
const firstRow = (bytes: Uint8Array) => readLegacyWorkbook(bytes, "分工表.ods").data.sheets[0].cells[0];

describe("cell text", () => {
  test("white space in the XML collapses to one space, none at a paragraph's start or end; text:s, text:tab, text:line-break count", () => {
    const cells = [
      `<table:table-cell office:value-type="string"><text:p>\n      地方财政\n      科技支出   （万元）\n    </text:p></table:table-cell>`,
      `<table:table-cell office:value-type="string"><text:p>≧10000万元<text:s text:c="2"/>（5分）</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="string"><text:p><text:s/>前导空格<text:tab/>制表<text:line-break/>换行<text:s/></text:p></table:table-cell>`,
      `<table:table-cell office:value-type="string"><text:p>第一行</text:p>\n  <text:p>第二行 <text:span text:style-name="T1"> 加粗</text:span></text:p></table:table-cell>`,
    ];
    expect(firstRow(ods(content(row(cells.join("")))))).toEqual([
      { v: "地方财政 科技支出 （万元）" },
      { v: "≧10000万元  （5分）" },
      { v: " 前导空格\t制表\n换行 " },
      { v: "第一行\n第二行 加粗" },
    ]);
  });

  test("a note's text (office:annotation) is not the cell's text", () => {
    const cell =
      `<table:table-cell office:value-type="float" office:value="2489"><office:annotation><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">科技局</dc:creator>` +
      `<text:p>请核实</text:p></office:annotation><text:p>2489</text:p></table:table-cell>`;
    const book = readLegacyWorkbook(ods(content(row(cell))));
    expect(book.data.sheets[0].cells[0]).toEqual([{ v: 2489 }]);
    expect(book.notCarried).toEqual(["批注 1 条"]);
  });
});

describe("office:value-type", () => {
  test("float, percentage, currency, boolean, date, string: the value attribute wins over the shown text", () => {
    const cells = [
      `<table:table-cell office:value-type="float" office:value="3.37"><text:p>3.4</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="percentage" office:value="0.0035"><text:p>0.35%</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="currency" office:currency="CNY" office:value="2489"><text:p>¥2,489.00</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="date" office:date-value="2020-12-31"><text:p>2020年12月31日</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="string" office:string-value="2557万元"><text:p>显示文字</text:p></table:table-cell>`,
    ];
    const r = firstRow(ods(content(row(cells.join("")))));
    expect(r.map((c) => c?.v)).toEqual([3.37, 0.0035, 2489, true, 44196, "2557万元"]);
    expect(r[1]!.numFmt).toContain("%"); // a percentage with no style still shows as one
    expect(r[4]!.numFmt).toMatch(/yy/);
  });
});

describe("other writers' spellings", () => {
  test("any prefix bound to the ODF namespaces reads the same (here o:, t:, x:)", () => {
    const rows =
      `<t:table-row><t:table-cell o:value-type="float" o:value="5"><x:p>5</x:p></t:table-cell>` +
      `<t:table-cell o:value-type="string"><x:p>市<x:s x:c="2"/>科技局</x:p></t:table-cell></t:table-row>`;
    const bytes = ods(content(rows, { office: "o", table: "t", text: "x" }));
    expect(readLegacyWorkbook(bytes).data.sheets[0].name).toBe("分工表");
    expect(firstRow(bytes)).toEqual([{ v: 5 }, { v: "市  科技局" }]);
  });

  test("frozen panes in settings.xml (SplitMode 2) are listed; a plain split (1) is not", () => {
    const settings = (mode: number) =>
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-settings${decl({ office: NS.office, config: NS.config })}><office:settings>` +
          `<config:config-item-set config:name="ooo:view-settings"><config:config-item config:name="VerticalSplitMode" config:type="short">${mode}</config:config-item>` +
          `</config:config-item-set></office:settings></office:document-settings>`,
      );
    const xml = content(row(`<table:table-cell office:value-type="float" office:value="1"/>`));
    expect(readLegacyWorkbook(ods(xml, { "settings.xml": settings(2) })).notCarried).toEqual(["冻结窗格"]);
    expect(readLegacyWorkbook(ods(xml, { "settings.xml": settings(1) })).notCarried).toEqual([]);
  });

  test("a flat .fods (office:document, mimetype attribute) reads like the .ods; a plain XML file is not taken for one", () => {
    const fods =
      `<?xml version="1.0" encoding="UTF-8"?>\n<office:document${decl({ office: NS.office, table: NS.table, text: NS.text })} office:version="1.3" office:mimetype="${MIME}">` +
      `<office:body><office:spreadsheet><table:table table:name="分工表">${row(`<table:table-cell office:value-type="float" office:value="3.37"><text:p>3.37</text:p></table:table-cell>`)}</table:table></office:spreadsheet></office:body></office:document>`;
    const bytes = strToU8(fods);
    expect(detectFormat(bytes)).toBe("ods");
    expect(firstRow(bytes)).toEqual([{ v: 3.37 }]);
    const other = strToU8(
      `<?xml version="1.0"?><office:document xmlns:office="${NS.office}" office:mimetype="application/vnd.oasis.opendocument.text"/>`,
    );
    expect(detectFormat(other)).toBe("unknown");
    expect(() => readLegacyWorkbook(strToU8(fods.slice(0, fods.length - 40)), "坏.fods")).toThrow(
      /^无法读取 \.ods 文件：平面 XML 文档（\.fods）不是完整的 XML|^无法读取 \.ods 文件：文档里没有工作表/,
    );
  });
});
