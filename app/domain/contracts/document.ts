// How a contract is stored: its full content (snapshot, summaries, texts) in
// ContractDocument, read only by the pages that show or check it, and the few
// terms that lists, sums and the price board need copied into columns of
// Contract. Both are written once, together, and frozen (./frozen).
import { snapshotCurrency, type ContractSnapshot } from "./snapshot";

export interface RenderedContract {
  summaryLo: string;
  summaryEn: string;
  textLo: string;
  textEn: string;
}

/** The ContractDocument row of a contract (without its contractId). */
export function contractDocument(snapshot: ContractSnapshot, rendered: RenderedContract) {
  return {
    snapshot: JSON.stringify(snapshot),
    summaryLo: rendered.summaryLo,
    summaryEn: rendered.summaryEn,
    textLo: rendered.textLo,
    textEn: rendered.textEn,
  };
}

/** The snapshot's terms that Contract carries as columns. */
export function contractTermColumns(snapshot: ContractSnapshot) {
  const { terms } = snapshot;
  return {
    quantityKg: terms.quantityKg,
    priceLakPerKg: terms.priceLakPerKg,
    floorPriceLakPerKg: terms.floorPriceLakPerKg,
    paymentDays: terms.paymentDays,
    advanceLak: BigInt(terms.advanceLak),
    deliveryDate: new Date(terms.deliveryDate),
    currency: snapshotCurrency(snapshot),
  };
}
