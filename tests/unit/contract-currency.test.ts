// Contracts written in baht or yuan: the exchange-rate clause, amounts in the
// contract's currency, and kip contracts rendered (and hashed) as before.
import { describe, expect, it } from "vitest";
import { exchangeRateClause } from "~/domain/contracts/price-text";
import { renderContract } from "~/domain/contracts/render";
import { renderSummary } from "~/domain/contracts/summary";
import { snapshotCurrency, type ContractSnapshot } from "~/domain/contracts/snapshot";
import { contractTemplates } from "~/domain/contracts/templates";
import { legacySnapshot } from "../fixtures/legacy-snapshot";

function bahtSnapshot(): ContractSnapshot {
  const s = legacySnapshot("spot_fixed");
  return {
    ...s,
    terms: { ...s.terms, priceLakPerKg: 985, bagsCostLak: "60000", advanceLak: "200000" },
    valueLak: String(12_000 * 985),
    currency: { code: "THB", rateSourceKind: "bol_reference", rateSourceName: "Bank of the Lao PDR reference rate", convertsOn: "delivery_day" },
  };
}

describe("a contract in a currency other than kip", () => {
  it("keeps every kip contract's text and hash as signed: no currency, no clause", () => {
    const pinned = {
      spot_fixed: "cef88816467465f62ccb59ea433585ed2b9b60357be0c5ee9a7100cb93c00267",
      forward_fixed: "237252792c762f36cf888f4ec27ac45c68b3be88f7d40b7a98ac17be1fbab089",
      forward_floor: "6d593d812f9bcbd67b4be65d2943f6c9c28fdd44161877fb6d03750edc02af3d",
      input_supply: "e55e72601f7c1211179f4f9dc48e6012ce561f2b2c4980f883c157918cdace06",
    } as const;
    for (const [code, sha256] of Object.entries(pinned) as [keyof typeof pinned, string][]) {
      const s = legacySnapshot(code);
      expect(snapshotCurrency(s)).toBe("LAK");
      expect(exchangeRateClause(s, "en")).toBeNull();
      expect(renderContract(s, contractTemplates[code].clauses).sha256).toBe(sha256);
    }
  });

  it("writes every amount in baht, in both languages, and never as kip", () => {
    const r = renderContract(bahtSnapshot(), contractTemplates.spot_fixed.clauses);
    expect(r.textEn).toContain("9.85 THB per kg");
    expect(r.textLo).toContain("9,85 ບາດ ຕໍ່ ກິໂລ");
    expect(r.textEn).toContain("118,200.00 THB");
    expect(r.textEn).toContain("2,000.00 THB");
    expect(r.textEn).toContain("600.00 THB");
    for (const text of [r.textEn, r.summaryEn]) expect(text).not.toMatch(/\d LAK/);
    for (const text of [r.textLo, r.summaryLo]) expect(text).not.toMatch(/\d ກີບ/);
    expect(r.summaryEn).toContain("9.85 THB per kg");
  });

  it("names the rate's source and the delivery day that converts, in Lao and English", () => {
    const s = bahtSnapshot();
    const r = renderContract(s, contractTemplates.spot_fixed.clauses);
    expect(r.textEn).toContain("Currency and exchange rate: this contract is written in Thai baht (THB)");
    expect(r.textEn).toContain(
      'the rate used is that of the day of each delivery: the reference rate of the Bank of the Lao PDR, source "Bank of the Lao PDR reference rate"',
    );
    expect(r.textLo).toContain("ສະກຸນເງິນ ແລະ ອັດຕາແລກປ່ຽນ: ສັນຍານີ້ຂຽນເປັນ ບາດໄທ (THB)");
    expect(r.textLo).toContain('ແຫຼ່ງທີ່ມາ "Bank of the Lao PDR reference rate"');
    expect(renderSummary(s, "en")).toContain(
      'Currency: Thai baht (THB); converted to kip at the "Bank of the Lao PDR reference rate" rate of each delivery day.',
    );
    expect(renderSummary(s, "lo")).toContain("ສະກຸນເງິນ: ບາດໄທ (THB)");
    // the clause is covered by the hash: another source is another contract
    const other = renderContract({ ...s, currency: { ...s.currency!, rateSourceName: "BCEL buying rate" } }, contractTemplates.spot_fixed.clauses);
    expect(other.sha256).not.toBe(r.sha256);
  });
});
