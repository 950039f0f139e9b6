// The contract-template seed against a real database: the test template
// database already holds versions 1 and 2 of each published template (global
// setup seeds them); seeding again creates nothing and never touches an
// existing row.
import { describe, expect, it } from "vitest";
import { readClauses } from "~/domain/contracts/clauses";
import { templateCodes } from "~/domain/contracts/snapshot";
import { contractTemplates, latestContractTemplates } from "~/domain/contracts/templates";
import { db } from "~/utils/db.server";
import { seedContractTemplates } from "../../prisma/seed/contract-templates";

const allRows = () => db.contractTemplate.findMany({ orderBy: [{ code: "asc" }, { version: "asc" }] });

describe("seedContractTemplates", () => {
  it("has published versions 1 and 2 of each template, with their clauses and required terms", async () => {
    const rows = await allRows();
    expect(rows.map((r) => `${r.code} ${r.version}`)).toEqual([...templateCodes].sort().flatMap((c) => [`${c} 1`, `${c} 2`]));
    for (const row of rows) {
      const code = row.code as keyof typeof contractTemplates;
      const t = row.version === 1 ? contractTemplates[code] : latestContractTemplates[code];
      expect(row).toMatchObject({ status: "published", nameLo: t.nameLo, nameEn: t.nameEn, priceMechanism: t.priceMechanism });
      expect(row.publishedAt).toBeInstanceOf(Date);
      expect(JSON.parse(row.requiredTerms)).toEqual(t.requiredTerms);
      expect(readClauses(row.clauses)).toEqual(t.clauses);
    }
  });

  it("is idempotent: running it again creates nothing and changes nothing", async () => {
    const before = await allRows();
    await seedContractTemplates(db);
    await seedContractTemplates(db);
    expect(await allRows()).toEqual(before);
  });

  it("never overwrites an existing row, nor adds a version beside a newer or retired one", async () => {
    const floor = await db.contractTemplate.findFirstOrThrow({ where: { code: "forward_floor", version: 1 } });
    const edited = JSON.stringify([{ key: "parties", titleLo: "ຄູ່ສັນຍາ", titleEn: "Parties", bodyLo: "ແກ້ໄຂແລ້ວ", bodyEn: "edited" }]);
    await db.contractTemplate.update({ where: { id: floor.id }, data: { clauses: edited, nameEn: "Edited name" } });

    // A code whose only row is a retired version 3: the seed leaves the code alone.
    await db.contractTemplate.deleteMany({ where: { code: "spot_fixed", version: 2 } });
    const spot = await db.contractTemplate.findFirstOrThrow({ where: { code: "spot_fixed" } });
    await db.contractTemplate.update({ where: { id: spot.id }, data: { version: 3, status: "retired" } });

    await seedContractTemplates(db);

    const floorAfter = await db.contractTemplate.findUniqueOrThrow({ where: { id: floor.id } });
    expect(floorAfter.clauses).toBe(edited);
    expect(floorAfter.nameEn).toBe("Edited name");
    expect(floorAfter.publishedAt).toEqual(floor.publishedAt);
    expect(await db.contractTemplate.findMany({ where: { code: "spot_fixed" }, select: { version: true, status: true } })).toEqual([
      { version: 3, status: "retired" },
    ]);
    expect(await db.contractTemplate.count()).toBe(templateCodes.length * 2 - 1);
  });

  it("adds version 2 beside an installation's version 1, and recreates a missing template from version 1 up", async () => {
    await db.contractTemplate.deleteMany({ where: { code: "forward_fixed", version: 2 } });
    const v1 = await db.contractTemplate.findFirstOrThrow({ where: { code: "forward_fixed", version: 1 } });
    await db.contractTemplate.deleteMany({ where: { code: "input_supply" } });
    const others = (await allRows()).filter((r) => r.code !== "input_supply");

    await seedContractTemplates(db);

    const after = await allRows();
    const fixed = after.filter((r) => r.code === "forward_fixed");
    expect(fixed.map((r) => r.version)).toEqual([1, 2]);
    expect(fixed[0]).toEqual(v1);
    expect(readClauses(fixed[1]!.clauses)).toEqual(latestContractTemplates.forward_fixed.clauses);
    expect(after.filter((r) => r.code !== "input_supply" && !(r.code === "forward_fixed" && r.version === 2))).toEqual(others);
    const created = after.filter((r) => r.code === "input_supply");
    expect(created.map((r) => [r.version, r.status])).toEqual([
      [1, "published"],
      [2, "published"],
    ]);
    expect(readClauses(created[0]!.clauses)).toEqual(contractTemplates.input_supply.clauses);
  });
});
