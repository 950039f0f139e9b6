import { describe, expect, it } from "vitest";
import { contentAdjustmentLak, cropContentTerm, revisionContentTerm, type ContentTerm } from "~/domain/contracts/content";
import { computeLot, sumLots, type LotFigures, type LotMeasure, type LotTerms } from "~/domain/deliveries/lots";
import { parseLotRows } from "~/domain/deliveries/lot-form";
import { contractHash } from "~/domain/contracts/contract-hash";
import { renderContract } from "~/domain/contracts/render";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { contractTemplates } from "~/domain/contracts/templates";
import { cropOfferDefaults } from "~/domain/offers/crop-defaults";
import { newOfferValues } from "~/domain/offers/offer-form-values";
import { parseOfferTermsForm } from "~/domain/offers/offer-terms";
import { checkTerms } from "~/domain/offers/offers.server";
import { legacySnapshot } from "../fixtures/legacy-snapshot";

const rubber: ContentTerm = { measure: "drc", basisPermille: 600, stepLakPerKgPerPoint: 120 };
const cassava: ContentTerm = { measure: "starch", basisPermille: 250, stepLakPerKgPerPoint: 20 };

describe("the content adjustment of a lot", () => {
  it("pays the step for each point above the basis, on the net kg", () => {
    // DRC 62.5 % on 60 %: 2.5 points × 120 LAK × 100 kg
    expect(contentAdjustmentLak(rubber, 625, 100)).toBe(30_000n);
    // starch 28.0 % on 25 %: 3 points × 20 LAK × 1,000 kg
    expect(contentAdjustmentLak(cassava, 280, 1000)).toBe(60_000n);
  });

  it("takes the step off for each point below the basis", () => {
    // DRC 55.3 % on 60 %: −4.7 points × 120 × 100
    expect(contentAdjustmentLak(rubber, 553, 100)).toBe(-56_400n);
    expect(contentAdjustmentLak(cassava, 200, 500)).toBe(-50_000n);
  });

  it("is nothing at the basis", () => {
    expect(contentAdjustmentLak(rubber, 600, 1234)).toBe(0n);
  });

  it("pro-rates part points: a tenth of a point earns a tenth of the step", () => {
    expect(contentAdjustmentLak(rubber, 601, 1)).toBe(12n);
    expect(contentAdjustmentLak(rubber, 599, 1)).toBe(-12n);
    expect(contentAdjustmentLak(cassava, 251, 3)).toBe(6n);
  });

  it("rounds once to a whole LAK, half away from zero, the same either side of the basis", () => {
    const step = (s: number): ContentTerm => ({ measure: "starch", basisPermille: 250, stepLakPerKgPerPoint: s });
    expect(contentAdjustmentLak(step(5), 251, 1)).toBe(1n); // 0.5
    expect(contentAdjustmentLak(step(5), 249, 1)).toBe(-1n); // −0.5
    expect(contentAdjustmentLak(step(4), 251, 1)).toBe(0n); // 0.4
    expect(contentAdjustmentLak(step(4), 249, 1)).toBe(0n); // −0.4
    expect(contentAdjustmentLak(step(6), 251, 1)).toBe(1n); // 0.6
    expect(contentAdjustmentLak(step(6), 249, 1)).toBe(-1n); // −0.6
    // rounded on the lot, not per kg: 0.4 LAK × 7 kg = 2.8 → 3, not 7 × 0
    expect(contentAdjustmentLak(step(4), 251, 7)).toBe(3n);
  });

  it("is nothing with a zero step, without a term or without a measurement", () => {
    expect(contentAdjustmentLak({ ...rubber, stepLakPerKgPerPoint: 0 }, 700, 1000)).toBe(0n);
    expect(contentAdjustmentLak(null, 700, 1000)).toBe(0n);
    expect(contentAdjustmentLak(undefined, 700, 1000)).toBe(0n);
    expect(contentAdjustmentLak(rubber, null, 1000)).toBe(0n);
    expect(contentAdjustmentLak(rubber, 700, 0)).toBe(0n);
  });

  it("stays exact where a number would not", () => {
    // 40 points × 100,000 LAK × 100,000,000 kg = 4 × 10^14 LAK
    expect(contentAdjustmentLak({ measure: "drc", basisPermille: 600, stepLakPerKgPerPoint: 100_000 }, 1000, 100_000_000)).toBe(400_000_000_000_000n);
  });

  it("refuses what is not a measurement", () => {
    expect(() => contentAdjustmentLak(rubber, 1001, 10)).toThrow(RangeError);
    expect(() => contentAdjustmentLak(rubber, 60.5, 10)).toThrow(RangeError);
    expect(() => contentAdjustmentLak(rubber, -1, 10)).toThrow(RangeError);
    expect(() => contentAdjustmentLak(rubber, 600, 1.5)).toThrow(RangeError);
    expect(() => contentAdjustmentLak({ ...rubber, stepLakPerKgPerPoint: -5 }, 600, 10)).toThrow(RangeError);
  });
});

describe("a crop's and a revision's content term", () => {
  it("is read from the catalogue only when measure, basis and step are all there", () => {
    expect(cropContentTerm({ contentMeasure: "drc", contentBasisPermille: 600, contentStepLakPerKg: 120 })).toEqual(rubber);
    expect(cropContentTerm({ contentMeasure: null, contentBasisPermille: 600, contentStepLakPerKg: 120 })).toBeNull();
    expect(cropContentTerm({ contentMeasure: "sugar", contentBasisPermille: 600, contentStepLakPerKg: 120 })).toBeNull();
    expect(cropContentTerm({ contentMeasure: "starch", contentBasisPermille: null, contentStepLakPerKg: 20 })).toBeNull();
  });

  it("is absent from a revision written before content was priced", () => {
    expect(revisionContentTerm("starch", { contentBasisPermille: 250, contentStepLakPerKg: 20 })).toEqual(cassava);
    expect(revisionContentTerm("starch", { contentBasisPermille: null, contentStepLakPerKg: null })).toBeNull();
    expect(revisionContentTerm(null, { contentBasisPermille: 250, contentStepLakPerKg: 20 })).toBeNull();
  });
});

// Rubber cup lump as seeded: not traded on moisture (empty table), DRC 60 %.
const terms: LotTerms = {
  moistureBasisPermille: 0,
  deductionTable: [],
  gradeAdjustments: [{ gradeCode: "G2", lakPerKg: -350 }],
  foreignMatterBasisPermille: 10,
  foreignMatterTable: [{ fromPermille: 10, toPermille: 30, kgPerTonnePerPoint: 10 }],
  content: rubber,
};
const lot = (over: Partial<LotMeasure> = {}): LotMeasure => ({
  memberId: "m1",
  bags: 0,
  grossKg: 100,
  bagTareGrams: 0,
  moisturePermille: 0,
  foreignMatterPermille: null,
  gradeCode: "G1",
  contentPermille: 600,
  ...over,
});
function figures(t: LotTerms, price: number, l: LotMeasure): LotFigures {
  const f = computeLot(t, price, l);
  if ("problem" in f) throw new Error(f.problem);
  return f;
}

describe("a lot on a contract with a content term", () => {
  it("adds the adjustment to the weight's amount and shows it as a line", () => {
    const f = figures(terms, 7000, lot({ contentPermille: 553 }));
    expect(f.netKg).toBe(100);
    expect(f.contentAdjustmentLak).toBe(-56_400n);
    expect(f.amountLak).toBe(700_000n - 56_400n);
    const keys = f.lines.map((l) => l.key);
    expect(keys).toContain("deliveries:lotLines.content.drc");
    expect(f.lines.at(-1)).toEqual({ key: "deliveries:lotLines.contentAmount", params: {}, amountLak: 643_600n });
  });

  it("works on the net kg, after foreign matter, and at the grade's price", () => {
    // 2.0 % foreign matter on 1.0 % free: 1 point × 10 kg/t on 1,000 kg = 10 kg
    const f = figures(terms, 7000, lot({ grossKg: 1000, foreignMatterPermille: 20, gradeCode: "G2", contentPermille: 650 }));
    expect(f.netKg).toBe(990);
    expect(f.priceLakPerKg).toBe(6650);
    expect(f.contentAdjustmentLak).toBe(5n * 120n * 990n);
    expect(f.amountLak).toBe(990n * 6650n + 594_000n);
  });

  it("never takes a lot below nothing", () => {
    const f = figures({ ...terms, content: { ...rubber, stepLakPerKgPerPoint: 1000 } }, 100, lot({ contentPermille: 100 }));
    expect(f.amountLak).toBe(0n);
    expect(f.contentAdjustmentLak).toBe(-10_000n);
  });

  it("is paid as before on a contract without a content term, whatever was measured", () => {
    const { content: _none, ...old } = terms;
    void _none;
    const f = figures(old, 7000, lot({ contentPermille: 553 }));
    expect(f.contentAdjustmentLak).toBe(0n);
    expect(f.amountLak).toBe(700_000n);
    expect(f.lines.map((l) => l.key)).not.toContain("deliveries:lotLines.content.drc");
  });

  it("sums into the delivery: adjustments added, the content averaged by net kg", () => {
    const lots = [lot({ contentPermille: 553 }), lot({ memberId: "m2", grossKg: 300, contentPermille: 625 }), lot({ memberId: "m3", contentPermille: 600 })];
    const figured = lots.map((measure) => ({ measure, figures: figures(terms, 7000, measure) }));
    const total = sumLots(figured);
    expect(total.contentAdjustmentLak).toBe(-56_400n + 90_000n + 0n);
    expect(total.amountLak).toBe(figured.reduce((s, l) => s + l.figures.amountLak, 0n));
    // (553 × 100 + 625 × 300 + 600 × 100) / 500 = 605.6 → 606
    expect(total.contentPermille).toBe(606);
  });

  it("leaves the delivery's content empty when no lot measured one", () => {
    const total = sumLots([{ measure: lot({ contentPermille: null }), figures: figures(terms, 7000, lot({ contentPermille: null })) }]);
    expect(total.contentPermille).toBeNull();
    expect(total.contentAdjustmentLak).toBe(0n);
  });
});

describe("the grade sheet of a crop paid on its content", () => {
  const defaults = { bagTareGrams: 0, gradeCode: "G1", memberIds: new Set(["m1"]), gradeCodes: new Set(["G1", "G2"]) };

  it("asks the content instead of the moisture", () => {
    const { lots, errors } = parseLotRows(
      { "lot.0.member": "m1", "lot.0.bags": "3", "lot.0.grossKg": "120", "lot.0.content": "55.3" },
      { ...defaults, contentMeasure: "drc", moisture: false },
    );
    expect(errors).toEqual({});
    expect(lots).toEqual([expect.objectContaining({ memberId: "m1", grossKg: 120, moisturePermille: 0, contentPermille: 553 })]);
  });

  it("refuses a lot without its content, and a content above 100 %", () => {
    const raw = {
      "lot.0.bags": "3",
      "lot.0.grossKg": "120",
      "lot.1.bags": "3",
      "lot.1.grossKg": "120",
      "lot.1.content": "101",
      "lot.2.bags": "2",
      "lot.2.grossKg": "80",
      "lot.2.content": "sixty",
    };
    const { lots, errors } = parseLotRows(raw, { ...defaults, contentMeasure: "drc", moisture: false });
    expect(lots).toEqual([]);
    expect(errors).toEqual({ "lot.0.content": "validation:required", "lot.1.content": "validation:tooHigh", "lot.2.content": "validation:percent" });
  });

  it("counts a row with only its content as a lot to be completed", () => {
    const { errors } = parseLotRows({ "lot.0.content": "60" }, { ...defaults, contentMeasure: "starch", moisture: false });
    expect(errors["lot.0.bags"]).toBeDefined();
  });

  it("still asks the moisture, and ignores a content, on a crop without a measure", () => {
    const { lots, errors } = parseLotRows({ "lot.0.bags": "3", "lot.0.grossKg": "120", "lot.0.content": "60" }, defaults);
    expect(lots).toEqual([]);
    expect(errors["lot.0.moisture"]).toBe("validation:required");
    const ok = parseLotRows({ "lot.0.bags": "3", "lot.0.grossKg": "120", "lot.0.moisture": "14", "lot.0.content": "60" }, defaults);
    expect(ok.lots[0]).not.toHaveProperty("contentPermille");
  });
});

describe("the content term of an offer", () => {
  const good = {
    priceLakPerKg: "7000",
    quantityKg: "5000",
    gradeId: "g1",
    moistureBasis: "0",
    deliveryDate: "2026-12-20",
    deliveryPlace: "Ban Phonxay",
    transportPaidBy: "trader",
    bagsPaidBy: "trader",
    paymentDays: "7",
    validUntil: "2026-12-05",
    templateCode: "spot_fixed",
  };
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    return f;
  };

  it("is read as a basis in per mille and a step in LAK", () => {
    const r = parseOfferTermsForm(form({ ...good, contentBasis: "62.5", contentStep: "150" }));
    expect(r.ok && [r.data.contentBasisPermille, r.data.contentStepLakPerKg]).toEqual([625, 150]);
  });

  it("is absent when neither is given", () => {
    const r = parseOfferTermsForm(form(good));
    expect(r.ok && [r.data.contentBasisPermille, r.data.contentStepLakPerKg]).toEqual([null, null]);
  });

  it("refuses one without the other, a basis above 100 % and a step that is not a whole LAK", () => {
    const only = parseOfferTermsForm(form({ ...good, contentBasis: "60" }));
    expect(!only.ok && only.fieldErrors).toEqual({ contentStep: "offers:errors.contentBoth" });
    const high = parseOfferTermsForm(form({ ...good, contentBasis: "101", contentStep: "120" }));
    expect(!high.ok && high.fieldErrors.contentBasis).toBe("validation:tooHigh");
    const step = parseOfferTermsForm(form({ ...good, contentBasis: "60", contentStep: "12.5" }));
    expect(!step.ok && step.fieldErrors.contentStep).toBeDefined();
  });

  it("is required on a crop paid on its content and refused on any other", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const withTerm = parseOfferTermsForm(form({ ...good, contentBasis: "60", contentStep: "120" }));
    const without = parseOfferTermsForm(form(good));
    if (!withTerm.ok || !without.ok) throw new Error("form");
    const grade = { cropId: "rubber", code: "G1" };
    const rubberCrop = { id: "rubber", gradeCodes: ["G1", "G2"], contentMeasure: "drc" };
    expect(checkTerms({ totalKg: 5000 }, grade, rubberCrop, withTerm.data, now)).toEqual({});
    expect(checkTerms({ totalKg: 5000 }, grade, rubberCrop, without.data, now)).toEqual({ contentBasis: "offers:errors.contentRequired" });
    expect(checkTerms({ totalKg: 5000 }, grade, { ...rubberCrop, contentMeasure: null }, withTerm.data, now)).toEqual({
      contentBasis: "offers:errors.contentNotTraded",
    });
  });

  it("starts from the crop's default, and a revision's form from its own term", () => {
    const source = {
      standardMoisturePermille: 0,
      bands: [],
      grades: [{ id: "g1", code: "G1", premiumLakPerKg: 0 }],
      foreignMatterBasisPermille: null,
      foreignMatterBands: [],
    };
    expect(cropOfferDefaults({ ...source, content: rubber }, "g1")).toMatchObject({ contentBasisPermille: 600, contentStepLakPerKg: 120 });
    expect(cropOfferDefaults(source, "g1")).toMatchObject({ contentBasisPermille: null, contentStepLakPerKg: null });
    const listing = {
      totalKg: 5000,
      gradeId: "g1",
      availableFrom: new Date("2026-12-10"),
      offerDeadline: new Date("2026-12-08"),
      deliveryPoint: null,
      askingPriceLakPerKg: null,
    };
    const values = newOfferValues(listing, { ...source, content: cassava }, new Date("2026-12-01"), null);
    expect([values.contentBasis, values.contentStep]).toEqual(["25", "20"]);
    expect(newOfferValues(listing, source, new Date("2026-12-01"), null)).not.toHaveProperty("contentBasis");
  });
});

describe("the content term in the contract", () => {
  const withContent = (): ContractSnapshot => {
    const s = legacySnapshot("spot_fixed");
    s.terms = { ...s.terms, content: { measure: "drc", basisPermille: 600, stepLakPerKgPerPoint: 120 } };
    return s;
  };

  it("is a paragraph of clause 6 in Lao and English, with a worked example, inside the hash", () => {
    const r = renderContract(withContent(), contractTemplates.spot_fixed.clauses);
    expect(r.textEn).toContain("Dry rubber content (DRC: the rubber left when the water is dried out): the contract price assumes 60.0 %.");
    expect(r.textEn).toContain("120 LAK more per net kg for each percentage point");
    // 58.5 % on 100 kg: −1.5 × 120 × 100 = −18,000
    expect(r.textEn).toContain("for example 58.5 %, 100 kg: −18,000 LAK");
    expect(r.textLo).toContain("ເນື້ອຢາງແຫ້ງ (DRC");
    expect(r.textLo).toContain("60,0 %");
    expect(r.sha256).toBe(contractHash(r.textLo, r.textEn));
    const plain = renderContract(legacySnapshot("spot_fixed"), contractTemplates.spot_fixed.clauses);
    expect(r.sha256).not.toBe(plain.sha256);
  });

  it("leaves a contract written before exactly as it was: same text, same hash", () => {
    // The hash tests/unit/offer-grade-terms.test.ts holds for this snapshot since before grades were priced.
    const r = renderContract(legacySnapshot("spot_fixed"), contractTemplates.spot_fixed.clauses);
    expect(r.sha256).toBe("cef88816467465f62ccb59ea433585ed2b9b60357be0c5ee9a7100cb93c00267");
    expect(r.textEn).not.toContain("Dry rubber content");
    expect(r.textEn).not.toContain("Starch content");
  });
});
