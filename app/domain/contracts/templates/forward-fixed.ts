// Forward contract at a fixed price: agreed before harvest, delivered later at
// the price agreed now, whatever the market does meanwhile.
import { buildClauses, buildClausesV2, LEGAL_BASIS, type ContractTemplateContent } from "./common";

export const forwardFixed: ContractTemplateContent = {
  code: "forward_fixed",
  version: 1,
  nameLo: "ສັນຍາຊື້-ຂາຍລ່ວງໜ້າ ລາຄາຄົງທີ່",
  nameEn: "Forward contract at a fixed price",
  priceMechanism: "fixed",
  requiredTerms: [],
  clauses: buildClauses({ timing: "forward", mechanism: "fixed", inputs: false, graceDays: 30 }),
  legalBasisLo: LEGAL_BASIS.lo,
  legalBasisEn: LEGAL_BASIS.en,
};

/** Version 2: the Legal Guide's further terms and the wording of priced grades (./common, buildClausesV2). */
export const forwardFixedV2: ContractTemplateContent = {
  ...forwardFixed,
  version: 2,
  clauses: buildClausesV2({ timing: "forward", mechanism: "fixed", inputs: false, graceDays: 30 }),
};
