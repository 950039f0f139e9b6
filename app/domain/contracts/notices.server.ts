// Who hears about a contract: the FO's leaders, the trader company's staff and,
// when a witness is needed, the facilitators of the listing's district.
import { companyStaffUserIds, leaderUserIds, listingTitle, notify } from "~/domain/notifications/notify.server";
import type { Tx } from "~/utils/db.server";

async function contractFacts(tx: Tx, contractId: string) {
  return tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: {
      id: true,
      number: true,
      organisationId: true,
      companyId: true,
      districtId: true,
      witnessRequired: true,
      listing: { select: { totalKg: true, crop: { select: { nameLo: true, nameEn: true } }, grade: { select: { nameLo: true, nameEn: true } } } },
    },
  });
}

async function partyUserIds(tx: Tx, facts: { organisationId: string; companyId: string }) {
  return [...(await leaderUserIds(tx, facts.organisationId)), ...(await companyStaffUserIds(tx, facts.companyId))];
}

export async function tellContractReady(tx: Tx, contractId: string): Promise<void> {
  const facts = await contractFacts(tx, contractId);
  const link = `/contracts/${facts.id}`;
  const listing = listingTitle(facts.listing);
  await notify(tx, { userIds: await partyUserIds(tx, facts), kind: "contract_ready", params: { number: facts.number, ...listing }, link });
  if (facts.witnessRequired) {
    const facilitators = await tx.facilitatorDistrict.findMany({ where: { districtId: facts.districtId }, select: { userId: true } });
    await notify(tx, { userIds: facilitators.map((f) => f.userId), kind: "contract_witness_needed", params: { number: facts.number, ...listing }, link });
  }
}

export async function tellContractSigned(tx: Tx, contractId: string, by: { lo: string; en: string }, signerId: string): Promise<void> {
  const facts = await contractFacts(tx, contractId);
  const userIds = (await partyUserIds(tx, facts)).filter((id) => id !== signerId);
  await notify(tx, { userIds, kind: "contract_signed", params: { number: facts.number, byLo: by.lo, byEn: by.en }, link: `/contracts/${facts.id}` });
}

export async function tellContractActive(tx: Tx, contractId: string): Promise<void> {
  const facts = await contractFacts(tx, contractId);
  await notify(tx, { userIds: await partyUserIds(tx, facts), kind: "contract_active", params: { number: facts.number }, link: `/contracts/${facts.id}` });
}
