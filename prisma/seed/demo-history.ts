// Six months of trading history on top of the demo contracts (seedDemoContracts),
// so that the price board, the companies' and organisations' track records and
// the programme reports show real figures from the first day.
//
// Sixteen deals between the four verified FOs (Phonxay, Beng; Viengkeo, Hongsa;
// Phonthong, Xienghone; the Nga cassava association) and the three verified
// companies (Namko, Siam Northern, Yunlao), over maize, Job's tears, paddy,
// soybean, sesame and dried cassava chips. Fourteen are COMPLETED (every lot
// delivered, confirmed and paid); the two most recent are still ACTIVE with one
// lot of two delivered and paid. Each price is the seeded reference price
// (ReferencePrice) of the crop in the FO's district on the offer day, nudged by
// −50/0/+50 per deal. Payment behaviour: Siam always pays on time (or a day or
// two early), Yunlao was late once, Namko — the worst payer — is late 5–18 days
// on most deals. Deliveries vary in moisture around the crop's basis, so some
// carry a weight deduction.
//
// Like seedDemoContracts, everything goes through the domain functions with the
// demo users as actors and a PAST `now` for every step, and every date is
// computed from `now`. Deterministic: the variety comes from each deal's index
// (no Math.random). Each deal has its own listing, already contracted.
import type { PrismaClient } from "../../app/generated/prisma/client";
import { confirmPayment, recordPayment } from "../../app/domain/payments/contract-payments.server";
import { confirmDelivery, recordDelivery } from "../../app/domain/deliveries/deliveries.server";
import { requiredParties, signContract } from "../../app/domain/contracts/signing.server";
import type { ListingInput } from "../../app/domain/listings/listing-form";
import { publishListing, saveListingDraft } from "../../app/domain/listings/listings.server";
import type { OfferTerms } from "../../app/domain/offers/offer-terms";
import { acceptOffer, makeOffer } from "../../app/domain/offers/offers.server";
import { addDays, endOfLaoDay, startOfLaoDay, toLaoDateInput } from "../../app/utils/dates";
import { DEMO_PASSWORD } from "./demo-data";
import { demoLookups, type Actor } from "./demo-lookups";

/** Unwraps a domain result; a refusal means the history script is wrong, so say which step. */
function check<R extends { ok: boolean }>(step: string, result: R): Extract<R, { ok: true }> {
  if (!result.ok)
    throw new Error(`Demo history: ${step} was refused: ${JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`);
  return result as Extract<R, { ok: true }>;
}

type FoKey = "phonxay" | "viengkeo" | "phonthong" | "nga";
type CompanyKey = "namko" | "siam" | "yunlao";

interface Deal {
  fo: FoKey;
  company: CompanyKey;
  crop: "MAIZE" | "JOBS_TEARS" | "PADDY" | "SOYBEAN" | "SESAME" | "CASSAVA_CHIPS";
  /** days ago the listing was published; the deal runs from there */
  daysAgo: number;
  kg: number;
  /** moisture of each lot, in permille (two lots: delivered three days apart) */
  moisture: number[];
  paymentDays: number;
  /** days each lot was paid after its due date (0: on time, paid up to two days early) */
  lateDays: number;
  /** only the first lot delivered so far (the contract stays active) */
  partial?: boolean;
}

// Oldest first. Namko late on most deals, Yunlao once, Siam never.
const DEALS: Deal[] = [
  { fo: "phonxay", company: "namko", crop: "MAIZE", daysAgo: 172, kg: 6_000, moisture: [150, 158], paymentDays: 7, lateDays: 12 },
  { fo: "phonxay", company: "siam", crop: "SOYBEAN", daysAgo: 162, kg: 2_200, moisture: [125], paymentDays: 10, lateDays: 0 },
  { fo: "viengkeo", company: "siam", crop: "PADDY", daysAgo: 150, kg: 5_000, moisture: [142, 138], paymentDays: 10, lateDays: 0 },
  { fo: "phonxay", company: "yunlao", crop: "JOBS_TEARS", daysAgo: 140, kg: 2_800, moisture: [128], paymentDays: 10, lateDays: 0 },
  { fo: "viengkeo", company: "namko", crop: "MAIZE", daysAgo: 128, kg: 8_000, moisture: [161, 149], paymentDays: 7, lateDays: 18 },
  { fo: "phonthong", company: "yunlao", crop: "SESAME", daysAgo: 118, kg: 1_200, moisture: [76], paymentDays: 7, lateDays: 0 },
  { fo: "nga", company: "namko", crop: "CASSAVA_CHIPS", daysAgo: 108, kg: 12_000, moisture: [146, 139], paymentDays: 7, lateDays: 9 },
  { fo: "phonxay", company: "siam", crop: "MAIZE", daysAgo: 98, kg: 9_000, moisture: [143, 152], paymentDays: 7, lateDays: 0 },
  { fo: "viengkeo", company: "yunlao", crop: "JOBS_TEARS", daysAgo: 88, kg: 3_000, moisture: [134], paymentDays: 10, lateDays: 6 },
  { fo: "nga", company: "siam", crop: "CASSAVA_CHIPS", daysAgo: 78, kg: 10_000, moisture: [141, 136], paymentDays: 10, lateDays: 0 },
  { fo: "phonthong", company: "namko", crop: "MAIZE", daysAgo: 68, kg: 4_000, moisture: [155], paymentDays: 7, lateDays: 14 },
  { fo: "phonxay", company: "namko", crop: "SOYBEAN", daysAgo: 60, kg: 1_800, moisture: [131], paymentDays: 7, lateDays: 0 },
  { fo: "viengkeo", company: "siam", crop: "PADDY", daysAgo: 50, kg: 4_500, moisture: [140], paymentDays: 10, lateDays: 0 },
  { fo: "nga", company: "yunlao", crop: "CASSAVA_CHIPS", daysAgo: 42, kg: 8_000, moisture: [138], paymentDays: 7, lateDays: 0 },
  { fo: "phonthong", company: "siam", crop: "SESAME", daysAgo: 30, kg: 1_500, moisture: [78, 80], paymentDays: 7, lateDays: 0, partial: true },
  { fo: "nga", company: "namko", crop: "CASSAVA_CHIPS", daysAgo: 26, kg: 9_000, moisture: [144, 140], paymentDays: 7, lateDays: 5, partial: true },
];

const STORES: Record<FoKey, string> = {
  phonxay: "ສາງສະຫະກອນ ບ້ານໂພນໄຊ, ເມືອງແບ່ງ / Cooperative store, Ban Phonxay, Beng",
  viengkeo: "ສາງສະຫະກອນ ບ້ານວຽງແກ້ວ, ເມືອງຫົງສາ / Cooperative store, Ban Viengkeo, Hongsa",
  phonthong: "ສາງກຸ່ມ ບ້ານໂພນທອງ, ເມືອງຊຽງຮ່ອນ / Group store, Ban Phonthong, Xienghone",
  nga: "ສາງສະມາຄົມ ບ້ານໂພນຄຳ, ເມືອງງາ / Association store, Ban Phonkham, Nga",
};

const METHODS = ["bank_transfer", "mobile_money", "cash"] as const;

export async function seedDemoHistory(db: PrismaClient, now = new Date()): Promise<void> {
  /** The moment `days` from now (negative: in the past), plus `hours`: the `now` of a step. */
  const at = (days: number, hours = 0) => new Date(addDays(now, days).getTime() + hours * 3600_000);
  const day = (days: number) => startOfLaoDay(toLaoDateInput(addDays(now, days)))!;
  const deadline = (days: number) => endOfLaoDay(toLaoDateInput(addDays(now, days)))!;

  const { user, organisation, company, crop } = demoLookups(db, "Demo history");
  const facilitator = await user("facilitator@demo.la");
  const fos = {
    phonxay: { leader: await user("leader@demo.la"), org: await organisation("leader@demo.la", "ODX-BEN") },
    viengkeo: { leader: await user("leader2@demo.la"), org: await organisation("leader2@demo.la", "XYB-HON") },
    phonthong: { leader: await user("leader3@demo.la"), org: await organisation("leader3@demo.la", "XYB-XIE") },
    nga: { leader: await user("leader4@demo.la"), org: await organisation("leader4@demo.la", "ODX-NGA") },
  };
  const companies = {
    namko: { trader: await user("trader@demo.la"), id: (await company("trader@demo.la")).id, staff: "ທ. ທອງໄສ (Namko) / Mr Thongsay (Namko)" },
    siam: {
      trader: await user("trader2@demo.la"),
      id: (await company("trader2@demo.la")).id,
      staff: "ທ. ສີສະຫວາດ (Siam Northern) / Mr Sisavath (Siam Northern)",
    },
    yunlao: { trader: await user("trader3@demo.la"), id: (await company("trader3@demo.la")).id, staff: "ທ. ວັນໄຊ (Yunlao) / Mr Vanxay (Yunlao)" },
  };
  const crops = new Map<string, Awaited<ReturnType<typeof crop>>>();
  for (const code of new Set(DEALS.map((d) => d.crop))) crops.set(code, await crop(code));

  /** The latest reference price of the crop in the district on or before `on` (else the earliest after). */
  const referencePrice = async (cropId: string, districtId: string, on: Date): Promise<number> => {
    const before = await db.referencePrice.findFirst({
      where: { cropId, districtId, observedOn: { lte: on } },
      orderBy: { observedOn: "desc" },
      select: { priceLakPerKg: true },
    });
    const found =
      before ?? (await db.referencePrice.findFirst({ where: { cropId, districtId }, orderBy: { observedOn: "asc" }, select: { priceLakPerKg: true } }));
    if (!found) throw new Error("Demo history: no reference price: run seedReferencePrices first");
    return found.priceLakPerKg;
  };

  for (const [i, deal] of DEALS.entries()) {
    const what = `history deal ${i + 1} (${deal.crop})`;
    const { leader, org } = fos[deal.fo];
    const buyer = companies[deal.company];
    const c = crops.get(deal.crop)!;
    const n = -deal.daysAgo;

    // Listing: pledges of 5–8 members, in shares varying with the index.
    const count = Math.min(5 + (i % 4), org.memberIds.length);
    const weights = Array.from({ length: count }, (_, j) => 2 + ((j * 7 + i * 3) % 5));
    const total = weights.reduce((a, b) => a + b, 0);
    let left = deal.kg;
    const pledges = weights.map((w, j) => {
      const kg = j === count - 1 ? left : Math.floor((deal.kg * w) / total / 10) * 10;
      left -= kg;
      return { memberId: org.memberIds[(i * 3 + j) % org.memberIds.length]!, kg };
    });
    const reference = await referencePrice(c.id, org.districtId, at(n + 2));
    const step = reference < 2_000 ? 10 : reference < 10_000 ? 50 : reference < 50_000 ? 100 : 1_000;
    const price = reference + ((i % 3) - 1) * step;

    const listing: ListingInput = {
      cropId: c.id,
      gradeId: c.grade("G1"),
      availableFrom: day(n),
      availableUntil: day(n + 30),
      pickupVillageId: org.villageId,
      deliveryPoint: undefined,
      askingPriceLakPerKg: price + step * 2,
      offerMode: "open",
      offerDeadline: deadline(n + 5),
      notes: "ສິນຄ້າລວມຂອງສະມາຊິກ, ຕາກແຫ້ງ ບັນຈຸກະສອບ. / Pooled from members, dried and bagged.",
      pledges,
    };
    const { listingId } = check(`saving the ${what} draft`, await saveListingDraft(db, leader, { organisationId: org.id }, listing));
    check(`publishing the ${what} listing`, await publishListing(db, leader, listingId, at(n)));

    const lots = deal.partial ? 2 : deal.moisture.length;
    const terms: OfferTerms = {
      priceLakPerKg: price,
      quantityKg: deal.kg,
      gradeId: c.grade("G1"),
      ...c.offerDefaults("G1"),
      deliveryDate: day(n + 10 + (lots - 1) * 3),
      deliveryPlace: STORES[deal.fo],
      transportPaidBy: "trader",
      transportCostLak: 0n,
      bagsPaidBy: "trader",
      bagsCostLak: 0n,
      advanceLak: 0n,
      paymentDays: deal.paymentDays,
      latePenaltyPermillePerMonth: 0,
      validUntil: deadline(n + 4),
      message: lots > 1 ? "We collect in two trips." : "We collect in one trip.",
      templateCode: "spot_fixed",
      floorPriceLakPerKg: null,
      exportMarket: null,
      exportCurrency: null,
      exportRateSourceKind: null,
      exportMarginLakPerKg: null,
      inputDescription: null,
      inputValueLak: null,
      inputInterestPermillePerMonth: null,
    };
    const { offerId } = check(`the offer on the ${what}`, await makeOffer(db, buyer.trader, { listingId, companyId: buyer.id }, terms, at(n + 2)));
    const { contractId } = check(`the acceptance of the ${what} offer`, await acceptOffer(db, leader, offerId, 1, at(n + 3)));
    if (!contractId) throw new Error(`Demo history: accepting the ${what} offer generated no contract`);

    const contract = await db.contract.findUniqueOrThrow({ where: { id: contractId }, select: { sha256: true, witnessRequired: true } });
    const signers = { fo: leader, trader: buyer.trader, witness: facilitator };
    let hours = 0;
    for (const party of requiredParties(contract.witnessRequired)) {
      const input = { as: party, password: DEMO_PASSWORD, sha256: contract.sha256, confirmRead: true };
      check(`the ${party} signature of the ${what}`, await signContract(db, signers[party] as Actor, contractId, input, at(n + 4, hours++)));
    }

    // Lots: the gross weights add up to the contracted quantity plus a little.
    const grossTotal = deal.kg + (i % 3) * 20;
    const grosses = lots === 1 ? [grossTotal] : [Math.round((grossTotal * 0.55) / 10) * 10, grossTotal - Math.round((grossTotal * 0.55) / 10) * 10];
    const delivered = deal.partial ? 1 : lots;
    let completed = false;
    for (let lot = 0; lot < delivered; lot++) {
      const deliveryDay = n + 10 + lot * 3;
      const { deliveryId } = check(
        `recording lot ${lot + 1} of the ${what}`,
        await recordDelivery(
          db,
          buyer.trader,
          contractId,
          {
            deliveredOn: day(deliveryDay),
            grossKg: grosses[lot]!,
            moisturePermille: deal.moisture[lot] ?? deal.moisture[0]!,
            gradeCode: "G1",
            foreignMatterPermille: 5 + ((i + lot) % 6),
            measuredBy: `${buyer.staff} ກັບ ຄະນະກຳມະການ / with the FO committee`,
            instrument: "ຊິງຊັ່ງ ແລະ ເຄື່ອງວັດຄວາມຊຸ່ມ ຂອງບໍລິສັດ / The company's scale and moisture meter",
          },
          at(deliveryDay),
        ),
      );
      check(`confirming lot ${lot + 1} of the ${what}`, await confirmDelivery(db, leader, deliveryId, at(deliveryDay, 2)));
      const d = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { amountDueLak: true, inputDeductionLak: true } });
      const payDay = deliveryDay + deal.paymentDays + (deal.lateDays > 0 ? deal.lateDays + lot : -((i + lot) % 3));
      if (payDay > -1) throw new Error(`Demo history: the ${what} would be paid in the future`);
      const { paymentId } = check(
        `recording the payment of lot ${lot + 1} of the ${what}`,
        await recordPayment(
          db,
          buyer.trader,
          contractId,
          {
            amountLak: d.amountDueLak - d.inputDeductionLak,
            paidOn: day(payDay),
            method: METHODS[(i + lot) % 3]!,
            reference: METHODS[(i + lot) % 3] === "cash" ? null : `TT-${240100 + i * 37 + lot}`,
          },
          day(payDay),
        ),
      );
      completed = check(`confirming the payment of lot ${lot + 1} of the ${what}`, await confirmPayment(db, leader, paymentId, at(payDay, 1))).completed;
    }
    if (!deal.partial && !completed) throw new Error(`Demo history: the ${what} did not complete after its last payment`);
  }
}
