// Either party gives notice on a framework in force, through a confirmation:
// recorded with its date and audited, told to the other party; the framework
// then takes no call-off for delivery after its last day, and none at all once
// that day has passed. A second notice, a facilitator and outsiders are refused.
import { beforeAll, describe, expect, it } from "vitest";
import { answerCallOff, giveNotice, proposeCallOff } from "~/domain/frameworks/framework.server";
import { action as frameworkAction, loader as frameworkLoader } from "~/routes/frameworks/detail";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { activeFramework, as } from "../fixtures/frameworks";

let facilitator: string;
beforeAll(async () => {
  const beng = await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } });
  facilitator = (await createUser({ roles: ["facilitator"] })).id;
  await db.facilitatorDistrict.create({ data: { userId: facilitator, districtId: beng.id } });
});

const post = async (frameworkId: string, userId: string, form: Record<string, string>) =>
  call(frameworkAction, await request(`/frameworks/${frameworkId}`, { userId, form }), { frameworkId });

describe("a notice of termination", () => {
  it("is given from its confirmation, recorded and audited with its date, and told to the other party", async () => {
    const { frameworkId, fo, trader } = await activeFramework();
    const unconfirmed = await post(frameworkId, fo.leader.id, { intent: "notice" });
    expect(locationOf(unconfirmed)).toBe(`/frameworks/${frameworkId}?confirm=notice#confirm`);
    expect((await db.frameworkContract.findUniqueOrThrow({ where: { id: frameworkId } })).noticeGivenAt).toBeNull();
    expect(statusOf(await post(frameworkId, facilitator, { intent: "notice", confirmed: "yes" }))).toBe(403);
    const stranger = await createUser({ roles: ["trader"] });
    expect(statusOf(await post(frameworkId, stranger.id, { intent: "notice", confirmed: "yes" }))).toBe(404);

    const given = await post(frameworkId, fo.leader.id, { intent: "notice", confirmed: "yes" });
    expect(locationOf(given)).toBe(`/frameworks/${frameworkId}?done=notice`);
    const row = await db.frameworkContract.findUniqueOrThrow({ where: { id: frameworkId } });
    expect(row).toMatchObject({ status: "active", noticeGivenByParty: "fo", noticeGivenById: fo.leader.id });
    expect(toLaoDateInput(row.noticeLastDay!)).toBe(toLaoDateInput(addDays(new Date(), 60)));
    expect(await db.auditEvent.count({ where: { entityId: frameworkId, action: "framework.noticeGiven" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: trader.trader.id, kind: "framework_notice" } })).toBe(1);

    const view = dataOf<{ framework: { phase: string; notice: unknown }; canGiveNotice: boolean; canCallOff: boolean }>(
      await call(frameworkLoader, await request(`/frameworks/${frameworkId}`, { userId: trader.trader.id }), { frameworkId }),
    );
    expect(view).toMatchObject({ framework: { phase: "ending" }, canGiveNotice: false, canCallOff: true });
    const again = await post(frameworkId, trader.trader.id, { intent: "notice", confirmed: "yes" });
    expect(statusOf(again)).toBe(409);
    expect(dataOf<{ message: string }>(again).message).toBe("frameworks:errors.noticeGiven");
  });

  it("refuses a call-off for delivery after the framework's end, and every call-off once it has ended", async () => {
    const { frameworkId, foActor, traderActor } = await activeFramework();
    const pending = await proposeCallOff(db, traderActor, frameworkId, { season: 2028, quantityKg: 800, deliveryDate: addDays(new Date(), 90) });
    if (!pending.ok) throw new Error(JSON.stringify(pending));
    expect((await giveNotice(db, traderActor, frameworkId)).ok).toBe(true);
    // 60 days' notice: a delivery in 90 days falls after the end, one in 30 days before it.
    expect(await proposeCallOff(db, foActor, frameworkId, { season: 2027, quantityKg: 1000, deliveryDate: addDays(new Date(), 61) })).toEqual({
      ok: false,
      reason: "afterEnd",
    });
    // The call-off proposed before the notice can no longer be accepted for its late delivery.
    expect(await answerCallOff(db, foActor, pending.callOffId, "accept")).toEqual({ ok: false, reason: "afterEnd" });
    const within = await proposeCallOff(db, foActor, frameworkId, { season: 2027, quantityKg: 1000, deliveryDate: addDays(new Date(), 30) });
    expect(within.ok).toBe(true);
    // Once the last day has passed, nothing more.
    const later = addDays(new Date(), 62);
    expect(await proposeCallOff(db, foActor, frameworkId, { season: 2029, quantityKg: 500, deliveryDate: addDays(new Date(), 40) }, later)).toEqual({
      ok: false,
      reason: "ended",
    });
    if (within.ok) expect(await answerCallOff(db, traderActor, within.callOffId, "accept", later)).toEqual({ ok: false, reason: "ended" });
    expect(await giveNotice(db, as({ id: foActor.id }, "fo_leader"), frameworkId, later)).toEqual({ ok: false, reason: "noticeGiven" });
    expect(await db.contract.count({ where: { frameworkId } })).toBe(0);
  });
});
