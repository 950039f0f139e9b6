// Loads the records a track record is worked out from (./track-record): every
// signed contract of one trader company, one FO or one framework contract's
// call-offs, with its frozen terms, its
// deliveries, payments and disputes, in one query (Prisma reads the nested
// lists in a few batched statements, not one per contract).
import type { Db } from "~/utils/db.server";
import { SIGNED_CONTRACT_STATUSES, serialiseTrackRecord, trackRecord, type TrackContract, type TrackParty } from "./track-record";

export type TrackScope = { companyId: string } | { organisationId: string } | { frameworkId: string };

export async function signedContracts(db: Db, where: TrackScope): Promise<TrackContract[]> {
  const rows = await db.contract.findMany({
    where: { ...where, status: { in: [...SIGNED_CONTRACT_STATUSES] } },
    select: {
      id: true,
      previousContractId: true,
      status: true,
      quantityKg: true,
      deliveryDate: true,
      paymentDays: true,
      advanceLak: true,
      lotHouseholds: true,
      shortHouseholds: true,
      shortHouseholdKg: true,
      deliveries: {
        select: { deliveredOn: true, netKg: true, amountDueLak: true, inputDeductionLak: true, status: true },
        orderBy: [{ deliveredOn: "asc" }, { createdAt: "asc" }],
      },
      payments: { select: { amountLak: true, paidOn: true, status: true }, orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }] },
      disputes: { select: { raisedByParty: true, status: true } },
    },
  });
  return rows;
}

async function loadTrackRecord(db: Db, party: TrackParty, where: TrackScope, now: Date) {
  return serialiseTrackRecord(trackRecord(party, await signedContracts(db, where), now));
}

/** A trader company's track record as of `now`, ready for a loader. */
export function companyTrackRecord(db: Db, companyId: string, now = new Date()) {
  return loadTrackRecord(db, "trader", { companyId }, now);
}

/** A farmers' organisation's track record as of `now`, ready for a loader. */
export function organisationTrackRecord(db: Db, organisationId: string, now = new Date()) {
  return loadTrackRecord(db, "fo", { organisationId }, now);
}

/** One track record of a framework's call-offs, read for each party (the trader's payments, the FO's deliveries), as of `now`. */
export async function frameworkTrackRecord(db: Db, frameworkId: string, now = new Date()) {
  const contracts = await signedContracts(db, { frameworkId });
  return { fo: serialiseTrackRecord(trackRecord("fo", contracts, now)), trader: serialiseTrackRecord(trackRecord("trader", contracts, now)) };
}
