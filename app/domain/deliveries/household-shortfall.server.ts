// Keeps a contract's household shortfall figures (./household-shortfall) on
// the contract, for the track record: worked out again at each confirmation
// from the listing's pledges and the lots of the confirmed deliveries, two
// reads bounded by the contract, so the track record never reads lots. A
// contract with pooled bags among its confirmed lots keeps none (0: not known).
import type { Tx } from "~/utils/db.server";
import { householdShortfalls } from "./household-shortfall";

export async function refreshHouseholdShortfall(tx: Tx, contractId: string): Promise<void> {
  const contract = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, select: { listingId: true } });
  const [pledges, lots] = await Promise.all([
    tx.pledge.findMany({ where: { listingId: contract.listingId }, select: { memberId: true, kg: true } }),
    tx.deliveryLot.findMany({ where: { delivery: { contractId, status: "confirmed" } }, select: { memberId: true, netKg: true } }),
  ]);
  if (lots.length === 0) return;
  const s = householdShortfalls(pledges, lots);
  // Grain in the FO's pooled bags belongs to no one household: the contract's figures cannot say who fell short.
  if (s.pooledKg > 0 || lots.some((l) => l.memberId === null)) {
    await tx.contract.update({ where: { id: contractId }, data: { lotHouseholds: 0, shortHouseholds: 0, shortHouseholdKg: 0 } });
    return;
  }
  await tx.contract.update({
    where: { id: contractId },
    data: { lotHouseholds: s.pledgingHouseholds, shortHouseholds: s.rows.length, shortHouseholdKg: s.shortKg },
  });
}
