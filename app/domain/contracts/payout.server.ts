// The member payout sheet of a contract: what each household that pledged to
// the listing receives of the CONFIRMED deliveries — net kg, input-credit
// deduction and LAK — pro rata to its pledge, by the exact rule of ./payout
// (every column adds up to the contract's total). The member register is the
// FO's: only its leaders and the district's facilitators may read the sheet.
// Until the contract is completed the sheet is a draft.
import type { Db } from "~/utils/db.server";
import { payoutSheet, type PayoutSheet } from "./payout";

export interface PayoutReport {
  /** null when nobody pledged more than 0 kg: there is nothing to share by */
  sheet: PayoutSheet | null;
  confirmedDeliveries: number;
  /** deliveries not yet confirmed (recorded or contested): not on the sheet */
  otherDeliveries: number;
  draft: boolean;
}

export async function payoutFor(db: Db, contract: { id: string; listingId: string; status: string }): Promise<PayoutReport> {
  const [pledges, deliveries] = await Promise.all([
    db.pledge.findMany({
      where: { listingId: contract.listingId },
      orderBy: [{ member: { name: "asc" } }, { id: "asc" }],
      select: { kg: true, member: { select: { id: true, name: true } } },
    }),
    db.delivery.findMany({ where: { contractId: contract.id }, select: { status: true, netKg: true, amountDueLak: true, inputDeductionLak: true } }),
  ]);
  const confirmed = deliveries.filter((d) => d.status === "confirmed");
  const netKg = confirmed.reduce((s, d) => s + d.netKg, 0);
  const inputDeductionLak = confirmed.reduce((s, d) => s + d.inputDeductionLak, 0n);
  const payableLak = confirmed.reduce((s, d) => s + d.amountDueLak - d.inputDeductionLak, 0n);
  const sheet = pledges.some((p) => p.kg > 0)
    ? payoutSheet({ pledges: pledges.map((p) => ({ memberId: p.member.id, name: p.member.name, kg: p.kg })), netKg, payableLak, inputDeductionLak })
    : null;
  return { sheet, confirmedDeliveries: confirmed.length, otherDeliveries: deliveries.length - confirmed.length, draft: contract.status !== "completed" };
}
