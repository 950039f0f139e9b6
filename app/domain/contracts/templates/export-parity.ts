// Forward contract at export parity with a floor: on delivery day the FO is
// paid the higher of the guaranteed floor and what the crop fetches at the
// named export market, converted at the named exchange rate, less a stated
// margin; the farm-gate price follows the border price, never below the floor.
import { buildClauses, buildClausesV2, LEGAL_BASIS, type ContractTemplateContent } from "./common";

export const exportParity: ContractTemplateContent = {
  code: "export_parity",
  version: 1,
  nameLo: "ສັນຍາຊື້-ຂາຍລ່ວງໜ້າ ຕາມລາຄາສົ່ງອອກ ມີລາຄາຂັ້ນຕ່ຳ",
  nameEn: "Forward contract at export parity with a floor price",
  priceMechanism: "export_parity_floor",
  requiredTerms: ["floorPriceLakPerKg", "exportMarket", "exportCurrency", "exportRateSourceKind", "exportMarginLakPerKg"],
  clauses: buildClauses({ timing: "forward", mechanism: "export_parity_floor", inputs: false, graceDays: 30 }),
  legalBasisLo: LEGAL_BASIS.lo,
  legalBasisEn: LEGAL_BASIS.en,
};

/** Version 2: the Legal Guide's further terms and the wording of priced grades (./common, buildClausesV2). */
export const exportParityV2: ContractTemplateContent = {
  ...exportParity,
  version: 2,
  clauses: buildClausesV2({ timing: "forward", mechanism: "export_parity_floor", inputs: false, graceDays: 30 }),
};
