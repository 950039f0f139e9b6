// The price board, the price band and the programme report's values are in
// kip. A contract in baht holds satang in the same columns (decision 0021): its
// 9.85 THB/kg must not enter them as 985 kip, while its kilograms still count
// in the report's volumes. Kept by the database's triggers and by the recounts
// the tests compare them with, on SQLite and on PostgreSQL.
import { describe, expect, it } from "vitest";
import { confirmDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { recountAgreedPrices, storedAgreedPrices } from "~/domain/prices/price-band.server";
import { recountPriceTally, storedPriceTally } from "~/domain/prices/price-tally.server";
import { programmeReportFromRecords } from "~/domain/reports/reports-recount.server";
import { programmeReportFromSummaries } from "~/domain/reports/reports.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { activeBahtContract, gradeSheet, laoDay } from "../fixtures/baht";

async function monthly(districtId: string, cropId: string) {
  const r = await db.reportMonthly.aggregate({
    where: { districtId, cropId },
    _sum: { contracts: true, contractedKg: true, contractedLak: true, deliveries: true, deliveredKg: true, deliveredLak: true },
  });
  return {
    contracts: r._sum.contracts ?? 0,
    contractedKg: r._sum.contractedKg ?? 0n,
    contractedLak: r._sum.contractedLak ?? 0n,
    deliveries: r._sum.deliveries ?? 0,
    deliveredKg: r._sum.deliveredKg ?? 0n,
    deliveredLak: r._sum.deliveredLak ?? 0n,
  };
}

const contractPrices = async (cropId: string, place: string) =>
  (await db.priceTally.findMany({ where: { kind: "contract", cropId, place } })).reduce((n, r) => n + r.count, 0);

describe("a contract in baht and the kip aggregates", () => {
  it("counts its kilograms in the report, never its value, nor its price on the board or in the band", async () => {
    const crop = await db.crop.findFirstOrThrow({ where: { code: "MAIZE" } });
    const beng = await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } });
    const before = await monthly(beng.id, crop.id);
    const pricesBefore = await contractPrices(crop.id, beng.id);

    const { contract, traderActor, foActor } = await activeBahtContract();
    expect([contract.currency, contract.cropId, contract.districtId, contract.valueLak]).toEqual(["THB", crop.id, beng.id, 1_970_000n]);

    const signed = await monthly(beng.id, crop.id);
    expect(signed).toEqual({ ...before, contracts: before.contracts + 1, contractedKg: before.contractedKg + 2000n });
    expect(await contractPrices(crop.id, beng.id)).toBe(pricesBefore);
    expect((await storedAgreedPrices(db)).some((p) => p.offerId === contract.offerId)).toBe(false);

    const recorded = await recordDelivery(db, traderActor, contract.id, gradeSheet(laoDay(addDays(new Date(), -3))));
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    await confirmDelivery(db, foActor, recorded.deliveryId);
    const delivery = await db.delivery.findUniqueOrThrow({ where: { id: recorded.deliveryId } });
    expect(delivery.amountDueLak).toBeGreaterThan(0n);

    expect(await monthly(beng.id, crop.id)).toEqual({ ...signed, deliveries: signed.deliveries + 1, deliveredKg: signed.deliveredKg + BigInt(delivery.netKg) });

    // The summaries and the recounts from the records agree, for whole months and cut ones.
    expect(await storedPriceTally(db)).toEqual(await recountPriceTally(db));
    expect(await storedAgreedPrices(db)).toEqual(await recountAgreedPrices(db));
    for (const range of [
      { from: toLaoDateInput(addDays(new Date(), -40)), to: toLaoDateInput(new Date()) },
      { from: `${toLaoDateInput(addDays(new Date(), -40)).slice(0, 7)}-01`, to: toLaoDateInput(new Date()) },
    ]) {
      const scope = { districtIds: [beng.id] };
      const now = new Date();
      const fromRecords = await programmeReportFromRecords(db, scope, range, now);
      expect(await programmeReportFromSummaries(db, scope, range, now)).toEqual(fromRecords);
      expect(fromRecords.byDistrict.total.contractedKg).toBeGreaterThanOrEqual(2000);
    }
  });
});
