// A live demo market on top of the demo accounts (seedDemoData): listings built
// from member pledges, offers, counter-offers and one contracted deal, so that
// whoever signs in as a demo account finds something to look at and act on.
//
// Everything goes through the domain functions (saveListingDraft,
// publishListing, makeOffer, counterOffer, acceptCounter, acceptOffer) with the
// demo users as actors, so the records are consistent, audited and notified
// exactly as if people had clicked through the portal. Every date is computed
// from `now`, so the market is live whenever the seed runs.
//
// What it creates (prices in LAK per kg, in the reference-price ranges):
// - Phonxay Maize Producers' Cooperative (Beng, leader@demo.la):
//   - maize, OPEN mode, 12 pledges (10,300 kg): Namko (trader@) offered 3,150,
//     the FO countered at 3,300 and waits for Namko; Yunlao (trader3) offered
//     3,250 (submitted). The listing is under negotiation.
//   - Job's tears, SEALED mode, 7 pledges (3,550 kg): one offer from Yunlao.
//   - sesame, a DRAFT not yet published.
// - Viengkeo Agricultural Cooperative (Hongsa, leader2@demo.la):
//   - soybean, OPEN mode: Siam Northern (trader2) offered 8,700, the FO
//     countered 9,300 and Siam accepted the counter: it waits for the FO.
//   - paddy, CONTRACTED: Siam offered 3,700, Namko 3,900; the FO accepted
//     Namko's offer and Siam's was rejected.
// - Listings without offers yet: sesame (Xienghone, leader3, open), dried
//   cassava chips (Nga, leader4, sealed) and dried cardamom (Nga, leader4,
//   open, delivered to a depot in town).
import type { PrismaClient } from "../../app/generated/prisma/client";
import type { ListingInput } from "../../app/domain/listings/listing-form";
import { publishListing, saveListingDraft } from "../../app/domain/listings/listings.server";
import type { OfferTerms, Party } from "../../app/domain/offers/offer-terms";
import { acceptCounter, acceptOffer, counterOffer, makeOffer } from "../../app/domain/offers/offers.server";
import { addDays, endOfLaoDay, startOfLaoDay, toLaoDateInput } from "../../app/utils/dates";
import { demoLookups } from "./demo-lookups";

/** Unwraps a domain result; a refusal means the demo script is wrong, so say which step. */
function check<R extends { ok: boolean }>(step: string, result: R): Extract<R, { ok: true }> {
  if (!result.ok) throw new Error(`Demo market: ${step} was refused: ${JSON.stringify(result)}`);
  return result as Extract<R, { ok: true }>;
}

export async function seedDemoMarket(db: PrismaClient, now = new Date()): Promise<void> {
  /** The start of the Lao calendar day `days` from now (an availability date). */
  const day = (days: number) => startOfLaoDay(toLaoDateInput(addDays(now, days)))!;
  /** The end of the Lao calendar day `days` from now (a deadline or validity date). */
  const deadline = (days: number) => endOfLaoDay(toLaoDateInput(addDays(now, days)))!;

  // --- who and what -------------------------------------------------------
  const { user, organisation, company, crop, village } = demoLookups(db, "Demo market");

  const leader = await user("leader@demo.la");
  const leader2 = await user("leader2@demo.la");
  const leader3 = await user("leader3@demo.la");
  const leader4 = await user("leader4@demo.la");
  const trader = await user("trader@demo.la");
  const trader2 = await user("trader2@demo.la");
  const trader3 = await user("trader3@demo.la");
  const phonxay = await organisation("leader@demo.la", "ODX-BEN");
  const viengkeo = await organisation("leader2@demo.la", "XYB-HON");
  const phonthong = await organisation("leader3@demo.la", "XYB-XIE");
  const ngaCassava = await organisation("leader4@demo.la", "ODX-NGA");
  const namko = await company("trader@demo.la");
  const siam = await company("trader2@demo.la");
  const yunlao = await company("trader3@demo.la");
  const maize = await crop("MAIZE");
  const jobsTears = await crop("JOBS_TEARS");
  const sesame = await crop("SESAME");
  const paddy = await crop("PADDY");
  const soybean = await crop("SOYBEAN");
  const cassavaChips = await crop("CASSAVA_CHIPS");
  const cardamom = await crop("CARDAMOM");

  /** Pledges of the given kg by the FO's members, taking every `step`-th member from `from`. */
  const pledges = (fo: { memberIds: string[] }, kgs: number[], from = 0, step = 2) =>
    kgs.map((kg, i) => {
      const memberId = fo.memberIds[(from + i * step) % fo.memberIds.length];
      if (!memberId) throw new Error("Demo market: the FO has no members");
      return { memberId, kg };
    });

  type ListingSpec = Omit<ListingInput, "notes" | "deliveryPoint" | "pickupVillageId" | "askingPriceLakPerKg"> &
    Partial<Pick<ListingInput, "notes" | "deliveryPoint" | "pickupVillageId" | "askingPriceLakPerKg">>;
  const draft = async (actor: { id: string }, fo: { id: string }, input: ListingSpec, what: string) => {
    const full: ListingInput = { pickupVillageId: undefined, deliveryPoint: undefined, notes: undefined, ...input };
    return check(`saving the ${what} draft`, await saveListingDraft(db, actor, { organisationId: fo.id }, full)).listingId;
  };
  const published = async (actor: { id: string }, fo: { id: string }, input: ListingSpec, what: string) => {
    const listingId = await draft(actor, fo, input, what);
    check(`publishing the ${what} listing`, await publishListing(db, actor, listingId, now));
    return listingId;
  };

  type Crop = Awaited<ReturnType<typeof crop>>;
  const terms = (
    c: Crop,
    t: {
      price: number;
      kg: number;
      grade?: string;
      deliveryInDays: number;
      place: string;
      transport?: [Party, bigint];
      bags?: [Party, bigint];
      advanceLak?: bigint;
      paymentDays: number;
      latePenaltyPermille?: number;
      validDays: number;
      message?: string;
      floorPrice?: number;
    },
  ): OfferTerms => ({
    priceLakPerKg: t.price,
    quantityKg: t.kg,
    gradeId: c.grade(t.grade ?? "G1"),
    ...c.offerDefaults(t.grade ?? "G1"),
    deliveryDate: day(t.deliveryInDays),
    deliveryPlace: t.place,
    transportPaidBy: t.transport?.[0] ?? "trader",
    transportCostLak: t.transport?.[0] === "fo" ? t.transport[1] : 0n,
    bagsPaidBy: t.bags?.[0] ?? "trader",
    bagsCostLak: t.bags?.[0] === "fo" ? t.bags[1] : 0n,
    advanceLak: t.advanceLak ?? 0n,
    paymentDays: t.paymentDays,
    latePenaltyPermillePerMonth: t.latePenaltyPermille ?? 0,
    validUntil: deadline(t.validDays),
    message: t.message,
    // Deliveries a month or more ahead are forward contracts; a floor price makes it a floor-plus-premium one.
    templateCode: t.floorPrice ? "forward_floor" : t.deliveryInDays > 30 ? "forward_fixed" : "spot_fixed",
    floorPriceLakPerKg: t.floorPrice ?? null,
    exportMarket: null,
    exportCurrency: null,
    exportRateSourceKind: null,
    exportMarginLakPerKg: null,
    inputDescription: null,
    inputValueLak: null,
    inputInterestPermillePerMonth: null,
  });

  // --- Phonxay Maize Producers' Cooperative, Beng (leader@demo.la) ------------
  const phonxayStore = "ສາງສະຫະກອນ ບ້ານໂພນໄຊ, ເມືອງແບ່ງ / Cooperative store, Ban Phonxay, Beng";
  const maizeKgs = [1200, 800, 1500, 450, 950, 600, 1300, 300, 700, 1100, 500, 900]; // 10,300 kg
  const bengMaize = await published(
    leader,
    phonxay,
    {
      cropId: maize.id,
      gradeId: maize.grade("G1"),
      availableFrom: day(7),
      availableUntil: day(60),
      pickupVillageId: phonxay.villageId,
      askingPriceLakPerKg: 3_350,
      offerMode: "open",
      offerDeadline: deadline(12),
      notes: "ສາລີຕາກແຫ້ງແລ້ວ ບັນຈຸກະສອບ 50 ກິໂລ; ລົດບັນທຸກເຂົ້າຮອດສາງໄດ້. / Sun-dried, in 50 kg sacks; trucks reach the store.",
      pledges: pledges(phonxay, maizeKgs, 0),
    },
    "Beng maize",
  );
  const namkoMaize = check(
    "Namko's offer on the Beng maize",
    await makeOffer(
      db,
      trader,
      { listingId: bengMaize, companyId: namko.id },
      terms(maize, {
        price: 3_150,
        kg: 10_300,
        deliveryInDays: 14,
        place: phonxayStore,
        bags: ["fo", 1_030_000n], // 206 sacks at 5,000 LAK
        paymentDays: 7,
        validDays: 8,
        message: "We collect with our own truck. Moisture measured at the store with our meter, FO may check.",
      }),
      now,
    ),
  ).offerId;
  check(
    "Yunlao's offer on the Beng maize",
    await makeOffer(
      db,
      trader3,
      { listingId: bengMaize, companyId: yunlao.id },
      terms(maize, {
        price: 3_250,
        kg: 10_300,
        deliveryInDays: 18,
        place: "ສາງບໍລິສັດ, ເມືອງໄຊ / Company warehouse, Xay town (Oudomxay)",
        transport: ["fo", 1_500_000n],
        paymentDays: 5,
        latePenaltyPermille: 20,
        validDays: 10,
      }),
      now,
    ),
  );
  check(
    "the Beng cooperative's counter to Namko",
    await counterOffer(
      db,
      leader,
      namkoMaize,
      1,
      terms(maize, {
        price: 3_300,
        kg: 10_300,
        deliveryInDays: 14,
        place: phonxayStore,
        advanceLak: 5_000_000n,
        paymentDays: 3,
        latePenaltyPermille: 20,
        validDays: 5,
        message: "ຂໍລາຄາ 3,300 ກີບ, ບໍລິສັດອອກຄ່າກະສອບ ແລະ ຈ່າຍລ່ວງໜ້າ 5 ລ້ານກີບ. / 3,300 LAK, sacks on you, 5 million advance.",
      }),
      now,
    ),
  );

  const jobsTearsBeng = await published(
    leader,
    phonxay,
    {
      cropId: jobsTears.id,
      gradeId: jobsTears.grade("G1"),
      availableFrom: day(10),
      availableUntil: day(75),
      pickupVillageId: await village(phonxay.districtId, "Ban Nakham"),
      askingPriceLakPerKg: 7_200,
      offerMode: "sealed",
      offerDeadline: deadline(16),
      notes: "ເດືອຍສີແລ້ວ, ສະອາດ. / Hulled and cleaned Job's tears.",
      pledges: pledges(phonxay, [400, 650, 300, 800, 550, 350, 500], 1, 3), // 3,550 kg
    },
    "Beng Job's tears",
  );
  check(
    "Yunlao's sealed offer on the Beng Job's tears",
    await makeOffer(
      db,
      trader3,
      { listingId: jobsTearsBeng, companyId: yunlao.id },
      terms(jobsTears, {
        price: 7_100,
        kg: 3_550,
        deliveryInDays: 21,
        place: "ບ້ານນາຄຳ, ເມືອງແບ່ງ / Ban Nakham, Beng",
        paymentDays: 10,
        advanceLak: 3_000_000n,
        validDays: 14,
        message: "For export to Yunnan; grade checked on collection.",
      }),
      now,
    ),
  );

  await draft(
    leader,
    phonxay,
    {
      cropId: sesame.id,
      gradeId: sesame.grade("G2"),
      availableFrom: day(30),
      availableUntil: day(90),
      pickupVillageId: phonxay.villageId,
      askingPriceLakPerKg: 20_000,
      offerMode: "open",
      offerDeadline: deadline(25),
      notes: "ງາດຳ, ຍັງລໍຖ້າສະມາຊິກແຈ້ງປະລິມານ. / Black sesame; members still confirming volumes.",
      pledges: pledges(phonxay, [120, 200, 80, 150, 100], 2, 4), // 650 kg
    },
    "Beng sesame",
  );

  // --- Viengkeo Agricultural Cooperative, Hongsa (leader2@demo.la) -----------
  const viengkeoStore = "ສາງສະຫະກອນ ບ້ານວຽງແກ້ວ, ເມືອງຫົງສາ / Cooperative store, Ban Viengkeo, Hongsa";
  const hongsaSoybean = await published(
    leader2,
    viengkeo,
    {
      cropId: soybean.id,
      gradeId: soybean.grade("G1"),
      availableFrom: day(5),
      availableUntil: day(45),
      pickupVillageId: viengkeo.villageId,
      askingPriceLakPerKg: 9_500,
      offerMode: "open",
      offerDeadline: deadline(9),
      pledges: pledges(viengkeo, [400, 600, 350, 500, 450, 300], 0, 3), // 2,600 kg
    },
    "Hongsa soybean",
  );
  const siamSoybean = check(
    "Siam's offer on the Hongsa soybean",
    await makeOffer(
      db,
      trader2,
      { listingId: hongsaSoybean, companyId: siam.id },
      terms(soybean, {
        price: 8_700,
        kg: 2_600,
        deliveryInDays: 10,
        place: viengkeoStore,
        paymentDays: 14,
        validDays: 6,
      }),
      now,
    ),
  ).offerId;
  check(
    "the Hongsa cooperative's counter to Siam",
    await counterOffer(
      db,
      leader2,
      siamSoybean,
      1,
      terms(soybean, {
        price: 9_300,
        kg: 2_600,
        deliveryInDays: 10,
        place: viengkeoStore,
        paymentDays: 7,
        validDays: 5,
        message: "ລາຄາຕະຫຼາດຢູ່ຫົງສາ 9,300–9,500 ກີບ. / Market price in Hongsa is 9,300–9,500.",
      }),
      now,
    ),
  );
  check("Siam's acceptance of the Hongsa counter", await acceptCounter(db, trader2, siamSoybean, 2, now));

  const hongsaPaddy = await published(
    leader2,
    viengkeo,
    {
      cropId: paddy.id,
      gradeId: paddy.grade("G1"),
      availableFrom: day(3),
      availableUntil: day(40),
      pickupVillageId: await village(viengkeo.districtId, "Ban Naxay"),
      askingPriceLakPerKg: 4_000,
      offerMode: "open",
      offerDeadline: deadline(6),
      notes: "ເຂົ້າໜຽວ ປີນີ້. / This season's glutinous paddy.",
      pledges: pledges(viengkeo, [900, 1200, 600, 1500, 800, 1000, 700, 1100, 500, 1300], 1, 1), // 9,600 kg
    },
    "Hongsa paddy",
  );
  check(
    "Siam's offer on the Hongsa paddy",
    await makeOffer(
      db,
      trader2,
      { listingId: hongsaPaddy, companyId: siam.id },
      terms(paddy, {
        price: 3_700,
        kg: 9_600,
        deliveryInDays: 12,
        place: viengkeoStore,
        bags: ["fo", 960_000n],
        paymentDays: 14,
        validDays: 5,
      }),
      now,
    ),
  );
  const namkoPaddy = check(
    "Namko's offer on the Hongsa paddy",
    await makeOffer(
      db,
      trader,
      { listingId: hongsaPaddy, companyId: namko.id },
      terms(paddy, {
        price: 3_900,
        kg: 9_600,
        deliveryInDays: 12,
        place: viengkeoStore,
        advanceLak: 4_000_000n,
        paymentDays: 7,
        latePenaltyPermille: 15,
        validDays: 5,
      }),
      now,
    ),
  ).offerId;
  check("the Hongsa cooperative's acceptance of Namko's paddy offer", await acceptOffer(db, leader2, namkoPaddy, 1, now));

  // --- listings with no offers yet, elsewhere --------------------------------
  await published(
    leader3,
    phonthong,
    {
      cropId: sesame.id,
      gradeId: sesame.grade("G1"),
      availableFrom: day(14),
      availableUntil: day(70),
      pickupVillageId: phonthong.villageId,
      askingPriceLakPerKg: 21_000,
      offerMode: "open",
      offerDeadline: deadline(18),
      notes: "ງາຂາວ ຄັດແລ້ວ. / Sorted white sesame.",
      pledges: pledges(phonthong, [150, 250, 120, 300, 200, 180, 220, 100], 0, 1), // 1,520 kg
    },
    "Xienghone sesame",
  );
  await published(
    leader4,
    ngaCassava,
    {
      cropId: cassavaChips.id,
      gradeId: cassavaChips.grade("G1"),
      availableFrom: day(20),
      availableUntil: day(90),
      pickupVillageId: await village(ngaCassava.districtId, "Ban Namnga"),
      askingPriceLakPerKg: 2_450,
      offerMode: "sealed",
      offerDeadline: deadline(22),
      pledges: pledges(ngaCassava, [1500, 2000, 1200, 1800, 900, 2500, 1600, 1100, 1400, 2000, 1000, 1300], 0, 1), // 18,300 kg
    },
    "Nga cassava chips",
  );
  await published(
    leader4,
    ngaCassava,
    {
      cropId: cardamom.id,
      gradeId: cardamom.grade("G2"),
      availableFrom: day(7),
      availableUntil: day(35),
      deliveryPoint: "ຕະຫຼາດເມືອງງາ / Nga district market",
      askingPriceLakPerKg: 95_000,
      offerMode: "open",
      offerDeadline: deadline(5),
      notes: "ໝາກແໜ່ງປ່າ ຕາກແຫ້ງ. / Dried wild cardamom.",
      pledges: pledges(ngaCassava, [60, 90, 45, 120, 75, 50], 12, 1), // 440 kg
    },
    "Nga cardamom",
  );
}
