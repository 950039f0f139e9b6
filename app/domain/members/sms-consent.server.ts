// Consent to SMS: a household agreed (on a paper form, at a meeting, by phone
// or by texting back) that the portal may send messages to one phone number,
// and may stop them, by replying "ຢຸດ" or by asking the FO's leader.
//
// IN FORCE. The history is kept: each consent is a row, closed when withdrawn.
// A member has at most one open row (recording a new consent closes the one
// before, as replaced by the leader). The open row is in force only while its
// number is still the member's phone and the member is active: a household
// that changed its number consented for the old one, not the new one, and
// messages go only to the number consented for.
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { normalisePhone } from "~/utils/fields";
import type { FieldErrors } from "~/utils/forms";
import { calendarDaysBetween } from "~/domain/payments/payments";
import { optOutConfirmationSms } from "./member-sms";
import { isStopReply, type ConsentValues } from "./sms-consent";
import { queueMemberSms } from "./member-outbox.server";

type Actor = { id: string };

export type ConsentResult = { ok: true } | { ok: false; reason: "notFound" } | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

const consentSelect = { id: true, memberId: true, phone: true, givenAt: true, givenHow: true, withdrawnAt: true, withdrawnHow: true } as const;

/** The members of `memberIds` whose consent is in force, with the number it covers. */
export async function consentedPhones(tx: Db | Tx, memberIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  const open = await tx.memberSmsConsent.findMany({
    where: { memberId: { in: ids }, withdrawnAt: null, member: { active: true } },
    select: { memberId: true, phone: true, member: { select: { phone: true } } },
  });
  return new Map(open.filter((c) => c.member.phone === c.phone).map((c) => [c.memberId, c.phone]));
}

/** Which members of an FO receive SMS: their consent is in force for their current phone. */
export async function smsRecipientIds(db: Db, organisationId: string): Promise<Set<string>> {
  const open = await db.memberSmsConsent.findMany({
    where: { withdrawnAt: null, member: { organisationId, active: true } },
    select: { memberId: true, phone: true, member: { select: { phone: true } } },
  });
  return new Set(open.filter((c) => c.member.phone === c.phone).map((c) => c.memberId));
}

/** A member's consents, newest first, with who recorded and who withdrew each. */
export async function consentHistory(db: Db, organisationId: string, memberId: string) {
  return db.memberSmsConsent.findMany({
    where: { memberId, member: { organisationId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { ...consentSelect, recordedBy: { select: { name: true } }, withdrawnBy: { select: { name: true } } },
  });
}

/**
 * The leader records that the member consented, for the member's current
 * phone: refused for a member without a phone, a form drawn for a number the
 * member no longer has, a day in the future, or a consent already in force
 * for that number.
 */
export async function recordConsent(
  db: Db,
  actor: Actor,
  organisationId: string,
  memberId: string,
  values: ConsentValues,
  now = new Date(),
): Promise<ConsentResult> {
  return db.$transaction(async (tx): Promise<ConsentResult> => {
    const member = await tx.member.findFirst({ where: { id: memberId, organisationId }, select: { id: true, phone: true, active: true } });
    if (!member) return { ok: false, reason: "notFound" };
    const fieldErrors: FieldErrors = {};
    if (!member.phone) fieldErrors.phone = "members:sms.errors.noPhone";
    else if (normalisePhone(values.phone) !== member.phone) fieldErrors.phone = "members:sms.errors.phoneChanged";
    else if (!member.active) fieldErrors.phone = "members:sms.errors.inactive";
    if (calendarDaysBetween(now, values.givenOn) > 0) fieldErrors.givenOn = "members:sms.errors.givenInFuture";
    const open = await tx.memberSmsConsent.findFirst({ where: { memberId, withdrawnAt: null }, select: consentSelect });
    if (!fieldErrors.phone && open?.phone === member.phone) fieldErrors.phone = "members:sms.errors.alreadyInForce";
    if (Object.keys(fieldErrors).length) return { ok: false, reason: "invalid", fieldErrors };

    if (open) {
      // A consent for a number the member no longer has: replaced, and said so in the history.
      await tx.memberSmsConsent.update({ where: { id: open.id }, data: { withdrawnAt: now, withdrawnHow: "leader", withdrawnById: actor.id } });
    }
    const consent = await tx.memberSmsConsent.create({
      data: { memberId, phone: member.phone!, givenAt: values.givenOn, givenHow: values.givenHow, recordedById: actor.id, createdAt: now },
      select: consentSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "member.sms_consent_given",
      entityType: "Member",
      entityId: memberId,
      before: open ?? null,
      after: consent,
    });
    return { ok: true };
  });
}

/** The leader stops the member's messages (the household asked them to). */
export async function withdrawConsent(db: Db, actor: Actor, organisationId: string, memberId: string, now = new Date()): Promise<ConsentResult> {
  return db.$transaction(async (tx): Promise<ConsentResult> => {
    const member = await tx.member.findFirst({ where: { id: memberId, organisationId }, select: { id: true } });
    if (!member) return { ok: false, reason: "notFound" };
    // Conditional, so two leaders (or a double submit) close it once.
    const { count } = await tx.memberSmsConsent.updateMany({
      where: { memberId, withdrawnAt: null },
      data: { withdrawnAt: now, withdrawnHow: "leader", withdrawnById: actor.id },
    });
    if (count === 0) return { ok: false, reason: "invalid", fieldErrors: { _form: "members:sms.errors.nothingToWithdraw" } };
    await recordAudit(tx, {
      actorId: actor.id,
      action: "member.sms_consent_withdrawn",
      entityType: "Member",
      entityId: memberId,
      after: { withdrawnHow: "leader", withdrawnAt: now },
    });
    return { ok: true };
  });
}

/**
 * A text received from a phone. A stop reply (./sms-consent, STOP_WORDS)
 * withdraws the consent of every member who consented for that number, and
 * queues one confirmation in Lao; any other text changes nothing. The SMS
 * centre may hand the same text over twice: the second finds nothing open and
 * queues nothing.
 */
export async function recordSmsReply(db: Db, sms: { from: string; text: string; receivedAt: Date }): Promise<{ optedOut: number }> {
  if (!isStopReply(sms.text)) return { optedOut: 0 };
  const phone = normalisePhone(sms.from);
  if (!phone) return { optedOut: 0 };
  return db.$transaction(async (tx) => {
    const open = await tx.memberSmsConsent.findMany({
      where: { phone, withdrawnAt: null },
      select: { id: true, memberId: true },
      orderBy: { createdAt: "asc" },
      take: 100,
    });
    if (open.length === 0) return { optedOut: 0 };
    const { count } = await tx.memberSmsConsent.updateMany({
      where: { id: { in: open.map((c) => c.id) }, withdrawnAt: null },
      data: { withdrawnAt: sms.receivedAt, withdrawnHow: "sms_reply" },
    });
    for (const c of open) {
      await recordAudit(tx, {
        actorId: null,
        action: "member.sms_consent_withdrawn",
        entityType: "Member",
        entityId: c.memberId,
        after: { withdrawnHow: "sms_reply", withdrawnAt: sms.receivedAt, phone },
      });
    }
    await queueMemberSms(tx, [
      { memberId: open[0]!.memberId, recipient: phone, body: optOutConfirmationSms(), dedupeKey: `sms-stop:${phone}:${sms.receivedAt.getTime()}` },
    ]);
    return { optedOut: count };
  });
}
