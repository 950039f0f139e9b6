// The weekly price SMS to member households: once per ISO week (Vientiane
// time), each household whose consent is in force is sent the reference
// prices of the crops it grows.
//
// WHICH CROPS: the crops of the listings it pledged to in the last
// CROP_MEMORY_DAYS (a season and a half: a household that pledged maize last
// harvest still grows maize), at most three. WHICH PRICES: the price board's
// reference prices (market surveys and facilitators' entries, never prices
// taken from contracts) seen in the last PRICE_DAYS, of the FO's district, or
// of every district when the district has none; the lowest and highest.
//
// BOUNDED: a run takes at most BATCH households, chosen in the query itself
// as those not yet sent this week's price and with a crop that has a price to
// send, so every household taken is sent one and the next run takes the next
// ones; each crop's prices are read once per run, newest first, through the
// (crop, district, day) and (crop, day) indexes, at most PRICES_READ of them.
//
// SEVERAL INSTANCES: the message's dedupe key (household and week) is unique,
// so two processes running this at once queue each household's message once;
// the one that loses the race on PostgreSQL gets the unique violation for that
// household only and goes on with the next.
import { referenceSources } from "~/domain/prices/price-board.server";
import { isUniqueViolation } from "~/domain/contracts/form-token";
import { queueMemberSms } from "~/domain/members/member-outbox.server";
import { weeklyPriceSms, type WeeklyCropPrice } from "~/domain/members/member-sms";
import { addDays } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { isoWeekOf } from "./iso-week";

export const CROP_MEMORY_DAYS = 540;
export const PRICE_DAYS = 14;
const BATCH = 200;
const PRICES_READ = 50;
const ALL_DISTRICTS_LO = "ທຸກເມືອງ";

export async function queueWeeklyMemberPrices(db: Db, now: Date = new Date()): Promise<number> {
  const week = isoWeekOf(now);
  const pledgedSince = addDays(now, -CROP_MEMORY_DAYS);
  const pricedSince = addDays(now, -PRICE_DAYS);
  const priced = { observedOn: { gte: pricedSince, lte: now }, source: { in: [...referenceSources] } };
  const recentPledges = { kg: { gt: 0 }, listing: { createdAt: { gte: pledgedSince } } };
  const candidates = await db.memberSmsConsent.findMany({
    where: {
      withdrawnAt: null,
      member: {
        active: true,
        // Read through the member's own messages (the memberId index), not the whole outbox.
        outboxMessages: { none: { dedupeKey: { startsWith: "weekly-price:", endsWith: `:${week.key}` } } },
        pledges: { some: { ...recentPledges, listing: { createdAt: { gte: pledgedSince }, crop: { referencePrices: { some: priced } } } } },
      },
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: {
      memberId: true,
      phone: true,
      member: {
        select: {
          phone: true,
          organisation: { select: { village: { select: { district: { select: { id: true, nameLo: true } } } } } },
          pledges: {
            where: recentPledges,
            orderBy: { listing: { createdAt: "desc" } },
            take: 12,
            select: { listing: { select: { crop: { select: { id: true, nameLo: true } } } } },
          },
        },
      },
    },
  });

  const cache = new Map<string, WeeklyCropPrice | null>();
  async function priceOf(crop: { id: string; nameLo: string }, district: { id: string; nameLo: string }) {
    const key = `${crop.id}:${district.id}`;
    if (!cache.has(key)) {
      const read = (districtId?: string) =>
        db.referencePrice.findMany({
          where: { cropId: crop.id, ...(districtId ? { districtId } : {}), ...priced },
          orderBy: { observedOn: "desc" },
          take: PRICES_READ,
          select: { priceLakPerKg: true },
        });
      const local = await read(district.id);
      const rows = local.length ? local : await read();
      const prices = rows.map((r) => r.priceLakPerKg);
      cache.set(
        key,
        prices.length
          ? { cropName: crop.nameLo, placeName: local.length ? district.nameLo : ALL_DISTRICTS_LO, low: Math.min(...prices), high: Math.max(...prices) }
          : null,
      );
    }
    return cache.get(key)!;
  }

  let queued = 0;
  for (const c of candidates) {
    // A consent for a number the household no longer has covers nothing.
    if (c.member.phone !== c.phone) continue;
    const district = c.member.organisation.village.district;
    const crops = [...new Map(c.member.pledges.map((p) => [p.listing.crop.id, p.listing.crop])).values()].slice(0, 3);
    const prices: WeeklyCropPrice[] = [];
    for (const crop of crops) {
      const price = await priceOf(crop, district);
      if (price) prices.push(price);
    }
    if (prices.length === 0) continue;
    const body = weeklyPriceSms(prices);
    try {
      queued += await db.$transaction((tx) =>
        queueMemberSms(tx, [{ memberId: c.memberId, recipient: c.phone, body, dedupeKey: `weekly-price:${c.memberId}:${week.key}` }]),
      );
    } catch (error) {
      // Another instance on the same PostgreSQL database queued this household's
      // message between our look-up of the key and our insert: it is queued once,
      // by them, and the other households still need theirs.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return queued;
}
