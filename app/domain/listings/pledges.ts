// Pledges: the kg each member puts into a listing. The listing's total is
// always their sum, so payout shares later add up to what was sold.

export type PledgeInput = { memberId: string; kg: number };

export const MAX_PLEDGE_KG = 1_000_000;

export function pledgeTotal(pledges: readonly PledgeInput[]): number {
  return pledges.reduce((sum, p) => sum + p.kg, 0);
}

/** Drops empty pledges and merges repeated members; the form sends one field per member. */
export function normalisePledges(pledges: readonly PledgeInput[]): PledgeInput[] {
  const byMember = new Map<string, number>();
  for (const p of pledges) if (p.kg > 0) byMember.set(p.memberId, (byMember.get(p.memberId) ?? 0) + p.kg);
  return [...byMember].map(([memberId, kg]) => ({ memberId, kg }));
}
