// The export-parity contract's text: it names the reference series, the rate's
// source, the margin and the floor in Lao and English, says which day's figures
// apply and what is paid when none is published in time; and it leaves every
// earlier template's text as it was.
import { describe, expect, it } from "vitest";
import { renderContract } from "~/domain/contracts/render";
import type { ContractSnapshot, SnapshotExportParity } from "~/domain/contracts/snapshot";
import { contractTemplates } from "~/domain/contracts/templates";
import { legacySnapshot } from "../fixtures/legacy-snapshot";

function exportSnapshot(exportParity: Partial<SnapshotExportParity> = {}): ContractSnapshot {
  const s = legacySnapshot("forward_floor");
  const t = contractTemplates.export_parity;
  return {
    ...s,
    template: { code: "export_parity", version: t.version, name: { lo: t.nameLo, en: t.nameEn }, priceMechanism: t.priceMechanism },
    terms: {
      ...s.terms,
      floorPriceLakPerKg: 5_000,
      exportParity: {
        market: "Thai MOC feed corn, Bangkok",
        currency: "THB",
        rateSourceKind: "bol_reference",
        marginLakPerKg: 900,
        maxAgeDays: 14,
        ...exportParity,
      },
    },
    valueLak: String(12_000 * 5_000),
    writing: 2,
  };
}

const render = (s: ContractSnapshot) => renderContract(s, contractTemplates.export_parity.clauses);

describe("the export-parity contract", () => {
  it("names the reference, the rate source, the margin and the floor in English, and which day's figures apply", () => {
    const { textEn, summaryEn } = render(exportSnapshot());
    expect(textEn).toContain("Forward contract at export parity with a floor price");
    expect(textEn).toContain(
      "The price is the higher of two prices: the floor price of 5,000 LAK per kg, which is guaranteed, or export parity on the day of delivery: the price of Maize (shelled grain) at Thai MOC feed corn, Bangkok × the reference rate of the Bank of the Lao PDR − 900 LAK per kg.",
    );
    expect(textEn).toContain("Export parity for a delivery day = the export reference price × the exchange rate − the margin, where:");
    expect(textEn).toContain("the export reference price is the price of Maize (shelled grain) at Thai MOC feed corn, Bangkok, in Thai baht (THB) per kg");
    expect(textEn).toContain("the exchange rate is the reference rate of the Bank of the Lao PDR, in LAK for 1 Thai baht (THB);");
    expect(textEn).toContain("the margin is 900 LAK per kg");
    expect(textEn).toContain("the figure used is the latest published on or before the delivery day");
    expect(textEn).toContain(
      "If the reference price or the exchange rate has none in the 14 days up to and including the delivery day, the floor price of 5,000 LAK per kg is paid.",
    );
    expect(textEn).toContain("a figure corrected later does not change a delivery already recorded");
    expect(textEn).toContain("Contract value at the floor price: 60,000,000 LAK.");
    // A floor contract: side-selling costs no price difference, as for the floor-price template.
    expect(textEn).toContain(
      "and pays the costs the trader has already spent on this contract and can show with receipts (for example a truck hired for the delivery day).",
    );
    expect(summaryEn).toContain(
      "at the higher of the floor price of 5,000 LAK per kg (guaranteed: never less) and export parity on the day of delivery: the price at Thai MOC feed corn, Bangkok in THB × the reference rate of the Bank of the Lao PDR − 900 LAK per kg; with no figures within 14 days, the floor price.",
    );
    expect(summaryEn).toContain("Value at least (at the floor price): 60,000,000 LAK.");
  });

  it("says the same in Lao", () => {
    const { textLo, summaryLo } = render(exportSnapshot());
    expect(textLo).toContain("ສັນຍາຊື້-ຂາຍລ່ວງໜ້າ ຕາມລາຄາສົ່ງອອກ ມີລາຄາຂັ້ນຕ່ຳ");
    expect(textLo).toContain("ລາຄາຂັ້ນຕ່ຳ 5.000 ກີບ ຕໍ່ ກິໂລ ເຊິ່ງຮັບປະກັນ");
    expect(textLo).toContain("ລາຄາທຽບເທົ່າສົ່ງອອກ ຂອງມື້ສົ່ງ = ລາຄາອ້າງອີງສົ່ງອອກ × ອັດຕາແລກປ່ຽນ − ສ່ວນຫັກ");
    expect(textLo).toContain("ທີ່ Thai MOC feed corn, Bangkok, ເປັນ ບາດໄທ (THB) ຕໍ່ ກິໂລ");
    expect(textLo).toContain("ອັດຕາແລກປ່ຽນ: ອັດຕາອ້າງອີງຂອງທະນາຄານແຫ່ງ ສປປ ລາວ, ເປັນກີບ ຕໍ່ 1 ບາດໄທ (THB);");
    expect(textLo).toContain("ສ່ວນຫັກ: 900 ກີບ ຕໍ່ ກິໂລ");
    expect(textLo).toContain("ໃຊ້ຕົວເລກລ່າສຸດ ທີ່ປະກາດໃນມື້ສົ່ງ ຫຼື ກ່ອນມື້ສົ່ງ");
    expect(textLo).toContain("ຖ້າໃນ 14 ມື້ ກ່ອນມື້ສົ່ງ (ລວມທັງມື້ສົ່ງ) ບໍ່ມີລາຄາອ້າງອີງ ຫຼື ບໍ່ມີອັດຕາແລກປ່ຽນ, ຈ່າຍລາຄາຂັ້ນຕ່ຳ 5.000 ກີບ ຕໍ່ ກິໂລ.");
    expect(summaryLo).toContain("ລາຄາທຽບເທົ່າສົ່ງອອກ ໃນມື້ສົ່ງຜົນຜະລິດ: ລາຄາທີ່ Thai MOC feed corn, Bangkok ເປັນ THB");
    for (const text of [textLo, summaryLo]) expect(text).not.toMatch(/Bank of the Lao PDR|commercial bank|margin|export parity/);
  });

  it("names a commercial bank's rate and another currency when the offer chose them", () => {
    const { textEn, textLo } = render(exportSnapshot({ rateSourceKind: "commercial_bank", currency: "CNY", market: "Mohan border post, Yunnan" }));
    expect(textEn).toContain(
      "the exchange rate is a commercial bank's rate (the bank is named with each rate on the portal), in LAK for 1 Chinese yuan (CNY);",
    );
    expect(textEn).toContain("at Mohan border post, Yunnan, in Chinese yuan (CNY) per kg");
    expect(textLo).toContain("ອັດຕາຂອງທະນາຄານທຸລະກິດ");
    expect(textLo).toContain("ຢວນຈີນ (CNY)");
  });

  it("cannot be rendered without its export terms", () => {
    const s = exportSnapshot();
    delete s.terms.exportParity;
    expect(() => render(s)).toThrow(/export terms/);
  });

  it("leaves the other templates' texts without export parity", () => {
    for (const code of ["spot_fixed", "forward_fixed", "forward_floor", "input_supply"] as const) {
      const r = renderContract({ ...legacySnapshot(code), writing: 2 }, contractTemplates[code].clauses);
      expect(r.textEn).not.toContain("export parity");
      expect(r.textLo).not.toContain("ລາຄາທຽບເທົ່າສົ່ງອອກ");
    }
  });
});
