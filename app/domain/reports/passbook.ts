// The member passbook: one household's own record with its FO — every pledge
// it made to a listing and, for each contract that came of it, its share of
// the delivered net kg and of the money, with what was deducted for inputs
// advanced on credit. The share is the member's line of the contract's payout
// sheet (~/domain/payments/payout.server: its own lots and inputs, or pro rata
// to the pledges for deliveries recorded before lots, over the contract's
// CONFIRMED deliveries), so the passbook and the sheet the leader prints
// always agree. Until a contract is completed its line is provisional.
// Pure; no database.
import type { HouseholdRow } from "~/domain/payments/household-settlement";
import type { PayoutSheet } from "~/domain/payments/payout";

export interface MemberShare {
  netKg: number;
  grossLak: bigint;
  inputDeductionLak: bigint;
  payableLak: bigint;
  /** own inputs repaid in cash outside the deliveries: not taken from what the member receives */
  cashRepaidLak: bigint;
  /** the content adjustments (DRC, starch) of its own lots, part of grossLak; absent: none */
  contentLak?: bigint;
}

export const noShare = (): MemberShare => ({ netKg: 0, grossLak: 0n, inputDeductionLak: 0n, payableLak: 0n, cashRepaidLak: 0n });

/**
 * The member's line of a payout sheet: by household (its own lots and own
 * inputs, plus its share of the FO's) or, for deliveries recorded before
 * lots, by pledge; nothing when the member is not on it.
 */
export function memberShare(
  report: { sheet: PayoutSheet | null; households: { rows: readonly (HouseholdRow & { cashRepaidLak?: bigint })[] } | null },
  memberId: string,
): MemberShare {
  const household = report.households?.rows.find((r) => r.memberId === memberId);
  if (household)
    return {
      netKg: household.netKg,
      grossLak: household.grossLak,
      inputDeductionLak: household.inputRepaidLak + household.commonInputLak,
      payableLak: household.payableLak,
      cashRepaidLak: household.cashRepaidLak ?? 0n,
      ...(household.ownContentLak !== 0n ? { contentLak: household.ownContentLak } : {}),
    };
  const row = report.sheet?.rows.find((r) => r.memberId === memberId);
  return row
    ? { netKg: row.netKg, grossLak: row.grossLak, inputDeductionLak: row.inputDeductionLak, payableLak: row.payableLak, cashRepaidLak: 0n }
    : noShare();
}

export interface PassbookTotals extends MemberShare {
  pledgedKg: number;
}

/** The passbook's totals: every pledge, and every contract's share. */
export function passbookTotals(pledges: readonly { kg: number; contracts: readonly MemberShare[] }[]): PassbookTotals {
  const totals: PassbookTotals = { pledgedKg: 0, ...noShare() };
  for (const p of pledges) {
    totals.pledgedKg += p.kg;
    for (const c of p.contracts) {
      totals.netKg += c.netKg;
      totals.grossLak += c.grossLak;
      totals.inputDeductionLak += c.inputDeductionLak;
      totals.payableLak += c.payableLak;
      totals.cashRepaidLak += c.cashRepaidLak;
    }
  }
  return totals;
}
