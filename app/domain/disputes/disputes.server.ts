// Disputes on a contract. When the trader's scale, moisture meter, price or
// payment (or the FO's delivery) is not what the contract says, either side
// raises a dispute with a category and a statement; the contract is then "in
// dispute". The other side answers once. A facilitator of the contract's
// district mediates: dated notes in the dispute's log, then the outcome. When
// the last unresolved dispute is settled, the contract is in force again.
//
// Every step moves the dispute or the contract conditionally on the version it
// was decided from, so two people acting at once never both succeed (two
// outcomes for one dispute, or a contract put back in force while a dispute
// raised at the same moment is still open).
import type { z } from "zod";
import { companyStaffUserIds, leaderUserIds, notify, type NotificationKind, type NotificationParams } from "~/domain/notifications/notify.server";
import { inTransaction, refuse } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { issuesToFieldErrors, type FieldErrors } from "~/utils/forms";
import { i18nFor } from "~/utils/i18n.server";
import type { SessionUser } from "~/utils/request-state.server";
import {
  AnswerDisputeSchema,
  MediationNoteSchema,
  otherParty,
  RaiseDisputeSchema,
  ResolveDisputeSchema,
  unresolvedDisputeStatuses,
  type DisputeCategory,
  type DisputeParty,
} from "./dispute-categories";
import { contractRoles, visibleContractsWhere } from "../contracts/parties.server";

export type DisputeActor = Pick<SessionUser, "id" | "roles">;

export type DisputeRefusal =
  /** no such contract or dispute, or the actor has no part in it */
  | "notFound"
  /** the actor sees the contract but may not take this step (the side that raised it answering) */
  | "notAllowed"
  /** a dispute can be raised only on a contract in force (or already in dispute) */
  | "contractNotActive"
  | "alreadyAnswered"
  | "alreadyResolved"
  /** someone acted on the dispute or the contract first; read it again */
  | "changed";

export type DisputeResult =
  { ok: true; disputeId: string; contractStatus: string } | { ok: false; fieldErrors: FieldErrors } | { ok: false; reason: DisputeRefusal };

const UNRESOLVED = [...unresolvedDisputeStatuses];
/** Contract statuses on which a new dispute may be raised. */
const DISPUTABLE = ["active", "disputed"];

const contractSelect = {
  id: true,
  number: true,
  status: true,
  version: true,
  organisationId: true,
  companyId: true,
  districtId: true,
  organisation: { select: { nameLo: true, nameEn: true } },
  company: { select: { name: true } },
} as const;

type ContractFacts = {
  id: string;
  number: string;
  status: string;
  version: number;
  organisationId: string;
  companyId: string;
  districtId: string;
  organisation: { nameLo: string; nameEn: string };
  company: { name: string };
};

function validate<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues) };
}

function categoryNames(category: DisputeCategory) {
  return { categoryLo: i18nFor("lo").t(`disputes:category.${category}`), categoryEn: i18nFor("en").t(`disputes:category.${category}`) };
}

function partyName(contract: ContractFacts, party: DisputeParty) {
  return party === "fo" ? { lo: contract.organisation.nameLo, en: contract.organisation.nameEn } : { lo: contract.company.name, en: contract.company.name };
}

async function partyUsers(tx: Tx, contract: ContractFacts, party: DisputeParty) {
  return party === "fo" ? leaderUserIds(tx, contract.organisationId) : companyStaffUserIds(tx, contract.companyId);
}

async function facilitatorUsers(tx: Tx, districtId: string) {
  const rows = await tx.facilitatorDistrict.findMany({ where: { districtId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

async function tell<K extends NotificationKind>(tx: Tx, contract: ContractFacts, actorId: string, userIds: string[], kind: K, params: NotificationParams<K>) {
  await notify(tx, { userIds: userIds.filter((id) => id !== actorId), kind, params, link: `/contracts/${contract.id}/disputes` });
}

/** The dispute with its contract, and what the actor may do on it; unreachable → notFound. */
async function disputeFor(tx: Tx, actor: DisputeActor, disputeId: string) {
  const dispute = await tx.dispute.findUnique({
    where: { id: disputeId, contract: visibleContractsWhere(actor) },
    select: { id: true, status: true, version: true, category: true, raisedByParty: true, raisedById: true, contract: { select: contractSelect } },
  });
  if (!dispute) refuse("notFound");
  const roles = await contractRoles(tx, actor, dispute.contract);
  if (!roles.fo && !roles.trader && !roles.facilitator) refuse("notFound");
  return { dispute, contract: dispute.contract, roles };
}

/**
 * Puts the contract in dispute (from in force) or keeps it so; either way its
 * version moves, so a resolution deciding at the same moment that no dispute
 * remains cannot also put it back in force.
 */
async function markDisputed(tx: Tx, contract: ContractFacts) {
  const { count } = await tx.contract.updateMany({
    where: { id: contract.id, status: contract.status, version: contract.version },
    data: { status: "disputed", version: { increment: 1 } },
  });
  if (count === 0) refuse("changed");
}

/** Either side of a contract in force states what went wrong. */
export async function raiseDispute(
  db: Db,
  actor: DisputeActor,
  contractId: string,
  input: { category: DisputeCategory; statement: string; party?: DisputeParty },
  now = new Date(),
): Promise<DisputeResult> {
  return inTransaction<DisputeResult, DisputeRefusal>(db, async (tx) => {
    const contract = await tx.contract.findFirst({ where: { id: contractId, ...visibleContractsWhere(actor) }, select: contractSelect });
    if (!contract) refuse("notFound");
    const roles = await contractRoles(tx, actor, contract);
    if (!roles.fo && !roles.trader && !roles.facilitator) refuse("notFound");
    const party: DisputeParty | null = input.party ? (roles[input.party] ? input.party : null) : roles.fo ? "fo" : roles.trader ? "trader" : null;
    if (!party) refuse("notAllowed");
    const valid = validate(RaiseDisputeSchema, input);
    if (!valid.ok) return { ok: false, fieldErrors: valid.fieldErrors };
    if (!DISPUTABLE.includes(contract.status)) refuse("contractNotActive");

    await markDisputed(tx, contract);
    const { category, statement } = valid.data;
    const dispute = await tx.dispute.create({
      data: { contractId, category, raisedByParty: party, raisedById: actor.id, statement, status: "open", createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dispute.raised",
      entityType: "Dispute",
      entityId: dispute.id,
      after: { contractId, category, raisedByParty: party, statement },
    });
    if (contract.status !== "disputed") {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "contract.disputed",
        entityType: "Contract",
        entityId: contractId,
        before: { status: contract.status },
        after: { status: "disputed", disputeId: dispute.id },
      });
    }
    const by = partyName(contract, party);
    const recipients = [...(await partyUsers(tx, contract, otherParty(party))), ...(await facilitatorUsers(tx, contract.districtId))];
    await tell(tx, contract, actor.id, recipients, "dispute_raised", { number: contract.number, byLo: by.lo, byEn: by.en, ...categoryNames(category) });
    return { ok: true, disputeId: dispute.id, contractStatus: "disputed" };
  });
}

/** The side that did not raise the dispute gives its own statement, once. */
export async function answerDispute(db: Db, actor: DisputeActor, disputeId: string, input: { answer: string }, now = new Date()): Promise<DisputeResult> {
  return inTransaction<DisputeResult, DisputeRefusal>(db, async (tx) => {
    const { dispute, contract, roles } = await disputeFor(tx, actor, disputeId);
    const answering = otherParty(dispute.raisedByParty as DisputeParty);
    if (!roles[answering]) refuse("notAllowed");
    const valid = validate(AnswerDisputeSchema.pick({ answer: true }), input);
    if (!valid.ok) return { ok: false, fieldErrors: valid.fieldErrors };
    if (dispute.status === "resolved") refuse("alreadyResolved");
    if (dispute.status !== "open") refuse("alreadyAnswered");

    const { answer } = valid.data;
    const { count } = await tx.dispute.updateMany({
      where: { id: dispute.id, status: "open", version: dispute.version },
      data: { status: "answered", answer, answeredAt: now, version: { increment: 1 } },
    });
    if (count === 0) refuse("changed");
    await tx.disputeEntry.create({ data: { disputeId, authorId: actor.id, kind: "answer", note: answer, createdAt: now } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dispute.answered",
      entityType: "Dispute",
      entityId: disputeId,
      before: { status: "open" },
      after: { status: "answered", party: answering, answer },
    });
    const by = partyName(contract, answering);
    const recipients = [...(await partyUsers(tx, contract, dispute.raisedByParty as DisputeParty)), ...(await facilitatorUsers(tx, contract.districtId))];
    await tell(tx, contract, actor.id, recipients, "dispute_answered", { number: contract.number, byLo: by.lo, byEn: by.en });
    return { ok: true, disputeId, contractStatus: contract.status };
  });
}

/** A facilitator of the contract's district writes a dated line in the mediation log. */
export async function addMediationNote(db: Db, actor: DisputeActor, disputeId: string, input: { note: string }, now = new Date()): Promise<DisputeResult> {
  return inTransaction<DisputeResult, DisputeRefusal>(db, async (tx) => {
    const { dispute, contract, roles } = await disputeFor(tx, actor, disputeId);
    if (!roles.facilitator) refuse("notAllowed");
    const valid = validate(MediationNoteSchema.pick({ note: true }), input);
    if (!valid.ok) return { ok: false, fieldErrors: valid.fieldErrors };
    if (dispute.status === "resolved") refuse("alreadyResolved");

    // The note moves the version too: an outcome written from an older reading
    // of the log is refused, so nobody settles a dispute without seeing the last note.
    const { count } = await tx.dispute.updateMany({
      where: { id: dispute.id, status: { in: UNRESOLVED } },
      data: { version: { increment: 1 } },
    });
    if (count === 0) refuse("alreadyResolved");
    const { note } = valid.data;
    const entry = await tx.disputeEntry.create({ data: { disputeId, authorId: actor.id, kind: "mediation", note, createdAt: now }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dispute.mediation_note",
      entityType: "Dispute",
      entityId: disputeId,
      after: { entryId: entry.id, note },
    });
    const recipients = [...(await partyUsers(tx, contract, "fo")), ...(await partyUsers(tx, contract, "trader"))];
    await tell(tx, contract, actor.id, recipients, "dispute_mediation_note", { number: contract.number });
    return { ok: true, disputeId, contractStatus: contract.status };
  });
}

/**
 * A facilitator of the contract's district records the outcome: the dispute is
 * resolved and, when no other dispute of the contract is unresolved, the
 * contract is in force again. `expectedVersion` is the dispute's version the
 * facilitator read; without it, the version read here.
 */
export async function resolveDispute(
  db: Db,
  actor: DisputeActor,
  disputeId: string,
  input: { outcome: string; expectedVersion?: number },
  now = new Date(),
): Promise<DisputeResult> {
  return inTransaction<DisputeResult, DisputeRefusal>(db, async (tx) => {
    const { dispute, contract, roles } = await disputeFor(tx, actor, disputeId);
    if (!roles.facilitator) refuse("notAllowed");
    const valid = validate(ResolveDisputeSchema.pick({ outcome: true }), input);
    if (!valid.ok) return { ok: false, fieldErrors: valid.fieldErrors };
    if (dispute.status === "resolved") refuse("alreadyResolved");
    const version = input.expectedVersion ?? dispute.version;

    const { outcome } = valid.data;
    const { count } = await tx.dispute.updateMany({
      where: { id: dispute.id, status: { in: UNRESOLVED }, version },
      data: { status: "resolved", outcome, resolvedAt: now, version: { increment: 1 } },
    });
    if (count === 0) refuse("changed");
    await tx.disputeEntry.create({ data: { disputeId, authorId: actor.id, kind: "outcome", note: outcome, createdAt: now } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dispute.resolved",
      entityType: "Dispute",
      entityId: disputeId,
      before: { status: dispute.status },
      after: { status: "resolved", outcome },
    });

    let contractStatus = contract.status;
    const unresolved = await tx.dispute.count({ where: { contractId: contract.id, status: { in: UNRESOLVED } } });
    if (unresolved === 0 && contract.status === "disputed") {
      const moved = await tx.contract.updateMany({
        where: { id: contract.id, status: "disputed", version: contract.version },
        data: { status: "active", version: { increment: 1 } },
      });
      if (moved.count === 0) refuse("changed");
      contractStatus = "active";
      await recordAudit(tx, {
        actorId: actor.id,
        action: "contract.disputes_resolved",
        entityType: "Contract",
        entityId: contract.id,
        before: { status: "disputed" },
        after: { status: "active", lastDisputeId: disputeId },
      });
    }
    const recipients = [...(await partyUsers(tx, contract, "fo")), ...(await partyUsers(tx, contract, "trader"))];
    await tell(tx, contract, actor.id, recipients, "dispute_resolved", { number: contract.number, ...categoryNames(dispute.category as DisputeCategory) });
    return { ok: true, disputeId, contractStatus };
  });
}

/**
 * A contract's disputes for someone allowed to see them (its parties, the
 * facilitators of its district), with what that person may do on each; null
 * for anyone else.
 */
export async function loadDisputesFor(db: Db, user: DisputeActor, contractId: string) {
  const contract = await db.contract.findFirst({ where: { id: contractId, ...visibleContractsWhere(user) }, select: contractSelect });
  if (!contract) return null;
  const roles = await contractRoles(db, user, contract);
  if (!roles.fo && !roles.trader && !roles.facilitator) return null;
  const disputes = await db.dispute.findMany({
    where: { contractId },
    orderBy: { createdAt: "desc" },
    include: {
      raisedBy: { select: { name: true } },
      entries: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
    },
  });
  const raiseAs: DisputeParty[] = DISPUTABLE.includes(contract.status) ? (["fo", "trader"] as const).filter((p) => roles[p]) : [];
  return {
    contract,
    roles,
    raiseAs,
    disputes: disputes.map((d) => ({
      ...d,
      canAnswer: d.status === "open" && roles[otherParty(d.raisedByParty as DisputeParty)],
      canMediate: d.status !== "resolved" && roles.facilitator,
    })),
  };
}
