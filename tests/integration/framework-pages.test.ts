// The framework pages: a party proposes a framework from its signed
// contract's page, the other answers through a confirmation, either proposes
// a season's call-off and the other answers it the same way. Facilitators of
// the district read; everyone else is refused, and a refusal changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { proposeCallOff } from "~/domain/frameworks/framework.server";
import { loader as contractLoader } from "~/routes/contracts/detail";
import { action as proposeAction, loader as proposeLoader } from "~/routes/contracts/framework";
import { action as frameworkAction, loader as frameworkLoader } from "~/routes/frameworks/detail";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { activeFramework, proposedFramework, signedBase } from "../fixtures/frameworks";

let bengFacilitator: string;
let otherFacilitator: string;
let strangerTrader: string;
let strangerLeader: string;

beforeAll(async () => {
  const beng = await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } });
  const other = await db.district.findFirstOrThrow({ where: { nameEn: { not: "Beng" } } });
  const a = await createUser({ roles: ["facilitator"] });
  const b = await createUser({ roles: ["facilitator"] });
  await db.facilitatorDistrict.create({ data: { userId: a.id, districtId: beng.id } });
  await db.facilitatorDistrict.create({ data: { userId: b.id, districtId: other.id } });
  bengFacilitator = a.id;
  otherFacilitator = b.id;
  strangerTrader = (await createUser({ roles: ["trader"] })).id;
  strangerLeader = (await createUser({ roles: ["fo_leader"] })).id;
});

const proposal = { firstSeason: "2027", seasons: "3", renewal: "none", noticeDays: "90", rightOfFirstRefusal: "yes" };
type View = {
  canAnswer: boolean;
  canCallOff: boolean;
  side: string | null;
  confirm: { kind: string } | null;
  callOffs: { id: string; status: string; canAnswer: boolean }[];
};

async function frameworkPage(frameworkId: string, userId: string, query = "") {
  return call(frameworkLoader, await request(`/frameworks/${frameworkId}${query}`, { userId }), { frameworkId });
}
async function postFramework(frameworkId: string, userId: string | undefined, form: Record<string, string>) {
  return call(frameworkAction, await request(`/frameworks/${frameworkId}`, { userId, form }), { frameworkId });
}

describe("proposing a framework from a signed contract", () => {
  it("lets a party propose from the contract's page, and then links the contract to its framework", async () => {
    const { base, fo, trader } = await signedBase();
    const page = dataOf<{ frameworks: { canPropose: boolean; base: unknown } }>(
      await call(contractLoader, await request(`/contracts/${base.id}`, { userId: trader.trader.id }), { contractId: base.id }),
    );
    expect(page.frameworks).toMatchObject({ canPropose: true, base: null });
    expect(statusOf(await call(proposeLoader, await request(`/contracts/${base.id}/framework`, { userId: trader.trader.id }), { contractId: base.id }))).toBe(
      200,
    );

    const posted = await call(proposeAction, await request(`/contracts/${base.id}/framework`, { userId: trader.trader.id, form: proposal }), {
      contractId: base.id,
    });
    const framework = await db.frameworkContract.findUniqueOrThrow({ where: { baseContractId: base.id } });
    expect(locationOf(posted)).toBe(`/frameworks/${framework.id}?done=proposed`);
    expect(framework).toMatchObject({ firstSeason: 2027, seasons: 3, renewal: "none", noticeDays: 90, rightOfFirstRefusal: true, proposedByParty: "trader" });

    const after = dataOf<{ frameworks: { canPropose: boolean; base: { id: string } | null } }>(
      await call(contractLoader, await request(`/contracts/${base.id}`, { userId: fo.leader.id }), { contractId: base.id }),
    );
    expect(after.frameworks.base?.id).toBe(framework.id);
    // The proposal page of a contract with a framework is that framework's page.
    const again = await call(proposeLoader, await request(`/contracts/${base.id}/framework`, { userId: fo.leader.id }), { contractId: base.id });
    expect(locationOf(again)).toBe(`/frameworks/${framework.id}`);
  });

  it("refuses bad terms field by field, a facilitator, an outsider and a visitor, writing nothing", async () => {
    const { base, fo } = await signedBase();
    const bad = await call(
      proposeAction,
      await request(`/contracts/${base.id}/framework`, {
        userId: fo.leader.id,
        form: { firstSeason: "soon", seasons: "9", renewal: "forever", noticeDays: "3", rightOfFirstRefusal: "" },
      }),
      { contractId: base.id },
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({
      firstSeason: "validation:wholeNumber",
      seasons: "validation:tooHigh",
      renewal: "validation:invalidChoice",
      noticeDays: "validation:tooLow",
      rightOfFirstRefusal: "validation:invalidChoice",
    });
    const facilitator = await call(proposeAction, await request(`/contracts/${base.id}/framework`, { userId: bengFacilitator, form: proposal }), {
      contractId: base.id,
    });
    expect(statusOf(facilitator)).toBe(403);
    for (const userId of [strangerTrader, strangerLeader, otherFacilitator]) {
      expect(statusOf(await call(proposeLoader, await request(`/contracts/${base.id}/framework`, { userId }), { contractId: base.id }))).toBe(404);
      expect(statusOf(await call(proposeAction, await request(`/contracts/${base.id}/framework`, { userId, form: proposal }), { contractId: base.id }))).toBe(
        404,
      );
    }
    const visitor = await call(proposeAction, await request(`/contracts/${base.id}/framework`, { form: proposal }), { contractId: base.id });
    expect(locationOf(visitor)).toMatch(/^\/login/);
    expect(await db.frameworkContract.count({ where: { baseContractId: base.id } })).toBe(0);
  });
});

describe("answering a framework", () => {
  it("asks the other party to confirm before accepting, and never lets the proposer answer", async () => {
    const { frameworkId, fo, trader } = await proposedFramework();
    const foView = dataOf<View>(await frameworkPage(frameworkId, fo.leader.id));
    expect(foView).toMatchObject({ canAnswer: true, side: "fo", confirm: null });
    expect(dataOf<View>(await frameworkPage(frameworkId, trader.trader.id)).canAnswer).toBe(false);

    // Without the confirmation: back to it, nothing changed.
    const unconfirmed = await postFramework(frameworkId, fo.leader.id, { intent: "answer", answer: "accept" });
    expect(locationOf(unconfirmed)).toBe(`/frameworks/${frameworkId}?confirm=accept#confirm`);
    expect((await db.frameworkContract.findUniqueOrThrow({ where: { id: frameworkId } })).status).toBe("proposed");
    expect(dataOf<View>(await frameworkPage(frameworkId, fo.leader.id, "?confirm=accept")).confirm).toEqual({ kind: "accept" });
    // The proposer's page offers no confirmation, and its answer is refused.
    expect(dataOf<View>(await frameworkPage(frameworkId, trader.trader.id, "?confirm=accept")).confirm).toBeNull();
    const own = await postFramework(frameworkId, trader.trader.id, { intent: "answer", answer: "accept", confirmed: "yes" });
    expect(statusOf(own)).toBe(409);
    expect(dataOf<{ message: string }>(own).message).toBe("frameworks:errors.ownProposal");

    const confirmed = await postFramework(frameworkId, fo.leader.id, { intent: "answer", answer: "accept", confirmed: "yes" });
    expect(locationOf(confirmed)).toBe(`/frameworks/${frameworkId}?done=accepted`);
    expect((await db.frameworkContract.findUniqueOrThrow({ where: { id: frameworkId } })).status).toBe("active");
  });

  it("lets a facilitator of the district read but not answer, and hides the framework from everyone else", async () => {
    const { frameworkId } = await proposedFramework();
    const read = dataOf<View>(await frameworkPage(frameworkId, bengFacilitator, "?confirm=accept"));
    expect(read).toMatchObject({ side: null, canAnswer: false, canCallOff: false, confirm: null });
    expect(statusOf(await postFramework(frameworkId, bengFacilitator, { intent: "answer", answer: "accept", confirmed: "yes" }))).toBe(403);
    for (const userId of [otherFacilitator, strangerTrader, strangerLeader]) {
      expect(statusOf(await frameworkPage(frameworkId, userId))).toBe(404);
      expect(statusOf(await postFramework(frameworkId, userId, { intent: "answer", answer: "accept", confirmed: "yes" }))).toBe(404);
    }
    expect(locationOf(await postFramework(frameworkId, undefined, { intent: "answer", answer: "accept", confirmed: "yes" }))).toMatch(/^\/login/);
    expect((await db.frameworkContract.findUniqueOrThrow({ where: { id: frameworkId } })).status).toBe("proposed");
  });
});

describe("call-offs on the framework page", () => {
  const callOff = () => ({ intent: "proposeCallOff", season: "2027", quantityKg: "2 000", deliveryDate: toLaoDateInput(addDays(new Date(), 40)) });

  it("proposed by one party and accepted by the other through its confirmation, writing the season's contract", async () => {
    const { frameworkId, fo, trader } = await activeFramework();
    const proposed = await postFramework(frameworkId, fo.leader.id, callOff());
    expect(locationOf(proposed)).toBe(`/frameworks/${frameworkId}?done=callOffProposed#call-offs`);
    const row = await db.frameworkCallOff.findFirstOrThrow({ where: { frameworkId } });
    expect(row).toMatchObject({ season: 2027, quantityKg: 2000, status: "proposed", proposedByParty: "fo" });

    const traderView = dataOf<View>(await frameworkPage(frameworkId, trader.trader.id, `?confirm=acceptCallOff&callOff=${row.id}`));
    expect(traderView.callOffs).toMatchObject([{ id: row.id, canAnswer: true }]);
    expect(traderView.confirm).toMatchObject({ kind: "acceptCallOff" });
    expect(dataOf<View>(await frameworkPage(frameworkId, fo.leader.id)).callOffs).toMatchObject([{ id: row.id, canAnswer: false }]);

    const unconfirmed = await postFramework(frameworkId, trader.trader.id, { intent: "answerCallOff", answer: "accept", callOffId: row.id });
    expect(locationOf(unconfirmed)).toBe(`/frameworks/${frameworkId}?confirm=acceptCallOff&callOff=${row.id}#confirm`);
    expect(await db.contract.count({ where: { frameworkId } })).toBe(0);
    const own = await postFramework(frameworkId, fo.leader.id, { intent: "answerCallOff", answer: "accept", callOffId: row.id, confirmed: "yes" });
    expect(dataOf<{ message: string }>(own).message).toBe("frameworks:errors.ownProposal");

    const accepted = await postFramework(frameworkId, trader.trader.id, { intent: "answerCallOff", answer: "accept", callOffId: row.id, confirmed: "yes" });
    expect(locationOf(accepted)).toBe(`/frameworks/${frameworkId}?done=callOffAccepted#call-offs`);
    const contract = await db.contract.findFirstOrThrow({ where: { frameworkId } });
    expect(contract).toMatchObject({ season: 2027, quantityKg: 2000, status: "awaiting_signatures" });
    const page = dataOf<{ frameworks: { callOffOf: { id: string; season: number } | null; canPropose: boolean } }>(
      await call(contractLoader, await request(`/contracts/${contract.id}`, { userId: fo.leader.id }), { contractId: contract.id }),
    );
    expect(page.frameworks).toMatchObject({ callOffOf: { id: frameworkId, season: 2027 }, canPropose: false });
  });

  it("refuses bad input, a season taken, a facilitator and outsiders, writing nothing", async () => {
    const { frameworkId, fo, trader, foActor } = await activeFramework();
    const bad = await postFramework(frameworkId, fo.leader.id, { intent: "proposeCallOff", season: "", quantityKg: "-5", deliveryDate: "31/02/2027" });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({
      season: "validation:required",
      quantityKg: "validation:wholeNumber",
      deliveryDate: "validation:date",
    });
    const first = await proposeCallOff(db, foActor, frameworkId, { season: 2027, quantityKg: 1000, deliveryDate: addDays(new Date(), 30) });
    if (!first.ok) throw new Error(JSON.stringify(first));
    const taken = await postFramework(frameworkId, trader.trader.id, callOff());
    expect(statusOf(taken)).toBe(409);
    expect(dataOf<{ message: string; values: Record<string, string> }>(taken)).toMatchObject({
      message: "frameworks:errors.seasonTaken",
      values: { quantityKg: "2 000" },
    });
    const outside = await postFramework(frameworkId, trader.trader.id, { ...callOff(), season: "2031" });
    expect(dataOf<{ message: string }>(outside).message).toBe("frameworks:errors.seasonNotCovered");
    expect(statusOf(await postFramework(frameworkId, bengFacilitator, callOff()))).toBe(403);
    const answer = { intent: "answerCallOff", answer: "accept", callOffId: first.callOffId, confirmed: "yes" };
    expect(statusOf(await postFramework(frameworkId, bengFacilitator, answer))).toBe(403);
    for (const userId of [strangerTrader, otherFacilitator]) {
      expect(statusOf(await postFramework(frameworkId, userId, callOff()))).toBe(404);
      expect(statusOf(await postFramework(frameworkId, userId, answer))).toBe(404);
    }
    const unknown = await postFramework(frameworkId, trader.trader.id, { ...answer, callOffId: "nope" });
    expect(statusOf(unknown)).toBe(400);
    expect(await db.frameworkCallOff.count({ where: { frameworkId } })).toBe(1);
    expect(await db.contract.count({ where: { frameworkId } })).toBe(0);
  });
});
