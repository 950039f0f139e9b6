// A contract as a template would write it, with made-up parties and figures:
// what the completeness check renders a template version against before it is
// published (./template-check). Every term is set, so that a clause or the
// summary that forgets a figure shows up as a missing figure, not as a blank.
import type { ContractSnapshot, PriceMechanism, TemplateCode } from "./snapshot";

export type SampleTemplate = { code: TemplateCode; version: number; nameLo: string; nameEn: string; priceMechanism: PriceMechanism };

/** The figures the sample uses, which the check looks for in the summary. */
export const SAMPLE_TERMS = { priceLakPerKg: 3_250, floorPriceLakPerKg: 2_900, quantityKg: 15_000, paymentDays: 10 } as const;

export function sampleSnapshot(template: SampleTemplate): ContractSnapshot {
  const inputs = template.priceMechanism === "input_supply";
  const parity = template.priceMechanism === "export_parity_floor";
  const floor = template.priceMechanism === "floor_premium" || parity;
  const terms: ContractSnapshot["terms"] = {
    priceLakPerKg: SAMPLE_TERMS.priceLakPerKg,
    quantityKg: SAMPLE_TERMS.quantityKg,
    tolerancePermille: 50,
    moistureBasisPermille: 140,
    deductionTable: [
      { fromPermille: 140, toPermille: 170, kgPerTonnePerPoint: 12 },
      { fromPermille: 170, toPermille: 200, kgPerTonnePerPoint: 15 },
    ],
    deliveryDate: "2027-01-15T17:00:00.000Z",
    deliveryPlace: "FO warehouse",
    transportPaidBy: "trader",
    transportCostLak: "0",
    bagsPaidBy: "fo",
    bagsCostLak: "500000",
    advanceLak: "1000000",
    paymentDays: SAMPLE_TERMS.paymentDays,
    latePenaltyPermillePerMonth: 20,
    floorPriceLakPerKg: floor ? SAMPLE_TERMS.floorPriceLakPerKg : null,
    inputDescription: inputs ? "30 bags of NPK 15-15-15 fertiliser (50 kg each)" : null,
    inputValueLak: inputs ? "6000000" : null,
    inputInterestPermillePerMonth: inputs ? 10 : null,
    gradeAdjustments: [],
    foreignMatterBasisPermille: 20,
    foreignMatterTable: [{ fromPermille: 20, toPermille: 50, kgPerTonnePerPoint: 10 }],
    ...(parity
      ? {
          exportParity: {
            market: "Thai MOC feed corn, Bangkok",
            currency: "THB" as const,
            rateSourceKind: "bol_reference" as const,
            marginLakPerKg: 900,
            maxAgeDays: 14,
          },
        }
      : {}),
  };
  return {
    number: "SSJ-2027-0001",
    amendmentNumber: 1,
    amends: null,
    amendmentReason: null,
    date: "2026-12-01T03:00:00.000Z",
    template: { code: template.code, version: template.version, name: { lo: template.nameLo, en: template.nameEn }, priceMechanism: template.priceMechanism },
    fo: {
      name: { lo: "ກຸ່ມຕົວຢ່າງ", en: "Sample FO" },
      type: "producer_group",
      village: { lo: "ບ້ານຕົວຢ່າງ", en: "Ban Sample" },
      district: { lo: "ແບ່ງ", en: "Beng" },
      province: { lo: "ອຸດົມໄຊ", en: "Oudomxay" },
      leaders: [{ name: "ຫົວໜ້າກຸ່ມ", phone: "+8562055512345", sex: "female", position: "leader" }],
    },
    trader: {
      name: "Sample Trading Co.",
      licenceNumber: "ODX-0001",
      province: { lo: "ອຸດົມໄຊ", en: "Oudomxay" },
      staff: [{ name: "Buyer", phone: null, sex: "male" }],
    },
    members: [
      { name: "ນາງ ຕົວຢ່າງ", sex: "female", village: { lo: "ບ້ານຕົວຢ່າງ", en: "Ban Sample" }, pledgedKg: 9_000 },
      { name: "ທ້າວ ຕົວຢ່າງ", sex: "male", village: { lo: "ບ້ານຕົວຢ່າງ", en: "Ban Sample" }, pledgedKg: 6_000 },
    ],
    crop: { code: "MAIZE", name: { lo: "ສາລີ (ເມັດ)", en: "Maize (shelled grain)" }, standardMoisturePermille: 140 },
    grade: { code: "G1", name: { lo: "ຊັ້ນ 1", en: "Grade 1" }, spec: { lo: "ຄວາມຊຸ່ມບໍ່ເກີນ 14%", en: "Moisture at most 14%" } },
    terms,
    valueLak: String(BigInt(terms.quantityKg) * BigInt(terms.floorPriceLakPerKg ?? terms.priceLakPerKg)),
    witnessRequired: inputs,
    writing: 2,
  };
}
