// Provinces, districts and villages as choices for forms, named in the user's language.
import type { Db } from "~/utils/db.server";
import { localName, type Locale } from "~/utils/i18n";

export async function villageChoices(db: Db, locale: Locale) {
  const districts = await db.district.findMany({
    orderBy: [{ province: { nameEn: "asc" } }, { nameEn: "asc" }],
    select: {
      nameLo: true,
      nameEn: true,
      province: { select: { nameLo: true, nameEn: true } },
      villages: { orderBy: { nameEn: "asc" }, select: { id: true, nameLo: true, nameEn: true } },
    },
  });
  return districts.map((d) => ({
    label: `${localName(d, locale)}, ${localName(d.province, locale)}`,
    options: d.villages.map((v) => ({ value: v.id, label: localName(v, locale) })),
  }));
}

export async function provinceChoices(db: Db, locale: Locale) {
  const provinces = await db.province.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameLo: true, nameEn: true } });
  return provinces.map((p) => ({ value: p.id, label: localName(p, locale) }));
}
