// What the price board page needs, gathered for the loader: the filter
// choices, the board for the chosen crop and district, and, for a facilitator,
// the crops and the districts of their scope for the reference-price form.
import { localName } from "~/domain/places/choices.server";
import { facilitatorDistrictIds, getPriceBoard, priceBoardChoices, type PriceBoardSearch } from "~/domain/prices/price-board.server";
import { toLaoDateInput } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { hasRole } from "~/utils/permissions.server";
import type { SessionUser } from "~/utils/request-state.server";

export async function loadPriceBoardPage(db: Db, options: { user: SessionUser; search: PriceBoardSearch; locale: Locale; now: Date }) {
  const { user, search, locale, now } = options;
  const isFacilitator = hasRole(user, "facilitator");
  const [choices, scopeIds] = await Promise.all([priceBoardChoices(db), isFacilitator ? facilitatorDistrictIds(user.id) : Promise.resolve(null)]);
  const districts = choices.provinces.flatMap((p) => p.districts.map((d) => ({ ...d, province: localName(p, locale) })));
  const crop = choices.crops.find((c) => c.id === search.crop) ?? choices.crops[0] ?? null;
  const district = districts.find((d) => d.id === search.district) ?? null;
  const cropOptions = choices.crops.map((c) => ({ value: c.id, label: localName(c, locale) }));

  const board = crop
    ? await getPriceBoard(db, { cropId: crop.id, districtId: district?.id, districtIds: districts.map((d) => d.id), months: search.months, now })
    : null;

  const scopeDistricts = scopeIds ? districts.filter((d) => scopeIds.includes(d.id)) : [];
  return {
    filters: { crop: crop?.id ?? "", district: district?.id ?? "", months: search.months },
    crops: cropOptions,
    districts: choices.provinces.map((p) => ({
      label: localName(p, locale),
      options: p.districts.map((d) => ({ value: d.id, label: localName(d, locale) })),
    })),
    crop: crop ? { id: crop.id, name: localName(crop, locale) } : null,
    district: district ? { id: district.id, name: localName(district, locale) } : null,
    board: board
      ? {
          months: board.series,
          summary: board.summary.rows.map((row) => {
            const d = districts.find((x) => x.id === row.districtId)!;
            return { ...row, name: localName(d, locale), province: d.province };
          }),
          total: board.summary.total,
        }
      : null,
    entry: isFacilitator
      ? {
          crops: cropOptions,
          districts: scopeDistricts.map((d) => ({ value: d.id, label: `${localName(d, locale)}, ${d.province}` })),
          defaults: {
            cropId: crop?.id ?? "",
            districtId: scopeDistricts.some((d) => d.id === district?.id) ? district!.id : (scopeDistricts[0]?.id ?? ""),
            observedOn: toLaoDateInput(now),
          },
          today: toLaoDateInput(now),
        }
      : null,
  };
}
