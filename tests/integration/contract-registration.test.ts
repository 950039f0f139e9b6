// The district office's registration of a signed contract: only a facilitator
// of its district records it, once, with a number unique in the district; it
// shows on the contract page, the print and the check page, and the contract's
// text and hash stay as signed.
import { beforeAll, describe, expect, it } from "vitest";
import { contractsAwaitingRegistration, FIRST_VIEW, LIST_VIEW } from "~/domain/reports/console.server";
import { registerContract } from "~/domain/contracts/registration.server";
import { verifyContract } from "~/domain/contracts/verify.server";
import { loader as detailLoader } from "~/routes/contracts/detail";
import { loader as printLoader } from "~/routes/contracts/print";
import { action as registrationAction, loader as registrationLoader } from "~/routes/contracts/registration";
import { loader as consoleLoader } from "~/routes/facilitator/index";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { acceptedContract, contractInForce } from "../fixtures/contracts";
import { createFo, readContract } from "../fixtures/market";

async function contract({ sign = true, district = "Beng" }: { sign?: boolean; district?: string } = {}) {
  const options = { fo: await createFo({ district }) };
  return sign ? contractInForce(options) : acceptedContract(options);
}

let bengFacilitator: { id: string; roles: "facilitator"[] };
let otherFacilitator: { id: string; roles: "facilitator"[] };
const today = () => toLaoDateInput(new Date());
const form = (number: string, registeredOn = today(), office = "DAFO Beng") => ({ number, registeredOn, office });
const input = (number: string) => ({ number, registeredOn: startOfLaoDay(today())!, office: "DAFO Beng" });
let serial = 0;
const nextNumber = () => `${String(++serial).padStart(3, "0")}/DAFO-${Date.now() % 100000}`;

beforeAll(async () => {
  const beng = await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } });
  const other = await db.district.findFirstOrThrow({ where: { nameEn: { not: "Beng" } } });
  const a = await createUser({ roles: ["facilitator"] });
  const b = await createUser({ roles: ["facilitator"] });
  await db.facilitatorDistrict.create({ data: { userId: a.id, districtId: beng.id } });
  await db.facilitatorDistrict.create({ data: { userId: b.id, districtId: other.id } });
  bengFacilitator = { id: a.id, roles: ["facilitator"] };
  otherFacilitator = { id: b.id, roles: ["facilitator"] };
});

describe("registering a signed contract", () => {
  it("records the registration once, beside the unchanged text, and shows it on the page, the print and the check page", async () => {
    const { contract: c, fo } = await contract();
    const number = nextNumber();
    const posted = await call(registrationAction, await request(`/contracts/${c.id}/registration`, { userId: bengFacilitator.id, form: form(` ${number} `) }), {
      contractId: c.id,
    });
    expect(locationOf(posted)).toBe(`/contracts/${c.id}?registered=1#registration`);

    const after = await readContract(c.id);
    expect(after.sha256).toBe(c.sha256);
    const stored = await db.contractRegistration.findUniqueOrThrow({ where: { contractId: c.id } });
    expect(stored).toMatchObject({ number, office: "DAFO Beng", registeredById: bengFacilitator.id, districtId: c.districtId });
    expect(toLaoDateInput(stored.registeredOn)).toBe(today());
    expect(await db.auditEvent.count({ where: { action: "contract.registered", entityId: c.id } })).toBe(1);

    const outcome = await verifyContract(db, { number: c.number, code: c.checkCode });
    expect(outcome.found && outcome.verified && outcome.contract).toMatchObject({
      matches: true,
      fingerprintMatches: true,
      registration: { number, office: "DAFO Beng" },
    });

    // The leader sees it on the page and the print, without a way to register.
    const page = dataOf<{ registration: { number: string } | null; canRegister: boolean }>(
      await call(detailLoader, await request(`/contracts/${c.id}`, { userId: fo.leader.id }), { contractId: c.id }),
    );
    expect(page.registration?.number).toBe(number);
    expect(page.canRegister).toBe(false);
    const print = dataOf<{ registration: { number: string; office: string } | null }>(
      await call(printLoader, await request(`/contracts/${c.id}/print`, { userId: fo.leader.id }), { contractId: c.id }),
    );
    expect(print.registration).toMatchObject({ number, office: "DAFO Beng" });

    // A second registration is refused and changes nothing.
    const again = await call(registrationAction, await request(`/contracts/${c.id}/registration`, { userId: bengFacilitator.id, form: form(nextNumber()) }), {
      contractId: c.id,
    });
    expect(statusOf(again)).toBe(409);
    expect(dataOf<{ message: string }>(again).message).toBe("registration:errors.alreadyRegistered");
    expect((await db.contractRegistration.findUniqueOrThrow({ where: { contractId: c.id } })).number).toBe(number);
  });

  it("lets the facilitator of the district register from the page, and refuses everyone else", async () => {
    const { contract: c, fo, trader } = await contract();
    const facilitatorPage = dataOf<{ canRegister: boolean }>(
      await call(detailLoader, await request(`/contracts/${c.id}`, { userId: bengFacilitator.id }), { contractId: c.id }),
    );
    expect(facilitatorPage.canRegister).toBe(true);
    for (const userId of [fo.leader.id, trader.trader.id, otherFacilitator.id]) {
      expect(
        statusOf(await call(registrationLoader, await request(`/contracts/${c.id}/registration`, { userId }), { contractId: c.id })),
      ).toBeGreaterThanOrEqual(403);
      const posted = await call(registrationAction, await request(`/contracts/${c.id}/registration`, { userId, form: form(nextNumber()) }), {
        contractId: c.id,
      });
      expect(statusOf(posted)).toBeGreaterThanOrEqual(403);
    }
    const anonymous = await call(registrationAction, await request(`/contracts/${c.id}/registration`, { form: form(nextNumber()) }), { contractId: c.id });
    expect(locationOf(anonymous) ?? String(statusOf(anonymous))).toMatch(/login|401|403/);
    expect(await registerContract(db, otherFacilitator, c.id, input(nextNumber()))).toEqual({ ok: false, reason: "notFound" });
    expect(await db.contractRegistration.count({ where: { contractId: c.id } })).toBe(0);
  });

  it("refuses a contract not yet signed by every party", async () => {
    const { contract: c } = await contract({ sign: false });
    expect(await registerContract(db, bengFacilitator, c.id, input(nextNumber()))).toEqual({ ok: false, reason: "notSigned" });
    const page = dataOf<{ signed: boolean }>(
      await call(registrationLoader, await request(`/contracts/${c.id}/registration`, { userId: bengFacilitator.id }), { contractId: c.id }),
    );
    expect(page.signed).toBe(false);
    expect(await db.contract.count({ where: { id: c.id, registeredAt: { not: null } } })).toBe(0);
  });

  it("refuses bad input with an error per field, a date before signing or in the future, and a number already given in the district", async () => {
    const { contract: c } = await contract();
    const empty = await call(
      registrationAction,
      await request(`/contracts/${c.id}/registration`, { userId: bengFacilitator.id, form: { number: " ", registeredOn: "31/02/2026", office: "" } }),
      { contractId: c.id },
    );
    expect(statusOf(empty)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(empty).fieldErrors).toEqual({
      number: "validation:required",
      registeredOn: "validation:date",
      office: "validation:required",
    });

    const future = await call(
      registrationAction,
      await request(`/contracts/${c.id}/registration`, { userId: bengFacilitator.id, form: form(nextNumber(), "01/01/2099") }),
      { contractId: c.id },
    );
    expect(dataOf<{ fieldErrors: Record<string, string> }>(future).fieldErrors.registeredOn).toBe("registration:errors.future");
    const before = await call(
      registrationAction,
      await request(`/contracts/${c.id}/registration`, { userId: bengFacilitator.id, form: form(nextNumber(), "01/01/2020") }),
      { contractId: c.id },
    );
    expect(dataOf<{ fieldErrors: Record<string, string> }>(before).fieldErrors.registeredOn).toBe("registration:errors.beforeSigning");

    const taken = nextNumber();
    const first = await contract();
    expect(await registerContract(db, bengFacilitator, first.contract.id, input(taken))).toEqual({ ok: true });
    const clash = await call(registrationAction, await request(`/contracts/${c.id}/registration`, { userId: bengFacilitator.id, form: form(taken) }), {
      contractId: c.id,
    });
    expect(statusOf(clash)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(clash)).toMatchObject({
      fieldErrors: { number: "registration:errors.numberTaken" },
      values: { office: "DAFO Beng" },
    });
    // Nothing of the refused attempt stays: the contract is still waiting.
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.id }, select: { registeredAt: true } })).registeredAt).toBeNull();
    expect(await db.contractRegistration.count({ where: { contractId: c.id } })).toBe(0);
  });

  it("registers once when two facilitators press at the same moment", async () => {
    const { contract: c } = await contract();
    const colleague = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: colleague.id, districtId: c.districtId } });
    const results = await Promise.all([
      registerContract(db, bengFacilitator, c.id, input(nextNumber())),
      registerContract(db, { id: colleague.id, roles: ["facilitator"] }, c.id, input(nextNumber())),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "alreadyRegistered" }]);
    expect(await db.contractRegistration.count({ where: { contractId: c.id } })).toBe(1);
  });

  it("lists the signed contracts still waiting on the console, the longest signed first, and drops one once registered", async () => {
    const waiting = await contract();
    const list = await contractsAwaitingRegistration([waiting.contract.districtId], LIST_VIEW);
    expect(list.items.map((i) => i.id)).toContain(waiting.contract.id);
    const times = list.items.map((i) => i.activatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const unsigned = await contract({ sign: false });
    expect(list.items.map((i) => i.id)).not.toContain(unsigned.contract.id);
    expect((await contractsAwaitingRegistration([], FIRST_VIEW)).count).toBe(0);

    const console = dataOf<{ counts: { unregistered: { count: number } }; toDo: { kind: string; entries: { href: string }[] }[] }>(
      await call(consoleLoader, await request("/facilitator", { userId: bengFacilitator.id })),
    );
    expect(console.counts.unregistered.count).toBeGreaterThan(0);
    expect(console.toDo.find((g) => g.kind === "unregistered")?.entries[0]?.href).toBe("#unregistered-heading");
    const other = dataOf<{ unregistered: { id: string }[] }>(
      await call(consoleLoader, await request("/facilitator?list=unregistered", { userId: otherFacilitator.id })),
    );
    expect(other.unregistered.map((i) => i.id)).not.toContain(waiting.contract.id);

    expect(await registerContract(db, bengFacilitator, waiting.contract.id, input(nextNumber()))).toEqual({ ok: true });
    const later = await contractsAwaitingRegistration([waiting.contract.districtId], LIST_VIEW);
    expect(later.items.map((i) => i.id)).not.toContain(waiting.contract.id);
  });
});
