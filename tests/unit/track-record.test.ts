import { describe, expect, it } from "vitest";
import {
  serialiseTrackRecord,
  trackRecord,
  type TrackContract,
  type TrackDelivery,
  type TrackDispute,
  type TrackPayment,
} from "~/domain/track-records/track-record";
import { startOfLaoDay } from "~/utils/dates";

// "Today" is 1 March 2026 at noon in Laos; day(n) is the start of the Lao day n days from it.
const day0 = startOfLaoDay("2026-03-01")!;
const day = (n: number) => new Date(day0.getTime() + n * 86_400_000);
const now = new Date(day0.getTime() + 12 * 3600_000);

let seq = 0;
function contract(c: Partial<TrackContract> & { quantityKg: number; deliveryDate: Date }): TrackContract {
  return { id: `c${++seq}`, previousContractId: null, status: "active", paymentDays: 7, advanceLak: 0n, deliveries: [], payments: [], disputes: [], ...c };
}
const delivery = (on: number, netKg: number, amountDueLak: bigint, status = "confirmed", inputDeductionLak = 0n): TrackDelivery => ({
  deliveredOn: day(on),
  netKg,
  amountDueLak,
  inputDeductionLak,
  status,
});
const payment = (on: number, amountLak: bigint, status = "confirmed"): TrackPayment => ({ amountLak, paidOn: day(on), status });
const dispute = (raisedByParty: string, status: string): TrackDispute => ({ raisedByParty, status });

function market(): TrackContract[] {
  // Completed: 1,000 kg delivered on day −30 (due −23), paid in full on −25: on time.
  const c1 = contract({
    status: "completed",
    quantityKg: 1000,
    deliveryDate: day(-30),
    deliveries: [delivery(-30, 1000, 3_000_000n)],
    payments: [payment(-25, 3_000_000n)],
  });
  // Active, due on −10, 5 days to pay, advance 500,000. 1,500 kg on −10 (due −5): advance on time, 2,000,000
  // paid on −2 (3 days late), 2,000,000 still unpaid (5 days late). A contested delivery and an unconfirmed
  // payment do not count.
  const c2 = contract({
    quantityKg: 2000,
    deliveryDate: day(-10),
    paymentDays: 5,
    advanceLak: 500_000n,
    deliveries: [delivery(-10, 1500, 4_500_000n), delivery(-5, 300, 900_000n, "contested")],
    payments: [payment(-2, 2_000_000n), payment(-1, 2_000_000n, "recorded")],
    disputes: [dispute("fo", "open"), dispute("trader", "resolved")],
  });
  // Not yet due (delivery date +10): 200 kg on −1 waiting for an answer, due +6; 300,000 paid early counts as on time.
  const c3 = contract({ quantityKg: 500, deliveryDate: day(10), deliveries: [delivery(-1, 200, 600_000n, "recorded")], payments: [payment(0, 300_000n)] });
  // An amended deal: the original (superseded, 10 days to pay) and its amendment (3 days, 800 kg, due −15).
  // 500 kg on −20 under the original (due −10) and 400 kg on −12 under the amendment (due −9); the advance of
  // 100,000 (repeated in the amendment's terms) counts once; 2,700,000 paid on −9: 1,400,000 one day late.
  const c4 = contract({
    status: "superseded",
    quantityKg: 1000,
    deliveryDate: day(-20),
    paymentDays: 10,
    advanceLak: 100_000n,
    deliveries: [delivery(-20, 500, 1_500_000n)],
    disputes: [dispute("fo", "resolved")],
  });
  const c5 = contract({
    previousContractId: c4.id,
    quantityKg: 800,
    deliveryDate: day(-15),
    paymentDays: 3,
    advanceLak: 100_000n,
    deliveries: [delivery(-12, 400, 1_200_000n)],
    payments: [payment(-9, 2_700_000n)],
  });
  // Not counted at all.
  const c6 = contract({ status: "awaiting_signatures", quantityKg: 9999, deliveryDate: day(-40) });
  const c7 = contract({ status: "cancelled", quantityKg: 9999, deliveryDate: day(-40), deliveries: [delivery(-40, 9999, 1n)] });
  return [c1, c2, c3, c4, c5, c6, c7];
}

describe("track record", () => {
  it("counts each deal once, its volumes, fulfilment, payments on time, days late and disputes (trader)", () => {
    const r = trackRecord("trader", market(), now);
    expect(r.contractsSigned).toBe(4);
    expect(r.inForce).toBe(3);
    expect(r.completed).toBe(1);
    expect(r.contractedKg).toBe(1000 + 2000 + 500 + 800);
    expect(r.deliveredKg).toBe(1000 + 1500 + 500 + 400);
    // Due: c1, c2, the amended deal (c3 is not): 1,000 + 1,500 + min(900, 800) of 1,000 + 2,000 + 800 = 86.84 %.
    expect(r.fulfilment).toEqual({ contracts: 3, contractedKg: 3800, deliveredKg: 3300, percentTenths: 868 });
    // Counted 3,000,000 + 4,500,000 + 300,000 + 2,700,000; on time 3,000,000 + 500,000 + 300,000 + 1,300,000.
    expect(r.payments).toEqual({
      countedLak: 10_500_000n,
      onTimeLak: 5_100_000n,
      percentTenths: 486,
      lateDeliveries: 2,
      stillUnpaid: 1,
      averageDaysLateTenths: 30,
    });
    expect(r.deliveries).toEqual({ confirmed: 4, contested: 1, awaiting: 1 });
    expect(r.disputes).toEqual({ raisedBy: { total: 1, resolved: 1, open: 0 }, raisedAgainst: { total: 2, resolved: 1, open: 1 } });
    expect(serialiseTrackRecord(r).payments).toMatchObject({ countedLak: "10500000", onTimeLak: "5100000" });
  });

  it("reads the disputes from the FO's side", () => {
    const r = trackRecord("fo", market(), now);
    expect(r.party).toBe("fo");
    expect(r.disputes).toEqual({ raisedBy: { total: 2, resolved: 1, open: 1 }, raisedAgainst: { total: 1, resolved: 1, open: 0 } });
  });

  it("has no record yet without a signed contract, and divides by nothing", () => {
    for (const contracts of [[], [contract({ status: "awaiting_signatures", quantityKg: 100, deliveryDate: day(-5) })]]) {
      expect(trackRecord("trader", contracts, now)).toEqual({
        party: "trader",
        contractsSigned: 0,
        inForce: 0,
        completed: 0,
        contractedKg: 0,
        deliveredKg: 0,
        fulfilment: { contracts: 0, contractedKg: 0, deliveredKg: 0, percentTenths: null },
        payments: { countedLak: 0n, onTimeLak: 0n, percentTenths: null, lateDeliveries: 0, stillUnpaid: 0, averageDaysLateTenths: null },
        deliveries: { confirmed: 0, contested: 0, awaiting: 0 },
        households: { contracts: 0, pledging: 0, short: 0, shortKg: 0 },
        disputes: { raisedBy: { total: 0, resolved: 0, open: 0 }, raisedAgainst: { total: 0, resolved: 0, open: 0 } },
      });
    }
  });

  it("judges nothing before it falls due: a delivery day of today, an amount due today", () => {
    const r = trackRecord("trader", [contract({ quantityKg: 1000, deliveryDate: day(0), paymentDays: 0, deliveries: [delivery(0, 600, 1_800_000n)] })], now);
    expect(r.contractsSigned).toBe(1);
    expect(r.fulfilment.percentTenths).toBeNull();
    expect(r.payments).toMatchObject({ countedLak: 0n, percentTenths: null, averageDaysLateTenths: null });
  });

  it("caps over-delivery per deal, rounds half up, and averages days late over late deliveries", () => {
    const r = trackRecord(
      "trader",
      [
        // 1,200 kg on 1,000 contracted counts as 1,000; 2 kg on 3 contracted: 1,002 of 1,003 = 99.900 %.
        contract({
          status: "completed",
          quantityKg: 1000,
          deliveryDate: day(-20),
          paymentDays: 0,
          deliveries: [delivery(-20, 1200, 100n)],
          payments: [payment(-19, 100n)],
        }),
        contract({
          quantityKg: 3,
          deliveryDate: day(-20),
          paymentDays: 0,
          deliveries: [delivery(-20, 1, 100n), delivery(-19, 1, 100n)],
          payments: [payment(-18, 200n)],
        }),
      ],
      now,
    );
    expect(r.fulfilment).toEqual({ contracts: 2, contractedKg: 1003, deliveredKg: 1002, percentTenths: 999 });
    // Late by 1, 2 and 1 days: 4 ÷ 3 = 1.33 → 1.3; nothing on time.
    expect(r.payments).toEqual({ countedLak: 300n, onTimeLak: 0n, percentTenths: 0, lateDeliveries: 3, stillUnpaid: 0, averageDaysLateTenths: 13 });
  });

  it("pays what the input deduction leaves, and asked of a past day ignores later records", () => {
    const c = contract({
      quantityKg: 1000,
      deliveryDate: day(-30),
      paymentDays: 2,
      deliveries: [delivery(-30, 1000, 1_000_000n, "confirmed", 400_000n)],
      payments: [payment(-28, 600_000n), payment(-5, 999n)],
      disputes: [],
    });
    expect(trackRecord("trader", [c], now).payments).toMatchObject({ countedLak: 600_000n, onTimeLak: 600_000n, percentTenths: 1000, lateDeliveries: 0 });
    // On day −29 the delivery is not due until −28, and nothing was paid yet.
    const then = trackRecord("trader", [c], day(-29));
    expect(then.payments).toMatchObject({ countedLak: 0n, percentTenths: null });
    expect(then.fulfilment).toMatchObject({ contracts: 1, deliveredKg: 1000, percentTenths: 1000 });
    // On day −31 the delivery had not happened.
    expect(trackRecord("trader", [c], day(-31))).toMatchObject({ deliveredKg: 0, fulfilment: { contracts: 0, percentTenths: null } });
  });
});
