// The seed on a fresh, migrated SQLite database: reference data is idempotent and
// the demo data gives every role something to do.
import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../app/generated/prisma/client";
import { verifyPassword } from "../../app/utils/password.server";
import { SqliteAdapterFactory } from "../../app/utils/db-adapter";
import { DEMO_PASSWORD, seedDemoData } from "../../prisma/seed/demo-data";
import { seedReferenceData } from "../../prisma/seed/reference-data";

const projectRoot = path.resolve(import.meta.dirname, "../..");
let tmpDir: string;
let db: PrismaClient;

async function counts() {
  const [provinces, districts, villages, crops, grades, bands, foreignMatterBands] = await Promise.all([
    db.province.count(),
    db.district.count(),
    db.village.count(),
    db.crop.count(),
    db.cropGrade.count(),
    db.deductionBand.count(),
    db.foreignMatterBand.count(),
  ]);
  return { provinces, districts, villages, crops, grades, bands, foreignMatterBands };
}

beforeAll(() => {
  tmpDir = mkdtempSync(path.join(tmpdir(), "seed-test-"));
  const url = "file:" + path.join(tmpDir, "seed.db");
  try {
    execSync("npx prisma migrate deploy", {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`prisma migrate deploy failed:\n${e.stdout?.toString()}\n${e.stderr?.toString()}`, { cause: error });
  }
  db = new PrismaClient({ adapter: new SqliteAdapterFactory(url) });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
});

describe("seedReferenceData", () => {
  it("is idempotent and creates provinces, districts, villages and crops", async () => {
    await seedReferenceData(db);
    const first = await counts();
    await seedReferenceData(db);
    const second = await counts();
    expect(second).toEqual(first);

    expect(first.provinces).toBe(2);
    expect(first.districts).toBe(9);
    expect(first.villages).toBeGreaterThanOrEqual(9 * 4);

    const districts = await db.district.findMany({ include: { province: true, villages: true } });
    const byProvince = (code: string) =>
      districts
        .filter((d) => d.province.code === code)
        .map((d) => d.nameEn)
        .sort();
    expect(byProvince("ODX")).toEqual(["Beng", "Houn", "Namor", "Nga", "Pakbeng"]);
    expect(byProvince("XYB")).toEqual(["Hongsa", "Ngeun", "Xaysathan", "Xienghone"]);
    for (const d of districts) {
      expect(d.nameLo).toMatch(/[\u0E80-\u0EFF]/);
      expect(d.villages.length).toBeGreaterThanOrEqual(4);
      expect(d.villages.length).toBeLessThanOrEqual(6);
    }

    const crops = await db.crop.findMany({ include: { grades: true, deductionBands: true, foreignMatterBands: true } });
    expect(crops.map((c) => c.code).sort()).toEqual(
      ["BANANA", "CARDAMOM", "CASSAVA_CHIPS", "CASSAVA_FRESH", "JOBS_TEARS", "MAIZE", "PADDY", "RUBBER_CUP_LUMP", "SESAME", "SOYBEAN", "SUGARCANE"].sort(),
    );
    for (const c of crops) {
      expect(c.grades.length).toBeGreaterThanOrEqual(2);
      // Bands start at the standard and are contiguous.
      const bands = [...c.deductionBands].sort((a, b) => a.fromPermille - b.fromPermille);
      if (bands.length > 0) {
        expect(bands[0]!.fromPermille).toBe(c.standardMoisturePermille);
        for (let i = 1; i < bands.length; i++) expect(bands[i]!.fromPermille).toBe(bands[i - 1]!.toPermille);
        if (c.maxMoisturePermille !== null) expect(bands.at(-1)!.toPermille).toBe(c.maxMoisturePermille);
      }
    }

    const maize = crops.find((c) => c.code === "MAIZE")!;
    // 14.5 %: the Thai feed-corn basis (Department of Internal Trade).
    expect(maize.standardMoisturePermille).toBe(145);
    expect(maize.maxMoisturePermille).toBe(300);
    expect(maize.grades.length).toBeGreaterThanOrEqual(2);
    const g1 = maize.grades.find((g) => g.code === "G1")!;
    expect(g1.maxMoisturePermille).toBe(145);
    expect(g1.maxForeignMatterPermille).toBe(20);
    expect([...maize.deductionBands].sort((a, b) => a.fromPermille - b.fromPermille).map((b) => [b.fromPermille, b.toPermille, b.kgPerTonnePerPoint])).toEqual([
      [145, 180, 12],
      [180, 250, 13],
      [250, 300, 14],
    ]);
    // Grade steps against grade 1 and the foreign-matter schedule from grade 1's 2 %.
    expect(maize.grades.map((g) => [g.code, g.premiumLakPerKg]).sort()).toEqual([
      ["G1", 0],
      ["G2", -150],
      ["G3", -300],
    ]);
    expect(maize.foreignMatterBasisPermille).toBe(20);
    expect(
      [...maize.foreignMatterBands].sort((a, b) => a.fromPermille - b.fromPermille).map((b) => [b.fromPermille, b.toPermille, b.kgPerTonnePerPoint]),
    ).toEqual([
      [20, 50, 10],
      [50, 100, 12],
    ]);
    // Every schedule starts at its crop's basis and is contiguous; bananas have none.
    for (const c of crops) {
      const fm = [...c.foreignMatterBands].sort((a, b) => a.fromPermille - b.fromPermille);
      if (c.foreignMatterBasisPermille === null) expect(fm).toHaveLength(0);
      else {
        expect(fm[0]!.fromPermille).toBe(c.foreignMatterBasisPermille);
        for (let i = 1; i < fm.length; i++) expect(fm[i]!.fromPermille).toBe(fm[i - 1]!.toPermille);
      }
    }
    expect(crops.find((c) => c.code === "BANANA")!.foreignMatterBasisPermille).toBeNull();

    // A crop seeded before foreign matter was priced gets its schedule once, and an
    // installation's own standard moisture and tables are left alone.
    await db.foreignMatterBand.deleteMany({ where: { cropId: maize.id } });
    await db.crop.update({ where: { id: maize.id }, data: { foreignMatterBasisPermille: null, standardMoisturePermille: 140 } });
    await seedReferenceData(db);
    const again = await db.crop.findUniqueOrThrow({ where: { id: maize.id }, include: { foreignMatterBands: true } });
    expect(again.standardMoisturePermille).toBe(140);
    expect(again.foreignMatterBasisPermille).toBe(20);
    expect(again.foreignMatterBands).toHaveLength(2);
    await db.crop.update({ where: { id: maize.id }, data: { standardMoisturePermille: 145 } });

    // Fresh produce is not traded on moisture: no deduction table.
    const freshCassava = crops.find((c) => c.code === "CASSAVA_FRESH")!;
    expect(freshCassava.deductionBands).toHaveLength(0);
    expect(freshCassava.maxMoisturePermille).toBeNull();
  }, 30_000);
});

describe("seedDemoData", () => {
  beforeAll(async () => {
    await seedDemoData(db);
  }, 60_000);

  it("creates the four demo accounts with their roles, phones and the demo password", async () => {
    const expected = {
      "leader@demo.la": "fo_leader",
      "trader@demo.la": "trader",
      "facilitator@demo.la": "facilitator",
      "admin@demo.la": "admin",
    } as const;
    for (const [email, role] of Object.entries(expected)) {
      const user = await db.user.findUnique({ where: { email }, include: { roles: true } });
      expect(user, email).not.toBeNull();
      expect(user!.roles.map((r) => r.role)).toContain(role);
      expect(user!.phone).toMatch(/^85620\d{8}$/);
      expect(user!.locale).toBeNull();
    }
    const leader = await db.user.findUniqueOrThrow({ where: { email: "leader@demo.la" } });
    expect(await verifyPassword(leader.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("gives leader@demo.la a verified FO in Beng with a mixed member register and a pending group in Houn", async () => {
    const leadership = await db.organisationLeader.findMany({
      where: { user: { email: "leader@demo.la" } },
      include: {
        organisation: {
          include: { members: true, verifiedBy: { include: { roles: true } }, village: { include: { district: true } } },
        },
      },
    });
    const verified = leadership.map((l) => l.organisation).find((o) => o.status === "verified");
    expect(verified).toBeDefined();
    expect(verified!.village.district.nameEn).toBe("Beng");
    expect(verified!.verifiedAt).not.toBeNull();
    expect(verified!.verifiedBy!.email).toBe("facilitator@demo.la");
    expect(verified!.members.length).toBeGreaterThanOrEqual(20);
    const sexes = new Set(verified!.members.map((m) => m.memberSex));
    expect(sexes).toEqual(new Set(["female", "male"]));
    expect(new Set(verified!.members.map((m) => m.householdHeadSex))).toEqual(new Set(["female", "male"]));
    const thisYear = new Date().getFullYear();
    expect(verified!.members.some((m) => thisYear - m.birthYear < 35)).toBe(true);
    expect(verified!.members.some((m) => thisYear - m.birthYear >= 35)).toBe(true);
    expect(verified!.members.every((m) => m.birthYear >= 1955 && m.birthYear <= 2007)).toBe(true);
    expect(verified!.members.some((m) => m.phone !== null)).toBe(true);

    const pending = leadership.map((l) => l.organisation).find((o) => o.status === "pending");
    expect(pending).toBeDefined();
    expect(pending!.village.district.nameEn).toBe("Houn");
    expect(pending!.verifiedAt).toBeNull();
  });

  it("assigns facilitators to their districts and staff to companies", async () => {
    const facilitator = await db.user.findUniqueOrThrow({
      where: { email: "facilitator@demo.la" },
      include: { facilitatorDistricts: true },
    });
    expect(facilitator.facilitatorDistricts).toHaveLength(9);

    const xyb = await db.user.findUniqueOrThrow({
      where: { email: "facilitator.xyb@demo.la" },
      include: { facilitatorDistricts: { include: { district: { include: { province: true } } } } },
    });
    expect(xyb.facilitatorDistricts).toHaveLength(4);
    expect(xyb.facilitatorDistricts.every((f) => f.district.province.code === "XYB")).toBe(true);

    const trader = await db.user.findUniqueOrThrow({
      where: { email: "trader@demo.la" },
      include: { traderStaff: { include: { company: { include: { baseProvince: true } } } } },
    });
    expect(trader.traderStaff).toHaveLength(1);
    const company = trader.traderStaff[0]!.company;
    expect(company.status).toBe("verified");
    expect(company.licenceNumber).not.toBe("");
    expect(company.baseProvince.code).toBe("ODX");
  });

  it("leaves a verification queue: a pending FO and a pending company", async () => {
    expect(await db.organisation.count({ where: { status: "pending" } })).toBeGreaterThanOrEqual(1);
    expect(await db.traderCompany.count({ where: { status: "pending" } })).toBeGreaterThanOrEqual(1);
    expect(await db.organisation.count({ where: { status: "verified" } })).toBeGreaterThanOrEqual(4);
    expect(await db.traderCompany.count()).toBe(4);
    // Every FO has a leader and between 10 and 25 members.
    const orgs = await db.organisation.findMany({ include: { _count: { select: { members: true, leaders: true } } } });
    for (const o of orgs) {
      expect(o._count.leaders).toBeGreaterThanOrEqual(1);
      expect(o._count.members).toBeGreaterThanOrEqual(10);
      expect(o._count.members).toBeLessThanOrEqual(25);
    }
  });

  it("does not change reference data when run again after the demo data", async () => {
    const before = await counts();
    await seedReferenceData(db);
    expect(await counts()).toEqual(before);
  });
});
