// Signing a contract. Each party signs by typing their password again, on the
// exact text they were shown (its hash must match). When every required
// signature is in — the FO, the trader and, above the value threshold, a
// facilitator as witness — the contract is in force, and from then on nothing
// in it can change: there is no domain function that edits a contract's
// content, the database client refuses such updates, and signing a contract
// that is no longer awaiting signatures is refused.
import { Prisma } from "~/generated/prisma/client";
import { tellMembersOfContract } from "~/domain/members/member-news.server";
import { inTransaction, refuse } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import type { SessionUser } from "~/utils/request-state.server";
import { tellContractActive, tellContractSigned } from "./notices.server";
import { contractRoles, type ContractParty } from "./parties.server";

export type SignRefusal = "notFound" | "notAParty" | "notAwaiting" | "alreadySigned" | "changed" | "noWitnessNeeded";
/** What the signer must put right on the form, as translation keys: all of it at once, not the first found. */
export type SignFieldErrors = { confirmRead?: "contracts:errors.mustReadFirst"; password?: "contracts:errors.wrongPassword" | "validation:required" };
export type SignResult = { ok: true; active: boolean } | { ok: false; reason: SignRefusal } | { ok: false; fieldErrors: SignFieldErrors };

export function requiredParties(witnessRequired: boolean): ContractParty[] {
  return witnessRequired ? ["fo", "trader", "witness"] : ["fo", "trader"];
}

export async function signContract(
  db: Db,
  actor: Pick<SessionUser, "id" | "roles">,
  contractId: string,
  input: { as: ContractParty; password: string; sha256: string; confirmRead: boolean },
  now = new Date(),
): Promise<SignResult> {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      status: true,
      sha256: true,
      witnessRequired: true,
      organisationId: true,
      companyId: true,
      districtId: true,
      previousContractId: true,
      organisation: { select: { nameLo: true, nameEn: true } },
      company: { select: { name: true } },
      district: { select: { nameLo: true, nameEn: true } },
    },
  });
  if (!contract) return { ok: false, reason: "notFound" };
  const may = await contractRoles(db, actor, contract);
  if (input.as === "fo" && !may.fo) return { ok: false, reason: "notAParty" };
  if (input.as === "trader" && !may.trader) return { ok: false, reason: "notAParty" };
  if (input.as === "witness" && !may.facilitator) return { ok: false, reason: "notAParty" };
  if (input.as === "witness" && !contract.witnessRequired) return { ok: false, reason: "noWitnessNeeded" };
  const fieldErrors: SignFieldErrors = {};
  // The FO signs only after reading the summary and the full text on the page.
  if (input.as === "fo" && !input.confirmRead) fieldErrors.confirmRead = "contracts:errors.mustReadFirst";
  // The password is checked even when the box is not ticked, so the signer learns both at once.
  if (!input.password) fieldErrors.password = "validation:required";
  else {
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(user.passwordHash, input.password))) fieldErrors.password = "contracts:errors.wrongPassword";
  }
  if (fieldErrors.confirmRead || fieldErrors.password) return { ok: false, fieldErrors };

  const onBehalfOf =
    input.as === "fo"
      ? { lo: contract.organisation.nameLo, en: contract.organisation.nameEn }
      : input.as === "trader"
        ? { lo: contract.company.name, en: contract.company.name }
        : { lo: `ພະຍານ, ເມືອງ${contract.district.nameLo}`, en: `Witness, ${contract.district.nameEn} district` };

  try {
    return await inTransaction<SignResult, SignRefusal>(db, async (tx) => {
      const current = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, select: { status: true, sha256: true, version: true } });
      if (current.status !== "awaiting_signatures") refuse("notAwaiting");
      if (current.sha256 !== input.sha256) refuse("changed");
      await tx.contractSignature.create({
        data: {
          contractId,
          party: input.as,
          userId: actor.id,
          onBehalfOf: onBehalfOf.en === onBehalfOf.lo ? onBehalfOf.en : `${onBehalfOf.lo} / ${onBehalfOf.en}`,
          sha256: current.sha256,
          signedAt: now,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "contract.signed",
        entityType: "Contract",
        entityId: contractId,
        after: { party: input.as, sha256: current.sha256 },
      });
      await tellContractSigned(tx, contractId, onBehalfOf, actor.id);

      const signed = await tx.contractSignature.findMany({ where: { contractId }, select: { party: true } });
      const complete = requiredParties(contract.witnessRequired).every((p) => signed.some((s) => s.party === p));
      if (!complete) return { ok: true, active: false };
      const { count } = await tx.contract.updateMany({
        where: { id: contractId, status: "awaiting_signatures", version: current.version },
        data: { status: "active", activatedAt: now, version: { increment: 1 } },
      });
      if (count === 0) refuse("notAwaiting");
      if (contract.previousContractId) {
        // An amendment in force replaces the contract it amends.
        await tx.contract.updateMany({
          where: { id: contract.previousContractId, status: { in: ["active", "disputed"] } },
          data: { status: "superseded", version: { increment: 1 } },
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "contract.activated",
        entityType: "Contract",
        entityId: contractId,
        before: { status: "awaiting_signatures" },
        after: { status: "active" },
      });
      await tellContractActive(tx, contractId);
      await tellMembersOfContract(tx, contractId);
      return { ok: true, active: true };
    });
  } catch (error) {
    // Two signatures for the same party at once: the unique (contract, party) pair keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "alreadySigned" };
    throw error;
  }
}
