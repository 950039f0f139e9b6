// What the export-reference page needs: the crops for its form and the latest
// entries of each kind (ten, newest recorded first, through the createdAt
// indexes), so a facilitator sees at once what the board is working from.
import { localName } from "~/utils/i18n";
import { priceBoardChoices } from "~/domain/prices/price-board.server";
import { toLaoDateInput } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";

export const LATEST_ENTRIES = 10;

export async function loadExportEntryPage(db: Db, options: { locale: Locale; now: Date }) {
  const { locale, now } = options;
  const [choices, references, rates] = await Promise.all([
    priceBoardChoices(db),
    db.exportReferencePrice.findMany({
      orderBy: { createdAt: "desc" },
      take: LATEST_ENTRIES,
      select: {
        id: true,
        market: true,
        currency: true,
        priceHundredthsPerKg: true,
        moistureBasisPermille: true,
        sourceName: true,
        observedOn: true,
        marginLakPerKg: true,
        crop: { select: { nameLo: true, nameEn: true } },
      },
    }),
    db.exchangeRate.findMany({
      orderBy: { createdAt: "desc" },
      take: LATEST_ENTRIES,
      select: { id: true, currency: true, lakPerHundred: true, sourceKind: true, sourceName: true, observedOn: true },
    }),
  ]);
  return {
    crops: choices.crops.map((c) => ({ value: c.id, label: localName(c, locale) })),
    today: toLaoDateInput(now),
    references: references.map(({ crop, ...r }) => ({ ...r, crop: localName(crop, locale) })),
    rates,
  };
}
