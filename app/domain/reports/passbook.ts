// The member passbook: one household's own record with its FO — every pledge
// it made to a listing and, for each contract that came of it, its share of
// the delivered net kg and of the money, with what was deducted for inputs
// advanced on credit. The share is the member's line of the contract's payout
// sheet (~/domain/contracts/payout: pro rata to the pledges, over the
// contract's CONFIRMED deliveries), so the passbook and the sheet the leader
// prints always agree. Until a contract is completed its line is provisional.
// Pure; no database.
import type { PayoutSheet } from "~/domain/contracts/payout";

export interface MemberShare {
  netKg: number;
  grossLak: bigint;
  inputDeductionLak: bigint;
  payableLak: bigint;
}

export const noShare = (): MemberShare => ({ netKg: 0, grossLak: 0n, inputDeductionLak: 0n, payableLak: 0n });

/** The member's line of a payout sheet; nothing when the member is not on it. */
export function memberShare(sheet: PayoutSheet | null, memberId: string): MemberShare {
  const row = sheet?.rows.find((r) => r.memberId === memberId);
  return row ? { netKg: row.netKg, grossLak: row.grossLak, inputDeductionLak: row.inputDeductionLak, payableLak: row.payableLak } : noShare();
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
    }
  }
  return totals;
}
