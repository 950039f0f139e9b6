// Settlement down to each household: who gets what of a delivery made of lots.
// Pure; no database.
//
// THE RULE (printed on the sheet, translation key HOUSEHOLD_PAYOUT_RULE_KEY),
// delivery by delivery:
//  1. each household gets the net kg and the amount of its OWN lots, with its
//     own moisture and foreign-matter deductions and its own grade price;
//  2. the FO's pooled lots (members mixed their bags) are shared among the
//     households that pledged, pro rata to their pledges, by the largest
//     remainder (./payout): the only place pledges count;
//  3. each household repays its OWN inputs (./input-ledger: from its own
//     handover days), never more than it gets from that delivery;
//  4. inputs the FO did not hand to a member are the FO's common debt: repaid
//     from what is left to the households after step 3, shared in proportion
//     to what is left to each (so nobody's line goes below 0);
//  5. payable = gross − own inputs − share of the FO's inputs.
// Every column of every delivery adds up exactly to the delivery's figure, so
// the sheet's totals add up exactly to the contract's.
import { largestRemainderShares } from "./payout";

export interface SettlementLot {
  /** null: the FO's pooled bags */
  memberId: string | null;
  netKg: number;
  amountLak: bigint;
  /** moisture + foreign-matter kg taken off */
  deductedKg: number;
  /** the lot's content adjustment (DRC, starch), part of amountLak; absent: 0 */
  contentLak?: bigint;
}

export interface SettlementPledge {
  memberId: string;
  kg: number;
}

export interface HouseholdShare {
  ownNetKg: number;
  ownDeductedKg: number;
  ownLak: bigint;
  /** the content adjustments of its own lots, part of ownLak */
  ownContentLak: bigint;
  pooledNetKg: number;
  pooledLak: bigint;
  /** ownLak + pooledLak */
  grossLak: bigint;
}

/** Each household's part of one delivery's lots (steps 1 and 2). */
export function deliveryShares(lots: readonly SettlementLot[], pledges: readonly SettlementPledge[]): Map<string, HouseholdShare> {
  const shares = new Map<string, HouseholdShare>();
  const of = (memberId: string) => {
    let s = shares.get(memberId);
    if (!s) shares.set(memberId, (s = { ownNetKg: 0, ownDeductedKg: 0, ownLak: 0n, ownContentLak: 0n, pooledNetKg: 0, pooledLak: 0n, grossLak: 0n }));
    return s;
  };
  let pooledKg = 0n;
  let pooledLak = 0n;
  for (const lot of lots) {
    if (lot.memberId === null) {
      pooledKg += BigInt(lot.netKg);
      pooledLak += lot.amountLak;
      continue;
    }
    const s = of(lot.memberId);
    s.ownNetKg += lot.netKg;
    s.ownDeductedKg += lot.deductedKg;
    s.ownLak += lot.amountLak;
    s.ownContentLak += lot.contentLak ?? 0n;
  }
  const pledged = pledges.filter((p) => p.kg > 0);
  if (pooledKg > 0n || pooledLak > 0n) {
    if (pledged.length === 0) throw new RangeError("Pooled lots need pledges to be shared by");
    const weights = pledged.map((p) => BigInt(p.kg));
    const kg = largestRemainderShares(pooledKg, weights);
    const lak = largestRemainderShares(pooledLak, weights);
    pledged.forEach((p, i) => {
      const s = of(p.memberId);
      s.pooledNetKg += Number(kg[i]!);
      s.pooledLak += lak[i]!;
    });
  }
  for (const s of shares.values()) s.grossLak = s.ownLak + s.pooledLak;
  return shares;
}

/**
 * What each household repays of its own inputs at a delivery (step 3), and
 * what the FO's common inputs take of the rest (step 4).
 */
export function allocateRepayments(input: {
  shares: ReadonlyMap<string, HouseholdShare>;
  /** what each household owes for its own inputs on the delivery day */
  owedByMember: ReadonlyMap<string, bigint>;
  /** what the FO owes for inputs it did not hand to a member */
  poolOwedLak: bigint;
}): { byMember: Map<string, bigint>; poolLak: bigint } {
  const byMember = new Map<string, bigint>();
  let left = 0n;
  for (const [memberId, share] of input.shares) {
    const owed = input.owedByMember.get(memberId) ?? 0n;
    const repaid = owed < share.grossLak ? owed : share.grossLak;
    if (repaid > 0n) byMember.set(memberId, repaid);
    left += share.grossLak - repaid;
  }
  return { byMember, poolLak: input.poolOwedLak < left ? input.poolOwedLak : left };
}

export interface SettledDelivery {
  lots: readonly SettlementLot[];
  /** each household's repayment of its own inputs, as recorded */
  repaidByMember: ReadonlyMap<string, bigint>;
  /** the FO's common inputs repaid, as recorded */
  poolRepaidLak: bigint;
}

export interface HouseholdRow {
  memberId: string;
  pledgedKg: number;
  ownNetKg: number;
  ownDeductedKg: number;
  /** the content adjustments of its own lots (part of grossLak); pooled lots' are in their shared amount */
  ownContentLak: bigint;
  pooledNetKg: number;
  /** ownNetKg + pooledNetKg */
  netKg: number;
  grossLak: bigint;
  /** own inputs repaid */
  inputRepaidLak: bigint;
  /** share of the FO's common inputs */
  commonInputLak: bigint;
  payableLak: bigint;
}

/** The sheet: each household's sum over the deliveries (steps 1 to 5). */
export function householdPayout(deliveries: readonly SettledDelivery[], pledges: readonly SettlementPledge[], memberIds: readonly string[]): HouseholdRow[] {
  const rows = new Map<string, HouseholdRow>();
  const row = (memberId: string) => {
    let r = rows.get(memberId);
    if (!r)
      rows.set(
        memberId,
        (r = {
          memberId,
          pledgedKg: 0,
          ownNetKg: 0,
          ownDeductedKg: 0,
          ownContentLak: 0n,
          pooledNetKg: 0,
          netKg: 0,
          grossLak: 0n,
          inputRepaidLak: 0n,
          commonInputLak: 0n,
          payableLak: 0n,
        }),
      );
    return r;
  };
  for (const id of memberIds) row(id);
  for (const p of pledges) row(p.memberId).pledgedKg += p.kg;
  for (const d of deliveries) {
    const shares = deliveryShares(d.lots, pledges);
    const members = [...shares.keys()];
    const left = members.map((id) => shares.get(id)!.grossLak - (d.repaidByMember.get(id) ?? 0n));
    if (left.some((l) => l < 0n)) throw new RangeError("A household repaid more than it got from a delivery");
    const leftTotal = left.reduce((s, l) => s + l, 0n);
    if (d.poolRepaidLak > leftTotal) throw new RangeError("The FO's inputs took more than was left to its households");
    const common = d.poolRepaidLak > 0n ? largestRemainderShares(d.poolRepaidLak, left) : left.map(() => 0n);
    members.forEach((id, i) => {
      const s = shares.get(id)!;
      const r = row(id);
      r.ownNetKg += s.ownNetKg;
      r.ownDeductedKg += s.ownDeductedKg;
      r.ownContentLak += s.ownContentLak;
      r.pooledNetKg += s.pooledNetKg;
      r.netKg += s.ownNetKg + s.pooledNetKg;
      r.grossLak += s.grossLak;
      r.inputRepaidLak += d.repaidByMember.get(id) ?? 0n;
      r.commonInputLak += common[i]!;
    });
    for (const [id, lak] of d.repaidByMember) if (!shares.has(id) && lak > 0n) throw new RangeError(`Member ${id} repaid at a delivery without a share in it`);
  }
  for (const r of rows.values()) r.payableLak = r.grossLak - r.inputRepaidLak - r.commonInputLak;
  return [...rows.values()];
}

/** Translation key of the rule above, to print on the sheet. */
export const HOUSEHOLD_PAYOUT_RULE_KEY = "contractRules:payout.householdRule";
