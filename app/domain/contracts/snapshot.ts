// The frozen content of a contract: the parties and every term as they stood
// when the contract was generated from the accepted offer. The rendered texts,
// the summary and the hash are all made from this, and it never changes after
// signing. Amounts that can pass 2^53 are decimal strings.
import type { ContentTerm } from "./content";

export type LocalText = { lo: string; en: string };

export type SnapshotBand = { fromPermille: number; toPermille: number; kgPerTonnePerPoint: number };

export type SnapshotGradeAdjustment = { gradeCode: string; lakPerKg: number };

export const priceMechanisms = ["fixed", "floor_premium", "input_supply", "export_parity_floor"] as const;
export type PriceMechanism = (typeof priceMechanisms)[number];

export const templateCodes = ["spot_fixed", "forward_fixed", "forward_floor", "input_supply", "export_parity"] as const;
export type TemplateCode = (typeof templateCodes)[number];

/** The currencies export references are quoted in, and exchange rates given for. */
export const exportCurrencies = ["THB", "CNY", "USD"] as const;
export type ExportCurrency = (typeof exportCurrencies)[number];
/** The central bank's reference rate and a commercial bank's rate differ: the contract names which. */
export const rateSourceKinds = ["bol_reference", "commercial_bank"] as const;
export type RateSourceKind = (typeof rateSourceKinds)[number];

/**
 * What an export-parity contract prices from: the export reference series
 * (the contract's crop at this market, in this currency), the kind of rate
 * that converts it, the margin taken off, and how many days old the figures
 * may be on the delivery day before the floor applies instead.
 */
export type SnapshotExportParity = {
  market: string;
  currency: ExportCurrency;
  rateSourceKind: RateSourceKind;
  marginLakPerKg: number;
  maxAgeDays: number;
};

/**
 * A contract written in baht or yuan: every amount of its terms is in that
 * currency's hundredths (~/domain/prices/currency), and its exchange-rate
 * clause names the rate that converts to kip (the kind and the named source,
 * as facilitators record rates) and the day whose rate converts: the delivery
 * day. Absent in a kip contract, and so in every contract written before.
 */
export type SnapshotCurrency = {
  code: "THB" | "CNY";
  rateSourceKind: RateSourceKind;
  rateSourceName: string;
  convertsOn: "delivery_day";
};

export type SnapshotSex = "female" | "male";
export type LeaderPosition = "leader" | "secretary";

/** One household the contract covers: the registered member, their village and pledge. */
export type SnapshotMember = {
  name: string;
  sex: SnapshotSex;
  village: LocalText;
  pledgedKg: number;
  /** the production site (field's village and area in m²), where the FO stated it */
  site?: { village: LocalText; areaM2: number };
};

/** The currency a snapshot's amounts are in. */
export function snapshotCurrency(s: Pick<ContractSnapshot, "currency">): "LAK" | "THB" | "CNY" {
  return s.currency?.code ?? "LAK";
}

export type ContractSnapshot = {
  number: string;
  amendmentNumber: number;
  /** the number of the contract this one amends, if any */
  amends: string | null;
  amendmentReason: string | null;
  /** ISO instant the contract was generated */
  date: string;
  /** legalBasis: the law the template version names; absent in contracts written before templates named one */
  template: { code: TemplateCode; version: number; name: LocalText; priceMechanism: PriceMechanism; legalBasis?: LocalText };
  fo: {
    name: LocalText;
    type: string;
    village: LocalText;
    district: LocalText;
    province: LocalText;
    /** sex and position: absent in contracts written before the signatories' sex and role were stated */
    leaders: { name: string; phone: string | null; sex?: SnapshotSex | null; position?: LeaderPosition }[];
  };
  trader: {
    name: string;
    licenceNumber: string;
    province: LocalText;
    staff: { name: string; phone: string | null; sex?: SnapshotSex | null }[];
  };
  crop: { code: string; name: LocalText; standardMoisturePermille: number };
  grade: { code: string; name: LocalText; spec: LocalText };
  terms: {
    priceLakPerKg: number;
    quantityKg: number;
    /** delivered quantity may differ from the contracted one by this much, in per mille */
    tolerancePermille: number;
    moistureBasisPermille: number;
    deductionTable: SnapshotBand[];
    /** ISO instant */
    deliveryDate: string;
    deliveryPlace: string;
    transportPaidBy: "trader" | "fo";
    transportCostLak: string;
    bagsPaidBy: "trader" | "fo";
    bagsCostLak: string;
    advanceLak: string;
    paymentDays: number;
    latePenaltyPermillePerMonth: number;
    floorPriceLakPerKg: number | null;
    inputDescription: string | null;
    inputValueLak: string | null;
    inputInterestPermillePerMonth: number | null;
    /**
     * premium (+) or discount (−) in LAK per net kg for each grade a lot may be
     * delivered at; a grade not listed is paid the contract price. Absent in
     * contracts written before grades were priced: every grade at the price.
     */
    gradeAdjustments?: SnapshotGradeAdjustment[];
    /**
     * foreign matter (per mille of the weighed kg) allowed free; above it the
     * schedule deducts like the moisture table. Absent in contracts written
     * before: no foreign-matter deduction.
     */
    foreignMatterBasisPermille?: number;
    foreignMatterTable?: SnapshotBand[];
    /**
     * the content the price assumes and the step per point (DRC for rubber,
     * starch for fresh cassava: ./content). Absent in contracts without one,
     * and in every contract written before content was priced.
     */
    content?: ContentTerm;
    /** export parity with a floor only (the floor is floorPriceLakPerKg); absent in every other contract */
    exportParity?: SnapshotExportParity;
  };
  /** quantity × price (× the floor for a floor-price contract), in the contract's currency (LAK unless `currency` says) */
  valueLak: string;
  /** the currency and exchange-rate clause of a contract written in THB or CNY; absent: kip */
  currency?: SnapshotCurrency;
  witnessRequired: boolean;
  /**
   * The members the contract covers, from the listing's pledges, printed in the
   * contract's annex (render.ts, membersAnnex) and so covered by its hash.
   * Absent in contracts written before the annex: they have none.
   */
  members?: SnapshotMember[];
  /** a seasonal call-off: the framework contract it is made under, and its season. Absent in every other contract */
  callOff?: { framework: string; season: number };
  /**
   * How the text writes dates, phones and the template. 2: dates 05/12/2026,
   * phones 020 5555 1234, the template by name only. Absent in contracts
   * written before: dates with the month's name, phones as stored, the
   * template's code; they keep rendering so, to the byte, as their hash says.
   */
  writing?: 2;
};
