// The clauses the contract templates share, in Lao and English. A template
// is the same fifteen clauses in the same order (the texts refer to each other
// by number), with its own price clause, inputs clause and a few words that
// differ between a spot sale and a forward contract. Placeholders are defined
// in ../render.ts (placeholderValues); the Lao is written to be read aloud to a
// village meeting: short sentences, the words the portal uses everywhere.
import type { ContractClause } from "../clauses";
import type { PriceMechanism, TemplateCode } from "../snapshot";

export interface ContractTemplateContent {
  code: TemplateCode;
  version: number;
  nameLo: string;
  nameEn: string;
  priceMechanism: PriceMechanism;
  /** offer terms this template needs beyond the common ones */
  requiredTerms: string[];
  clauses: ContractClause[];
  /** the law the contracts are made under, named in the contract's heading */
  legalBasisLo: string;
  legalBasisEn: string;
}

/** The legal basis the templates name, as set when they were written. */
export const LEGAL_BASIS = {
  lo: "ດຳລັດ ເລກທີ 56/ລບ ວ່າດ້ວຍການຜະລິດກະສິກຳແບບມີສັນຍາ (ມັງກອນ 2025) ແລະ ກົດໝາຍວ່າດ້ວຍສັນຍາ ແລະ ການລະເມີດນອກສັນຍາ ຂອງ ສປປ ລາວ",
  en: "Decree No. 56/Gov on Contract Farming (January 2025) and the Law on Contracts and Torts of the Lao PDR",
} as const;

/** The clause keys every template has, in this order (clause texts cite the numbers). */
export const clauseKeys = [
  "parties",
  "commodity",
  "quantity",
  "quality",
  "price",
  "weighing",
  "delivery",
  "ownership",
  "payment",
  "inputs",
  "force_majeure",
  "breach",
  "disputes",
  "duration",
  "amendments",
] as const;
export type ClauseKey = (typeof clauseKeys)[number];

const text = (...lines: string[]) => lines.join("\n");

export const partiesClause: ContractClause = {
  key: "parties",
  titleLo: "ຄູ່ສັນຍາ",
  titleEn: "The parties",
  bodyLo: text(
    'ຜູ້ຂາຍ: {{foName}} ({{foType}}), {{foVillage}}, ເມືອງ{{foDistrict}}, ແຂວງ{{foProvince}}. ໃນສັນຍານີ້ເອີ້ນວ່າ "ກຸ່ມ". ຜູ້ເຊັນແທນກຸ່ມ ແມ່ນຫົວໜ້າກຸ່ມ: {{foLeaders}}. ກຸ່ມຂາຍແທນສະມາຊິກ ທີ່ໄດ້ລວມຜົນຜະລິດຂອງຕົນ ເພື່ອຂາຍຄັ້ງນີ້.',
    'ຜູ້ຊື້: {{traderName}}, ໃບອະນຸຍາດທຸລະກິດເລກທີ {{traderLicence}}, ຕັ້ງຢູ່ແຂວງ{{traderProvince}}. ໃນສັນຍານີ້ເອີ້ນວ່າ "ພໍ່ຄ້າ". ພະນັກງານຂອງພໍ່ຄ້າ ສຳລັບສັນຍານີ້: {{traderStaff}}.',
    "ພະຍານ: {{witness}}",
    'ສັນຍາເລກທີ {{contractNumber}}, ເຮັດວັນທີ {{contractDate}} ໃນເວັບ, ຕາມແບບສັນຍາ "{{templateName}}". {{amends}}',
  ),
  bodyEn: text(
    'Seller: {{foName}} ({{foType}}), {{foVillage}}, {{foDistrict}} district, {{foProvince}} province, called "the FO" in this contract. The FO signs through its leaders: {{foLeaders}}. The FO sells on behalf of its members, who pooled their crop for this sale.',
    'Buyer: {{traderName}}, trading licence no. {{traderLicence}}, based in {{traderProvince}} province, called "the trader". The trader\'s staff for this contract: {{traderStaff}}.',
    "Witness: {{witness}}",
    'Contract {{contractNumber}}, made on {{contractDate}} on the portal from the template "{{templateName}}". {{amends}}',
  ),
};

export type Timing = "spot" | "forward";

export function commodityClause(timing: Timing): ContractClause {
  return {
    key: "commodity",
    titleLo: "ຜົນຜະລິດ ແລະ ຊັ້ນຄຸນນະພາບ",
    titleEn: "Commodity and grade",
    bodyLo: text(
      "ກຸ່ມຂາຍ {{cropName}}, {{gradeName}}: {{gradeSpec}}.",
      "ຜົນຜະລິດຕ້ອງແມ່ນຂອງສະມາຊິກກຸ່ມ, ສະອາດ, ບໍ່ມີແມງໄມ້ ແລະ ເຊື້ອລາ, ບໍ່ປົນກັບພືດອື່ນ ຫຼື ຜົນຜະລິດເກົ່າ.",
      timing === "spot"
        ? "ຜົນຜະລິດເກັບກ່ຽວແລ້ວ ແລະ ຂາຍຕາມສະພາບຕອນສົ່ງ, ໂດຍກວດຊັ້ນຄຸນນະພາບຕາມມາດຕາ 4."
        : "ຜົນຜະລິດມາຈາກການເກັບກ່ຽວທີ່ຈະມາເຖິງ ຂອງສະມາຊິກ. ກຸ່ມເກັບຮັກສາຜົນຜະລິດ ທີ່ສະມາຊິກໄດ້ສັນຍາໄວ້ສຳລັບສັນຍານີ້ ແລະ ບໍ່ສັນຍາຂາຍໃຫ້ຄົນອື່ນ.",
    ),
    bodyEn: text(
      "The FO sells {{cropName}}, {{gradeName}}: {{gradeSpec}}.",
      "The crop comes from the FO's members, is clean, free of live insects and mould, and is not mixed with other crops or with old stock.",
      timing === "spot"
        ? "The crop is already harvested and is sold as it is at delivery, after the grade checks of clause 4."
        : "The crop comes from the members' coming harvest. The FO keeps the crop its members pledged for this contract and does not promise it to anyone else.",
    ),
  };
}

export const quantityClause: ContractClause = {
  key: "quantity",
  titleLo: "ປະລິມານ ແລະ ຄວາມຄາດເຄື່ອນ",
  titleEn: "Quantity and tolerance",
  bodyLo: text(
    "ປະລິມານ: {{quantity}} (ນ້ຳໜັກສຸດທິ ຫຼັງຈາກຫັກຕາມມາດຕາ 6).",
    "ຄວາມຄາດເຄື່ອນທີ່ຍອມຮັບໄດ້: {{tolerance}}.",
    "ພໍ່ຄ້າຈ່າຍເງິນຕາມນ້ຳໜັກສຸດທິ ທີ່ສົ່ງ ແລະ ຮັບແທ້, ໃນລາຄາຕາມມາດຕາ 5. ພໍ່ຄ້າບໍ່ຕ້ອງຮັບເກີນ {{quantityMax}} ແລະ ກຸ່ມບໍ່ຕ້ອງສົ່ງເກີນນັ້ນ. ສົ່ງເປັນຫຼາຍຄັ້ງກໍໄດ້; ແຕ່ລະຄັ້ງມີໃບກວດຄຸນນະພາບ ແລະ ໃບຊັ່ງນ້ຳໜັກ ຂອງຕົນເອງ.",
  ),
  bodyEn: text(
    "Quantity: {{quantity}} (net weight, after the deductions of clause 6).",
    "Tolerance: {{tolerance}}.",
    "The trader pays for the net weight actually delivered and accepted, at the price of clause 5. The trader does not have to take more than {{quantityMax}} and the FO does not have to deliver more. The crop may be delivered in several lots; each lot has its own grade sheet and weighing record.",
  ),
};

export const qualityClause: ContractClause = {
  key: "quality",
  titleLo: "ການກວດຄຸນນະພາບ",
  titleEn: "Quality testing",
  bodyLo: text(
    "ກວດຄຸນນະພາບ ຢູ່ບ່ອນສົ່ງຜົນຜະລິດ ໃນມື້ສົ່ງ, ຕໍ່ໜ້າທັງສອງຝ່າຍ: ຕົວແທນຂອງກຸ່ມ ແລະ ຕົວແທນຂອງພໍ່ຄ້າ.",
    "ພະນັກງານຂອງພໍ່ຄ້າ ເອົາຕົວຢ່າງ ຢ່າງໜ້ອຍ 1 ກະສອບ ໃນທຸກໆ 10 ກະສອບ (ຢ່າງໜ້ອຍ 5 ກະສອບ ຕໍ່ຄັ້ງ) ແລ້ວປະສົມກັນ. ວັດແທກຄວາມຊຸ່ມ (ສຳລັບພືດທີ່ຊື້ຕາມຄວາມຊຸ່ມ) ດ້ວຍເຄື່ອງວັດແທກຄວາມຊຸ່ມ ສຳລັບ{{cropName}}; ກວດສິ່ງເຈືອປົນ ແລະ ເມັດເສຍ ໂດຍການຄັດ ແລະ ຊັ່ງຕົວຢ່າງ. ກ່ອນວັດແທກ, ຕ້ອງກວດເຄື່ອງວັດຕໍ່ໜ້າທັງສອງຝ່າຍ (ດ້ວຍຕົວຢ່າງກວດ ຫຼື ທຽບກັບເຄື່ອງທີສອງ ຖ້າກຸ່ມເອົາມາ).",
    "ໃບກວດຄຸນນະພາບ ບັນທຶກສຳລັບແຕ່ລະຄັ້ງ: ໃຜເປັນຜູ້ວັດແທກ, ໃຊ້ເຄື່ອງຫຍັງ (ຍີ່ຫໍ້ ແລະ ເລກເຄື່ອງ), ຜົນການວັດແທກ ແລະ ຊັ້ນຄຸນນະພາບ. ທັງສອງຝ່າຍເຊັນໃບກວດຄຸນນະພາບ.",
    'ຖ້າກຸ່ມບໍ່ເຫັນດີ, ໃຫ້ຂຽນວ່າ "ບໍ່ເຫັນດີ" ພ້ອມເຫດຜົນ ໃສ່ໃບກວດ (ຫຼື ໃນເວັບ). ແລ້ວເອົາຕົວຢ່າງປະມານ 1 ກິໂລ ໃສ່ຖົງຜະນຶກ ທີ່ທັງສອງຝ່າຍເຊັນ, ມອບໃຫ້ພະນັກງານອຳນວຍຄວາມສະດວກ ເພື່ອໃຫ້ຫ້ອງການກະສິກຳ ແລະ ປ່າໄມ້ເມືອງ ກວດຄືນ ພາຍໃນ 7 ມື້; ຜົນນັ້ນແມ່ນຜົນສຸດທ້າຍ. ຝ່າຍທີ່ຜົນຂອງຕົນຜິດ ເປັນຜູ້ຈ່າຍຄ່າກວດຄືນ.',
    "ບໍ່ມີໃຜສາມາດຫັກເງິນ ຫຼື ນ້ຳໜັກ ຍ້ອນຄຸນນະພາບ ທີ່ບໍ່ໄດ້ຂຽນໄວ້ໃນໃບກວດຄຸນນະພາບ ທີ່ເຊັນແລ້ວ ຫຼື ກວດຄືນແລ້ວ.",
  ),
  bodyEn: text(
    "Quality is checked at the delivery place on the delivery day, with both parties present: a representative of the FO and one of the trader.",
    "The trader's staff take samples from at least one bag in ten (at least five bags per lot) and mix them. Moisture (for a crop bought on moisture) is measured with a moisture meter made for {{cropName}}; foreign matter and damaged grain by sorting and weighing a sample. Before measuring, the meter is checked in front of both parties (with a check sample, or against a second meter if the FO brings one).",
    "The grade sheet records for each lot: who measured, with which instrument (make and serial number), the results and the grade. Both parties sign the grade sheet.",
    'If the FO does not agree, it writes "contested" and the reason on the sheet (or on the portal). A sample of about 1 kg is then sealed in a bag signed by both parties and handed to the facilitator, who has it measured again by the District Agriculture and Forestry Office within 7 days; that result decides. The party whose result was wrong pays for the second test.',
    "Nobody may deduct money or weight for quality unless it is written on a grade sheet that was signed or re-tested.",
  ),
};

const fixedPriceClause: ContractClause = {
  key: "price",
  titleLo: "ລາຄາ ແລະ ວິທີກຳນົດລາຄາ",
  titleEn: "Price and how it is set",
  bodyLo: text(
    "{{priceRule}}",
    "ລາຄານີ້ແມ່ນສຳລັບ {{gradeName}} ທີ່ພື້ນຖານຄວາມຊຸ່ມ {{moistureBasis}}, ຄິດໄລ່ຕາມນ້ຳໜັກສຸດທິ ຫຼັງຈາກຫັກຕາມມາດຕາ 6. ລາຄານີ້ລວມທຸກຢ່າງທີ່ພໍ່ຄ້າຈ່າຍໃຫ້ຜົນຜະລິດ; ຄ່າໃຊ້ຈ່າຍອື່ນ ມີແຕ່ທີ່ຂຽນໄວ້ໃນມາດຕາ 7 (ຂົນສົ່ງ ແລະ ກະສອບ).",
    "ມູນຄ່າສັນຍາ ຕອນເຊັນ: {{value}}.",
  ),
  bodyEn: text(
    "{{priceRule}}",
    "The price is for {{gradeName}} at the moisture basis of {{moistureBasis}}, paid on the net weight after the deductions of clause 6. It covers everything the trader pays for the crop; the only other costs are those written in clause 7 (transport and bags).",
    "Contract value at signing: {{value}}.",
  ),
};

const floorPriceClause: ContractClause = {
  key: "price",
  titleLo: "ລາຄາ ແລະ ວິທີກຳນົດລາຄາ",
  titleEn: "Price and how it is set",
  bodyLo: text(
    "{{priceRule}}",
    "{{referencePriceRule}} ພະນັກງານອຳນວຍຄວາມສະດວກ ຂຽນລາຄາອ້າງອີງຂອງມື້ນັ້ນ ໃສ່ບັນທຶກການສົ່ງ. ຖ້າບໍ່ມີລາຄາອ້າງອີງເລີຍ, ຈ່າຍລາຄາຂັ້ນຕ່ຳ.",
    "ແຕ່ລະຄັ້ງທີ່ສົ່ງ ຄິດລາຄາຂອງມື້ສົ່ງນັ້ນ, ສຳລັບ {{gradeName}} ທີ່ພື້ນຖານຄວາມຊຸ່ມ {{moistureBasis}}, ຕາມນ້ຳໜັກສຸດທິ ຫຼັງຈາກຫັກຕາມມາດຕາ 6.",
    "ລາຄາທີ່ຄາດໄວ້ ຕອນເຮັດສັນຍາ: {{price}}. ຕົວເລກນີ້ ແມ່ນເພື່ອຊາບເທົ່ານັ້ນ; ບໍ່ໄດ້ໃຊ້ຄິດໄລ່ເງິນ.",
    "ມູນຄ່າສັນຍາ ທີ່ລາຄາຂັ້ນຕ່ຳ: {{value}}. ມູນຄ່າແທ້ ຈະສູງກວ່ານີ້ ຖ້າລາຄາອ້າງອີງສູງກວ່າລາຄາຂັ້ນຕ່ຳ.",
  ),
  bodyEn: text(
    "{{priceRule}}",
    "{{referencePriceRule}} The facilitator writes the reference price of the day on the delivery record. If there is no reference price at all, the floor price is paid.",
    "Each lot is priced for its own delivery day, for {{gradeName}} at the moisture basis of {{moistureBasis}}, on the net weight after the deductions of clause 6.",
    "Price expected when the contract was made: {{price}}. This figure is for information only; it is not used to work out the payment.",
    "Contract value at the floor price: {{value}}. The real value is higher when the reference price is above the floor.",
  ),
};

const exportParityPriceClause: ContractClause = {
  key: "price",
  titleLo: "ລາຄາ ແລະ ວິທີກຳນົດລາຄາ",
  titleEn: "Price and how it is set",
  bodyLo: text(
    "{{priceRule}}",
    "{{exportParityRule}}",
    "ແຕ່ລະຄັ້ງທີ່ສົ່ງ ຄິດລາຄາຂອງມື້ສົ່ງນັ້ນ, ສຳລັບ {{gradeName}} ທີ່ພື້ນຖານຄວາມຊຸ່ມ {{moistureBasis}}, ຕາມນ້ຳໜັກສຸດທິ ຫຼັງຈາກຫັກຕາມມາດຕາ 6. ລາຄາອ້າງອີງສົ່ງອອກ ບໍ່ໄດ້ປັບຕາມຄວາມຊຸ່ມ: ການຫັກຂອງມາດຕາ 6 ແມ່ນການຫັກດຽວ.",
    "ລາຄາທີ່ຄາດໄວ້ ຕອນເຮັດສັນຍາ: {{price}}. ຕົວເລກນີ້ ແມ່ນເພື່ອຊາບເທົ່ານັ້ນ; ບໍ່ໄດ້ໃຊ້ຄິດໄລ່ເງິນ.",
    "ມູນຄ່າສັນຍາ ທີ່ລາຄາຂັ້ນຕ່ຳ: {{value}}. ມູນຄ່າແທ້ ຈະສູງກວ່ານີ້ ຖ້າລາຄາທຽບເທົ່າສົ່ງອອກ ສູງກວ່າລາຄາຂັ້ນຕ່ຳ.",
  ),
  bodyEn: text(
    "{{priceRule}}",
    "{{exportParityRule}}",
    "Each lot is priced for its own delivery day, for {{gradeName}} at the moisture basis of {{moistureBasis}}, on the net weight after the deductions of clause 6. The export reference is not adjusted for moisture: the deductions of clause 6 are the only ones.",
    "Price expected when the contract was made: {{price}}. This figure is for information only; it is not used to work out the payment.",
    "Contract value at the floor price: {{value}}. The real value is higher when export parity is above the floor.",
  ),
};

export function priceClause(mechanism: PriceMechanism): ContractClause {
  if (mechanism === "export_parity_floor") return exportParityPriceClause;
  return mechanism === "floor_premium" ? floorPriceClause : fixedPriceClause;
}

export const weighingClause: ContractClause = {
  key: "weighing",
  titleLo: "ການຊັ່ງນ້ຳໜັກ ແລະ ການຫັກຄວາມຊຸ່ມ",
  titleEn: "Weighing and moisture deductions",
  bodyLo: text(
    "ການຊັ່ງ: ທຸກຄັ້ງທີ່ສົ່ງ ຊັ່ງຢູ່ບ່ອນສົ່ງຜົນຜະລິດ ຕໍ່ໜ້າທັງສອງຝ່າຍ, ດ້ວຍຊິງ ທີ່ທັງສອງຝ່າຍໄດ້ກວດກ່ອນແລ້ວ ດ້ວຍນ້ຳໜັກທີ່ຮູ້ແນ່ນອນ (ເຊັ່ນ: ລູກຕຸ້ມ 20 ກິໂລ ຫຼື ກະສອບທີ່ຊັ່ງດ້ວຍຊິງອື່ນແລ້ວ). ຫັກນ້ຳໜັກກະສອບເປົ່າ: ນ້ຳໜັກສະເລ່ຍ ຂອງກະສອບເປົ່າ 10 ໜ່ວຍ ຊະນິດດຽວກັນ ຄູນດ້ວຍຈຳນວນກະສອບ. ນ້ຳໜັກລວມ, ນ້ຳໜັກກະສອບ ແລະ ນ້ຳໜັກສຸດທິ ຂອງແຕ່ລະຄັ້ງ ຂຽນໃສ່ໃບຊັ່ງນ້ຳໜັກ ແລະ ທັງສອງຝ່າຍເຊັນ.",
    "ຄວາມຊຸ່ມ:",
    "{{deductionTable}}",
    "ເວັບຄິດໄລ່ການຫັກ ຈາກຄວາມຊຸ່ມທີ່ວັດໄດ້ ແລະ ຕາຕະລາງນີ້; ບໍ່ມີໃຜພິມຕົວເລກຫັກເອງ. ບໍ່ອະນຸຍາດໃຫ້ຫັກນ້ຳໜັກແບບອື່ນ (ບໍ່ປັດລົງ, ບໍ່ຫັກເພີ່ມຍ້ອນຂີ້ຝຸ່ນ ຫຼື ຄ່າຈັດການ).",
  ),
  bodyEn: text(
    "Weighing: every lot is weighed at the delivery place in front of both parties, on a scale both parties have first checked with a known weight (for example a 20 kg standard weight, or a bag already weighed on another scale). The weight of the empty bags is deducted: the average weight of ten empty bags of the same kind, times the number of bags. The gross weight, bag weight and net weight of each lot are written on the weighing record, which both parties sign.",
    "Moisture:",
    "{{deductionTable}}",
    "The portal works out the deduction from the measured moisture and this table; nobody types it in by hand. No other weight deduction is allowed (no rounding down, no extra cut for dust or handling).",
  ),
};

export const deliveryClause: ContractClause = {
  key: "delivery",
  titleLo: "ການສົ່ງຜົນຜະລິດ: ບ່ອນ, ວັນທີ ແລະ ການຂົນສົ່ງ",
  titleEn: "Delivery: place, date and transport",
  bodyLo: text(
    "ວັນສົ່ງຜົນຜະລິດ: {{deliveryDate}}.",
    "ບ່ອນສົ່ງຜົນຜະລິດ: {{deliveryPlace}}.",
    "ການຂົນສົ່ງ: {{transport}}.",
    "ກະສອບ: {{bags}}.",
    "ພໍ່ຄ້າແຈ້ງກຸ່ມ ຢ່າງໜ້ອຍ 3 ມື້ລ່ວງໜ້າ ວ່າຈະມາຮັບເວລາໃດ, ແລະ ມາພ້ອມລົດ, ຊິງ ແລະ ເຄື່ອງວັດແທກຄວາມຊຸ່ມ ໃນມື້ທີ່ຕົກລົງກັນ. ກຸ່ມກຽມຜົນຜະລິດໃຫ້ພ້ອມ, ແຫ້ງ ແລະ ໃສ່ກະສອບແລ້ວ ຢູ່ບ່ອນສົ່ງ ໃນມື້ນັ້ນ. ຖ້າຝ່າຍໃດຝ່າຍໜຶ່ງ ບໍ່ມາ ຫຼື ບໍ່ພ້ອມ ພາຍໃນ 3 ມື້ ຫຼັງຈາກວັນສົ່ງ ໂດຍບໍ່ມີເຫດສຸດວິໄສ, ໃຫ້ໃຊ້ມາດຕາ 12.",
  ),
  bodyEn: text(
    "Delivery date: {{deliveryDate}}.",
    "Delivery place: {{deliveryPlace}}.",
    "Transport: {{transport}}.",
    "Bags: {{bags}}.",
    "The trader tells the FO at least 3 days ahead when it will come, and comes on the agreed day with the truck, the scale and the moisture meter. The FO has the crop ready, dry and bagged, at the delivery place on that day. If either party does not come, or is not ready, within 3 days after the delivery date and there is no force majeure, clause 12 applies.",
  ),
};

export const ownershipClause: ContractClause = {
  key: "ownership",
  titleLo: "ເວລາທີ່ກຳມະສິດ ແລະ ຄວາມສ່ຽງ ຍ້າຍໄປເປັນຂອງພໍ່ຄ້າ",
  titleEn: "When ownership and risk pass",
  bodyLo: text(
    "ຜົນຜະລິດຍັງເປັນຂອງກຸ່ມ ແລະ ຄວາມສ່ຽງຍັງເປັນຂອງກຸ່ມ ຈົນກວ່າແຕ່ລະຄັ້ງທີ່ສົ່ງ ໄດ້ຊັ່ງ, ກວດຄຸນນະພາບ ແລະ ຂຶ້ນລົດ ຢູ່ບ່ອນສົ່ງຜົນຜະລິດແລ້ວ, ແລະ ທັງສອງຝ່າຍໄດ້ເຊັນໃບຊັ່ງນ້ຳໜັກ ແລະ ໃບກວດຄຸນນະພາບແລ້ວ (ຫຼື ກຸ່ມຂຽນວ່າບໍ່ເຫັນດີ ແຕ່ພໍ່ຄ້າຍັງເອົາໄປ).",
    "ນັບແຕ່ເວລານັ້ນ, ຜົນຜະລິດເປັນຂອງພໍ່ຄ້າ ແລະ ພໍ່ຄ້າຮັບຜິດຊອບທຸກການເສຍຫາຍ (ຖືກລັກ, ຝົນ, ອຸບັດຕິເຫດ, ນ້ຳໜັກຫຼຸດຍ້ອນແຫ້ງ, ລາຄາຕົກ), ເຖິງວ່າຍັງບໍ່ທັນຈ່າຍເງິນກໍຕາມ. ພໍ່ຄ້າບໍ່ສາມາດສົ່ງຄືນ ຫຼື ຈ່າຍໜ້ອຍລົງ ສຳລັບຜົນຜະລິດທີ່ເອົາໄປແລ້ວ ຍ້ອນເຫດທີ່ເກີດຂຶ້ນພາຍຫຼັງ.",
  ),
  bodyEn: text(
    "The crop stays the property and the risk of the FO until each lot has been weighed, graded and loaded at the delivery place and both parties have signed the weighing record and the grade sheet (or the FO has written that it contests the grade and the trader has still taken the lot).",
    "From that moment the lot belongs to the trader, and the trader bears every loss (theft, rain, accident, weight lost in drying, a fall in price), even before it has paid. The trader may not return a lot it has taken, nor pay less for it, because of anything that happens afterwards.",
  ),
};

export const paymentClause: ContractClause = {
  key: "payment",
  titleLo: "ການຈ່າຍເງິນ",
  titleEn: "Payment",
  bodyLo: text(
    "ຈຳນວນເງິນ: ສຳລັບແຕ່ລະຄັ້ງທີ່ສົ່ງ, {{paymentAmount}}. ເວັບຄິດໄລ່ຈຳນວນເງິນເປັນແຖວໆ ຈາກໃບຊັ່ງນ້ຳໜັກ ແລະ ໃບກວດຄຸນນະພາບ ທີ່ເຊັນແລ້ວ.",
    "ເວລາຈ່າຍ: {{paymentDays}}; {{paymentDeadline}}.",
    "ວິທີຈ່າຍ: ໂອນເຂົ້າບັນຊີທະນາຄານຂອງກຸ່ມ, ຫຼື ຈ່າຍເງິນສົດ ນັບຕໍ່ໜ້າຫົວໜ້າກຸ່ມ ຢ່າງໜ້ອຍ 2 ຄົນ ພ້ອມໃບຮັບເງິນ ທີ່ເຂົາເຈົ້າເຊັນ. ພໍ່ຄ້າບັນທຶກທຸກການຈ່າຍເງິນໃນເວັບ ແລະ ກຸ່ມຢືນຢັນໃນເວັບ.",
    "ເງິນລ່ວງໜ້າ: {{advance}}.",
    'ການຈ່າຍຊ້າ: {{latePenalty}} ການຈ່າຍທີ່ຊ້າ ຈະສະແດງວ່າ "ເກີນກຳນົດ" ໃນໜ້າຂອງທັງສອງຝ່າຍ ແລະ ນັບເຂົ້າໃນປະຫວັດການຈ່າຍເງິນຕົງເວລາ ຂອງພໍ່ຄ້າ.',
  ),
  bodyEn: text(
    "Amount: for each lot, {{paymentAmount}}. The portal works out the amount line by line from the signed weighing record and grade sheet.",
    "When: {{paymentDays}}; {{paymentDeadline}}.",
    "How: by bank transfer to the FO's account, or in cash counted in front of at least two FO leaders against a receipt they sign. The trader records every payment on the portal and the FO confirms it there.",
    "Advance: {{advance}}.",
    "Late payment: {{latePenalty}} A late payment shows as \"overdue\" on both parties' pages and counts in the trader's record of paying on time.",
  ),
};

export const noInputsClause: ContractClause = {
  key: "inputs",
  titleLo: "ປັດໄຈການຜະລິດ ແລະ ສິນເຊື່ອ",
  titleEn: "Inputs and credit",
  bodyLo: text(
    "ສັນຍານີ້ ບໍ່ມີການໃຫ້ປັດໄຈການຜະລິດລ່ວງໜ້າ (ແນວພັນ, ຝຸ່ນ, ຢາ, ເຄື່ອງມື) ແລະ ບໍ່ມີສິນເຊື່ອ.",
    "ນອກຈາກເງິນລ່ວງໜ້າ ຕາມມາດຕາ 9, ພໍ່ຄ້າບໍ່ສາມາດຫັກໜີ້ໃດໆ ຈາກສັນຍານີ້ ຫຼື ຈາກການຊື້ຂາຍອື່ນ ອອກຈາກເງິນຄ່າຜົນຜະລິດນີ້.",
  ),
  bodyEn: text(
    "No inputs (seed, fertiliser, pesticides, tools) and no credit are advanced under this contract.",
    "Apart from the advance of clause 9, the trader may not deduct any debt, from this or any other deal, from the payment for this crop.",
  ),
};

export const inputSupplyClause: ContractClause = {
  key: "inputs",
  titleLo: "ປັດໄຈການຜະລິດ ແລະ ສິນເຊື່ອ",
  titleEn: "Inputs and credit",
  bodyLo: text(
    "ພໍ່ຄ້າໃຫ້ກຸ່ມລ່ວງໜ້າ: {{inputDescription}}, ມູນຄ່າທີ່ຕົກລົງ {{inputValue}}.",
    "ດອກເບ້ຍ: {{inputInterest}}. ເປັນດອກເບ້ຍທຳມະດາເທົ່ານັ້ນ (ບໍ່ຄິດດອກເບ້ຍຊ້ອນດອກເບ້ຍ), ນັບແຕ່ມື້ມອບປັດໄຈການຜະລິດ ຮອດມື້ສົ່ງຜົນຜະລິດ, ແຕ່ບໍ່ເກີນວັນທີ {{deliveryDate}}. ດອກເບ້ຍ = ມູນຄ່າ × ອັດຕາຕໍ່ເດືອນ × ຈຳນວນມື້ ÷ 30, ປັດເປັນກີບ.",
    "ການມອບ-ຮັບ ບັນທຶກໃສ່ໃບມອບ-ຮັບ ທີ່ທັງສອງຝ່າຍເຊັນ: ລາຍການ, ຈຳນວນ ແລະ ວັນທີ. ກຸ່ມແບ່ງໃຫ້ສະມາຊິກ ແລະ ບັນທຶກວ່າໃຜໄດ້ຮັບຫຍັງ.",
    "ເມື່ອສົ່ງຜົນຜະລິດ, ພໍ່ຄ້າຫັກອອກຈາກເງິນທີ່ຈ່າຍ: ມູນຄ່າປັດໄຈການຜະລິດ ບວກດອກເບ້ຍ, ບໍ່ຫັກຫຍັງເພີ່ມອີກ. {{inputExample}}",
    "ຖ້າເງິນຄ່າຜົນຜະລິດ ໜ້ອຍກວ່າໜີ້, ກຸ່ມຍັງເປັນໜີ້ສ່ວນທີ່ເຫຼືອ ໂດຍບໍ່ມີດອກເບ້ຍເພີ່ມ, ແລະ ຈ່າຍຄືນ ໃນການຂາຍຄັ້ງຕໍ່ໄປໃຫ້ພໍ່ຄ້າ ຫຼື ພາຍໃນ 12 ເດືອນ.",
    "ປັດໄຈການຜະລິດທີ່ບໍ່ດີ (ແນວພັນບໍ່ງອກ, ຝຸ່ນປອມ ຫຼື ເສຍ) ທີ່ພະນັກງານອຳນວຍຄວາມສະດວກ ຫຼື ຫ້ອງການກະສິກຳ ແລະ ປ່າໄມ້ເມືອງ ຢັ້ງຢືນ, ບໍ່ຕ້ອງຈ່າຍ ແລະ ຫັກອອກຈາກໜີ້. ກຸ່ມບໍ່ຕ້ອງຊື້ສິ່ງອື່ນຈາກພໍ່ຄ້າ.",
  ),
  bodyEn: text(
    "The trader advances to the FO: {{inputDescription}}, at an agreed value of {{inputValue}}.",
    "Interest: {{inputInterest}}. It is simple interest only (never interest on interest), counted from the day the inputs are handed over to the day of delivery, but never after {{deliveryDate}}. Interest = value × monthly rate × number of days ÷ 30, rounded to the kip.",
    "The handover is written on a handover note signed by both parties: items, quantities and date. The FO shares the inputs among its members and records who received what.",
    "At delivery the trader deducts from the payment the value of the inputs plus the interest, and nothing more. {{inputExample}}",
    "If the payment for the crop is less than what is owed, the FO owes the rest without further interest and repays it at its next sale to the trader or within 12 months.",
    "Inputs that turn out to be bad (seed that does not germinate, fake or spoiled fertiliser), as confirmed by the facilitator or the District Agriculture and Forestry Office, are not paid for and are taken off the amount owed. The FO does not have to buy anything else from the trader.",
  ),
};

export const forceMajeureClause: ContractClause = {
  key: "force_majeure",
  titleLo: "ເຫດສຸດວິໄສ",
  titleEn: "Force majeure",
  bodyLo: text(
    "ບໍ່ຖືວ່າຝ່າຍໃດລະເມີດສັນຍາ ເມື່ອເຫດທີ່ຢູ່ນອກເໜືອການຄວບຄຸມ ເຮັດໃຫ້ສົ່ງ, ຮັບ ຫຼື ຈ່າຍເງິນບໍ່ໄດ້: ນ້ຳຖ້ວມ, ໄພແຫ້ງແລ້ງ, ດິນເຈື່ອນ ຫຼື ທາງຖືກປິດໂດຍເຈົ້າໜ້າທີ່, ແມງໄມ້ ຫຼື ພະຍາດລະບາດໃນໄຮ່ນາຂອງສະມາຊິກ, ໄຟໄໝ້, ການປິດດ່ານຊາຍແດນ ຫຼື ການຫ້າມສົ່ງອອກ.",
    "ຝ່າຍທີ່ໄດ້ຮັບຜົນກະທົບ ແຈ້ງອີກຝ່າຍໜຶ່ງ ແລະ ພະນັກງານອຳນວຍຄວາມສະດວກ ໄວເທົ່າທີ່ເຮັດໄດ້ ແລະ ບໍ່ໃຫ້ກາຍ 7 ມື້, ພ້ອມການຢັ້ງຢືນຈາກນາຍບ້ານ ຫຼື ຫ້ອງການກະສິກຳ ແລະ ປ່າໄມ້ເມືອງ.",
    "ປະລິມານທີ່ສົ່ງບໍ່ໄດ້ ຖືກຍົກເລີກ ໂດຍບໍ່ມີຄ່າປັບໃໝ; ສາມາດເລື່ອນວັນສົ່ງໄດ້ 1 ຄັ້ງ ບໍ່ເກີນ 30 ມື້ ຖ້າທັງສອງຝ່າຍເຊັນສັນຍາສະບັບປັບປຸງ (ມາດຕາ 15). ເງິນທີ່ຈ່າຍໄປແລ້ວ ແຕ່ບໍ່ມີຜົນຜະລິດສົ່ງໃຫ້ (ເງິນລ່ວງໜ້າ, ປັດໄຈການຜະລິດ) ຕ້ອງສົ່ງຄືນ ໂດຍບໍ່ມີຄ່າປັບໃໝ ຫຼື ດອກເບ້ຍ, ຕາມວິທີທີ່ຕົກລົງກັນ ກັບພະນັກງານອຳນວຍຄວາມສະດວກ.",
    "ລາຄາຕະຫຼາດຂຶ້ນ ຫຼື ລົງ ບໍ່ແມ່ນເຫດສຸດວິໄສ.",
  ),
  bodyEn: text(
    "Neither party is in breach when a cause beyond its control prevents delivery, collection or payment: flood, drought, a landslide or a road closed by the authorities, a pest or disease outbreak on the members' fields, fire, a border closure or an export ban.",
    "The party affected tells the other party and the facilitator as soon as it can and within 7 days at the latest, with a confirmation from the village chief or the District Agriculture and Forestry Office.",
    "The quantity that cannot be delivered is released without penalty; the delivery date may be moved once, by up to 30 days, if both parties sign an amendment (clause 15). Money already paid that no crop will now cover (advance, inputs) is paid back without penalty or interest, in the way agreed with the facilitator.",
    "A rise or fall in the market price is never force majeure.",
  ),
};

const referenceLine = "{{referencePriceRule}}";
const gradeRefusalLo =
  "ຄ) ຜົນຜະລິດທີ່ບໍ່ຖືກຕາມ {{gradeName}}, ຫຼື ຊຸ່ມເກີນຕາຕະລາງຂອງມາດຕາ 6, ພໍ່ຄ້າບໍ່ຮັບກໍໄດ້; ຕ້ອງຂຽນເຫດຜົນໃສ່ໃບກວດຄຸນນະພາບ ແລະ ກຸ່ມບໍ່ເຫັນດີໄດ້ (ມາດຕາ 4). ການບໍ່ຮັບແບບນີ້ ບໍ່ແມ່ນການລະເມີດສັນຍາ.";
const gradeRefusalEn =
  "c) The trader may refuse a lot that does not meet {{gradeName}} or is wetter than the table of clause 6 allows; the reason is written on the grade sheet and the FO may contest it (clause 4). Refusing such a lot is not a breach.";
const latePaymentLo = "ງ) ການຈ່າຍເງິນຊ້າ: ຄ່າປັບໃໝຕາມມາດຕາ 9; ຖ້າຊ້າເກີນ 30 ມື້, ກຸ່ມຢຸດການສົ່ງຄັ້ງຕໍ່ໄປໄດ້ ຈົນກວ່າຈະໄດ້ຮັບເງິນ, ໂດຍບໍ່ຖືວ່າລະເມີດສັນຍາ.";
const latePaymentEn =
  "d) Late payment: the penalty of clause 9; when a payment is more than 30 days late, the FO may also stop further deliveries until it is paid, without being in breach.";
const recordLo =
  "ຈ) ທຸກການລະເມີດ ແລະ ການປະຕິບັດຕາມສັນຍາ ຂອງແຕ່ລະຝ່າຍ ຖືກບັນທຶກໃນເວັບ ແລະ ສະແດງໃນປະຫວັດຂອງຝ່າຍນັ້ນ. ຝ່າຍທີ່ລະເມີດ ຈ່າຍເງິນຕາມມາດຕານີ້ ພາຍໃນ 14 ມື້ ຫຼັງຈາກທັງສອງຝ່າຍຕົກລົງກັນ ຫຼື ຫຼັງຈາກມີຄຳຕັດສິນເປັນລາຍລັກອັກສອນ ຕາມມາດຕາ 13.";
const recordEn =
  "e) Every breach, and whether each party fulfilled the contract, is recorded on the portal and shown in that party's track record. The party in breach pays what this clause requires within 14 days of the parties' agreement or of a written decision under clause 13.";

/** Remedies for breach. A floor-price contract pays at least the market, so side-selling costs the trader no price difference. */
export function breachClause(mechanism: PriceMechanism): ContractClause {
  // An export-parity contract has a floor too: it pays at least the export market.
  const floor = mechanism === "floor_premium" || mechanism === "export_parity_floor";
  const sideSellingLo = floor
    ? "ກ) ການຂາຍໃຫ້ຜູ້ອື່ນ: ຖ້າກຸ່ມຂາຍຜົນຜະລິດທີ່ສັນຍາໄວ້ ໃຫ້ຜູ້ຊື້ອື່ນ, ຫຼື ສົ່ງໜ້ອຍກວ່າ {{quantityMin}} ໂດຍບໍ່ມີເຫດສຸດວິໄສ, ກຸ່ມຕ້ອງສົ່ງຄືນທັນທີ ເງິນລ່ວງໜ້າ ແລະ ຄ່າປັດໄຈການຜະລິດ ທີ່ຍັງບໍ່ໄດ້ຫັກຈາກການສົ່ງ, ແລະ ຈ່າຍຄ່າໃຊ້ຈ່າຍ ທີ່ພໍ່ຄ້າໄດ້ຈ່າຍໄປແລ້ວ ສຳລັບສັນຍານີ້ ທີ່ມີໃບບິນ (ເຊັ່ນ: ຄ່າເຊົ່າລົດ ສຳລັບມື້ສົ່ງ)."
    : "ກ) ການຂາຍໃຫ້ຜູ້ອື່ນ: ຖ້າກຸ່ມຂາຍຜົນຜະລິດທີ່ສັນຍາໄວ້ ໃຫ້ຜູ້ຊື້ອື່ນ, ຫຼື ສົ່ງໜ້ອຍກວ່າ {{quantityMin}} ໂດຍບໍ່ມີເຫດສຸດວິໄສ, ກຸ່ມຕ້ອງສົ່ງຄືນທັນທີ ເງິນລ່ວງໜ້າ ແລະ ຄ່າປັດໄຈການຜະລິດ ທີ່ຍັງບໍ່ໄດ້ຫັກຈາກການສົ່ງ, ແລະ ຈ່າຍໃຫ້ພໍ່ຄ້າ ສຳລັບປະລິມານທີ່ຂາດ: ສ່ວນທີ່ລາຄາອ້າງອີງ ໃນວັນສົ່ງຜົນຜະລິດ ສູງກວ່າລາຄາສັນຍາ (ຖ້າບໍ່ສູງກວ່າ, ບໍ່ຕ້ອງຈ່າຍ), ບວກຄ່າໃຊ້ຈ່າຍ ທີ່ພໍ່ຄ້າໄດ້ຈ່າຍໄປແລ້ວ ສຳລັບສັນຍານີ້ ທີ່ມີໃບບິນ.";
  const sideSellingEn = floor
    ? "a) Side-selling: if the FO sells crop promised under this contract to another buyer, or delivers less than {{quantityMin}} without force majeure, it pays back at once the advance and the inputs not yet covered by deliveries, and pays the costs the trader has already spent on this contract and can show with receipts (for example a truck hired for the delivery day)."
    : "a) Side-selling: if the FO sells crop promised under this contract to another buyer, or delivers less than {{quantityMin}} without force majeure, it pays back at once the advance and the inputs not yet covered by deliveries, and pays the trader, for the quantity missing, the amount by which the reference price on the delivery date is above the contract price (nothing if it is not above), plus the costs the trader has already spent on this contract and can show with receipts.";
  const priceLo = floor ? "ລາຄາຕາມມາດຕາ 5 ຂອງມື້ນັ້ນ" : "ລາຄາສັນຍາ";
  const priceEn = floor ? "the price of clause 5 for that day" : "the contract price";
  return {
    key: "breach",
    titleLo: "ການລະເມີດສັນຍາ: ການຂາຍໃຫ້ຜູ້ອື່ນ ແລະ ການບໍ່ຮັບຊື້",
    titleEn: "Remedies for breach, side-selling and rejection",
    bodyLo: text(
      sideSellingLo,
      `ຂ) ການບໍ່ຮັບຊື້ ແລະ ການບໍ່ມາຮັບ: ຖ້າພໍ່ຄ້າບໍ່ຮັບຜົນຜະລິດທີ່ຖືກຕາມຊັ້ນຄຸນນະພາບ, ຮັບໜ້ອຍກວ່າ {{quantityMin}}, ຫຼື ບໍ່ມາຮັບ ພາຍໃນ 3 ມື້ ຫຼັງຈາກວັນສົ່ງ ໂດຍບໍ່ມີເຫດສຸດວິໄສ, ກຸ່ມຂາຍຜົນຜະລິດນັ້ນໃຫ້ຜູ້ຊື້ອື່ນໄດ້. ພໍ່ຄ້າຕ້ອງຈ່າຍໃຫ້ກຸ່ມ ສຳລັບປະລິມານນັ້ນ: ສ່ວນທີ່${priceLo} ສູງກວ່າລາຄາທີ່ກຸ່ມຂາຍໄດ້ (ຫຼື ລາຄາອ້າງອີງ ຖ້າກຸ່ມຂາຍບໍ່ໄດ້ ພາຍໃນ 14 ມື້), ບວກຄ່າຂົນສົ່ງ ແລະ ຄ່າເກັບຮັກສາ ທີ່ເພີ່ມຂຶ້ນ ທີ່ກຸ່ມມີໃບບິນ. ກຸ່ມເກັບເງິນລ່ວງໜ້າໄວ້ ເພື່ອຫັກຈາກຈຳນວນນີ້.`,
      gradeRefusalLo,
      latePaymentLo,
      recordLo,
      referenceLine,
    ),
    bodyEn: text(
      sideSellingEn,
      `b) Rejection and failure to collect: if the trader refuses a lot that meets the grade, takes less than {{quantityMin}}, or does not collect within 3 days after the delivery date without force majeure, the FO may sell that crop to another buyer. The trader then pays the FO, for that quantity, the amount by which ${priceEn} is above the price the FO obtained (or above the reference price, if the FO could not sell within 14 days), plus the extra transport and storage costs the FO can show with receipts. The FO may keep the advance towards this amount.`,
      gradeRefusalEn,
      latePaymentEn,
      recordEn,
      referenceLine,
    ),
  };
}

export const disputesClause: ContractClause = {
  key: "disputes",
  titleLo: "ການແກ້ໄຂຂໍ້ຂັດແຍ່ງ",
  titleEn: "Dispute resolution",
  bodyLo: text(
    "ຖ້າທັງສອງຝ່າຍບໍ່ເຫັນດີກັນ (ກ່ຽວກັບນ້ຳໜັກ, ຄວາມຊຸ່ມ, ຊັ້ນຄຸນນະພາບ, ລາຄາ, ການຈ່າຍເງິນ ຫຼື ເລື່ອງອື່ນໃນສັນຍານີ້), ໃຫ້ເຮັດຕາມຂັ້ນຕອນນີ້ ຕາມລຳດັບ:",
    "1) ເຈລະຈາ: ຫົວໜ້າກຸ່ມ ແລະ ພໍ່ຄ້າ ພົບກັນ ພາຍໃນ 7 ມື້ ຫຼັງຈາກມີການບໍ່ເຫັນດີ, ແລະ ພະຍາຍາມຕົກລົງກັນ.",
    "2) ການໄກ່ເກ່ຍ: ຖ້າຍັງບໍ່ຕົກລົງກັນ ພາຍໃນ 7 ມື້, ຝ່າຍໃດຝ່າຍໜຶ່ງ ແຈ້ງຂໍ້ຂັດແຍ່ງໃນເວັບ. ພະນັກງານອຳນວຍຄວາມສະດວກຂອງໂຄງການ ປະຈຳເມືອງ{{foDistrict}} ຟັງທັງສອງຝ່າຍ, ກວດເອກະສານ (ໃບກວດຄຸນນະພາບ, ໃບຊັ່ງນ້ຳໜັກ, ການຈ່າຍເງິນ) ແລະ ສະເໜີທາງອອກເປັນລາຍລັກອັກສອນ ພາຍໃນ 14 ມື້.",
    "3) ຂັ້ນເມືອງ: ຖ້າຝ່າຍໃດຝ່າຍໜຶ່ງ ບໍ່ຍອມຮັບ, ສົ່ງເລື່ອງໃຫ້ຫ້ອງການກະສິກຳ ແລະ ປ່າໄມ້ເມືອງ{{foDistrict}} ຮ່ວມກັບຫ້ອງການອຸດສາຫະກຳ ແລະ ການຄ້າເມືອງ ແກ້ໄຂ ພາຍໃນ 30 ມື້.",
    "4) ສານ: ຖ້າຍັງແກ້ບໍ່ໄດ້, ຝ່າຍໃດຝ່າຍໜຶ່ງ ຍື່ນເລື່ອງຕໍ່ສານປະຊາຊົນ ທີ່ມີສິດພິຈາລະນາ ຕາມກົດໝາຍຂອງ ສປປ ລາວ.",
    "ໃນຂະນະທີ່ມີຂໍ້ຂັດແຍ່ງ, ສ່ວນອື່ນຂອງສັນຍາ ທີ່ບໍ່ມີຂໍ້ຂັດແຍ່ງ ຍັງປະຕິບັດຕາມປົກກະຕິ: ເງິນທີ່ບໍ່ມີຂໍ້ຂັດແຍ່ງ ຕ້ອງຈ່າຍຕາມກຳນົດ. ສັນຍານີ້ຢູ່ພາຍໃຕ້ກົດໝາຍຂອງ ສປປ ລາວ.",
  ),
  bodyEn: text(
    "If the parties disagree (about weight, moisture, grade, price, payment or anything else in this contract), they take these steps, in this order:",
    "1) Talks: the FO leaders and the trader meet within 7 days of the disagreement and try to agree.",
    "2) Mediation: if they have not agreed within 7 days, either party raises a dispute on the portal. The programme facilitator for {{foDistrict}} district hears both sides, checks the records (grade sheets, weighing records, payments) and proposes a solution in writing within 14 days.",
    "3) District office: if either party does not accept it, the case goes to the District Agriculture and Forestry Office of {{foDistrict}}, together with the District Industry and Commerce Office, to settle within 30 days.",
    "4) Court: if that fails, either party may take the case to the people's court competent under the laws of the Lao PDR.",
    "While a dispute is open, the parts of the contract that are not disputed carry on: amounts not in dispute are paid on time. This contract is governed by the laws of the Lao PDR.",
  ),
};

export function durationClause(graceDays: number): ContractClause {
  return {
    key: "duration",
    titleLo: "ໄລຍະເວລາ ແລະ ການສິ້ນສຸດສັນຍາ",
    titleEn: "Duration and termination",
    bodyLo: text(
      "ສັນຍານີ້ມີຜົນ ເມື່ອທັງສອງຝ່າຍເຊັນໃນເວັບແລ້ວ (ແລະ ພະຍານ, ຖ້າຕ້ອງມີພະຍານ). ສັນຍາສິ້ນສຸດ ເມື່ອສົ່ງຜົນຜະລິດ ແລະ ຈ່າຍເງິນຄົບແລ້ວ ແລະ ທັງສອງຝ່າຍຢືນຢັນໃນເວັບແລ້ວ. ສຳລັບປະລິມານທີ່ຍົກເລີກຍ້ອນເຫດສຸດວິໄສ (ມາດຕາ 11), ສັນຍາສິ້ນສຸດສຳລັບປະລິມານນັ້ນ.",
      `ຖ້າບໍ່ມີການສົ່ງເລີຍ ພາຍໃນ ${graceDays} ມື້ ຫຼັງຈາກວັນທີ {{deliveryDate}}, ຝ່າຍໃດຝ່າຍໜຶ່ງ ແຈ້ງຍົກເລີກສັນຍາໃນເວັບໄດ້, ແລະ ຝ່າຍທີ່ຜິດ ຕ້ອງຮັບຜິດຊອບຕາມມາດຕາ 12.`,
      "ຈະຍົກເລີກກ່ອນກຳນົດໄດ້ ກໍຕໍ່ເມື່ອທັງສອງຝ່າຍຕົກລົງກັນ ເປັນລາຍລັກອັກສອນ ແລະ ເຊັນໃນເວັບ, ລວມທັງການສະສາງເງິນລ່ວງໜ້າ ແລະ ປັດໄຈການຜະລິດ. ບໍ່ມີຝ່າຍໃດ ຍົກເລີກສັນຍາຝ່າຍດຽວໄດ້ ຍ້ອນລາຄາຕະຫຼາດປ່ຽນແປງ.",
    ),
    bodyEn: text(
      "This contract takes effect when both parties have signed it on the portal (and the witness, when one is required). It ends when everything has been delivered and paid and both parties have confirmed it on the portal. For a quantity released by force majeure (clause 11) it ends for that quantity.",
      `If nothing has been delivered ${graceDays} days after {{deliveryDate}}, either party may end the contract by a notice on the portal, and the party at fault answers for it under clause 12.`,
      "The parties may end the contract early only by agreeing in writing and signing on the portal, settling the advance and any inputs at the same time. Neither party may end it alone because the market price has changed.",
    ),
  };
}

export const amendmentsClause: ContractClause = {
  key: "amendments",
  titleLo: "ການປັບປຸງສັນຍາ",
  titleEn: "Amendments",
  bodyLo: text(
    "ສັນຍາທີ່ເຊັນແລ້ວ ບໍ່ຖືກແກ້ໄຂຈັກເທື່ອ. ຖ້າຈະປ່ຽນແປງຫຍັງ (ປະລິມານ, ວັນທີ, ລາຄາ, ບ່ອນສົ່ງ ຫຼື ເງື່ອນໄຂອື່ນ), ທັງສອງຝ່າຍ ເຮັດສັນຍາໃໝ່ໃນເວັບ ທີ່ອ້າງອີງສັນຍານີ້ ເປັນສັນຍາສະບັບປັບປຸງ, ບອກວ່າປ່ຽນຫຍັງ ແລະ ຍ້ອນຫຍັງ, ແລ້ວເຊັນໃໝ່ (ພ້ອມພະຍານ ຖ້າຕ້ອງມີ).",
    "ກ່ອນທີ່ທັງສອງຝ່າຍຈະເຊັນສັນຍາສະບັບປັບປຸງ, ສັນຍານີ້ຍັງໃຊ້ຄືເກົ່າ. ເມື່ອເຊັນແລ້ວ, ສັນຍາສະບັບປັບປຸງ ແທນສັນຍານີ້ ນັບແຕ່ມື້ນັ້ນ, ແລະ ທັງສອງສະບັບ ຍັງເບິ່ງໄດ້ໃນປະຫວັດ.",
    "ສຳເນົາທີ່ພິມອອກທຸກສະບັບ ມີເລກທີສັນຍາ ແລະ ລະຫັດກວດສອບ (SHA-256) ທີ່ທຸກຄົນກວດໄດ້ໃນເວັບ. ສັນຍາພາສາລາວ ແລະ ພາສາອັງກິດ ມີເນື້ອໃນດຽວກັນ; ຖ້າແຕກຕ່າງກັນ, ໃຫ້ຖືພາສາລາວເປັນຫຼັກ.",
  ),
  bodyEn: text(
    "A signed contract is never edited. To change anything (quantity, date, price, place or any other term), the parties make a new contract on the portal that refers to this one as an amendment, says what changes and why, and sign it again (with the witness, when one is required).",
    "Until both parties have signed the amendment, this contract applies unchanged. Once it is signed, the amendment replaces this contract from that day, and both stay visible in the history.",
    "Every printed copy carries the contract number and its check code (SHA-256), which anyone can check on the portal. The Lao and English texts say the same thing; if they ever differ, the Lao text prevails.",
  ),
};

/** The fifteen clauses of a template, in the order of `clauseKeys`. */
export function buildClauses(options: { timing: Timing; mechanism: PriceMechanism; inputs: boolean; graceDays: number }): ContractClause[] {
  return [
    partiesClause,
    commodityClause(options.timing),
    quantityClause,
    qualityClause,
    priceClause(options.mechanism),
    weighingClause,
    deliveryClause,
    ownershipClause,
    paymentClause,
    options.inputs ? inputSupplyClause : noInputsClause,
    forceMajeureClause,
    breachClause(options.mechanism),
    disputesClause,
    durationClause(options.graceDays),
    amendmentsClause,
  ];
}

// ---------------------------------------------------------------------------
// Version 2 of every template: the further terms the UNIDROIT/FAO/IFAD Legal
// Guide asks for (the signatories' sex and role, the members covered in an
// annex, confidentiality, a member's grievance path), and wording that matches
// priced grades and foreign matter. Version 1 above stays exactly as it was:
// the contracts written from it render and hash from it. The two new clauses
// come last, so every "clause N" the fifteen texts cite keeps its number.
// ---------------------------------------------------------------------------

/** The clause keys of version 2, in order: version 1's fifteen, then the two the guide adds. */
export const clauseKeysV2 = [...clauseKeys, "confidentiality", "grievance"] as const;

const partiesClauseV2: ContractClause = {
  ...partiesClause,
  bodyLo: text(
    'ຜູ້ຂາຍ: {{foName}} ({{foType}}), {{foVillage}}, ເມືອງ{{foDistrict}}, ແຂວງ{{foProvince}}. ໃນສັນຍານີ້ເອີ້ນວ່າ "ກຸ່ມ". ຜູ້ເຊັນແທນກຸ່ມ ແມ່ນຫົວໜ້າກຸ່ມ: {{foLeaders}}. ກຸ່ມຂາຍແທນສະມາຊິກ ທີ່ໄດ້ລວມຜົນຜະລິດຂອງຕົນ ເພື່ອຂາຍຄັ້ງນີ້.',
    'ຜູ້ຊື້: {{traderName}}, ໃບອະນຸຍາດທຸລະກິດເລກທີ {{traderLicence}}, ຕັ້ງຢູ່ແຂວງ{{traderProvince}}. ໃນສັນຍານີ້ເອີ້ນວ່າ "ພໍ່ຄ້າ". ພະນັກງານຂອງພໍ່ຄ້າ ສຳລັບສັນຍານີ້: {{traderStaff}}.',
    "ຜູ້ເຊັນສັນຍາ (ເພດ ແລະ ໜ້າທີ່): {{signatories}}.",
    "ສະມາຊິກທີ່ສັນຍານີ້ກວມເອົາ: {{membersCovered}}",
    "ພະຍານ: {{witness}}",
    'ສັນຍາເລກທີ {{contractNumber}}, ເຮັດວັນທີ {{contractDate}} ໃນເວັບ, ຕາມແບບສັນຍາ "{{templateName}}". {{amends}}',
  ),
  bodyEn: text(
    'Seller: {{foName}} ({{foType}}), {{foVillage}}, {{foDistrict}} district, {{foProvince}} province, called "the FO" in this contract. The FO signs through its leaders: {{foLeaders}}. The FO sells on behalf of its members, who pooled their crop for this sale.',
    'Buyer: {{traderName}}, trading licence no. {{traderLicence}}, based in {{traderProvince}} province, called "the trader". The trader\'s staff for this contract: {{traderStaff}}.',
    "Signatories (sex and role): {{signatories}}.",
    "Members covered by this contract: {{membersCovered}}",
    "Witness: {{witness}}",
    'Contract {{contractNumber}}, made on {{contractDate}} on the portal from the template "{{templateName}}". {{amends}}',
  ),
};

const weighingClauseV2: ContractClause = {
  key: "weighing",
  titleLo: "ການຊັ່ງນ້ຳໜັກ, ການຫັກ ແລະ ລາຄາຕາມຊັ້ນຄຸນນະພາບ",
  titleEn: "Weighing, deductions and prices by grade",
  bodyLo: text(
    weighingClause.bodyLo.split("\n")[0]!,
    "ການຫັກ ແລະ ລາຄາຕາມຊັ້ນຄຸນນະພາບ:",
    "{{deductionTable}}",
    "ເວັບຄິດໄລ່ການຫັກ ຈາກຄ່າທີ່ວັດໄດ້ ແລະ ຕາຕະລາງຂອງມາດຕານີ້; ບໍ່ມີໃຜພິມຕົວເລກຫັກເອງ. ບໍ່ອະນຸຍາດໃຫ້ຫັກນ້ຳໜັກແບບອື່ນ ນອກຈາກທີ່ຂຽນໄວ້ໃນມາດຕານີ້ (ບໍ່ປັດລົງ, ບໍ່ຫັກເພີ່ມຍ້ອນຂີ້ຝຸ່ນ ຫຼື ຄ່າຈັດການ). ຊັ້ນຄຸນນະພາບ ປ່ຽນແຕ່ລາຄາຕໍ່ກິໂລ ຕາມລາຍການຂ້າງເທິງ, ບໍ່ປ່ຽນນ້ຳໜັກ.",
  ),
  bodyEn: text(
    weighingClause.bodyEn.split("\n")[0]!,
    "Deductions and prices by grade:",
    "{{deductionTable}}",
    "The portal works out the deductions from the measured figures and the tables of this clause; nobody types them in by hand. No weight deduction other than those written in this clause is allowed (no rounding down, no extra cut for dust or handling). A lot's grade changes only its price per kg, as listed above, never its weight.",
  ),
};

const gradeRefusalLoV2 =
  "ຄ) ພໍ່ຄ້າບໍ່ຮັບຜົນຜະລິດໄດ້ ກໍຕໍ່ເມື່ອມັນບໍ່ຖືກຕາມຊັ້ນຄຸນນະພາບໃດເລີຍ ຂອງ{{cropName}}, ຫຼື ຊຸ່ມເກີນ ຫຼື ມີສິ່ງເຈືອປົນເກີນ ຕາຕະລາງຂອງມາດຕາ 6; ຜົນຜະລິດຂອງຊັ້ນໃດກໍຕາມ ຖືກຮັບຊື້ ໃນລາຄາທີ່ມາດຕາ 6 ກຳນົດໃຫ້ຊັ້ນນັ້ນ, ບໍ່ຖືກປະຕິເສດຍ້ອນຊັ້ນຂອງມັນ. ຕ້ອງຂຽນເຫດຜົນການບໍ່ຮັບ ໃສ່ໃບກວດຄຸນນະພາບ ແລະ ກຸ່ມບໍ່ເຫັນດີໄດ້ (ມາດຕາ 4). ການບໍ່ຮັບແບບນີ້ ບໍ່ແມ່ນການລະເມີດສັນຍາ.";
const gradeRefusalEnV2 =
  "c) The trader may refuse a lot only when it meets none of the grades of {{cropName}}, or is wetter or holds more foreign matter than the tables of clause 6 allow; a lot of any grade is bought at the price clause 6 gives that grade, and is not refused for its grade. The reason for a refusal is written on the grade sheet and the FO may contest it (clause 4). Refusing such a lot is not a breach.";

function breachClauseV2(mechanism: PriceMechanism): ContractClause {
  const v1 = breachClause(mechanism);
  const swap = (body: string, from: string, to: string) => {
    if (!body.includes(from)) throw new Error("breach clause: the grade refusal line moved");
    return body.replace(from, to);
  };
  return { ...v1, bodyLo: swap(v1.bodyLo, gradeRefusalLo, gradeRefusalLoV2), bodyEn: swap(v1.bodyEn, gradeRefusalEn, gradeRefusalEnV2) };
}

export const confidentialityClause: ContractClause = {
  key: "confidentiality",
  titleLo: "ການຮັກສາຄວາມລັບ ຂອງຂໍ້ມູນຂອງຄູ່ສັນຍາ",
  titleEn: "Confidentiality of the parties' data",
  bodyLo: text(
    "ແຕ່ລະຝ່າຍ ຮັກສາເປັນຄວາມລັບ ຂໍ້ມູນຂອງອີກຝ່າຍໜຶ່ງ ທີ່ຮູ້ຍ້ອນສັນຍານີ້: ຊື່, ບ້ານ, ເບີໂທ, ປະລິມານທີ່ສັນຍາ, ການສົ່ງ ແລະ ເງິນທີ່ແບ່ງໃຫ້ ຂອງສະມາຊິກ; ລາຄາ ແລະ ເງື່ອນໄຂທີ່ຕົກລົງກັນ; ແລະ ເອກະສານທຸລະກິດ ຂອງແຕ່ລະຝ່າຍ.",
    "ບໍ່ມີຝ່າຍໃດ ໃຊ້ຂໍ້ມູນນີ້ ເພື່ອເລື່ອງອື່ນ ນອກຈາກສັນຍານີ້, ແລະ ບໍ່ສົ່ງຕໍ່ໃຫ້ຜູ້ອື່ນ, ຍົກເວັ້ນ: ໃຫ້ພະນັກງານອຳນວຍຄວາມສະດວກ ແລະ ຫ້ອງການກະສິກຳ ແລະ ປ່າໄມ້ເມືອງ{{foDistrict}} ເພື່ອການຂຶ້ນທະບຽນ, ການໄກ່ເກ່ຍ ແລະ ບົດລາຍງານຂອງໂຄງການ; ໃຫ້ສານ ຫຼື ເຈົ້າໜ້າທີ່ ທີ່ກົດໝາຍບັງຄັບໃຫ້ສົ່ງ; ແລະ ກະດານລາຄາສາທາລະນະ ຂອງເວັບ, ທີ່ສະແດງລາຄາເປັນຍອດລວມ ແລະ ລາຄາກາງ ໂດຍບໍ່ບອກຊື່ຝ່າຍໃດ.",
    "ເບີໂທຂອງສະມາຊິກ ໃຊ້ສົ່ງແຕ່ຂໍ້ຄວາມ ທີ່ສະມາຊິກແຕ່ລະຄົນ ຍິນຍອມຮັບ; ສະມາຊິກຖອນການຍິນຍອມໄດ້ທຸກເວລາ.",
    "ມາດຕານີ້ ຍັງມີຜົນ 2 ປີ ຫຼັງຈາກສັນຍາສິ້ນສຸດ.",
  ),
  bodyEn: text(
    "Each party keeps confidential what it learns of the other through this contract: the members' names, villages, phones, pledges, deliveries and payouts; the prices and terms agreed; and each party's business records.",
    "Neither party uses them for anything but this contract, nor passes them to anyone else, except: to the facilitator and the District Agriculture and Forestry Office of {{foDistrict}} for registration, mediation and the programme's reports; to a court or authority that the law entitles to them; and on the portal's public price board, which shows prices as totals and medians that name no party.",
    "The members' phone numbers are used only for the messages each member agreed to receive; a member may withdraw that agreement at any time.",
    "This clause still applies for 2 years after the contract ends.",
  ),
};

export const grievanceClause: ContractClause = {
  key: "grievance",
  titleLo: "ຄຳຮ້ອງທຸກ ຂອງສະມາຊິກ",
  titleEn: "A member's grievance",
  bodyLo: text(
    "ສະມາຊິກຂອງກຸ່ມ ທີ່ມີຄຳຮ້ອງທຸກ ກ່ຽວກັບສ່ວນຂອງຕົນເອງ ໃນສັນຍານີ້ (ນ້ຳໜັກ, ຄວາມຊຸ່ມ ຫຼື ຊັ້ນຄຸນນະພາບ ຂອງຕົນ; ສ່ວນແບ່ງເງິນຂອງຕົນ; ປັດໄຈການຜະລິດ ທີ່ໄດ້ຮັບ ຫຼື ຕ້ອງຈ່າຍຄືນ; ຫຼື ວິທີທີ່ຕົນຖືກປະຕິບັດ) ແຈ້ງຫົວໜ້າກຸ່ມ ({{foLeaders}}) ໄດ້ ດ້ວຍຕົນເອງ ຫຼື ຜ່ານນາຍບ້ານ, ໄດ້ທຸກເວລາ ແລະ ບໍ່ເສຍຄ່າ. ກຸ່ມຂຽນຄຳຮ້ອງທຸກນັ້ນໄວ້, ຕອບສະມາຊິກ ພາຍໃນ 14 ມື້, ແລະ ບອກວ່າຕັດສິນແນວໃດ ແລະ ຍ້ອນຫຍັງ.",
    "ຖ້າສະມາຊິກຍັງບໍ່ພໍໃຈ, ນຳຄຳຮ້ອງທຸກໄປຫາ ພະນັກງານອຳນວຍຄວາມສະດວກຂອງໂຄງການ ປະຈຳເມືອງ{{foDistrict}} ໄດ້. ພະນັກງານຜູ້ນັ້ນ ຟັງທັງສະມາຊິກ ແລະ ກຸ່ມ; ຖ້າເລື່ອງນັ້ນກ່ຽວກັບພໍ່ຄ້າ, ກຸ່ມແຈ້ງພໍ່ຄ້າ ຕາມຂັ້ນຕອນຂອງມາດຕາ 13.",
    "ບໍ່ມີສະມາຊິກຄົນໃດ ຖືກຕັດອອກຈາກການຂາຍຄັ້ງຕໍ່ໄປ ຫຼື ຖືກຈ່າຍໜ້ອຍລົງ ຍ້ອນໄດ້ຮ້ອງທຸກ. ຂັ້ນຕອນນີ້ ຢູ່ຄຽງຂ້າງ ຂັ້ນຕອນແກ້ໄຂຂໍ້ຂັດແຍ່ງ ລະຫວ່າງກຸ່ມ ແລະ ພໍ່ຄ້າ ຂອງມາດຕາ 13, ບໍ່ແທນຂັ້ນຕອນນັ້ນ.",
  ),
  bodyEn: text(
    "A member of the FO with a grievance about their own part in this contract (their weight, moisture or grade; their share of the payment; the inputs they received or repay; or how they were treated) may bring it to the FO leaders ({{foLeaders}}) in person or through the village chief, at any time and at no cost. The FO writes the grievance down, answers the member within 14 days, and says what it decided and why.",
    "If the member is still not satisfied, they may take the grievance to the programme facilitator for {{foDistrict}} district, who hears both the member and the FO; when it concerns the trader, the FO raises it with the trader through the steps of clause 13.",
    "No member may be left out of a later sale, or paid less, for having brought a grievance. This path stands beside the dispute steps of clause 13 between the FO and the trader, and does not replace them.",
  ),
};

/** A forward contract's crop is grown on named fields (the Legal Guide's production site). */
function commodityClauseV2(timing: Timing): ContractClause {
  const v1 = commodityClause(timing);
  if (timing === "spot") return v1;
  return {
    ...v1,
    bodyLo: text(v1.bodyLo, "ບ່ອນຜະລິດ: {{productionSite}}"),
    bodyEn: text(v1.bodyEn, "Production site: {{productionSite}}"),
  };
}

/** The seventeen clauses of a version 2 template, in the order of `clauseKeysV2`. */
export function buildClausesV2(options: { timing: Timing; mechanism: PriceMechanism; inputs: boolean; graceDays: number }): ContractClause[] {
  const v1 = buildClauses(options);
  const replaced: Partial<Record<ClauseKey, ContractClause>> = {
    parties: partiesClauseV2,
    commodity: commodityClauseV2(options.timing),
    weighing: weighingClauseV2,
    breach: breachClauseV2(options.mechanism),
  };
  return [...v1.map((c) => replaced[c.key as ClauseKey] ?? c), confidentialityClause, grievanceClause];
}
