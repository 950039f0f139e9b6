// The pages the benchmark loads, one row each: add a page by adding a row.
// A path may depend on ids found in the database; when the database has no
// such record the page is skipped with a note rather than measured wrongly.
import type { BenchIds } from "./database";

export const ROLES = {
  leader: "leader@demo.la",
  trader: "trader@demo.la",
  facilitator: "facilitator@demo.la",
  admin: "admin@demo.la",
} as const;
export type Role = keyof typeof ROLES;

export interface Page {
  /** the name used by --pages and printed in the table */
  name: string;
  /** who requests it: the demo account of that role */
  role: Role;
  path: string | ((ids: BenchIds) => string | null);
}

export const PAGES: Page[] = [
  { name: "listings", role: "trader", path: "/listings" },
  {
    name: "listings-search",
    role: "trader",
    path: ({ search: s }) => (s ? `/listings?crop=${s.crop}&district=${s.district}&minKg=${s.minKg}` : null),
  },
  { name: "listing", role: "trader", path: ({ listingId }) => (listingId ? `/listings/${listingId}` : null) },
  { name: "listing-offers", role: "leader", path: ({ listingId }) => (listingId ? `/listings/${listingId}/offers` : null) },
  { name: "prices", role: "trader", path: "/prices" },
  { name: "contracts", role: "trader", path: "/contracts" },
  { name: "contract", role: "trader", path: ({ contractId }) => (contractId ? `/contracts/${contractId}` : null) },
  { name: "reports", role: "facilitator", path: "/reports" },
  { name: "facilitator", role: "facilitator", path: "/facilitator" },
  { name: "fo", role: "leader", path: "/fo" },
  { name: "trader", role: "trader", path: "/trader" },
  { name: "inbox", role: "leader", path: "/inbox" },
  { name: "admin", role: "admin", path: "/admin" },
];

export function resolvePath(page: Page, ids: BenchIds): string | null {
  return typeof page.path === "string" ? page.path : page.path(ids);
}
