// The demo seed's last step: each demo account opens its inbox with a handful of
// recent, actionable notifications unread instead of everything the seed raised.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { seedDemoMarket } from "../../prisma/seed/demo-market";
import { seedDemoContracts } from "../../prisma/seed/demo-contracts";
import { seedDemoHistory } from "../../prisma/seed/demo-history";
import { DEMO_UNREAD_KEPT, readOldDemoNotifications } from "../../prisma/seed/demo-inbox";

const now = new Date();
let unreadBefore: Map<string, string[]>;

const unreadByUser = async () => {
  const rows = await db.notification.findMany({ where: { readAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const map = new Map<string, string[]>();
  for (const n of rows) map.set(n.userId, [...(map.get(n.userId) ?? []), n.id]);
  return map;
};

beforeAll(async () => {
  await seedDemoData(db);
  await seedDemoMarket(db, now);
  await seedDemoContracts(db, now);
  await seedDemoHistory(db, now);
  unreadBefore = await unreadByUser();
  await readOldDemoNotifications(db, now);
}, 180_000);

describe("readOldDemoNotifications", () => {
  it("leaves the demo leader a handful of their newest notifications with a link unread, and reads the rest", async () => {
    const leader = await db.user.findUniqueOrThrow({ where: { email: "leader@demo.la" } });
    expect(unreadBefore.get(leader.id)!.length).toBeGreaterThan(DEMO_UNREAD_KEPT);
    const unread = await db.notification.findMany({ where: { userId: leader.id, readAt: null } });
    expect(unread).toHaveLength(DEMO_UNREAD_KEPT);
    expect(unread.every((n) => n.link !== null)).toBe(true);
    const newestRead = await db.notification.findFirst({
      where: { userId: leader.id, readAt: { not: null }, link: { not: null } },
      orderBy: { createdAt: "desc" },
    });
    expect(Math.min(...unread.map((n) => n.createdAt.getTime()))).toBeGreaterThanOrEqual(newestRead!.createdAt.getTime());
    expect(await db.notification.count({ where: { userId: leader.id, readAt: now } })).toBe(unreadBefore.get(leader.id)!.length - DEMO_UNREAD_KEPT);
  });

  it("keeps at most that many unread for every user, and changes nothing on a second run", async () => {
    const after = await unreadByUser();
    for (const ids of after.values()) expect(ids.length).toBeLessThanOrEqual(DEMO_UNREAD_KEPT);
    expect(after.size).toBeGreaterThanOrEqual(2);
    expect(await readOldDemoNotifications(db, now)).toBe(0);
    expect(await unreadByUser()).toEqual(after);
  });
});
