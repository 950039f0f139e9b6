// Contracts with a history, on top of the demo market (seedDemoMarket), so that
// every demo account finds a contract in each state: the market already leaves
// one AWAITING SIGNATURES (the Hongsa paddy sold to Namko); this adds one in
// force with an overdue payment, one in dispute, one completed with its member
// payout sheet and a floor-price forward contract waiting for the harvest.
//
// Everything goes through the domain functions (saveListingDraft,
// publishListing, makeOffer, acceptOffer, signContract, recordDelivery,
// confirmDelivery, contestDelivery, recordPayment, confirmPayment,
// raiseDispute, answerDispute, addMediationNote) with the demo users as
// actors, so deductions, amounts, balances and completion are computed and
// every step is audited and notified as in the portal. The domain refuses
// dates in the future or before the contract, so each story is played in
// order with a PAST `now` for every call: listing published, offer made and
// accepted, contract signed, goods delivered, money paid, a dispute raised.
// Every date is computed from `now`, so the history is recent whenever the
// seed runs. Each contract has its own listing (already contracted), so the
// live market's open listings are left as they are.
//
// What it creates (prices in LAK per kg, in the reference-price ranges):
// - Phonxay (Beng, leader@demo.la) × Namko (trader@demo.la): maize, spot
//   contract signed 40 days ago. A first lot delivered 25 days ago at 16.5 %
//   moisture against the 14.5 % basis (the deduction is computed), weighed by
//   Namko and confirmed by the FO; 7 days to pay; Namko paid part of it (the
//   FO confirmed) and the rest is OVERDUE. Status: active.
// - Viengkeo (Hongsa, leader2@demo.la) × Yunlao (trader3@demo.la): Job's
//   tears. Yunlao recorded a delivery at 16 % moisture, the FO contested the
//   reading and raised a moisture/quality dispute, Yunlao answered and the
//   facilitator (facilitator@demo.la) wrote a mediation note. Status: disputed.
// - Phonxay × Siam Northern (trader2@demo.la): soybean, delivered in two lots
//   within the tolerance, paid in full, every record confirmed. Status:
//   completed; leader@demo.la can print the payout sheet for 7 members.
// - Viengkeo × Siam Northern: maize for the next harvest, forward contract
//   with a floor price of 3,000 (template forward_floor), signed two weeks
//   ago, nothing delivered yet. Status: active.
import type { PrismaClient } from "../../app/generated/prisma/client";
import { confirmPayment, recordPayment } from "../../app/domain/payments/contract-payments.server";
import { confirmDelivery, contestDelivery, recordDelivery } from "../../app/domain/deliveries/deliveries.server";
import { type DeliveryInput } from "../../app/domain/deliveries/delivery-form";
import { addMediationNote, answerDispute, raiseDispute } from "../../app/domain/disputes/disputes.server";
import { requiredParties, signContract } from "../../app/domain/contracts/signing.server";
import type { ListingInput } from "../../app/domain/listings/listing-form";
import { publishListing, saveListingDraft } from "../../app/domain/listings/listings.server";
import type { OfferTerms, Party } from "../../app/domain/offers/offer-terms";
import { acceptOffer, makeOffer } from "../../app/domain/offers/offers.server";
import { addDays, endOfLaoDay, startOfLaoDay, toLaoDateInput } from "../../app/utils/dates";
import { DEMO_PASSWORD } from "./demo-data";
import { demoLookups, type Actor } from "./demo-lookups";

/** Unwraps a domain result; a refusal means the demo script is wrong, so say which step. */
function check<R extends { ok: boolean }>(step: string, result: R): Extract<R, { ok: true }> {
  if (!result.ok)
    throw new Error(`Demo contracts: ${step} was refused: ${JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`);
  return result as Extract<R, { ok: true }>;
}

export async function seedDemoContracts(db: PrismaClient, now = new Date()): Promise<void> {
  /** The moment `days` from now (negative: in the past), plus `hours`: the `now` of a step. */
  const at = (days: number, hours = 0) => new Date(addDays(now, days).getTime() + hours * 3600_000);
  /** The start of the Lao calendar day `days` from now (a delivery, payment or availability date). */
  const day = (days: number) => startOfLaoDay(toLaoDateInput(addDays(now, days)))!;
  /** The end of the Lao calendar day `days` from now (a deadline or validity date). */
  const deadline = (days: number) => endOfLaoDay(toLaoDateInput(addDays(now, days)))!;

  // --- who and what -------------------------------------------------------
  const { user, organisation, company, crop } = demoLookups(db, "Demo contracts");
  type Crop = Awaited<ReturnType<typeof crop>>;

  const leader = await user("leader@demo.la");
  const leader2 = await user("leader2@demo.la");
  const trader = await user("trader@demo.la");
  const trader2 = await user("trader2@demo.la");
  const trader3 = await user("trader3@demo.la");
  const facilitator = await user("facilitator@demo.la");
  const phonxay = await organisation("leader@demo.la", "ODX-BEN");
  const viengkeo = await organisation("leader2@demo.la", "XYB-HON");
  const namko = await company("trader@demo.la");
  const siam = await company("trader2@demo.la");
  const yunlao = await company("trader3@demo.la");
  const maize = await crop("MAIZE");
  const jobsTears = await crop("JOBS_TEARS");
  const soybean = await crop("SOYBEAN");

  /** Pledges of the given kg by the FO's members, taking every `step`-th member from `from`. */
  const pledges = (fo: { memberIds: string[] }, kgs: number[], from: number, step: number) =>
    kgs.map((kg, i) => {
      const memberId = fo.memberIds[(from + i * step) % fo.memberIds.length];
      if (!memberId) throw new Error("Demo contracts: the FO has no members");
      return { memberId, kg };
    });

  type ListingSpec = Omit<ListingInput, "notes" | "deliveryPoint" | "pickupVillageId" | "askingPriceLakPerKg"> &
    Partial<Pick<ListingInput, "notes" | "deliveryPoint" | "pickupVillageId" | "askingPriceLakPerKg">>;
  /** A listing saved and published by the FO leader on the day `publishedAt`. */
  const published = async (actor: Actor, fo: { id: string }, input: ListingSpec, publishedAt: Date, what: string) => {
    const full: ListingInput = { pickupVillageId: undefined, deliveryPoint: undefined, notes: undefined, ...input };
    const { listingId } = check(`saving the ${what} draft`, await saveListingDraft(db, actor, { organisationId: fo.id }, full));
    check(`publishing the ${what} listing`, await publishListing(db, actor, listingId, publishedAt));
    return listingId;
  };

  const terms = (
    c: Crop,
    t: {
      price: number;
      kg: number;
      grade?: string;
      deliveryOn: Date;
      place: string;
      transport?: [Party, bigint];
      bags?: [Party, bigint];
      advanceLak?: bigint;
      paymentDays: number;
      latePenaltyPermille?: number;
      validUntil: Date;
      message?: string;
      template: "spot_fixed" | "forward_fixed" | "forward_floor";
      floorPrice?: number;
    },
  ): OfferTerms => ({
    priceLakPerKg: t.price,
    quantityKg: t.kg,
    gradeId: c.grade(t.grade ?? "G1"),
    ...c.offerDefaults(t.grade ?? "G1"),
    deliveryDate: t.deliveryOn,
    deliveryPlace: t.place,
    transportPaidBy: t.transport?.[0] ?? "trader",
    transportCostLak: t.transport?.[0] === "fo" ? t.transport[1] : 0n,
    bagsPaidBy: t.bags?.[0] ?? "trader",
    bagsCostLak: t.bags?.[0] === "fo" ? t.bags[1] : 0n,
    advanceLak: t.advanceLak ?? 0n,
    paymentDays: t.paymentDays,
    latePenaltyPermillePerMonth: t.latePenaltyPermille ?? 0,
    validUntil: t.validUntil,
    message: t.message,
    templateCode: t.template,
    floorPriceLakPerKg: t.floorPrice ?? null,
    exportMarket: null,
    exportCurrency: null,
    exportRateSourceKind: null,
    exportMarginLakPerKg: null,
    inputDescription: null,
    inputValueLak: null,
    inputInterestPermillePerMonth: null,
  });

  /** The trader's offer, made at `offeredAt` and accepted by the FO at `acceptedAt`: the contract id. */
  const contracted = async (
    deal: { fo: Actor; trader: Actor; listingId: string; companyId: string; terms: OfferTerms; offeredAt: Date; acceptedAt: Date },
    what: string,
  ) => {
    const { offerId } = check(
      `the offer on the ${what}`,
      await makeOffer(db, deal.trader, { listingId: deal.listingId, companyId: deal.companyId }, deal.terms, deal.offeredAt),
    );
    const { contractId } = check(`the acceptance of the ${what} offer`, await acceptOffer(db, deal.fo, offerId, 1, deal.acceptedAt));
    if (!contractId) throw new Error(`Demo contracts: accepting the ${what} offer generated no contract`);
    return contractId;
  };

  /** Both parties (and the witness when the value requires one) sign the text they were shown, at `signedAt` (+1 h each). */
  const signed = async (contractId: string, parties: { fo: Actor; trader: Actor }, signedAt: Date, what: string) => {
    const contract = await db.contract.findUniqueOrThrow({ where: { id: contractId }, select: { sha256: true, witnessRequired: true } });
    const signers = { fo: parties.fo, trader: parties.trader, witness: facilitator };
    let hours = 0;
    let active = false;
    for (const party of requiredParties(contract.witnessRequired)) {
      const input = { as: party, password: DEMO_PASSWORD, sha256: contract.sha256, confirmRead: true };
      active = check(
        `the ${party} signature of the ${what} contract`,
        await signContract(db, signers[party], contractId, input, new Date(signedAt.getTime() + hours++ * 3600_000)),
      ).active;
    }
    if (!active) throw new Error(`Demo contracts: the ${what} contract is not in force after every signature`);
  };

  const delivered = async (actor: Actor, contractId: string, input: DeliveryInput, recordedAt: Date, what: string) =>
    check(`recording the ${what} delivery`, await recordDelivery(db, actor, contractId, input, recordedAt)).deliveryId;
  const deliveryConfirmed = async (actor: Actor, deliveryId: string, answeredAt: Date, what: string) =>
    check(`confirming the ${what} delivery`, await confirmDelivery(db, actor, deliveryId, answeredAt)).completed;
  /** The trader pays `amountLak` on `paidOn` and the FO confirms it at `confirmedAt`; whether that completed the contract. */
  const paid = async (
    parties: { fo: Actor; trader: Actor },
    contractId: string,
    payment: { amountLak: bigint; paidOn: Date; method: "cash" | "bank_transfer" | "mobile_money"; reference: string | null },
    confirmedAt: Date,
    what: string,
  ) => {
    const { paymentId } = check(`recording the ${what} payment`, await recordPayment(db, parties.trader, contractId, payment, payment.paidOn));
    return check(`confirming the ${what} payment`, await confirmPayment(db, parties.fo, paymentId, confirmedAt)).completed;
  };
  const payableOf = async (deliveryId: string) => {
    const d = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { amountDueLak: true, inputDeductionLak: true } });
    return d.amountDueLak - d.inputDeductionLak;
  };

  const phonxayStore = "ສາງສະຫະກອນ ບ້ານໂພນໄຊ, ເມືອງແບ່ງ / Cooperative store, Ban Phonxay, Beng";
  const viengkeoStore = "ສາງສະຫະກອນ ບ້ານວຽງແກ້ວ, ເມືອງຫົງສາ / Cooperative store, Ban Viengkeo, Hongsa";

  // --- 1. ACTIVE, with an overdue balance: Phonxay × Namko, maize -------------
  {
    const parties = { fo: leader, trader };
    const listingId = await published(
      leader,
      phonxay,
      {
        cropId: maize.id,
        gradeId: maize.grade("G1"),
        availableFrom: day(-45),
        availableUntil: day(-5),
        pickupVillageId: phonxay.villageId,
        askingPriceLakPerKg: 3_250,
        offerMode: "open",
        offerDeadline: deadline(-41),
        notes: "ສາລີຮຸ່ນທຳອິດ, ຕາກແຫ້ງ ບັນຈຸກະສອບ 50 ກິໂລ. / First lot of the season, sun-dried, in 50 kg sacks.",
        pledges: pledges(phonxay, [1000, 700, 1200, 500, 900, 650, 1100, 800, 600], 1, 2), // 7,450 kg
      },
      at(-55),
      "earlier Beng maize",
    );
    const contractId = await contracted(
      {
        ...parties,
        listingId,
        companyId: namko.id,
        terms: terms(maize, {
          price: 3_200,
          kg: 7_450,
          deliveryOn: day(-25),
          place: phonxayStore,
          paymentDays: 7,
          latePenaltyPermille: 20,
          validUntil: deadline(-42),
          template: "spot_fixed",
          message: "We weigh at your store with our platform scale; moisture with our meter, the FO may check.",
        }),
        offeredAt: at(-48),
        acceptedAt: at(-43),
      },
      "earlier Beng maize",
    );
    await signed(contractId, parties, at(-40), "Beng maize");
    // The first truckload, wetter than the 14.5 % basis: the deduction follows from the table.
    const first = await delivered(
      trader,
      contractId,
      {
        deliveredOn: day(-25),
        grossKg: 4_200,
        moisturePermille: 165,
        gradeCode: "G1",
        foreignMatterPermille: 15,
        measuredBy: "ທ. ທອງໄສ (Namko) ກັບ ຄະນະກຳມະການສະຫະກອນ / Mr Thongsay (Namko) with the cooperative committee",
        instrument: "ຊິງຊັ່ງ 1 ໂຕນ ແລະ ເຄື່ອງວັດແທກຄວາມຊຸ່ມ ຂອງ Namko / Namko's 1-tonne platform scale and grain moisture meter",
      },
      at(-25),
      "Beng maize",
    );
    await deliveryConfirmed(leader, first, at(-25, 3), "Beng maize");
    // Part of the money, five days after delivery; the rest was due on day -18 and is still owed.
    await paid(parties, contractId, { amountLak: 8_000_000n, paidOn: day(-20), method: "bank_transfer", reference: "BCEL OD-7731420" }, at(-19), "Beng maize");
  }

  // --- 2. DISPUTED: Viengkeo × Yunlao, Job's tears ------------------------
  {
    const parties = { fo: leader2, trader: trader3 };
    const listingId = await published(
      leader2,
      viengkeo,
      {
        cropId: jobsTears.id,
        gradeId: jobsTears.grade("G1"),
        availableFrom: day(-30),
        availableUntil: day(10),
        pickupVillageId: viengkeo.villageId,
        askingPriceLakPerKg: 7_200,
        offerMode: "open",
        offerDeadline: deadline(-32),
        notes: "ເດືອຍສີແລ້ວ ຕາກແຫ້ງດີ. / Hulled, well-dried Job's tears.",
        pledges: pledges(viengkeo, [450, 600, 380, 520, 700, 400, 550], 2, 2), // 3,600 kg
      },
      at(-40),
      "Hongsa Job's tears",
    );
    const contractId = await contracted(
      {
        ...parties,
        listingId,
        companyId: yunlao.id,
        terms: terms(jobsTears, {
          price: 7_000,
          kg: 3_600,
          deliveryOn: day(-12),
          place: viengkeoStore,
          paymentDays: 10,
          latePenaltyPermille: 15,
          validUntil: deadline(-33),
          template: "spot_fixed",
          message: "For export to Yunnan. Moisture measured on collection with our meter.",
        }),
        offeredAt: at(-37),
        acceptedAt: at(-35),
      },
      "Hongsa Job's tears",
    );
    await signed(contractId, parties, at(-34), "Hongsa Job's tears");
    const lot = await delivered(
      trader3,
      contractId,
      {
        deliveredOn: day(-12),
        grossKg: 3_540,
        moisturePermille: 160,
        gradeCode: "G2",
        foreignMatterPermille: 20,
        measuredBy: "ທ. ວັນໄຊ (Yunlao) / Mr Vanxay (Yunlao)",
        instrument: "ເຄື່ອງວັດແທກຄວາມຊຸ່ມແບບມືຖື ຂອງ Yunlao / Yunlao's handheld grain moisture meter",
      },
      at(-12),
      "Hongsa Job's tears",
    );
    check(
      "contesting the Hongsa Job's tears delivery",
      await contestDelivery(
        db,
        leader2,
        lot,
        "ເຄື່ອງວັດຂອງສະຫະກອນ ວັດໄດ້ 13.5 % ໃນກະສອບດຽວກັນ. / The cooperative's meter read 13.5 % on the same sacks; the trader's sample came from the bottom sacks only.",
        at(-12, 4),
      ),
    );
    const { deductedKg } = await db.delivery.findUniqueOrThrow({ where: { id: lot }, select: { deductedKg: true } });
    const { disputeId } = check(
      "raising the Hongsa Job's tears dispute",
      await raiseDispute(
        db,
        leader2,
        contractId,
        {
          category: "moisture_quality",
          statement:
            `ບໍລິສັດວັດຄວາມຊຸ່ມໄດ້ 16 % ແລະ ຫັກນ້ຳໜັກ ${deductedKg} ກິໂລ ແລະ ລົດເກຣດເປັນ G2. ເຄື່ອງວັດຂອງພວກເຮົາວັດໄດ້ 13.5 %. ຂໍໃຫ້ວັດຄືນຮ່ວມກັນ ຕໍ່ໜ້າພະນັກງານ ຫ້ອງການກະສິກຳ. / ` +
            `The company measured 16 % moisture, deducted ${deductedKg} kg and downgraded the lot to G2. Our meter read 13.5 %. We ask for a joint re-measurement in front of the DAFO officer.`,
        },
        at(-11),
      ),
    );
    check(
      "Yunlao's answer to the Hongsa Job's tears dispute",
      await answerDispute(
        db,
        trader3,
        disputeId,
        {
          answer:
            "ເຄື່ອງວັດຂອງພວກເຮົາ ກວດຄວາມຖືກຕ້ອງແລ້ວໃນເດືອນນີ້. ພວກເຮົາຍອມວັດຄືນຮ່ວມກັນ ຈາກ 10 ກະສອບ ທີ່ເລືອກແບບສຸ່ມ. / " +
            "Our meter was calibrated this month. We agree to a joint re-measurement of 10 sacks chosen at random.",
        },
        at(-10),
      ),
    );
    check(
      "the facilitator's mediation note on the Hongsa Job's tears dispute",
      await addMediationNote(
        db,
        facilitator,
        disputeId,
        {
          note:
            "ໄດ້ໂທລົມກັບທັງສອງຝ່າຍ. ຕົກລົງວັດຄືນຮ່ວມກັນ ທີ່ສາງສະຫະກອນ ດ້ວຍເຄື່ອງວັດຂອງຫ້ອງການກະສິກຳເມືອງຫົງສາ; ສິນຄ້າຍັງຢູ່ໃນສາງບໍລິສັດ ບໍ່ໃຫ້ຍ້າຍ. / " +
            "Spoke to both sides by phone. Agreed: a joint re-measurement at the cooperative store with the Hongsa DAFO meter; the lot stays in the company's store until then.",
        },
        at(-8),
      ),
    );
  }

  // --- 3. COMPLETED, with a payout sheet: Phonxay × Siam Northern, soybean ---
  {
    const parties = { fo: leader, trader: trader2 };
    const listingId = await published(
      leader,
      phonxay,
      {
        cropId: soybean.id,
        gradeId: soybean.grade("G1"),
        availableFrom: day(-70),
        availableUntil: day(-45),
        pickupVillageId: phonxay.villageId,
        askingPriceLakPerKg: 9_200,
        offerMode: "open",
        offerDeadline: deadline(-76),
        notes: "ຖົ່ວເຫຼືອງ ລະດູແລ້ງ, ຕາກແຫ້ງແລ້ວ. / Dry-season soybean, dried.",
        pledges: pledges(phonxay, [300, 450, 250, 500, 400, 350, 200], 0, 3), // 2,450 kg
      },
      at(-85),
      "Beng soybean",
    );
    const contractId = await contracted(
      {
        ...parties,
        listingId,
        companyId: siam.id,
        terms: terms(soybean, {
          price: 9_000,
          kg: 2_450,
          deliveryOn: day(-58),
          place: phonxayStore,
          paymentDays: 10,
          latePenaltyPermille: 20,
          validUntil: deadline(-77),
          template: "spot_fixed",
          message: "For our feed mill in Sayabouly; we collect in two trips.",
        }),
        offeredAt: at(-82),
        acceptedAt: at(-79),
      },
      "Beng soybean",
    );
    await signed(contractId, parties, at(-78), "Beng soybean");
    const measuredBy = "ທ. ສີສະຫວາດ (Siam Northern) ກັບ ເລຂາສະຫະກອນ / Mr Sisavath (Siam Northern) with the cooperative's secretary";
    const instrument = "ຊິງຊັ່ງ ແລະ ເຄື່ອງວັດຄວາມຊຸ່ມ ຂອງ Siam Northern / Siam Northern's scale and moisture meter";
    const firstLot = await delivered(
      trader2,
      contractId,
      { deliveredOn: day(-58), grossKg: 1_400, moisturePermille: 125, gradeCode: "G1", foreignMatterPermille: 8, measuredBy, instrument },
      at(-58),
      "first Beng soybean",
    );
    await deliveryConfirmed(leader, firstLot, at(-58, 2), "first Beng soybean");
    const secondLot = await delivered(
      trader2,
      contractId,
      { deliveredOn: day(-55), grossKg: 1_020, moisturePermille: 134, gradeCode: "G1", foreignMatterPermille: 9, measuredBy, instrument },
      at(-55),
      "second Beng soybean",
    );
    await deliveryConfirmed(leader, secondLot, at(-55, 2), "second Beng soybean");
    await paid(
      parties,
      contractId,
      { amountLak: await payableOf(firstLot), paidOn: day(-52), method: "bank_transfer", reference: "LDB TT-220981" },
      at(-51),
      "first Beng soybean",
    );
    const completed = await paid(
      parties,
      contractId,
      { amountLak: await payableOf(secondLot), paidOn: day(-47), method: "bank_transfer", reference: "LDB TT-221407" },
      at(-46),
      "second Beng soybean",
    );
    if (!completed) throw new Error("Demo contracts: the Beng soybean contract did not complete after its last payment");
  }

  // --- 4. FLOOR-PRICE forward contract, nothing delivered yet: Viengkeo × Siam, maize ---
  {
    const parties = { fo: leader2, trader: trader2 };
    const listingId = await published(
      leader2,
      viengkeo,
      {
        cropId: maize.id,
        gradeId: maize.grade("G1"),
        availableFrom: day(70),
        availableUntil: day(110),
        pickupVillageId: viengkeo.villageId,
        askingPriceLakPerKg: 3_300,
        offerMode: "open",
        offerDeadline: deadline(-12),
        notes: "ສາລີລະດູຝົນ ທີ່ກຳລັງປູກ; ຂາຍລ່ວງໜ້າ. / Rainy-season maize now in the field, sold forward.",
        pledges: pledges(viengkeo, [1500, 1200, 900, 2000, 1100, 1300, 800, 1700, 1000, 1500], 0, 1), // 13,000 kg
      },
      at(-22),
      "Hongsa forward maize",
    );
    const contractId = await contracted(
      {
        ...parties,
        listingId,
        companyId: siam.id,
        terms: terms(maize, {
          price: 3_250,
          floorPrice: 3_000,
          kg: 13_000,
          deliveryOn: day(80),
          place: viengkeoStore,
          paymentDays: 7,
          latePenaltyPermille: 20,
          validUntil: deadline(-14),
          template: "forward_floor",
          message: "Floor 3,000 guaranteed; above it you get the Hongsa reference price on the day of delivery.",
        }),
        offeredAt: at(-19),
        acceptedAt: at(-16),
      },
      "Hongsa forward maize",
    );
    await signed(contractId, parties, at(-15), "Hongsa forward maize");
  }
}
