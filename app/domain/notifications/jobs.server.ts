// Work that is due because time has passed, done without a separate worker
// process: incoming requests kick it at most once a minute per process, and it
// runs beside the request, never delaying it. Today that is warning FO leaders
// whose listing stops taking offers within 48 hours, queueing the weekly price
// SMS to member households (./weekly-member-prices.server), then sending the outbox.
import { liveListingStatuses } from "~/domain/listings/status";
import { recordAudit } from "~/utils/audit.server";
import { db as defaultDb, type Db } from "~/utils/db.server";
import { listingTitle } from "./kinds";
import { leaderUserIds, notify } from "./notify.server";
import { queueWeeklyMemberPrices } from "./weekly-member-prices.server";
import { dispatchOutbox, messageTransport, transportConfig, type DispatchResult, type MessageTransport } from "./transport.server";

export const EXPIRY_NOTICE_HOURS = 48;
const BATCH = 100;

export type DueJobsResult = { expiryNotices: number } & DispatchResult;

/** A notification read this many days ago is deleted; an unread one after NOTIFICATION_KEEP_DAYS_UNREAD. */
export const NOTIFICATION_KEEP_DAYS = 180;
export const NOTIFICATION_KEEP_DAYS_UNREAD = 365;
/** Rows deleted per table and run, so that one run never holds the database for long. */
const PRUNE_BATCH = 500;

export type PruneResult = { notifications: number; sessions: number; signInFailures: number };

async function deleteBatch(find: () => Promise<{ id: string }[]>, remove: (ids: string[]) => Promise<{ count: number }>): Promise<number> {
  const ids = (await find()).map((r) => r.id);
  return ids.length ? (await remove(ids)).count : 0;
}

/**
 * Keeps the tables that grow with every day of use from growing without end:
 * old notifications, expired sessions and sign-in failures past the rate-limit
 * window. A batch per run; runs every minute, so a backlog clears steadily.
 */
export async function pruneHistory(db: Db, now: Date = new Date()): Promise<PruneResult> {
  const day = 86_400_000;
  const readBefore = new Date(now.getTime() - NOTIFICATION_KEEP_DAYS * day);
  const anyBefore = new Date(now.getTime() - NOTIFICATION_KEEP_DAYS_UNREAD * day);
  const notifications = await deleteBatch(
    () =>
      db.notification.findMany({
        where: { createdAt: { lt: readBefore }, OR: [{ readAt: { not: null } }, { createdAt: { lt: anyBefore } }] },
        select: { id: true },
        take: PRUNE_BATCH,
      }),
    (ids) => db.notification.deleteMany({ where: { id: { in: ids } } }),
  );
  const sessions = await deleteBatch(
    () => db.session.findMany({ where: { expiresAt: { lte: now } }, select: { id: true }, take: PRUNE_BATCH }),
    (ids) => db.session.deleteMany({ where: { id: { in: ids } } }),
  );
  const signInFailures = await deleteBatch(
    () => db.signInFailure.findMany({ where: { createdAt: { lt: new Date(now.getTime() - day) } }, select: { id: true }, take: PRUNE_BATCH }),
    (ids) => db.signInFailure.deleteMany({ where: { id: { in: ids } } }),
  );
  return { notifications, sessions, signInFailures };
}

/**
 * Notifies the leaders of each live listing whose offer deadline falls within
 * the next 48 hours, once per listing (expiryNoticeAt is set conditionally in
 * the same transaction), then dispatches the outbox.
 */
export async function runDueJobs(
  db: Db,
  now: Date = new Date(),
  options: { transport?: MessageTransport; dispatchLimit?: number } = {},
): Promise<DueJobsResult> {
  const horizon = new Date(now.getTime() + EXPIRY_NOTICE_HOURS * 3600_000);
  const statuses = [...liveListingStatuses];
  const expiring = await db.listing.findMany({
    where: { status: { in: statuses }, offerDeadline: { gt: now, lte: horizon }, expiryNoticeAt: null },
    orderBy: { offerDeadline: "asc" },
    take: BATCH,
    select: {
      id: true,
      organisationId: true,
      offerDeadline: true,
      totalKg: true,
      crop: { select: { nameLo: true, nameEn: true } },
      grade: { select: { nameLo: true, nameEn: true } },
    },
  });

  let expiryNotices = 0;
  for (const listing of expiring) {
    try {
      const noticed = await db.$transaction(async (tx) => {
        // Not the listing's version: this is bookkeeping, and must not make an
        // FO leader's edit at the same moment fail as a conflict.
        const { count } = await tx.listing.updateMany({
          where: { id: listing.id, expiryNoticeAt: null, status: { in: statuses }, offerDeadline: listing.offerDeadline },
          data: { expiryNoticeAt: now },
        });
        if (count === 0) return false;
        await notify(tx, {
          userIds: await leaderUserIds(tx, listing.organisationId),
          kind: "listing_expiring",
          params: { ...listingTitle(listing), deadline: listing.offerDeadline.toISOString() },
          link: `/listings/${listing.id}`,
        });
        await recordAudit(tx, {
          actorId: null,
          action: "listing.expiry_notice_sent",
          entityType: "Listing",
          entityId: listing.id,
          before: { expiryNoticeAt: null },
          after: { expiryNoticeAt: now },
        });
        return true;
      });
      if (noticed) expiryNotices++;
    } catch (error) {
      // One listing that cannot be processed must not hold up the others.
      console.error(`[jobs] expiry notice for listing ${listing.id} failed`, error);
    }
  }

  const dispatched = await dispatchOutbox(db, options.transport ?? messageTransport(), { limit: options.dispatchLimit ?? transportConfig().perRun });
  return { expiryNotices, ...dispatched };
}

/**
 * A trigger that starts `run` when at least `intervalMs` have passed since it
 * last started and it is not still running. Returns whether it started it.
 * Never throws and never waits: failures go to `onError`.
 */
export function createJobTrigger(
  run: () => Promise<unknown>,
  { intervalMs = 60_000, onError = (e: unknown) => console.error("[jobs] scheduled work failed", e) } = {},
): (now?: number) => boolean {
  let lastStart = Number.NEGATIVE_INFINITY;
  let running = false;
  return (now = Date.now()) => {
    if (running || now - lastStart < intervalMs) return false;
    lastStart = now;
    running = true;
    void Promise.resolve()
      .then(run)
      .catch(onError)
      .finally(() => {
        running = false;
      });
    return true;
  };
}

const trigger = createJobTrigger(async () => {
  const now = new Date();
  // Before runDueJobs, so that the week's prices leave with the same dispatch.
  await queueWeeklyMemberPrices(defaultDb, now);
  await runDueJobs(defaultDb, now);
  await pruneHistory(defaultDb, now);
});

/** Called on every request by the root middleware; JOBS_DISABLED=1 turns it off (tests). */
export function kickDueJobs(now = Date.now()): boolean {
  if (process.env.JOBS_DISABLED === "1") return false;
  return trigger(now);
}
