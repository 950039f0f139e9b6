// What a member household is told by SMS when something of theirs happens:
// their own lot of a delivery, their own line of the payout sheet, and the
// summary of a contract they pledged to once it is in force. Each runs inside
// the transaction of the change it reports (so a message exists if and only if
// the change was saved), and only for members whose consent is in force for
// their current phone (./sms-consent.server).
import { payoutFor } from "~/domain/payments/payout.server";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import type { Tx } from "~/utils/db.server";
import { contractSummarySms, deliveryReceiptSms, payoutLineSms } from "./member-sms";
import { queueMemberSms, type MemberSms } from "./member-outbox.server";
import { consentedPhones } from "./sms-consent.server";

/** Each household's own lot of a delivery just recorded; the FO's pooled bags name nobody and tell nobody. */
export async function tellMembersOfDelivery(tx: Tx, deliveryId: string): Promise<number> {
  const delivery = await tx.delivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: {
      deliveredOn: true,
      contract: { select: { number: true } },
      lots: {
        where: { memberId: { not: null } },
        orderBy: { position: "asc" },
        select: { id: true, memberId: true, bags: true, grossKg: true, moisturePermille: true, netKg: true, member: { select: { name: true } } },
      },
    },
  });
  const phones = await consentedPhones(
    tx,
    delivery.lots.map((l) => l.memberId!),
  );
  const messages: MemberSms[] = delivery.lots.flatMap((lot) => {
    const recipient = phones.get(lot.memberId!);
    if (!recipient) return [];
    const body = deliveryReceiptSms({
      memberName: lot.member?.name ?? "",
      contractNumber: delivery.contract.number,
      deliveredOn: delivery.deliveredOn,
      bags: lot.bags,
      grossKg: lot.grossKg,
      moisturePermille: lot.moisturePermille,
      deductedKg: lot.grossKg - lot.netKg,
      netKg: lot.netKg,
    });
    return [{ memberId: lot.memberId!, recipient, body, dedupeKey: `delivery-receipt:${lot.id}` }];
  });
  return queueMemberSms(tx, messages);
}

/**
 * Each household's line of the payout sheet, when the contract is complete
 * (delivered and paid): what the FO now owes them. A household with nothing
 * on the sheet is not told.
 */
export async function tellMembersTheirPayout(
  tx: Tx,
  contract: { id: string; number: string; listingId: string },
  snapshot: ContractSnapshot,
  now: Date,
): Promise<number> {
  const report = await payoutFor(tx, { id: contract.id, listingId: contract.listingId, status: "completed" }, snapshot, now);
  const lines =
    report.households?.rows.map((r) => ({
      memberId: r.memberId,
      name: r.name,
      netKg: r.netKg,
      inputDeductionLak: r.inputRepaidLak + r.commonInputLak,
      payableLak: r.payableLak,
    })) ??
    report.sheet?.rows.map((r) => ({ memberId: r.memberId, name: r.name, netKg: r.netKg, inputDeductionLak: r.inputDeductionLak, payableLak: r.payableLak })) ??
    [];
  const owed = lines.filter((l) => l.netKg > 0 || l.payableLak > 0n);
  const phones = await consentedPhones(
    tx,
    owed.map((l) => l.memberId),
  );
  const messages: MemberSms[] = owed.flatMap((line) => {
    const recipient = phones.get(line.memberId);
    if (!recipient) return [];
    const body = payoutLineSms({
      memberName: line.name,
      contractNumber: contract.number,
      netKg: line.netKg,
      inputDeductionLak: line.inputDeductionLak,
      payableLak: line.payableLak,
    });
    return [{ memberId: line.memberId, recipient, body, dedupeKey: `payout-line:${contract.id}:${line.memberId}` }];
  });
  return queueMemberSms(tx, messages);
}

/** The summary of a contract just in force, to the households that pledged to its listing. */
export async function tellMembersOfContract(tx: Tx, contractId: string): Promise<number> {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { id: true, listingId: true, document: { select: { snapshot: true } } },
  });
  if (!contract.document) return 0;
  const snapshot = JSON.parse(contract.document.snapshot) as ContractSnapshot;
  const pledges = await tx.pledge.findMany({ where: { listingId: contract.listingId, kg: { gt: 0 } }, select: { memberId: true } });
  const phones = await consentedPhones(
    tx,
    pledges.map((p) => p.memberId),
  );
  if (phones.size === 0) return 0;
  const body = contractSummarySms({
    contractNumber: snapshot.number,
    cropName: snapshot.crop.name.lo,
    traderName: snapshot.trader.name,
    quantityKg: snapshot.terms.quantityKg,
    priceMechanism: snapshot.template.priceMechanism,
    priceLakPerKg: snapshot.terms.priceLakPerKg,
    floorPriceLakPerKg: snapshot.terms.floorPriceLakPerKg,
    paymentDays: snapshot.terms.paymentDays,
  });
  // Households sharing a phone read one summary, not one each.
  const byPhone = new Map([...phones].map(([memberId, recipient]) => [recipient, memberId]));
  const messages: MemberSms[] = [...byPhone].map(([recipient, memberId]) => ({
    memberId,
    recipient,
    body,
    dedupeKey: `contract-summary:${contractId}:${memberId}`,
  }));
  return queueMemberSms(tx, messages);
}
