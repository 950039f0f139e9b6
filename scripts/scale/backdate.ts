// The demo seed creates its accounts "now" and verifies the demo FO and the
// demo company a few months ago; the scale data set gives them three years of
// history, and the portal only lets a verified FO publish and a verified
// company offer. So in the copy (never in the demo database) the demo leader,
// the demo trader, their FO and company, and the FO's households are dated
// from before that history begins. Nothing else of the demo rows changes.
import type Database from "better-sqlite3";
import type { World } from "./model";
import { dbDate } from "./tables";
import { DAY, YEAR } from "./time";

export function backdateDemo(db: Database.Database, world: World): void {
  const joined = world.now - 3 * YEAR - 60 * DAY;
  const verified = joined + 20 * DAY;
  const { fo, company, leader, trader } = world.demo;
  const at = dbDate(joined);
  db.prepare(`UPDATE "User" SET "createdAt" = ? WHERE "id" IN (?, ?)`).run(at, leader.id, trader.id);
  db.prepare(`UPDATE "UserRole" SET "createdAt" = ? WHERE "userId" IN (?, ?)`).run(at, leader.id, trader.id);
  db.prepare(`UPDATE "Organisation" SET "createdAt" = ?, "verifiedAt" = ? WHERE "id" = ?`).run(at, dbDate(verified), fo.id);
  db.prepare(`UPDATE "OrganisationLeader" SET "createdAt" = ? WHERE "organisationId" = ?`).run(at, fo.id);
  db.prepare(`UPDATE "Member" SET "createdAt" = ? WHERE "organisationId" = ?`).run(at, fo.id);
  db.prepare(`UPDATE "TraderCompany" SET "createdAt" = ?, "verifiedAt" = ? WHERE "id" = ?`).run(at, dbDate(verified), company.id);
  db.prepare(`UPDATE "TraderStaff" SET "createdAt" = ? WHERE "companyId" = ?`).run(at, company.id);
  fo.createdAt = joined;
  fo.verifiedAt = verified;
  company.verifiedAt = verified;
  for (const m of fo.activeMembers) m.createdAt = joined;
}
