import { describe, expect, it } from "vitest";
import { inKip, payoutConversion, type RecordedRate } from "~/domain/payments/payout-currency";
import type { SnapshotCurrency } from "~/domain/contracts/snapshot";

const terms: SnapshotCurrency = { code: "THB", rateSourceKind: "commercial_bank", rateSourceName: "BCEL buying rate", convertsOn: "delivery_day" };
// 10:00 on 20 November in Vientiane
const day = new Date("2026-11-20T03:00:00Z");
const rate = (over: Partial<RecordedRate>): RecordedRate => ({
  currency: "THB",
  sourceKind: "commercial_bank",
  sourceName: "BCEL buying rate",
  lakPerHundred: 68_350,
  observedOn: new Date("2026-11-19T17:00:00Z"), // 20 November in Vientiane
  createdAt: new Date("2026-11-20T01:00:00Z"),
  ...over,
});

describe("the payout sheet's conversion to kip", () => {
  it("converts each delivery at the named source's rate of its own day", () => {
    const c = payoutConversion(terms, [day], [rate({})]);
    expect(c.complete).toBe(true);
    expect(c.days[0]!.rate).toMatchObject({ lakPerHundred: 68_350, sourceName: "BCEL buying rate" });
    // 11,820.00 THB → 8,078,970 LAK
    expect(inKip(c, 0, 1_182_000n)).toBe(8_078_970n);
  });

  it("never uses a rate of another source, kind or currency, nor of another day", () => {
    const others = [
      rate({ sourceName: "LDB buying rate", lakPerHundred: 70_000 }),
      rate({ sourceKind: "bol_reference", lakPerHundred: 71_000 }),
      rate({ currency: "CNY", lakPerHundred: 300_000 }),
      rate({ observedOn: new Date("2026-11-18T17:00:00Z") }), // the day before
      rate({ observedOn: new Date("2026-11-20T17:00:00Z") }), // the day after
    ];
    const c = payoutConversion(terms, [day], others);
    expect(c.complete).toBe(false);
    expect(c.days[0]!.rate).toBeNull();
    expect(() => inKip(c, 0, 100n)).toThrow(RangeError);
  });

  it("takes the rate entered last for a day with two (a correction), and is incomplete while any day lacks one", () => {
    const corrected = rate({ lakPerHundred: 68_400, createdAt: new Date("2026-11-20T05:00:00Z") });
    const later = new Date("2026-11-25T03:00:00Z");
    const c = payoutConversion(terms, [day, later], [rate({}), corrected]);
    expect(c.days[0]!.rate!.lakPerHundred).toBe(68_400);
    expect(c.days[1]!.rate).toBeNull();
    expect(c.complete).toBe(false);
    expect(inKip(c, 0, 100n)).toBe(684n);
  });
});
