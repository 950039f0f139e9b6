import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sheetName, writeWorkbook } from "~/domain/reports/xlsx.server";
import { readZipDirectory, startsLikeZip } from "~/utils/zip-directory";

async function readBack(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book.worksheets[0]!;
}

describe("writing a table as an Excel workbook", () => {
  it("keeps LAK beyond 2^31 exact as a number, Lao text intact, the header and total bold", async () => {
    const bytes = await writeWorkbook({
      name: "ຕາມເມືອງ",
      columns: [
        { header: "ເມືອງ", kind: "text" },
        { header: "ນ້ຳໜັກ (ກິໂລ)", kind: "kg" },
        { header: "ມູນຄ່າ (ກີບ)", kind: "lak" },
        { header: "%", kind: "percent" },
      ],
      rows: [
        { cells: ["ແບ່ງ", 1_250_000, 3_875_000_123n, 66.7] },
        { cells: ["=SUM(A1)", 0, "2500000000", null] },
        { cells: ["ລວມ", 1_250_000, 6_375_000_123n, null], total: true },
      ],
    });
    const sheet = await readBack(bytes);
    expect(sheet.name).toBe("ຕາມເມືອງ");
    expect(sheet.getRow(1).values).toEqual([undefined, "ເມືອງ", "ນ້ຳໜັກ (ກິໂລ)", "ມູນຄ່າ (ກີບ)", "%"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell("C2").value).toBe(3_875_000_123);
    expect(sheet.getCell("C3").value).toBe(2_500_000_000);
    expect(sheet.getCell("C4").value).toBe(6_375_000_123);
    expect(sheet.getCell("C2").numFmt).toBe("#,##0");
    expect(sheet.getCell("B2").numFmt).toBe("#,##0");
    expect(sheet.getCell("D2").value).toBe(66.7);
    expect(sheet.getCell("D2").numFmt).toBe("0.0");
    // A typed text that looks like a formula stays text.
    expect(sheet.getCell("A3").value).toBe("=SUM(A1)");
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(4).font?.bold).toBe(true);
    expect(sheet.getRow(2).font?.bold).toBeFalsy();
    // Wide enough for "6,375,000,123" and its margin, no wider than needed.
    expect(sheet.getColumn(3).width).toBe(15);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(6);
  });

  it("refuses an amount a spreadsheet number cannot hold exactly", async () => {
    await expect(writeWorkbook({ name: "x", columns: [{ header: "LAK", kind: "lak" }], rows: [{ cells: [2n ** 60n] }] })).rejects.toThrow(RangeError);
  });

  it("names the sheet within Excel's rules", () => {
    expect(sheetName("Payout C-2026/0001 [draft]: *?")).toBe("Payout C-2026 0001 draft");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName(" / ")).toBe("Sheet1");
  });
});

describe("reading a zip directory without inflating", () => {
  it("lists a workbook's entries with the sizes they unpack to", async () => {
    const bytes = await writeWorkbook({ name: "s", columns: [{ header: "a", kind: "text" }], rows: [{ cells: ["ບ້ານນາຄຳ"] }] });
    expect(startsLikeZip(bytes)).toBe(true);
    const entries = readZipDirectory(bytes)!;
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"]));
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.uncompressedSize).toBeGreaterThan(sheet.compressedSize);
  });

  it("answers null for bytes that hold no directory", () => {
    expect(readZipDirectory(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(readZipDirectory(new TextEncoder().encode("name,village\n".repeat(10)))).toBeNull();
    expect(startsLikeZip(new TextEncoder().encode("name"))).toBe(false);
  });
});
