// Amending a contract in force. The signed contract is never edited: the
// amendment is a new contract, linked to the one it amends, carrying the same
// parties and template with the changed terms, and it must be signed again by
// both parties. When it comes into force the amended contract is marked as
// replaced (see signing.server.ts); both stay readable in the history.
import { z } from "zod";
import { inTransaction, refuse } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { witnessThresholdLak } from "~/utils/env.server";
import { laoDateField, optionalWholeNumberField, requiredText } from "~/utils/fields";
import type { SessionUser } from "~/utils/request-state.server";
import { ClauseSchema, contractValueLak } from "./generate.server";
import { tellContractReady } from "./notices.server";
import { readSnapshot } from "./completion.server";
import { contractDocument, contractTermColumns } from "./document";
import { newCheckCode } from "./check-code";
import { nextContractNumber } from "./numbering.server";
import { contractRoles, visibleContractsWhere } from "./parties.server";
import { renderContract } from "./render";
import { snapshotCurrency, type ContractSnapshot } from "./snapshot";

export const AmendmentSchema = z.object({
  priceLakPerKg: optionalWholeNumberField(1, 10_000_000),
  quantityKg: optionalWholeNumberField(1, 100_000_000),
  deliveryDate: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : undefined))
    .pipe(laoDateField.optional()),
  paymentDays: optionalWholeNumberField(0, 365),
  reason: requiredText(500),
});
export type AmendmentInput = z.output<typeof AmendmentSchema>;

export type AmendRefusal = "notFound" | "notAParty" | "notActive" | "amendmentPending" | "nothingChanged";
export type AmendResult = { ok: true; contractId: string; number: string } | { ok: false; reason: AmendRefusal };

/** The terms after the change; null when nothing would change. */
export function amendedTerms(terms: ContractSnapshot["terms"], input: AmendmentInput): ContractSnapshot["terms"] | null {
  const next = {
    ...terms,
    priceLakPerKg: input.priceLakPerKg ?? terms.priceLakPerKg,
    quantityKg: input.quantityKg ?? terms.quantityKg,
    deliveryDate: input.deliveryDate ? input.deliveryDate.toISOString() : terms.deliveryDate,
    paymentDays: input.paymentDays ?? terms.paymentDays,
  };
  const changed = (["priceLakPerKg", "quantityKg", "deliveryDate", "paymentDays"] as const).some((k) => next[k] !== terms[k]);
  return changed ? next : null;
}

export async function amendContract(
  db: Db,
  actor: Pick<SessionUser, "id" | "roles">,
  contractId: string,
  input: AmendmentInput,
  now = new Date(),
): Promise<AmendResult> {
  return inTransaction<AmendResult, AmendRefusal>(db, async (tx) => {
    const contract = await tx.contract.findFirst({
      where: { id: contractId, ...visibleContractsWhere(actor) },
      include: { template: { select: { clauses: true } }, amendment: { select: { id: true } }, document: { select: { snapshot: true } } },
    });
    if (!contract) refuse("notFound");
    const may = await contractRoles(tx, actor, contract);
    if (!may.fo && !may.trader) refuse(may.facilitator ? "notAParty" : "notFound");
    if (contract.status !== "active") refuse("notActive");
    if (contract.amendment) refuse("amendmentPending");
    const previous = readSnapshot(contract);
    const terms = amendedTerms(previous.terms, input);
    if (!terms) refuse("nothingChanged");

    const { year, sequence } = await nextContractNumber(tx, now);
    const amendmentNumber = contract.amendmentNumber + 1;
    const number = `${contract.number.replace(/-A\d+$/, "")}-A${amendmentNumber}`;
    const valueLak = contractValueLak(terms, previous.template.priceMechanism);
    const snapshot: ContractSnapshot = {
      ...previous,
      number,
      amendmentNumber,
      amends: contract.number,
      amendmentReason: input.reason,
      date: now.toISOString(),
      terms,
      valueLak: valueLak.toString(),
      // A contract in baht or yuan is always witnessed (docs/decisions/0021).
      witnessRequired: snapshotCurrency(previous) !== "LAK" || valueLak >= witnessThresholdLak(),
      writing: 2,
    };
    const rendered = renderContract(snapshot, ClauseSchema.parse(JSON.parse(contract.template.clauses)));
    const created = await tx.contract.create({
      data: {
        number,
        checkCode: newCheckCode(),
        year,
        sequence,
        offerId: contract.offerId,
        acceptedRevisionId: contract.acceptedRevisionId,
        listingId: contract.listingId,
        organisationId: contract.organisationId,
        companyId: contract.companyId,
        districtId: contract.districtId,
        templateId: contract.templateId,
        amendmentNumber,
        previousContractId: contract.id,
        amendmentReason: input.reason,
        cropId: contract.cropId,
        ...contractTermColumns(snapshot),
        document: { create: contractDocument(snapshot, rendered) },
        sha256: rendered.sha256,
        valueLak,
        witnessRequired: snapshot.witnessRequired,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "contract.amendment_proposed",
      entityType: "Contract",
      entityId: created.id,
      before: { contract: contract.number, terms: previous.terms },
      after: { contract: number, terms, reason: input.reason },
    });
    await tellContractReady(tx, created.id);
    return { ok: true, contractId: created.id, number };
  });
}
