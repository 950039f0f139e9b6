import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SAMPLE_HEADER } from "~/domain/members/records";
import { action, loader } from "~/routes/fo/members/import";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, sessionCookieFor, statusOf } from "../fixtures/app";

const tag = () => randomBytes(3).toString("hex");

async function foWithLeader() {
  const village = await db.village.findFirstOrThrow({ where: { district: { nameEn: "Beng" }, nameEn: "Ban Phonxay" } });
  const leader = await createUser({ roles: ["fo_leader"] });
  const org = await db.organisation.create({
    data: { nameLo: `ກຸ່ມ ${tag()}`, nameEn: `FO ${tag()}`, type: "cooperative", villageId: village.id, leaders: { create: { userId: leader.id } } },
  });
  return { org, leader, village };
}

/** The import form as a browser sends it: multipart, with a file and/or pasted rows. */
async function upload(organisationId: string, userId: string | undefined, body: { file?: string | Uint8Array; csv?: string }) {
  const formData = new FormData();
  const bytes = body.file === undefined ? undefined : new Uint8Array(typeof body.file === "string" ? new TextEncoder().encode(body.file) : body.file);
  formData.append("file", new File(bytes ? [bytes] : [], bytes ? "members.csv" : "", { type: bytes ? "text/csv" : "application/octet-stream" }));
  formData.append("csv", body.csv ?? "");
  const headers = new Headers();
  if (userId) headers.append("Cookie", await sessionCookieFor(userId));
  const req = new Request(`http://localhost/fo/${organisationId}/members/import`, { method: "POST", body: formData, headers });
  return call(action, req, { organisationId });
}

type Report = {
  outcome: "failed" | "rejected" | "imported";
  error?: { key: string; params?: Record<string, unknown> };
  total?: number;
  rejected?: { row: number; name: string; problems: { column: string; reason: string; params?: Record<string, unknown> }[] }[];
  imported?: { row: number; name: string; villageId: string }[];
  pasted: string;
};

const goodFile =
  `\uFEFF${SAMPLE_HEADER}\r\n` +
  `"Keomany, Somphone",male,female,1990,Ban Phonxay,020 5555 1234\r\n` +
  `ນາງ ບົວພັນ ແກ້ວມະນີ,ຍິງ,ຍິງ,1992,ບ້ານນາຄຳ,\r\n` +
  `Thong Sy,m,m,1975,donxay,\r\n`;

describe("importing members from a CSV file", () => {
  it("shows the format, a sample line and the district's villages", async () => {
    const { org, leader } = await foWithLeader();
    const page = dataOf<{ villages: { nameEn: string }[]; maxRows: number }>(
      await call(loader, await request(`/fo/${org.id}/members/import`, { userId: leader.id }), { organisationId: org.id }),
    );
    expect(page.villages.map((v) => v.nameEn)).toContain("Ban Nakham");
    expect(page.maxRows).toBe(2000);
  });

  it("imports every row of a good file, audited, and reports them", async () => {
    const { org, leader } = await foWithLeader();
    const result = await upload(org.id, leader.id, { file: goodFile });
    expect(statusOf(result)).toBe(200);
    const report = dataOf<Report>(result);
    expect(report.outcome).toBe("imported");
    expect(report.imported?.map((r) => [r.row, r.name])).toEqual([
      [2, "Keomany, Somphone"],
      [3, "ນາງ ບົວພັນ ແກ້ວມະນີ"],
      [4, "Thong Sy"],
    ]);
    const members = await db.member.findMany({ where: { organisationId: org.id }, include: { village: true }, orderBy: { birthYear: "asc" } });
    expect(members.map((m) => [m.name, m.memberSex, m.householdHeadSex, m.birthYear, m.village.nameEn, m.phone])).toEqual([
      ["Thong Sy", "male", "male", 1975, "Ban Donxay", null],
      ["Keomany, Somphone", "female", "male", 1990, "Ban Phonxay", "8562055551234"],
      ["ນາງ ບົວພັນ ແກ້ວມະນີ", "female", "female", 1992, "Ban Nakham", null],
    ]);
    for (const m of members) {
      const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: m.id, action: "member.added" } });
      expect(audit.actorId).toBe(leader.id);
      expect(JSON.parse(audit.after!)).toMatchObject({ name: m.name, source: "import" });
    }
    const summary = await db.auditEvent.findFirstOrThrow({ where: { entityId: org.id, action: "members.imported" } });
    expect(JSON.parse(summary.after!)).toMatchObject({ count: 3 });
  });

  it("writes nothing when one row is bad, and reports the row and why", async () => {
    const { org, leader } = await foWithLeader();
    const audits = await db.auditEvent.count();
    const file = `${goodFile}Noy,female,woman,1990,Ban Phonxay,\r\nSouk,m,m,1991,Ban Viengkeo,\r\n`;
    const result = await upload(org.id, leader.id, { file });
    expect(statusOf(result)).toBe(400);
    const report = dataOf<Report>(result);
    expect(report.outcome).toBe("rejected");
    expect(report.total).toBe(5);
    expect(report.rejected).toEqual([
      { row: 5, name: "Noy", problems: [{ column: "member_sex", reason: "members:import.reasons.badSex", params: { value: "woman" } }] },
      { row: 6, name: "Souk", problems: [{ column: "village", reason: "members:import.reasons.unknownVillage", params: { value: "Ban Viengkeo" } }] },
    ]);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("rejects members already in the register and twice in the file", async () => {
    const { org, leader, village } = await foWithLeader();
    await db.member.create({
      data: { organisationId: org.id, name: "Thong Sy", householdHeadSex: "male", memberSex: "male", birthYear: 1975, villageId: village.id, active: false },
    });
    const file = `${goodFile}"keomany,  somphone",m,f,1990,Ban Nakham,\n`;
    const report = dataOf<Report>(await upload(org.id, leader.id, { file }));
    expect(report.rejected?.map((r) => [r.row, r.problems.map((p) => p.reason)])).toEqual([
      [4, ["members:import.reasons.alreadyRegistered"]],
      [5, ["members:import.reasons.duplicateInFile"]],
    ]);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(1);
  });

  it("imports rows pasted into the text box when no file is chosen", async () => {
    const { org, leader } = await foWithLeader();
    const pasted = `${SAMPLE_HEADER.replaceAll(",", "\t")}\nNoy\tf\tf\t1990\tBan Nakham\t\n`;
    const report = dataOf<Report>(await upload(org.id, leader.id, { csv: pasted }));
    expect(report.outcome).toBe("imported");
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(1);
  });

  it("keeps pasted rows that were rejected, to fix them", async () => {
    const { org, leader } = await foWithLeader();
    const pasted = `${SAMPLE_HEADER}\nNoy,f,f,85,Ban Nakham,\n`;
    const report = dataOf<Report>(await upload(org.id, leader.id, { csv: pasted }));
    expect(report.outcome).toBe("rejected");
    // Browsers send a textarea's line breaks as CRLF.
    expect(report.pasted.replaceAll("\r\n", "\n")).toBe(pasted);
  });

  it.each([
    ["no file and nothing pasted", {}, "members:import.errors.noFile"],
    ["a file over 1 MB", { file: `${SAMPLE_HEADER}\n${"x".repeat(1024 * 1024)}` }, "members:import.errors.tooLarge"],
    ["a file that is not UTF-8", { file: new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x2c, 0xe9, 0x0a]) }, "members:import.errors.notUtf8"],
    ["a file without the needed columns", { file: "name,phone\nNoy,\n" }, "members:import.errors.missingColumns"],
    [
      "a file of more than 2,000 members",
      { file: [SAMPLE_HEADER, ...Array.from({ length: 2001 }, (_, i) => `M ${i},f,f,1990,Ban Nakham,`)].join("\n") },
      "members:import.errors.tooManyRows",
    ],
  ])("refuses %s with a clear error and writes nothing", async (_label, body, key) => {
    const { org, leader } = await foWithLeader();
    const result = await upload(org.id, leader.id, body);
    expect(statusOf(result)).toBe(400);
    const report = dataOf<Report>(result);
    expect(report.outcome).toBe("failed");
    expect(report.error?.key).toBe(key);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("imports 2,000 members in one go", async () => {
    const { org, leader } = await foWithLeader();
    const file = [SAMPLE_HEADER, ...Array.from({ length: 2000 }, (_, i) => `Member ${i},f,m,${1950 + (i % 60)},Ban Nakham,`)].join("\n");
    const report = dataOf<Report>(await upload(org.id, leader.id, { file }));
    expect(report.outcome).toBe("imported");
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(2000);
  });
});

describe("who may import members", () => {
  it("answers 404 to another FO's leader and imports nothing", async () => {
    const { org } = await foWithLeader();
    const other = await foWithLeader();
    expect(statusOf(await call(loader, await request(`/fo/${org.id}/members/import`, { userId: other.leader.id }), { organisationId: org.id }))).toBe(404);
    expect(statusOf(await upload(org.id, other.leader.id, { file: goodFile }))).toBe(404);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("answers 403 to a trader", async () => {
    const { org } = await foWithLeader();
    const trader = await createUser({ roles: ["trader"] });
    expect(statusOf(await call(loader, await request(`/fo/${org.id}/members/import`, { userId: trader.id }), { organisationId: org.id }))).toBe(403);
    expect(statusOf(await upload(org.id, trader.id, { file: goodFile }))).toBe(403);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("sends an anonymous visitor to sign in", async () => {
    const { org } = await foWithLeader();
    const path = `/fo/${org.id}/members/import`;
    expect(locationOf(await call(loader, await request(path), { organisationId: org.id }))).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    expect(statusOf(await upload(org.id, undefined, { file: goodFile }))).toBe(302);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });
});
