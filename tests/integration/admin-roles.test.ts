import { describe, expect, it } from "vitest";
import { action } from "~/routes/admin/index";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, request, statusOf } from "../fixtures/app";

async function rolesOf(userId: string) {
  return (await db.userRole.findMany({ where: { userId }, orderBy: { role: "asc" } })).map((r) => r.role);
}

describe("administrator sets roles", () => {
  it("grants and removes roles in one change, audited with before and after", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["trader"] });
    const result = await call(action, await request("/admin", { userId: admin.id, form: { userId: user.id, "roles[]": ["facilitator", "admin"] } }));
    expect(dataOf<{ ok: boolean }>(result).ok).toBe(true);
    expect(await rolesOf(user.id)).toEqual(["admin", "facilitator"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.roles_set" } });
    expect(JSON.parse(audit.before!)).toEqual(["trader"]);
    expect(JSON.parse(audit.after!)).toEqual(["admin", "facilitator"]);
  });

  it("refuses to remove the administrator's own admin role", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const result = await call(action, await request("/admin", { userId: admin.id, form: { userId: admin.id, "roles[]": ["facilitator"] } }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ message: string }>(result).message).toBe("admin:cannotRemoveOwnAdmin");
    expect(await rolesOf(admin.id)).toEqual(["admin"]);
  });

  it("refuses an unknown role and changes nothing", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["trader"] });
    const result = await call(action, await request("/admin", { userId: admin.id, form: { userId: user.id, "roles[]": ["superuser"] } }));
    expect(statusOf(result)).toBe(400);
    expect(await rolesOf(user.id)).toEqual(["trader"]);
  });

  it("answers 404 for a user that does not exist", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const result = await call(action, await request("/admin", { userId: admin.id, form: { userId: "nobody", "roles[]": ["trader"] } }));
    expect(statusOf(result)).toBe(404);
  });
});
