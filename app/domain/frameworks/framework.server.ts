// Framework contracts and their seasonal call-offs (./framework-text says what
// a framework is). Both parties agree to each: one proposes, the other accepts
// or declines, never the proposer. A call-off accepted writes its contract
// from the base contract's frozen snapshot, with the call-off's own quantity,
// season and delivery date, rendered from the base's template version and then
// signed as any contract; it needs no listing of its own (it keeps the base's).
// Every answer is a conditional update on a proposal still open, so two people
// answering at once answer once; (frameworkId, season) is unique on Contract,
// so a season has one call-off contract however many are accepted at once.
import { Prisma } from "~/generated/prisma/client";
import { inTransaction, refuse } from "~/domain/refusal";
import { frameworkTrackRecord } from "~/domain/track-records/track-record.server";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { witnessThresholdLak } from "~/utils/env.server";
import type { SessionUser } from "~/utils/request-state.server";
import { newCheckCode } from "../contracts/check-code";
import { tellCallOff, tellFramework, tellNotice } from "./framework-notices.server";
import { callOffAllowed, frameworkPhase, noticeLastDay } from "./framework-rules";
import { tellContractReady } from "../contracts/notices.server";
import { readSnapshot } from "../contracts/completion.server";
import { contractDocument, contractTermColumns } from "../contracts/document";
import { frameworkNumber, renderFramework, seasonCovered, type FrameworkRenewal, type FrameworkTerms } from "./framework-text";
import { ClauseSchema, contractValueLak } from "../contracts/generate.server";
import { nextContractNumber } from "../contracts/numbering.server";
import { contractRoles } from "../contracts/parties.server";
import { renderContract } from "../contracts/render";
import { snapshotCurrency, type ContractSnapshot } from "../contracts/snapshot";

type Actor = Pick<SessionUser, "id" | "roles">;
type Party = "fo" | "trader";
export type FrameworkRefusal =
  | "notFound"
  | "notAParty"
  | "notSigned"
  | "isCallOff"
  | "exists"
  | "notProposed"
  | "ownProposal"
  | "notActive"
  | "seasonNotCovered"
  | "seasonTaken"
  | "ended"
  | "afterEnd"
  | "noticeGiven";
export type FrameworkResult = { ok: true; frameworkId: string } | { ok: false; reason: FrameworkRefusal };
export type CallOffResult = { ok: true; callOffId: string; contractId: string | null } | { ok: false; reason: FrameworkRefusal };

export const MAX_CALL_OFF_KG = 10_000_000;

/** The party the actor acts for on these parties' records; the FO's side first when a user is both. */
async function partyOf(tx: Tx, actor: Actor, parties: { organisationId: string; companyId: string; districtId: string }): Promise<Party | null> {
  const may = await contractRoles(tx, actor, parties);
  return may.fo ? "fo" : may.trader ? "trader" : null;
}

/** One party proposes a framework on a signed contract of theirs, which becomes its base. */
export async function proposeFramework(db: Db, actor: Actor, baseContractId: string, terms: FrameworkTerms, now = new Date()): Promise<FrameworkResult> {
  try {
    return await inTransaction<FrameworkResult, FrameworkRefusal>(db, async (tx) => {
      const base = await tx.contract.findUnique({
        where: { id: baseContractId },
        select: {
          id: true,
          number: true,
          sha256: true,
          status: true,
          frameworkId: true,
          organisationId: true,
          companyId: true,
          districtId: true,
          document: { select: { snapshot: true } },
        },
      });
      if (!base) refuse("notFound");
      const party = await partyOf(tx, actor, base);
      if (!party) refuse("notFound");
      if (!(["active", "completed"] as string[]).includes(base.status)) refuse("notSigned");
      if (base.frameworkId) refuse("isCallOff");
      const number = frameworkNumber(base.number);
      const text = renderFramework(number, readSnapshot(base), base.sha256, terms);
      const framework = await tx.frameworkContract.create({
        data: {
          number,
          baseContractId: base.id,
          organisationId: base.organisationId,
          companyId: base.companyId,
          districtId: base.districtId,
          ...terms,
          ...text,
          proposedByParty: party,
          proposedById: actor.id,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "framework.proposed",
        entityType: "FrameworkContract",
        entityId: framework.id,
        after: { number, baseContract: base.number, ...terms, sha256: text.sha256 },
      });
      await tellFramework(tx, { id: framework.id, number, organisationId: base.organisationId, companyId: base.companyId }, "framework_proposed", party);
      return { ok: true, frameworkId: framework.id };
    });
  } catch (error) {
    // One framework per base contract: a second proposal, or two at once, finds the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "exists" };
    throw error;
  }
}

/** The other party accepts or declines a proposed framework. */
export async function answerFramework(db: Db, actor: Actor, frameworkId: string, answer: "accept" | "decline", now = new Date()): Promise<FrameworkResult> {
  return inTransaction<FrameworkResult, FrameworkRefusal>(db, async (tx) => {
    const framework = await tx.frameworkContract.findUnique({ where: { id: frameworkId } });
    if (!framework) refuse("notFound");
    const party = await partyOf(tx, actor, framework);
    if (!party) refuse("notFound");
    if (framework.status !== "proposed") refuse("notProposed");
    if (party === framework.proposedByParty) refuse("ownProposal");
    const status = answer === "accept" ? "active" : "declined";
    const { count } = await tx.frameworkContract.updateMany({
      where: { id: framework.id, status: "proposed", version: framework.version },
      data: { status, answeredById: actor.id, answeredAt: now, version: { increment: 1 } },
    });
    if (count === 0) refuse("notProposed");
    await recordAudit(tx, {
      actorId: actor.id,
      action: answer === "accept" ? "framework.accepted" : "framework.declined",
      entityType: "FrameworkContract",
      entityId: framework.id,
      before: { status: "proposed" },
      after: { status },
    });
    await tellFramework(tx, framework, answer === "accept" ? "framework_accepted" : "framework_declined", party);
    return { ok: true, frameworkId: framework.id };
  });
}

/**
 * Either party ends a framework in force by notice: recorded with its date,
 * the framework stays in force for its notice period and is ended after the
 * last day of it. Once given, a notice stands (a second one is refused).
 */
export async function giveNotice(db: Db, actor: Actor, frameworkId: string, now = new Date()): Promise<FrameworkResult> {
  return inTransaction<FrameworkResult, FrameworkRefusal>(db, async (tx) => {
    const framework = await tx.frameworkContract.findUnique({ where: { id: frameworkId } });
    if (!framework) refuse("notFound");
    const party = await partyOf(tx, actor, framework);
    if (!party) refuse("notFound");
    if (framework.noticeGivenAt) refuse("noticeGiven");
    if (frameworkPhase(framework, now) !== "active") refuse("notActive");
    const lastDay = noticeLastDay(now, framework.noticeDays);
    const { count } = await tx.frameworkContract.updateMany({
      where: { id: framework.id, status: "active", noticeGivenAt: null, version: framework.version },
      data: { noticeGivenAt: now, noticeGivenByParty: party, noticeGivenById: actor.id, noticeLastDay: lastDay, version: { increment: 1 } },
    });
    if (count === 0) refuse("noticeGiven");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "framework.noticeGiven",
      entityType: "FrameworkContract",
      entityId: framework.id,
      before: { noticeGivenAt: null },
      after: { noticeGivenAt: now.toISOString(), party, noticeDays: framework.noticeDays, lastDay: lastDay.toISOString() },
    });
    await tellNotice(tx, framework, party, lastDay);
    return { ok: true, frameworkId: framework.id };
  });
}

export type CallOffInput = { season: number; quantityKg: number; deliveryDate: Date };

/** One party proposes a season's call-off under an active framework. */
export async function proposeCallOff(db: Db, actor: Actor, frameworkId: string, input: CallOffInput, now = new Date()): Promise<CallOffResult> {
  return inTransaction<CallOffResult, FrameworkRefusal>(db, async (tx) => {
    const framework = await tx.frameworkContract.findUnique({ where: { id: frameworkId } });
    if (!framework) refuse("notFound");
    const party = await partyOf(tx, actor, framework);
    if (!party) refuse("notFound");
    const allowed = callOffAllowed(framework, input.deliveryDate, now);
    if (allowed !== "ok") refuse(allowed);
    if (!seasonCovered({ ...framework, renewal: framework.renewal as FrameworkRenewal }, input.season)) refuse("seasonNotCovered");
    const taken = await tx.frameworkCallOff.findFirst({
      where: { frameworkId, season: input.season, status: { in: ["proposed", "accepted"] } },
      select: { id: true },
    });
    if (taken) refuse("seasonTaken");
    const callOff = await tx.frameworkCallOff.create({
      data: { frameworkId, ...input, proposedByParty: party, proposedById: actor.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "framework.callOffProposed",
      entityType: "FrameworkCallOff",
      entityId: callOff.id,
      after: { framework: framework.number, season: input.season, quantityKg: input.quantityKg, deliveryDate: input.deliveryDate.toISOString() },
    });
    await tellCallOff(tx, framework, "call_off_proposed", party, input.season);
    return { ok: true, callOffId: callOff.id, contractId: null };
  });
}

/** The call-off's contract: the base's frozen snapshot with the season's own quantity and delivery date. */
export function callOffSnapshot(
  base: ContractSnapshot,
  callOff: { framework: string; season: number; quantityKg: number; deliveryDate: Date },
  number: string,
  now: Date,
): ContractSnapshot {
  const { members: _pledgedForTheBase, ...rest } = base;
  const terms = { ...base.terms, quantityKg: callOff.quantityKg, deliveryDate: callOff.deliveryDate.toISOString() };
  const valueLak = contractValueLak(terms, base.template.priceMechanism);
  return {
    ...rest,
    number,
    amendmentNumber: 1,
    amends: null,
    amendmentReason: null,
    date: now.toISOString(),
    terms,
    valueLak: valueLak.toString(),
    // A contract in baht or yuan is always witnessed (docs/decisions/0021).
    witnessRequired: snapshotCurrency(base) !== "LAK" || valueLak >= witnessThresholdLak(),
    callOff: { framework: callOff.framework, season: callOff.season },
    writing: 2,
  };
}

/** The other party accepts (writing the call-off's contract, to be signed) or declines a proposed call-off. */
export async function answerCallOff(db: Db, actor: Actor, callOffId: string, answer: "accept" | "decline", now = new Date()): Promise<CallOffResult> {
  try {
    return await inTransaction<CallOffResult, FrameworkRefusal>(db, async (tx) => {
      const callOff = await tx.frameworkCallOff.findUnique({ where: { id: callOffId }, include: { framework: true } });
      if (!callOff) refuse("notFound");
      const { framework } = callOff;
      const party = await partyOf(tx, actor, framework);
      if (!party) refuse("notFound");
      if (callOff.status !== "proposed") refuse("notProposed");
      if (party === callOff.proposedByParty) refuse("ownProposal");
      // A notice given since the proposal may have put its delivery after the framework's end.
      const allowed = answer === "accept" ? callOffAllowed(framework, callOff.deliveryDate, now) : framework.status === "active" ? "ok" : "notActive";
      if (allowed !== "ok") refuse(allowed);
      const status = answer === "accept" ? "accepted" : "declined";
      const { count } = await tx.frameworkCallOff.updateMany({
        where: { id: callOff.id, status: "proposed" },
        data: { status, answeredById: actor.id, answeredAt: now },
      });
      if (count === 0) refuse("notProposed");
      let contractId: string | null = null;
      if (answer === "accept") {
        const base = await tx.contract.findUniqueOrThrow({
          where: { id: framework.baseContractId },
          include: { template: { select: { clauses: true } }, document: { select: { snapshot: true } } },
        });
        const { year, sequence, number } = await nextContractNumber(tx, now);
        const snapshot = callOffSnapshot(
          readSnapshot(base),
          { framework: framework.number, season: callOff.season, quantityKg: callOff.quantityKg, deliveryDate: callOff.deliveryDate },
          number,
          now,
        );
        const rendered = renderContract(snapshot, ClauseSchema.parse(JSON.parse(base.template.clauses)));
        const contract = await tx.contract.create({
          data: {
            number,
            checkCode: newCheckCode(),
            year,
            sequence,
            offerId: base.offerId,
            acceptedRevisionId: base.acceptedRevisionId,
            listingId: base.listingId,
            organisationId: base.organisationId,
            companyId: base.companyId,
            districtId: base.districtId,
            templateId: base.templateId,
            cropId: base.cropId,
            frameworkId: framework.id,
            season: callOff.season,
            ...contractTermColumns(snapshot),
            document: { create: contractDocument(snapshot, rendered) },
            sha256: rendered.sha256,
            valueLak: BigInt(snapshot.valueLak),
            witnessRequired: snapshot.witnessRequired,
            createdAt: now,
          },
          select: { id: true },
        });
        contractId = contract.id;
        await tx.frameworkCallOff.update({ where: { id: callOff.id }, data: { contractId } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "contract.generated",
          entityType: "Contract",
          entityId: contract.id,
          after: { number, framework: framework.number, season: callOff.season, sha256: rendered.sha256, valueLak: snapshot.valueLak },
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: answer === "accept" ? "framework.callOffAccepted" : "framework.callOffDeclined",
        entityType: "FrameworkCallOff",
        entityId: callOff.id,
        before: { status: "proposed" },
        after: { status, contractId },
      });
      // An accepted call-off is a contract to sign, told as any other; a declined one, to its proposer.
      if (contractId) await tellContractReady(tx, contractId);
      else await tellCallOff(tx, framework, "call_off_declined", party, callOff.season);
      return { ok: true, callOffId: callOff.id, contractId };
    });
  } catch (error) {
    // Two call-offs of one season accepted at once: the season's contract is written once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "seasonTaken" };
    throw error;
  }
}

/** A framework as a party or a facilitator of its district may read it: its text, call-offs, and one track record of all its call-offs. */
export async function loadFramework(db: Db, actor: Actor, frameworkId: string, now = new Date()) {
  const framework = await db.frameworkContract.findUnique({
    where: { id: frameworkId },
    include: {
      baseContract: {
        select: {
          id: true,
          number: true,
          organisation: { select: { nameLo: true, nameEn: true } },
          company: { select: { name: true } },
          crop: { select: { nameLo: true, nameEn: true } },
        },
      },
      callOffs: { orderBy: [{ season: "asc" }, { createdAt: "asc" }] },
      contracts: { select: { id: true, number: true, status: true, season: true } },
    },
  });
  if (!framework) return null;
  const may = await contractRoles(db, actor, framework);
  if (!may.fo && !may.trader && !may.facilitator) return null;
  return {
    framework,
    roles: may,
    trackRecord: await frameworkTrackRecord(db, frameworkId, now),
  };
}

/** What a framework (or a call-off) contract page links to: the framework built on this contract, or the one it is a call-off of. */
export async function frameworkLinks(db: Db, contractId: string) {
  const row = await db.contract.findUnique({
    where: { id: contractId },
    select: { season: true, framework: { select: { id: true, number: true } }, frameworkOf: { select: { id: true, number: true, status: true } } },
  });
  return {
    base: row?.frameworkOf ?? null,
    callOffOf: row?.framework && row.season !== null ? { ...row.framework, season: row.season } : null,
  };
}
