import { describe, expect, it } from "vitest";
import { allocateRepayments, deliveryShares, householdPayout, type SettlementLot } from "~/domain/payments/household-settlement";

const pledges = [
  { memberId: "a", kg: 1000 },
  { memberId: "b", kg: 2000 },
  { memberId: "c", kg: 0 },
];

describe("each household's part of a delivery", () => {
  it("gives a household its own lots, and shares pooled lots by pledge only", () => {
    const lots: SettlementLot[] = [
      { memberId: "a", netKg: 900, amountLak: 2_700_000n, deductedKg: 100 },
      { memberId: "c", netKg: 500, amountLak: 1_300_000n, deductedKg: 20 },
      { memberId: null, netKg: 301, amountLak: 903_001n, deductedKg: 0 },
    ];
    const shares = deliveryShares(lots, pledges);
    // pooled 301 kg by 1,000 : 2,000 → 100.33 and 200.67: 100 and 201; 903,001 → 301,000.33 and 602,000.67: 301,000 and 602,001
    expect(shares.get("a")).toEqual({
      ownNetKg: 900,
      ownDeductedKg: 100,
      ownLak: 2_700_000n,
      ownContentLak: 0n,
      pooledNetKg: 100,
      pooledLak: 301_000n,
      grossLak: 3_001_000n,
    });
    expect(shares.get("b")).toEqual({
      ownNetKg: 0,
      ownDeductedKg: 0,
      ownLak: 0n,
      ownContentLak: 0n,
      pooledNetKg: 201,
      pooledLak: 602_001n,
      grossLak: 602_001n,
    });
    // c pledged nothing: its own lot only.
    expect(shares.get("c")).toEqual({
      ownNetKg: 500,
      ownDeductedKg: 20,
      ownLak: 1_300_000n,
      ownContentLak: 0n,
      pooledNetKg: 0,
      pooledLak: 0n,
      grossLak: 1_300_000n,
    });
    expect(() => deliveryShares([{ memberId: null, netKg: 1, amountLak: 1n, deductedKg: 0 }], [{ memberId: "a", kg: 0 }])).toThrow(RangeError);
  });

  it("repays each household's own inputs up to what it gets, then the FO's own from what is left", () => {
    const shares = deliveryShares(
      [
        { memberId: "a", netKg: 100, amountLak: 300_000n, deductedKg: 0 },
        { memberId: "b", netKg: 100, amountLak: 300_000n, deductedKg: 0 },
        { memberId: "c", netKg: 100, amountLak: 300_000n, deductedKg: 0 },
      ],
      pledges,
    );
    const { byMember, poolLak } = allocateRepayments({
      shares,
      owedByMember: new Map([
        ["a", 500_000n],
        ["b", 100_000n],
        ["x", 50_000n],
      ]),
      poolOwedLak: 1_000_000n,
    });
    // a owes more than its 300,000: repays 300,000 and still owes the rest; b repays its 100,000; x delivered nothing.
    expect(byMember).toEqual(
      new Map([
        ["a", 300_000n],
        ["b", 100_000n],
      ]),
    );
    // left: 0 + 200,000 + 300,000 = 500,000: the FO's own inputs take that much of their 1,000,000
    expect(poolLak).toBe(500_000n);
    expect(allocateRepayments({ shares, owedByMember: new Map(), poolOwedLak: 10n }).poolLak).toBe(10n);
  });
});

describe("the household payout sheet", () => {
  it("pays each household its own, shares the FO's inputs by what is left, and adds up exactly", () => {
    const rows = householdPayout(
      [
        {
          lots: [
            { memberId: "a", netKg: 900, amountLak: 2_700_000n, deductedKg: 100 },
            { memberId: "b", netKg: 1000, amountLak: 3_000_000n, deductedKg: 0 },
            { memberId: null, netKg: 301, amountLak: 903_001n, deductedKg: 0 },
          ],
          repaidByMember: new Map([["a", 1_030_000n]]),
          poolRepaidLak: 100_001n,
        },
        { lots: [{ memberId: "b", netKg: 10, amountLak: 30_000n, deductedKg: 5 }], repaidByMember: new Map(), poolRepaidLak: 0n },
      ],
      pledges,
      ["a", "b", "c", "d"],
    );
    const a = rows.find((r) => r.memberId === "a")!;
    const b = rows.find((r) => r.memberId === "b")!;
    // a: gross 2,700,000 + 301,000; own inputs 1,030,000; left 1,971,000. b: gross 3,000,000 + 602,001, left 3,602,001.
    // FO's 100,001 by 1,971,000 : 3,602,001 (of 5,573,001) → 35,366.99 and 64,634.01: 35,367 and 64,634.
    expect(a).toMatchObject({
      pledgedKg: 1000,
      ownNetKg: 900,
      ownDeductedKg: 100,
      pooledNetKg: 100,
      netKg: 1000,
      grossLak: 3_001_000n,
      inputRepaidLak: 1_030_000n,
      commonInputLak: 35_367n,
      payableLak: 1_935_633n,
    });
    expect(b).toMatchObject({
      pledgedKg: 2000,
      ownNetKg: 1010,
      ownDeductedKg: 5,
      pooledNetKg: 201,
      netKg: 1211,
      grossLak: 3_632_001n,
      inputRepaidLak: 0n,
      commonInputLak: 64_634n,
      payableLak: 3_567_367n,
    });
    // d had nothing delivered and nothing repaid: a row of zeros, on the sheet to sign.
    expect(rows.find((r) => r.memberId === "d")).toMatchObject({ netKg: 0, grossLak: 0n, payableLak: 0n });
    const total = (f: (r: (typeof rows)[number]) => bigint) => rows.reduce((s, r) => s + f(r), 0n);
    expect(total((r) => BigInt(r.netKg))).toBe(900n + 1000n + 301n + 10n);
    expect(total((r) => r.grossLak)).toBe(2_700_000n + 3_000_000n + 903_001n + 30_000n);
    expect(total((r) => r.inputRepaidLak + r.commonInputLak)).toBe(1_030_000n + 100_001n);
    for (const r of rows) expect(r.payableLak).toBe(r.grossLak - r.inputRepaidLak - r.commonInputLak);
  });

  it("never takes a household below nothing for the FO's inputs, on many random sheets", () => {
    let seed = 7;
    const next = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % (max + 1);
    };
    for (let run = 0; run < 200; run++) {
      const members = ["a", "b", "c", "d"];
      const ps = members.map((m) => ({ memberId: m, kg: next(3000) + (m === "a" ? 1 : 0) }));
      const lots: SettlementLot[] = members
        .filter(() => next(1) === 1)
        .map((m) => ({ memberId: m, netKg: next(2000), amountLak: BigInt(next(6_000_000)), deductedKg: next(50) }));
      lots.push({ memberId: null, netKg: next(500), amountLak: BigInt(next(1_500_000)), deductedKg: 0 });
      const shares = deliveryShares(lots, ps);
      const owed = new Map(members.map((m) => [m, BigInt(next(3_000_000))]));
      const { byMember, poolLak } = allocateRepayments({ shares, owedByMember: owed, poolOwedLak: BigInt(next(5_000_000)) });
      const rows = householdPayout([{ lots, repaidByMember: byMember, poolRepaidLak: poolLak }], ps, members);
      for (const r of rows) expect(r.payableLak >= 0n).toBe(true);
      expect(rows.reduce((s, r) => s + r.grossLak, 0n)).toBe(lots.reduce((s, l) => s + l.amountLak, 0n));
      expect(rows.reduce((s, r) => s + r.commonInputLak, 0n)).toBe(poolLak);
    }
  });

  it("refuses records that cannot be: a repayment larger than a share, or by a household with none", () => {
    const lots: SettlementLot[] = [{ memberId: "a", netKg: 10, amountLak: 100n, deductedKg: 0 }];
    expect(() => householdPayout([{ lots, repaidByMember: new Map([["a", 101n]]), poolRepaidLak: 0n }], pledges, [])).toThrow(RangeError);
    expect(() => householdPayout([{ lots, repaidByMember: new Map(), poolRepaidLak: 101n }], pledges, [])).toThrow(RangeError);
    expect(() => householdPayout([{ lots, repaidByMember: new Map([["z", 1n]]), poolRepaidLak: 0n }], pledges, [])).toThrow(RangeError);
  });
});
