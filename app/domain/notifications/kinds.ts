// What the portal tells people, and how. A notification is stored as a kind and
// its params, never as finished text: the inbox renders it in the reader's
// language when they read it, and each e-mail or SMS is rendered in its
// recipient's language when it is queued. The same renderer does both.
//
// Params are plain JSON values. Each kind lists the params it needs and how each
// is shown:
//   text       shown as given (a company name, which has no translation)
//   localText  given twice, as `<name>Lo` and `<name>En` (a listing title, an FO
//              name); the reader's language is picked
//   lak        a whole number of kip, formatted for the reader ("3,100 LAK")
//   dateTime   an ISO instant, shown as a date and time in Vientiane
//   date       an ISO instant, shown as its day in Vientiane
import type { TFunction } from "i18next";
import { contractCurrencies, type ContractCurrency } from "~/domain/prices/currency";
import { formatDate, formatKg, formatMoney } from "~/utils/format";
import type { Locale } from "~/utils/i18n";

export type ParamType = "text" | "localText" | "lak" | "dateTime" | "date";

export const notificationKinds = {
  /** → the FO's leaders: a trader made a new offer on their listing. */
  offer_received: { listing: "localText", company: "text", price: "lak" },
  /** → the other side of the negotiation: a counter-offer (by the FO or by the trader company). */
  offer_countered: { listing: "localText", by: "localText", price: "lak" },
  /** → the FO's leaders: the trader accepted the FO's counter-offer. */
  counter_accepted: { listing: "localText", company: "text", price: "lak" },
  /** → the trader company's staff: the FO accepted their offer. */
  offer_accepted: { listing: "localText", organisation: "localText", price: "lak" },
  /** → the trader company's staff: the offer was rejected, another offer won, or the listing was withdrawn. */
  offer_rejected: { listing: "localText" },
  /** → the FO's leaders: a trader withdrew their offer. */
  offer_withdrawn: { listing: "localText", company: "text" },
  /** → the FO's leaders: the listing's offer deadline is within 48 hours. */
  listing_expiring: { listing: "localText", deadline: "dateTime" },
  /** → both parties: the contract is written and waits for their signatures. */
  contract_ready: { number: "text", listing: "localText" },
  /** → the other parties: one side (or the witness) signed. */
  contract_signed: { number: "text", by: "localText" },
  /** → both parties: every signature is in; the contract is in force. */
  contract_active: { number: "text" },
  /** → the facilitators of the district: a contract needs a witness. */
  contract_witness_needed: { number: "text", listing: "localText" },
  /** → the other party and the district's facilitators: a dispute was raised on the contract. */
  dispute_raised: { number: "text", by: "localText", category: "localText" },
  /** → the party that raised the dispute and the district's facilitators: the other party answered. */
  dispute_answered: { number: "text", by: "localText" },
  /** → both parties: a facilitator added a note to the dispute's mediation log. */
  dispute_mediation_note: { number: "text" },
  /** → both parties: a facilitator recorded the dispute's outcome. */
  dispute_resolved: { number: "text", category: "localText" },
  /** → the other party: a delivery was recorded under the contract; its grade sheet waits for their answer. */
  delivery_recorded: { number: "text", by: "localText", amount: "lak" },
  /** → the party that recorded the delivery: the other party confirmed the grade sheet. */
  delivery_confirmed: { number: "text", by: "localText" },
  /** → the party that recorded the delivery: the other party contested the grade sheet. */
  delivery_contested: { number: "text", by: "localText", reason: "text" },
  /** → the FO's leaders: the trader recorded a payment, to be confirmed when the money arrived. */
  payment_recorded: { number: "text", company: "text", amount: "lak" },
  /** → the trader company's staff: the FO confirmed a payment. */
  payment_confirmed: { number: "text", amount: "lak" },
  /** → the trader company's staff: the FO contested a payment. */
  payment_contested: { number: "text", amount: "lak", reason: "text" },
  /** → both parties: everything is delivered and paid; the contract is completed. */
  contract_completed: { number: "text" },
  /** → the other party: a framework contract over several seasons was proposed; it waits for their answer. */
  framework_proposed: { number: "text", by: "localText" },
  /** → the proposing party: the other party accepted the framework. */
  framework_accepted: { number: "text", by: "localText" },
  /** → the proposing party: the other party declined the framework. */
  framework_declined: { number: "text", by: "localText" },
  /** → the other party: a season's call-off was proposed under the framework; it waits for their answer. */
  call_off_proposed: { number: "text", by: "localText", season: "text" },
  /** → the proposing party: the other party declined the season's call-off (an accepted one is told as contract_ready). */
  call_off_declined: { number: "text", by: "localText", season: "text" },
  /** → the other party: notice of termination was given; the framework is in force to its last day. */
  framework_notice: { number: "text", by: "localText", lastDay: "date" },
} as const satisfies Record<string, Record<string, ParamType>>;

export type NotificationKind = keyof typeof notificationKinds;
export const notificationKindNames = Object.keys(notificationKinds) as NotificationKind[];

type ValueOf<T extends ParamType> = T extends "lak" ? number : string;
type ParamsOfSpec<S extends Record<string, ParamType>> = {
  [K in keyof S & string as S[K] extends "localText" ? `${K}Lo` | `${K}En` : K]: ValueOf<S[K]>;
};

/** The params `notify` needs for a kind, e.g. offer_received: { listingLo, listingEn, company, price }. */
/**
 * The params `notify` needs for a kind; amounts ("lak") are in `currency`, the
 * terms' own (absent: kip, as in every notice written before).
 */
export type NotificationParams<K extends NotificationKind> = ParamsOfSpec<(typeof notificationKinds)[K]> & { currency?: ContractCurrency };

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(notificationKinds, value);
}

const MISSING = "—";

/** "5 March 2026, 14:30" in Vientiane time (UTC+7, no daylight saving). */
export function formatDateTime(date: Date | string, locale: Locale): string {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return MISSING;
  const local = new Date(d.getTime() + 7 * 3600_000);
  const hh = String(local.getUTCHours()).padStart(2, "0");
  const mm = String(local.getUTCMinutes()).padStart(2, "0");
  return `${formatDate(d, locale)}, ${hh}:${mm}`;
}

function valueFor(params: Record<string, unknown>, name: string, type: ParamType, locale: Locale): string {
  if (type === "localText") {
    const other = locale === "lo" ? "En" : "Lo";
    const own = locale === "lo" ? "Lo" : "En";
    const v = params[`${name}${own}`] ?? params[`${name}${other}`] ?? params[name];
    return typeof v === "string" || typeof v === "number" ? String(v) : MISSING;
  }
  const v = params[name];
  if (v === undefined || v === null) return MISSING;
  if (type === "lak") {
    const currency = contractCurrencies.find((c) => c === params.currency) ?? (params.currency === undefined ? "LAK" : null);
    return typeof v === "number" && Number.isFinite(v) && currency ? formatMoney(v, currency, locale) : MISSING;
  }
  if (type === "dateTime") return typeof v === "string" ? formatDateTime(v, locale) : MISSING;
  if (type === "date") return typeof v === "string" && !Number.isNaN(new Date(v).getTime()) ? formatDate(v, locale) : MISSING;
  return String(v);
}

function parseParams(params: unknown): Record<string, unknown> {
  if (typeof params === "string") {
    try {
      const parsed: unknown = JSON.parse(params);
      return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return params && typeof params === "object" ? (params as Record<string, unknown>) : {};
}

export type RenderedNotification = { title: string; body: string };

/**
 * The title and body of a notification in one language. `t` must be bound to
 * that language (i18nFor(locale).t). `params` may be the stored JSON string. A
 * kind this version does not know renders as a neutral message, not an error.
 */
export function renderNotification(t: TFunction, locale: Locale, kind: string, params: unknown): RenderedNotification {
  if (!isNotificationKind(kind)) {
    return { title: t("notifications:unknown.title"), body: t("notifications:unknown.body") };
  }
  const raw = parseParams(params);
  const values: Record<string, string> = {};
  for (const [name, type] of Object.entries(notificationKinds[kind]) as [string, ParamType][]) {
    values[name] = valueFor(raw, name, type, locale);
  }
  return {
    title: t(`notifications:kinds.${kind}.title`, values),
    body: t(`notifications:kinds.${kind}.body`, values),
  };
}

type Named = { nameLo: string; nameEn: string };

/**
 * A listing's title in both languages, as the `listing` param of every kind:
 * "Maize (shelled grain) Grade 1, 12,000 kg".
 */
export function listingTitle(listing: { crop: Named; grade?: Named | null; totalKg: number }): { listingLo: string; listingEn: string } {
  const lo = [listing.crop.nameLo, listing.grade?.nameLo].filter(Boolean).join(" ");
  const en = [listing.crop.nameEn, listing.grade?.nameEn].filter(Boolean).join(" ");
  return {
    listingLo: `${lo}, ${formatKg(listing.totalKg, "lo")}`,
    listingEn: `${en}, ${formatKg(listing.totalKg, "en")}`,
  };
}
