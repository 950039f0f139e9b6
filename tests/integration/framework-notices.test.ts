// The other party hears of a framework or a call-off waiting for its answer
// (inbox, and a message queued in its language), finds it in its to-do list,
// and the proposer hears of the answer; an accepted call-off is a contract to
// sign, told and listed as any other.
import { describe, expect, it } from "vitest";
import { answerCallOff, answerFramework, giveNotice, proposeCallOff, proposeFramework } from "~/domain/frameworks/framework.server";
import type { ToDoGroup } from "~/domain/to-do/to-do";
import { traderToDo } from "~/domain/to-do/trader.server";
import { loader as foLoader } from "~/routes/fo/index";
import { loader as traderLoader } from "~/routes/trader/index";
import { addDays } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, request } from "../fixtures/app";
import { activeFramework, frameworkTerms, signedBase } from "../fixtures/frameworks";

const toDo = async (loader: typeof foLoader | typeof traderLoader, path: string, userId: string) =>
  dataOf<{ toDo: ToDoGroup[] }>(await call(loader, await request(path, { userId }))).toDo;
const entries = (groups: ToDoGroup[], kind: string) => groups.filter((g) => g.kind === kind).flatMap((g) => g.entries);
const inbox = (userId: string, kind: string) => db.notification.findMany({ where: { userId, kind } });

describe("a framework waiting for an answer", () => {
  it("is told to the other party and listed in its to-do until answered, and the answer is told to the proposer", async () => {
    const { base, fo, trader, traderActor, foActor } = await signedBase();
    const proposed = await proposeFramework(db, traderActor, base.id, frameworkTerms);
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    const told = await inbox(fo.leader.id, "framework_proposed");
    expect(told).toHaveLength(1);
    expect(told[0]!.link).toBe(`/frameworks/${proposed.frameworkId}`);
    expect(JSON.parse(told[0]!.params)).toMatchObject({ number: `${base.number}-F`, byEn: trader.company.name });
    expect(await inbox(trader.trader.id, "framework_proposed")).toHaveLength(0);

    expect(entries(await toDo(foLoader, "/fo", fo.leader.id), "frameworks")).toEqual([
      expect.objectContaining({ href: `/frameworks/${proposed.frameworkId}`, number: `${base.number}-F`, party: trader.company.name, count: 1 }),
    ]);
    // The proposer waits; nothing to do on its side, and a stranger sees nothing.
    expect(entries(await toDo(traderLoader, "/trader", trader.trader.id), "frameworks")).toEqual([]);
    const stranger = await createUser({ roles: ["fo_leader"] });
    expect(entries(await toDo(foLoader, "/fo", stranger.id), "frameworks")).toEqual([]);

    const answered = await answerFramework(db, foActor, proposed.frameworkId, "accept");
    expect(answered.ok).toBe(true);
    expect(entries(await toDo(foLoader, "/fo", fo.leader.id), "frameworks")).toEqual([]);
    const accepted = await inbox(trader.trader.id, "framework_accepted");
    expect(accepted).toHaveLength(1);
    expect(JSON.parse(accepted[0]!.params)).toMatchObject({ byEn: fo.organisation.nameEn });
  });
});

describe("a call-off waiting for an answer", () => {
  it("is told to the other party and listed in its to-do; accepted, its contract waits for both signatures", async () => {
    const { frameworkId, fo, trader, foActor, traderActor } = await activeFramework();
    const proposed = await proposeCallOff(db, foActor, frameworkId, { season: 2027, quantityKg: 1200, deliveryDate: addDays(new Date(), 30) });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    const told = await inbox(trader.trader.id, "call_off_proposed");
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.params)).toMatchObject({ season: "2027", byEn: fo.organisation.nameEn });
    expect(await db.outboxMessage.count({ where: { userId: trader.trader.id, body: { contains: "2027" } } })).toBeGreaterThan(0);
    expect(entries(await toDo(traderLoader, "/trader", trader.trader.id), "callOffs")).toEqual([
      expect.objectContaining({ href: `/frameworks/${frameworkId}#call-offs`, count: 1 }),
    ]);
    expect(entries(await toDo(foLoader, "/fo", fo.leader.id), "callOffs")).toEqual([]);

    const accepted = await answerCallOff(db, traderActor, proposed.callOffId, "accept");
    if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
    expect(entries(await toDo(traderLoader, "/trader", trader.trader.id), "callOffs")).toEqual([]);
    expect((await inbox(fo.leader.id, "contract_ready")).filter((n) => n.link === `/contracts/${accepted.contractId}`)).toHaveLength(1);
    expect(entries(await toDo(foLoader, "/fo", fo.leader.id), "sign").map((e) => e.href)).toContain(`/contracts/${accepted.contractId}`);

    const second = await proposeCallOff(db, traderActor, frameworkId, { season: 2028, quantityKg: 900, deliveryDate: addDays(new Date(), 60) });
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect((await answerCallOff(db, foActor, second.callOffId, "decline")).ok).toBe(true);
    expect(await inbox(trader.trader.id, "call_off_declined")).toHaveLength(1);
  });
});

describe("a call-off under a framework ended by notice", () => {
  it("leaves the to-do list once the framework has ended", async () => {
    const { frameworkId, trader, foActor } = await activeFramework();
    const proposed = await proposeCallOff(db, foActor, frameworkId, { season: 2027, quantityKg: 700, deliveryDate: addDays(new Date(), 20) });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    const companyIds = [trader.company.id];
    const waiting = (groups: ToDoGroup[]) => entries(groups, "callOffs").filter((e) => e.href.startsWith(`/frameworks/${frameworkId}`));
    expect(waiting(await traderToDo(trader.trader.id, companyIds, "en"))).toHaveLength(1);
    expect((await giveNotice(db, foActor, frameworkId)).ok).toBe(true);
    expect(waiting(await traderToDo(trader.trader.id, companyIds, "en", addDays(new Date(), 30)))).toHaveLength(1);
    expect(waiting(await traderToDo(trader.trader.id, companyIds, "en", addDays(new Date(), 62)))).toHaveLength(0);
  });
});
