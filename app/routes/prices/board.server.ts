// What the price board page needs, gathered for the loader: the filter
// choices, the board for the chosen crop and district, its export parity and
// its text for an SMS, and, for a facilitator, the crops and the districts of
// their scope for the reference-price form. Anyone may read it, signed in or
// not: the contract prices in it are medians, ranges and counts per crop,
// district and month, and nothing here reads a party, a contract or a listing.
import { localName } from "~/utils/i18n";
import { readExportParity, type ExportParityView } from "~/domain/prices/export-parity.server";
import type { BoardMonth } from "~/domain/prices/price-board";
import { facilitatorDistrictIds, getPriceBoard, priceBoardChoices, type PriceBoardSearch } from "~/domain/prices/price-board.server";
import { priceBoardText, type PriceText } from "~/domain/prices/price-text";
import { resources } from "~/locales";
import { toLaoDateInput } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { hasRole } from "~/utils/permissions.server";
import type { SessionUser } from "~/utils/request-state.server";

/** The latest month of the board with any price, as one line of the SMS text, with the export parity at the first rate known. */
export function boardTextFor(options: {
  crop: string;
  place: string;
  months: readonly BoardMonth[];
  parity: ExportParityView | null;
  locale: Locale;
}): PriceText {
  const { crop, place, months, parity, locale } = options;
  const latest = [...months].reverse().find((m) => m.reference || m.contract) ?? null;
  const net = parity?.lines[0]?.netLakPerKg ?? null;
  return priceBoardText(
    [
      {
        crop,
        place,
        month: latest?.month ?? null,
        referenceLakPerKg: latest?.reference?.median ?? null,
        contractLakPerKg: latest?.contract?.median ?? null,
        exportParityLakPerKg: net !== null && net > 0 ? net : null,
      },
    ],
    locale,
    { words: resources[locale].priceboard.text },
  );
}

export async function loadPriceBoardPage(db: Db, options: { user: SessionUser | null; search: PriceBoardSearch; locale: Locale; now: Date }) {
  const { user, search, locale, now } = options;
  const isFacilitator = hasRole(user, "facilitator");
  const [choices, scopeIds] = await Promise.all([priceBoardChoices(db), isFacilitator && user ? facilitatorDistrictIds(user.id) : Promise.resolve(null)]);
  const districts = choices.provinces.flatMap((p) => p.districts.map((d) => ({ ...d, province: localName(p, locale) })));
  const crop = choices.crops.find((c) => c.id === search.crop) ?? choices.crops[0] ?? null;
  const district = districts.find((d) => d.id === search.district) ?? null;
  const cropOptions = choices.crops.map((c) => ({ value: c.id, label: localName(c, locale) }));

  const [board, parity] = crop
    ? await Promise.all([
        getPriceBoard(db, { cropId: crop.id, districtId: district?.id, districtIds: districts.map((d) => d.id), months: search.months, now }),
        readExportParity(crop.id),
      ])
    : [null, null];
  const text =
    crop && board
      ? boardTextFor({
          crop: localName(crop, locale),
          place: district ? localName(district, locale) : resources[locale].priceboard.text.allDistricts,
          months: board.series,
          parity,
          locale,
        })
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
    parity,
    text,
    canRecordExport: hasRole(user, "facilitator") || hasRole(user, "admin"),
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
