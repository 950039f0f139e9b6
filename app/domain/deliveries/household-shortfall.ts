// Which households delivered less than they pledged: side-selling (or a poor
// harvest) seen per household, not only as the FO's total. Pure; no database.
//
// THE RULE: a household's delivered kg are the net kg of its own lots in the
// deliveries that count (recorded or confirmed, never contested); its
// shortfall is its pledge less that, never below 0. The FO's pooled bags
// belong to no one household: their net kg are given beside, and a household
// short on its own lots may have had grain in them (the page says so). Only
// contracts whose deliveries were recorded as lots can be read this way.
//
// REFUSED LOTS (./refused-lots): what the buyer refused at the scale is not
// delivered, so it does not reduce a shortfall; it is given beside each
// household (gross kg), so that grain brought and refused is not read as
// side-selling.

export interface HouseholdShortfall {
  memberId: string;
  pledgedKg: number;
  deliveredKg: number;
  /** pledged − delivered, > 0 */
  shortKg: number;
  /** gross kg of its lots the buyer refused */
  refusedKg: number;
}

export interface Shortfalls {
  /** the households short of their pledge, the largest shortfall first (then by member id) */
  rows: HouseholdShortfall[];
  /** the households that pledged more than 0 kg */
  pledgingHouseholds: number;
  shortKg: number;
  /** net kg of the FO's pooled lots, which no household's figure includes */
  pooledKg: number;
  /** gross kg of all refused lots, pooled bags included */
  refusedKg: number;
}

export function householdShortfalls(
  pledges: readonly { memberId: string; kg: number }[],
  lots: readonly { memberId: string | null; netKg: number }[],
  refusedLots: readonly { memberId: string | null; grossKg: number }[] = [],
): Shortfalls {
  const refused = new Map<string | null, number>();
  let refusedKg = 0;
  for (const l of refusedLots) {
    if (!Number.isSafeInteger(l.grossKg) || l.grossKg <= 0) throw new RangeError(`refused lot grossKg must be a whole number > 0, got ${l.grossKg}`);
    refused.set(l.memberId, (refused.get(l.memberId) ?? 0) + l.grossKg);
    refusedKg += l.grossKg;
  }
  const delivered = new Map<string, number>();
  let pooledKg = 0;
  for (const l of lots) {
    if (!Number.isSafeInteger(l.netKg) || l.netKg < 0) throw new RangeError(`lot netKg must be a whole number ≥ 0, got ${l.netKg}`);
    if (l.memberId === null) pooledKg += l.netKg;
    else delivered.set(l.memberId, (delivered.get(l.memberId) ?? 0) + l.netKg);
  }
  const pledged = new Map<string, number>();
  for (const p of pledges) {
    if (!Number.isSafeInteger(p.kg) || p.kg < 0) throw new RangeError(`pledge kg must be a whole number ≥ 0, got ${p.kg}`);
    pledged.set(p.memberId, (pledged.get(p.memberId) ?? 0) + p.kg);
  }
  const rows: HouseholdShortfall[] = [];
  let pledgingHouseholds = 0;
  for (const [memberId, pledgedKg] of pledged) {
    if (pledgedKg === 0) continue;
    pledgingHouseholds += 1;
    const deliveredKg = delivered.get(memberId) ?? 0;
    if (deliveredKg < pledgedKg) rows.push({ memberId, pledgedKg, deliveredKg, shortKg: pledgedKg - deliveredKg, refusedKg: refused.get(memberId) ?? 0 });
  }
  rows.sort((a, b) => b.shortKg - a.shortKg || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  return { rows, pledgingHouseholds, shortKg: rows.reduce((s, r) => s + r.shortKg, 0), pooledKg, refusedKg };
}
