// What the listing form needs: crops with their grades, villages, and the FO's
// active members to pledge, in the user's language.
import { localName } from "~/utils/i18n";
import { villageChoices } from "~/domain/places/choices.server";
import type { Db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { ledBy } from "~/utils/access.server";

export async function listingFormData(db: Db, organisationId: string, locale: Locale) {
  const [crops, villages, members, siteVillages] = await Promise.all([
    db.crop.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }],
      select: { id: true, nameLo: true, nameEn: true, grades: { orderBy: { sortOrder: "asc" }, select: { id: true, nameLo: true, nameEn: true } } },
    }),
    villageChoices(db, locale),
    db.member.findMany({
      where: { organisationId, active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, village: { select: { nameLo: true, nameEn: true } } },
    }),
    // Where the members' fields may lie: the villages of the FO's own district (a bounded list).
    db.village.findMany({
      where: { district: { villages: { some: { organisations: { some: { id: organisationId } } } } } },
      orderBy: { nameEn: "asc" },
      select: { id: true, nameLo: true, nameEn: true },
    }),
  ]);
  return {
    crops: crops.map((c) => ({ value: c.id, label: localName(c, locale) })),
    grades: crops.map((c) => ({
      value: c.id,
      label: localName(c, locale),
      options: c.grades.map((g) => ({ value: g.id, label: `${localName(c, locale)}: ${localName(g, locale)}` })),
    })),
    villages,
    members: members.map((m) => ({ id: m.id, name: m.name, village: localName(m.village, locale) })),
    siteVillages: siteVillages.map((v) => ({ value: v.id, label: localName(v, locale) })),
  };
}

/** The organisations this user leads, for the choice of which FO posts a listing. */
export function organisationsLedBy(db: Db, userId: string) {
  return db.organisation.findMany({ where: ledBy(userId), orderBy: { nameEn: "asc" }, select: { id: true, nameLo: true, nameEn: true, status: true } });
}
