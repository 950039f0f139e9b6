// Forward contract with a floor price plus premium: on delivery day the FO is
// paid the higher of the guaranteed floor and the market reference price, so a
// harvest-time price drop cannot push it below the floor.
import { buildClauses, LEGAL_BASIS, type ContractTemplateContent } from "./common";

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
