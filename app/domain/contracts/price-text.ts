// The contract's words for its price and what it deducts: the price rule of
// each mechanism (fixed, floor with premium, export parity with a floor), the
// exchange-rate clause, the amount paid and the input credit's example.
import { divideRoundHalfUp } from "~/domain/prices/rounding";
import { formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { snapshotCurrency, type ContractSnapshot, type SnapshotExportParity } from "./snapshot";
import { lak, toBigInt, perKg, percent, contractDate, calendarDays } from "./render-text";

// ---------------------------------------------------------------------------
// Input credit (input-supply contracts)
// ---------------------------------------------------------------------------

/** The most that can be deducted for inputs: value plus simple interest from the contract date to the delivery date. */
export function inputCredit(s: ContractSnapshot): { value: bigint; days: number; interest: bigint; total: bigint; permille: number } | null {
  if (s.terms.inputValueLak === null) return null;
  const value = toBigInt(s.terms.inputValueLak);
  const permille = s.terms.inputInterestPermillePerMonth ?? 0;
  const days = calendarDays(s.date, s.terms.deliveryDate);
  const interest = divideRoundHalfUp(value * BigInt(permille) * BigInt(days), 30_000n);
  return { value, days, interest, total: value + interest, permille };
}

export function inputExample(s: ContractSnapshot, locale: Locale): string {
  const c = inputCredit(s);
  if (!c) return locale === "lo" ? "ບໍ່ມີປັດໄຈການຜະລິດລ່ວງໜ້າ." : "No inputs are advanced.";
  const handover = contractDate(s, s.date, locale);
  const delivery = contractDate(s, s.terms.deliveryDate, locale);
  if (c.permille === 0) {
    return locale === "lo"
      ? `ບໍ່ມີດອກເບ້ຍ: ຫັກພຽງ ${lak(c.value, locale, snapshotCurrency(s))} ເທົ່ານັ້ນ.`
      : `No interest is charged: exactly ${lak(c.value, locale, snapshotCurrency(s))} is deducted.`;
  }
  return locale === "lo"
    ? `ຕົວຢ່າງ: ຖ້າມອບປັດໄຈການຜະລິດວັນທີ ${handover} ແລະ ສົ່ງຜົນຜະລິດວັນທີ ${delivery} (${formatNumber(c.days, locale)} ມື້), ດອກເບ້ຍແມ່ນ ${lak(c.value, locale, snapshotCurrency(s))} × ${percent(c.permille, locale)} × ${formatNumber(c.days, locale)} ÷ 30 = ${lak(c.interest, locale, snapshotCurrency(s))}, ແລະ ຫັກທັງໝົດ ${lak(c.total, locale, snapshotCurrency(s))}. ນີ້ແມ່ນຈຳນວນຫຼາຍທີ່ສຸດ ທີ່ຫັກໄດ້, ເພາະດອກເບ້ຍຢຸດໃນວັນສົ່ງຜົນຜະລິດຕາມສັນຍາ.`
    : `Example: if the inputs are handed over on ${handover} and the crop is delivered on ${delivery} (${formatNumber(c.days, locale)} days), the interest is ${lak(c.value, locale, snapshotCurrency(s))} × ${percent(c.permille, locale)} × ${formatNumber(c.days, locale)} ÷ 30 = ${lak(c.interest, locale, snapshotCurrency(s))}, and the total deducted is ${lak(c.total, locale, snapshotCurrency(s))}. This is the most that can be deducted, because interest stops on the contract's delivery date.`;
}

// ---------------------------------------------------------------------------
// Export parity with a floor
// ---------------------------------------------------------------------------

export const currencyNames: Record<SnapshotExportParity["currency"], { lo: string; en: string }> = {
  THB: { lo: "ບາດໄທ (THB)", en: "Thai baht (THB)" },
  CNY: { lo: "ຢວນຈີນ (CNY)", en: "Chinese yuan (CNY)" },
  USD: { lo: "ໂດລາສະຫະລັດ (USD)", en: "US dollars (USD)" },
};

export const rateSourceNames: Record<SnapshotExportParity["rateSourceKind"], { lo: string; en: string }> = {
  bol_reference: { lo: "ອັດຕາອ້າງອີງຂອງທະນາຄານແຫ່ງ ສປປ ລາວ", en: "the reference rate of the Bank of the Lao PDR" },
  commercial_bank: {
    lo: "ອັດຕາຂອງທະນາຄານທຸລະກິດ (ຊື່ທະນາຄານ ບອກໄວ້ກັບແຕ່ລະອັດຕາໃນເວັບ)",
    en: "a commercial bank's rate (the bank is named with each rate on the portal)",
  },
};

export function exportTerms(s: ContractSnapshot): SnapshotExportParity & { floorLakPerKg: number } {
  const e = s.terms.exportParity;
  const floor = s.terms.floorPriceLakPerKg;
  if (!e || floor === null) throw new Error(`Contract ${s.number}: an export-parity contract needs its export terms and a floor price`);
  return { ...e, floorLakPerKg: floor };
}

export function exportParityRule(s: ContractSnapshot, locale: Locale): string {
  const lo = locale === "lo";
  if (s.template.priceMechanism !== "export_parity_floor") return lo ? "ສັນຍານີ້ ບໍ່ໄດ້ຄິດລາຄາຕາມລາຄາສົ່ງອອກ." : "This contract is not priced on export parity.";
  const e = exportTerms(s);
  const crop = s.crop.name[locale];
  const currency = currencyNames[e.currency][locale];
  const rate = rateSourceNames[e.rateSourceKind][locale];
  const margin = perKg(e.marginLakPerKg, locale, snapshotCurrency(s));
  const floor = perKg(e.floorLakPerKg, locale, snapshotCurrency(s));
  const days = formatNumber(e.maxAgeDays, locale);
  return lo
    ? [
        "ລາຄາທຽບເທົ່າສົ່ງອອກ ຂອງມື້ສົ່ງ = ລາຄາອ້າງອີງສົ່ງອອກ × ອັດຕາແລກປ່ຽນ − ສ່ວນຫັກ, ເຊິ່ງ:",
        `  - ລາຄາອ້າງອີງສົ່ງອອກ: ລາຄາ${crop} ທີ່ ${e.market}, ເປັນ ${currency} ຕໍ່ ກິໂລ, ທີ່ພະນັກງານອຳນວຍຄວາມສະດວກ ບັນທຶກໄວ້ໃນເວັບ ພ້ອມຊື່ແຫຼ່ງທີ່ມາ;`,
        `  - ອັດຕາແລກປ່ຽນ: ${rate}, ເປັນກີບ ຕໍ່ 1 ${currency};`,
        `  - ສ່ວນຫັກ: ${margin}, ສຳລັບຄ່າຂົນສົ່ງ, ຄ່າໃຊ້ຈ່າຍຂ້າມແດນ ແລະ ກຳໄລຂອງພໍ່ຄ້າ; ສ່ວນຫັກນີ້ບໍ່ປ່ຽນແປງ.`,
        `ສຳລັບລາຄາອ້າງອີງ ແລະ ອັດຕາແລກປ່ຽນ, ແຕ່ລະອັນ ໃຊ້ຕົວເລກລ່າສຸດ ທີ່ປະກາດໃນມື້ສົ່ງ ຫຼື ກ່ອນມື້ສົ່ງ; ຖ້າມື້ດຽວກັນມີສອງຕົວເລກ, ໃຊ້ຕົວເລກທີ່ບັນທຶກຫຼັງສຸດ. ບໍ່ໃຊ້ຕົວເລກທີ່ປະກາດຫຼັງມື້ສົ່ງ. ຖ້າໃນ ${days} ມື້ ກ່ອນມື້ສົ່ງ (ລວມທັງມື້ສົ່ງ) ບໍ່ມີລາຄາອ້າງອີງ ຫຼື ບໍ່ມີອັດຕາແລກປ່ຽນ, ຈ່າຍລາຄາຂັ້ນຕ່ຳ ${floor}. ລາຄາອ້າງອີງ × ອັດຕາແລກປ່ຽນ ປັດເປັນກີບເຕັມ (ເຄິ່ງກີບ ປັດຂຶ້ນ).`,
        "ບັນທຶກການສົ່ງ ສະແດງແຕ່ລະຕົວເລກ ພ້ອມແຫຼ່ງທີ່ມາ ແລະ ວັນທີ, ແລະ ເກັບຮັກສາໄວ້: ຖ້າຕົວເລກໃດຖືກແກ້ໄຂພາຍຫຼັງ, ເງິນຂອງການສົ່ງທີ່ບັນທຶກແລ້ວ ບໍ່ປ່ຽນແປງ.",
      ].join("\n")
    : [
        "Export parity for a delivery day = the export reference price × the exchange rate − the margin, where:",
        `  - the export reference price is the price of ${crop} at ${e.market}, in ${currency} per kg, as recorded on the portal by the facilitators with its source named;`,
        `  - the exchange rate is ${rate}, in LAK for 1 ${currency};`,
        `  - the margin is ${margin}, for transport, border costs and the trader's margin; it does not change.`,
        `For the reference price and for the exchange rate, each, the figure used is the latest published on or before the delivery day; for a day with two, the one entered last. Figures published after the delivery day are never used. If the reference price or the exchange rate has none in the ${days} days up to and including the delivery day, the floor price of ${floor} is paid. The reference price × the exchange rate is rounded to a whole kip (half a kip rounds up).`,
        "The delivery record shows each figure with its source and date, and keeps them: a figure corrected later does not change a delivery already recorded.",
      ].join("\n");
}

/**
 * The exchange-rate clause of a contract written in baht or yuan (see
 * SnapshotCurrency): which rate converts its amounts to kip and on which day.
 * Null in a kip contract, whose text is as it always was.
 */
export function exchangeRateClause(s: ContractSnapshot, locale: Locale): string | null {
  const c = s.currency;
  if (!c) return null;
  const currency = currencyNames[c.code][locale];
  const kind = rateSourceNames[c.rateSourceKind][locale];
  return locale === "lo"
    ? `ສະກຸນເງິນ ແລະ ອັດຕາແລກປ່ຽນ: ສັນຍານີ້ຂຽນເປັນ ${currency}; ທຸກຈຳນວນເງິນໃນສັນຍານີ້ ແມ່ນເປັນ ${c.code}, ແລະ ພໍ່ຄ້າຈ່າຍເປັນ ${c.code}. ເມື່ອປ່ຽນເປັນກີບ (ໃບຈ່າຍເງິນໃຫ້ສະມາຊິກ), ໃຊ້ອັດຕາແລກປ່ຽນ ຂອງມື້ສົ່ງແຕ່ລະຄັ້ງ: ${kind}, ແຫຼ່ງທີ່ມາ "${c.rateSourceName}", ເປັນກີບ ຕໍ່ 1 ${c.code}, ຕາມທີ່ພະນັກງານອຳນວຍຄວາມສະດວກ ບັນທຶກໄວ້ໃນເວັບ. ບໍ່ໃຊ້ອັດຕາຂອງແຫຼ່ງອື່ນ ຫຼື ຂອງມື້ອື່ນ: ຖ້າບໍ່ມີອັດຕາຂອງແຫຼ່ງນີ້ ສຳລັບມື້ສົ່ງ, ໃບຈ່າຍເງິນ ຍັງສຳເລັດບໍ່ໄດ້ ຈົນກວ່າຈະບັນທຶກອັດຕານັ້ນ. ເງິນທີ່ປ່ຽນແລ້ວ ປັດເປັນກີບເຕັມ (ເຄິ່ງກີບ ປັດຂຶ້ນ).`
    : `Currency and exchange rate: this contract is written in ${currency}; every amount in it is in ${c.code}, and the trader pays in ${c.code}. Where an amount is converted to kip (the members' payout sheet), the rate used is that of the day of each delivery: ${kind}, source "${c.rateSourceName}", in LAK for 1 ${c.code}, as recorded on the portal by the facilitators. No other source's rate and no other day's rate is used: if none of this source is recorded for a delivery day, the payout sheet cannot be finalised until it is. The converted amount is rounded to a whole kip (half a kip rounds up).`;
}

export function priceRule(s: ContractSnapshot, locale: Locale): string {
  const rule = priceRuleOnly(s, locale);
  const clause = exchangeRateClause(s, locale);
  return clause === null ? rule : `${rule}\n${clause}`;
}

function priceRuleOnly(s: ContractSnapshot, locale: Locale): string {
  const price = perKg(s.terms.priceLakPerKg, locale, snapshotCurrency(s));
  const crop = s.crop.name[locale];
  if (s.template.priceMechanism === "export_parity_floor") {
    const e = exportTerms(s);
    const f = perKg(e.floorLakPerKg, locale, snapshotCurrency(s));
    return locale === "lo"
      ? `ລາຄາແມ່ນລາຄາທີ່ສູງກວ່າ ລະຫວ່າງສອງລາຄານີ້: ລາຄາຂັ້ນຕ່ຳ ${f} ເຊິ່ງຮັບປະກັນ, ຫຼື ລາຄາທຽບເທົ່າສົ່ງອອກ ຂອງມື້ສົ່ງຜົນຜະລິດ: ລາຄາ${crop} ທີ່ ${e.market} × ${rateSourceNames[e.rateSourceKind].lo} − ${perKg(e.marginLakPerKg, locale, snapshotCurrency(s))}. ຖ້າລາຄາສົ່ງອອກສູງ, ກຸ່ມໄດ້ລາຄາທຽບເທົ່າສົ່ງອອກ; ຖ້າລາຄາສົ່ງອອກຕົກ, ກຸ່ມຍັງໄດ້ ${f}.`
      : `The price is the higher of two prices: the floor price of ${f}, which is guaranteed, or export parity on the day of delivery: the price of ${crop} at ${e.market} × ${rateSourceNames[e.rateSourceKind].en} − ${perKg(e.marginLakPerKg, locale, snapshotCurrency(s))}. If export prices are high, the FO gets export parity; if they fall, the FO still gets ${f}.`;
  }
  if (s.template.priceMechanism === "floor_premium") {
    const floor = s.terms.floorPriceLakPerKg;
    if (floor === null) throw new Error(`Contract ${s.number}: a floor-price contract needs floorPriceLakPerKg`);
    const f = perKg(floor, locale, snapshotCurrency(s));
    return locale === "lo"
      ? `ລາຄາແມ່ນລາຄາທີ່ສູງກວ່າ ລະຫວ່າງສອງລາຄານີ້: ລາຄາຂັ້ນຕ່ຳ ${f} ເຊິ່ງຮັບປະກັນ, ຫຼື ລາຄາອ້າງອີງຂອງ${crop} ໃນມື້ສົ່ງຜົນຜະລິດ. ຖ້າລາຄາຕະຫຼາດສູງ, ກຸ່ມໄດ້ລາຄາຕະຫຼາດ; ຖ້າລາຄາຕະຫຼາດຕົກ, ກຸ່ມຍັງໄດ້ ${f}.`
      : `The price is the higher of two prices: the floor price of ${f}, which is guaranteed, or the reference price for ${crop} on the day of delivery. If the market is high, the FO gets the market price; if the market falls, the FO still gets ${f}.`;
  }
  const fixed =
    locale === "lo"
      ? `ລາຄາຄົງທີ່ ${price}. ລາຄານີ້ບໍ່ປ່ຽນແປງ ເຖິງວ່າລາຄາຕະຫຼາດຈະຂຶ້ນ ຫຼື ລົງ ກ່ອນມື້ສົ່ງຜົນຜະລິດ.`
      : `The price is fixed at ${price}. It does not change if the market price goes up or down before delivery.`;
  if (s.template.priceMechanism === "input_supply") {
    return locale === "lo"
      ? `${fixed} ມູນຄ່າປັດໄຈການຜະລິດ ແລະ ດອກເບ້ຍ (ມາດຕາ 10) ຫັກອອກຈາກເງິນທີ່ຈ່າຍ; ບໍ່ໄດ້ຫຼຸດລາຄາຕໍ່ກິໂລ.`
      : `${fixed} The value of the inputs and their interest (clause 10) are deducted from the payment; they never lower the price per kg.`;
  }
  return fixed;
}

export function referencePriceRule(s: ContractSnapshot, locale: Locale): string {
  const crop = s.crop.name[locale];
  const district = s.fo.district[locale];
  const province = s.fo.province[locale];
  return locale === "lo"
    ? `ລາຄາອ້າງອີງຂອງມື້ໃດໜຶ່ງ ແມ່ນລາຄາກາງ (ມັດທະຍະຖານ) ຂອງລາຄາຕະຫຼາດ${crop} ທີ່ບັນທຶກໄວ້ໃນເວັບ ໂດຍການສຳຫຼວດຕະຫຼາດ ແລະ ພະນັກງານອຳນວຍຄວາມສະດວກ ສຳລັບເມືອງ${district} (ຖ້າເມືອງນີ້ບໍ່ມີ, ສຳລັບແຂວງ${province}), ໃນມື້ລ່າສຸດທີ່ມີລາຄາ ຮອດມື້ນັ້ນ (ລວມທັງມື້ນັ້ນ) ແລະ ບໍ່ເກີນ 7 ມື້ກ່ອນມື້ນັ້ນ. ບໍ່ໃຊ້ລາຄາທີ່ບັນທຶກຫຼັງມື້ນັ້ນ ແລະ ບໍ່ນັບລາຄາທີ່ມາຈາກສັນຍາ.`
    : `The reference price for a day is the middle value (median) of the market prices for ${crop} recorded on the portal by market surveys and facilitators for ${district} district (if there are none, for ${province} province), on the latest day with prices up to and including that day and no more than 7 days before it. Prices recorded after that day are never used, and prices taken from contracts are not counted.`;
}

export function paymentAmount(s: ContractSnapshot, locale: Locale): string {
  const lo = locale === "lo";
  const parts: string[] = [];
  if (s.template.priceMechanism === "floor_premium" || s.template.priceMechanism === "export_parity_floor")
    parts.push(lo ? "ນ້ຳໜັກສຸດທິ × ລາຄາຕາມມາດຕາ 5 ຂອງມື້ສົ່ງ" : "net weight × the price of clause 5 for the day of delivery");
  else
    parts.push(
      lo
        ? `ນ້ຳໜັກສຸດທິ × ${perKg(s.terms.priceLakPerKg, locale, snapshotCurrency(s))}`
        : `net weight × ${perKg(s.terms.priceLakPerKg, locale, snapshotCurrency(s))}`,
    );
  if (toBigInt(s.terms.advanceLak) > 0n)
    parts.push(
      lo
        ? `ລົບເງິນລ່ວງໜ້າ ${lak(s.terms.advanceLak, locale, snapshotCurrency(s))} ທີ່ຈ່າຍແລ້ວ (ຫັກຄັ້ງດຽວ)`
        : `minus the advance of ${lak(s.terms.advanceLak, locale, snapshotCurrency(s))} already paid (deducted once)`,
    );
  if (s.template.priceMechanism === "input_supply")
    parts.push(lo ? "ລົບມູນຄ່າປັດໄຈການຜະລິດ ແລະ ດອກເບ້ຍ ຕາມມາດຕາ 10 (ຫັກຄັ້ງດຽວ)" : "minus the inputs and interest of clause 10 (deducted once)");
  return parts.join(", ");
}
