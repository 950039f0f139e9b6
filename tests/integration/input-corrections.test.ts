// Correcting a mistaken handover: the FO's leaders void it with a reason, or
// record in the same step the handover that should have been written; the
// voided one stays in the history; a handover a delivery or a repayment in cash
// has settled cannot be corrected; two corrections at once void it once.
import { describe, expect, it } from "vitest";
import { correctHandover } from "~/domain/inputs/input-corrections.server";
import { action as deliveriesAction, loader as deliveriesLoader } from "~/routes/contracts/deliveries";
import { action as inputsAction, loader as inputsLoader } from "~/routes/contracts/inputs";
import { db } from "~/utils/db.server";
import { call, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createFo } from "../fixtures/market";
import { as, daysAgo, handoverForm, inputContract, lotSheet } from "../fixtures/inputs";

type InputsPage = {
  formToken: string;
  inputs: { handedLak: string; leftLak: string };
  handovers: { id: string; memberId: string; valueLak: string; correctable: boolean }[];
  voided: { id: string; reason: string; valueLak: string }[];
  balances: { memberId: string | null; owedLak: string }[];
};

async function scene() {
  const s = await inputContract();
  const params = { contractId: s.contract.id };
  const url = `/contracts/${s.contract.id}/inputs`;
  const page = async (userId = s.fo.leader.id) => dataOf<InputsPage>(await call(inputsLoader, await request(url, { userId }), params));
  const post = async (form: Record<string, string>, userId = s.fo.leader.id) => call(inputsAction, await request(url, { userId, form }), params);
  const [m0, m1] = s.fo.members.map((m) => m.id) as [string, string];
  // Written by mistake: 8,000 instead of 800,000, to the wrong member, 30 days ago.
  expect(locationOf(await post(handoverForm(m0, "8000", 30, (await page()).formToken)))).toBe(`${url}?done=1`);
  const handover = (await page()).handovers[0]!;
  return { ...s, params, url, page, post, m0, m1, handover };
}

const correction = (handoverId: string, mode: "void" | "replace", reason: string, replacement: Record<string, string> = {}) => ({
  intent: "correct",
  handoverId,
  mode,
  reason,
  ...replacement,
});

describe("correcting a handover", () => {
  it("voids the mistaken one with its reason and records the right one in its place, the history kept", async () => {
    const { page, post, url, m1, handover, contract } = await scene();
    expect(handover.correctable).toBe(true);
    const { formToken } = await page();
    const done = await post(correction(handover.id, "replace", "Written for the wrong member and value", handoverForm(m1, "800000", 30, formToken)));
    expect(locationOf(done)).toBe(`${url}?done=correct`);
    const after = await page();
    expect(after.handovers).toEqual([expect.objectContaining({ memberId: m1, valueLak: "800000" })]);
    expect(after.voided).toEqual([expect.objectContaining({ id: handover.id, valueLak: "8000", reason: "Written for the wrong member and value" })]);
    expect(after.inputs).toMatchObject({ handedLak: "800000", leftLak: "2200000" });
    // 800,000 × 2 % × 30 days: 16,000 of interest; the first member owes nothing.
    expect(after.balances.find((b) => b.memberId === m1)!.owedLak).toBe("816000");
    const rows = await db.inputHandover.findMany({ where: { contractId: contract.id }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: handover.id, valueLak: 8000n, voidReason: "Written for the wrong member and value" });
    expect(rows[0]!.voidedAt).not.toBeNull();
    expect(rows[1]).toMatchObject({ correctsId: handover.id, voidedAt: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: handover.id, action: "input.handover_corrected" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ valueLak: "8000" });
    // Sent again, it changes nothing.
    expect(statusOf(await post(correction(handover.id, "replace", "Written for the wrong member and value", handoverForm(m1, "800000", 30, formToken))))).toBe(
      302,
    );
    expect(await db.inputHandover.count({ where: { contractId: contract.id } })).toBe(2);
  });

  it("voids a handover that never happened, and checks the replacement as any handover", async () => {
    const { page, post, m0, handover, contract } = await scene();
    const { formToken } = await page();
    // A replacement beyond what the contract advanced (the voided value no longer counts) or in the future: refused, nothing changes.
    const bad = await post(correction(handover.id, "replace", "Wrong value", { ...handoverForm(m0, "3000001", -1, formToken) }));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({
      handedOn: "deliveries:inputs.errors.dateInFuture",
      valueLak: "deliveries:inputs.errors.moreThanAdvanced",
    });
    const noReason = await post(correction(handover.id, "void", ""));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(noReason).fieldErrors).toMatchObject({ reason: expect.any(String) });
    expect(await db.inputHandover.count({ where: { contractId: contract.id, voidedAt: { not: null } } })).toBe(0);
    // The whole value is allowed once the mistaken one no longer counts.
    expect(statusOf(await post(correction(handover.id, "replace", "Wrong value", handoverForm(m0, "3000000", 30, formToken))))).toBe(302);

    const replaced = (await page()).handovers[0]!;
    expect(statusOf(await post(correction(replaced.id, "void", "Never handed over")))).toBe(302);
    const after = await page();
    expect(after.handovers).toEqual([]);
    expect(after.voided.map((v) => v.reason)).toEqual(["Wrong value", "Never handed over"]);
    expect(after.balances.find((b) => b.memberId === m0)).toBeUndefined();
    expect(after.inputs).toMatchObject({ handedLak: "0", leftLak: "3000000" });
    expect(await db.auditEvent.count({ where: { entityId: replaced.id, action: "input.handover_voided" } })).toBe(1);
  });

  it("is refused once a delivery or a repayment in cash has settled the handover, changing nothing", async () => {
    const { page, post, m0, fo, handover, contract, params } = await scene();
    // A repayment in cash by its member settles it.
    expect(statusOf(await post({ intent: "cash", memberId: m0, amountLak: "1000", paidOn: daysAgo(10), formToken: (await page()).formToken }))).toBe(302);
    expect((await page()).handovers[0]!.correctable).toBe(false);
    const refused = await post(correction(handover.id, "void", "Too late"));
    expect(statusOf(refused)).toBe(409);
    expect(dataOf<{ message: string }>(refused).message).toBe("deliveries:inputs.correct.errors.settled");

    // So does a delivery on or after its day, for any member's handover.
    const other = await post(handoverForm(fo.members[2]!.id, "1000", 5, (await page()).formToken));
    expect(statusOf(other)).toBe(302);
    const second = (await page()).handovers.find((h) => h.memberId === fo.members[2]!.id)!;
    expect(second.correctable).toBe(true);
    const sheet = dataOf<{ formToken: string }>(
      await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id }), params),
    );
    const delivered = await call(
      deliveriesAction,
      await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id, form: lotSheet(sheet.formToken, [[m0, "14"]]) }),
      params,
    );
    expect(locationOf(delivered)).toBe(`/contracts/${contract.id}/deliveries?done=recorded`);
    expect((await page()).handovers.every((h) => !h.correctable)).toBe(true);
    expect(dataOf<{ message: string }>(await post(correction(second.id, "void", "Too late"))).message).toBe("deliveries:inputs.correct.errors.settled");
    expect(await db.inputHandover.count({ where: { contractId: contract.id, voidedAt: { not: null } } })).toBe(0);
  });

  it("is for the FO's leaders only, on this contract's handovers", async () => {
    const { post, handover, trader, contract } = await scene();
    expect(statusOf(await post(correction(handover.id, "void", "No"), trader.trader.id))).toBe(403);
    const other = await createFo();
    expect(statusOf(await post(correction(handover.id, "void", "No"), other.leader.id))).toBe(404);
    // Another contract's handover is not found from this one.
    const elsewhere = await scene();
    expect(statusOf(await post(correction(elsewhere.handover.id, "void", "No")))).toBe(404);
    expect(await db.inputHandover.count({ where: { contractId: { in: [contract.id, elsewhere.contract.id] }, voidedAt: { not: null } } })).toBe(0);
  });

  it("voids a handover once when two corrections are sent at once", async () => {
    const { fo, handover, contract, snapshot } = await scene();
    const found = await db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { id: true, status: true, organisationId: true } });
    const results = await Promise.all(
      ["first reason", "second reason"].map((reason, i) =>
        correctHandover(
          db,
          as(fo.leader, "fo_leader"),
          found,
          snapshot,
          { fo: true },
          {
            handoverId: handover.id,
            reason,
            replacement: { memberId: fo.members[i]!.id, item: "Urea", quantity: 50, unit: "kg", valueLak: 800_000n, handedOn: new Date() },
            formToken: `race-${i}`,
          },
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.inputHandover.count({ where: { contractId: contract.id, voidedAt: null } })).toBe(1);
    expect(await db.inputHandover.count({ where: { contractId: contract.id, correctsId: handover.id } })).toBe(1);
  });
});
