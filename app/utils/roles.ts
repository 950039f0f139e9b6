export const roles = ["fo_leader", "trader", "facilitator", "admin"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Where each role starts; a user with several roles lands on the first in this order. */
const landing: Record<Role, string> = {
  fo_leader: "/fo",
  trader: "/trader",
  facilitator: "/facilitator",
  admin: "/admin",
};

export function landingPathFor(userRoles: readonly Role[]): string {
  const first = roles.find((r) => userRoles.includes(r));
  return first ? landing[first] : "/";
}
