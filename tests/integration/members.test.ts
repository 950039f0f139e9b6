import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loader as registerLoader } from "~/routes/fo/members/index";
import { action as memberAction, loader as memberLoader } from "~/routes/fo/members/member";
import { action as newAction, loader as newLoader } from "~/routes/fo/members/new";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";

const tag = () => randomBytes(3).toString("hex");

/** A pending FO in Beng district with its leader: pending FOs manage members too. */
async function foWithLeader(district = "Beng") {
  const villages = await db.village.findMany({ where: { district: { nameEn: district } }, orderBy: { nameEn: "asc" } });
  const leader = await createUser({ roles: ["fo_leader"] });
  const org = await db.organisation.create({
    data: { nameLo: `ກຸ່ມ ${tag()}`, nameEn: `FO ${tag()}`, type: "producer_group", villageId: villages[0]!.id, leaders: { create: { userId: leader.id } } },
  });
  return { org, leader, villages };
}

async function addMemberRow(
  organisationId: string,
  villageId: string,
  data: Partial<{ name: string; memberSex: string; householdHeadSex: string; birthYear: number; active: boolean; phone: string }> = {},
) {
  return db.member.create({
    data: { organisationId, villageId, name: `Member ${tag()}`, memberSex: "female", householdHeadSex: "male", birthYear: 1980, ...data },
  });
}

const form = (villageId: string, over: Record<string, string> = {}) => ({
  name: "Bouaphan Keomany",
  memberSex: "female",
  householdHeadSex: "female",
  birthYear: "1995",
  villageId,
  phone: "020 5555 1234",
  ...over,
});

type RegisterData = {
  show: string;
  counts: Record<string, number>;
  inactiveCount: number;
  members: { id: string; name: string; youth: boolean; village: string; phone: string; memberSex: string }[];
};

describe("member register page", () => {
  it("lists active members with counts by sex and youth, and former members on request", async () => {
    const { org, leader, villages } = await foWithLeader();
    const year = new Date().getFullYear();
    await addMemberRow(org.id, villages[0]!.id, {
      name: "A young woman",
      memberSex: "female",
      householdHeadSex: "female",
      birthYear: year - 20,
      phone: "8562055551234",
    });
    await addMemberRow(org.id, villages[1]!.id, { name: "B older man", memberSex: "male", birthYear: year - 50 });
    await addMemberRow(org.id, villages[1]!.id, { name: "C left", active: false });

    const page = dataOf<RegisterData>(
      await call(registerLoader, await request(`/fo/${org.id}/members`, { userId: leader.id, headers: { "Accept-Language": "en" } }), {
        organisationId: org.id,
      }),
    );
    expect(page.members.map((m) => m.name)).toEqual(["A young woman", "B older man"]);
    expect(page.members[0]).toMatchObject({ youth: true, phone: "020 5555 1234", village: villages[0]!.nameEn, memberSex: "female" });
    expect(page.members[1]).toMatchObject({ youth: false, phone: "" });
    expect(page.counts).toEqual({ total: 2, female: 1, male: 1, youth: 1, youngWomen: 1, femaleHeaded: 1 });
    expect(page.inactiveCount).toBe(1);

    const former = dataOf<RegisterData>(
      await call(registerLoader, await request(`/fo/${org.id}/members?show=inactive`, { userId: leader.id }), { organisationId: org.id }),
    );
    expect(former.show).toBe("inactive");
    expect(former.members.map((m) => m.name)).toEqual(["C left"]);
  });

  it("shows an empty register", async () => {
    const { org, leader } = await foWithLeader();
    const page = dataOf<RegisterData>(await call(registerLoader, await request(`/fo/${org.id}/members`, { userId: leader.id }), { organisationId: org.id }));
    expect(page.members).toEqual([]);
    expect(page.counts.total).toBe(0);
  });

  it("offers only the villages of the FO's district", async () => {
    const { org, leader, villages } = await foWithLeader();
    const page = dataOf<{ villages: { value: string }[] }>(
      await call(newLoader, await request(`/fo/${org.id}/members/new`, { userId: leader.id }), { organisationId: org.id }),
    );
    expect(page.villages.map((v) => v.value).sort()).toEqual(villages.map((v) => v.id).sort());
  });
});

describe("adding a member", () => {
  it("adds the member with a normalised phone, audits it and goes back to the register", async () => {
    const { org, leader, villages } = await foWithLeader();
    const result = await call(newAction, await request(`/fo/${org.id}/members/new`, { userId: leader.id, form: form(villages[2]!.id) }), {
      organisationId: org.id,
    });
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe(`/fo/${org.id}/members?done=added&name=Bouaphan+Keomany`);
    const member = await db.member.findFirstOrThrow({ where: { organisationId: org.id } });
    expect(member).toMatchObject({
      name: "Bouaphan Keomany",
      memberSex: "female",
      householdHeadSex: "female",
      birthYear: 1995,
      villageId: villages[2]!.id,
      phone: "8562055551234",
      active: true,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: member.id, action: "member.added" } });
    expect(audit.actorId).toBe(leader.id);
    expect(audit.before).toBeNull();
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "Bouaphan Keomany", phone: "8562055551234", organisationId: org.id });
  });

  it.each([
    ["no name", { name: "  " }, { name: "validation:required" }],
    ["no sex", { memberSex: "", householdHeadSex: "other" }, { memberSex: "validation:invalidChoice", householdHeadSex: "validation:invalidChoice" }],
    ["a two-digit year", { birthYear: "85" }, { birthYear: "members:errors.birthYearFormat" }],
    ["a year before 1900", { birthYear: "1899" }, { birthYear: "members:errors.birthYearRange" }],
    ["a year in the future", { birthYear: String(new Date().getFullYear() + 1) }, { birthYear: "members:errors.birthYearRange" }],
    ["no village", { villageId: "" }, { villageId: "validation:required" }],
    ["a bad phone", { phone: "12345" }, { phone: "validation:phoneInvalid" }],
    ["a mobile number two digits short", { phone: "020 123 45" }, { phone: "validation:phoneInvalid" }],
    ["a number that is not a mobile", { phone: "021 5551 0001" }, { phone: "validation:phoneInvalid" }],
  ])("refuses %s with field errors and writes nothing", async (_label, over, expected) => {
    const { org, leader, villages } = await foWithLeader();
    const audits = await db.auditEvent.count();
    const result = await call(newAction, await request(`/fo/${org.id}/members/new`, { userId: leader.id, form: form(villages[0]!.id, over) }), {
      organisationId: org.id,
    });
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result);
    expect(body.fieldErrors).toEqual(expected);
    expect(body.values.name).toBe(form("", over).name);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("refuses a village of another district", async () => {
    const { org, leader } = await foWithLeader("Beng");
    const elsewhere = await db.village.findFirstOrThrow({ where: { district: { nameEn: "Hongsa" } } });
    const result = await call(newAction, await request(`/fo/${org.id}/members/new`, { userId: leader.id, form: form(elsewhere.id) }), {
      organisationId: org.id,
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({ villageId: "members:errors.villageOutsideDistrict" });
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("refuses a second member with the same name and year of birth", async () => {
    const { org, leader, villages } = await foWithLeader();
    await addMemberRow(org.id, villages[0]!.id, { name: "Bouaphan  KEOMANY", birthYear: 1995 });
    const result = await call(newAction, await request(`/fo/${org.id}/members/new`, { userId: leader.id, form: form(villages[0]!.id) }), {
      organisationId: org.id,
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({ name: "members:errors.duplicate" });
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(1);
  });
});

describe("editing, deactivating and reactivating a member", () => {
  it("shows the member with the phone as people write it", async () => {
    const { org, leader, villages } = await foWithLeader();
    const member = await addMemberRow(org.id, villages[0]!.id, { phone: "8562055551234" });
    const page = dataOf<{ member: { values: Record<string, string> } }>(
      await call(memberLoader, await request(`/fo/${org.id}/members/${member.id}`, { userId: leader.id }), { organisationId: org.id, memberId: member.id }),
    );
    expect(page.member.values).toMatchObject({ name: member.name, birthYear: "1980", phone: "020 5555 1234" });
  });

  it("saves changes and audits the values before and after", async () => {
    const { org, leader, villages } = await foWithLeader();
    const member = await addMemberRow(org.id, villages[0]!.id, { name: "Old Name", birthYear: 1970 });
    const result = await call(
      memberAction,
      await request(`/fo/${org.id}/members/${member.id}`, {
        userId: leader.id,
        form: { intent: "update", ...form(villages[1]!.id, { name: "New Name", phone: "" }) },
      }),
      { organisationId: org.id, memberId: member.id },
    );
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe(`/fo/${org.id}/members?done=updated&name=New+Name`);
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      name: "New Name",
      birthYear: 1995,
      villageId: villages[1]!.id,
      phone: null,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: member.id, action: "member.updated" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ name: "Old Name", birthYear: 1970, villageId: villages[0]!.id });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "New Name", birthYear: 1995, villageId: villages[1]!.id });
  });

  it("keeps the member's own name and year when only the village changes", async () => {
    const { org, leader, villages } = await foWithLeader();
    const member = await addMemberRow(org.id, villages[0]!.id, { name: "Bouaphan Keomany", birthYear: 1995 });
    const result = await call(
      memberAction,
      await request(`/fo/${org.id}/members/${member.id}`, { userId: leader.id, form: { intent: "update", ...form(villages[3]!.id) } }),
      { organisationId: org.id, memberId: member.id },
    );
    expect(statusOf(result)).toBe(302);
  });

  it.each([
    ["a bad year", { birthYear: "abcd" }, { birthYear: "members:errors.birthYearFormat" }],
    ["a bad phone", { phone: "0" }, { phone: "validation:phoneInvalid" }],
    ["an empty name", { name: "" }, { name: "validation:required" }],
  ])("refuses an edit with %s and changes nothing", async (_label, over, expected) => {
    const { org, leader, villages } = await foWithLeader();
    const member = await addMemberRow(org.id, villages[0]!.id);
    const audits = await db.auditEvent.count();
    const result = await call(
      memberAction,
      await request(`/fo/${org.id}/members/${member.id}`, { userId: leader.id, form: { intent: "update", ...form(villages[1]!.id, over) } }),
      { organisationId: org.id, memberId: member.id },
    );
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual(expected);
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toEqual(member);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("refuses an unknown intent", async () => {
    const { org, leader, villages } = await foWithLeader();
    const member = await addMemberRow(org.id, villages[0]!.id);
    const result = await call(memberAction, await request(`/fo/${org.id}/members/${member.id}`, { userId: leader.id, form: { intent: "delete" } }), {
      organisationId: org.id,
      memberId: member.id,
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({ intent: "validation:invalidChoice" });
    expect(await db.member.count({ where: { id: member.id } })).toBe(1);
  });

  it("deactivates and reactivates a member, each audited once", async () => {
    const { org, leader, villages } = await foWithLeader();
    const member = await addMemberRow(org.id, villages[0]!.id);
    const post = async (intent: string) =>
      call(memberAction, await request(`/fo/${org.id}/members/${member.id}`, { userId: leader.id, form: { intent } }), {
        organisationId: org.id,
        memberId: member.id,
      });

    const deactivated = await post("deactivate");
    expect(locationOf(deactivated)).toContain("done=deactivated");
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).active).toBe(false);
    await post("deactivate"); // a double submit records nothing more
    const audits = await db.auditEvent.findMany({ where: { entityId: member.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["member.deactivated"]);
    expect(JSON.parse(audits[0]!.before!)).toEqual({ active: true });
    expect(JSON.parse(audits[0]!.after!)).toEqual({ active: false });

    const reactivated = await post("reactivate");
    expect(locationOf(reactivated)).toContain("done=reactivated");
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).active).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: member.id, action: "member.reactivated" } })).toBe(1);
  });

  it("treats a member of another FO as not found, even through the leader's own FO", async () => {
    const mine = await foWithLeader();
    const theirs = await foWithLeader();
    const member = await addMemberRow(theirs.org.id, theirs.villages[0]!.id);
    const params = { organisationId: mine.org.id, memberId: member.id };
    const path = `/fo/${mine.org.id}/members/${member.id}`;
    expect(statusOf(await call(memberLoader, await request(path, { userId: mine.leader.id }), params))).toBe(404);
    for (const body of [{ intent: "deactivate" }, { intent: "update", ...form(mine.villages[0]!.id) }]) {
      expect(statusOf(await call(memberAction, await request(path, { userId: mine.leader.id, form: body }), params))).toBe(404);
    }
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toEqual(member);
  });
});

describe("who may use the member register", () => {
  async function setting() {
    const fo = await foWithLeader();
    const member = await addMemberRow(fo.org.id, fo.villages[0]!.id);
    const o = fo.org.id;
    const m = member.id;
    type Page = {
      path: string;
      loader: (args: never) => unknown;
      action?: (args: never) => unknown;
      params: Record<string, string>;
      form?: Record<string, string>;
    };
    const pages: Page[] = [
      { path: `/fo/${o}/members`, loader: registerLoader, params: { organisationId: o } },
      {
        path: `/fo/${o}/members/new`,
        loader: newLoader,
        action: newAction,
        params: { organisationId: o },
        form: form(fo.villages[0]!.id, { name: "Intruder" }),
      },
      { path: `/fo/${o}/members/${m}`, loader: memberLoader, action: memberAction, params: { organisationId: o, memberId: m }, form: { intent: "deactivate" } },
    ];
    return { fo, member, pages };
  }

  async function unchanged(fo: Awaited<ReturnType<typeof foWithLeader>>, member: { id: string }) {
    expect(await db.member.count({ where: { organisationId: fo.org.id } })).toBe(1);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).active).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: member.id } })).toBe(0);
  }

  it("answers 404 to the leader of another FO, on every page and form", async () => {
    const { fo, member, pages } = await setting();
    const other = await foWithLeader();
    for (const page of pages) {
      expect(statusOf(await call(page.loader, await request(page.path, { userId: other.leader.id }), page.params)), page.path).toBe(404);
      if (page.action)
        expect(statusOf(await call(page.action, await request(page.path, { userId: other.leader.id, form: page.form }), page.params)), page.path).toBe(404);
    }
    await unchanged(fo, member);
  });

  it.each(["trader", "facilitator", "admin"] as const)("answers 403 to a %s", async (role) => {
    const { fo, member, pages } = await setting();
    const user = await createUser({ roles: [role] });
    for (const page of pages) {
      expect(statusOf(await call(page.loader, await request(page.path, { userId: user.id }), page.params)), page.path).toBe(403);
      if (page.action)
        expect(statusOf(await call(page.action, await request(page.path, { userId: user.id, form: page.form }), page.params)), page.path).toBe(403);
    }
    await unchanged(fo, member);
  });

  it("sends an anonymous visitor to sign in, then back", async () => {
    const { fo, member, pages } = await setting();
    for (const page of pages) {
      const result = await call(page.loader, await request(page.path), page.params);
      expect(statusOf(result)).toBe(302);
      expect(locationOf(result)).toBe(`/login?redirectTo=${encodeURIComponent(page.path)}`);
      if (page.action) expect(statusOf(await call(page.action, await request(page.path, { form: page.form }), page.params))).toBe(302);
    }
    await unchanged(fo, member);
  });

  it("answers 404 for an FO that does not exist", async () => {
    const { leader } = await foWithLeader();
    expect(statusOf(await call(registerLoader, await request("/fo/nope/members", { userId: leader.id }), { organisationId: "nope" }))).toBe(404);
  });
});
