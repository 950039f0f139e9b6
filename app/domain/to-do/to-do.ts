// "To do now": what waits for the person who opens a dashboard, each thing
// with how many and the page where it is done. A leader of a farmers'
// organisation answers offers and counter-offers, signs, confirms deliveries
// and payments, answers disputes and decides before a listing closes; a trader
// answers the FO's counter-offers, signs, confirms the FO's deliveries,
// answers disputes and revises offers before a listing closes; a facilitator
// verifies, witnesses, follows overdue payments and disputes, and calls
// traders about listings no one has offered on.

/** Each kind shows at most this many entries, the most pressing first; the rest are behind the kind's list. */
export const TO_DO_SHOWN = 3;
/** A count shown past this is written "99+": counting further would grow with the data. */
export const TO_DO_COUNT_MAX = 99;

export type ToDoKind =
  | "offers"
  | "counters"
  | "sign"
  | "deliveries"
  | "payments"
  | "disputes"
  | "expiring"
  | "closing"
  | "registrations"
  | "witness"
  | "unregistered"
  | "overdue"
  | "frameworks"
  | "callOffs";

/** One line of the list: the thing, how many of it wait, and where they are dealt with. */
export interface ToDoEntry {
  kind: ToDoKind;
  href: string;
  count: number;
  /** the count was cut at TO_DO_COUNT_MAX */
  more: boolean;
  /** what the line is about, in the reader's language: a listing (crop and kg), a contract number */
  crop?: string;
  kg?: number;
  number?: string;
  party?: string;
  deadline?: string;
}

/** A kind's entries; when it has more than are shown, `more`, and the page listing them all if there is one. */
export interface ToDoGroup {
  kind: ToDoKind;
  entries: ToDoEntry[];
  more: boolean;
  moreHref: string | null;
}

/** The groups with something in them, in the order given. */
export function nonEmpty(groups: readonly ToDoGroup[]): ToDoGroup[] {
  return groups.filter((g) => g.entries.length > 0);
}

/** A count read with one row past the cap, as the list shows it. */
export function capped(n: number): { count: number; more: boolean } {
  return { count: Math.min(n, TO_DO_COUNT_MAX), more: n > TO_DO_COUNT_MAX };
}

/** The first TO_DO_SHOWN of rows read with one past it, and the way to the rest (null: no page lists them; they come up here in turn). */
export function group<R>(kind: ToDoKind, rows: readonly R[], entry: (row: R) => ToDoEntry, moreHref: string | null): ToDoGroup {
  const more = rows.length > TO_DO_SHOWN;
  return { kind, entries: rows.slice(0, TO_DO_SHOWN).map(entry), more, moreHref: more ? moreHref : null };
}

type Counted = { count: number; more: boolean } | null;

/**
 * The facilitator's list, from the console's own capped counts: one line per
 * list with something in it, pointing at the list on the same page (the
 * verification queue has a page of its own).
 */
export function consoleToDo(counts: {
  registrations: Counted;
  disputes: Counted;
  witness: Counted;
  unregistered: Counted;
  overdue: Counted;
  expiring: Counted;
}): ToDoGroup[] {
  const line = (kind: ToDoKind, counted: Counted, href: string): ToDoGroup => ({
    kind,
    entries: counted && counted.count > 0 ? [{ kind, href, count: counted.count, more: counted.more }] : [],
    more: false,
    moreHref: null,
  });
  return nonEmpty([
    line("registrations", counts.registrations, "/facilitator/verification"),
    line("disputes", counts.disputes, "#disputes-heading"),
    line("witness", counts.witness, "#witness-heading"),
    line("unregistered", counts.unregistered, "#unregistered-heading"),
    line("overdue", counts.overdue, "#overdue-heading"),
    line("expiring", counts.expiring, "#expiring-heading"),
  ]);
}
