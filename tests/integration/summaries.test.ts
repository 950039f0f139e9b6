// Every summary the pages read instead of history, on the whole demo world
// (market, contracts in every state, six months of trading), compared with a
// full recount from the records: the price tally, each contract's ledger
// dates, and every figure of the programme report for many periods and scopes.
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildOverdueFrom } from "~/domain/contracts/overdue.server";
import { recountPriceTally, storedPriceTally } from "~/domain/prices/price-tally.server";
import { defaultReportRange, type ReportRange } from "~/domain/reports/period";
import { programmeReportFromRecords } from "~/domain/reports/reports-recount.server";
import { programmeReport, type ReportScope } from "~/domain/reports/reports.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { seedDemoContracts } from "../../prisma/seed/demo-contracts";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { seedDemoHistory } from "../../prisma/seed/demo-history";
import { seedDemoMarket } from "../../prisma/seed/demo-market";

const now = new Date();

beforeAll(async () => {
  await seedDemoData(db);
  await seedDemoMarket(db, now);
  await seedDemoContracts(db, now);
  await seedDemoHistory(db, now);
}, 240_000);

const day = (back: number) => toLaoDateInput(addDays(now, -back));

/** The report with its crops in a stable order (their order carries no meaning). */
const comparable = (r: Awaited<ReturnType<typeof programmeReport>>) => ({ ...r, crops: [...r.crops].sort((a, b) => a.code.localeCompare(b.code)) });

describe("summaries equal a recount of the records", () => {
  it("the price tally", async () => {
    const stored = await storedPriceTally(db);
    expect(stored.length).toBeGreaterThan(100);
    expect(stored).toEqual(await recountPriceTally(db));
  });

  it("each contract's ledger dates (overdue, first due, first late)", async () => {
    expect(await db.contract.count({ where: { dueFrom: { not: null } } })).toBeGreaterThan(10);
    expect(await db.contract.count({ where: { lateFrom: { not: null } } })).toBeGreaterThan(0);
    expect(await rebuildOverdueFrom(db, now)).toBe(0);
  });

  it("every figure of the programme report, for whole and cut months, every scope, as of today and of a past day", async () => {
    const facilitators = await db.facilitatorDistrict.findMany({ select: { userId: true, districtId: true } });
    const byUser = new Map<string, string[]>();
    for (const f of facilitators) byUser.set(f.userId, [...(byUser.get(f.userId) ?? []), f.districtId]);
    const scopes: ReportScope[] = [{ districtIds: null }, ...[...byUser.values()].map((districtIds) => ({ districtIds })), { districtIds: [] }];
    const ranges: ReportRange[] = [
      defaultReportRange(now),
      { from: day(200), to: day(0) },
      { from: day(170), to: day(95) },
      { from: day(120), to: day(118) },
      { from: `${day(150).slice(0, 7)}-01`, to: day(20) },
      { from: day(400), to: day(300) },
    ];
    let compared = 0;
    for (const scope of scopes)
      for (const range of ranges) {
        const kept = await programmeReport(db, scope, range, now);
        const recount = await programmeReportFromRecords(db, scope, range, now);
        expect(comparable(kept), `${JSON.stringify(scope)} ${JSON.stringify(range)}`).toEqual(comparable(recount));
        compared++;
      }
    expect(compared).toBeGreaterThanOrEqual(18);
    // The default report of the whole programme is not empty: the comparison compared something.
    const all = await programmeReport(db, { districtIds: null }, defaultReportRange(now), now);
    expect(all.byDistrict.total.contracts).toBeGreaterThan(10);
    expect(all.reach.total.households).toBeGreaterThan(10);
    expect(all.onTime.total.due).toBeGreaterThan(0);
  });
});
