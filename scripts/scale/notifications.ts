// The in-app inbox. While the market and the contracts are generated, every
// step that the portal would announce (notify() in the domain: an offer
// received, a counter, a contract ready, a delivery recorded, …) is noted here
// with the same kind, params and link the domain functions send, to the same
// people. At the end a seeded sample of those notices of the requested size is
// written, the demo leader and demo trader getting a heavy share, most of the
// older ones read. Kinds and params are typed by ~/domain/notifications/kinds.
import type { NotificationKind, NotificationParams } from "~/domain/notifications/kinds";
import type { World } from "./model";
import type { IdFactory } from "./ids";
import type { Random } from "./random";
import type { Writer } from "./tables";
import { DAY } from "./time";

interface NotifyCall {
  kind: NotificationKind;
  at: number;
  params: object;
  link: string;
  userIds: string[];
}

export class Inbox {
  readonly calls: NotifyCall[] = [];

  /** One notify() call: the same message to each user, except the one who acted. */
  add<K extends NotificationKind>(kind: K, at: number, userIds: readonly string[], params: NotificationParams<K>, link: string, actorId?: string): void {
    const users = [...new Set(userIds)].filter((id) => id !== actorId);
    if (users.length) this.calls.push({ kind, at, params, link, userIds: users });
  }

  get candidates(): number {
    return this.calls.reduce((s, c) => s + c.userIds.length, 0);
  }
}

/** Writes `total` notifications sampled from what the inbox heard; returns how many it could write. */
export function writeNotifications(world: World, writer: Writer, ids: IdFactory, rng: Random, inbox: Inbox, total: number): number {
  const demoIds = new Set([world.demo.leader.id, world.demo.trader.id]);
  // "A few thousand at ×10" each: half a percent of the whole inbox.
  const demoQuota = Math.max(1, Math.round(total * 0.005));
  const chosen: { call: NotifyCall; userId: string }[] = [];
  const byDemo = new Map<string, { call: NotifyCall; userId: string }[]>();
  let others = 0;
  for (const call of inbox.calls) {
    if (call.at > world.now) continue;
    for (const userId of call.userIds) {
      if (demoIds.has(userId)) {
        let list = byDemo.get(userId);
        if (!list) byDemo.set(userId, (list = []));
        list.push({ call, userId });
      } else others++;
    }
  }
  for (const list of byDemo.values()) chosen.push(...rng.sample(list, Math.min(demoQuota, list.length)));

  // Selection sampling (Knuth's algorithm S) over the others, in one pass.
  let needed = Math.min(others, Math.max(0, total - chosen.length));
  let left = others;
  for (const call of inbox.calls) {
    if (call.at > world.now) continue;
    for (const userId of call.userIds) {
      if (demoIds.has(userId)) continue;
      if (needed > 0 && rng.next() * left < needed) {
        chosen.push({ call, userId });
        needed--;
      }
      left--;
    }
  }

  chosen.sort((a, b) => a.call.at - b.call.at);
  for (const { call, userId } of chosen) {
    const age = world.now - call.at;
    const demo = demoIds.has(userId);
    const pRead = age > 7 * DAY ? (demo ? 0.95 : 0.9) : age > DAY ? (demo ? 0.85 : 0.65) : 0.3;
    const readAt = rng.chance(pRead) ? call.at + rng.real(5 * 60_000, Math.max(5 * 60_000, Math.min(age, 5 * DAY))) : null;
    writer.insert("Notification", {
      id: ids.next(call.at),
      userId,
      kind: call.kind,
      params: JSON.stringify(call.params),
      link: call.link,
      readAt: readAt === null ? null : new Date(Math.min(readAt, world.now)),
      createdAt: new Date(call.at),
    });
  }
  return chosen.length;
}
