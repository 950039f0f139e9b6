import { describe, expect, it } from "vitest";
import {
  calendarDaysBetween,
  contractBalance,
  isContractComplete,
  latePenaltyLak,
  paymentDueDate,
  type BalanceDelivery,
  type BalancePayment,
} from "~/domain/payments/payments";
import { startOfLaoDay } from "~/utils/dates";

const day = (iso: string) => startOfLaoDay(iso)!;
const at = (iso: string, hours: number) => new Date(day(iso).getTime() + hours * 3600_000);
const delivery = (iso: string, payableLak: bigint, status: BalanceDelivery["status"] = "confirmed"): BalanceDelivery => ({
  deliveredOn: day(iso),
  payableLak,
  status,
});
const payment = (iso: string, amountLak: bigint, status: BalancePayment["status"] = "confirmed"): BalancePayment => ({ paidOn: day(iso), amountLak, status });

describe("calendarDaysBetween and paymentDueDate", () => {
  it("counts calendar days in Laos", () => {
    expect(calendarDaysBetween(at("2026-12-01", 17), at("2026-12-03", 8))).toBe(2);
    expect(calendarDaysBetween(at("2026-12-01", 0), at("2026-12-01", 23.9))).toBe(0);
    expect(calendarDaysBetween(day("2026-12-03"), day("2026-12-01"))).toBe(-2);
    expect(calendarDaysBetween(day("2027-01-20"), day("2027-03-05"))).toBe(44);
  });

  it("puts the due date paymentDays after the delivery", () => {
    expect(paymentDueDate(day("2026-12-01"), 7)).toEqual(day("2026-12-08"));
    expect(paymentDueDate(at("2026-12-28", 15), 7)).toEqual(at("2027-01-04", 15));
    expect(paymentDueDate(day("2026-12-01"), 0)).toEqual(day("2026-12-01"));
    expect(() => paymentDueDate(day("2026-12-01"), -1)).toThrow(RangeError);
    expect(() => paymentDueDate(new Date("nope"), 7)).toThrow(RangeError);
  });
});

describe("contractBalance", () => {
  const deliveries = [delivery("2026-12-01", 1_000_000n), delivery("2026-12-10", 2_000_000n)];
  const base = { deliveries, payments: [payment("2026-12-12", 1_500_000n)], advanceLak: 0n, paymentDays: 7, now: day("2026-12-20") };

  it("allocates payments to the oldest delivery first (FIFO)", () => {
    const result = contractBalance(base);
    expect(result).toMatchObject({ dueLak: 3_000_000n, paidLak: 1_500_000n, balanceLak: 1_500_000n, overdueLak: 1_500_000n, oldestOverdueDays: 3 });
    expect(result.allocations).toEqual([
      { deliveryIndex: 0, amountLak: 1_000_000n, dueDate: day("2026-12-08"), source: "payment", paidOn: day("2026-12-12"), daysLate: 4 },
      { deliveryIndex: 1, amountLak: 500_000n, dueDate: day("2026-12-17"), source: "payment", paidOn: day("2026-12-12"), daysLate: 0 },
      { deliveryIndex: 1, amountLak: 1_500_000n, dueDate: day("2026-12-17"), source: "unpaid", paidOn: null, daysLate: 3 },
    ]);
    expect(result.lateItems).toEqual([
      { amountLak: 1_000_000n, dueDate: day("2026-12-08"), paidOn: day("2026-12-12") },
      { amountLak: 1_500_000n, dueDate: day("2026-12-17"), paidOn: null },
    ]);
  });

  it("only a balance past its due date is overdue: on the due day it is not, the day after it is", () => {
    const early = contractBalance({ ...base, now: day("2026-12-09") });
    // On 9 December delivery 1 was a day overdue; the payment of 12 December and delivery 2 had not happened yet.
    expect(early).toMatchObject({ overdueLak: 1_000_000n, oldestOverdueDays: 1 });
    expect(early).toMatchObject({ dueLak: 1_000_000n, paidLak: 0n, balanceLak: 1_000_000n });
    expect(contractBalance({ ...base, now: at("2026-12-17", 23) })).toMatchObject({ overdueLak: 0n, oldestOverdueDays: 0 });
    expect(contractBalance({ ...base, now: at("2026-12-18", 0.1) })).toMatchObject({ overdueLak: 1_500_000n, oldestOverdueDays: 1 });
  });

  it("reports the age of the oldest overdue amount", () => {
    const result = contractBalance({ ...base, payments: [], now: day("2026-12-20") });
    expect(result).toMatchObject({ overdueLak: 3_000_000n, oldestOverdueDays: 12 });
  });

  it("orders deliveries by day and payments by the day they were paid, whatever the list order", () => {
    const shuffled = contractBalance({
      ...base,
      deliveries: [deliveries[1]!, deliveries[0]!],
      payments: [payment("2026-12-15", 200_000n), payment("2026-12-05", 300_000n)],
    });
    expect(shuffled.allocations.map((a) => [a.deliveryIndex, a.amountLak, a.source, a.paidOn && a.paidOn.toISOString()])).toEqual([
      [1, 300_000n, "payment", day("2026-12-05").toISOString()],
      [1, 200_000n, "payment", day("2026-12-15").toISOString()],
      [1, 500_000n, "unpaid", null],
      [0, 2_000_000n, "unpaid", null],
    ]);
    expect(shuffled.allocations[1]!.daysLate).toBe(7);
  });

  it("counts the advance as paid, before any payment", () => {
    const result = contractBalance({ ...base, advanceLak: 1_200_000n });
    expect(result).toMatchObject({ paidLak: 2_700_000n, balanceLak: 300_000n, overdueLak: 300_000n });
    expect(result.allocations[0]).toMatchObject({ deliveryIndex: 0, amountLak: 1_000_000n, source: "advance", paidOn: null, daysLate: 0 });
    expect(result.allocations[1]).toMatchObject({ deliveryIndex: 1, amountLak: 200_000n, source: "advance" });
    expect(result.lateItems).toEqual([{ amountLak: 300_000n, dueDate: day("2026-12-17"), paidOn: null }]);
  });

  it("leaves nothing overdue when the advance covers everything: a credit is a negative balance", () => {
    const result = contractBalance({ ...base, payments: [], advanceLak: 5_000_000n });
    expect(result).toMatchObject({ dueLak: 3_000_000n, paidLak: 5_000_000n, balanceLak: -2_000_000n, overdueLak: 0n, oldestOverdueDays: 0, lateItems: [] });
    expect(result.allocations.every((a) => a.source === "advance")).toBe(true);
  });

  it("leaves out contested deliveries and payments not confirmed by the FO", () => {
    const result = contractBalance({
      ...base,
      deliveries: [...deliveries, delivery("2026-11-20", 9_000_000n, "contested"), delivery("2026-12-11", 400_000n, "recorded")],
      payments: [payment("2026-12-12", 1_500_000n), payment("2026-12-13", 7_000_000n, "recorded"), payment("2026-12-13", 8_000_000n, "contested")],
    });
    expect(result).toMatchObject({ dueLak: 3_400_000n, paidLak: 1_500_000n, balanceLak: 1_900_000n, overdueLak: 1_900_000n });
    expect(result.allocations.some((a) => a.deliveryIndex === 2)).toBe(false);
    expect(result.allocations.at(-1)).toMatchObject({ deliveryIndex: 3, amountLak: 400_000n, source: "unpaid", daysLate: 2 });
  });

  it("is all zero with nothing recorded, and ignores deliveries with nothing payable", () => {
    expect(contractBalance({ deliveries: [], payments: [], advanceLak: 0n, paymentDays: 7, now: day("2026-12-20") })).toEqual({
      dueLak: 0n,
      paidLak: 0n,
      balanceLak: 0n,
      overdueLak: 0n,
      oldestOverdueDays: 0,
      allocations: [],
      lateItems: [],
    });
    expect(contractBalance({ ...base, deliveries: [delivery("2026-12-01", 0n)], payments: [] }).allocations).toEqual([]);
  });

  it("pays on delivery when paymentDays is 0", () => {
    const result = contractBalance({ ...base, payments: [], paymentDays: 0, now: day("2026-12-10") });
    expect(result).toMatchObject({ overdueLak: 1_000_000n, oldestOverdueDays: 9 });
  });

  it("refuses bad input", () => {
    expect(() => contractBalance({ ...base, advanceLak: -1n })).toThrow(RangeError);
    expect(() => contractBalance({ ...base, paymentDays: 1.5 })).toThrow(RangeError);
    expect(() => contractBalance({ ...base, payments: [payment("2026-12-12", -5n)] })).toThrow(RangeError);
    expect(() => contractBalance({ ...base, deliveries: [delivery("2026-12-12", -5n)] })).toThrow(RangeError);
  });
});

describe("latePenaltyLak", () => {
  it("charges simple interest per 30-day month across calendar months", () => {
    // 1,000,000 LAK due 20 January 2027, paid 5 March: 44 days × 3 % a month = 44,000 LAK.
    const result = latePenaltyLak({
      items: [{ amountLak: 1_000_000n, dueDate: day("2027-01-20"), paidOn: day("2027-03-05") }],
      now: day("2027-04-01"),
      permillePerMonth: 30,
    });
    expect(result.penaltyLak).toBe(44_000n);
    expect(result.items).toEqual([{ amountLak: 1_000_000n, dueDate: day("2027-01-20"), paidOn: day("2027-03-05"), daysLate: 44, penaltyLak: 44_000n }]);
    expect(result.lines).toEqual([
      {
        key: "contractRules:lines.penaltyPaidLate",
        params: { amountLak: "1000000", dueDate: "2027-01-20", endDate: "2027-03-05", days: 44, ratePermille: 30 },
        amountLak: 44_000n,
      },
      { key: "contractRules:lines.penaltyTotal", params: {}, amountLak: 44_000n },
    ]);
  });

  it("charges an unpaid amount up to now, without compounding over several months", () => {
    // 90 days at 2 % a month: 6 %.
    const result = latePenaltyLak({ items: [{ amountLak: 5_000_000n, dueDate: day("2026-10-01") }], now: day("2026-12-30"), permillePerMonth: 20 });
    expect(result.penaltyLak).toBe(300_000n);
    expect(result.lines[0]).toMatchObject({ key: "contractRules:lines.penaltyUnpaid", params: { endDate: "2026-12-30", days: 90 } });
  });

  it("rounds half up per item, then adds", () => {
    // 500 × 30 ‰ × 1 day / 30 / 1,000 = 0.5 → 1 each; rounding the total would give 1.
    const items = [
      { amountLak: 500n, dueDate: day("2026-12-01"), paidOn: day("2026-12-02") },
      { amountLak: 500n, dueDate: day("2026-12-01"), paidOn: day("2026-12-02") },
      { amountLak: 499n, dueDate: day("2026-12-01"), paidOn: day("2026-12-02") },
    ];
    const result = latePenaltyLak({ items, now: day("2026-12-31"), permillePerMonth: 30 });
    expect(result.items.map((i) => i.penaltyLak)).toEqual([1n, 1n, 0n]);
    expect(result.penaltyLak).toBe(2n);
  });

  it("charges nothing at a zero rate", () => {
    const result = latePenaltyLak({ items: [{ amountLak: 9_000_000n, dueDate: day("2026-01-01") }], now: day("2026-12-31"), permillePerMonth: 0 });
    expect(result.penaltyLak).toBe(0n);
    expect(result.items[0]!.daysLate).toBe(364);
    expect(result.lines).toEqual([
      { key: "contractRules:lines.penaltyNoRate", params: {}, amountLak: 0n },
      { key: "contractRules:lines.penaltyTotal", params: {}, amountLak: 0n },
    ]);
  });

  it("charges nothing for amounts paid on or before the due day", () => {
    const result = latePenaltyLak({
      items: [
        { amountLak: 1_000_000n, dueDate: day("2026-12-08"), paidOn: at("2026-12-08", 22) },
        { amountLak: 1_000_000n, dueDate: day("2026-12-08"), paidOn: day("2026-12-01") },
        { amountLak: 1_000_000n, dueDate: day("2026-12-31") },
      ],
      now: day("2026-12-20"),
      permillePerMonth: 30,
    });
    expect(result.penaltyLak).toBe(0n);
    expect(result.items.map((i) => i.daysLate)).toEqual([0, 0, 0]);
    expect(result.lines.map((l) => l.key)).toEqual(["contractRules:lines.penaltyNoneLate", "contractRules:lines.penaltyTotal"]);
  });

  it("takes the late items of a balance", () => {
    const balance = contractBalance({
      deliveries: [delivery("2026-12-01", 1_000_000n), delivery("2026-12-10", 2_000_000n)],
      payments: [payment("2026-12-12", 1_500_000n)],
      advanceLak: 0n,
      paymentDays: 7,
      now: day("2026-12-20"),
    });
    const result = latePenaltyLak({ items: balance.lateItems, now: day("2026-12-20"), permillePerMonth: 30 });
    // 1,000,000 × 4 days + 1,500,000 × 3 days, at 3 % a month: 4,000 + 4,500.
    expect(result.items.map((i) => i.penaltyLak)).toEqual([4_000n, 4_500n]);
    expect(result.penaltyLak).toBe(8_500n);
    expect(result.lines.slice(0, -1).reduce((s, l) => s + l.amountLak!, 0n)).toBe(8_500n);
  });

  it("keeps amounts beyond 2^53 exact", () => {
    const amountLak = 2n ** 60n;
    const result = latePenaltyLak({ items: [{ amountLak, dueDate: day("2026-01-01") }], now: day("2026-01-31"), permillePerMonth: 10 });
    expect(result.penaltyLak).toBe((amountLak * 10n * 30n + 15_000n) / 30_000n);
  });

  it("refuses bad input", () => {
    expect(() => latePenaltyLak({ items: [], now: day("2026-01-01"), permillePerMonth: -1 })).toThrow(RangeError);
    expect(() => latePenaltyLak({ items: [{ amountLak: -1n, dueDate: day("2026-01-01") }], now: day("2026-01-05"), permillePerMonth: 1 })).toThrow(RangeError);
  });
});

describe("isContractComplete", () => {
  const base = { contractedKg: 10_000, tolerancePermille: 50, deliveredNetKg: 10_000, balanceLak: 0n };

  it("is complete when delivered within the tolerance and paid", () => {
    expect(isContractComplete(base)).toBe(true);
    expect(isContractComplete({ ...base, deliveredNetKg: 9_500 })).toBe(true);
    expect(isContractComplete({ ...base, deliveredNetKg: 12_000 })).toBe(true);
  });

  it("is not complete when short of the tolerance", () => {
    expect(isContractComplete({ ...base, deliveredNetKg: 9_499 })).toBe(false);
    expect(isContractComplete({ ...base, tolerancePermille: 0, deliveredNetKg: 9_999 })).toBe(false);
    expect(isContractComplete({ ...base, tolerancePermille: 0 })).toBe(true);
  });

  it("compares exactly when the tolerance is not a whole kg", () => {
    // 10,001 × 95 % = 9,500.95 kg: 9,500 is short, 9,501 is enough.
    expect(isContractComplete({ ...base, contractedKg: 10_001, deliveredNetKg: 9_500 })).toBe(false);
    expect(isContractComplete({ ...base, contractedKg: 10_001, deliveredNetKg: 9_501 })).toBe(true);
  });

  it("is not complete while anything is left to pay; a credit is fine", () => {
    expect(isContractComplete({ ...base, balanceLak: 1n })).toBe(false);
    expect(isContractComplete({ ...base, balanceLak: -500n })).toBe(true);
  });

  it("refuses bad input", () => {
    expect(() => isContractComplete({ ...base, tolerancePermille: 1_001 })).toThrow(RangeError);
    expect(() => isContractComplete({ ...base, deliveredNetKg: -1 })).toThrow(RangeError);
  });
});
