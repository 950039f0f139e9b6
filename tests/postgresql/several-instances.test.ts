// Two instances of the portal on one PostgreSQL database run the scheduled
// jobs (app/domain/notifications/jobs.server) at the same moment: each has its
// own client and connection pool, as two processes have. Every queued message
// is sent exactly once, the weekly price SMS is queued once per household,
// each expiring listing's leaders are told once, and pruning by both deletes
// each old row once, without either instance failing.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "~/domain/notifications/outbox.server";
import { pruneHistory, runDueJobs } from "~/domain/notifications/jobs.server";
import type { MessageTransport, OutgoingMessage } from "~/domain/notifications/transport.server";
import { queueWeeklyMemberPrices } from "~/domain/notifications/weekly-member-prices.server";
import { openDb, type Db } from "~/utils/db.server";
import { seedContractTemplates } from "../../prisma/seed/contract-templates";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { seedDemoMarket } from "../../prisma/seed/demo-market";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import { seedReferencePrices } from "../../prisma/seed/reference-prices";
import { freshPostgres } from "./engines";

let one: Db;
let two: Db;
const cleanUps: (() => unknown)[] = [];

/** Records what it sends, and gives the other instance time to run between a claim and the send. */
class RecordingTransport implements MessageTransport {
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    await sleep(Math.random() * 3);
    this.sent.push(message);
  }
}

beforeAll(async () => {
  const database = await freshPostgres();
  cleanUps.push(() => database.drop());
  const seeder = await openDb(database.url);
  try {
    await seedReferenceData(seeder);
    await seedContractTemplates(seeder);
    await seedReferencePrices(seeder);
    await seedDemoData(seeder);
    await seedDemoMarket(seeder);
  } finally {
    await seeder.$disconnect();
  }
  one = await openDb(database.url);
  two = await openDb(database.url);
  cleanUps.push(
    () => one.$disconnect(),
    () => two.$disconnect(),
  );
}, 240_000);

afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
});

describe("two instances on one PostgreSQL database", () => {
  it("send each queued message exactly once, also those whose dispatcher died mid-send", async () => {
    await one.outboxMessage.deleteMany();
    const n = 80;
    await one.outboxMessage.createMany({
      data: Array.from({ length: n }, (_, i) => ({ channel: "sms", recipient: `+8562055${String(i).padStart(6, "0")}`, body: `message ${i}` })),
    });
    // A quarter were claimed by a process that stopped: their lease has passed, both instances see them due.
    const stale = (await one.outboxMessage.findMany({ orderBy: { recipient: "asc" }, take: n / 4, select: { id: true } })).map((m) => m.id);
    await one.outboxMessage.updateMany({
      where: { id: { in: stale } },
      data: { status: "sending", attempts: 1, leaseUntil: new Date(Date.now() - 60_000) },
    });

    const first = new RecordingTransport();
    const second = new RecordingTransport();
    const totals = { sent: 0, failed: 0 };
    for (let round = 0; round < 4; round++) {
      // Each run reads every due message, so both race for every claim.
      const results = await Promise.all([dispatchOutbox(one, first, { limit: n }), dispatchOutbox(two, second, { limit: n })]);
      for (const r of results) {
        totals.sent += r.sent;
        totals.failed += r.failed;
      }
    }

    const recipients = [...first.sent, ...second.sent].map((m) => m.recipient).sort();
    expect(recipients).toHaveLength(n);
    expect(new Set(recipients).size).toBe(n);
    expect(totals).toEqual({ sent: n, failed: 0 });
    // Both took part: the race was real, not one instance doing it all before the other looked.
    expect(first.sent.length).toBeGreaterThan(0);
    expect(second.sent.length).toBeGreaterThan(0);
    const rows = await one.outboxMessage.groupBy({ by: ["status", "attempts"], _count: { _all: true }, orderBy: { attempts: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts, r._count._all])).toEqual([
      ["sent", 1, (3 * n) / 4],
      ["sent", 2, n / 4],
    ]);
  });

  it("queue the week's price SMS once per household when both run the weekly job at once", async () => {
    await one.outboxMessage.deleteMany();
    const now = new Date();
    const results = await Promise.allSettled([queueWeeklyMemberPrices(one, now), queueWeeklyMemberPrices(two, now)]);
    // Neither instance fails: the one that loses a household's race goes on with the next household.
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const [a, b] = results.map((r) => (r.status === "fulfilled" ? r.value : 0));
    const queued = await one.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "weekly-price:" } }, select: { memberId: true } });
    expect(queued.length).toBeGreaterThan(3);
    expect(a! + b!).toBe(queued.length);
    expect(new Set(queued.map((m) => m.memberId)).size).toBe(queued.length);
    // And a later run by either queues nothing more.
    expect(await queueWeeklyMemberPrices(two, now)).toBe(0);
  });

  it("tell the leaders of each expiring listing once when both run the due jobs at once", async () => {
    await one.outboxMessage.deleteMany();
    const now = new Date();
    const listings = await one.listing.findMany({ where: { status: "open" }, take: 4, select: { id: true } });
    expect(listings.length).toBeGreaterThan(1);
    // Only the chosen listings are due: every other one counts as told already.
    await one.listing.updateMany({ data: { expiryNoticeAt: now } });
    await one.listing.updateMany({
      where: { id: { in: listings.map((l) => l.id) } },
      data: { offerDeadline: new Date(now.getTime() + 24 * 3600_000), expiryNoticeAt: null },
    });

    const results = await Promise.all([
      runDueJobs(one, now, { transport: new RecordingTransport() }),
      runDueJobs(two, now, { transport: new RecordingTransport() }),
    ]);
    expect(results[0]!.expiryNotices + results[1]!.expiryNotices).toBe(listings.length);
    for (const listing of listings) {
      const audits = await one.auditEvent.count({ where: { action: "listing.expiry_notice_sent", entityId: listing.id } });
      expect(audits, listing.id).toBe(1);
      const notices = await one.notification.findMany({ where: { kind: "listing_expiring", link: `/listings/${listing.id}` }, select: { userId: true } });
      expect(notices.length, listing.id).toBeGreaterThan(0);
      expect(new Set(notices.map((n) => n.userId)).size, listing.id).toBe(notices.length);
    }
  });

  it("prune old rows once between them, neither failing", async () => {
    const now = new Date();
    const user = await one.user.findFirstOrThrow({ select: { id: true } });
    const old = new Date(now.getTime() - 400 * 86_400_000);
    const before = await one.notification.count();
    await one.notification.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({ userId: user.id, kind: "listing_expiring", params: "{}", link: `/old/${i}`, createdAt: old })),
    });
    await one.session.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({ id: `old-session-${i}`, userId: user.id, expiresAt: new Date(now.getTime() - 1000) })),
    });
    const sessions = await one.session.count({ where: { expiresAt: { lte: now } } });

    const results = await Promise.allSettled([pruneHistory(one, now), pruneHistory(two, now)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const [a, b] = results.map((r) => (r.status === "fulfilled" ? r.value : { notifications: 0, sessions: 0, signInFailures: 0 }));
    expect(a!.sessions + b!.sessions).toBe(sessions);
    expect(await one.session.count({ where: { expiresAt: { lte: now } } })).toBe(0);
    expect(await one.notification.count({ where: { link: { startsWith: "/old/" } } })).toBe(0);
    expect(a!.notifications + b!.notifications).toBeGreaterThanOrEqual(300);
    expect(await one.notification.count()).toBe(before + 300 - a!.notifications - b!.notifications);
  });
});
