// A member repays their inputs in cash outside a delivery: recorded by the
// FO's leaders only, never more than owed, never before the handover or a
// delivery already recorded, once per form and safely when two are sent at
// once; interest then runs on the reduced balance, the next delivery deducts
// only what is left, and the payout sheet and the passbook show it.
import { describe, expect, it } from "vitest";
import { confirmDelivery } from "~/domain/deliveries/deliveries.server";
import { recordCashRepayment } from "~/domain/inputs/input-cash.server";
import { action as deliveriesAction, loader as deliveriesLoader } from "~/routes/contracts/deliveries";
import { action as inputsAction, loader as inputsLoader } from "~/routes/contracts/inputs";
import { loader as payoutLoader } from "~/routes/contracts/payout";
import { loader as passbookLoader } from "~/routes/fo/members/passbook";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { as, daysAgo, handoverForm, inputContract, lotSheet } from "../fixtures/inputs";

type InputsPage = {
  formToken: string;
  canRepay: boolean;
  debtors: { value: string }[];
  cash: { amountLak: string; interestLak: string; note: string | null }[];
  balances: { memberId: string | null; owedLak: string; lines: { key: string; amountLak?: string }[] }[];
};

const cashForm = (memberId: string, amountLak: string, days: number, formToken: string, note = "") => ({
  intent: "cash",
  memberId,
  amountLak,
  paidOn: daysAgo(days),
  note,
  formToken,
});

async function scene() {
  const s = await inputContract();
  const params = { contractId: s.contract.id };
  const url = `/contracts/${s.contract.id}/inputs`;
  const page = async (userId = s.fo.leader.id) => dataOf<InputsPage>(await call(inputsLoader, await request(url, { userId }), params));
  const post = async (form: Record<string, string>, userId = s.fo.leader.id) => call(inputsAction, await request(url, { userId, form }), params);
  // 1,000,000 LAK of urea to the first member 50 days ago.
  const m0 = s.fo.members[0]!.id;
  expect(locationOf(await post(handoverForm(m0, "1000000", 50, (await page()).formToken)))).toBe(`${url}?done=1`);
  return { ...s, params, url, page, post, m0 };
}

describe("repaying inputs in cash", () => {
  it("lowers the balance on which interest runs, pays interest first, and is shown on the page", async () => {
    const { page, post, url, m0, contract } = await scene();
    const before = await page();
    expect(before).toMatchObject({ canRepay: true, debtors: [{ value: m0 }], cash: [] });
    // 20 days ago: 30 days of interest on 1,000,000 at 2 % = 20,000; 500,000 pays it and 480,000 of the inputs.
    const done = await post(cashForm(m0, "500000", 20, before.formToken, "Receipt 17"));
    expect(locationOf(done)).toBe(`${url}?done=cash`);
    const after = await page();
    expect(after.cash).toEqual([expect.objectContaining({ amountLak: "500000", interestLak: "20000", note: "Receipt 17" })]);
    // Then 20 days on 520,000: 6,933.3 → 6,933.
    const balance = after.balances.find((b) => b.memberId === m0)!;
    expect(balance.owedLak).toBe("526933");
    expect(balance.lines.map((l) => [l.key, l.amountLak])).toEqual([
      ["deliveries:inputs.lines.handover", "1000000"],
      ["deliveries:inputs.lines.interest", "20000"],
      ["deliveries:inputs.lines.cashRepayment", "-500000"],
      ["deliveries:inputs.lines.interest", "6933"],
      ["deliveries:inputs.lines.owed", "526933"],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "input.repaid_in_cash", entityType: "InputCashRepayment" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(audit.after!)).toMatchObject({ contractId: contract.id, memberId: m0, amountLak: "500000", interestLak: "20000", owedLak: "520000" });
  });

  it("refuses what is not owed, too early, in the future or from a member without inputs, writing nothing", async () => {
    const { page, post, m0, fo, contract } = await scene();
    const { formToken } = await page();
    const errorsOf = async (form: Record<string, string>) => {
      const result = await post(form);
      expect(statusOf(result)).toBe(400);
      return dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors;
    };
    // Owed 20 days ago: 1,020,000.
    expect(await errorsOf(cashForm(m0, "1020001", 20, formToken))).toEqual({ amountLak: "deliveries:inputs.cash.errors.moreThanOwed" });
    expect(await errorsOf(cashForm(m0, "1000", 55, formToken))).toEqual({ paidOn: "deliveries:inputs.cash.errors.beforeHandover" });
    expect(await errorsOf(cashForm(m0, "1000", -1, formToken))).toEqual({ paidOn: "deliveries:inputs.errors.dateInFuture" });
    expect(await errorsOf(cashForm(fo.members[1]!.id, "1000", 1, formToken))).toEqual({ memberId: "deliveries:inputs.cash.errors.noInputs" });
    expect(await errorsOf(cashForm(m0, "-5", 1, formToken))).toMatchObject({ amountLak: expect.any(String) });
    expect(await errorsOf(cashForm(m0, "1000", 1, ""))).toEqual({});
    expect(await db.inputCashRepayment.count({ where: { contractId: contract.id } })).toBe(0);
    // The whole debt is accepted: then nothing is left.
    expect(statusOf(await post(cashForm(m0, "1020000", 20, formToken)))).toBe(302);
    expect((await page()).balances.find((b) => b.memberId === m0)!.owedLak).toBe("0");
  });

  it("is recorded by the FO's leaders only; the trader and the district's facilitators read it", async () => {
    const { page, post, m0, trader, contract, url, params } = await scene();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const { formToken } = await page();
    expect(statusOf(await post(cashForm(m0, "1000", 1, formToken), trader.trader.id))).toBe(403);
    expect(statusOf(await post(cashForm(m0, "1000", 1, formToken), facilitator.id))).toBe(403);
    const other = await createUser({ roles: ["fo_leader"] });
    expect(statusOf(await post(cashForm(m0, "1000", 1, formToken), other.id))).toBe(404);
    expect(statusOf(await call(inputsLoader, await request(url, { userId: other.id }), params))).toBe(404);
    expect(await db.inputCashRepayment.count({ where: { contractId: contract.id } })).toBe(0);

    expect(statusOf(await post(cashForm(m0, "1000", 1, formToken)))).toBe(302);
    for (const userId of [trader.trader.id, facilitator.id]) expect(await page(userId)).toMatchObject({ canRepay: false, cash: [{ amountLak: "1000" }] });
  });

  it("is recorded once per form, and two sent at once never repay more than is owed", async () => {
    const { page, post, m0, fo, contract, snapshot } = await scene();
    const { formToken } = await page();
    for (let i = 0; i < 2; i++) expect(statusOf(await post(cashForm(m0, "1000", 1, formToken)))).toBe(302);
    expect(await db.inputCashRepayment.count({ where: { contractId: contract.id } })).toBe(1);
    // Owed today about 1,032,000: two repayments of 700,000 at once, one wins.
    const found = await db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { id: true, status: true, organisationId: true } });
    const results = await Promise.all(
      ["a", "b"].map((token) =>
        recordCashRepayment(
          db,
          as(fo.leader, "fo_leader"),
          found,
          snapshot,
          { fo: true },
          {
            memberId: m0,
            amountLak: 700_000n,
            paidOn: new Date(),
            note: null,
            formToken: `race-${token}`,
          },
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
    const total = await db.inputCashRepayment.aggregate({ where: { contractId: contract.id }, _sum: { amountLak: true } });
    expect(total._sum.amountLak).toBe(701_000n);
  });

  it("leaves the next delivery to deduct only what is left, and shows it on the payout sheet and the passbook", async () => {
    const { page, post, m0, fo, trader, contract, params } = await scene();
    expect(statusOf(await post(cashForm(m0, "500000", 20, (await page()).formToken)))).toBe(302);
    const sheet = dataOf<{ formToken: string }>(
      await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id }), params),
    );
    const recorded = await call(
      deliveriesAction,
      await request(`/contracts/${contract.id}/deliveries`, {
        userId: fo.leader.id,
        form: lotSheet(sheet.formToken, [
          [m0, "14"],
          [fo.members[1]!.id, "14"],
        ]),
      }),
      params,
    );
    expect(locationOf(recorded)).toBe(`/contracts/${contract.id}/deliveries?done=recorded`);
    const delivery = await db.delivery.findFirstOrThrow({ where: { contractId: contract.id }, include: { inputRepayments: true } });
    // The member's own 526,933 left after the cash (not 1,032,000 had they not repaid).
    expect(delivery.inputRepayments.find((r) => r.memberId === m0)!.amountLak).toBe(526_933n);
    expect((await confirmDelivery(db, as(trader.trader, "trader"), delivery.id)).ok).toBe(true);

    // A repayment dated before that delivery is refused: what it deducted stays as it was.
    const early = await post(cashForm(m0, "1000", 1, (await page()).formToken));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(early).fieldErrors).toEqual({ paidOn: "deliveries:inputs.cash.errors.beforeDelivery" });

    const payout = dataOf<{
      households: { rows: { memberId: string; inputRepaidLak: string; cashRepaidLak: string; stillOwedLak: string }[]; totals: { cashRepaidLak: string } };
    }>(await call(payoutLoader, await request(`/contracts/${contract.id}/payout`, { userId: fo.leader.id }), params));
    expect(payout.households.rows.find((r) => r.memberId === m0)).toMatchObject({ inputRepaidLak: "526933", cashRepaidLak: "500000", stillOwedLak: "0" });
    expect(payout.households.totals.cashRepaidLak).toBe("500000");

    const passbook = dataOf<{
      pledges: { contracts: { id: string; cashRepaidLak: string; inputDeductionLak: string }[] }[];
      totals: { cashRepaidLak: string };
    }>(
      await call(passbookLoader, await request(`/fo/${fo.organisation.id}/members/${m0}/passbook`, { userId: fo.leader.id }), {
        organisationId: fo.organisation.id,
        memberId: m0,
      }),
    );
    const line = passbook.pledges.flatMap((p) => p.contracts).find((c) => c.id === contract.id)!;
    expect(line.cashRepaidLak).toBe("500000");
    expect(BigInt(line.inputDeductionLak)).toBeGreaterThanOrEqual(526_933n);
    expect(passbook.totals.cashRepaidLak).toBe("500000");
  });
});
