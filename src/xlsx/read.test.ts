import ExcelJS from "exceljs";
import { readWorkbook, XlsxReadError, columnLetters } from "./read";
import { dateToSerial } from "./exceljs-data";

async function bytesOf(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表一");
  build(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readWorkbook turns cells into what the model reads", () => {
  let cells: ReturnType<typeof at>;
  let merges: string[];
  function at(data: Awaited<ReturnType<typeof readWorkbook>>["data"]) {
    return (a1: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return data.sheets[0].cells[Number(m[2]) - 1]?.[col];
    };
  }

  beforeAll(async () => {
    const bytes = await bytesOf((ws) => {
      ws.getCell("A1").value = "2489万元";
      ws.getCell("B1").value = 0.0035;
      ws.getCell("B1").numFmt = "0.00%";
      ws.getCell("C1").value = { richText: [{ text: "28" }, { text: "家", font: { bold: true } }] };
      ws.getCell("D1").value = { text: "官网链接", hyperlink: "https://example.org" };
      ws.getCell("E1").value = { formula: "ROUND(3.37225,2)", result: 3.37 };
      ws.getCell("E1").numFmt = "0.00";
      ws.getCell("F1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("G1").value = { error: "#N/A" };
      ws.getCell("H1").value = new Date(Date.UTC(2020, 3, 29));
      ws.getCell("I1").value = true;
      ws.getCell("J1").value = { formula: "A9", result: undefined } as unknown as ExcelJS.CellValue;
      ws.getCell("A2").value = { formula: "E1*2", result: 6.74, shareType: "shared", ref: "A2:C2" } as unknown as ExcelJS.CellValue;
      ws.getCell("B2").value = { sharedFormula: "A2", result: 1.5 } as unknown as ExcelJS.CellValue;
      ws.getCell("K1").value = { formula: "0*A1", result: 0 };
      ws.getCell("A4").value = "创新投入（20分）";
      ws.mergeCells("A4:A6");
      ws.getCell("B5").numFmt = "0.00"; // styled but empty
    });
    const { data } = await readWorkbook(bytes);
    cells = at(data);
    merges = data.sheets[0].merges;
    expect(data.sheets[0].name).toBe("表一");
  });

  test("text, numbers with their number format, rich text and hyperlinks as plain text", () => {
    expect(cells("A1")).toEqual({ v: "2489万元" });
    expect(cells("B1")).toEqual({ v: 0.0035, numFmt: "0.00%" });
    expect(cells("C1")).toEqual({ v: "28家" });
    expect(cells("D1")).toEqual({ v: "官网链接" });
    expect(cells("I1")).toEqual({ v: true });
  });

  test("formulas give their text and cached result; shared formulas are translated", () => {
    expect(cells("E1")).toEqual({ v: 3.37, formula: "ROUND(3.37225,2)", numFmt: "0.00" });
    expect(cells("J1")).toEqual({ v: null, formula: "A9" });
    // a cached 0 survives (ExcelJS keeps it only in cell.result after a load)
    expect(cells("K1")).toEqual({ v: 0, formula: "0*A1" });
    expect(cells("A2")).toEqual({ v: 6.74, formula: "E1*2" });
    expect(cells("B2")).toEqual({ v: 1.5, formula: "F1*2" });
  });

  test("Excel errors come out as {error}", () => {
    expect(cells("F1")).toEqual({ v: { error: "#DIV/0!" }, formula: "1/0" });
    expect(cells("G1")).toEqual({ v: { error: "#N/A" } });
  });

  test("dates come out as Excel serial numbers", () => {
    expect(cells("H1")?.v).toBe(43950); // 2020-04-29
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
  });

  test("merges are A1 ranges; covered cells and empty styled cells are holes", () => {
    expect(merges).toEqual(["A4:A6"]);
    expect(cells("A4")).toEqual({ v: "创新投入（20分）" });
    expect(cells("A5")).toBeUndefined();
    expect(cells("B5")).toBeUndefined();
  });

  test("column letters", () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });

  test("an ArrayBuffer reads like a Buffer (the browser hands in ArrayBuffers)", async () => {
    const bytes = await bytesOf((ws) => (ws.getCell("A1").value = "评分标准"));
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { data } = await readWorkbook(ab);
    expect(data.sheets[0].cells[0][0]).toEqual({ v: "评分标准" });
  });
});

describe("input that is not an .xlsx gets a Chinese reason", () => {
  const reject = async (bytes: Uint8Array) => {
    const e = await readWorkbook(bytes).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(XlsxReadError);
    return (e as XlsxReadError).message;
  };

  test("random bytes", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(await reject(random)).toMatch(/^不是有效的 \.xlsx 文件：.*压缩包/);
  });
  test("a text file", async () => {
    expect(await reject(new TextEncoder().encode("指标,得分\n地方财政科技支出,3.37\n"))).toMatch(/^不是有效的 \.xlsx 文件：/);
  });
  test("an empty file", async () => {
    expect(await reject(new Uint8Array(0))).toBe("不是有效的 .xlsx 文件：文件是空的");
  });
  test("an old .xls (or encrypted) file", async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await reject(ole)).toMatch(/旧版 \.xls/);
  });
  test("a truncated workbook", async () => {
    const good = await bytesOf((ws) => (ws.getCell("A1").value = "x"));
    expect(await reject(good.slice(0, Math.floor(good.length / 2)))).toMatch(/^不是有效的 \.xlsx 文件：文件损坏或不完整/);
  });
});
