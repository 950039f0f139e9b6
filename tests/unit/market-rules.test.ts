import { describe, expect, it } from "vitest";
import { parseListingForm } from "~/domain/listings/listing-form";
import { normalisePledges, pledgeTotal } from "~/domain/listings/pledges";
import { allowedListingActions, displayStatus, isLive } from "~/domain/listings/status";
import { foActions, offerDisplayStatus, traderActions } from "~/domain/offers/offer-status";
import { parseDeductionRows, parseOfferTermsForm } from "~/domain/offers/offer-terms";
import { offerViewFor } from "~/domain/offers/visibility";

const now = new Date("2026-11-29T05:00:00Z");
const later = new Date("2026-12-05T16:59:59Z");
const earlier = new Date("2026-11-28T16:59:59Z");

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("pledges", () => {
  it("totals the kg and merges repeated members, dropping empty pledges", () => {
    const pledges = normalisePledges([
      { memberId: "a", kg: 500 },
      { memberId: "b", kg: 0 },
      { memberId: "a", kg: 250 },
      { memberId: "c", kg: 1200 },
    ]);
    expect(pledges).toEqual([
      { memberId: "a", kg: 750 },
      { memberId: "c", kg: 1200 },
    ]);
    expect(pledgeTotal(pledges)).toBe(1950);
    expect(pledgeTotal([])).toBe(0);
  });
});

describe("listing status", () => {
  it.each([
    ["draft", later, "draft", false],
    ["open", later, "open", true],
    ["open", earlier, "expired", false],
    ["under_negotiation", later, "under_negotiation", true],
    ["under_negotiation", earlier, "expired", false],
    ["contracted", earlier, "contracted", false],
    ["withdrawn", later, "withdrawn", false],
  ] as const)("%s with deadline %s shows as %s (live: %s)", (status, offerDeadline, shown, live) => {
    expect(displayStatus({ status, offerDeadline }, now)).toBe(shown);
    expect(isLive({ status, offerDeadline }, now)).toBe(live);
  });

  it("allows each action only in its states", () => {
    expect(allowedListingActions({ status: "draft", offerDeadline: later }, now)).toEqual(["edit", "publish", "withdraw"]);
    expect(allowedListingActions({ status: "open", offerDeadline: later }, now)).toEqual(["withdraw", "offer", "counter", "accept"]);
    expect(allowedListingActions({ status: "open", offerDeadline: earlier }, now)).toEqual(["withdraw"]);
    expect(allowedListingActions({ status: "contracted", offerDeadline: later }, now)).toEqual([]);
    expect(allowedListingActions({ status: "withdrawn", offerDeadline: later }, now)).toEqual([]);
  });
});

describe("offer status and who may act", () => {
  it("lets the trader revise or withdraw submitted terms, and accept a valid counter", () => {
    expect(traderActions({ status: "submitted", validUntil: later }, true, now)).toEqual(["revise", "withdraw"]);
    expect(traderActions({ status: "countered", validUntil: later }, true, now)).toEqual(["acceptCounter", "revise", "withdraw"]);
    expect(traderActions({ status: "countered", validUntil: earlier }, true, now)).toEqual(["revise", "withdraw"]);
    expect(traderActions({ status: "accepted", validUntil: later }, true, now)).toEqual([]);
    expect(traderActions({ status: "submitted", validUntil: later }, false, now)).toEqual([]);
  });

  it("lets the FO accept or counter only valid trader terms", () => {
    expect(foActions({ status: "submitted", validUntil: later }, true, now)).toEqual(["accept", "counter", "reject"]);
    expect(foActions({ status: "submitted", validUntil: earlier }, true, now)).toEqual(["reject"]);
    expect(foActions({ status: "countered", validUntil: later }, true, now)).toEqual(["reject"]);
    expect(foActions({ status: "rejected", validUntil: later }, true, now)).toEqual([]);
    expect(foActions({ status: "submitted", validUntil: later }, false, now)).toEqual([]);
  });

  it("derives expiry from the live terms' validity", () => {
    expect(offerDisplayStatus({ status: "submitted", validUntil: earlier }, now)).toBe("expired");
    expect(offerDisplayStatus({ status: "countered", validUntil: later }, now)).toBe("countered");
    expect(offerDisplayStatus({ status: "accepted", validUntil: earlier }, now)).toBe("accepted");
  });
});

describe("sealed and open offer visibility", () => {
  const trader = { leadsListingFo: false, facilitatesDistrict: false };
  it("shows a trader only their own offers on a sealed listing until the deadline", () => {
    expect(offerViewFor(trader, { offerMode: "sealed", offerDeadline: later }, now)).toBe("ownOnly");
    expect(offerViewFor(trader, { offerMode: "sealed", offerDeadline: earlier }, now)).toBe("ownWithBestPrice");
  });
  it("shows a trader the best price (not who) on an open listing", () => {
    expect(offerViewFor(trader, { offerMode: "open", offerDeadline: later }, now)).toBe("ownWithBestPrice");
  });
  it("shows the FO and the district's facilitators everything", () => {
    expect(offerViewFor({ leadsListingFo: true, facilitatesDistrict: false }, { offerMode: "sealed", offerDeadline: later }, now)).toBe("all");
    expect(offerViewFor({ leadsListingFo: false, facilitatesDistrict: true }, { offerMode: "sealed", offerDeadline: later }, now)).toBe("all");
  });
});

describe("listing form", () => {
  const good = {
    cropId: "crop",
    gradeId: "grade",
    availableFrom: "2026-12-01",
    availableUntil: "2026-12-31",
    pickupVillageId: "village",
    askingPriceLakPerKg: "3,200",
    offerMode: "sealed",
    offerDeadline: "2026-12-10",
    "pledge.m1": "1,500",
    "pledge.m2": "",
    "pledge.m3": "800",
  };

  it("reads pledges per member and the deadline as the end of that day in Vientiane", () => {
    const result = parseListingForm(form(good));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.pledges).toEqual([
      { memberId: "m1", kg: 1500 },
      { memberId: "m3", kg: 800 },
    ]);
    expect(result.data.askingPriceLakPerKg).toBe(3200);
    expect(result.data.offerDeadline.toISOString()).toBe("2026-12-10T16:59:59.999Z");
    expect(result.data.availableFrom.toISOString()).toBe("2026-11-30T17:00:00.000Z");
  });

  it("reports each problem next to its field", () => {
    const result = parseListingForm(
      form({
        ...good,
        availableUntil: "2026-11-01",
        pickupVillageId: "",
        offerMode: "auction",
        offerDeadline: "2026-02-30",
        "pledge.m1": "lots",
        "pledge.m3": "",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      offerMode: "validation:invalidChoice",
      offerDeadline: "validation:date",
      "pledge.m1": "validation:wholeNumber",
    });
  });

  it("needs at least one pledge and a place", () => {
    const result = parseListingForm(form({ ...good, pickupVillageId: "", "pledge.m1": "", "pledge.m3": "0" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({ pledges: "listings:errors.noPledges", pickupVillageId: "listings:errors.placeRequired" });
  });

  it("refuses a window that ends before it starts", () => {
    const result = parseListingForm(form({ ...good, availableUntil: "2026-11-15" }));
    expect(!result.ok && result.fieldErrors.availableUntil).toBe("listings:errors.windowReversed");
  });
});

describe("offer terms form", () => {
  const good = {
    priceLakPerKg: "3100",
    quantityKg: "12,000",
    gradeId: "g1",
    moistureBasis: "14",
    "band.0.from": "14",
    "band.0.to": "18",
    "band.0.rate": "15",
    "band.1.from": "18",
    "band.1.to": "25",
    "band.1.rate": "20",
    deliveryDate: "2026-12-20",
    deliveryPlace: "Ban Phonxay warehouse",
    transportPaidBy: "fo",
    transportCostLak: "1,200,000",
    bagsPaidBy: "trader",
    advanceLak: "5000000",
    paymentDays: "7",
    latePenalty: "1.5",
    validUntil: "2026-12-05",
    templateCode: "spot_fixed",
  };

  it("reads amounts, percentages and the deduction table into integers", () => {
    const result = parseOfferTermsForm(form(good));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({
      priceLakPerKg: 3100,
      quantityKg: 12000,
      moistureBasisPermille: 140,
      transportCostLak: 1_200_000n,
      bagsCostLak: 0n,
      advanceLak: 5_000_000n,
      latePenaltyPermillePerMonth: 15,
      deductionTable: [
        { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 15 },
        { fromPermille: 180, toPermille: 250, kgPerTonnePerPoint: 20 },
      ],
    });
  });

  it("asks for the cost when the FO pays transport or bags", () => {
    const result = parseOfferTermsForm(form({ ...good, transportCostLak: "", bagsPaidBy: "fo" }));
    expect(!result.ok && result.fieldErrors).toMatchObject({ transportCostLak: "offers:errors.costRequired", bagsCostLak: "offers:errors.costRequired" });
  });

  it("refuses bad numbers with field errors", () => {
    const result = parseOfferTermsForm(form({ ...good, priceLakPerKg: "0", quantityKg: "abc", moistureBasis: "14.55", paymentDays: "400" }));
    expect(!result.ok && result.fieldErrors).toMatchObject({
      priceLakPerKg: "validation:tooLow",
      quantityKg: "validation:wholeNumber",
      moistureBasis: "validation:percent",
      paymentDays: "validation:tooHigh",
    });
  });

  it("asks for the terms each contract template needs, and keeps only those", () => {
    const floor = parseOfferTermsForm(form({ ...good, templateCode: "forward_floor" }));
    expect(!floor.ok && floor.fieldErrors).toEqual({ floorPriceLakPerKg: "offers:errors.floorRequired" });
    const inputs = parseOfferTermsForm(form({ ...good, templateCode: "input_supply", inputDescription: "" }));
    expect(!inputs.ok && inputs.fieldErrors).toEqual({ inputDescription: "offers:errors.inputRequired", inputValueLak: "offers:errors.inputRequired" });
    const ok = parseOfferTermsForm(
      form({
        ...good,
        templateCode: "input_supply",
        inputDescription: "NPK 15-15-15, 20 bags",
        inputValueLak: "4,000,000",
        inputInterest: "1.5",
        floorPriceLakPerKg: "2900",
      }),
    );
    expect(ok.ok && ok.data).toMatchObject({
      templateCode: "input_supply",
      inputValueLak: 4_000_000n,
      inputInterestPermillePerMonth: 15,
      floorPriceLakPerKg: null,
    });
    const unknown = parseOfferTermsForm(form({ ...good, templateCode: "handshake" }));
    expect(!unknown.ok && unknown.fieldErrors.templateCode).toBe("validation:invalidChoice");
  });

  it("refuses reversed and overlapping deduction bands", () => {
    expect(parseDeductionRows({ "band.0.from": "18", "band.0.to": "14", "band.0.rate": "15" }).errors).toEqual({ "band.0.to": "offers:errors.bandReversed" });
    expect(
      parseDeductionRows({ "band.0.from": "14", "band.0.to": "20", "band.0.rate": "15", "band.1.from": "18", "band.1.to": "25", "band.1.rate": "20" }).errors,
    ).toEqual({ deductionTable: "offers:errors.bandsOverlap" });
    expect(parseDeductionRows({}).bands).toEqual([]);
  });
});
