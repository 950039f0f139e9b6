// Benchmark: browsing and filtering listings with thousands of them in the
// database. Prints the median and 95th percentile time per search; it does not
// pass or fail. Run: npx tsx scripts/bench/listings-search.ts [listings=5000]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaClient } from "../../app/generated/prisma/client";
import { parseListingSearch, searchListings } from "../../app/domain/listings/search.server";
import { SqliteAdapterFactory } from "../../app/utils/db-adapter";
import { seedReferenceData } from "../../prisma/seed/reference-data";

const COUNT = Number(process.argv[2] ?? 5000);
const RUNS = 50;
const dir = mkdtempSync(path.join(tmpdir(), "bench-listings-"));
const url = `file:${path.join(dir, "bench.db")}`;

async function main() {
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const db = new PrismaClient({ adapter: new SqliteAdapterFactory(url) });
  await seedReferenceData(db);
  const crops = await db.crop.findMany({ include: { grades: true } });
  const villages = await db.village.findMany({ include: { district: true } });
  const user = await db.user.create({ data: { name: "Bench", passwordHash: "x" } });
  const orgs: { id: string }[] = [];
  for (const village of villages.slice(0, 20)) {
    orgs.push(await db.organisation.create({ data: { nameLo: "ກຸ່ມ", nameEn: `FO ${village.nameEn}`, type: "cooperative", villageId: village.id, status: "verified" } }));
  }
  const now = Date.now();
  const day = 86_400_000;
  const statuses = ["open", "open", "open", "under_negotiation", "contracted", "withdrawn", "draft"];
  const rows = Array.from({ length: COUNT }, (_, i) => {
    const crop = crops[i % crops.length]!;
    const village = villages[i % villages.length]!;
    return {
      organisationId: orgs[i % orgs.length]!.id,
      cropId: crop.id,
      gradeId: crop.grades[0]!.id,
      totalKg: 500 + ((i * 7919) % 40_000),
      availableFrom: new Date(now + ((i % 90) - 30) * day),
      availableUntil: new Date(now + ((i % 90) + 30) * day),
      pickupVillageId: village.id,
      districtId: village.districtId,
      provinceId: village.district.provinceId,
      offerMode: i % 3 ? "open" : "sealed",
      offerDeadline: new Date(now + ((i % 40) - 5) * day),
      status: statuses[i % statuses.length]!,
      publishedAt: new Date(now - (i % 60) * day),
      createdById: user.id,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.listing.createMany({ data: rows.slice(i, i + 500) });

  const district = villages[0]!.districtId;
  const cases: [string, string][] = [
    ["all live, by deadline", ""],
    ["by crop", `crop=${crops[0]!.id}`],
    ["by district, by quantity", `district=${district}&sort=quantity`],
    ["crop + province + min kg + month", `crop=${crops[1]!.id}&province=${villages[0]!.district.provinceId}&minKg=10000&month=${new Date(now).toISOString().slice(0, 7)}`],
    ["page 10, newest", "sort=newest&page=10"],
  ];
  console.log(`${COUNT} listings; ${RUNS} searches per case (count + one page of 20)`);
  for (const [label, query] of cases) {
    const filters = parseListingSearch(new URL(`http://bench/listings?${query}`));
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      total = (await searchListings(db, filters)).total;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    console.log(`${label.padEnd(36)} matches ${String(total).padStart(5)}  median ${p(0.5)} ms  p95 ${p(0.95)} ms`);
  }
  await db.$disconnect();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
