import { describe, expect, it } from "vitest";
import { runDueJobs, pruneHistory } from "~/domain/notifications/jobs.server";
import { companyStaffUserIds, leaderUserIds, notify } from "~/domain/notifications/notify.server";
import { dispatchOutbox, LogTransport, MAX_SEND_ATTEMPTS, type MessageTransport } from "~/domain/notifications/transport.server";
import { db } from "~/utils/db.server";
import { createUser } from "../fixtures/app";

const quiet = () => new LogTransport({ print: () => {} });
const HOUR = 3600_000;

const offerParams = { listingLo: "ສາລີ ຊັ້ນ 1, 12.000 ກິໂລ", listingEn: "Maize Grade 1, 12,000 kg", company: "Hongsa Feed Co.", price: 3100 };

async function organisationLedBy(userIds: string[]) {
  const village = await db.village.findFirstOrThrow({ where: { district: { nameEn: "Hongsa" } } });
  const org = await db.organisation.create({
    data: { nameLo: "ກຸ່ມທົດລອງ", nameEn: "Test FO", type: "cooperative", villageId: village.id, status: "verified" },
  });
  await db.organisationLeader.createMany({ data: userIds.map((userId) => ({ organisationId: org.id, userId })) });
  return { org, village };
}

async function listing(options: { leaderIds: string[]; status: string; deadlineInHours: number; now: Date }) {
  const { org, village } = await organisationLedBy(options.leaderIds);
  const district = await db.district.findUniqueOrThrow({ where: { id: village.districtId } });
  const grade = await db.cropGrade.findFirstOrThrow({ where: { crop: { code: { not: "" } } }, include: { crop: true } });
  return db.listing.create({
    data: {
      organisationId: org.id,
      cropId: grade.cropId,
      gradeId: grade.id,
      totalKg: 12000,
      availableFrom: options.now,
      availableUntil: new Date(options.now.getTime() + 30 * 24 * HOUR),
      districtId: district.id,
      provinceId: district.provinceId,
      offerMode: "open",
      offerDeadline: new Date(options.now.getTime() + options.deadlineInHours * HOUR),
      status: options.status,
      createdById: options.leaderIds[0]!,
    },
  });
}

async function clearOutbox() {
  // Each file has its own database, but earlier tests in this file leave messages behind.
  await db.outboxMessage.updateMany({ where: { status: { in: ["pending", "failed"] } }, data: { status: "sent" } });
}

describe("notify", () => {
  it("writes an inbox entry per user and queues messages in each user's language", async () => {
    const lao = await createUser({ locale: "lo", email: "lao-leader@test.la", phone: "8562055550001" });
    const english = await createUser({ locale: "en", email: "en-leader@test.la" });
    const unset = await createUser({ email: "unset-leader@test.la" });
    await db.$transaction((tx) =>
      notify(tx, { userIds: [lao.id, english.id, unset.id, lao.id], kind: "offer_received", params: offerParams, link: "/listings/x" }),
    );

    const notes = await db.notification.findMany({ where: { userId: { in: [lao.id, english.id, unset.id] } } });
    expect(notes).toHaveLength(3);
    expect(notes.every((n) => n.kind === "offer_received" && n.link === "/listings/x" && n.readAt === null)).toBe(true);
    expect(JSON.parse(notes[0]!.params)).toEqual(offerParams);

    const laoMessages = await db.outboxMessage.findMany({ where: { userId: lao.id }, orderBy: { channel: "asc" } });
    expect(laoMessages.map((m) => [m.channel, m.recipient, m.status])).toEqual([
      ["email", "lao-leader@test.la", "pending"],
      ["sms", "8562055550001", "pending"],
    ]);
    expect(laoMessages[0]!.subject).toBe("ມີຂໍ້ສະເໜີໃໝ່: ສາລີ ຊັ້ນ 1, 12.000 ກິໂລ");
    expect(laoMessages[1]!.body).toMatch(/ສະເໜີລາຄາ 3\.100 ກີບ/);
    expect(laoMessages[1]!.subject).toBeNull();

    const [englishMail] = await db.outboxMessage.findMany({ where: { userId: english.id } });
    expect(englishMail!.subject).toBe("New offer: Maize Grade 1, 12,000 kg");
    expect(englishMail!.body).toMatch(/^Hongsa Feed Co\. offers 3,100 LAK per kg/);
    expect(englishMail!.body).toMatch(/Inbox/);

    // No language chosen yet: Lao, the portal's first language.
    const [unsetMail] = await db.outboxMessage.findMany({ where: { userId: unset.id } });
    expect(unsetMail!.subject).toMatch(/^ມີຂໍ້ສະເໜີໃໝ່/);
  });

  it("sends only an SMS to a user without e-mail, and nothing outside the inbox to one with neither or a disabled account", async () => {
    const phoneOnly = await createUser({ locale: "en", phone: "8562055550002" });
    await db.user.update({ where: { id: phoneOnly.id }, data: { email: null } });
    const neither = await createUser({});
    await db.user.update({ where: { id: neither.id }, data: { email: null } });
    const disabled = await createUser({ phone: "8562055550003" });
    await db.user.update({ where: { id: disabled.id }, data: { status: "disabled" } });

    await db.$transaction((tx) =>
      notify(tx, {
        userIds: [phoneOnly.id, neither.id, disabled.id, "no-such-user"],
        kind: "offer_withdrawn",
        params: { listingLo: "ສາລີ", listingEn: "Maize", company: "ACME" },
      }),
    );
    expect(await db.notification.count({ where: { userId: { in: [phoneOnly.id, neither.id, disabled.id] } } })).toBe(3);
    const messages = await db.outboxMessage.findMany({ where: { userId: { in: [phoneOnly.id, neither.id, disabled.id] } } });
    expect(messages.map((m) => [m.userId, m.channel, m.body])).toEqual([[phoneOnly.id, "sms", "ACME withdrew its offer for Maize."]]);
  });

  it("writes nothing when the caller's transaction fails", async () => {
    const user = await createUser({ locale: "en" });
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, { userIds: [user.id], kind: "offer_rejected", params: { listingLo: "ສາລີ", listingEn: "Maize" } });
        throw new Error("the offer could not be saved");
      }),
    ).rejects.toThrow();
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { userId: user.id } })).toBe(0);
  });

  it("finds an FO's leaders and a company's staff", async () => {
    const [a, b, outsider] = await Promise.all([createUser(), createUser(), createUser()]);
    const { org } = await organisationLedBy([a.id, b.id]);
    const province = await db.province.findFirstOrThrow();
    const company = await db.traderCompany.create({ data: { name: "Staffed Co.", licenceNumber: "L-9", baseProvinceId: province.id } });
    await db.traderStaff.create({ data: { companyId: company.id, userId: outsider.id } });
    expect((await leaderUserIds(db, org.id)).sort()).toEqual([a.id, b.id].sort());
    expect(await companyStaffUserIds(db, company.id)).toEqual([outsider.id]);
  });
});

describe("dispatchOutbox", () => {
  it("sends each pending message once, even when two dispatchers run at the same moment", async () => {
    await clearOutbox();
    const users = await Promise.all([1, 2, 3].map((i) => createUser({ locale: "en", phone: `856205555100${i}` })));
    await db.$transaction((tx) => notify(tx, { userIds: users.map((u) => u.id), kind: "offer_rejected", params: { listingLo: "ສາລີ", listingEn: "Maize" } }));
    const first = quiet();
    const second = quiet();
    const results = await Promise.all([dispatchOutbox(db, first, { limit: 50 }), dispatchOutbox(db, second, { limit: 50 })]);

    const sent = [...first.sent, ...second.sent];
    expect(sent).toHaveLength(6); // e-mail and SMS for three users
    expect(new Set(sent.map((m) => `${m.channel}:${m.recipient}`)).size).toBe(6);
    expect(results[0].sent + results[1].sent).toBe(6);
    const rows = await db.outboxMessage.findMany({ where: { userId: { in: users.map((u) => u.id) } } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.sentAt instanceof Date)).toBe(true);

    // Nothing is sent again.
    expect(await dispatchOutbox(db, first)).toEqual({ sent: 0, failed: 0 });
  });

  it("retries a failed message and gives up after three attempts", async () => {
    await clearOutbox();
    const user = await createUser({ locale: "en" });
    await db.$transaction((tx) => notify(tx, { userIds: [user.id], kind: "offer_rejected", params: { listingLo: "ສາລີ", listingEn: "Maize" } }));
    const failing: MessageTransport = { send: () => Promise.reject(new Error("SMTP server unreachable")) };

    // Each retry waits longer: an hour later is past every pause.
    let at = Date.now();
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      const now = new Date(at);
      expect(await dispatchOutbox(db, failing, { now: () => now })).toEqual({ sent: 0, failed: 1 });
      const row = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id } });
      expect(row).toMatchObject({ status: "failed", attempts: attempt, lastError: "SMTP server unreachable", sentAt: null });
      // Not tried again before its pause is over.
      expect(await dispatchOutbox(db, failing, { now: () => new Date(at + 1000) })).toEqual({ sent: 0, failed: 0 });
      at += HOUR;
    }
    const later = quiet();
    expect(await dispatchOutbox(db, later, { now: () => new Date(at + 24 * HOUR) })).toEqual({ sent: 0, failed: 0 });
    expect(later.sent).toHaveLength(0);
  });

  it("sends a message that failed once when the transport recovers", async () => {
    await clearOutbox();
    const user = await createUser({ locale: "en" });
    await db.$transaction((tx) => notify(tx, { userIds: [user.id], kind: "offer_rejected", params: { listingLo: "ສາລີ", listingEn: "Maize" } }));
    await dispatchOutbox(db, { send: () => Promise.reject(new Error("timeout")) });
    const transport = quiet();
    expect(await dispatchOutbox(db, transport, { now: () => new Date(Date.now() + HOUR) })).toEqual({ sent: 1, failed: 0 });
    expect(transport.sent[0]).toMatchObject({ channel: "email", recipient: user.email, subject: "Offer not accepted: Maize" });
    expect(await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });
});

describe("runDueJobs", () => {
  it("tells FO leaders once about each live listing whose deadline is within 48 hours", async () => {
    await clearOutbox();
    const now = new Date("2031-06-01T03:00:00Z");
    const leader = await createUser({ locale: "en", email: "expiring-leader@test.la" });
    const secretary = await createUser({ locale: "lo", phone: "8562055552001" });
    const soon = await listing({ leaderIds: [leader.id, secretary.id], status: "open", deadlineInHours: 30, now });
    const negotiating = await listing({ leaderIds: [leader.id], status: "under_negotiation", deadlineInHours: 47, now });
    const ignored = await Promise.all([
      listing({ leaderIds: [leader.id], status: "draft", deadlineInHours: 10, now }),
      listing({ leaderIds: [leader.id], status: "closed", deadlineInHours: 10, now }),
      listing({ leaderIds: [leader.id], status: "withdrawn", deadlineInHours: 10, now }),
      listing({ leaderIds: [leader.id], status: "open", deadlineInHours: 72, now }),
      listing({ leaderIds: [leader.id], status: "open", deadlineInHours: -1, now }),
    ]);

    const transport = quiet();
    const [a, b] = await Promise.all([runDueJobs(db, now, { transport }), runDueJobs(db, now, { transport })]);
    expect(a.expiryNotices + b.expiryNotices).toBe(2);

    const notes = await db.notification.findMany({ where: { kind: "listing_expiring", userId: { in: [leader.id, secretary.id] } } });
    expect(notes.map((n) => [n.userId, n.link]).sort()).toEqual(
      [
        [leader.id, `/listings/${soon.id}`],
        [secretary.id, `/listings/${soon.id}`],
        [leader.id, `/listings/${negotiating.id}`],
      ].sort(),
    );
    for (const l of [soon, negotiating]) {
      expect((await db.listing.findUniqueOrThrow({ where: { id: l.id } })).expiryNoticeAt).toEqual(now);
      expect(await db.auditEvent.count({ where: { entityId: l.id, action: "listing.expiry_notice_sent" } })).toBe(1);
    }
    for (const l of ignored) expect((await db.listing.findUniqueOrThrow({ where: { id: l.id } })).expiryNoticeAt).toBeNull();

    // The outbox went out in the same run, each message in its reader's language.
    const mails = transport.sent.filter((m) => m.recipient === "expiring-leader@test.la");
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Offers close soon: /), expect.stringMatching(/^Offers close soon: /)]);
    expect(mails.map((m) => m.body.match(/until (.*?)\./)?.[1]).sort()).toEqual(["02/06/2031, 16:00", "03/06/2031, 09:00"]);
    expect(transport.sent.find((m) => m.recipient === "8562055552001")?.body).toContain("ຮັບຂໍ້ສະເໜີຮອດ 02/06/2031, 16:00");

    // An hour later nothing is sent again.
    const again = await runDueJobs(db, new Date(now.getTime() + HOUR), { transport: quiet() });
    expect(again).toEqual({ expiryNotices: 0, sent: 0, failed: 0 });
    expect(await db.notification.count({ where: { kind: "listing_expiring", userId: leader.id } })).toBe(2);
  });
});

describe("pruneHistory", () => {
  it("deletes old read notifications, very old unread ones, expired sessions and stale sign-in failures, a batch at a time", async () => {
    const now = new Date("2032-06-01T03:00:00Z");
    const day = 86_400_000;
    const reader = await createUser();
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day);
    const make = (daysAgo: number, read: boolean) =>
      db.notification.create({
        data: { userId: reader.id, kind: "offer_withdrawn", params: "{}", createdAt: at(daysAgo), readAt: read ? at(daysAgo - 1) : null },
      });
    const keptRead = await make(100, true);
    const keptUnread = await make(300, false);
    await make(200, true);
    await make(400, false);
    await db.session.create({ data: { id: `live-${reader.id}`, userId: reader.id, expiresAt: at(-3) } });
    await db.session.create({ data: { id: `gone-${reader.id}`, userId: reader.id, expiresAt: at(1) } });
    await db.signInFailure.create({ data: { identifier: `x-${reader.id}`, createdAt: at(2) } });

    const result = await pruneHistory(db, now);
    expect(result.notifications).toBeGreaterThanOrEqual(2);
    expect((await db.notification.findMany({ where: { userId: reader.id }, select: { id: true } })).map((n) => n.id).sort()).toEqual(
      [keptRead.id, keptUnread.id].sort(),
    );
    expect((await db.session.findMany({ where: { userId: reader.id }, select: { id: true } })).map((s) => s.id)).toEqual([`live-${reader.id}`]);
    expect(await db.signInFailure.count({ where: { identifier: `x-${reader.id}` } })).toBe(0);
  });
});
