import { describe, expect, it } from "vitest";
import { inputBalanceOn, repaymentOf } from "~/domain/inputs/input-ledger";

// Days in Laos (UTC+7): noon there, so a calendar day is never ambiguous.
const day = (iso: string) => new Date(`${iso}T05:00:00Z`);
const rate = 20; // 2 % a month
const until = day("2027-03-31");

describe("what a household owes for its inputs", () => {
  it("runs simple interest from its own handover day", () => {
    // 1,000,000 × 20 ‰ × 45 days ÷ 30 = 30,000
    const b = inputBalanceOn({
      handovers: [{ on: day("2026-06-01"), valueLak: 1_000_000n, item: "urea" }],
      repayments: [],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2026-07-16"),
    });
    expect(b).toMatchObject({ principalLak: 1_000_000n, interestLak: 30_000n, owedLak: 1_030_000n, interestAccruedLak: 30_000n });
    expect(b.lines.map((l) => l.key)).toEqual(["deliveries:inputs.lines.handover", "deliveries:inputs.lines.interest", "deliveries:inputs.lines.owed"]);
    expect(b.lines[1]!.params).toMatchObject({ balanceLak: "1000000", days: 45, ratePermille: 20 });
  });

  it("counts each handover from its own day, and interest on interest never", () => {
    // 500,000 from 1 June; 300,000 more on 1 July (30 days: 500,000 × 20 × 30 ÷ 30,000 = 10,000);
    // 800,000 to 31 July (30 days: 16,000). Interest 26,000 on the value only.
    const b = inputBalanceOn({
      handovers: [
        { on: day("2026-07-01"), valueLak: 300_000n, item: "seed" },
        { on: day("2026-06-01"), valueLak: 500_000n, item: "urea" },
      ],
      repayments: [],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2026-07-31"),
    });
    expect(b).toMatchObject({ principalLak: 800_000n, interestLak: 26_000n, owedLak: 826_000n });
  });

  it("pays the interest first at a partial repayment, and runs interest on what is left from then", () => {
    // 1 June 1,000,000; 1 July (30 days) interest 20,000; repay 500,000: 20,000 interest, 480,000 value → 520,000 left.
    // 31 July (30 days): 520,000 × 20 × 30 ÷ 30,000 = 10,400. Owed 530,400.
    const b = inputBalanceOn({
      handovers: [{ on: day("2026-06-01"), valueLak: 1_000_000n, item: "urea" }],
      repayments: [{ on: day("2026-07-01"), amountLak: 500_000n }],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2026-07-31"),
    });
    expect(b).toMatchObject({ principalLak: 520_000n, interestLak: 10_400n, owedLak: 530_400n, interestAccruedLak: 30_400n });
    // A repayment smaller than the interest leaves the value whole.
    const small = inputBalanceOn({
      handovers: [{ on: day("2026-06-01"), valueLak: 1_000_000n, item: "urea" }],
      repayments: [{ on: day("2026-07-01"), amountLak: 5_000n }],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2026-07-01"),
    });
    expect(small).toMatchObject({ principalLak: 1_000_000n, interestLak: 15_000n, owedLak: 1_015_000n });
  });

  it("counts a repayment in cash like one at a delivery, and says which it was", () => {
    // 1,000,000 on 1 June; 400,000 in cash on 1 July (interest 20,000 first, then 380,000 of the value);
    // 620,000 to 31 July: 12,400; then 300,000 at a delivery that day.
    const b = inputBalanceOn({
      handovers: [{ on: day("2026-06-01"), valueLak: 1_000_000n, item: "urea" }],
      repayments: [
        { on: day("2026-07-31"), amountLak: 300_000n },
        { on: day("2026-07-01"), amountLak: 400_000n, cash: true },
      ],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2026-07-31"),
    });
    expect(b).toMatchObject({ principalLak: 332_400n, interestLak: 0n, owedLak: 332_400n, interestAccruedLak: 32_400n });
    expect(b.lines.map((l) => [l.key.replace("deliveries:inputs.lines.", ""), l.amountLak])).toEqual([
      ["handover", 1_000_000n],
      ["interest", 20_000n],
      ["cashRepayment", -400_000n],
      ["interest", 12_400n],
      ["repayment", -300_000n],
      ["owed", 332_400n],
    ]);
  });

  it("stops interest at the contract's delivery date", () => {
    // 1 March to 31 March: 30 days (1,000,000 × 20 × 30 ÷ 30,000 = 20,000), none after.
    const b = inputBalanceOn({
      handovers: [{ on: day("2027-03-01"), valueLak: 1_000_000n, item: "urea" }],
      repayments: [],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2027-06-30"),
    });
    expect(b.interestLak).toBe(20_000n);
    // A handover after the delivery date bears none at all.
    const late = inputBalanceOn({
      handovers: [{ on: day("2027-04-10"), valueLak: 1_000_000n, item: "urea" }],
      repayments: [],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2027-06-30"),
    });
    expect(late.interestLak).toBe(0n);
  });

  it("rounds each stretch half up to a whole LAK, and knows nothing of what comes after the day", () => {
    // 100,000 × 20 × 1 ÷ 30,000 = 66.67 → 67
    const b = inputBalanceOn({
      handovers: [
        { on: day("2026-06-01"), valueLak: 100_000n, item: "urea" },
        { on: day("2026-06-05"), valueLak: 900_000n, item: "seed" },
      ],
      repayments: [{ on: day("2026-06-03"), amountLak: 1n }],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2026-06-02"),
    });
    expect(b).toMatchObject({ principalLak: 100_000n, interestLak: 67n, owedLak: 100_067n });
  });

  it("charges no interest at a rate of 0, and a same-day handover and repayment bear none", () => {
    const zero = inputBalanceOn({
      handovers: [{ on: day("2026-06-01"), valueLak: 700_000n, item: "urea" }],
      repayments: [],
      interestPermillePerMonth: 0,
      interestUntil: until,
      day: day("2026-09-01"),
    });
    expect(zero).toMatchObject({ interestLak: 0n, owedLak: 700_000n });
    expect(zero.lines.map((l) => l.key)).toContain("deliveries:inputs.lines.noInterest");
    const same = inputBalanceOn({
      handovers: [{ on: day("2026-06-01"), valueLak: 700_000n, item: "urea" }],
      repayments: [{ on: day("2026-06-01"), amountLak: 700_000n }],
      interestPermillePerMonth: rate,
      interestUntil: until,
      day: day("2026-09-01"),
    });
    expect(same).toMatchObject({ owedLak: 0n, interestAccruedLak: 0n });
    const none = inputBalanceOn({ handovers: [], repayments: [], interestPermillePerMonth: rate, interestUntil: until, day: day("2026-09-01") });
    expect(none).toMatchObject({ owedLak: 0n, lines: [] });
  });

  it("never repays more than is owed, nor more than is available", () => {
    expect(repaymentOf({ owedLak: 530_400n, interestLak: 10_400n }, 2_000_000n)).toEqual({ amountLak: 530_400n, interestLak: 10_400n });
    expect(repaymentOf({ owedLak: 530_400n, interestLak: 10_400n }, 5_000n)).toEqual({ amountLak: 5_000n, interestLak: 5_000n });
    expect(repaymentOf({ owedLak: 0n, interestLak: 0n }, 5_000n)).toEqual({ amountLak: 0n, interestLak: 0n });
    expect(() => repaymentOf({ owedLak: 1n, interestLak: 0n }, -1n)).toThrow(RangeError);
  });
});
