// The columns of a contract that are its content. They are written once, when
// the contract is generated, and never again: a change is an amendment, a new
// contract. The database client refuses any update that names one of them.
export const FROZEN_CONTRACT_FIELDS = [
  "number",
  "checkCode",
  "year",
  "sequence",
  "offerId",
  "acceptedRevisionId",
  "listingId",
  "organisationId",
  "companyId",
  "districtId",
  "templateId",
  "amendmentNumber",
  "previousContractId",
  "amendmentReason",
  "sha256",
  "cropId",
  "quantityKg",
  "priceLakPerKg",
  "floorPriceLakPerKg",
  "paymentDays",
  "advanceLak",
  "deliveryDate",
  "document",
  "valueLak",
  "currency",
  "witnessRequired",
  "frameworkId",
  "season",
  "createdAt",
] as const;

export class FrozenContractError extends Error {
  constructor(fields: string[]) {
    super(`A contract's content cannot be changed (${fields.join(", ")}); make an amendment instead.`);
  }
}

/** A contract's document (its snapshot and texts) is never changed at all. */
export function refuseDocumentChange(): never {
  throw new FrozenContractError(["document"]);
}

/** Throws when an update's data would touch a frozen column. */
export function assertNoFrozenFields(data: unknown): void {
  if (!data || typeof data !== "object") return;
  const touched = Object.keys(data).filter((k) => (FROZEN_CONTRACT_FIELDS as readonly string[]).includes(k));
  if (touched.length) throw new FrozenContractError(touched);
}
