// Every summary the pages read instead of history, on the whole demo world
// (market, contracts in every state, six months of trading), compared with a
// full recount from the records: the price tally, each contract's ledger
// dates, who the contracts reached (ReportReach), and every figure of the
// programme report for many periods and scopes, from the summaries and as kept
// in memory, before and after writes of every kind that could change one.
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildOverdueFrom, refreshOverdueFrom } from "~/domain/payments/overdue.server";
import { recountPriceTally, storedPriceTally } from "~/domain/prices/price-tally.server";
import { defaultReportRange, type ReportRange } from "~/domain/reports/period";
import { programmeReportFromRecords, recountReportReach, storedReportReach } from "~/domain/reports/reports-recount.server";
import { programmeReport, programmeReportFromSummaries, type ReportScope } from "~/domain/reports/reports.server";
import { dataVersion } from "~/utils/kept.server";
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
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
        const recount = comparable(await programmeReportFromRecords(db, scope, range, now));
        const label = `${JSON.stringify(scope)} ${JSON.stringify(range)}`;
        expect(comparable(await programmeReportFromSummaries(db, scope, range, now)), label).toEqual(recount);
        expect(comparable(await programmeReport(db, scope, range, now)), label).toEqual(recount);
        // The second time from memory, still the same.
        expect(comparable(await programmeReport(db, scope, range, now)), label).toEqual(recount);
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

describe("who the contracts reached, and the report kept in memory", () => {
  const ranges = () => [defaultReportRange(now), { from: day(400), to: day(0) }];

  /** The ReportReach rows and every figure, as kept, equal to a recount, for the whole programme and two smaller scopes. */
  async function expectEqualToRecount(label: string, scopes: ReportScope[]) {
    expect(await storedReportReach(db), label).toEqual(await recountReportReach(db));
    for (const scope of scopes)
      for (const range of ranges()) {
        const kept = comparable(await programmeReport(db, scope, range, now));
        expect(kept, `${label}: ${JSON.stringify(scope)} ${JSON.stringify(range)}`).toEqual(
          comparable(await programmeReportFromRecords(db, scope, range, now)),
        );
      }
  }

  it("ReportReach equals a recount of the records", async () => {
    const { reach, shared } = await recountReportReach(db);
    expect(reach.filter((r) => r.kind === "household").length).toBeGreaterThan(20);
    expect(reach.filter((r) => r.kind === "organisation").length).toBeGreaterThan(5);
    expect(reach.some((r) => r.prevDay !== null)).toBe(true);
    expect(await storedReportReach(db)).toEqual({ reach, shared });
  });

  it("follows every write that could change a figure, and keeps the report while nothing did", async () => {
    // A contract in force in the default period, with pledges and a confirmed delivery.
    const range = defaultReportRange(now);
    const contract = await db.contract.findFirstOrThrow({
      where: {
        status: "active",
        activatedAt: { gte: startOfLaoDay(range.from)!, lte: now },
        deliveries: { some: { status: "confirmed" } },
        listing: { pledges: { some: { kg: { gt: 0 } } } },
      },
      orderBy: { activatedAt: "asc" },
      include: { listing: { include: { pledges: { include: { member: true } } } }, district: true, deliveries: { where: { status: "confirmed" } } },
    });
    const other = await db.district.findFirstOrThrow({ where: { provinceId: { not: contract.district.provinceId } } });
    const province = (await db.district.findMany({ where: { provinceId: contract.district.provinceId }, select: { id: true } })).map((d) => d.id);
    const scopes: ReportScope[] = [{ districtIds: null }, { districtIds: province }, { districtIds: [contract.districtId, other.id] }];
    const member = contract.listing.pledges.find((p) => p.kg > 0)!.member;
    const all = { districtIds: null };

    const first = await programmeReport(db, all, range, now);
    // Nothing written since: the very same report, from memory.
    expect((await programmeReport(db, all, range, now)).byDistrict).toBe(first.byDistrict);
    // A write no figure depends on keeps it too.
    const version = await dataVersion("programmeReport");
    await db.member.update({ where: { id: member.id }, data: { phone: "8562099990000" } });
    expect(await dataVersion("programmeReport")).toBe(version);
    expect((await programmeReport(db, all, range, now)).byDistrict).toBe(first.byDistrict);

    const newcomer = await db.member.create({
      data: {
        organisationId: contract.organisationId,
        name: "Newcomer",
        householdHeadSex: "female",
        memberSex: "female",
        birthYear: 2001,
        villageId: member.villageId,
      },
    });
    const second = await db.member.create({
      data: {
        organisationId: contract.organisationId,
        name: "Second",
        householdHeadSex: "male",
        memberSex: "male",
        birthYear: 1960,
        villageId: member.villageId,
      },
    });
    let pledgeId = "";
    const copyId = `copy-${contract.id}`;
    const youthYear = Number(toLaoDateInput(now).slice(0, 4)) - 20;
    const steps: { what: string; changes: boolean; write: () => Promise<unknown> }[] = [
      {
        what: "a member's sex corrected",
        changes: true,
        write: () => db.member.update({ where: { id: member.id }, data: { memberSex: member.memberSex === "female" ? "male" : "female" } }),
      },
      {
        what: "a household head's sex corrected",
        changes: true,
        write: () => db.member.update({ where: { id: member.id }, data: { householdHeadSex: member.householdHeadSex === "female" ? "male" : "female" } }),
      },
      {
        what: "a member's year of birth corrected",
        changes: true,
        write: () => db.member.update({ where: { id: member.id }, data: { birthYear: member.birthYear > youthYear - 20 ? 1950 : youthYear } }),
      },
      {
        what: "a household pledged to a listing in force",
        changes: true,
        write: async () => (pledgeId = (await db.pledge.create({ data: { listingId: contract.listingId, memberId: newcomer.id, kg: 100 } })).id),
      },
      { what: "its pledge set to 0 kg", changes: true, write: () => db.pledge.update({ where: { id: pledgeId }, data: { kg: 0 } }) },
      { what: "its pledge back to 50 kg", changes: true, write: () => db.pledge.update({ where: { id: pledgeId }, data: { kg: 50 } }) },
      {
        what: "its pledge moved to another household",
        changes: true,
        write: () => db.pledge.update({ where: { id: pledgeId }, data: { memberId: second.id } }),
      },
      { what: "its pledge removed", changes: true, write: () => db.pledge.delete({ where: { id: pledgeId } }) },
      {
        what: "a household written after its pledge (a bulk load, keys checked at commit)",
        changes: true,
        write: () =>
          db.$transaction(async (tx) => {
            await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
            await tx.pledge.create({ data: { listingId: contract.listingId, memberId: "bulk-member", kg: 70 } });
            await tx.member.create({
              data: {
                id: "bulk-member",
                organisationId: contract.organisationId,
                name: "Bulk",
                householdHeadSex: "male",
                memberSex: "female",
                birthYear: 1999,
                villageId: member.villageId,
              },
            });
          }),
      },
      {
        what: "a delivery contested",
        changes: true,
        write: async () => {
          await db.delivery.update({ where: { id: contract.deliveries[0]!.id }, data: { status: "contested" } });
          await refreshOverdueFrom(db, contract.id, now);
        },
      },
      {
        what: "the contract disputed (still in force)",
        changes: false,
        write: () => db.contract.update({ where: { id: contract.id }, data: { status: "disputed" } }),
      },
      { what: "the contract cancelled", changes: true, write: () => db.contract.update({ where: { id: contract.id }, data: { status: "cancelled" } }) },
      { what: "the contract in force again", changes: true, write: () => db.contract.update({ where: { id: contract.id }, data: { status: "active" } }) },
      {
        what: "the contract dated outside the period",
        changes: true,
        write: () => db.contract.update({ where: { id: contract.id }, data: { activatedAt: addDays(now, -500) } }),
      },
      {
        what: "the contract dated back",
        changes: true,
        write: () => db.contract.update({ where: { id: contract.id }, data: { activatedAt: contract.activatedAt } }),
      },
      {
        what: "a district renamed",
        changes: true,
        write: () => db.district.update({ where: { id: contract.districtId }, data: { nameEn: `${contract.district.nameEn} (renamed)` } }),
      },
      {
        what: "a second contract on the same listing, in a district of the other province",
        changes: true,
        write: () => copyContract(contract.id, copyId, other.id),
      },
      {
        what: "a member reached in both districts, sex corrected",
        changes: true,
        write: () => db.member.update({ where: { id: member.id }, data: { memberSex: member.memberSex } }),
      },
      { what: "the second contract superseded", changes: true, write: () => db.contract.update({ where: { id: copyId }, data: { status: "superseded" } }) },
    ];
    for (const step of steps) {
      const before = comparable(await programmeReport(db, all, range, now));
      await step.write();
      await expectEqualToRecount(step.what, scopes);
      const after = comparable(await programmeReport(db, all, range, now));
      if (step.changes) expect(after, step.what).not.toEqual(before);
      else expect(after, step.what).toEqual(before);
    }
  }, 120_000);

  it("count an FO and a household reached in two districts once in a total over both, and in each district's row", async () => {
    const contract = await db.contract.findFirstOrThrow({
      where: { status: { in: ["active", "completed"] }, activatedAt: { gte: addDays(now, -300) }, listing: { pledges: { some: { kg: { gt: 0 } } } } },
      orderBy: { activatedAt: "desc" },
      include: { district: true, listing: { include: { pledges: { where: { kg: { gt: 0 } } } } } },
    });
    const range = { from: toLaoDateInput(contract.activatedAt!), to: toLaoDateInput(contract.activatedAt!) };
    // A district of the other province that reached no one that day.
    let other: { id: string } | undefined;
    let before: Awaited<ReturnType<typeof programmeReport>> | undefined;
    for (const d of await db.district.findMany({ where: { provinceId: { not: contract.district.provinceId } } })) {
      const report = await programmeReport(db, { districtIds: [contract.districtId, d.id] }, range, now);
      if (report.reach.rows.find((x) => x.key === d.id)!.organisations === 0) [other, before] = [d, report];
    }
    expect(other).toBeDefined();
    const both = { districtIds: [contract.districtId, other!.id] };
    await copyContract(contract.id, `twin-${contract.id}`, other!.id);
    expect((await storedReportReach(db)).shared.length).toBeGreaterThan(1);
    const after = await programmeReport(db, both, range, now);
    const row = (id: string) => after.reach.rows.find((x) => x.key === id)!;
    // The other district now reached the FO and its households; the total over both did not grow.
    expect(row(other!.id)).toMatchObject({ organisations: 1, households: contract.listing.pledges.length });
    expect(after.reach.total.households).toBe(before!.reach.total.households);
    expect(after.reach.total.organisations).toBe(before!.reach.total.organisations);
    expect(after.sexYouth).toEqual(before!.sexYouth);
    expect(after.reach.rows.reduce((n, r) => n + r.households, 0)).toBeGreaterThan(after.reach.total.households);
    for (const scope of [both, { districtIds: null }, { districtIds: [other!.id] }])
      expect(comparable(await programmeReport(db, scope, range, now))).toEqual(comparable(await programmeReportFromRecords(db, scope, range, now)));
  });
});

/** A copy of a contract, in force, under another district: what a listing picked up across a district line would give (written behind the portal's back). */
async function copyContract(id: string, copyId: string, districtId: string) {
  const columns = (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('Contract')`)).map((c) => c.name);
  const value: Record<string, string> = {
    id: "?",
    number: `"number" || '-' || ?`,
    sequence: `"sequence" + 100000 + abs(random() % 100000)`,
    districtId: "?",
    previousContractId: "NULL",
    checkCode: "NULL",
  };
  const params = columns
    .filter((c) => c === "id" || c === "number" || c === "districtId")
    .map((c) => (c === "id" ? copyId : c === "number" ? copyId.slice(0, 8) : districtId));
  await db.$executeRawUnsafe(
    `INSERT INTO "Contract" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${columns.map((c) => value[c] ?? `"${c}"`).join(", ")} FROM "Contract" WHERE "id" = ?`,
    ...params,
    id,
  );
}
