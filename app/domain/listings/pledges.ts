// Pledges: the kg each member puts into a listing. The listing's total is
// always their sum, so payout shares later add up to what was sold.

/** areaM2 and siteVillageId: the production site, when the FO states it (./production-site). */
export type PledgeInput = { memberId: string; kg: number; areaM2?: number; siteVillageId?: string };

export const MAX_PLEDGE_KG = 1_000_000;

export function pledgeTotal(pledges: readonly PledgeInput[]): number {
  return pledges.reduce((sum, p) => sum + p.kg, 0);
}

/** Drops empty pledges and merges repeated members; the form sends one field per member. */
export function normalisePledges(pledges: readonly PledgeInput[]): PledgeInput[] {
  const byMember = new Map<string, PledgeInput>();
  for (const p of pledges) {
    if (p.kg <= 0) continue;
    const seen = byMember.get(p.memberId);
    byMember.set(p.memberId, seen ? { ...seen, kg: seen.kg + p.kg } : { ...p });
  }
  return [...byMember.values()];
}
