// Trading companies (Lao, Thai and Chinese buyers) with one or two staff
// accounts each: mostly verified by a facilitator of their base province, a few
// waiting for verification (registered recently) or suspended after trading.
// Each gets a payment habit that its contracts' payments follow.
import type { CompanyNode, PayerHabit, World } from "./model";
import { companyName, slug } from "./names";
import type { IdFactory } from "./ids";
import type { Random } from "./random";
import type { Writer } from "./tables";
import { SUSPENSION_REASONS } from "./texts";
import { DAY, YEAR } from "./time";
import type { Users } from "./users";

export function generateCompanies(world: World, writer: Writer, users: Users, ids: IdFactory, rng: Random, count: number): void {
  const windowStart = world.now - 3 * YEAR;
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const status =
      i === 0
        ? "verified"
        : rng.weighted([
            ["verified", 85],
            ["pending", 10],
            ["suspended", 5],
          ] as const);
    const province = rng.pick(world.provinces);
    let name = companyName(rng, province.nameEn);
    for (let n = 2; names.has(name); n++) name = `${companyName(rng, province.nameEn)}${n > 5 ? ` ${n}` : ""}`;
    names.add(name);
    const createdAt =
      status === "pending" ? world.now - rng.int(1, 60) * DAY : rng.chance(0.75) ? windowStart - rng.int(20, 400) * DAY : windowStart + rng.real(0, 2.6 * YEAR);
    const verifiedAt = status === "pending" ? null : createdAt + rng.int(3, 30) * DAY;
    const suspendedAt =
      status === "suspended" ? Math.min(world.now - DAY, verifiedAt! + 60 * DAY + rng.next() * Math.max(0, world.now - 70 * DAY - verifiedAt!)) : null;
    const verifier = rng.pick(world.districts.filter((d) => d.provinceId === province.id).flatMap((d) => d.facilitators)) ?? world.demo.facilitator;
    const id = ids.next(createdAt);
    const licenceYear = new Date(createdAt).getUTCFullYear() - rng.int(0, 6);
    const licenceNumber = `ERC ${String(rng.int(1, 9999)).padStart(4, "0")}/${province.code}/${licenceYear}`;
    writer.insert("TraderCompany", {
      id,
      name,
      licenceNumber,
      baseProvinceId: province.id,
      contactPhone: `85620${rng.int(22_000_000, 99_999_999)}`,
      contactEmail: rng.chance(0.8) ? `contact@${slug(name)}.demo.la` : null,
      status,
      statusReason: status === "suspended" ? rng.pick(SUSPENSION_REASONS) : null,
      verifiedById: verifiedAt === null ? null : verifier.id,
      verifiedAt: verifiedAt === null ? null : new Date(verifiedAt),
      createdAt: new Date(createdAt),
      updatedAt: new Date(suspendedAt ?? verifiedAt ?? createdAt),
    });
    const node: CompanyNode = {
      id,
      name,
      licenceNumber,
      baseProvince: province,
      staff: [],
      status,
      verifiedAt,
      suspendedAt,
      payer: rng.weighted<PayerHabit>([
        ["punctual", 4],
        ["fair", 4],
        ["late", 2],
      ]),
      demo: false,
    };
    const staffCount = rng.chance(0.4) ? 2 : 1;
    for (let s = 0; s < staffCount; s++) {
      const joined = createdAt + s * rng.int(0, 200) * DAY;
      const user = users.create({ role: "trader", createdAt: Math.min(joined, world.now - DAY) });
      writer.insert("TraderStaff", { companyId: id, userId: user.id, createdAt: new Date(Math.min(joined, world.now - DAY)) });
      node.staff.push({ user });
    }
    world.companies.push(node);
  }
}

/** Whether the company could trade at `at`: verified by then and not yet suspended. */
export function companyActiveAt(company: CompanyNode, at: number): boolean {
  if (company.verifiedAt === null || company.verifiedAt > at) return false;
  if (company.status !== "verified" && company.status !== "suspended") return false;
  return company.suspendedAt === null || at < company.suspendedAt;
}
