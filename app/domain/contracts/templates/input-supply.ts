// Input-supply contract: the trader advances seed or fertiliser at a stated
// value and interest, and deducts exactly that (never more) from the payment at
// delivery; the crop itself is sold at a fixed price.
import { buildClauses, buildClausesV2, LEGAL_BASIS, type ContractTemplateContent } from "./common";

export const inputSupply: ContractTemplateContent = {
  code: "input_supply",
  version: 1,
  nameLo: "ສັນຍາສະໜອງປັດໄຈການຜະລິດ",
  nameEn: "Input-supply contract",
  priceMechanism: "input_supply",
  requiredTerms: ["inputDescription", "inputValueLak", "inputInterestPermillePerMonth"],
  clauses: buildClauses({ timing: "forward", mechanism: "input_supply", inputs: true, graceDays: 30 }),
  legalBasisLo: LEGAL_BASIS.lo,
  legalBasisEn: LEGAL_BASIS.en,
};

/** Version 2: the Legal Guide's further terms and the wording of priced grades (./common, buildClausesV2). */
export const inputSupplyV2: ContractTemplateContent = {
  ...inputSupply,
  version: 2,
  clauses: buildClausesV2({ timing: "forward", mechanism: "input_supply", inputs: true, graceDays: 30 }),
};
