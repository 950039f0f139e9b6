// The export-parity terms of an offer, as typed in the offer form: asked for
// only with that template, refused with a clear message when missing or
// unknown, and dropped for any other template.
import { describe, expect, it } from "vitest";
import { parseOfferTermsForm } from "~/domain/offers/offer-terms";
import { exportParityOf, isFloorOffer } from "~/domain/offers/offer-comparison";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

const good = {
  priceLakPerKg: "6000",
  quantityKg: "12,000",
  gradeId: "g1",
  moistureBasis: "14",
  "band.0.from": "14",
  "band.0.to": "18",
  "band.0.rate": "15",
  deliveryDate: "2027-01-20",
  deliveryPlace: "Ban Phonxay warehouse",
  transportPaidBy: "trader",
  bagsPaidBy: "trader",
  paymentDays: "7",
  validUntil: "2026-12-20",
  templateCode: "export_parity",
  floorPriceLakPerKg: "5,000",
  exportMarket: "  Thai MOC feed corn, Bangkok ",
  exportCurrency: "THB",
  exportRateSourceKind: "commercial_bank",
  exportMarginLakPerKg: "900",
};

describe("an export-parity offer", () => {
  it("keeps the series, the rate's kind, the margin and the floor", () => {
    const parsed = parseOfferTermsForm(form(good));
    expect(parsed.ok && parsed.data).toMatchObject({
      templateCode: "export_parity",
      floorPriceLakPerKg: 5_000,
      exportMarket: "Thai MOC feed corn, Bangkok",
      exportCurrency: "THB",
      exportRateSourceKind: "commercial_bank",
      exportMarginLakPerKg: 900,
    });
  });

  it("asks for each missing term, and refuses an unknown currency or rate", () => {
    const missing = parseOfferTermsForm(
      form({ ...good, floorPriceLakPerKg: "", exportMarket: "", exportMarginLakPerKg: "", exportCurrency: "EUR", exportRateSourceKind: "street" }),
    );
    expect(!missing.ok && missing.fieldErrors).toEqual({
      floorPriceLakPerKg: "offers:errors.floorRequired",
      exportMarket: "offers:errors.exportRequired",
      exportMarginLakPerKg: "offers:errors.exportRequired",
      exportCurrency: "validation:invalidChoice",
      exportRateSourceKind: "validation:invalidChoice",
    });
    const negative = parseOfferTermsForm(form({ ...good, exportMarginLakPerKg: "-5" }));
    expect(!negative.ok && negative.fieldErrors.exportMarginLakPerKg).toBe("validation:wholeNumber");
  });

  it("drops the export terms for any other template, so no other contract carries them", () => {
    const parsed = parseOfferTermsForm(form({ ...good, templateCode: "forward_floor" }));
    expect(parsed.ok && parsed.data).toMatchObject({
      exportMarket: null,
      exportCurrency: null,
      exportRateSourceKind: null,
      exportMarginLakPerKg: null,
      floorPriceLakPerKg: 5_000,
    });
    const spot = parseOfferTermsForm(form({ ...good, templateCode: "spot_fixed", exportCurrency: "EUR" }));
    expect(spot.ok && spot.data).toMatchObject({ exportMarket: null, floorPriceLakPerKg: null });
  });

  it("is compared on its guaranteed floor, its series shown beside", () => {
    expect(isFloorOffer({ templateCode: "export_parity", floorPriceLakPerKg: 5_000 })).toBe(true);
    const terms = {
      templateCode: "export_parity",
      exportMarket: "Thai MOC feed corn, Bangkok",
      exportCurrency: "THB",
      exportRateSourceKind: "bol_reference",
      exportMarginLakPerKg: 900,
    };
    expect(exportParityOf(terms)).toEqual({ market: "Thai MOC feed corn, Bangkok", currency: "THB", rateSourceKind: "bol_reference", marginLakPerKg: 900 });
    expect(exportParityOf({ ...terms, templateCode: "forward_floor" })).toBeNull();
  });
});
