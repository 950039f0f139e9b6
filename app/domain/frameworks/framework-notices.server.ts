// Who hears about a framework contract and its call-offs: the other party's
// users when something waits for their answer, the proposing party's when it
// was answered. Inside the caller's transaction (~/domain/notifications/notify.server).
import { companyStaffUserIds, leaderUserIds, notify } from "~/domain/notifications/notify.server";
import type { Tx } from "~/utils/db.server";

type Party = "fo" | "trader";
type Framework = { id: string; number: string; organisationId: string; companyId: string };

/** The users of one party, and the acting party's name in both languages. */
async function sides(tx: Tx, framework: Framework, to: Party, by: Party) {
  const [userIds, organisation, company] = await Promise.all([
    to === "fo" ? leaderUserIds(tx, framework.organisationId) : companyStaffUserIds(tx, framework.companyId),
    tx.organisation.findUniqueOrThrow({ where: { id: framework.organisationId }, select: { nameLo: true, nameEn: true } }),
    tx.traderCompany.findUniqueOrThrow({ where: { id: framework.companyId }, select: { name: true } }),
  ]);
  const name = by === "fo" ? { byLo: organisation.nameLo, byEn: organisation.nameEn } : { byLo: company.name, byEn: company.name };
  return { userIds, name };
}

const other = (party: Party): Party => (party === "fo" ? "trader" : "fo");

/** A framework proposed by `by` (to the other party), or answered by `by` (to the proposer, the other party). */
export async function tellFramework(tx: Tx, framework: Framework, kind: "framework_proposed" | "framework_accepted" | "framework_declined", by: Party) {
  const { userIds, name } = await sides(tx, framework, other(by), by);
  await notify(tx, { userIds, kind, params: { number: framework.number, ...name }, link: `/frameworks/${framework.id}` });
}

/** A season's call-off proposed or declined by `by`, told to the other party. */
export async function tellCallOff(tx: Tx, framework: Framework, kind: "call_off_proposed" | "call_off_declined", by: Party, season: number) {
  const { userIds, name } = await sides(tx, framework, other(by), by);
  await notify(tx, { userIds, kind, params: { number: framework.number, season: String(season), ...name }, link: `/frameworks/${framework.id}#call-offs` });
}

/** A notice of termination given by `by`, told to the other party with the framework's last day. */
export async function tellNotice(tx: Tx, framework: Framework, by: Party, lastDay: Date) {
  const { userIds, name } = await sides(tx, framework, other(by), by);
  await notify(tx, {
    userIds,
    kind: "framework_notice",
    params: { number: framework.number, ...name, lastDay: lastDay.toISOString() },
    link: `/frameworks/${framework.id}`,
  });
}
