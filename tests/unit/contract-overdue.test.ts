import { describe, expect, it } from "vitest";
import { isOverdueOn, overdueCutoff, overdueFromOf } from "~/domain/payments/overdue";
import { contractBalance, paymentDueDate } from "~/domain/payments/payments";

const day = (iso: string) => new Date(`${iso}T03:00:00.000Z`); // 10:00 in Vientiane
const delivery = (on: string, lak: bigint, status = "confirmed") => ({ deliveredOn: day(on), netKg: 1000, amountDueLak: lak, inputDeductionLak: 0n, status });
const payment = (on: string, lak: bigint, status = "confirmed") => ({ amountLak: lak, paidOn: day(on), status });
const terms = { advanceLak: 0n, paymentDays: 7 };

describe("when a contract falls overdue", () => {
  it("is the due date of the oldest amount still unpaid: payments go to the oldest delivery first", () => {
    const deliveries = [delivery("2026-03-01", 1_000_000n), delivery("2026-03-10", 2_000_000n)];
    expect(overdueFromOf(terms, deliveries, [], day("2026-03-20"))).toEqual(paymentDueDate(day("2026-03-01"), 7));
    expect(overdueFromOf(terms, deliveries, [payment("2026-03-05", 1_000_000n)], day("2026-03-20"))).toEqual(paymentDueDate(day("2026-03-10"), 7));
    expect(overdueFromOf(terms, deliveries, [payment("2026-03-05", 3_000_000n)], day("2026-03-20"))).toBeNull();
  });

  it("counts the advance, leaves out contested deliveries and payments not yet confirmed", () => {
    const deliveries = [delivery("2026-03-01", 1_000_000n, "contested"), delivery("2026-03-10", 2_000_000n, "recorded")];
    expect(overdueFromOf({ advanceLak: 2_000_000n, paymentDays: 7 }, deliveries, [], day("2026-03-20"))).toBeNull();
    expect(overdueFromOf(terms, deliveries, [payment("2026-03-12", 2_000_000n, "recorded")], day("2026-03-20"))).toEqual(paymentDueDate(day("2026-03-10"), 7));
  });

  it("agrees with the statement on every day after the last record: overdue exactly when it shows an overdue amount", () => {
    const deliveries = [delivery("2026-03-01", 1_000_000n), delivery("2026-03-04", 500_000n), delivery("2026-03-09", 2_000_000n)];
    const payments = [payment("2026-03-06", 1_200_000n), payment("2026-03-12", 100_000n)];
    const from = overdueFromOf(terms, deliveries, payments, day("2026-03-12"));
    for (let d = 12; d <= 31; d++) {
      const now = day(`2026-03-${String(d).padStart(2, "0")}`);
      const balance = contractBalance({
        deliveries: deliveries.map((x) => ({ payableLak: x.amountDueLak, deliveredOn: x.deliveredOn, status: "confirmed" as const })),
        payments: payments.map((p) => ({ amountLak: p.amountLak, paidOn: p.paidOn, status: "confirmed" as const })),
        advanceLak: 0n,
        paymentDays: 7,
        now,
      });
      expect(isOverdueOn(from, now)).toBe(balance.overdueLak > 0n);
      expect(from !== null && from < overdueCutoff(now)).toBe(balance.overdueLak > 0n);
    }
  });
});
