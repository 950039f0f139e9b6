// The seeded trading history on a fresh database: on top of the demo market and
// contracts, completed contracts spread over several months, crops, districts
// and all three verified companies, with prices near the reference prices and
// at least one payment made after its due date.
import { beforeAll, describe, expect, it } from "vitest";
import { readSnapshot } from "~/domain/contracts/completion.server";
import { calendarDaysBetween } from "~/domain/payments/payments";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { seedDemoContracts } from "../../prisma/seed/demo-contracts";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { seedDemoHistory } from "../../prisma/seed/demo-history";
import { seedDemoMarket } from "../../prisma/seed/demo-market";
import { seedReferencePrices } from "../../prisma/seed/reference-prices";

const now = new Date();

beforeAll(async () => {
  await seedReferencePrices(db, now);
  await seedDemoData(db);
  await seedDemoMarket(db, now);
  await seedDemoContracts(db, now);
  await seedDemoHistory(db, now);
}, 240_000);

const completedContracts = () =>
  db.contract.findMany({
    where: { status: "completed" },
    include: {
      listing: { select: { cropId: true } },
      company: { select: { name: true } },
      deliveries: true,
      payments: true,
      document: { select: { snapshot: true } },
    },
  });

describe("seedDemoHistory", () => {
  it("completes contracts in at least 4 months, 4 crops, 4 districts and with all 3 verified companies", async () => {
    const completed = await completedContracts();
    expect(completed.length).toBeGreaterThanOrEqual(12);
    const months = new Set(completed.map((c) => toLaoDateInput(c.deliveries[0]!.deliveredOn).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);
    expect(new Set(completed.map((c) => c.listing.cropId)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(completed.map((c) => c.districtId)).size).toBeGreaterThanOrEqual(4);
    const verified = await db.traderCompany.findMany({ where: { status: "verified" }, select: { id: true } });
    expect(verified).toHaveLength(3);
    for (const company of verified) expect(completed.some((c) => c.companyId === company.id)).toBe(true);
  });

  it("dates everything within the last six months and never in the future", async () => {
    const sixMonthsAgo = addDays(now, -183);
    for (const c of await completedContracts()) {
      for (const d of c.deliveries) expect(d.deliveredOn >= sixMonthsAgo && d.deliveredOn <= now).toBe(true);
      for (const p of c.payments) expect(p.paidOn >= sixMonthsAgo && p.paidOn <= now).toBe(true);
    }
  });

  it("prices each deal within 10 % of the crop's reference prices", async () => {
    for (const c of await completedContracts()) {
      const price = readSnapshot(c).terms.priceLakPerKg;
      const refs = await db.referencePrice.findMany({ where: { cropId: c.listing.cropId, districtId: c.districtId }, select: { priceLakPerKg: true } });
      expect(refs.length).toBeGreaterThan(0);
      const min = Math.min(...refs.map((r) => r.priceLakPerKg));
      const max = Math.max(...refs.map((r) => r.priceLakPerKg));
      expect(price).toBeGreaterThanOrEqual(min * 0.9);
      expect(price).toBeLessThanOrEqual(max * 1.1);
    }
  });

  it("has at least one payment made after its due date, and deliveries of varied moisture", async () => {
    const completed = await completedContracts();
    const late = completed.filter((c) => {
      const { paymentDays } = readSnapshot(c).terms;
      const lastDelivery = c.deliveries.reduce((a, d) => (d.deliveredOn > a ? d.deliveredOn : a), c.deliveries[0]!.deliveredOn);
      return c.payments.some((p) => calendarDaysBetween(lastDelivery, p.paidOn) > paymentDays);
    });
    expect(late.length).toBeGreaterThanOrEqual(1);
    const moistures = new Set(completed.flatMap((c) => c.deliveries.map((d) => d.moisturePermille)));
    expect(moistures.size).toBeGreaterThanOrEqual(5);
  });

  it("leaves a few contracts partly delivered and still in force", async () => {
    const active = await db.contract.findMany({ where: { status: "active" }, include: { deliveries: true, document: { select: { snapshot: true } } } });
    const partly = active.filter((c) => c.deliveries.length > 0 && c.deliveries.reduce((s, d) => s + d.netKg, 0) < readSnapshot(c).terms.quantityKg * 0.95);
    expect(partly.length).toBeGreaterThanOrEqual(2);
  });
});
