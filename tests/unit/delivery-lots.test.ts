import { describe, expect, it } from "vitest";
import { computeLot, gradeAdjustmentFor, lotTare, sumLots, type LotFigures, type LotMeasure, type LotTerms } from "~/domain/deliveries/lots";
import { LOT_ROWS, lotRowCount, parseLotRows, POOLED } from "~/domain/deliveries/lot-form";

// Maize-like terms: 14.0 % basis, 15 kg/t per point to 18 %, 20 to 25 %;
// foreign matter 1.0 % free, then 10 kg/t per point (kilo for kilo) to 5 %.
const terms: LotTerms = {
  moistureBasisPermille: 140,
  deductionTable: [
    { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 15 },
    { fromPermille: 180, toPermille: 250, kgPerTonnePerPoint: 20 },
  ],
  gradeAdjustments: [
    { gradeCode: "G1", lakPerKg: 100 },
    { gradeCode: "G3", lakPerKg: -400 },
  ],
  foreignMatterBasisPermille: 10,
  foreignMatterTable: [{ fromPermille: 10, toPermille: 50, kgPerTonnePerPoint: 10 }],
};

const lot = (over: Partial<LotMeasure> = {}): LotMeasure => ({
  memberId: "m1",
  bags: 20,
  grossKg: 1002,
  bagTareGrams: 100,
  moisturePermille: 140,
  foreignMatterPermille: 10,
  gradeCode: "G2",
  ...over,
});

function figures(t: LotTerms, price: number, l: LotMeasure): LotFigures {
  const f = computeLot(t, price, l);
  if ("problem" in f) throw new Error(f.problem);
  return f;
}

describe("the tare of a lot", () => {
  it("is bags × one empty bag, rounded half up to a whole kg", () => {
    expect(lotTare(20, 100)).toBe(2); // 2,000 g
    expect(lotTare(25, 100)).toBe(3); // 2,500 g: half up
    expect(lotTare(24, 110)).toBe(3); // 2,640 g
    expect(lotTare(3, 120)).toBe(0); // 360 g
    expect(lotTare(0, 0)).toBe(0);
    expect(() => lotTare(-1, 100)).toThrow(RangeError);
    expect(() => lotTare(2, 1.5)).toThrow(RangeError);
  });

  it("makes a lot that weighs no more than its bags a problem of its row, not a figure", () => {
    expect(computeLot(terms, 3000, lot({ bags: 10, grossKg: 1, bagTareGrams: 100 }))).toEqual({ problem: "deliveries:errors.tareTooHeavy" });
    expect(computeLot(terms, 3000, lot({ bags: 10, grossKg: 2, bagTareGrams: 150 }))).toEqual({ problem: "deliveries:errors.tareTooHeavy" });
  });
});

describe("a lot's figures", () => {
  it("takes moisture and foreign matter off the weighed kg, and prices the grade", () => {
    // gross 1,002, 20 bags × 100 g = 2 kg: weighed 1,000.
    // moisture 16.5 %: 2.5 points × 15 = 37.5 kg/t → 37.5 kg, half up 38.
    // foreign matter 3.0 %: 2.0 points above 1.0 % × 10 = 20 kg/t → 20 kg.
    // net 1,000 − 38 − 20 = 942; grade G1: 3,000 + 100 = 3,100; amount 2,920,200.
    const f = figures(terms, 3000, lot({ moisturePermille: 165, foreignMatterPermille: 30, gradeCode: "G1" }));
    expect(f).toMatchObject({
      tareKg: 2,
      weighedKg: 1000,
      moistureDeductedKg: 38,
      foreignMatterDeductedKg: 20,
      netKg: 942,
      gradeAdjustmentLakPerKg: 100,
      priceLakPerKg: 3100,
      amountLak: 2_920_200n,
      aboveTable: false,
    });
    // The kg lines add up: gross − tare = weighed; weighed − deductions = net.
    const kg = f.lines.filter((l) => l.kg !== undefined).map((l) => [l.key, l.kg]);
    expect(kg).toEqual([
      ["deliveries:lotLines.gross", 1002],
      ["deliveries:lotLines.tare", -2],
      ["deliveries:lotLines.weighed", 1000],
      ["deliveries:lotLines.moisture", -38],
      ["deliveries:lotLines.foreignMatter", -20],
      ["deliveries:lotLines.net", 942],
    ]);
    expect(f.lines.at(-2)!.key).toBe("deliveries:lotLines.pricePremium");
    expect(f.lines.at(-1)).toMatchObject({ key: "deliveries:lotLines.amount", amountLak: 2_920_200n });
  });

  it("deducts nothing for a dry, clean lot, and pays a grade the contract does not list at the delivery's price", () => {
    const f = figures(terms, 3000, lot());
    expect(f).toMatchObject({ moistureDeductedKg: 0, foreignMatterDeductedKg: 0, netKg: 1000, priceLakPerKg: 3000, amountLak: 3_000_000n });
    expect(f.lines.map((l) => l.key)).toContain("deliveries:lotLines.moistureNone");
    expect(f.lines.map((l) => l.key)).toContain("deliveries:lotLines.foreignMatterNone");
    expect(f.lines.map((l) => l.key)).toContain("deliveries:lotLines.priceSame");
  });

  it("discounts an off-grade lot, never below nothing", () => {
    // G3: 3,000 − 400 = 2,600 per kg.
    expect(figures(terms, 3000, lot({ gradeCode: "G3" }))).toMatchObject({ gradeAdjustmentLakPerKg: -400, priceLakPerKg: 2600, amountLak: 2_600_000n });
    expect(figures(terms, 300, lot({ gradeCode: "G3" }))).toMatchObject({ priceLakPerKg: 0, amountLak: 0n });
    expect(figures(terms, 3000, lot({ gradeCode: "G3" })).lines.at(-2)!.key).toBe("deliveries:lotLines.priceDiscount");
  });

  it("marks a lot wetter than the table, charging the last band's rate", () => {
    // 26.0 %: 4 × 15 + 7 × 20 + 1 × 20 (above the table) = 220 kg/t of 1,000 kg.
    const f = figures(terms, 3000, lot({ moisturePermille: 260, foreignMatterPermille: null }));
    expect(f).toMatchObject({ moistureDeductedKg: 220, foreignMatterDeductedKg: 0, netKg: 780, aboveTable: true });
    expect(f.lines.map((l) => l.key)).toContain("deliveries:lotLines.foreignMatterNotMeasured");
  });

  it("takes nothing for foreign matter, nor prices grades, under a contract written before they were priced", () => {
    const before: LotTerms = { moistureBasisPermille: 140, deductionTable: terms.deductionTable };
    const f = figures(before, 3000, lot({ foreignMatterPermille: 40, gradeCode: "G3" }));
    expect(f).toMatchObject({ foreignMatterDeductedKg: 0, netKg: 1000, priceLakPerKg: 3000 });
    expect(f.lines.map((l) => l.key)).toContain("deliveries:lotLines.foreignMatterNotPriced");
    expect(gradeAdjustmentFor(undefined, "G1")).toBe(0);
  });

  it("never makes the net weight negative", () => {
    const harsh: LotTerms = { ...terms, foreignMatterTable: [{ fromPermille: 0, toPermille: 1000, kgPerTonnePerPoint: 1000 }], foreignMatterBasisPermille: 0 };
    const f = figures(harsh, 3000, lot({ moisturePermille: 300, foreignMatterPermille: 900 }));
    expect(f.netKg).toBe(0);
    expect(f.amountLak).toBe(0n);
  });
});

describe("a delivery is the sum of its lots", () => {
  it("adds every column and weights the moisture by the weighed kg", () => {
    const a = lot({ grossKg: 1002, moisturePermille: 150 });
    const b = lot({ memberId: null, bags: 10, grossKg: 501, moisturePermille: 180, foreignMatterPermille: null });
    const lots = [a, b].map((measure) => ({ measure, figures: figures(terms, 3000, measure) }));
    const total = sumLots(lots);
    expect(total.bags).toBe(30);
    expect(total.grossKg).toBe(1503);
    expect(total.tareKg).toBe(3);
    expect(total.netKg).toBe(lots[0]!.figures.netKg + lots[1]!.figures.netKg);
    expect(total.amountLak).toBe(lots[0]!.figures.amountLak + lots[1]!.figures.amountLak);
    // (1,000 × 150 + 500 × 180) / 1,500 = 160 ‰
    expect(total.moisturePermille).toBe(160);
    // only lot a measured foreign matter
    expect(total.foreignMatterPermille).toBe(10);
    expect(sumLots([]).foreignMatterPermille).toBeNull();
  });
});

describe("the grade sheet form", () => {
  const defaults = { bagTareGrams: 100, gradeCode: "G2", memberIds: new Set(["m1", "m2"]), gradeCodes: new Set(["G1", "G2", "G3"]) };

  it("reads the rows filled in, with the sheet's bag weight and grade where a row leaves them", () => {
    const { lots, errors } = parseLotRows(
      {
        "lot.0.member": "m1",
        "lot.0.bags": "20",
        "lot.0.grossKg": "1 002",
        "lot.0.moisture": "16,5",
        "lot.2.member": POOLED,
        "lot.2.bags": "3",
        "lot.2.grossKg": "150",
        "lot.2.moisture": "14",
        "lot.2.bagGrams": "120",
        "lot.2.grade": "G3",
        "lot.2.foreignMatter": "2.5",
      },
      defaults,
    );
    expect(errors).toEqual({});
    expect(lots).toEqual([
      { row: 0, memberId: "m1", bags: 20, grossKg: 1002, bagTareGrams: 100, moisturePermille: 165, foreignMatterPermille: null, gradeCode: "G2" },
      { row: 2, memberId: null, bags: 3, grossKg: 150, bagTareGrams: 120, moisturePermille: 140, foreignMatterPermille: 25, gradeCode: "G3" },
    ]);
  });

  it("says what is wrong on each row, and that a sheet needs a lot", () => {
    const { lots, errors } = parseLotRows(
      {
        "lot.0.bags": "x",
        "lot.0.grossKg": "100",
        "lot.0.moisture": "14",
        "lot.1.member": "stranger",
        "lot.1.bags": "1",
        "lot.1.grossKg": "50",
        "lot.1.moisture": "14",
        "lot.2.bags": "1",
        "lot.2.grossKg": "50",
        "lot.2.moisture": "14",
        "lot.2.grade": "G9",
        "lot.3.bags": "1",
        "lot.3.grossKg": "50",
      },
      defaults,
    );
    expect(lots).toEqual([]);
    expect(errors).toEqual({
      "lot.0.bags": "validation:wholeNumber",
      "lot.1.member": "deliveries:errors.unknownMember",
      "lot.2.grade": "deliveries:errors.unknownGrade",
      "lot.3.moisture": "validation:required",
    });
    expect(parseLotRows({}, defaults).errors).toEqual({ lots: "deliveries:errors.noLots" });
  });

  it("grows by ten rows when asked, within bounds", () => {
    expect(lotRowCount({}, false)).toBe(LOT_ROWS);
    expect(lotRowCount({ rows: "20" }, true)).toBe(30);
    expect(lotRowCount({ rows: "75" }, true)).toBe(80);
    expect(lotRowCount({ rows: "5000" }, false)).toBe(80);
    expect(lotRowCount({ rows: "-3" }, false)).toBe(LOT_ROWS);
    // rows beyond the count sent are not read
    expect(parseLotRows({ rows: "20", "lot.25.bags": "1", "lot.25.grossKg": "50", "lot.25.moisture": "14" }, defaults).errors).toEqual({
      lots: "deliveries:errors.noLots",
    });
  });
});
