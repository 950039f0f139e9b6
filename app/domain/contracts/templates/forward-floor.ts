// Forward contract with a floor price plus premium: on delivery day the FO is
// paid the higher of the guaranteed floor and the market reference price, so a
// harvest-time price drop cannot push it below the floor.
import { buildClauses, buildClausesV2, LEGAL_BASIS, type ContractTemplateContent } from "./common";

export const forwardFloor: ContractTemplateContent = {
  code: "forward_floor",
  version: 1,
  nameLo: "ສັນຍາຊື້-ຂາຍລ່ວງໜ້າ ມີລາຄາຂັ້ນຕ່ຳ",
  nameEn: "Forward contract with a floor price",
  priceMechanism: "floor_premium",
  requiredTerms: ["floorPriceLakPerKg"],
  clauses: buildClauses({ timing: "forward", mechanism: "floor_premium", inputs: false, graceDays: 30 }),
  legalBasisLo: LEGAL_BASIS.lo,
  legalBasisEn: LEGAL_BASIS.en,
};

/** Version 2: the Legal Guide's further terms and the wording of priced grades (./common, buildClausesV2). */
export const forwardFloorV2: ContractTemplateContent = {
  ...forwardFloor,
  version: 2,
  clauses: buildClausesV2({ timing: "forward", mechanism: "floor_premium", inputs: false, graceDays: 30 }),
};
