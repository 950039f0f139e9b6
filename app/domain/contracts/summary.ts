// The plain-language summary printed (large) at the top of a contract and
// read aloud in the FO's meeting, in the voice of its reader.
import { formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { memberTermsSummary } from "./guide-terms";
import { snapshotCurrency, type ContractSnapshot } from "./snapshot";
import { lak, toBigInt, perKg, percent, tidy } from "./render-text";
import { deductionSummary, qualitySummary } from "./quality-text";
import { inputCredit, currencyNames, rateSourceNames, exportTerms } from "./price-text";
import { placeholderValues } from "./placeholder-values";

// ---------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------

/**
 * Who a summary speaks to. "document" is the summary stored with the contract
 * when it was written (addressed to the FO, as read aloud in its meeting), and
 * must stay as it is: contracts already written keep it word for word. The
 * pages build the others at render time from the same frozen snapshot, so the
 * figures are the document's: the FO's leader reads what they will deliver and
 * be paid, the trader what they will receive and pay, anyone else (a
 * facilitator, the printed paper) the parties by name.
 */
type SummaryVoice = "document" | "fo" | "trader" | "neutral";

/** The voice a contract's reader is spoken to in: a party as itself, anyone else (a facilitator) in the third person. */
export function summaryVoiceFor(roles: { fo: boolean; trader: boolean }): SummaryVoice {
  return roles.fo ? "fo" : roles.trader ? "trader" : "neutral";
}

/** The plain-language summary, one sentence a line, written to be read aloud to the FO's members. */
export function renderSummary(snapshot: ContractSnapshot, locale: Locale, voice: SummaryVoice = "document"): string {
  const s = snapshot;
  const t = s.terms;
  const v = placeholderValues(s, locale);
  const lo = locale === "lo";
  const lines: string[] = [];
  const said = (words: Record<SummaryVoice, string>) => words[voice];
  const tol =
    t.tolerancePermille > 0 ? (lo ? ` (ບວກ ຫຼື ລົບ ${percent(t.tolerancePermille, locale)})` : ` (${percent(t.tolerancePermille, locale)} more or less)`) : "";

  let price: string;
  if (s.template.priceMechanism === "export_parity_floor") {
    const e = exportTerms(s);
    const rate = rateSourceNames[e.rateSourceKind][locale];
    const margin = perKg(e.marginLakPerKg, locale, snapshotCurrency(s));
    price = lo
      ? `ໃນລາຄາທີ່ສູງກວ່າ ລະຫວ່າງ ລາຄາຂັ້ນຕ່ຳ ${v.floorPrice} (ຮັບປະກັນ: ບໍ່ຕ່ຳກວ່ານີ້) ແລະ ລາຄາທຽບເທົ່າສົ່ງອອກ ໃນມື້ສົ່ງຜົນຜະລິດ: ລາຄາທີ່ ${e.market} ເປັນ ${e.currency} × ${rate} − ${margin}; ຖ້າບໍ່ມີຕົວເລກ ພາຍໃນ ${formatNumber(e.maxAgeDays, locale)} ມື້, ຈ່າຍລາຄາຂັ້ນຕ່ຳ`
      : `at the higher of the floor price of ${v.floorPrice} (guaranteed: never less) and export parity on the day of delivery: the price at ${e.market} in ${e.currency} × ${rate} − ${margin}; with no figures within ${formatNumber(e.maxAgeDays, locale)} days, the floor price`;
  } else if (s.template.priceMechanism === "floor_premium") {
    price = lo
      ? `ໃນລາຄາທີ່ສູງກວ່າ ລະຫວ່າງ ລາຄາຂັ້ນຕ່ຳ ${v.floorPrice} (ຮັບປະກັນ: ບໍ່ຕ່ຳກວ່ານີ້) ແລະ ລາຄາອ້າງອີງຂອງຕະຫຼາດ ໃນມື້ສົ່ງຜົນຜະລິດ`
      : `at the higher of the floor price of ${v.floorPrice} (guaranteed: never less) and the market reference price on the day of delivery`;
  } else {
    price = lo ? `ໃນລາຄາຄົງທີ່ ${v.price}` : `at a fixed price of ${v.price}`;
  }
  const goods = lo ? `${v.cropName} ${v.gradeName} ຈຳນວນ ${v.quantity}${tol}` : `${v.quantity}${tol} of ${v.cropName}, ${v.gradeName},`;
  lines.push(
    lo
      ? said({
          document: `ທ່ານ (${v.foName}) ຂາຍ ${goods} ໃຫ້ ${v.traderName} ${price}.`,
          fo: `ທ່ານ (${v.foName}) ຈະສົ່ງ ${goods} ໃຫ້ ${v.traderName} ${price}.`,
          trader: `ທ່ານ (${v.traderName}) ຈະໄດ້ຮັບ ${goods} ຈາກ ${v.foName} ${price}.`,
          neutral: `${v.foName} ຂາຍ ${goods} ໃຫ້ ${v.traderName} ${price}.`,
        })
      : said({
          document: `You, ${v.foName}, sell ${goods} to ${v.traderName} ${price}.`,
          fo: `You, ${v.foName}, will deliver ${goods} to ${v.traderName}, sold ${price}.`,
          trader: `You, ${v.traderName}, will receive ${goods} from ${v.foName}, bought ${price}.`,
          neutral: `${v.foName} sells ${goods} to ${v.traderName} ${price}.`,
        }),
  );
  if (s.currency) {
    const c = s.currency;
    lines.push(
      lo
        ? `ສະກຸນເງິນ: ${currencyNames[c.code].lo}; ປ່ຽນເປັນກີບ ດ້ວຍອັດຕາ "${c.rateSourceName}" ຂອງມື້ສົ່ງແຕ່ລະຄັ້ງ.`
        : `Currency: ${currencyNames[c.code].en}; converted to kip at the "${c.rateSourceName}" rate of each delivery day.`,
    );
  }
  const when = lo ? `ວັນທີ ${v.deliveryDate} ທີ່ ${v.deliveryPlace}` : `on ${v.deliveryDate} at ${v.deliveryPlace}`;
  lines.push(
    lo
      ? `ສົ່ງຜົນຜະລິດ: ${said({ document: "", neutral: "", fo: "ທ່ານຈະສົ່ງ ", trader: "ທ່ານຈະໄດ້ຮັບ " })}${when}; ${v.transport}; ກະສອບ: ${v.bags}.`
      : `Delivery: ${said({ document: "", neutral: "", fo: "you will deliver ", trader: "you will receive it " })}${when}; ${v.transport}; bags: ${v.bags}.`,
  );
  const advance = toBigInt(t.advanceLak) > 0n;
  const penalty = percent(t.latePenaltyPermillePerMonth, locale);
  const late =
    t.latePenaltyPermillePerMonth > 0
      ? lo
        ? said({
            document: `; ຖ້າຈ່າຍຊ້າ, ພໍ່ຄ້າຈ່າຍເພີ່ມ ${penalty} ຂອງເງິນທີ່ຄ້າງ ຕໍ່ເດືອນ`,
            neutral: `; ຖ້າຈ່າຍຊ້າ, ພໍ່ຄ້າຈ່າຍເພີ່ມ ${penalty} ຂອງເງິນທີ່ຄ້າງ ຕໍ່ເດືອນ`,
            fo: `; ຖ້າພໍ່ຄ້າຈ່າຍຊ້າ, ພໍ່ຄ້າຕ້ອງຈ່າຍເພີ່ມໃຫ້ທ່ານ ${penalty} ຂອງເງິນທີ່ຄ້າງ ຕໍ່ເດືອນ`,
            trader: `; ຖ້າທ່ານຈ່າຍຊ້າ, ທ່ານຕ້ອງຈ່າຍເພີ່ມ ${penalty} ຂອງເງິນທີ່ຄ້າງ ຕໍ່ເດືອນ`,
          })
        : said({
            document: `; if payment is late, the trader adds ${penalty} of the unpaid amount per month`,
            neutral: `; if payment is late, the trader adds ${penalty} of the unpaid amount per month`,
            fo: `; if the trader pays late, the trader adds ${penalty} of the unpaid amount per month`,
            trader: `; if you pay late, you add ${penalty} of the unpaid amount per month`,
          })
      : "";
  const advanceLak = lak(t.advanceLak, locale, snapshotCurrency(s));
  const advanced = !advance
    ? ""
    : lo
      ? said({
          document: `; ເງິນລ່ວງໜ້າ ${advanceLak} ຈ່າຍຫຼັງເຊັນສັນຍາ ແລະ ຫັກອອກຈາກເງິນທີ່ຈ່າຍ`,
          neutral: `; ເງິນລ່ວງໜ້າ ${advanceLak} ຈ່າຍຫຼັງເຊັນສັນຍາ ແລະ ຫັກອອກຈາກເງິນທີ່ຈ່າຍ`,
          fo: `; ທ່ານຈະໄດ້ຮັບເງິນລ່ວງໜ້າ ${advanceLak} ຫຼັງເຊັນສັນຍາ, ຊຶ່ງຈະຫັກອອກຈາກເງິນທີ່ຈ່າຍ`,
          trader: `; ທ່ານຈະຈ່າຍເງິນລ່ວງໜ້າ ${advanceLak} ຫຼັງເຊັນສັນຍາ, ຊຶ່ງຈະຫັກອອກຈາກເງິນທີ່ຈ່າຍ`,
        })
      : said({
          document: `; an advance of ${advanceLak} is paid after signing and deducted from the payment`,
          neutral: `; an advance of ${advanceLak} is paid after signing and deducted from the payment`,
          fo: `; you will be paid an advance of ${advanceLak} after signing, deducted from the payment`,
          trader: `; you will pay an advance of ${advanceLak} after signing, deducted from the payment`,
        });
  lines.push(
    lo
      ? `ຈ່າຍເງິນ: ${said({ document: "", neutral: "", fo: "ທ່ານຈະໄດ້ຮັບເງິນ ", trader: "ທ່ານຈະຈ່າຍເງິນ " })}${v.paymentDays} (${v.paymentDeadline})${advanced}${late}.`
      : `Payment: ${said({ document: "", neutral: "", fo: "you will be paid ", trader: "you will pay " })}${v.paymentDays} (${v.paymentDeadline})${advanced}${late}.`,
  );
  lines.push(deductionSummary(s, locale));
  const quality = qualitySummary(s, locale);
  if (quality) lines.push(quality);
  const credit = inputCredit(s);
  if (credit) {
    const interest =
      credit.permille > 0 ? (lo ? `, ດອກເບ້ຍ ${v.inputInterest}` : `, with interest of ${v.inputInterest}`) : lo ? ", ບໍ່ມີດອກເບ້ຍ" : ", with no interest";
    const worth = lo ? `${v.inputDescription}, ມູນຄ່າ ${v.inputValue}${interest}` : `${v.inputDescription}, worth ${v.inputValue}${interest}`;
    lines.push(
      lo
        ? said({
            document: `ປັດໄຈການຜະລິດ: ພໍ່ຄ້າໃຫ້ກຸ່ມລ່ວງໜ້າ ${worth}; ເມື່ອສົ່ງຜົນຜະລິດ ຈະຫັກມູນຄ່ານີ້ ພ້ອມດອກເບ້ຍ ອອກຈາກເງິນທີ່ຈ່າຍ, ຫຼາຍສຸດ ${v.inputMaxDeduction}.`,
            neutral: `ປັດໄຈການຜະລິດ: ພໍ່ຄ້າໃຫ້ກຸ່ມລ່ວງໜ້າ ${worth}; ເມື່ອສົ່ງຜົນຜະລິດ ຈະຫັກມູນຄ່ານີ້ ພ້ອມດອກເບ້ຍ ອອກຈາກເງິນທີ່ຈ່າຍ, ຫຼາຍສຸດ ${v.inputMaxDeduction}.`,
            fo: `ປັດໄຈການຜະລິດ: ພໍ່ຄ້າໃຫ້ທ່ານລ່ວງໜ້າ ${worth}; ເມື່ອສົ່ງຜົນຜະລິດ ຈະຫັກມູນຄ່ານີ້ ພ້ອມດອກເບ້ຍ ອອກຈາກເງິນທີ່ທ່ານໄດ້ຮັບ, ຫຼາຍສຸດ ${v.inputMaxDeduction}.`,
            trader: `ປັດໄຈການຜະລິດ: ທ່ານໃຫ້ ${v.foName} ລ່ວງໜ້າ ${worth}; ເມື່ອສົ່ງຜົນຜະລິດ ຈະຫັກມູນຄ່ານີ້ ພ້ອມດອກເບ້ຍ ອອກຈາກເງິນທີ່ທ່ານຈ່າຍ, ຫຼາຍສຸດ ${v.inputMaxDeduction}.`,
          })
        : said({
            document: `Inputs: the trader advances ${worth}; at delivery this and the interest are deducted from your payment, at most ${v.inputMaxDeduction}.`,
            neutral: `Inputs: the trader advances ${v.foName} ${worth}; at delivery this and the interest are deducted from its payment, at most ${v.inputMaxDeduction}.`,
            fo: `Inputs: the trader advances you ${worth}; at delivery this and the interest are deducted from your payment, at most ${v.inputMaxDeduction}.`,
            trader: `Inputs: you advance ${v.foName} ${worth}; at delivery this and the interest are deducted from what you pay, at most ${v.inputMaxDeduction}.`,
          }),
    );
  } else {
    lines.push(lo ? "ປັດໄຈການຜະລິດ: ບໍ່ມີ; ສັນຍານີ້ບໍ່ມີໜີ້ສິນ." : "Inputs: none; there is no credit in this contract.");
  }
  lines.push(
    s.template.priceMechanism === "floor_premium" || s.template.priceMechanism === "export_parity_floor"
      ? lo
        ? `ມູນຄ່າຢ່າງໜ້ອຍ (ທີ່ລາຄາຂັ້ນຕ່ຳ): ${v.value}.`
        : `Value at least (at the floor price): ${v.value}.`
      : lo
        ? `ມູນຄ່າສັນຍາ: ${v.value}.`
        : `Contract value: ${v.value}.`,
  );
  lines.push(...memberTermsSummary(s, locale));
  if (s.amends !== null) lines.push(v.amends);
  lines.push(
    lo
      ? "ເມື່ອທັງສອງຝ່າຍເຊັນແລ້ວ, ບໍ່ມີຫຍັງໃນສັນຍານີ້ປ່ຽນແປງໄດ້; ການປ່ຽນແປງ ຕ້ອງເຮັດເປັນສັນຍາສະບັບປັບປຸງ ແລະ ເຊັນໃໝ່."
      : "Once both sides have signed, nothing in this contract can change; a change needs an amendment signed again.",
  );
  return tidy(lines.join("\n"));
}
