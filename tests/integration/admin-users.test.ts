import { beforeAll, describe, expect, it } from "vitest";
import { phoneDigitsOf, USERS_PAGE_SIZE } from "~/domain/users/user-list.server";
import { action, loader } from "~/routes/admin/index";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, request, statusOf } from "../fixtures/app";

type Page = { search: string; page: number; hasMore: boolean; users: { id: string; name: string; contact: string; roles: string[]; disabled: boolean }[] };

let admin: { id: string };
const found = async (query: string) => dataOf<Page>(await call(loader, await request(`/admin${query}`, { userId: admin.id })));

beforeAll(async () => {
  admin = await createUser({ roles: ["admin"] });
});

describe("finding a user on the administrator's page", () => {
  let target: { id: string };

  beforeAll(async () => {
    target = await createUser({ roles: ["trader"], name: "Vongphachan Keomanivong", email: "vongphachan.k@example.la", phone: "8562077712345" });
    await createUser({ name: "Someone Else", email: "someone.else@example.la", phone: "8562099988877" });
  });

  it("finds by part of the name, whatever the case", async () => {
    expect((await found("?q=phachan")).users.map((u) => u.id)).toEqual([target.id]);
    expect((await found("?q=VONGPHACHAN%20KEO")).users.map((u) => u.id)).toEqual([target.id]);
  });

  it("finds by the phone number as people write it, or part of it", async () => {
    for (const q of ["020 7771 2345", "+856 20 7771 2345", "02077712345", "7771 2345"]) {
      const page = await found(`?q=${encodeURIComponent(q)}`);
      expect(
        page.users.map((u) => u.id),
        q,
      ).toEqual([target.id]);
    }
    expect((await found("?q=7771")).users[0]).toMatchObject({ contact: "020 7771 2345, vongphachan.k@example.la", roles: ["trader"] });
  });

  it("finds by the e-mail address or part of it", async () => {
    expect((await found("?q=vongphachan.k%40example.la")).users.map((u) => u.id)).toEqual([target.id]);
    expect((await found("?q=Vongphachan.K%40")).users.map((u) => u.id)).toEqual([target.id]);
  });

  it("takes % and _ literally and says when nobody matches", async () => {
    for (const q of ["%", "_", "zzz-nobody"]) {
      const page = await found(`?q=${encodeURIComponent(q)}`);
      expect(page.users, q).toEqual([]);
      expect(page.search).toBe(q);
    }
  });

  it("reads the digits of a phone number from what people type", () => {
    expect(phoneDigitsOf("020 5551 0001")).toBe("2055510001");
    expect(phoneDigitsOf("+856 20 5551 0001")).toBe("2055510001");
    expect(phoneDigitsOf("(020) 5551-0001")).toBe("2055510001");
    expect(phoneDigitsOf("0001")).toBe("0001");
    expect(phoneDigitsOf("55")).toBeNull();
    expect(phoneDigitsOf("Khamla")).toBeNull();
  });
});

describe("the administrator's pages of users", () => {
  const tag = "Pagetest";
  const created: string[] = [];

  beforeAll(async () => {
    // Registered a minute apart, after everyone else: the newest comes first.
    const start = Date.now() + 3_600_000;
    for (let i = 0; i < USERS_PAGE_SIZE + 7; i++) {
      const user = await createUser({ name: `${tag} ${String(i).padStart(2, "0")}` });
      await db.user.update({ where: { id: user.id }, data: { createdAt: new Date(start + i * 60_000) } });
      created.unshift(user.id);
    }
  });

  it("shows at most a page, newest first, and pages that do not overlap", async () => {
    const first = await found(`?q=${tag}`);
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    expect(first).toMatchObject({ page: 1, hasMore: true });
    const second = await found(`?q=${tag}&page=2`);
    expect(second).toMatchObject({ page: 2, hasMore: false });
    expect([...first.users, ...second.users].map((u) => u.id)).toEqual(created);
    // Without a search the whole list pages the same way.
    const all1 = (await found("")).users.map((u) => u.id);
    const all2 = (await found("?page=2")).users.map((u) => u.id);
    expect(all1).toHaveLength(USERS_PAGE_SIZE);
    expect(all1.filter((id) => all2.includes(id))).toEqual([]);
    expect(all1.slice(0, 3)).toEqual(created.slice(0, 3));
  });

  it("answers a page number typed by hand with a page", async () => {
    expect((await found(`?q=${tag}&page=nonsense`)).page).toBe(1);
    const far = await found(`?q=${tag}&page=9999`);
    expect(far.users).toEqual([]);
    expect(far.hasMore).toBe(false);
  });
});

describe("a user's line", () => {
  it("says when the account is disabled", async () => {
    const user = await createUser({ name: "Disabled Account Line" });
    expect((await found("?q=Disabled%20Account%20Line")).users[0]).toMatchObject({ id: user.id, disabled: false });
    await db.user.update({ where: { id: user.id }, data: { status: "disabled" } });
    expect((await found("?q=Disabled%20Account%20Line")).users[0]).toMatchObject({ id: user.id, disabled: true });
  });
});

describe("only administrators", () => {
  it("refuses the list and the role change to everyone else", async () => {
    for (const roles of [["fo_leader"], ["trader"], ["facilitator"]] as const) {
      const user = await createUser({ roles: [...roles] });
      expect(statusOf(await call(loader, await request("/admin?q=a", { userId: user.id }))), roles[0]).toBe(403);
      const victim = await createUser({ roles: ["trader"] });
      const posted = await call(action, await request("/admin?q=a", { userId: user.id, form: { userId: victim.id, "roles[]": ["admin"] } }));
      expect(statusOf(posted), roles[0]).toBe(403);
      expect(await db.userRole.findMany({ where: { userId: victim.id }, select: { role: true } })).toEqual([{ role: "trader" }]);
    }
  });

  it("sends a visitor who is not signed in to sign in", async () => {
    const result = await call(loader, await request("/admin"));
    expect(statusOf(result)).toBe(302);
  });

  it("changes roles from a page of search results", async () => {
    const user = await createUser({ roles: ["trader"], name: "Role Change From Search" });
    const result = await call(
      action,
      await request("/admin?q=Role%20Change&page=1", { userId: admin.id, form: { userId: user.id, "roles[]": ["trader", "facilitator"] } }),
    );
    expect(dataOf<{ ok: boolean; params: { name: string } }>(result)).toMatchObject({ ok: true, params: { name: "Role Change From Search" } });
    expect((await found("?q=Role%20Change")).users[0]!.roles).toEqual(["facilitator", "trader"]);
  });
});
