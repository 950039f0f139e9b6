import { describe, expect, it } from "vitest";
import {
  contractSummarySms,
  deliveryReceiptSms,
  MAX_SMS_PARTS,
  optOutConfirmationSms,
  payoutLineSms,
  shortName,
  smsParts,
  weeklyPriceSms,
} from "~/domain/members/member-sms";
import { isStopReply, normaliseReply } from "~/domain/members/sms-consent";
import { isoWeekOf } from "~/domain/notifications/iso-week";
import { startOfLaoDay } from "~/utils/dates";

const lao = /[\u0E80-\u0EFF]/;
const long = "ນາງ ບົວພັນ ແກ້ວມະນີວົງສາ ບ້ານນາຊາຍທອງ ເມືອງແບ່ງ ແຂວງອຸດົມໄຊ";

describe("how many parts an SMS takes", () => {
  it("counts Lao as UCS-2: 70 characters in one SMS, 67 per part once split", () => {
    expect(smsParts("ກ".repeat(70))).toEqual({ encoding: "ucs2", units: 70, parts: 1 });
    expect(smsParts("ກ".repeat(71))).toEqual({ encoding: "ucs2", units: 71, parts: 2 });
    expect(smsParts("ກ".repeat(134)).parts).toBe(2);
    expect(smsParts("ກ".repeat(135)).parts).toBe(3);
    expect(smsParts("ກ".repeat(201)).parts).toBe(3);
    expect(smsParts("ກ".repeat(202)).parts).toBe(4);
  });

  it("counts plain ASCII as GSM 7-bit: 160, then 153 per part; one Lao letter makes the whole text UCS-2", () => {
    expect(smsParts("a".repeat(160))).toEqual({ encoding: "gsm7", units: 160, parts: 1 });
    expect(smsParts("a".repeat(161)).parts).toBe(2);
    expect(smsParts(`${"a".repeat(100)}ກ`)).toEqual({ encoding: "ucs2", units: 101, parts: 2 });
    expect(smsParts("").parts).toBe(0);
  });

  it("cuts a long name and says so", () => {
    expect(shortName("  ທ້າວ   ສົມພອນ ", 20)).toBe("ທ້າວ ສົມພອນ");
    expect(shortName(long, 10)).toHaveLength(10);
    expect(shortName(long, 10).endsWith("…")).toBe(true);
  });
});

describe("the messages to member households", () => {
  const deliveredOn = startOfLaoDay("2026-12-02")!;

  it("a delivery receipt gives the bags, gross kg, moisture, deduction and net kg of the household's own lot", () => {
    const text = deliveryReceiptSms({
      memberName: "ນາງ ບົວ",
      contractNumber: "SSJ-2026-0007",
      deliveredOn,
      bags: 12,
      grossKg: 1_203,
      moisturePermille: 155,
      deductedKg: 28,
      netKg: 1_175,
    });
    expect(text).toBe("ໃບຮັບ SSJ-2026-0007 02/12/2026 ນາງ ບົວ: 12ຖົງ 1.203ກິໂລ, ຄວາມຊຸ່ມ 15,5%, ຫັກ 28ກິໂລ, ສຸດທິ 1.175ກິໂລ");
    expect(smsParts(text)).toMatchObject({ encoding: "ucs2", parts: 2 });
  });

  it("a payout line gives the household's net kg, its input deduction when there is one, and what it receives", () => {
    const text = payoutLineSms({ memberName: "ທ້າວ ສົມ", contractNumber: "SSJ-2026-0007", netKg: 985, inputDeductionLak: 250_000n, payableLak: 2_803_500n });
    expect(text).toBe("ສ່ວນແບ່ງ SSJ-2026-0007 ທ້າວ ສົມ: 985ກິໂລ, ຫັກຄ່າປັດໃຈ 250.000ກີບ, ຮັບ 2.803.500ກີບ. ຖາມຫົວໜ້າກຸ່ມໄດ້");
    expect(payoutLineSms({ memberName: "ທ້າວ ສົມ", contractNumber: "SSJ-2026-0007", netKg: 985, inputDeductionLak: 0n, payableLak: 3_053_500n })).not.toContain(
      "ປັດໃຈ",
    );
  });

  it("a contract summary gives the crop, kg, price, payment terms and number; a floor-price contract its floor", () => {
    const brief = {
      contractNumber: "SSJ-2026-0007",
      cropName: "ສາລີ",
      traderName: "Phoudoi Trading",
      quantityKg: 12_000,
      priceMechanism: "fixed",
      priceLakPerKg: 3_100,
      floorPriceLakPerKg: null,
      paymentDays: 7,
    };
    expect(contractSummarySms(brief)).toBe("ສັນຍາໃໝ່ SSJ-2026-0007: ຂາຍສາລີ 12.000ກິໂລ ໃຫ້ Phoudoi Trading, 3.100ກີບ/ກິໂລ, ຈ່າຍພາຍໃນ 7 ມື້ຫຼັງສົ່ງ");
    expect(contractSummarySms({ ...brief, priceMechanism: "floor_premium", floorPriceLakPerKg: 2_800 })).toContain("ລາຄາຕະຫຼາດ ບໍ່ຕ່ຳກວ່າ 2.800ກີບ/ກິໂລ");
    expect(contractSummarySms({ ...brief, priceMechanism: "input_supply" })).toContain("ຫັກຄ່າປັດໃຈ");
  });

  it("the weekly price gives each crop's range where it was seen, at most three crops, and how to stop", () => {
    const text = weeklyPriceSms([
      { cropName: "ສາລີ", placeName: "ແບ່ງ", low: 2_900, high: 3_200 },
      { cropName: "ເດືອຍ", placeName: "ທຸກເມືອງ", low: 5_000, high: 5_000 },
    ]);
    expect(text).toBe("ລາຄາອາທິດນີ້ (ກີບ/ກິໂລ): ສາລີ ແບ່ງ 2.900-3.200; ເດືອຍ ທຸກເມືອງ 5.000. ບໍ່ຢາກຮັບ ຕອບ ຢຸດ");
    const four = weeklyPriceSms(["a", "b", "c", "d"].map((c) => ({ cropName: `ພືດ ${c}`, placeName: "ແບ່ງ", low: 1, high: 2 })));
    expect(four).not.toContain("ພືດ d");
  });

  it("keeps every message in Lao script and within three parts, even with the longest names and figures", () => {
    const texts = [
      deliveryReceiptSms({
        memberName: long,
        contractNumber: "SSJ-2026-12345",
        deliveredOn,
        bags: 9_999,
        grossKg: 99_999_999,
        moisturePermille: 999,
        deductedKg: 99_999_999,
        netKg: 99_999_999,
      }),
      payoutLineSms({
        memberName: long,
        contractNumber: "SSJ-2026-12345",
        netKg: 99_999_999,
        inputDeductionLak: 999_999_999_999n,
        payableLak: 999_999_999_999n,
      }),
      contractSummarySms({
        contractNumber: "SSJ-2026-12345",
        cropName: long,
        traderName: long,
        quantityKg: 99_999_999,
        priceMechanism: "floor_premium",
        priceLakPerKg: 99_999,
        floorPriceLakPerKg: 99_999,
        paymentDays: 365,
      }),
      contractSummarySms({
        contractNumber: "SSJ-2026-12345",
        cropName: long,
        traderName: long,
        quantityKg: 99_999_999,
        priceMechanism: "input_supply",
        priceLakPerKg: 99_999,
        floorPriceLakPerKg: null,
        paymentDays: 365,
      }),
      weeklyPriceSms([1, 2, 3].map(() => ({ cropName: long, placeName: long, low: 99_999, high: 100_000 }))),
      optOutConfirmationSms(),
    ];
    for (const text of texts) {
      expect(text).toMatch(lao);
      expect(smsParts(text).encoding).toBe("ucs2");
      expect(smsParts(text).parts).toBeLessThanOrEqual(MAX_SMS_PARTS);
    }
    expect(smsParts(optOutConfirmationSms()).parts).toBeLessThanOrEqual(2);
  });
});

describe("a reply that stops the messages", () => {
  it("is one of the stop words, whatever the case, spaces or closing mark", () => {
    for (const text of ["ຢຸດ", " ຢຸດ ", "ຢ ຸ ດ", "ຢຸດ.", "ຍົກເລີກ", "STOP", "stop", "Stop!", " s t o p ", "unsubscribe"]) expect(isStopReply(text), text).toBe(true);
  });

  it("is not a text that only mentions stopping", () => {
    for (const text of ["ບໍ່ຢຸດ", "ຢຸດກ່ອນ ແລ້ວຈະໂທຫາ", "don't stop", "STOPPED", "", "ສະບາຍດີ"]) expect(isStopReply(text), text).toBe(false);
  });

  it("compares without spaces or zero-width marks, in upper case", () => {
    expect(normaliseReply("s\u200Btop ")).toBe("STOP");
  });
});

describe("the ISO week of an instant in Vientiane", () => {
  it("runs Monday to Sunday in Vientiane time", () => {
    // Thursday 3 December 2026 is in week 49; the week began on Monday 30 November at 00:00 in Vientiane.
    expect(isoWeekOf(new Date("2026-12-03T12:00:00Z"))).toEqual({ key: "2026-W49", start: new Date("2026-11-29T17:00:00Z") });
    // Sunday 6 December 23:30 in Vientiane is still week 49; 30 minutes later it is week 50.
    expect(isoWeekOf(new Date("2026-12-06T16:30:00Z")).key).toBe("2026-W49");
    expect(isoWeekOf(new Date("2026-12-06T17:00:00Z")).key).toBe("2026-W50");
  });

  it("names the week by the year of its Thursday", () => {
    expect(isoWeekOf(new Date("2027-01-01T05:00:00Z")).key).toBe("2026-W53");
    expect(isoWeekOf(new Date("2024-12-30T05:00:00Z")).key).toBe("2025-W01");
    expect(isoWeekOf(new Date("2026-01-01T05:00:00Z")).key).toBe("2026-W01");
  });
});
