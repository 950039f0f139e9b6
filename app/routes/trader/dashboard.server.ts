// The trader's dashboard reads: the companies they work for, with their base
// province (prepared statements).
import { reads } from "~/utils/reads.server";

export async function staffedCompanies(userId: string) {
  const rows = await reads().all<{ id: string; name: string; licenceNumber: string; status: string; statusReason: string | null; provinceLo: string; provinceEn: string }>(
    `SELECT t.id, t.name, t.licenceNumber, t.status, t.statusReason, p.nameLo AS provinceLo, p.nameEn AS provinceEn
     FROM TraderStaff s JOIN TraderCompany t ON t.id = s.companyId JOIN Province p ON p.id = t.baseProvinceId
     WHERE s.userId = ? ORDER BY t.name ASC`,
    userId,
  );
  return rows.map((r) => ({ ...r, baseProvince: { nameLo: r.provinceLo, nameEn: r.provinceEn } }));
}
