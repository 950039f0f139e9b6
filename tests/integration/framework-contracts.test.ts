// A framework contract: proposed by one party on a signed contract, accepted by
// the other; two seasonal call-offs under it, each a contract of its own with
// its own deliveries, and one shared track record. Denials, concurrency and bad
// input write nothing.
import { describe, expect, it } from "vitest";
import { confirmDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { type DeliveryInput } from "~/domain/deliveries/delivery-form";
import { answerCallOff, answerFramework, loadFramework, proposeCallOff, proposeFramework } from "~/domain/frameworks/framework.server";
import { FrameworkTermsSchema, type FrameworkTerms } from "~/domain/frameworks/framework-text";
import { contractHash } from "~/domain/contracts/contract-hash";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { signContract } from "~/domain/contracts/signing.server";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { createUser, TEST_PASSWORD } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing, readContract } from "../fixtures/market";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });
const terms: FrameworkTerms = { firstSeason: 2027, seasons: 3, renewal: "none", noticeDays: 60, rightOfFirstRefusal: true };

async function signBoth(contract: { id: string; sha256: string }, fo: { id: string; roles: Role[] }, trader: { id: string; roles: Role[] }) {
  for (const [actor, party] of [
    [fo, "fo"],
    [trader, "trader"],
  ] as const) {
    const signed = await signContract(db, actor, contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
    if (!signed.ok) throw new Error(JSON.stringify(signed));
  }
}

async function signedBase() {
  const fo = await createFo();
  const listing = await publishedListing(fo);
  const trader = await createCompany();
  const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms({ templateCode: "forward_fixed" }));
  if (!made.ok) throw new Error(JSON.stringify(made));
  const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
  if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
  const foActor = as(fo.leader, "fo_leader");
  const traderActor = as(trader.trader, "trader");
  const base = await readContract(accepted.contractId);
  await signBoth(base, foActor, traderActor);
  return { fo, trader, foActor, traderActor, base };
}

async function activeFramework() {
  const world = await signedBase();
  const proposed = await proposeFramework(db, world.traderActor, world.base.id, terms);
  if (!proposed.ok) throw new Error(JSON.stringify(proposed));
  const accepted = await answerFramework(db, world.foActor, proposed.frameworkId, "accept");
  if (!accepted.ok) throw new Error(JSON.stringify(accepted));
  return { ...world, frameworkId: proposed.frameworkId };
}

const delivery = (grossKg: number): DeliveryInput => ({
  deliveredOn: startOfLaoDay(toLaoDateInput(new Date()))!,
  grossKg,
  moisturePermille: 140,
  gradeCode: "G1",
  foreignMatterPermille: 10,
  measuredBy: "Mr Somphone",
  instrument: "Platform scale No. 2",
});

describe("a framework contract", () => {
  it("is proposed by one party with its own frozen text and accepted by the other, never by the proposer", async () => {
    const { base, foActor, traderActor } = await signedBase();
    const proposed = await proposeFramework(db, traderActor, base.id, terms);
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    const row = await db.frameworkContract.findUniqueOrThrow({ where: { id: proposed.frameworkId } });
    expect(row).toMatchObject({ number: `${base.number}-F`, status: "proposed", proposedByParty: "trader", seasons: 3, noticeDays: 60 });
    expect(row.sha256).toBe(contractHash(row.textLo, row.textEn));
    expect(row.textEn).toContain(`on the terms of contract ${base.number} (check code SHA-256 ${base.sha256})`);
    expect(row.textEn).toContain("3. Duration: 3 seasons, from the 2027 harvest to the 2029 harvest.");
    expect(row.textEn).toContain("at least 60 days before the next season's call-off");
    expect(row.textEn).toContain("7. Right of first refusal: before selling");
    expect(row.textLo).toContain("ສິດຊື້ກ່ອນ");

    expect(await answerFramework(db, traderActor, row.id, "accept")).toEqual({ ok: false, reason: "ownProposal" });
    expect(await proposeFramework(db, foActor, base.id, terms)).toEqual({ ok: false, reason: "exists" });
    expect(await answerFramework(db, foActor, row.id, "accept")).toEqual({ ok: true, frameworkId: row.id });
    expect(await answerFramework(db, foActor, row.id, "decline")).toEqual({ ok: false, reason: "notProposed" });
    expect(await db.auditEvent.count({ where: { entityId: row.id } })).toBe(2);
  });

  it("refuses outsiders (as not found), a contract not yet signed, and terms out of range", async () => {
    const { base, traderActor } = await signedBase();
    const stranger = as(await createUser({ roles: ["trader", "fo_leader"] }), "trader", "fo_leader");
    expect(await proposeFramework(db, stranger, base.id, terms)).toEqual({ ok: false, reason: "notFound" });
    const facilitator = as(await createUser({ roles: ["facilitator"] }), "facilitator");
    expect(await proposeFramework(db, facilitator, base.id, terms)).toEqual({ ok: false, reason: "notFound" });

    const fo = await createFo();
    const listing = await publishedListing(fo);
    const made = await makeOffer(
      db,
      traderActor,
      { listingId: listing.id, companyId: (await db.traderStaff.findFirstOrThrow({ where: { userId: traderActor.id } })).companyId },
      await offerTerms(),
    );
    if (!made.ok) throw new Error(JSON.stringify(made));
    const unsigned = await acceptOffer(db, fo.leader, made.offerId, 1);
    if (!unsigned.ok || !unsigned.contractId) throw new Error("no contract");
    expect(await proposeFramework(db, traderActor, unsigned.contractId, terms)).toEqual({ ok: false, reason: "notSigned" });

    for (const bad of [{ seasons: 1 }, { seasons: 6 }, { noticeDays: 7 }, { renewal: "forever" }])
      expect(FrameworkTermsSchema.safeParse({ ...terms, ...bad }).success).toBe(false);
    expect(await db.frameworkContract.count({ where: { baseContractId: { in: [base.id, unsigned.contractId] } } })).toBe(0);
  });

  it("yields two seasonal call-offs with their own deliveries and one shared track record", async () => {
    const { base, foActor, traderActor, frameworkId, fo, trader } = await activeFramework();
    const contracts: string[] = [];
    for (const [season, kg, proposer, answerer] of [
      [2027, 2000, foActor, traderActor],
      [2028, 1500, traderActor, foActor],
    ] as const) {
      const proposed = await proposeCallOff(db, proposer, frameworkId, { season, quantityKg: kg, deliveryDate: addDays(new Date(), 30) });
      if (!proposed.ok) throw new Error(JSON.stringify(proposed));
      expect(await answerCallOff(db, proposer, proposed.callOffId, "accept")).toEqual({ ok: false, reason: "ownProposal" });
      const accepted = await answerCallOff(db, answerer, proposed.callOffId, "accept");
      if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
      const contract = await readContract(accepted.contractId);
      expect(contract).toMatchObject({
        frameworkId,
        season,
        quantityKg: kg,
        listingId: base.listingId,
        organisationId: fo.organisation.id,
        companyId: trader.company.id,
      });
      expect(contract.number).not.toBe(base.number);
      const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
      expect(snapshot.callOff).toEqual({ framework: `${base.number}-F`, season });
      // The base's frozen terms, with the season's own quantity.
      const baseSnapshot = JSON.parse(base.snapshot) as ContractSnapshot;
      expect(snapshot.terms).toEqual({ ...baseSnapshot.terms, quantityKg: kg, deliveryDate: snapshot.terms.deliveryDate });
      expect(contract.textEn).toContain(`Call-off for the ${season} season under framework contract ${base.number}-F`);
      expect(contract.sha256).toBe(contractHash(contract.textLo, contract.textEn));
      await signBoth(contract, foActor, traderActor);
      contracts.push(contract.id);
    }
    // Each call-off has its own deliveries.
    for (const [i, kg] of [
      [0, 1000],
      [1, 700],
    ] as const) {
      const recorded = await recordDelivery(db, traderActor, contracts[i]!, delivery(kg));
      if (!recorded.ok) throw new Error(JSON.stringify(recorded));
      expect((await confirmDelivery(db, foActor, recorded.deliveryId)).ok).toBe(true);
    }
    expect(await db.delivery.count({ where: { contractId: contracts[0] } })).toBe(1);
    expect(await db.delivery.count({ where: { contractId: contracts[1] } })).toBe(1);

    const view = await loadFramework(db, foActor, frameworkId);
    expect(view!.framework.callOffs.map((c) => [c.season, c.status, c.contractId])).toEqual([
      [2027, "accepted", contracts[0]],
      [2028, "accepted", contracts[1]],
    ]);
    // One record of both call-offs, the base contract not in it.
    expect(view!.trackRecord.trader).toMatchObject({ contractsSigned: 2, contractedKg: 3500, deliveredKg: 1700 });
    expect(view!.trackRecord.fo).toMatchObject({ contractsSigned: 2, contractedKg: 3500, deliveredKg: 1700 });
    expect(await loadFramework(db, as(await createUser({ roles: ["trader"] }), "trader"), frameworkId)).toBeNull();
  });

  it("refuses a season outside the framework or already called off, and a call-off on a framework not accepted", async () => {
    const { foActor, traderActor, frameworkId } = await activeFramework();
    const when = addDays(new Date(), 30);
    expect(await proposeCallOff(db, foActor, frameworkId, { season: 2030, quantityKg: 1000, deliveryDate: when })).toEqual({
      ok: false,
      reason: "seasonNotCovered",
    });
    expect(await proposeCallOff(db, foActor, frameworkId, { season: 2026, quantityKg: 1000, deliveryDate: when })).toEqual({
      ok: false,
      reason: "seasonNotCovered",
    });
    const first = await proposeCallOff(db, foActor, frameworkId, { season: 2027, quantityKg: 1000, deliveryDate: when });
    expect(first.ok).toBe(true);
    expect(await proposeCallOff(db, traderActor, frameworkId, { season: 2027, quantityKg: 900, deliveryDate: when })).toEqual({
      ok: false,
      reason: "seasonTaken",
    });
    const stranger = as(await createUser({ roles: ["fo_leader"] }), "fo_leader");
    expect(await proposeCallOff(db, stranger, frameworkId, { season: 2028, quantityKg: 1000, deliveryDate: when })).toEqual({ ok: false, reason: "notFound" });
    if (first.ok) expect(await answerCallOff(db, stranger, first.callOffId, "accept")).toEqual({ ok: false, reason: "notFound" });

    const other = await signedBase();
    const proposed = await proposeFramework(db, other.foActor, other.base.id, terms);
    if (!proposed.ok) throw new Error("not proposed");
    expect(await proposeCallOff(db, other.foActor, proposed.frameworkId, { season: 2027, quantityKg: 1000, deliveryDate: when })).toEqual({
      ok: false,
      reason: "notActive",
    });
    expect(await db.contract.count({ where: { frameworkId: { in: [frameworkId, proposed.frameworkId] } } })).toBe(0);
  });

  it("writes one contract when the same call-off is accepted twice at once", async () => {
    const { foActor, traderActor, frameworkId, trader } = await activeFramework();
    const proposed = await proposeCallOff(db, foActor, frameworkId, { season: 2027, quantityKg: 1000, deliveryDate: addDays(new Date(), 30) });
    if (!proposed.ok) throw new Error("not proposed");
    const colleague = await createUser({ roles: ["trader"] });
    await db.traderStaff.create({ data: { companyId: trader.company.id, userId: colleague.id } });
    const results = await Promise.all([
      answerCallOff(db, traderActor, proposed.callOffId, "accept"),
      answerCallOff(db, as(colleague, "trader"), proposed.callOffId, "accept"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
    expect(await db.contract.count({ where: { frameworkId } })).toBe(1);
  });
});
