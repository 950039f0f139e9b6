// Grades and foreign matter priced, the tolerance negotiable: the offer form's
// parsing, the crop defaults a new offer starts from, the catalogue's reviewed
// figures, and the contract text of contracts with and without these terms.
import { describe, expect, it } from "vitest";
import { renderContract } from "~/domain/contracts/render";
import { renderSummary } from "~/domain/contracts/summary";
import { templateCodes, type ContractSnapshot } from "~/domain/contracts/snapshot";
import { contractTemplates } from "~/domain/contracts/templates";
import { cropOfferDefaults, defaultGradeAdjustments } from "~/domain/offers/crop-defaults";
import { moistureDeductionKg } from "~/domain/offers/moisture-deduction";
import { newOfferValues, revisionValues } from "~/domain/offers/offer-form-values";
import { parseGradeAdjustments, parseOfferTermsForm, parseSignedLak } from "~/domain/offers/offer-terms";
import { checkTerms } from "~/domain/offers/offers.server";
import { CROPS } from "../../prisma/seed/reference-data";
import { legacySnapshot } from "../fixtures/legacy-snapshot";

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const good = {
  priceLakPerKg: "3100",
  quantityKg: "12,000",
  gradeId: "g1",
  moistureBasis: "14.5",
  "band.0.from": "14.5",
  "band.0.to": "18",
  "band.0.rate": "12",
  deliveryDate: "2026-12-20",
  deliveryPlace: "Ban Phonxay warehouse",
  transportPaidBy: "trader",
  bagsPaidBy: "trader",
  paymentDays: "7",
  validUntil: "2026-12-05",
  templateCode: "spot_fixed",
};

describe("the grade price table", () => {
  it.each([
    ["150", 150],
    ["+150", 150],
    ["-150", -150],
    ["\u22121,000", -1000],
    ["- 200", -200],
    ["0", 0],
    ["-0", 0],
  ])("reads %j as %d LAK", (input, expected) => {
    expect(parseSignedLak(input)).toBe(expected);
  });

  it.each(["", "abc", "1.5", "+-3", "--3", "12,34"])("refuses %j", (input) => {
    expect(parseSignedLak(input)).toBeNull();
  });

  it("keeps the rows given, leaves blank ones out (paid the price), sorted by grade", () => {
    const { adjustments, errors } = parseGradeAdjustments(
      { "gradeAdjustment.G3": "-300", "gradeAdjustment.G1": "+200", "gradeAdjustment.G2": " ", other: "x" },
      { priceLakPerKg: 3100 },
    );
    expect(errors).toEqual({});
    expect(adjustments).toEqual([
      { gradeCode: "G1", lakPerKg: 200 },
      { gradeCode: "G3", lakPerKg: -300 },
    ]);
  });

  it("refuses a bad figure, a discount that reaches the price (or the floor) and a malformed grade, per field", () => {
    const { adjustments, errors } = parseGradeAdjustments(
      { "gradeAdjustment.G1": "ten", "gradeAdjustment.G2": "-3100", "gradeAdjustment.G3": "-2800", "gradeAdjustment.g 4": "1" },
      { priceLakPerKg: 3100, floorPriceLakPerKg: 2800 },
    );
    expect(adjustments).toEqual([]);
    expect(errors).toEqual({
      "gradeAdjustment.G1": "offers:errors.signedLak",
      "gradeAdjustment.G2": "offers:errors.discountAbovePrice",
      "gradeAdjustment.G3": "offers:errors.discountAbovePrice",
      "gradeAdjustment.g 4": "offers:errors.unknownGrade",
    });
  });

  it("is part of the offer terms, and a bad row fails the whole form", () => {
    const ok = parseOfferTermsForm(form({ ...good, "gradeAdjustment.G1": "0", "gradeAdjustment.G2": "-150" }));
    expect(ok.ok && ok.data.gradeAdjustments).toEqual([
      { gradeCode: "G1", lakPerKg: 0 },
      { gradeCode: "G2", lakPerKg: -150 },
    ]);
    const bad = parseOfferTermsForm(form({ ...good, "gradeAdjustment.G2": "-3,500" }));
    expect(!bad.ok && bad.fieldErrors).toEqual({ "gradeAdjustment.G2": "offers:errors.discountAbovePrice" });
    expect(!bad.ok && bad.values["gradeAdjustment.G2"]).toBe("-3,500");
  });

  it("is checked against the crop: its grades only, and the grade offered at the price itself", () => {
    const parsed = parseOfferTermsForm(form({ ...good, "gradeAdjustment.G1": "+100", "gradeAdjustment.G9": "-50" }));
    if (!parsed.ok) throw new Error("parse");
    const now = new Date("2026-12-01T00:00:00Z");
    expect(checkTerms({ totalKg: 20_000 }, { cropId: "maize", code: "G1" }, { id: "maize", gradeCodes: ["G1", "G2", "G3"] }, parsed.data, now)).toEqual({
      "gradeAdjustment.G1": "offers:errors.offeredGradeAdjusted",
      "gradeAdjustment.G9": "offers:errors.unknownGrade",
    });
    expect(
      checkTerms(
        { totalKg: 20_000 },
        { cropId: "maize", code: "G2" },
        { id: "maize", gradeCodes: ["G1", "G2", "G3"] },
        { ...parsed.data, gradeAdjustments: [{ gradeCode: "G1", lakPerKg: 100 }] },
        now,
      ),
    ).toEqual({});
  });
});

describe("the foreign-matter schedule", () => {
  it("reads a basis and bands shaped like the moisture table", () => {
    const r = parseOfferTermsForm(
      form({
        ...good,
        foreignMatterBasis: "2",
        "fmBand.0.from": "2",
        "fmBand.0.to": "5",
        "fmBand.0.rate": "10",
        "fmBand.1.from": "5",
        "fmBand.1.to": "10",
        "fmBand.1.rate": "12",
      }),
    );
    expect(r.ok && r.data).toMatchObject({
      foreignMatterBasisPermille: 20,
      foreignMatterTable: [
        { fromPermille: 20, toPermille: 50, kgPerTonnePerPoint: 10 },
        { fromPermille: 50, toPermille: 100, kgPerTonnePerPoint: 12 },
      ],
    });
  });

  it("means no schedule when the basis is blank; a basis alone deducts nothing", () => {
    const none = parseOfferTermsForm(form(good));
    expect(none.ok && none.data).toMatchObject({ foreignMatterBasisPermille: null, foreignMatterTable: [] });
    const free = parseOfferTermsForm(form({ ...good, foreignMatterBasis: "3" }));
    expect(free.ok && free.data).toMatchObject({ foreignMatterBasisPermille: 30, foreignMatterTable: [] });
  });

  it("refuses rows without a basis, a bad basis, reversed and overlapping rows, per field", () => {
    const noBasis = parseOfferTermsForm(form({ ...good, "fmBand.0.from": "2", "fmBand.0.to": "5", "fmBand.0.rate": "10" }));
    expect(!noBasis.ok && noBasis.fieldErrors).toEqual({ foreignMatterBasis: "offers:errors.foreignMatterBasisRequired" });
    const bad = parseOfferTermsForm(
      form({
        ...good,
        foreignMatterBasis: "35",
        "fmBand.0.from": "5",
        "fmBand.0.to": "2",
        "fmBand.0.rate": "10",
        "fmBand.1.from": "2",
        "fmBand.1.to": "8",
        "fmBand.1.rate": "x",
      }),
    );
    expect(!bad.ok && bad.fieldErrors).toEqual({
      foreignMatterBasis: "validation:tooHigh",
      "fmBand.0.to": "offers:errors.bandReversed",
      "fmBand.1.rate": "validation:wholeNumber",
    });
    const overlap = parseOfferTermsForm(
      form({
        ...good,
        foreignMatterBasis: "2",
        "fmBand.0.from": "2",
        "fmBand.0.to": "6",
        "fmBand.0.rate": "10",
        "fmBand.1.from": "5",
        "fmBand.1.to": "8",
        "fmBand.1.rate": "12",
      }),
    );
    expect(!overlap.ok && overlap.fieldErrors).toEqual({ foreignMatterTable: "offers:errors.bandsOverlap" });
  });
});

describe("the quantity tolerance", () => {
  it.each([
    ["5", 50],
    ["2.5", 25],
    ["0", 0],
    ["20", 200],
    ["", 50], // left blank: the customary 5 %
  ])("reads %j as %d per mille", (tolerance, permille) => {
    const r = parseOfferTermsForm(form({ ...good, tolerance }));
    expect(r.ok && r.data.tolerancePermille).toBe(permille);
  });

  it.each([
    ["25", "validation:tooHigh"],
    ["-1", "validation:percent"],
    ["five", "validation:percent"],
  ])("refuses %j", (tolerance, error) => {
    const r = parseOfferTermsForm(form({ ...good, tolerance }));
    expect(!r.ok && r.fieldErrors).toEqual({ tolerance: error });
  });
});

describe("the defaults a new offer starts from", () => {
  const maize = CROPS.find((c) => c.code === "MAIZE")!;
  const grades = maize.grades.map((g) => ({ id: `id-${g.code}`, code: g.code, premiumLakPerKg: g.premiumLakPerKg }));
  const source = {
    standardMoisturePermille: maize.standardMoisturePermille,
    bands: maize.bands,
    grades,
    foreignMatterBasisPermille: maize.foreignMatterBasisPermille,
    foreignMatterBands: maize.foreignMatterBands,
  };

  it("prices each grade against the grade offered", () => {
    // Steps 0, −150, −300: offering grade 2, grade 1 earns +150 and grade 3 −150.
    expect(defaultGradeAdjustments(grades, "id-G2")).toEqual([
      { gradeCode: "G1", lakPerKg: 150 },
      { gradeCode: "G2", lakPerKg: 0 },
      { gradeCode: "G3", lakPerKg: -150 },
    ]);
    expect(defaultGradeAdjustments(grades, "id-G1").map((a) => a.lakPerKg)).toEqual([0, -150, -300]);
  });

  it("takes the crop's table and schedule and the 5 % tolerance; a crop without a schedule has none", () => {
    expect(cropOfferDefaults(source, "id-G1")).toMatchObject({ moistureBasisPermille: 145, foreignMatterBasisPermille: 20, tolerancePermille: 50 });
    const banana = CROPS.find((c) => c.code === "BANANA")!;
    expect(
      cropOfferDefaults(
        {
          standardMoisturePermille: 0,
          bands: [],
          grades: banana.grades.map((g) => ({ id: g.code, code: g.code, premiumLakPerKg: g.premiumLakPerKg })),
          foreignMatterBasisPermille: null,
          foreignMatterBands: [],
        },
        "G1",
      ),
    ).toMatchObject({ deductionTable: [], foreignMatterBasisPermille: null, foreignMatterTable: [] });
  });

  it("fills the form so that sending it unchanged gives back the same terms, and a revision likewise", () => {
    const listing = {
      totalKg: 3000,
      gradeId: "id-G1",
      availableFrom: new Date("2026-12-10T00:00:00Z"),
      offerDeadline: new Date("2026-12-20T00:00:00Z"),
      deliveryPoint: "Store",
      askingPriceLakPerKg: 3200,
    };
    const values = newOfferValues(listing, source, new Date("2026-12-02T00:00:00Z"), null);
    const parsed = parseOfferTermsForm(form({ ...values, gradeId: "id-G1" }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const defaults = cropOfferDefaults(source, "id-G1");
    expect(parsed.data).toMatchObject({
      moistureBasisPermille: defaults.moistureBasisPermille,
      deductionTable: defaults.deductionTable,
      gradeAdjustments: defaults.gradeAdjustments,
      foreignMatterBasisPermille: defaults.foreignMatterBasisPermille,
      foreignMatterTable: defaults.foreignMatterTable,
      tolerancePermille: 50,
    });
    const again = parseOfferTermsForm(form(revisionValues({ ...parsed.data, tolerancePermille: 80 })));
    expect(again.ok && again.data).toMatchObject({ ...parsed.data, tolerancePermille: 80 });
    // A revision written before grades were priced starts with blank grade rows and no schedule.
    const old = revisionValues({ ...parsed.data, gradeAdjustments: null, foreignMatterBasisPermille: null, foreignMatterTable: [], tolerancePermille: 50 });
    expect(Object.keys(old).filter((k) => k.startsWith("gradeAdjustment.") || k.startsWith("fm") || k === "foreignMatterBasis")).toEqual([]);
  });
});

describe("the catalogue's reviewed figures", () => {
  const per1000 = (code: string, measured: number) => {
    const c = CROPS.find((x) => x.code === code)!;
    return moistureDeductionKg({ grossKg: 1000, measuredPermille: measured, basisPermille: c.standardMoisturePermille, bands: c.bands }).deductedKg;
  };

  it("prices maize at 14.5 % and deducts close to the water a drier removes", () => {
    expect(CROPS.find((c) => c.code === "MAIZE")!.standardMoisturePermille).toBe(145);
    // 28 %: 3.5 points × 12 (14.5–18) + 7 × 13 (18–25) + 3 × 14 (25–28) = 42 + 91 + 42 = 175 kg;
    // drying 28 % → 14.5 % removes 135 / 855 = 157.9 kg. (The old table took 275.)
    expect(per1000("MAIZE", 280)).toBe(175);
    // 20 %: 3.5 × 12 + 2 × 13 = 68 kg; water 55 / 855 = 64.3 kg.
    expect(per1000("MAIZE", 200)).toBe(68);
    // 30 %: 42 + 91 + 5 × 14 = 203 kg; water 155 / 855 = 181.3 kg.
    expect(per1000("MAIZE", 300)).toBe(203);
    // 15.0 %: half a point × 12 = 6 kg.
    expect(per1000("MAIZE", 150)).toBe(6);
  });

  it("keeps every moisture crop's deduction between the water removed and 1.5 % a point", () => {
    for (const c of CROPS.filter((x) => x.bands.length > 0)) {
      const s = c.standardMoisturePermille;
      for (let m = s + 10; m <= c.bands.at(-1)!.toPermille; m += 10) {
        const kg = moistureDeductionKg({ grossKg: 1_000_000, measuredPermille: m, basisPermille: s, bands: c.bands }).deductedKg / 1000;
        const water = ((m - s) / (1000 - s)) * 1000;
        expect(kg, `${c.code} at ${m}`).toBeGreaterThanOrEqual(water);
        expect(kg, `${c.code} at ${m}`).toBeLessThanOrEqual(((m - s) / 10) * 15);
      }
    }
  });

  it("deducts foreign matter at its own weight first: maize 4 % → 20 kg, 7 % → 54 kg per tonne", () => {
    const maize = CROPS.find((c) => c.code === "MAIZE")!;
    const fm = (measured: number) =>
      moistureDeductionKg({ grossKg: 1000, measuredPermille: measured, basisPermille: maize.foreignMatterBasisPermille!, bands: maize.foreignMatterBands })
        .deductedKg;
    expect(fm(20)).toBe(0);
    expect(fm(40)).toBe(20); // 2.0 points × 10
    expect(fm(70)).toBe(54); // 3.0 × 10 + 2.0 × 12
  });
});

describe("contracts with and without priced grades and foreign matter", () => {
  // Computed with the renderer as it was before these terms existed (commit dfbed18):
  // a contract written then must keep its text and hash byte for byte.
  const hashesBefore: Record<string, string> = {
    spot_fixed: "cef88816467465f62ccb59ea433585ed2b9b60357be0c5ee9a7100cb93c00267",
    forward_fixed: "237252792c762f36cf888f4ec27ac45c68b3be88f7d40b7a98ac17be1fbab089",
    forward_floor: "6d593d812f9bcbd67b4be65d2943f6c9c28fdd44161877fb6d03750edc02af3d",
    input_supply: "e55e72601f7c1211179f4f9dc48e6012ce561f2b2c4980f883c157918cdace06",
  };

  // Export parity came later still: no contract of it was written before.
  const writtenBefore = templateCodes.filter((c) => c !== "export_parity");
  it.each(writtenBefore)("renders a %s contract written before with the same hash", (code) => {
    const r = renderContract(legacySnapshot(code), contractTemplates[code].clauses);
    expect(r.sha256).toBe(hashesBefore[code]);
    expect(r.textEn).not.toContain("Foreign matter");
    expect(r.textEn).not.toContain("Price by grade");
    expect(r.summaryEn).not.toContain("Quality:");
  });

  const priced = (): ContractSnapshot => {
    const s = legacySnapshot("spot_fixed");
    s.terms = {
      ...s.terms,
      tolerancePermille: 100,
      gradeAdjustments: [
        { gradeCode: "G1", lakPerKg: 0 },
        { gradeCode: "G2", lakPerKg: -150 },
        { gradeCode: "G3", lakPerKg: 75 },
      ],
      foreignMatterBasisPermille: 20,
      foreignMatterTable: [
        { fromPermille: 20, toPermille: 50, kgPerTonnePerPoint: 10 },
        { fromPermille: 50, toPermille: 100, kgPerTonnePerPoint: 12 },
      ],
    };
    return s;
  };

  it("writes the foreign-matter schedule, the grade prices and the tolerance into clause 6 and the summary", () => {
    const r = renderContract(priced(), contractTemplates.spot_fixed.clauses);
    expect(r.textEn).toContain("Foreign matter (soil, stones, husks, stems and the like, as a percentage of the weight weighed): up to 2.0 % is not deducted.");
    expect(r.textEn).toContain("  - above 2.0 % up to 5.0 %: 10 kg");
    expect(r.textEn).toContain("  - above 10.0 %: 12 kg");
    expect(r.textEn).toContain("  - Grade 1: the contract price");
    expect(r.textEn).toContain("  - Grade 2: the contract price less 150 LAK per kg");
    expect(r.textEn).toContain("  - Grade 3: the contract price plus 75 LAK per kg");
    // 12,000 kg ± 10 %: 10,800 to 13,200 kg.
    expect(r.textEn).toContain("10.0 % more or less; any net quantity from 10,800 kg to 13,200 kg counts as full delivery");
    expect(r.textLo).toContain("ສິ່ງເຈືອປົນ");
    expect(r.textLo).toContain("ລາຄາສັນຍາ ລົບ 150 ກີບ ຕໍ່ ກິໂລ");
    const summary = renderSummary(priced(), "en");
    expect(summary).toContain("Nothing else is deducted except the weight of the empty bags and foreign matter.");
    expect(summary).toContain(
      "Quality: foreign matter up to 2.0 % is free; above it 10 kg per tonne per point is deducted or more (clause 6); Grade 2: the contract price less 150 LAK per kg, Grade 3: the contract price plus 75 LAK per kg.",
    );
    expect(renderSummary(priced(), "lo")).toContain("ຄຸນນະພາບ:");
    for (const text of [r.textLo, r.textEn, r.summaryLo, r.summaryEn]) expect(text).not.toMatch(/undefined|null|NaN|\{\{/);
  });

  it("says so when every grade is at the price and foreign matter is free", () => {
    const s = priced();
    s.terms = { ...s.terms, gradeAdjustments: [], foreignMatterTable: [] };
    const r = renderContract(s, contractTemplates.spot_fixed.clauses);
    expect(r.textEn).toContain("Foreign matter (soil, stones, husks, stems and the like): nothing is deducted.");
    expect(r.textEn).toContain("Grades: every grade the trader accepts is paid the contract price.");
    expect(r.summaryEn).toContain("Quality: no deduction for foreign matter; every grade is paid the contract price.");
  });
});
