// Finding the demo accounts, organisations, companies, crops and villages the
// demo seeds build on, with a clear message when an earlier seed step is missing.
import type { PrismaClient } from "../../app/generated/prisma/client";
import { cropOfferDefaults } from "../../app/domain/offers/crop-defaults";
import type { Role } from "../../app/utils/roles";

export type Actor = { id: string; roles: Role[] };

export function demoLookups(db: PrismaClient, label: string) {
  const user = async (email: string): Promise<Actor> => {
    const u = await db.user.findUnique({ where: { email }, select: { id: true, roles: { select: { role: true } } } });
    if (!u) throw new Error(`${label}: user ${email} is missing: run seedDemoData first`);
    return { id: u.id, roles: u.roles.map((r) => r.role as Role) };
  };
  const organisation = async (leaderEmail: string, districtCode: string) => {
    const o = await db.organisation.findFirst({
      where: { status: "verified", leaders: { some: { user: { email: leaderEmail } } }, village: { district: { code: districtCode } } },
      select: { id: true, villageId: true, village: { select: { districtId: true } } },
    });
    if (!o) throw new Error(`${label}: no verified FO of ${leaderEmail} in ${districtCode}: run seedDemoData first`);
    const members = await db.member.findMany({ where: { organisationId: o.id, active: true }, orderBy: { name: "asc" }, select: { id: true } });
    return { id: o.id, villageId: o.villageId, districtId: o.village.districtId, memberIds: members.map((m) => m.id) };
  };
  const company = async (staffEmail: string) => {
    const c = await db.traderCompany.findFirst({ where: { staff: { some: { user: { email: staffEmail } } } }, select: { id: true } });
    if (!c) throw new Error(`${label}: no company for ${staffEmail}: run seedDemoData first`);
    return c;
  };
  const crop = async (code: string) => {
    const c = await db.crop.findUnique({
      where: { code },
      include: {
        grades: { orderBy: { sortOrder: "asc" } },
        deductionBands: { orderBy: { fromPermille: "asc" } },
        foreignMatterBands: { orderBy: { fromPermille: "asc" } },
      },
    });
    if (!c) throw new Error(`${label}: crop ${code} is missing: run seedReferenceData first`);
    const grade = (gradeCode: string) => {
      const g = c.grades.find((x) => x.code === gradeCode);
      if (!g) throw new Error(`${label}: grade ${gradeCode} of ${code} is missing`);
      return g.id;
    };
    return {
      id: c.id,
      grade,
      moistureBasisPermille: c.standardMoisturePermille,
      deductionTable: c.deductionBands.map((b) => ({ fromPermille: b.fromPermille, toPermille: b.toPermille, kgPerTonnePerPoint: b.kgPerTonnePerPoint })),
      /** The terms a trader's new offer on this grade starts from in the form: the crop's defaults. */
      offerDefaults: (gradeCode: string) =>
        cropOfferDefaults(
          {
            standardMoisturePermille: c.standardMoisturePermille,
            bands: c.deductionBands,
            grades: c.grades,
            foreignMatterBasisPermille: c.foreignMatterBasisPermille,
            foreignMatterBands: c.foreignMatterBands,
          },
          grade(gradeCode),
        ),
    };
  };
  const village = async (districtId: string, nameEn: string) => {
    const v = await db.village.findFirst({ where: { districtId, nameEn }, select: { id: true } });
    if (!v) throw new Error(`${label}: village ${nameEn} is missing: run seedReferenceData first`);
    return v.id;
  };
  return { user, organisation, company, crop, village };
}
