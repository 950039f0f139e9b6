// The member page's SMS part, read for the page: the consent in force and the
// history, with dates and numbers as people read them.
import { consentHistory } from "~/domain/members/sms-consent.server";
import { toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { formatDate, formatPhone } from "~/utils/format";
import type { ConsentRow, SmsView } from "./sms-consent-section";

export async function smsView(organisationId: string, member: { id: string; phone: string | null; active: boolean }, now = new Date()): Promise<SmsView> {
  const rows = await consentHistory(db, organisationId, member.id);
  const history = rows.map((c): ConsentRow => ({
    id: c.id,
    phone: formatPhone(c.phone),
    givenOn: formatDate(c.givenAt, "lo"),
    givenHow: c.givenHow,
    recordedBy: c.recordedBy?.name ?? null,
    withdrawnOn: c.withdrawnAt ? formatDate(c.withdrawnAt, "lo") : null,
    withdrawnHow: c.withdrawnHow,
    withdrawnBy: c.withdrawnBy?.name ?? null,
  }));
  const open = rows.find((c) => c.withdrawnAt === null && c.phone === member.phone && member.active);
  return { phone: formatPhone(member.phone), inForce: open ? history.find((h) => h.id === open.id)! : null, history, today: toLaoDateInput(now) };
}
