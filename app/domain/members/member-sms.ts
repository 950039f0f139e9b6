// The SMS a member household receives, in Lao: short enough to be cheap and to
// arrive whole on a basic phone. Pure; no database.
//
// LENGTH. Lao script is outside the GSM 7-bit alphabet, so every message goes
// as UCS-2: 70 characters (UTF-16 code units) in a single SMS, 67 per part
// once split (each part carries a header saying how to join them). A message
// of plain ASCII would go as GSM 7-bit (160, 153 per part); none of ours is.
// Every message here is kept to MAX_SMS_PARTS parts: names that could make it
// longer (a member's, a trader's, a crop's) are cut short, figures never.
import { formatDate, formatNumber, formatTenths } from "~/utils/format";

export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;
export const GSM_SINGLE = 160;
export const GSM_PART = 153;
export const MAX_SMS_PARTS = 3;

const gsmSafe = /^[\x20-\x7E\n\r]*$/;

/** How many SMS parts a text takes, and in which encoding. */
export function smsParts(text: string): { encoding: "gsm7" | "ucs2"; units: number; parts: number } {
  const encoding = gsmSafe.test(text) ? "gsm7" : "ucs2";
  const units = text.length;
  const [single, part] = encoding === "gsm7" ? [GSM_SINGLE, GSM_PART] : [UCS2_SINGLE, UCS2_PART];
  const parts = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part);
  return { encoding, units, parts };
}

/** A name cut to `max` characters, marked with "…" when cut. */
export function shortName(name: string, max: number): string {
  const text = name.trim().replace(/\s+/g, " ");
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const n = (value: number | bigint) => formatNumber(value, "lo");
const kg = (value: number | bigint) => `${n(value)}ກິໂລ`;
const lak = (value: number | bigint) => `${n(value)}ກີບ`;

function checked(text: string): string {
  const { parts } = smsParts(text);
  if (parts > MAX_SMS_PARTS) throw new RangeError(`An SMS to a member takes ${parts} parts, more than ${MAX_SMS_PARTS}: ${text}`);
  return text;
}

export interface LotReceipt {
  memberName: string;
  contractNumber: string;
  deliveredOn: Date;
  bags: number;
  grossKg: number;
  moisturePermille: number;
  /** everything between gross and net: empty bags, moisture and foreign matter */
  deductedKg: number;
  netKg: number;
}

/** A household's own lot of a delivery, as weighed and as counted. */
export function deliveryReceiptSms(r: LotReceipt): string {
  return checked(
    `ໃບຮັບ ${r.contractNumber} ${formatDate(r.deliveredOn, "lo")} ${shortName(r.memberName, 24)}: ` +
      `${n(r.bags)}ຖົງ ${kg(r.grossKg)}, ຄວາມຊຸ່ມ ${formatTenths(r.moisturePermille, "lo")}%, ` +
      `ຫັກ ${kg(r.deductedKg)}, ສຸດທິ ${kg(r.netKg)}`,
  );
}

export interface PayoutLine {
  memberName: string;
  contractNumber: string;
  netKg: number;
  /** what the household's inputs on credit took from its share */
  inputDeductionLak: bigint;
  payableLak: bigint;
}

/** A household's line of the payout sheet once the contract is paid and complete. */
export function payoutLineSms(p: PayoutLine): string {
  const inputs = p.inputDeductionLak > 0n ? `, ຫັກຄ່າປັດໃຈ ${lak(p.inputDeductionLak)}` : "";
  return checked(`ສ່ວນແບ່ງ ${p.contractNumber} ${shortName(p.memberName, 24)}: ${kg(p.netKg)}${inputs}, ` + `ຮັບ ${lak(p.payableLak)}. ຖາມຫົວໜ້າກຸ່ມໄດ້`);
}

export interface ContractBrief {
  contractNumber: string;
  cropName: string;
  traderName: string;
  quantityKg: number;
  /** the template's mechanism; a floor-price contract is told by its floor */
  priceMechanism: string;
  priceLakPerKg: number;
  floorPriceLakPerKg: number | null;
  paymentDays: number;
}

/** The plain-language summary of a contract in force, cut to what a household needs to know. */
export function contractSummarySms(c: ContractBrief): string {
  const price =
    c.priceMechanism === "floor_premium" && c.floorPriceLakPerKg !== null ? `ລາຄາຕະຫຼາດ ບໍ່ຕ່ຳກວ່າ ${lak(c.floorPriceLakPerKg)}/ກິໂລ` : `${lak(c.priceLakPerKg)}/ກິໂລ`;
  const inputs = c.priceMechanism === "input_supply" ? ", ຫັກຄ່າປັດໃຈ" : "";
  return checked(
    `ສັນຍາໃໝ່ ${c.contractNumber}: ຂາຍ${shortName(c.cropName, 16)} ${kg(c.quantityKg)} ` +
      `ໃຫ້ ${shortName(c.traderName, 24)}, ${price}${inputs}, ຈ່າຍພາຍໃນ ${c.paymentDays} ມື້ຫຼັງສົ່ງ`,
  );
}

export interface WeeklyCropPrice {
  cropName: string;
  /** where the prices were seen: the member's district, or every district when it has none */
  placeName: string;
  low: number;
  high: number;
}

/** The week's reference prices of the crops a household grows; at most three crops. */
export function weeklyPriceSms(prices: readonly WeeklyCropPrice[]): string {
  const lines = prices.slice(0, 3).map((p) => {
    const range = p.low === p.high ? n(p.low) : `${n(p.low)}-${n(p.high)}`;
    return `${shortName(p.cropName, 14)} ${shortName(p.placeName, 12)} ${range}`;
  });
  return checked(`ລາຄາອາທິດນີ້ (ກີບ/ກິໂລ): ${lines.join("; ")}. ບໍ່ຢາກຮັບ ຕອບ ຢຸດ`);
}

/** The answer to a stop reply: the number will receive nothing more. */
export function optOutConfirmationSms(): string {
  return checked("ຮັບຊາບແລ້ວ: ເບີນີ້ຈະບໍ່ໄດ້ຮັບ SMS ຈາກກຸ່ມອີກ. ຢາກຮັບຄືນ ແຈ້ງຫົວໜ້າກຸ່ມ");
}
