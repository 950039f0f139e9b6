// Market-survey reference prices so that the price band and the price board show
// something from the first day: for every crop, in each of the nine programme
// districts, one farm-gate price per week (field crops bought in bulk) or per
// fortnight (cardamom, rubber, bananas, sugarcane) over the last 26 weeks.
//
// ASSUMPTIONS BEHIND THE FIGURES (illustrative, to be replaced by the DAFO
// offices' own surveys through the portal; they are NOT survey data):
// - Farm-gate levels in LAK per kg, 2024–25: maize 3,000–3,400; Job's tears
//   6,000–7,500; dried cassava chips 2,200–2,600; fresh cassava roots 900–1,200;
//   sesame 18,000–22,000; paddy 3,500–4,200; dried cardamom 80,000–120,000;
//   rubber cup lump 6,000–8,000; bananas 2,500–3,500; sugarcane 450–600;
//   soybean 8,000–10,000.
// - Within a crop's range a price is placed by three deterministic parts: the
//   district (45 %: districts near a border crossing or a main road sell
//   higher, remote ones lower), a slow seasonal swing (35 %, one sine wave a
//   year, its phase differing by crop) and week-to-week noise (20 %, from a
//   hash of crop, district and date: no Math.random, so every run and every
//   test gets the same figures). The three are bounded, so the price stays in
//   the crop's range.
// - Maize is harvested in Sayabouly and Oudomxay from September to December and
//   the farm-gate price dips then: −5 % in September, −10 % in October, −12 %
//   in November, −7 % in December.
// - Prices are quoted in round figures: to 10 LAK below 2,000 LAK, 50 LAK below
//   10,000, 100 LAK below 50,000, 1,000 LAK above (rounded half up).
// - Dates are midnight UTC of each day going back from today's UTC date, so the
//   latest one is never in the future.
//
// Idempotent: a crop's prices are only inserted while it has no reference price
// at all, so rerunning the seed, or prices a facilitator entered, are never
// mixed with a second series.
import type { PrismaClient } from "../../app/generated/prisma/client";
import { DISTRICTS } from "./reference-data";

interface PriceSeed {
  min: number;
  max: number;
  everyDays: 7 | 14;
}

export const REFERENCE_PRICE_LEVELS: Record<string, PriceSeed> = {
  MAIZE: { min: 3_000, max: 3_400, everyDays: 7 },
  JOBS_TEARS: { min: 6_000, max: 7_500, everyDays: 7 },
  CASSAVA_FRESH: { min: 900, max: 1_200, everyDays: 7 },
  CASSAVA_CHIPS: { min: 2_200, max: 2_600, everyDays: 7 },
  SESAME: { min: 18_000, max: 22_000, everyDays: 7 },
  PADDY: { min: 3_500, max: 4_200, everyDays: 7 },
  CARDAMOM: { min: 80_000, max: 120_000, everyDays: 14 },
  RUBBER_CUP_LUMP: { min: 6_000, max: 8_000, everyDays: 14 },
  BANANA: { min: 2_500, max: 3_500, everyDays: 14 },
  SUGARCANE: { min: 450, max: 600, everyDays: 14 },
  SOYBEAN: { min: 8_000, max: 10_000, everyDays: 7 },
};

/** Where each district sits in a crop's range, −1 (lowest) to +1 (highest). */
const DISTRICT_POSITION: Record<string, number> = {
  "ODX-BEN": 0.0,
  "ODX-HOU": 0.2, // on the road from Oudomxay town to Pakbeng
  "ODX-NAM": 0.6, // on route 13 north towards the Chinese border at Boten
  "ODX-NGA": -0.3,
  "ODX-PAK": -0.6, // remote, on the Mekong
  "XYB-HON": 0.1,
  "XYB-NGE": 0.5, // Muang Ngeun – Huai Kon crossing to Thailand
  "XYB-XIE": 0.3, // on the Thai border
  "XYB-XAY": -0.1,
};

/** Harvest-time dip of the maize price, by month (0 = January). */
const MAIZE_HARVEST_DIP: Record<number, number> = { 8: 0.05, 9: 0.1, 10: 0.12, 11: 0.07 };

export const REFERENCE_PRICE_WEEKS = 26;
const DAY_MS = 86_400_000;

/** FNV-1a: a small, stable hash giving a number in [−1, 1). */
function noise(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) / 2 ** 32) * 2 - 1;
}

function roundingStep(price: number): number {
  return price < 2_000 ? 10 : price < 10_000 ? 50 : price < 50_000 ? 100 : 1_000;
}

/** The seeded price of one crop in one district on one day. */
export function seededPrice(cropCode: string, districtCode: string, day: Date): number {
  const level = REFERENCE_PRICE_LEVELS[cropCode];
  if (!level) throw new Error(`No reference price level for ${cropCode}`);
  const mid = (level.min + level.max) / 2;
  const half = (level.max - level.min) / 2;
  const cropIndex = Object.keys(REFERENCE_PRICE_LEVELS).indexOf(cropCode);
  const dayOfYear = (day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / DAY_MS;
  const seasonal = Math.sin((2 * Math.PI * (dayOfYear + cropIndex * 33)) / 365);
  const position =
    0.45 * (DISTRICT_POSITION[districtCode] ?? 0) + 0.35 * seasonal + 0.2 * noise(`${cropCode}|${districtCode}|${day.toISOString().slice(0, 10)}`);
  let price = mid + half * position;
  if (cropCode === "MAIZE") price *= 1 - (MAIZE_HARVEST_DIP[day.getUTCMonth()] ?? 0);
  const step = roundingStep(price);
  return Math.floor(price / step + 0.5) * step;
}

/** Survey days: today's UTC date, then back every 7 or 14 days over 26 weeks. */
export function surveyDays(today: Date, everyDays: number): Date[] {
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const days: Date[] = [];
  for (let back = 0; back <= REFERENCE_PRICE_WEEKS * 7; back += everyDays) days.push(new Date(start - back * DAY_MS));
  return days;
}

/** Inserts the survey series of every crop that has no reference price yet. */
export async function seedReferencePrices(db: PrismaClient, today: Date = new Date()): Promise<void> {
  const districts = await db.district.findMany({
    where: { code: { in: DISTRICTS.map((d) => d.code) } },
    select: { id: true, code: true, provinceId: true, nameEn: true },
  });
  const crops = await db.crop.findMany({ select: { id: true, code: true } });
  for (const crop of crops) {
    const level = REFERENCE_PRICE_LEVELS[crop.code];
    if (!level) continue;
    const days = surveyDays(today, level.everyDays);
    await db.$transaction(async (tx) => {
      if ((await tx.referencePrice.count({ where: { cropId: crop.id } })) > 0) return;
      await tx.referencePrice.createMany({
        data: districts.flatMap((d) =>
          days.map((day) => ({
            cropId: crop.id,
            districtId: d.id,
            provinceId: d.provinceId,
            market: `${d.nameEn} district market`,
            observedOn: day,
            priceLakPerKg: seededPrice(crop.code, d.code, day),
            source: "market_survey",
          })),
        ),
      });
    });
  }
}
