import { describe, expect, it } from "vitest";
import { attachmentHeader, CSV_BOM, csvField, toCsv } from "~/domain/reports/csv";

describe("CSV for spreadsheets (RFC 4180 with a UTF-8 byte-order mark)", () => {
  it("starts with the byte-order mark and ends every record with CRLF", () => {
    const csv = toCsv([
      ["District", "Households"],
      ["Beng", 12],
    ]);
    expect(csv).toBe("\uFEFFDistrict,Households\r\nBeng,12\r\n");
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    // As bytes: EF BB BF, then the text in UTF-8.
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(toCsv([])).toBe(CSV_BOM);
  });

  it("keeps Lao text intact", () => {
    const csv = toCsv([
      ["ເມືອງ", "ແຂວງ"],
      ["ແບ່ງ", "ອຸດົມໄຊ"],
    ]);
    expect(Buffer.from(csv, "utf8").toString("utf8")).toBe("\uFEFFເມືອງ,ແຂວງ\r\nແບ່ງ,ອຸດົມໄຊ\r\n");
  });

  it("quotes a field holding a comma, a quote or a line break, doubling its quotes", () => {
    expect(csvField("Delivered, net (kg)")).toBe('"Delivered, net (kg)"');
    expect(csvField('The "Green" group')).toBe('"The ""Green"" group"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField("")).toBe("");
  });

  it("writes numbers as they are and empty cells for nothing", () => {
    expect(csvField(0)).toBe("0");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(12_053_500n)).toBe("12053500");
    expect(csvField(123_456_789_012_345_678n)).toBe("123456789012345678");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });

  it("stops a typed name from running as a spreadsheet formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+856 20")).toBe("'+856 20");
    expect(csvField("-cooperative")).toBe("'-cooperative");
    expect(csvField("@sum")).toBe("'@sum");
  });

  it("names the download with safe characters only", () => {
    expect(attachmentHeader("ssj-report-district-2026-01-01-2026-03-31.csv")).toBe('attachment; filename="ssj-report-district-2026-01-01-2026-03-31.csv"');
    expect(attachmentHeader('a"b\r\n.csv')).toBe('attachment; filename="a_b__.csv"');
  });
});
