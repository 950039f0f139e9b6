// Sessions: signed-in devices, as the portal stores them (a random-looking id,
// 30 days of life). Spread over the last four months, so most have expired and
// some are live; the demo accounts have more than their share.
import type { World } from "./model";
import type { IdFactory } from "./ids";
import type { Random } from "./random";
import type { Writer } from "./tables";
import { DAY, HOUR } from "./time";

/** Sessions: signed-in devices, most long expired, some live; more for the demo accounts. */
export function writeSessions(world: World, writer: Writer, ids: IdFactory, rng: Random, total: number, userIds: readonly string[]): void {
  const demo = [world.demo.leader.id, world.demo.trader.id, world.demo.facilitator.id, world.demo.admin.id, world.demo.facilitatorXyb.id];
  const rows: { createdAt: number; userId: string }[] = [];
  for (let i = 0; i < total; i++) {
    const userId = rng.chance(0.05) ? rng.pick(demo) : rng.pick(userIds);
    // Sessions last 30 days; the table keeps expired ones until they are swept.
    rows.push({ createdAt: world.now - rng.real(0, 120) * DAY - rng.real(0, 24) * HOUR, userId });
  }
  rows.sort((a, b) => a.createdAt - b.createdAt);
  for (const r of rows) {
    writer.insert("Session", { id: ids.sessionId(), userId: r.userId, expiresAt: new Date(r.createdAt + 30 * DAY), createdAt: new Date(r.createdAt) });
  }
}
