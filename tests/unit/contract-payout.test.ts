import { describe, expect, it } from "vitest";
import { largestRemainderShares, PAYOUT_RULE_KEY, payoutSheet, type PayoutPledge } from "~/domain/payments/payout";
import { resources } from "~/locales";

const pledge = (memberId: string, kg: number): PayoutPledge => ({ memberId, name: `Member ${memberId}`, kg });
const sum = (values: bigint[]) => values.reduce((s, v) => s + v, 0n);

/** A small deterministic generator (mulberry32), so the "random" cases are the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * (max + 1));
  const big = (bits: number) => {
    let v = 0n;
    for (let i = 0; i < bits; i += 16) v = (v << 16n) | BigInt(int(0xffff));
    return v;
  };
  return { next, int, big };
}

/** Everything the largest-remainder rule promises about one split. */
function expectLargestRemainder(total: bigint, weights: bigint[], shares: bigint[]) {
  const W = sum(weights);
  expect(sum(shares)).toBe(total);
  const extra = shares.map((s, i) => s - (total * weights[i]!) / W);
  const rem = weights.map((w) => (total * w) % W);
  extra.forEach((e, i) => {
    expect(e === 0n || e === 1n).toBe(true);
    if (weights[i] === 0n) expect(shares[i]).toBe(0n);
  });
  const before = (i: number, j: number) => rem[i]! > rem[j]! || (rem[i] === rem[j] && (weights[i]! > weights[j]! || (weights[i] === weights[j] && i < j)));
  for (let i = 0; i < shares.length; i++)
    for (let j = 0; j < shares.length; j++) if (extra[i] === 1n && extra[j] === 0n) expect(before(i, j), `${i} before ${j}`).toBe(true);
  // A larger pledge never gets less.
  for (let i = 0; i < shares.length; i++) for (let j = 0; j < shares.length; j++) if (weights[i]! > weights[j]!) expect(shares[i]! >= shares[j]!).toBe(true);
}

describe("largestRemainderShares", () => {
  it("gives the leftover units to the largest remainders", () => {
    // 100 among 1:1:1 → 33.33 each: one leftover, to the first on the list.
    expect(largestRemainderShares(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // 10 among 1:2:3 → 1.67, 3.33, 5: the leftover goes to the 0.67.
    expect(largestRemainderShares(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]);
  });

  it("on equal remainders prefers the larger pledge, then the order of the list", () => {
    // 2 among 1:3 → 0.5 and 1.5: equal remainders, the larger pledge wins though listed second.
    expect(largestRemainderShares(2n, [1n, 3n])).toEqual([0n, 2n]);
    expect(largestRemainderShares(1n, [2n, 2n, 1n])).toEqual([1n, 0n, 0n]);
    expect(largestRemainderShares(3n, [5n, 5n, 5n, 5n])).toEqual([1n, 1n, 1n, 0n]);
  });

  it("never gives a unit to a zero weight", () => {
    expect(largestRemainderShares(5n, [0n, 1n, 0n, 1n, 1n])).toEqual([0n, 2n, 0n, 2n, 1n]);
  });

  it("refuses nothing to share by", () => {
    expect(() => largestRemainderShares(5n, [])).toThrow(RangeError);
    expect(() => largestRemainderShares(5n, [0n, 0n])).toThrow(RangeError);
    expect(() => largestRemainderShares(-1n, [1n])).toThrow(RangeError);
    expect(() => largestRemainderShares(1n, [-1n, 2n])).toThrow(RangeError);
  });
});

describe("payoutSheet", () => {
  it("shares net kg and LAK pro rata to pledges, every column adding up exactly", () => {
    const sheet = payoutSheet({
      pledges: [pledge("a", 1_000), pledge("b", 2_000), pledge("c", 3_000)],
      netKg: 5_711,
      payableLak: 14_300_001n,
      inputDeductionLak: 3_400_000n,
    });
    expect(sheet.rows).toEqual([
      { memberId: "a", name: "Member a", pledgedKg: 1_000, netKg: 952, grossLak: 2_950_000n, inputDeductionLak: 566_667n, payableLak: 2_383_333n },
      { memberId: "b", name: "Member b", pledgedKg: 2_000, netKg: 1_904, grossLak: 5_900_000n, inputDeductionLak: 1_133_333n, payableLak: 4_766_667n },
      { memberId: "c", name: "Member c", pledgedKg: 3_000, netKg: 2_855, grossLak: 8_850_001n, inputDeductionLak: 1_700_000n, payableLak: 7_150_001n },
    ]);
    expect(sheet.totals).toEqual({ pledgedKg: 6_000, netKg: 5_711, grossLak: 17_700_001n, inputDeductionLak: 3_400_000n, payableLak: 14_300_001n });
  });

  it("gives a member who pledged 0 kg nothing", () => {
    const sheet = payoutSheet({ pledges: [pledge("a", 0), pledge("b", 7), pledge("c", 0)], netKg: 5, payableLak: 999n, inputDeductionLak: 1n });
    expect(sheet.rows[0]).toMatchObject({ netKg: 0, grossLak: 0n, inputDeductionLak: 0n, payableLak: 0n });
    expect(sheet.rows[1]).toMatchObject({ netKg: 5, grossLak: 1_000n, inputDeductionLak: 1n, payableLak: 999n });
  });

  it("shares totals smaller than the number of members", () => {
    const pledges = Array.from({ length: 10 }, (_, i) => pledge(`m${i}`, 50));
    const sheet = payoutSheet({ pledges, netKg: 3, payableLak: 7n, inputDeductionLak: 0n });
    expect(sheet.rows.map((r) => r.netKg)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(sheet.rows.map((r) => r.payableLak)).toEqual([1n, 1n, 1n, 1n, 1n, 1n, 1n, 0n, 0n, 0n]);
    const zero = payoutSheet({ pledges, netKg: 0, payableLak: 0n, inputDeductionLak: 0n });
    expect(zero.rows.every((r) => r.netKg === 0 && r.grossLak === 0n)).toBe(true);
  });

  it("keeps LAK totals beyond 2^53 exact", () => {
    const payableLak = 2n ** 70n + 12_345n;
    const inputDeductionLak = 2n ** 54n + 1n;
    const sheet = payoutSheet({ pledges: [pledge("a", 333), pledge("b", 333), pledge("c", 334)], netKg: 1_000, payableLak, inputDeductionLak });
    expect(sum(sheet.rows.map((r) => r.payableLak))).toBe(payableLak);
    expect(sum(sheet.rows.map((r) => r.inputDeductionLak))).toBe(inputDeductionLak);
    expect(sum(sheet.rows.map((r) => r.grossLak))).toBe(payableLak + inputDeductionLak);
    expect(sheet.rows[2]!.payableLak).toBe((payableLak * 334n) / 1_000n + 1n);
  });

  it("refuses a sheet with nothing to share by, and bad figures", () => {
    const ok = { pledges: [pledge("a", 10)], netKg: 10, payableLak: 10n, inputDeductionLak: 0n };
    expect(() => payoutSheet({ ...ok, pledges: [] })).toThrow(RangeError);
    expect(() => payoutSheet({ ...ok, pledges: [pledge("a", 0), pledge("b", 0)] })).toThrow(RangeError);
    expect(() => payoutSheet({ ...ok, pledges: [pledge("a", -5)] })).toThrow(RangeError);
    expect(() => payoutSheet({ ...ok, pledges: [pledge("a", 2.5)] })).toThrow(RangeError);
    expect(() => payoutSheet({ ...ok, netKg: -1 })).toThrow(RangeError);
    expect(() => payoutSheet({ ...ok, payableLak: -1n })).toThrow(RangeError);
    expect(() => payoutSheet({ ...ok, inputDeductionLak: -1n })).toThrow(RangeError);
  });

  it("adds up exactly and follows the rule for many generated sheets", () => {
    const rand = seeded(20_261_129);
    for (let run = 0; run < 400; run++) {
      const members = 1 + rand.int(run % 5 === 0 ? 60 : 12);
      const pledges = Array.from({ length: members }, (_, i) => pledge(`m${i}`, rand.next() < 0.15 ? 0 : rand.int(run % 3 === 0 ? 20 : 5_000)));
      if (pledges.every((p) => p.kg === 0)) pledges[rand.int(members - 1)]!.kg = 1 + rand.int(100);
      const netKg = rand.int(run % 4 === 0 ? 7 : 500_000);
      const payableLak = run % 7 === 0 ? rand.big(80) : BigInt(rand.int(2_000_000_000));
      const inputDeductionLak = rand.next() < 0.4 ? 0n : BigInt(rand.int(run % 2 ? 9 : 50_000_000));
      const sheet = payoutSheet({ pledges, netKg, payableLak, inputDeductionLak });
      const weights = pledges.map((p) => BigInt(p.kg));

      expect(sheet.rows.reduce((s, r) => s + r.pledgedKg, 0)).toBe(sheet.totals.pledgedKg);
      expect(sheet.rows.reduce((s, r) => s + r.netKg, 0)).toBe(netKg);
      expect(sum(sheet.rows.map((r) => r.payableLak))).toBe(payableLak);
      expect(sum(sheet.rows.map((r) => r.inputDeductionLak))).toBe(inputDeductionLak);
      expect(sum(sheet.rows.map((r) => r.grossLak))).toBe(payableLak + inputDeductionLak);
      for (const r of sheet.rows) expect(r.grossLak).toBe(r.payableLak + r.inputDeductionLak);
      expectLargestRemainder(
        BigInt(netKg),
        weights,
        sheet.rows.map((r) => BigInt(r.netKg)),
      );
      expectLargestRemainder(
        payableLak,
        weights,
        sheet.rows.map((r) => r.payableLak),
      );
      expectLargestRemainder(
        inputDeductionLak,
        weights,
        sheet.rows.map((r) => r.inputDeductionLak),
      );
      expect(sheet.rows.map((r) => r.memberId)).toEqual(pledges.map((p) => p.memberId));
    }
  });

  it("prints its rule in both languages", () => {
    const key = PAYOUT_RULE_KEY.split(":")[1]!.split(".");
    expect(PAYOUT_RULE_KEY.startsWith("contractRules:")).toBe(true);
    for (const lang of ["en", "lo"] as const) {
      const text = key.reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], resources[lang].contractRules);
      expect(typeof text).toBe("string");
      expect((text as string).length).toBeGreaterThan(100);
    }
  });
});
