import { describe, expect, it } from "vitest";
import { CHECK_CODE_ALPHABET, checkCodeMatches, formatCheckCode, newCheckCode, normaliseCheckCode } from "~/domain/contracts/check-code";
import { deliveryLimitKg, overDelivery } from "~/domain/deliveries/delivery-amount";
import { FormTokenSchema, formTokenOf, isUniqueViolation, newFormToken } from "~/domain/contracts/form-token";
import { overpaymentOf } from "~/domain/payments/payments";

describe("how much a contract may deliver", () => {
  it("is the quantity plus the tolerance, rounded half up to a whole kg as the contract text prints it", () => {
    expect(deliveryLimitKg(3000, 50)).toBe(3150);
    expect(deliveryLimitKg(300, 50)).toBe(315);
    expect(deliveryLimitKg(300, 0)).toBe(300);
    // 333 × 1.015 = 337.995 → 338; 1 × 1.5 = 1.5 → 2; 10 × 1.049 = 10.49 → 10.
    expect(deliveryLimitKg(333, 15)).toBe(338);
    expect(deliveryLimitKg(1, 500)).toBe(2);
    expect(deliveryLimitKg(10, 49)).toBe(10);
    expect(() => deliveryLimitKg(3000.5, 50)).toThrow(RangeError);
  });

  it("refuses only what passes the limit, and says by how much and what is left", () => {
    expect(overDelivery({ quantityKg: 3000, tolerancePermille: 50, deliveredNetKg: 2000, netKg: 1150 })).toBeNull();
    expect(overDelivery({ quantityKg: 3000, tolerancePermille: 50, deliveredNetKg: 2000, netKg: 1151 })).toEqual({
      quantityKg: 3000,
      tolerancePermille: 50,
      limitKg: 3150,
      deliveredNetKg: 2000,
      netKg: 1151,
      remainingKg: 1150,
      excessKg: 1,
    });
    expect(overDelivery({ quantityKg: 300, tolerancePermille: 50, deliveredNetKg: 315, netKg: 1 })).toMatchObject({ remainingKg: 0, excessKg: 1 });
  });
});

describe("paying more than is owed", () => {
  const deliveries = [
    { payableLak: 3_000_000n, status: "confirmed" },
    { payableLak: 1_000_000n, status: "recorded" },
    { payableLak: 9_000_000n, status: "contested" },
  ];
  it("counts the deliveries not contested, less the advance and every payment not contested, confirmed or not", () => {
    const payments = [
      { amountLak: 1_000_000n, status: "confirmed" },
      { amountLak: 500_000n, status: "recorded" },
      { amountLak: 7_000_000n, status: "contested" },
    ];
    // Owed: 4,000,000 − 500,000 − 1,000,000 − 500,000 = 2,000,000.
    expect(overpaymentOf({ deliveries, payments, advanceLak: 500_000n, amountLak: 2_000_000n })).toBeNull();
    expect(overpaymentOf({ deliveries, payments, advanceLak: 500_000n, amountLak: 2_000_001n })).toEqual({ owedLak: 2_000_000n, overLak: 1n });
  });

  it("makes all of a payment an overpayment when nothing is owed", () => {
    expect(overpaymentOf({ deliveries: [], payments: [], advanceLak: 0n, amountLak: 5n })).toEqual({ owedLak: 0n, overLak: 5n });
    // Paid ahead already (the advance is more than is due): still nothing owed.
    expect(overpaymentOf({ deliveries, payments: [], advanceLak: 6_000_000n, amountLak: 100n })).toEqual({ owedLak: 0n, overLak: 100n });
  });
});

describe("check codes", () => {
  it("are 8 characters of Crockford base 32, drawn at random", () => {
    const codes = Array.from({ length: 200 }, newCheckCode);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(normaliseCheckCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(200);
    expect(CHECK_CODE_ALPHABET).toHaveLength(32);
    // Every character turns up.
    expect(new Set(codes.join("")).size).toBe(32);
  });

  it("are read as typed from paper, and compared exactly", () => {
    expect(formatCheckCode("K7QX1M3P")).toBe("K7QX 1M3P");
    expect(normaliseCheckCode(" k7qx-lm3p ")).toBe("K7QX1M3P");
    expect(normaliseCheckCode("K7QX IM3P")).toBe("K7QX1M3P");
    expect(normaliseCheckCode("o7qx1m3p")).toBe("07QX1M3P");
    expect(normaliseCheckCode("K7QX1M3")).toBeNull();
    expect(normaliseCheckCode("K7QX1M3PP")).toBeNull();
    expect(normaliseCheckCode("K7QX1M3U")).toBeNull();
    expect(normaliseCheckCode(null)).toBeNull();
    expect(checkCodeMatches("K7QX1M3P", "k7qx lm3p")).toBe(true);
    expect(checkCodeMatches("K7QX1M3P", "K7QX1M3Q")).toBe(false);
    expect(checkCodeMatches("K7QX1M3P", "")).toBe(false);
    expect(checkCodeMatches(null, "K7QX1M3P")).toBe(false);
    expect(checkCodeMatches("", "")).toBe(false);
  });
});

describe("form tokens", () => {
  it("are random, URL-safe and read back from a form; anything else is no token", () => {
    const a = newFormToken();
    expect(FormTokenSchema.safeParse(a).success).toBe(true);
    expect(newFormToken()).not.toBe(a);
    const form = new FormData();
    form.set("formToken", a);
    expect(formTokenOf(form)).toBe(a);
    form.set("formToken", "short");
    expect(formTokenOf(form)).toBeNull();
    form.set("formToken", "<script>alert(1)</script>-----");
    expect(formTokenOf(form)).toBeNull();
    expect(formTokenOf(new FormData())).toBeNull();
  });

  it("know a unique-constraint failure from other errors", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation(new Error("UNIQUE constraint failed: Delivery.contractId, Delivery.formToken"))).toBe(true);
    expect(isUniqueViolation(new Error("wrapped", { cause: { code: "P2002" } }))).toBe(true);
    expect(isUniqueViolation(new Error("FOREIGN KEY constraint failed"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
