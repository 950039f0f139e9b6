import { describe, expect, it } from "vitest";
import { decideRegistration } from "~/domain/organisations/verification.server";
import { action, loader } from "~/routes/facilitator/verification";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, request, statusOf } from "../fixtures/app";

async function facilitatorFor(districtNames: string[]) {
  const user = await createUser({ roles: ["facilitator"] });
  const districts = await db.district.findMany({ where: { nameEn: { in: districtNames } } });
  await db.facilitatorDistrict.createMany({ data: districts.map((d) => ({ userId: user.id, districtId: d.id })) });
  return user;
}

async function pendingOrganisation(districtName: string, name = `FO in ${districtName}`) {
  const village = await db.village.findFirstOrThrow({ where: { district: { nameEn: districtName } } });
  return db.organisation.create({ data: { nameLo: `ກຸ່ມ ${name}`, nameEn: name, type: "cooperative", villageId: village.id } });
}

async function pendingCompany(provinceName: string, name = `Company in ${provinceName}`) {
  const province = await db.province.findFirstOrThrow({ where: { nameEn: provinceName } });
  return db.traderCompany.create({ data: { name, licenceNumber: "L-1", baseProvinceId: province.id } });
}

describe("verification queue", () => {
  it("lists only what is pending in the facilitator's districts and provinces", async () => {
    const facilitator = await facilitatorFor(["Hongsa"]);
    const inside = await pendingOrganisation("Hongsa", "Queue inside");
    await pendingOrganisation("Beng", "Queue outside");
    const company = await pendingCompany("Sayabouly", "Queue company inside");
    await pendingCompany("Oudomxay", "Queue company outside");
    const result = dataOf<{ organisations: { id: string }[]; companies: { id: string }[] }>(
      await call(loader, await request("/facilitator/verification", { userId: facilitator.id })),
    );
    expect(result.organisations.map((o) => o.id)).toEqual([inside.id]);
    expect(result.companies.map((c) => c.id)).toEqual([company.id]);
  });

  it("verifies an FO, records who and when, and audits the change", async () => {
    const facilitator = await facilitatorFor(["Beng"]);
    const org = await pendingOrganisation("Beng");
    const result = await call(
      action,
      await request("/facilitator/verification", { userId: facilitator.id, form: { intent: "verify", kind: "organisation", id: org.id } }),
    );
    expect(statusOf(result)).toBe(200);
    const after = await db.organisation.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({ status: "verified", verifiedById: facilitator.id, statusReason: null });
    expect(after.verifiedAt).toBeInstanceOf(Date);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: org.id, action: "organisation.verified" } });
    expect(audit.actorId).toBe(facilitator.id);
    expect(JSON.parse(audit.before!)).toEqual({ status: "pending" });
  });

  it("rejects a company with its reason", async () => {
    const facilitator = await facilitatorFor(["Beng"]);
    const company = await pendingCompany("Oudomxay");
    await call(
      action,
      await request("/facilitator/verification", {
        userId: facilitator.id,
        form: { intent: "reject", kind: "company", id: company.id, reason: "Licence number unknown at the provincial office" },
      }),
    );
    expect(await db.traderCompany.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({
      status: "rejected",
      statusReason: "Licence number unknown at the provincial office",
    });
  });

  it.each([
    ["a rejection without a reason", { intent: "reject", kind: "organisation" }, { reason: "validation:reasonRequired" }],
    ["an unknown intent", { intent: "approve", kind: "organisation" }, { intent: "validation:invalidChoice" }],
    ["an unknown kind", { intent: "verify", kind: "village" }, { kind: "validation:invalidChoice" }],
  ])("refuses %s and changes nothing", async (_label, form, expected) => {
    const facilitator = await facilitatorFor(["Beng"]);
    const org = await pendingOrganisation("Beng");
    const auditsBefore = await db.auditEvent.count();
    const result = await call(action, await request("/facilitator/verification", { userId: facilitator.id, form: { ...form, id: org.id } }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toMatchObject(expected);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("pending");
    expect(await db.auditEvent.count()).toBe(auditsBefore);
  });

  it("refuses an FO outside the facilitator's districts with 403", async () => {
    const facilitator = await facilitatorFor(["Hongsa"]);
    const org = await pendingOrganisation("Beng");
    const result = await call(
      action,
      await request("/facilitator/verification", { userId: facilitator.id, form: { intent: "verify", kind: "organisation", id: org.id } }),
    );
    expect(statusOf(result)).toBe(403);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("pending");
  });

  it("refuses a company outside the facilitator's provinces with 403", async () => {
    const facilitator = await facilitatorFor(["Hongsa"]);
    const company = await pendingCompany("Oudomxay");
    const result = await call(
      action,
      await request("/facilitator/verification", { userId: facilitator.id, form: { intent: "verify", kind: "company", id: company.id } }),
    );
    expect(statusOf(result)).toBe(403);
    expect((await db.traderCompany.findUniqueOrThrow({ where: { id: company.id } })).status).toBe("pending");
  });

  it("answers 404 for a registration that does not exist", async () => {
    const facilitator = await facilitatorFor(["Beng"]);
    const result = await call(
      action,
      await request("/facilitator/verification", { userId: facilitator.id, form: { intent: "verify", kind: "organisation", id: "nope" } }),
    );
    expect(statusOf(result)).toBe(404);
  });

  it("gives one decision when two facilitators decide at the same moment", async () => {
    const a = await facilitatorFor(["Nga"]);
    const b = await facilitatorFor(["Nga"]);
    const org = await pendingOrganisation("Nga");
    const { districtId } = await db.village.findUniqueOrThrow({ where: { id: org.villageId } });
    const scope = { districtIds: [districtId], provinceIds: [] };
    const results = await Promise.all([
      decideRegistration(db, a, scope, { intent: "verify", kind: "organisation", id: org.id, reason: undefined }),
      decideRegistration(db, b, scope, { intent: "reject", kind: "organisation", id: org.id, reason: "duplicate" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "alreadyDecided" });
    expect(await db.auditEvent.count({ where: { entityId: org.id } })).toBe(1);
  });

  it("tells the second facilitator, through the page, that it was already decided", async () => {
    const facilitator = await facilitatorFor(["Pakbeng"]);
    const org = await pendingOrganisation("Pakbeng");
    const form = { intent: "verify", kind: "organisation", id: org.id };
    await call(action, await request("/facilitator/verification", { userId: facilitator.id, form }));
    const second = await call(
      action,
      await request("/facilitator/verification", { userId: facilitator.id, form: { ...form, intent: "reject", reason: "late" } }),
    );
    expect(statusOf(second)).toBe(409);
    expect(dataOf<{ message: { key: string } }>(second).message.key).toBe("verification:alreadyDecided");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).status).toBe("verified");
  });
});
