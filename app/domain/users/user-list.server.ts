// The administrator's list of users, newest first, a page at a time, optionally
// narrowed by a search on the name, the phone number or the e-mail address.
// The plain list reads its page from User_createdAt_id_idx; a search reads the
// same index in the same order and stops once it has a page, so at worst it
// reads each user once (never any history). Prepared statements.
import type { Role } from "~/utils/roles";
import { isRole } from "~/utils/roles";
import { fromSqlDate, placeholders, reads, type SqlValue } from "~/utils/reads.server";

export const USERS_PAGE_SIZE = 25;
/** Older pages than this are not offered: a search finds anyone. */
export const USERS_MAX_PAGE = 200;
/** A search is cut to this many characters. */
export const USER_SEARCH_MAX = 100;

export interface ListedUser {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  status: string;
  createdAt: Date;
  roles: Role[];
}

/** `%text%` for LIKE, with the text's own % _ and \ taken literally (ESCAPE '\'). */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The digits of a phone number as it is stored (856 and the national number),
 * from what someone types: "020 5551 0001", "+856 20 5551 0001", "5551 0001"
 * all give digits the stored number contains. Null when the search is not a
 * phone number (letters, or fewer than three digits).
 */
export function phoneDigitsOf(search: string): string | null {
  const digits = search.replace(/[\s\-().+]/g, "");
  if (!/^\d{3,}$/.test(digits)) return null;
  if (digits.startsWith("856") && digits.length > 3) return digits.slice(3);
  // 020…, 030…, 021…: the national form; its leading 0 is not stored.
  return /^0[2-8]/.test(digits) ? digits.slice(1) : digits;
}

/** The SQL condition on User u for a search (already trimmed), and its values. */
export function userSearchSql(search: string): { sql: string; params: SqlValue[] } {
  if (!search) return { sql: "1 = 1", params: [] };
  const lower = search.toLowerCase();
  const or = [`lower(u.name) LIKE ? ESCAPE '\\'`, `u.email LIKE ? ESCAPE '\\'`];
  const params: SqlValue[] = [containing(lower), containing(lower)];
  const digits = phoneDigitsOf(search);
  if (digits) {
    or.push(`u.phone LIKE ? ESCAPE '\\'`);
    params.push(containing(digits));
  }
  return { sql: `(${or.join(" OR ")})`, params };
}

/** A clean search: spaces trimmed and collapsed, cut to USER_SEARCH_MAX characters. */
export function cleanSearch(raw: string | null | undefined): string {
  return (raw ?? "").replace(/\s+/g, " ").trim().slice(0, USER_SEARCH_MAX);
}

/** The page asked for, within 1…USERS_MAX_PAGE. */
export function userPageOf(requested: number | undefined): number {
  return Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), USERS_MAX_PAGE);
}

/** The statement that reads a page (and one more row, to know whether another page exists). */
export function userListStatement(search: string, page: number): { sql: string; params: SqlValue[] } {
  const where = userSearchSql(search);
  return {
    sql: `SELECT u.id, u.name, u.phone, u.email, u.status, u.createdAt FROM User u
     WHERE ${where.sql} ORDER BY u.createdAt DESC, u.id DESC LIMIT ${USERS_PAGE_SIZE + 1} OFFSET ${(page - 1) * USERS_PAGE_SIZE}`,
    params: where.params,
  };
}

export async function listUsers(input: { search?: string | null; page?: number }) {
  const search = cleanSearch(input.search);
  const page = userPageOf(input.page);
  const statement = userListStatement(search, page);
  const rows = await reads().all<{ id: string; name: string; phone: string | null; email: string | null; status: string; createdAt: string }>(
    statement.sql,
    ...statement.params,
  );
  const shown = rows.slice(0, USERS_PAGE_SIZE);
  const roles = shown.length
    ? await reads().all<{ userId: string; role: string }>(
        `SELECT userId, role FROM UserRole WHERE userId IN (${placeholders(shown.length)}) ORDER BY role ASC`,
        ...shown.map((u) => u.id),
      )
    : [];
  const users: ListedUser[] = shown.map((u) => ({
    ...u,
    createdAt: fromSqlDate(u.createdAt),
    roles: roles
      .filter((r) => r.userId === u.id)
      .map((r) => r.role)
      .filter(isRole),
  }));
  return { search, page, hasMore: rows.length > USERS_PAGE_SIZE && page < USERS_MAX_PAGE, users };
}
