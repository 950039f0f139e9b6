import { describe, expect, it } from "vitest";
import { loader as adminLoader, action as adminAction } from "~/routes/admin/index";
import { loader as facilitatorLoader } from "~/routes/facilitator/index";
import { action as verificationAction, loader as verificationLoader } from "~/routes/facilitator/verification";
import { loader as foLoader } from "~/routes/fo/index";
import { loader as homeLoader } from "~/routes/home";
import { loader as notFoundLoader } from "~/routes/not-found";
import { loader as traderLoader } from "~/routes/trader/index";
import { db } from "~/utils/db.server";
import { requireOrganisationLeader, requireCompanyStaff } from "~/utils/permissions.server";
import { resolveRequestState } from "~/utils/request-state.server";
import { call, createUser, locationOf, request, statusOf } from "../fixtures/app";

const pages = [
  { path: "/fo", loader: foLoader, role: "fo_leader" },
  { path: "/trader", loader: traderLoader, role: "trader" },
  { path: "/facilitator", loader: facilitatorLoader, role: "facilitator" },
  { path: "/facilitator/verification", loader: verificationLoader, role: "facilitator" },
  { path: "/admin", loader: adminLoader, role: "admin" },
] as const;
const allRoles = ["fo_leader", "trader", "facilitator", "admin"] as const;

describe("each role's landing page", () => {
  it.each([
    [["fo_leader"], "/fo"],
    [["trader"], "/trader"],
    [["facilitator"], "/facilitator"],
    [["admin"], "/admin"],
    [["facilitator", "admin"], "/facilitator"],
  ] as const)("a user with %j lands on %s", async (roles, landing) => {
    const user = await createUser({ roles: [...roles] });
    expect(locationOf(await call(homeLoader, await request("/", { userId: user.id })))).toBe(landing);
  });

  it("shows the welcome page to an anonymous visitor", async () => {
    expect(statusOf(await call(homeLoader, await request("/")))).toBe(200);
  });
});

describe("denials", () => {
  for (const page of pages) {
    it(`sends an anonymous visitor of ${page.path} to sign in, then back`, async () => {
      const result = await call(page.loader, await request(page.path));
      expect(statusOf(result)).toBe(302);
      expect(locationOf(result)).toBe(`/login?redirectTo=${encodeURIComponent(page.path)}`);
    });

    for (const role of allRoles.filter((r) => r !== page.role)) {
      it(`answers 403 to a ${role} opening ${page.path}`, async () => {
        const user = await createUser({ roles: [role] });
        expect(statusOf(await call(page.loader, await request(page.path, { userId: user.id })))).toBe(403);
      });
    }

    it(`lets a ${page.role} open ${page.path}`, async () => {
      const user = await createUser({ roles: [page.role] });
      expect(statusOf(await call(page.loader, await request(page.path, { userId: user.id })))).toBe(200);
    });
  }

  it("refuses a trader posting a verification decision, and changes nothing", async () => {
    const trader = await createUser({ roles: ["trader"] });
    const village = await db.village.findFirstOrThrow();
    const org = await db.organisation.create({ data: { nameLo: "ກຸ່ມ", nameEn: "Group", type: "cooperative", villageId: village.id } });
    const result = await call(
      verificationAction,
      await request("/facilitator/verification", { userId: trader.id, form: { intent: "verify", kind: "organisation", id: org.id } }),
    );
    expect(statusOf(result)).toBe(403);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("pending");
  });

  it("refuses a facilitator posting to the admin page", async () => {
    const facilitator = await createUser({ roles: ["facilitator"] });
    const result = await call(adminAction, await request("/admin", { userId: facilitator.id, form: { userId: facilitator.id, "roles[]": ["admin"] } }));
    expect(statusOf(result)).toBe(403);
    expect(await db.userRole.count({ where: { userId: facilitator.id, role: "admin" } })).toBe(0);
  });

  it("treats another FO as not found for an FO leader", async () => {
    const village = await db.village.findFirstOrThrow();
    const mine = await db.organisation.create({ data: { nameLo: "ຂອງຂ້ອຍ", nameEn: "Mine", type: "cooperative", villageId: village.id } });
    const theirs = await db.organisation.create({ data: { nameLo: "ຂອງເຂົາ", nameEn: "Theirs", type: "cooperative", villageId: village.id } });
    const leader = await createUser({ roles: ["fo_leader"] });
    await db.organisationLeader.create({ data: { organisationId: mine.id, userId: leader.id } });
    const state = await resolveRequestState(await request("/fo", { userId: leader.id }));
    await expect(requireOrganisationLeader(state, mine.id)).resolves.toMatchObject({ organisation: { id: mine.id } });
    const denied = await requireOrganisationLeader(state, theirs.id).catch((e: unknown) => e);
    expect(statusOf(denied)).toBe(404);
  });

  it("treats another company as not found for a trader", async () => {
    const province = await db.province.findFirstOrThrow();
    const other = await db.traderCompany.create({ data: { name: "Other Co", licenceNumber: "X-1", baseProvinceId: province.id } });
    const trader = await createUser({ roles: ["trader"] });
    const state = await resolveRequestState(await request("/trader", { userId: trader.id }));
    expect(statusOf(await requireCompanyStaff(state, other.id).catch((e: unknown) => e))).toBe(404);
  });

  it("answers 404 for an unknown page", async () => {
    expect(statusOf(await call(notFoundLoader, await request("/no-such-page")))).toBe(404);
  });
});
