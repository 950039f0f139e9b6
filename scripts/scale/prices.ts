// Reference prices over three years, and the price a trader would quote.
//
// Levels come from the demo seed's own model (seededPrice in
// prisma/seed/reference-prices.ts: each crop's range, the district's place in
// it, the season, the maize harvest dip), so generated prices, the demo's
// survey series and the offers all agree. Market surveys are dated at midnight
// UTC like the seeded ones; facilitators' entries at the start of the Lao day,
// as the entry form stores them, entered by a facilitator of the district.
//
// referenceOn is the price a floor-price contract is paid at on a delivery
// day: the same query as referencePriceOn in ~/domain/deliveries/deliveries.server
// (surveys and facilitators' entries of the crop in the FO's district within a
// week, else the province) over the rows in memory, decided by the domain's
// own referencePriceForDay.
import { DEFAULT_REFERENCE_MAX_AGE_DAYS, referencePriceForDay } from "~/domain/deliveries/price-rules";
import { REFERENCE_PRICE_LEVELS, REFERENCE_PRICE_WEEKS, seededPrice } from "../../prisma/seed/reference-prices";
import type { CropNode, DistrictNode, ReferenceObservation, World } from "./model";
import type { IdFactory } from "./ids";
import type { Random } from "./random";
import type { Writer } from "./tables";
import { DAY, HOUR, laoDay, utcMidnight, YEAR } from "./time";

/** Prices are quoted in round figures: 10 LAK below 2,000, 50 below 10,000, 100 below 50,000, else 1,000. */
export function roundPrice(price: number): number {
  const step = price < 2_000 ? 10 : price < 10_000 ? 50 : price < 50_000 ? 100 : 1_000;
  return Math.max(step, Math.round(price / step) * step);
}

/** The going farm-gate price of the crop in the district on that day. */
export function marketPrice(crop: CropNode, district: DistrictNode, at: number): number {
  if (!REFERENCE_PRICE_LEVELS[crop.code]) return 1_000;
  return seededPrice(crop.code, district.code, new Date(utcMidnight(at)));
}

export function generateReferencePrices(world: World, writer: Writer, ids: IdFactory, rng: Random, count: number): void {
  const crops = world.crops.filter((c) => REFERENCE_PRICE_LEVELS[c.code]);
  const seriesStart = world.now - REFERENCE_PRICE_WEEKS * 7 * DAY;
  const rows: { at: number; write: () => void }[] = [];
  for (let i = 0; i < count; i++) {
    const crop = rng.pick(crops);
    const district = rng.pick(world.districts);
    const day = world.now - rng.real(0, 3 * YEAR);
    const facilitator = rng.chance(0.3) && district.facilitators.length > 0;
    // The demo's survey series uses the district market on recent days; other markets never clash with it.
    const village = rng.pick(district.villages);
    const market = facilitator
      ? rng.pick([`${district.nameEn} district market`, `${village.nameEn} market`])
      : day < seriesStart && rng.chance(0.6)
        ? `${district.nameEn} district market`
        : `${village.nameEn} market`;
    const observedOn = facilitator ? laoDay(day) : utcMidnight(day);
    const createdAt = Math.min(world.now, observedOn + (facilitator ? rng.real(2 * HOUR, 5 * DAY) : rng.real(HOUR, 2 * DAY)));
    const price = roundPrice(marketPrice(crop, district, day) * (1 + rng.real(-0.03, 0.03)));
    const source = facilitator ? "facilitator_entry" : "market_survey";
    const enteredById = facilitator ? rng.pick(district.facilitators).id : null;
    rows.push({
      at: createdAt,
      write: () => {
        writer.insert("ReferencePrice", {
          id: ids.next(createdAt),
          cropId: crop.id,
          districtId: district.id,
          provinceId: district.provinceId,
          market,
          observedOn: new Date(observedOn),
          priceLakPerKg: price,
          source,
          enteredById,
          createdAt: new Date(createdAt),
        });
        const key = `${crop.id}|${district.id}`;
        let list = world.referencePrices.get(key);
        if (!list) world.referencePrices.set(key, (list = []));
        list.push({ observedOn: new Date(observedOn), priceLakPerKg: price, source });
      },
    });
  }
  // In the order they were entered, as the portal would have stored them.
  rows.sort((a, b) => a.at - b.at);
  for (const r of rows) r.write();
  for (const list of world.referencePrices.values()) list.sort((a, b) => a.observedOn.getTime() - b.observedOn.getTime());
}

const REFERENCE_SOURCES = new Set(["market_survey", "facilitator_entry"]);

/** Observations of one (crop, district) between two instants, by binary search on the sorted list. */
function window(list: readonly ReferenceObservation[] | undefined, from: number, to: number): ReferenceObservation[] {
  if (!list) return [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.observedOn.getTime() < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ReferenceObservation[] = [];
  for (let i = lo; i < list.length && list[i]!.observedOn.getTime() <= to; i++) if (REFERENCE_SOURCES.has(list[i]!.source)) out.push(list[i]!);
  return out;
}

/** The reference price of a floor-price contract's delivery day (see the header); null when none. */
export function referenceOn(world: World, cropId: string, foDistrict: DistrictNode, day: Date): number | null {
  const from = day.getTime() - (DEFAULT_REFERENCE_MAX_AGE_DAYS + 1) * DAY;
  const to = day.getTime() + DAY;
  const inDistrict = referencePriceForDay(window(world.referencePrices.get(`${cropId}|${foDistrict.id}`), from, to), day);
  if (inDistrict !== null) return inDistrict;
  const provinceRows = world.districts
    .filter((d) => d.provinceId === foDistrict.provinceId)
    .flatMap((d) => window(world.referencePrices.get(`${cropId}|${d.id}`), from, to));
  return referencePriceForDay(provinceRows, day);
}
