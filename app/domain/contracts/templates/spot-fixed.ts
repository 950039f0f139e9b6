// Spot sale at a fixed price: the crop is already harvested, the price is agreed
// now and delivery follows within days.
import { buildClauses, buildClausesV2, LEGAL_BASIS, type ContractTemplateContent } from "./common";

export const spotFixed: ContractTemplateContent = {
  code: "spot_fixed",
  version: 1,
  nameLo: "ສັນຍາຊື້-ຂາຍທັນທີ ລາຄາຄົງທີ່",
  nameEn: "Spot sale at a fixed price",
  priceMechanism: "fixed",
  requiredTerms: [],
  clauses: buildClauses({ timing: "spot", mechanism: "fixed", inputs: false, graceDays: 7 }),
  legalBasisLo: LEGAL_BASIS.lo,
  legalBasisEn: LEGAL_BASIS.en,
};

/** Version 2: the Legal Guide's further terms and the wording of priced grades (./common, buildClausesV2). */
export const spotFixedV2: ContractTemplateContent = {
  ...spotFixed,
  version: 2,
  clauses: buildClausesV2({ timing: "spot", mechanism: "fixed", inputs: false, graceDays: 7 }),
};
