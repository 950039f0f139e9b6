// What needs a facilitator's attention in their districts, for the console:
// registrations waiting for verification, open disputes, contracts waiting
// for them to witness, payments overdue, and listings about to expire with no
// offer (a call to the traders they know may still save the sale). Every
// query is limited to the facilitator's districts by the record's own
// district, reads through an index what is current (never the history), and
// shows at most CONSOLE_LIST_MAX of each. Prepared statements.
import { overdueContracts, type OverdueContract } from "~/domain/contracts/overdue-list.server";
import { fromSqlDate, placeholders, reads, sqlDate } from "~/utils/reads.server";

/** A listing whose deadline is this close and that has no offer is flagged. */
export const EXPIRY_WARNING_HOURS = 72;
/** Each list of the console shows at most this many, the most pressing first. */
export const CONSOLE_LIST_MAX = 50;
const DAY_MS = 86_400_000;

type Named = { nameLo: string; nameEn: string };

/** The facilitator's districts (with their province), in province then district order. */
export async function consoleDistricts(userId: string) {
  const rows = await reads().all<{ id: string; nameLo: string; nameEn: string; provinceId: string; provinceLo: string; provinceEn: string }>(
    `SELECT d.id, d.nameLo, d.nameEn, p.id AS provinceId, p.nameLo AS provinceLo, p.nameEn AS provinceEn
     FROM FacilitatorDistrict f JOIN District d ON d.id = f.districtId JOIN Province p ON p.id = d.provinceId
     WHERE f.userId = ? ORDER BY p.nameEn ASC, d.nameEn ASC`,
    userId,
  );
  return rows.map((r) => ({ id: r.id, nameLo: r.nameLo, nameEn: r.nameEn, provinceId: r.provinceId, province: { nameLo: r.provinceLo, nameEn: r.provinceEn } }));
}

/** Organisations of these districts and companies based in these provinces waiting to be verified. */
export async function registrationsWaiting(districtIds: readonly string[], provinceIds: readonly string[]): Promise<number> {
  const [fos, companies] = await Promise.all([
    districtIds.length
      ? reads().get<{ n: number }>(
          `SELECT count(*) AS n FROM Organisation o JOIN Village v ON v.id = o.villageId WHERE o.status = 'pending' AND v.districtId IN (${placeholders(districtIds.length)})`,
          ...districtIds,
        )
      : undefined,
    provinceIds.length
      ? reads().get<{ n: number }>(`SELECT count(*) AS n FROM TraderCompany WHERE status = 'pending' AND baseProvinceId IN (${placeholders(provinceIds.length)})`, ...provinceIds)
      : undefined,
  ]);
  return (fos?.n ?? 0) + (companies?.n ?? 0);
}

/** Disputes not yet resolved on contracts of these districts, the oldest first. */
export async function openDisputesInDistricts(districtIds: readonly string[], now = new Date()) {
  if (districtIds.length === 0) return [];
  const rows = await reads().all<{ id: string; category: string; raisedByParty: string; status: string; createdAt: string; contractId: string; number: string; foLo: string; foEn: string; company: string }>(
    `SELECT x.id, x.category, x.raisedByParty, x.status, x.createdAt, c.id AS contractId, c.number, o.nameLo AS foLo, o.nameEn AS foEn, t.name AS company
     FROM Dispute x JOIN Contract c ON c.id = x.contractId JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId
     WHERE x.status IN ('open', 'answered') AND c.districtId IN (${placeholders(districtIds.length)})
     ORDER BY x.createdAt ASC, x.id ASC LIMIT ${CONSOLE_LIST_MAX}`,
    ...districtIds,
  );
  return rows.map((r) => {
    const createdAt = fromSqlDate(r.createdAt);
    return {
      id: r.id,
      category: r.category,
      raisedByParty: r.raisedByParty,
      status: r.status,
      createdAt,
      ageDays: Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / DAY_MS)),
      contract: { id: r.contractId, number: r.number, organisation: { nameLo: r.foLo, nameEn: r.foEn } as Named, company: { name: r.company } },
    };
  });
}

/** Contracts above the witness threshold that every other party may sign but no facilitator has witnessed yet. */
export async function contractsAwaitingWitness(districtIds: readonly string[]) {
  if (districtIds.length === 0) return [];
  const rows = await reads().all<{ id: string; number: string; valueLak: number; createdAt: string; foLo: string; foEn: string; company: string; parties: string | null }>(
    `SELECT c.id, c.number, c.valueLak, c.createdAt, o.nameLo AS foLo, o.nameEn AS foEn, t.name AS company
     FROM Contract c JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId
     WHERE c.status = 'awaiting_signatures' AND c.witnessRequired = 1 AND c.districtId IN (${placeholders(districtIds.length)})
       AND NOT EXISTS (SELECT 1 FROM ContractSignature s WHERE s.contractId = c.id AND s.party = 'witness')
     ORDER BY c.createdAt ASC, c.number ASC LIMIT ${CONSOLE_LIST_MAX}`,
    ...districtIds,
  );
  if (rows.length === 0) return [];
  const signatures = await reads().all<{ contractId: string; party: string }>(
    `SELECT contractId, party FROM ContractSignature WHERE contractId IN (${placeholders(rows.length)}) ORDER BY signedAt ASC`,
    ...rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    valueLak: BigInt(r.valueLak),
    createdAt: fromSqlDate(r.createdAt),
    organisation: { nameLo: r.foLo, nameEn: r.foEn } as Named,
    company: { name: r.company },
    signatures: signatures.filter((s) => s.contractId === r.id).map((s) => ({ party: s.party })),
  }));
}

/** Contracts of these districts with an amount overdue today, the longest-overdue first (by the contract's own district). */
export function overdueContractsInDistricts(districtIds: readonly string[], now = new Date()): Promise<OverdueContract[]> {
  return overdueContracts({ districtIds }, now);
}

/** Open listings of these districts whose offer deadline falls within the warning window and that have no offer. */
export async function listingsExpiringWithoutOffers(districtIds: readonly string[], now = new Date()) {
  if (districtIds.length === 0) return [];
  const rows = await reads().all<{ id: string; totalKg: number; offerDeadline: string; foLo: string; foEn: string; cropLo: string; cropEn: string; districtLo: string; districtEn: string }>(
    `SELECT l.id, l.totalKg, l.offerDeadline, o.nameLo AS foLo, o.nameEn AS foEn, c.nameLo AS cropLo, c.nameEn AS cropEn, d.nameLo AS districtLo, d.nameEn AS districtEn
     FROM Listing l JOIN Organisation o ON o.id = l.organisationId JOIN Crop c ON c.id = l.cropId JOIN District d ON d.id = l.districtId
     WHERE l.districtId IN (${placeholders(districtIds.length)}) AND l.status = 'open' AND l.offerDeadline > ? AND l.offerDeadline <= ?
       AND NOT EXISTS (SELECT 1 FROM Offer x WHERE x.listingId = l.id)
     ORDER BY l.offerDeadline ASC, l.id ASC LIMIT ${CONSOLE_LIST_MAX}`,
    ...districtIds,
    sqlDate(now),
    sqlDate(new Date(now.getTime() + EXPIRY_WARNING_HOURS * 3600_000)),
  );
  return rows.map((r) => ({
    id: r.id,
    totalKg: r.totalKg,
    offerDeadline: fromSqlDate(r.offerDeadline),
    organisation: { nameLo: r.foLo, nameEn: r.foEn } as Named,
    crop: { nameLo: r.cropLo, nameEn: r.cropEn } as Named,
    district: { nameLo: r.districtLo, nameEn: r.districtEn } as Named,
  }));
}
