// Telling people that something happened to their listing or offer: one inbox
// entry per person, and an e-mail and/or SMS queued in the outbox in that
// person's own language. It runs inside the caller's transaction, so a message
// exists if and only if the change it reports was saved.
import type { Tx } from "~/utils/db.server";
import { defaultLocale, isLocale, type Locale } from "~/utils/i18n";
import { i18nFor } from "~/utils/i18n.server";
import { renderNotification, type NotificationKind, type NotificationParams } from "./kinds";

export { listingTitle, notificationKinds, type NotificationKind, type NotificationParams } from "./kinds";

export type NotifyInput<K extends NotificationKind> = {
  userIds: readonly string[];
  kind: K;
  params: NotificationParams<K>;
  /** a path inside the portal, opened from the inbox ("/offers/abc") */
  link?: string | null;
};

/**
 * Writes one notification per user and queues their e-mail (when they have an
 * address) and SMS (when they have a phone). Duplicate and unknown user ids are
 * ignored; disabled accounts get the inbox entry but no messages.
 */
export async function notify<K extends NotificationKind>(tx: Tx, input: NotifyInput<K>): Promise<void> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return;
  const users = await tx.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, locale: true, email: true, phone: true, status: true },
  });
  if (users.length === 0) return;
  const params = JSON.stringify(input.params);
  const link = input.link ?? null;
  await tx.notification.createMany({
    data: users.map((u) => ({ userId: u.id, kind: input.kind, params, link })),
  });

  const messages: { userId: string; channel: "email" | "sms"; recipient: string; subject: string | null; body: string }[] = [];
  for (const user of users) {
    if (user.status !== "active" || (!user.email && !user.phone)) continue;
    const locale: Locale = isLocale(user.locale) ? user.locale : defaultLocale;
    const { t } = i18nFor(locale);
    const { title, body } = renderNotification(t, locale, input.kind, input.params);
    if (user.email) {
      messages.push({
        userId: user.id,
        channel: "email",
        recipient: user.email,
        subject: title,
        body: `${body}\n\n${t("notifications:email.footer")}`,
      });
    }
    // An SMS has no subject; the body names the listing on its own.
    if (user.phone) messages.push({ userId: user.id, channel: "sms", recipient: user.phone, subject: null, body });
  }
  if (messages.length) await tx.outboxMessage.createMany({ data: messages });
}

/** The users who lead (or are secretary of) an FO: they receive its listing's news. */
export async function leaderUserIds(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx.organisationLeader.findMany({ where: { organisationId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** The users who buy for a trader company: they receive its offers' news. */
export async function companyStaffUserIds(tx: Tx, companyId: string): Promise<string[]> {
  const rows = await tx.traderStaff.findMany({ where: { companyId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}
