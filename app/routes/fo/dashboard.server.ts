// The FO leader's dashboard reads: the organisations they lead, with their
// village, district and number of active members (prepared statements).
import { reads } from "~/utils/reads.server";

export async function ledOrganisations(userId: string) {
  const rows = await reads().all<{
    id: string;
    nameLo: string;
    nameEn: string;
    type: string;
    status: string;
    statusReason: string | null;
    villageLo: string;
    villageEn: string;
    districtLo: string;
    districtEn: string;
    members: number;
  }>(
    `SELECT o.id, o.nameLo, o.nameEn, o.type, o.status, o.statusReason, v.nameLo AS villageLo, v.nameEn AS villageEn, d.nameLo AS districtLo, d.nameEn AS districtEn,
       (SELECT count(*) FROM Member m WHERE m.organisationId = o.id AND m.active = TRUE) AS members
     FROM OrganisationLeader ol JOIN Organisation o ON o.id = ol.organisationId JOIN Village v ON v.id = o.villageId JOIN District d ON d.id = v.districtId
     WHERE ol.userId = ? ORDER BY o.nameEn ASC`,
    userId,
  );
  return rows.map((r) => ({
    ...r,
    village: { nameLo: r.villageLo, nameEn: r.villageEn, district: { nameLo: r.districtLo, nameEn: r.districtEn } },
    _count: { members: r.members },
  }));
}
