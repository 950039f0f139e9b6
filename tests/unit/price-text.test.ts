import { describe, expect, it } from "vitest";
import { resources } from "~/locales";
import { priceBoardText, smsCapacity, smsPartCount, type PriceTextRow } from "~/domain/prices/price-text";

const words = { lo: resources.lo.priceboard.text, en: resources.en.priceboard.text };
const maize: PriceTextRow = { crop: "ສາລີ", place: "ແບ່ງ", month: "2026-12", referenceLakPerKg: 3250, contractLakPerKg: 3300, exportParityLakPerKg: 3932 };

describe("smsPartCount", () => {
  it("counts 70 characters as one part and 67 per part past that", () => {
    expect(smsPartCount("")).toBe(1);
    expect(smsPartCount("ກ".repeat(70))).toBe(1);
    expect(smsPartCount("ກ".repeat(71))).toBe(2);
    expect(smsPartCount("ກ".repeat(134))).toBe(2);
    expect(smsPartCount("ກ".repeat(135))).toBe(3);
    expect(smsCapacity(1)).toBe(70);
    expect(smsCapacity(3)).toBe(201);
  });
});

describe("priceBoardText", () => {
  it("writes a crop's prices in Lao within one SMS part, the market and export prices first", () => {
    const { text, parts, omittedRows } = priceBoardText([maize], "lo", { words: words.lo });
    expect(text).toBe("ລາຄາສາລີ ແບ່ງ 12/2026: ຕະຫຼາດ 3.250, ສົ່ງອອກ 3.932 ກີບ/ກິໂລ");
    expect(text.length).toBeLessThanOrEqual(70);
    expect(parts).toBe(1);
    expect(omittedRows).toBe(0);
  });

  it("gives every figure when two parts are allowed", () => {
    const { text, parts } = priceBoardText([maize], "lo", { words: words.lo, maxParts: 2 });
    expect(text).toBe("ລາຄາສາລີ ແບ່ງ 12/2026: ຕະຫຼາດ 3.250, ສົ່ງອອກ 3.932, ສັນຍາ 3.300 ກີບ/ກິໂລ");
    expect(text.length).toBe(72);
    expect(parts).toBe(2);
  });

  it("writes the same in English with English separators", () => {
    const { text } = priceBoardText([{ ...maize, crop: "Maize", place: "Beng" }], "en", { words: words.en });
    expect(text).toBe("Price Maize Beng 12/2026: market 3,250, export 3,932 LAK/kg");
  });

  it("leaves out the figures that are not known, and says when none is", () => {
    expect(priceBoardText([{ ...maize, referenceLakPerKg: null }], "lo", { words: words.lo }).text).toBe("ລາຄາສາລີ ແບ່ງ 12/2026: ສົ່ງອອກ 3.932, ສັນຍາ 3.300 ກີບ/ກິໂລ");
    const none = priceBoardText([{ ...maize, month: null, referenceLakPerKg: null, contractLakPerKg: null, exportParityLakPerKg: null }], "lo", {
      words: words.lo,
    });
    expect(none.text).toBe("ລາຄາສາລີ ແບ່ງ: ຍັງບໍ່ມີລາຄາ");
  });

  it("drops a line's later figures before it would need a second part", () => {
    const long = { ...maize, crop: "ມັນຕົ້ນ (ຕາກແຫ້ງ)", place: "ທຸກເມືອງໃນໂຄງການ", referenceLakPerKg: 2_450_000 };
    const full = priceBoardText([long], "lo", { words: words.lo, maxParts: 3 }).text;
    expect(full.length).toBeGreaterThan(70);
    const { text, parts } = priceBoardText([long], "lo", { words: words.lo });
    expect(parts).toBe(1);
    expect(text.length).toBeLessThanOrEqual(70);
    expect(text.startsWith("ລາຄາມັນຕົ້ນ (ຕາກແຫ້ງ) ທຸກເມືອງໃນໂຄງການ")).toBe(true);
    expect(text.endsWith("…: ຕະຫຼາດ 2.450.000 ກີບ/ກິໂລ")).toBe(true);
    expect(text.length).toBe(70);
  });

  it("fits as many crops as the parts allow and counts the rest as left out", () => {
    const rows = Array.from({ length: 8 }, (_, i) => ({ ...maize, crop: `ພືດ${i}` }));
    for (const maxParts of [1, 2, 3]) {
      const { text, parts, omittedRows } = priceBoardText(rows, "lo", { words: words.lo, maxParts });
      expect(parts).toBeLessThanOrEqual(maxParts);
      expect(text.length).toBeLessThanOrEqual(smsCapacity(maxParts));
      expect(text.split("\n").length + omittedRows).toBe(8);
      expect(omittedRows).toBeGreaterThan(0);
    }
    expect(priceBoardText(rows, "lo", { words: words.lo, maxParts: 3 }).text.split("\n").length).toBeGreaterThan(1);
  });

  it("never exceeds one part, whatever the names and figures", () => {
    const name = "ກ".repeat(90);
    for (const row of [
      { ...maize, crop: name },
      { ...maize, place: name },
      { ...maize, referenceLakPerKg: 999_999_999_999 },
    ]) {
      for (const locale of ["lo", "en"] as const) {
        const { text, parts } = priceBoardText([row, maize], locale, { words: words[locale] });
        expect(text.length).toBeLessThanOrEqual(70);
        expect(parts).toBe(1);
      }
    }
  });
});
