// The contract-template seed against a real database: the test template
// database already holds the four published templates (global setup seeds
// them); seeding again creates nothing and never touches an existing row.
import { describe, expect, it } from "vitest";
import { readClauses } from "~/domain/contracts/render";
import { templateCodes } from "~/domain/contracts/snapshot";
import { contractTemplates } from "~/domain/contracts/templates";
import { db } from "~/utils/db.server";
import { seedContractTemplates } from "../../prisma/seed/contract-templates";

const allRows = () => db.contractTemplate.findMany({ orderBy: [{ code: "asc" }, { version: "asc" }] });

describe("seedContractTemplates", () => {
  it("has published version 1 of each template, with its clauses and required terms", async () => {
    const rows = await allRows();
    expect(rows.map((r) => r.code).sort()).toEqual([...templateCodes].sort());
    for (const row of rows) {
      const t = contractTemplates[row.code as keyof typeof contractTemplates];
      expect(row).toMatchObject({ version: 1, status: "published", nameLo: t.nameLo, nameEn: t.nameEn, priceMechanism: t.priceMechanism });
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

  it("never overwrites an existing row, nor adds version 1 beside a newer or retired version", async () => {
    const floor = await db.contractTemplate.findFirstOrThrow({ where: { code: "forward_floor" } });
    const edited = JSON.stringify([{ key: "parties", titleLo: "ຄູ່ສັນຍາ", titleEn: "Parties", bodyLo: "ແກ້ໄຂແລ້ວ", bodyEn: "edited" }]);
    await db.contractTemplate.update({ where: { id: floor.id }, data: { clauses: edited, nameEn: "Edited name" } });

    // A code whose only row is a retired version 2: the seed leaves the code alone.
    const spot = await db.contractTemplate.findFirstOrThrow({ where: { code: "spot_fixed" } });
    await db.contractTemplate.update({ where: { id: spot.id }, data: { version: 2, status: "retired" } });

    await seedContractTemplates(db);

    const floorAfter = await db.contractTemplate.findUniqueOrThrow({ where: { id: floor.id } });
    expect(floorAfter.clauses).toBe(edited);
    expect(floorAfter.nameEn).toBe("Edited name");
    expect(floorAfter.publishedAt).toEqual(floor.publishedAt);
    expect(await db.contractTemplate.findMany({ where: { code: "spot_fixed" }, select: { version: true, status: true } })).toEqual([
      { version: 2, status: "retired" },
    ]);
    expect(await db.contractTemplate.count()).toBe(templateCodes.length);
  });

  it("creates a missing template without touching the others", async () => {
    const input = await db.contractTemplate.findFirstOrThrow({ where: { code: "input_supply" } });
    await db.contractTemplate.delete({ where: { id: input.id } });
    const others = await allRows();

    await seedContractTemplates(db);

    const after = await allRows();
    expect(after.filter((r) => r.code !== "input_supply")).toEqual(others);
    const created = after.find((r) => r.code === "input_supply")!;
    expect(created).toMatchObject({ version: 1, status: "published" });
    expect(created.id).not.toBe(input.id);
    expect(readClauses(created.clauses)).toEqual(contractTemplates.input_supply.clauses);
  });
});
