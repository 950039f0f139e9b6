import { describe, expect, it } from "vitest";
import { addMediationNote, answerDispute, raiseDispute, resolveDispute } from "~/domain/disputes/disputes.server";
import { action as disputesAction, loader as disputesLoader } from "~/routes/contracts/disputes";
import { loader as facilitatorLoader } from "~/routes/facilitator/index";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { acceptedContract as accepted, contractInForce } from "../fixtures/contracts";
import { createCompany, createFo } from "../fixtures/market";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });

/** A facilitator of the contract's district beside its parties, each as the actor the domain functions take. */
async function withMediator<T extends Awaited<ReturnType<typeof accepted>>>(scene: T) {
  const facilitator = await createUser({ roles: ["facilitator"] });
  await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: scene.contract.districtId } });
  return { ...scene, facilitator, leader: scene.foActor, buyer: scene.traderActor, mediator: as(facilitator, "facilitator") };
}

const acceptedContract = async () => withMediator(await accepted());

/** A contract both parties have signed: in force. */
const activeContract = async () => withMediator(await contractInForce());

async function otherDistrictFacilitator(districtId: string) {
  const user = await createUser({ roles: ["facilitator"] });
  const elsewhere = await db.district.findFirstOrThrow({ where: { id: { not: districtId } } });
  await db.facilitatorDistrict.create({ data: { userId: user.id, districtId: elsewhere.id } });
  return user;
}

async function raised(scene: Awaited<ReturnType<typeof activeContract>>, statement = "The scale showed 2,900 kg; our own scale showed 3,000 kg.") {
  const result = await raiseDispute(db, scene.leader, scene.contract.id, { category: "weight", statement });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.disputeId;
}

const contractStatus = async (id: string) => (await db.contract.findUniqueOrThrow({ where: { id } })).status;
const page = (contractId: string, userId?: string, form?: Record<string, string>) =>
  request(`/contracts/${contractId}/disputes`, { userId, form, headers: { Cookie: "lng=en" } }).then((req) =>
    call(form ? disputesAction : disputesLoader, req, { contractId }),
  );

describe("raising a dispute", () => {
  it("puts the contract in dispute and tells the other party and the district's facilitators", async () => {
    const scene = await activeContract();
    const versionBefore = (await db.contract.findUniqueOrThrow({ where: { id: scene.contract.id } })).version;
    const disputeId = await raised(scene);

    const after = await db.contract.findUniqueOrThrow({ where: { id: scene.contract.id } });
    expect(after.status).toBe("disputed");
    expect(after.version).toBe(versionBefore + 1);
    expect(after.sha256).toBe(scene.contract.sha256);
    expect(await db.dispute.findUniqueOrThrow({ where: { id: disputeId } })).toMatchObject({
      category: "weight",
      raisedByParty: "fo",
      raisedById: scene.fo.leader.id,
      status: "open",
      answer: null,
    });
    expect(await db.notification.count({ where: { userId: scene.trader.trader.id, kind: "dispute_raised" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: scene.facilitator.id, kind: "dispute_raised" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: scene.fo.leader.id, kind: "dispute_raised" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: disputeId, action: "dispute.raised" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: scene.contract.id, action: "contract.disputed" } })).toBe(1);

    // A second dispute on a contract already in dispute is allowed, by either side.
    const second = await raiseDispute(db, scene.buyer, scene.contract.id, {
      category: "side_selling",
      statement: "Part of the maize was sold to another buyer.",
    });
    expect(second.ok).toBe(true);
    expect(await contractStatus(scene.contract.id)).toBe("disputed");
    expect(await db.notification.count({ where: { userId: scene.fo.leader.id, kind: "dispute_raised" } })).toBe(1);
  });

  it("raises through the page without JavaScript and redirects back to the list", async () => {
    const scene = await activeContract();
    const before = dataOf<{ raiseAs: string[]; disputes: unknown[] }>(await page(scene.contract.id, scene.fo.leader.id));
    expect(before.raiseAs).toEqual(["fo"]);
    expect(before.disputes).toEqual([]);
    const result = await page(scene.contract.id, scene.fo.leader.id, {
      intent: "raise",
      category: "moisture_quality",
      statement: "The meter read 18 %, ours 14 %.",
    });
    expect(locationOf(result)).toBe(`/contracts/${scene.contract.id}/disputes?done=raised`);
    expect(await contractStatus(scene.contract.id)).toBe("disputed");
  });

  it("is refused on a contract still awaiting signatures", async () => {
    const scene = await acceptedContract();
    expect(await raiseDispute(db, scene.leader, scene.contract.id, { category: "price", statement: "Too low." })).toEqual({
      ok: false,
      reason: "contractNotActive",
    });
    expect(dataOf<{ raiseAs: string[] }>(await page(scene.contract.id, scene.fo.leader.id)).raiseAs).toEqual([]);
    const viaPage = await page(scene.contract.id, scene.fo.leader.id, { intent: "raise", category: "price", statement: "Too low." });
    expect(statusOf(viaPage)).toBe(409);
    expect(await db.dispute.count({ where: { contractId: scene.contract.id } })).toBe(0);
    expect(await contractStatus(scene.contract.id)).toBe("awaiting_signatures");
  });

  it("gives field errors for bad input and writes nothing", async () => {
    const scene = await activeContract();
    const missing = await page(scene.contract.id, scene.fo.leader.id, { intent: "raise", category: "price", statement: "   " });
    expect(statusOf(missing)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(missing).fieldErrors).toEqual({ statement: "validation:required" });
    const unknown = await page(scene.contract.id, scene.fo.leader.id, { intent: "raise", category: "weather", statement: "It rained." });
    expect(dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(unknown)).toMatchObject({
      fieldErrors: { category: "validation:invalidChoice" },
      values: { statement: "It rained." },
    });
    expect(await raiseDispute(db, scene.leader, scene.contract.id, { category: "weather" as never, statement: "" })).toEqual({
      ok: false,
      fieldErrors: { category: "validation:invalidChoice", statement: "validation:required" },
    });
    expect(await db.dispute.count({ where: { contractId: scene.contract.id } })).toBe(0);
    expect(await contractStatus(scene.contract.id)).toBe("active");

    const disputeId = await raised(scene);
    const emptyNote = await page(scene.contract.id, scene.facilitator.id, { intent: "mediate", disputeId, note: "" });
    expect(statusOf(emptyNote)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string>; disputeId: string }>(emptyNote)).toMatchObject({
      fieldErrors: { note: "validation:required" },
      disputeId,
    });
    expect(await addMediationNote(db, scene.mediator, disputeId, { note: " " })).toEqual({ ok: false, fieldErrors: { note: "validation:required" } });
    expect(await answerDispute(db, scene.buyer, disputeId, { answer: "" })).toEqual({ ok: false, fieldErrors: { answer: "validation:required" } });
    expect(await resolveDispute(db, scene.mediator, disputeId, { outcome: "" })).toEqual({ ok: false, fieldErrors: { outcome: "validation:required" } });
    expect(await db.disputeEntry.count({ where: { disputeId } })).toBe(0);
    expect((await db.dispute.findUniqueOrThrow({ where: { id: disputeId } })).status).toBe("open");
  });
});

describe("answering", () => {
  it("is for the other party only, once, and goes into the log", async () => {
    const scene = await activeContract();
    const disputeId = await raised(scene);
    expect(await answerDispute(db, scene.leader, disputeId, { answer: "We insist." })).toEqual({ ok: false, reason: "notAllowed" });
    expect(await answerDispute(db, scene.mediator, disputeId, { answer: "Hm." })).toEqual({ ok: false, reason: "notAllowed" });
    const raiserViaPage = await page(scene.contract.id, scene.fo.leader.id, { intent: "answer", disputeId, answer: "We insist." });
    expect(statusOf(raiserViaPage)).toBe(403);

    const view = dataOf<{ disputes: { canAnswer: boolean; canMediate: boolean }[] }>(await page(scene.contract.id, scene.trader.trader.id));
    expect(view.disputes[0]).toMatchObject({ canAnswer: true, canMediate: false });
    const answered = await page(scene.contract.id, scene.trader.trader.id, { intent: "answer", disputeId, answer: "Our scale was certified last month." });
    expect(locationOf(answered)).toBe(`/contracts/${scene.contract.id}/disputes?done=answered`);
    expect(await answerDispute(db, scene.buyer, disputeId, { answer: "Again." })).toEqual({ ok: false, reason: "alreadyAnswered" });

    const dispute = await db.dispute.findUniqueOrThrow({ where: { id: disputeId }, include: { entries: true } });
    expect(dispute).toMatchObject({ status: "answered", answer: "Our scale was certified last month." });
    expect(dispute.answeredAt).toBeInstanceOf(Date);
    expect(dispute.entries.map((e) => [e.kind, e.note, e.authorId])).toEqual([["answer", "Our scale was certified last month.", scene.trader.trader.id]]);
    expect(await db.notification.count({ where: { userId: scene.fo.leader.id, kind: "dispute_answered" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: disputeId, action: "dispute.answered" } })).toBe(1);
  });
});

describe("mediation by a facilitator of the district", () => {
  it("logs dated notes, records the outcome, and puts the contract back in force when no dispute remains open", async () => {
    const scene = await activeContract();
    const first = await raised(scene);
    const second = await raiseDispute(db, scene.buyer, scene.contract.id, { category: "non_delivery", statement: "Only half was delivered." });
    if (!second.ok) throw new Error(JSON.stringify(second));

    const noteAt = new Date("2026-03-05T02:00:00Z");
    expect(await addMediationNote(db, scene.mediator, first, { note: "Met both sides at the village office; re-weighed 10 bags." }, noteAt)).toMatchObject({
      ok: true,
    });
    expect(await db.notification.count({ where: { userId: scene.fo.leader.id, kind: "dispute_mediation_note" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: scene.trader.trader.id, kind: "dispute_mediation_note" } })).toBe(1);
    expect(await addMediationNote(db, scene.leader, first, { note: "Me too." })).toEqual({ ok: false, reason: "notAllowed" });

    const view = dataOf<{ disputes: { id: string; canMediate: boolean; version: number; entries: { kind: string; createdAt: string }[] }[] }>(
      await page(scene.contract.id, scene.facilitator.id),
    );
    const firstView = view.disputes.find((d) => d.id === first)!;
    expect(firstView.canMediate).toBe(true);
    expect(firstView.entries).toEqual([expect.objectContaining({ kind: "mediation", createdAt: noteAt.toISOString() })]);

    expect(await resolveDispute(db, scene.mediator, first, { outcome: "The trader pays for 50 kg more.", expectedVersion: firstView.version })).toEqual({
      ok: true,
      disputeId: first,
      contractStatus: "disputed",
    });
    expect(await contractStatus(scene.contract.id)).toBe("disputed");
    expect(await db.notification.count({ where: { userId: scene.fo.leader.id, kind: "dispute_resolved" } })).toBe(1);

    const secondVersion = (await db.dispute.findUniqueOrThrow({ where: { id: second.disputeId } })).version;
    const viaPage = await page(scene.contract.id, scene.facilitator.id, {
      intent: "resolve",
      disputeId: second.disputeId,
      version: String(secondVersion),
      outcome: "The FO delivers the rest within 14 days.",
    });
    expect(locationOf(viaPage)).toBe(`/contracts/${scene.contract.id}/disputes?done=contractActive`);
    expect(await contractStatus(scene.contract.id)).toBe("active");
    expect(await db.auditEvent.count({ where: { entityId: scene.contract.id, action: "contract.disputes_resolved" } })).toBe(1);

    const settled = await db.dispute.findUniqueOrThrow({ where: { id: first }, include: { entries: { orderBy: { createdAt: "asc" } } } });
    expect(settled).toMatchObject({ status: "resolved", outcome: "The trader pays for 50 kg more." });
    expect(settled.entries.map((e) => e.kind)).toEqual(["mediation", "outcome"]);
    expect(await addMediationNote(db, scene.mediator, first, { note: "Late note." })).toEqual({ ok: false, reason: "alreadyResolved" });
    expect(await resolveDispute(db, scene.mediator, first, { outcome: "Again." })).toEqual({ ok: false, reason: "alreadyResolved" });
  });

  it("keeps one outcome when two facilitators resolve at once", async () => {
    const scene = await activeContract();
    const disputeId = await raised(scene);
    const colleague = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: colleague.id, districtId: scene.contract.districtId } });
    const { version } = await db.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    const results = await Promise.all([
      resolveDispute(db, scene.mediator, disputeId, { outcome: "Outcome A", expectedVersion: version }),
      resolveDispute(db, as(colleague, "facilitator"), disputeId, { outcome: "Outcome B", expectedVersion: version }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: expect.stringMatching(/^(changed|alreadyResolved)$/) });
    const dispute = await db.dispute.findUniqueOrThrow({ where: { id: disputeId }, include: { entries: true } });
    expect(dispute.status).toBe("resolved");
    expect(dispute.entries.filter((e) => e.kind === "outcome")).toHaveLength(1);
    expect(dispute.entries[0]!.note).toBe(dispute.outcome);
    expect(await contractStatus(scene.contract.id)).toBe("active");

    // An outcome written from a reading older than the last note is refused too.
    const again = await raised(scene);
    const stale = (await db.dispute.findUniqueOrThrow({ where: { id: again } })).version;
    await addMediationNote(db, as(colleague, "facilitator"), again, { note: "Both sides agree to re-weigh." });
    expect(await resolveDispute(db, scene.mediator, again, { outcome: "Closed.", expectedVersion: stale })).toEqual({ ok: false, reason: "changed" });
    expect(await contractStatus(scene.contract.id)).toBe("disputed");
  });
});

describe("who sees disputes", () => {
  it("shows them to the parties and the district's facilitators, 404 to everyone else, sign-in to the anonymous", async () => {
    const scene = await activeContract();
    await raised(scene);
    const cases: [string, number][] = [
      [scene.fo.leader.id, 200],
      [scene.trader.trader.id, 200],
      [scene.facilitator.id, 200],
      [(await otherDistrictFacilitator(scene.contract.districtId)).id, 404],
      [(await createCompany()).trader.id, 404],
      [(await createFo()).leader.id, 404],
      [(await createUser({ roles: ["admin"] })).id, 404],
    ];
    for (const [userId, status] of cases) expect(statusOf(await page(scene.contract.id, userId)), userId).toBe(status);
    const anonymous = await page(scene.contract.id);
    expect(statusOf(anonymous)).toBe(302);
    expect(locationOf(anonymous)).toMatch(/^\/login\?redirectTo=/);
    expect(statusOf(await page("no-such-contract", scene.fo.leader.id))).toBe(404);
  });

  it("refuses a facilitator of another district and a trader of another company, changing nothing", async () => {
    const scene = await activeContract();
    const disputeId = await raised(scene);
    const elsewhere = await otherDistrictFacilitator(scene.contract.districtId);
    const stranger = await createCompany();
    const before = await db.dispute.findUniqueOrThrow({ where: { id: disputeId } });

    expect(await addMediationNote(db, as(elsewhere, "facilitator"), disputeId, { note: "I decide." })).toEqual({ ok: false, reason: "notFound" });
    expect(await resolveDispute(db, as(elsewhere, "facilitator"), disputeId, { outcome: "Closed." })).toEqual({ ok: false, reason: "notFound" });
    expect(statusOf(await page(scene.contract.id, elsewhere.id, { intent: "resolve", disputeId, version: String(before.version), outcome: "Closed." }))).toBe(
      404,
    );
    expect(statusOf(await page(scene.contract.id, elsewhere.id, { intent: "mediate", disputeId, note: "I decide." }))).toBe(404);

    expect(await answerDispute(db, as(stranger.trader, "trader"), disputeId, { answer: "Not us." })).toEqual({ ok: false, reason: "notFound" });
    expect(await raiseDispute(db, as(stranger.trader, "trader"), scene.contract.id, { category: "price", statement: "x" })).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(statusOf(await page(scene.contract.id, stranger.trader.id, { intent: "answer", disputeId, answer: "Not us." }))).toBe(404);
    expect(statusOf(await page(scene.contract.id, stranger.trader.id, { intent: "raise", category: "price", statement: "x" }))).toBe(404);

    const after = await db.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    expect(after).toEqual(before);
    expect(await db.disputeEntry.count({ where: { disputeId } })).toBe(0);
    expect(await db.dispute.count({ where: { contractId: scene.contract.id } })).toBe(1);
    expect(await contractStatus(scene.contract.id)).toBe("disputed");
    expect(await db.notification.count({ where: { userId: elsewhere.id } })).toBe(0);
  });

  it("refuses a dispute of another contract named in the form", async () => {
    const scene = await activeContract();
    const other = await activeContract();
    const otherDispute = await raised(other);
    // The FO leader of `scene` may see `scene`, not `other`'s dispute through it.
    expect(statusOf(await page(scene.contract.id, scene.fo.leader.id, { intent: "answer", disputeId: otherDispute, answer: "x" }))).toBe(404);
    expect(await db.disputeEntry.count({ where: { disputeId: otherDispute } })).toBe(0);
  });
});

describe("the facilitator's dashboard", () => {
  it("lists open disputes in their districts, oldest first, with their age in days", async () => {
    const scene = await activeContract();
    const day = 24 * 3600_000;
    const older = await raiseDispute(
      db,
      scene.leader,
      scene.contract.id,
      { category: "late_payment", statement: "Paid 20 days late." },
      new Date(Date.now() - 9 * day - 3600_000),
    );
    const newer = await raiseDispute(
      db,
      scene.buyer,
      scene.contract.id,
      { category: "other", statement: "Bags missing." },
      new Date(Date.now() - 2 * day - 3600_000),
    );
    const settled = await raised(scene);
    await resolveDispute(db, scene.mediator, settled, { outcome: "Agreed." });
    if (!older.ok || !newer.ok) throw new Error("not raised");

    const mine = dataOf<{ disputes: { id: string; ageDays: number; number: string; contractId: string }[] }>(
      await call(facilitatorLoader, await request("/facilitator", { userId: scene.facilitator.id })),
    ).disputes.filter((d) => d.contractId === scene.contract.id);
    expect(mine.map((d) => [d.id, d.ageDays])).toEqual([
      [older.disputeId, 9],
      [newer.disputeId, 2],
    ]);
    expect(mine[0]!.number).toBe(scene.contract.number);

    const elsewhere = await otherDistrictFacilitator(scene.contract.districtId);
    const theirs = dataOf<{ disputes: { contractId: string }[] }>(
      await call(facilitatorLoader, await request("/facilitator", { userId: elsewhere.id })),
    ).disputes;
    expect(theirs.map((d) => d.contractId)).not.toContain(scene.contract.id);
  });
});
