// A delivery under an export-parity contract, against a real database: the
// trader's offer names the series, the rate and the margin; the contract
// carries them; each delivery finds the export reference and the exchange rate
// of its day, pays the higher of the floor and export parity, and keeps the
// figures it used, so a reference corrected later never moves its amount.
import { beforeAll, describe, expect, it } from "vitest";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { recordDelivery } from "~/domain/deliveries/deliveries.server";
import { type DeliveryInput } from "~/domain/deliveries/delivery-form";
import { deliveryStatement } from "~/domain/deliveries/delivery-statement.server";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { signContract } from "~/domain/contracts/signing.server";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { createUser, TEST_PASSWORD } from "../fixtures/app";
import { createCompany, createFo, maize, offerTerms, publishedListing, readContract } from "../fixtures/market";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });
const laoDay = (date: Date) => startOfLaoDay(toLaoDateInput(date))!;
const MARKET = "Thai MOC feed corn, Bangkok";

const exportTerms = {
  templateCode: "export_parity",
  priceLakPerKg: "6000",
  floorPriceLakPerKg: "5000",
  exportMarket: MARKET,
  exportCurrency: "THB",
  exportRateSourceKind: "bol_reference",
  exportMarginLakPerKg: "900",
  quantityKg: "4000",
};

async function activeExportContract() {
  const since = addDays(new Date(), -60);
  const fo = await createFo();
  const listing = await publishedListing(fo, { kg: [2000, 2000] });
  const trader = await createCompany();
  const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms(exportTerms), since);
  if (!made.ok) throw new Error(JSON.stringify(made));
  const accepted = await acceptOffer(db, fo.leader, made.offerId, 1, since);
  if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
  const contract = await readContract(accepted.contractId);
  const foActor = as(fo.leader, "fo_leader");
  const traderActor = as(trader.trader, "trader");
  for (const [actor, party] of [
    [foActor, "fo"],
    [traderActor, "trader"],
  ] as const) {
    const signed = await signContract(db, actor, contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true }, since);
    if (!signed.ok) throw new Error(JSON.stringify(signed));
  }
  return { foActor, traderActor, contract: await readContract(contract.id) };
}

function delivery(deliveredOn: Date): DeliveryInput {
  return {
    deliveredOn,
    grossKg: 1000,
    moisturePermille: 140,
    gradeCode: "G1",
    foreignMatterPermille: 10,
    measuredBy: "Mr Somphone",
    instrument: "Platform scale No. 2",
  };
}

async function record(actor: { id: string; roles: Role[] }, contractId: string, deliveredOn: Date) {
  const result = await recordDelivery(db, actor, contractId, delivery(deliveredOn));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return db.delivery.findUniqueOrThrow({ where: { id: result.deliveryId } });
}

let facilitatorId = "";
beforeAll(async () => {
  facilitatorId = (await createUser({ roles: ["facilitator"] })).id;
});

const reference = async (day: Date, priceHundredthsPerKg: number, extra: { market?: string; currency?: string; sourceName?: string; createdAt?: Date } = {}) =>
  db.exportReferencePrice.create({
    data: {
      cropId: (await maize()).id,
      market: extra.market ?? MARKET,
      currency: extra.currency ?? "THB",
      priceHundredthsPerKg,
      moistureBasisPermille: 145,
      sourceName: extra.sourceName ?? "Thai Ministry of Commerce",
      observedOn: day,
      enteredById: facilitatorId,
      ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
    },
  });
const rate = (day: Date, lakPerHundred: number, sourceKind = "bol_reference", sourceName = "Bank of the Lao PDR reference rate") =>
  db.exchangeRate.create({ data: { currency: "THB", lakPerHundred, sourceKind, sourceName, observedOn: day, enteredById: facilitatorId } });

describe("an export-parity contract", () => {
  it("carries the series, the rate's kind, the margin and the floor into its snapshot and both texts", async () => {
    const { contract } = await activeExportContract();
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    expect(snapshot.template).toMatchObject({ code: "export_parity", priceMechanism: "export_parity_floor" });
    expect(snapshot.terms.floorPriceLakPerKg).toBe(5000);
    expect(snapshot.terms.exportParity).toEqual({ market: MARKET, currency: "THB", rateSourceKind: "bol_reference", marginLakPerKg: 900, maxAgeDays: 14 });
    // Its value is at the floor: 4,000 kg × 5,000.
    expect(contract.valueLak).toBe(20_000_000n);
    expect(contract.textEn).toContain(`the price of Maize (shelled grain) at ${MARKET}, in Thai baht (THB) per kg`);
    expect(contract.textLo).toContain("ອັດຕາອ້າງອີງຂອງທະນາຄານແຫ່ງ ສປປ ລາວ");
  });

  it("computes a delivery at the day's THB reference and named rate, stores the figures, and keeps its amount when the reference is corrected", async () => {
    const { contract, traderActor, foActor } = await activeExportContract();
    const [deliveryDay, referenceDay, rateDay] = [3, 6, 4].map((n) => laoDay(addDays(new Date(), -n)));
    await reference(addDays(referenceDay!, 0.4), 985);
    // Other series and the other kind of rate are not the contract's.
    await reference(addDays(referenceDay!, 0.4), 1_400, { market: "Nong Khai border market" });
    await reference(addDays(referenceDay!, 0.4), 250, { currency: "CNY" });
    await rate(addDays(rateDay!, 0.4), 68_350);
    await rate(addDays(rateDay!, 0.4), 69_900, "commercial_bank", "BCEL buying rate");
    // Published after the delivery day: never used.
    await reference(addDays(deliveryDay!, 1.4), 2_000);
    await rate(addDays(deliveryDay!, 1.4), 80_000);

    const d = await record(traderActor, contract.id, deliveryDay!);
    // 9.85 THB/kg × 683.50 LAK/THB = 6,732.475 → 6,732; − 900 = 5,832 > floor 5,000; × 1,000 net kg.
    expect(d).toMatchObject({
      netKg: 1000,
      priceLakPerKg: 5_832,
      amountDueLak: 5_832_000n,
      exportPriceHundredthsPerKg: 985,
      exportSourceName: "Thai Ministry of Commerce",
      exchangeLakPerHundred: 68_350,
      exchangeSourceName: "Bank of the Lao PDR reference rate",
    });
    expect(laoDay(d.exportObservedOn!)).toEqual(referenceDay);
    expect(laoDay(d.exchangeObservedOn!)).toEqual(rateDay);

    // A correction for the same day, entered later, would price a new delivery; the recorded one keeps its figures.
    await reference(addDays(referenceDay!, 0.5), 1_100, { sourceName: "Thai Ministry of Commerce (corrected)" });
    const again = await record(traderActor, contract.id, deliveryDay!);
    // 11.00 × 683.50 = 7,518.5 → 7,519; − 900 = 6,619.
    expect(again).toMatchObject({ priceLakPerKg: 6_619, exportPriceHundredthsPerKg: 1_100, exportSourceName: "Thai Ministry of Commerce (corrected)" });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({
      priceLakPerKg: 5_832,
      amountDueLak: 5_832_000n,
      exportPriceHundredthsPerKg: 985,
    });

    // The statement shows each figure line by line, from what the delivery kept.
    const access = await contractAccess(db, foActor, contract.id);
    const statement = await deliveryStatement(db, access!, foActor.id);
    const first = statement.deliveries.find((x) => x.id === d.id)!;
    const priceLines = first.lines.filter((l) => l.key.startsWith("contractRules:lines.parity"));
    expect(priceLines.map((l) => [l.key.replace("contractRules:lines.", ""), l.params])).toEqual([
      [
        "parityReference",
        { priceHundredths: 985, currency: "THB", market: MARKET, source: "Thai Ministry of Commerce", observedDate: d.exportObservedOn!.toISOString() },
      ],
      [
        "parityRate",
        { rateHundredths: 68_350, currency: "THB", source: "Bank of the Lao PDR reference rate", observedDate: d.exchangeObservedOn!.toISOString() },
      ],
      ["parityGross", { grossLak: 6_732 }],
      ["parityMargin", { marginLak: 900, parityLak: 5_832 }],
      ["parityAboveFloor", { parityLak: 5_832, floorLak: 5_000 }],
    ]);
    expect(first.lines.find((l) => l.key === "deliveries:sumLines.amount")?.amountLak).toBe("5832000");
    expect(first.lots![0]!.amountLak).toBe("5832000");
  });

  it("pays the floor when export parity is below it, and when no reference or rate was published within 14 days", async () => {
    const { contract, traderActor } = await activeExportContract();
    const [low, stale] = [20, 45].map((n) => laoDay(addDays(new Date(), -n)));
    // 7.00 THB/kg × 683.50 = 4,784.5 → 4,785; − 900 = 3,885 < 5,000: the floor, the figures kept.
    await reference(addDays(low!, 0.4), 700);
    await rate(addDays(low!, 0.4), 68_350);
    const a = await record(traderActor, contract.id, low!);
    expect(a).toMatchObject({ priceLakPerKg: 5_000, amountDueLak: 5_000_000n, exportPriceHundredthsPerKg: 700, exchangeLakPerHundred: 68_350 });

    // Fifteen days before the stale delivery day: outside the window, so the floor, and nothing kept.
    await reference(addDays(stale!, -15.6), 1_500);
    await rate(addDays(stale!, -15.6), 68_350);
    const b = await record(traderActor, contract.id, stale!);
    expect(b).toMatchObject({
      priceLakPerKg: 5_000,
      amountDueLak: 5_000_000n,
      exportPriceHundredthsPerKg: null,
      exportObservedOn: null,
      exportSourceName: null,
      exchangeLakPerHundred: null,
      exchangeObservedOn: null,
      exchangeSourceName: null,
    });
  });
});
