// Reading a contract for someone allowed to see it: the FO's leaders, the
// trader company's staff, the facilitators of its district.
import type { Db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/request-state.server";
import { contractRoles, type ContractParty } from "./parties.server";
import { requiredParties } from "./signing.server";

export async function loadContractFor(db: Db, user: SessionUser, contractId: string) {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    include: {
      organisation: { select: { nameLo: true, nameEn: true } },
      company: { select: { name: true } },
      template: { select: { code: true, version: true, nameLo: true, nameEn: true } },
      signatures: { orderBy: { signedAt: "asc" }, include: { user: { select: { name: true } } } },
      previousContract: { select: { id: true, number: true } },
      amendment: { select: { id: true, number: true } },
      document: true,
    },
  });
  if (!contract) return null;
  const { document } = contract;
  if (!document) return null;
  const roles = await contractRoles(db, user, contract);
  if (!roles.fo && !roles.trader && !roles.facilitator) return null;
  const required = requiredParties(contract.witnessRequired);
  const signedParties = new Set(contract.signatures.map((s) => s.party));
  // The party this user could still sign for, if any.
  const canSignAs: ContractParty | null =
    contract.status !== "awaiting_signatures"
      ? null
      : roles.fo && !signedParties.has("fo")
        ? "fo"
        : roles.trader && !signedParties.has("trader")
          ? "trader"
          : roles.facilitator && contract.witnessRequired && !signedParties.has("witness")
            ? "witness"
            : null;
  return { contract: { ...contract, document }, roles, required, canSignAs };
}
