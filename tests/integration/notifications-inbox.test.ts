import { describe, expect, it } from "vitest";
import { INBOX_PAGE_SIZE } from "~/domain/notifications/inbox.server";
import { loader as rootLoader } from "~/root";
import { action, loader } from "~/routes/inbox";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";

type InboxData = {
  page: number;
  pageCount: number;
  unread: number;
  items: { id: string; title: string; body: string; link: string | null; unread: boolean; receivedAt: string }[];
};

const params = JSON.stringify({ listingLo: "ສາລີ ຊັ້ນ 1", listingEn: "Maize Grade 1", company: "Hongsa Feed Co." });

async function notificationsFor(userId: string, count: number, start = new Date("2031-01-10T01:00:00Z")) {
  for (let i = 0; i < count; i++) {
    await db.notification.create({
      data: { userId, kind: "offer_withdrawn", params, link: `/offers/o${i}`, createdAt: new Date(start.getTime() + i * 60_000) },
    });
  }
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
}

const inbox = async (userId: string, path = "/inbox") => dataOf<InboxData>(await call(loader, await request(path, { userId })));

describe("the inbox", () => {
  it("sends an anonymous visitor to sign in", async () => {
    const result = await call(loader, await request("/inbox"));
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe("/login?redirectTo=%2Finbox");
    const posted = await call(action, await request("/inbox", { form: { intent: "readAll" } }));
    expect(locationOf(posted)).toBe("/login?redirectTo=%2Finbox");
  });

  it("shows an empty inbox", async () => {
    const user = await createUser();
    expect(await inbox(user.id)).toEqual({ page: 1, pageCount: 1, unread: 0, unreadLabel: null, items: [] });
  });

  it("lists only the reader's own notifications, newest first, in the reader's language", async () => {
    const reader = await createUser({ locale: "en" });
    const other = await createUser({ locale: "en" });
    const own = await notificationsFor(reader.id, 2);
    await notificationsFor(other.id, 1);
    const data = await inbox(reader.id);
    expect(data.items.map((i) => i.id)).toEqual(own.map((n) => n.id));
    expect(data.items[0]).toMatchObject({
      title: "Offer withdrawn: Maize Grade 1",
      body: "Hongsa Feed Co. withdrew its offer for Maize Grade 1.",
      link: "/offers/o1",
      unread: true,
      receivedAt: "10/01/2031, 08:01",
    });
    expect(data.unread).toBe(2);

    const lao = await createUser({ locale: "lo" });
    await notificationsFor(lao.id, 1);
    const laoData = await inbox(lao.id);
    expect(laoData.items[0]).toMatchObject({ title: "ຂໍ້ສະເໜີຖືກຖອນ: ສາລີ ຊັ້ນ 1", receivedAt: "10/01/2031, 08:00" });
  });

  it("pages twenty at a time", async () => {
    const reader = await createUser({ locale: "en" });
    const all = await notificationsFor(reader.id, INBOX_PAGE_SIZE + 3);
    const first = await inbox(reader.id);
    expect(first).toMatchObject({ page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(INBOX_PAGE_SIZE);
    const second = await inbox(reader.id, "/inbox?page=2");
    expect(second.items.map((i) => i.id)).toEqual(all.slice(INBOX_PAGE_SIZE).map((n) => n.id));
    expect((await inbox(reader.id, "/inbox?page=99")).page).toBe(2);
    expect((await inbox(reader.id, "/inbox?page=abc")).page).toBe(1);
  });

  it("marks one notification read and follows its link", async () => {
    const reader = await createUser();
    const [newest, older] = await notificationsFor(reader.id, 2);
    const result = await call(action, await request("/inbox", { userId: reader.id, form: { intent: "read", id: newest!.id, page: "1" } }));
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe("/offers/o1");
    expect((await db.notification.findUniqueOrThrow({ where: { id: newest!.id } })).readAt).toBeInstanceOf(Date);
    expect((await db.notification.findUniqueOrThrow({ where: { id: older!.id } })).readAt).toBeNull();
    const data = await inbox(reader.id);
    expect(data.items.map((i) => i.unread)).toEqual([false, true]);
  });

  it("goes back to the inbox page when a notification has no link, or an unsafe one", async () => {
    const reader = await createUser();
    const plain = await db.notification.create({ data: { userId: reader.id, kind: "offer_rejected", params: "{}" } });
    const unsafe = await db.notification.create({ data: { userId: reader.id, kind: "offer_rejected", params: "{}", link: "//evil.example" } });
    for (const n of [plain, unsafe]) {
      const result = await call(action, await request("/inbox", { userId: reader.id, form: { intent: "read", id: n.id, page: "2" } }));
      expect(locationOf(result)).toBe("/inbox?page=2");
    }
  });

  it("marks all of the reader's notifications read, and nobody else's", async () => {
    const reader = await createUser();
    const other = await createUser();
    await notificationsFor(reader.id, 3);
    await notificationsFor(other.id, 2);
    const result = await call(action, await request("/inbox", { userId: reader.id, form: { intent: "readAll" } }));
    expect(locationOf(result)).toBe("/inbox?page=1");
    expect(await db.notification.count({ where: { userId: reader.id, readAt: null } })).toBe(0);
    expect(await db.notification.count({ where: { userId: other.id, readAt: null } })).toBe(2);
  });

  it("answers 404 for another user's notification and changes nothing", async () => {
    const reader = await createUser();
    const owner = await createUser();
    const [theirs] = await notificationsFor(owner.id, 1);
    const result = await call(action, await request("/inbox", { userId: reader.id, form: { intent: "read", id: theirs!.id } }));
    expect(statusOf(result)).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs!.id } })).readAt).toBeNull();
    expect(statusOf(await call(action, await request("/inbox", { userId: reader.id, form: { intent: "read", id: "nope" } })))).toBe(404);
  });

  it("refuses an unknown intent with 400", async () => {
    const reader = await createUser();
    const result = await call(action, await request("/inbox", { userId: reader.id, form: { intent: "delete" } }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({ intent: "validation:invalidChoice" });
  });
});

describe("the header's unread count", () => {
  it("counts the signed-in user's unread notifications", async () => {
    const reader = await createUser();
    const other = await createUser();
    const [read] = await notificationsFor(reader.id, 3);
    await notificationsFor(other.id, 4);
    await db.notification.update({ where: { id: read!.id }, data: { readAt: new Date() } });
    expect(dataOf<{ unreadCount: string | null }>(await call(rootLoader, await request("/", { userId: reader.id }))).unreadCount).toBe("2");
  });

  it("says nothing when everything is read, and nothing for an anonymous visitor", async () => {
    const reader = await createUser();
    const [only] = await notificationsFor(reader.id, 1);
    await db.notification.update({ where: { id: only!.id }, data: { readAt: new Date() } });
    expect(dataOf<{ unreadCount: string | null }>(await call(rootLoader, await request("/", { userId: reader.id }))).unreadCount).toBeNull();
    expect(dataOf<{ unreadCount: string | null; user: unknown }>(await call(rootLoader, await request("/")))).toMatchObject({ unreadCount: null, user: null });
  });

  it("stops counting past 99: a long inbox shows 99+ and costs no more than a short one", async () => {
    const reader = await createUser();
    await notificationsFor(reader.id, 101);
    expect(dataOf<{ unreadCount: string | null }>(await call(rootLoader, await request("/", { userId: reader.id }))).unreadCount).toBe("99+");
  });
});
