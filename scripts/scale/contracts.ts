// Contracts: one for every accepted offer, written as generateContract writes
// it. The snapshot comes from the project's snapshotOfAcceptedOffer (through
// snapshot-source.ts), the texts, summaries and SHA-256 from renderContract
// with the template's clauses, the document and term columns from
// contractDocument / contractTermColumns, the number from formatContractNumber
// (numbered per Lao year in the order the contracts were written). Then:
//   - signatures as signContract makes them: the FO and the trader (and a
//     facilitator of the district as witness when the value needs one), each
//     on the contract's hash; in force at the last one; some still waiting,
//     a few cancelled before being signed;
//   - a few amendments, as amendContract builds them (amendedTerms, the same
//     template, a new number "<number>-A2"), signed again: the amended
//     contract is then superseded; one or two still wait for signatures;
//   - deliveries, payments and disputes (fulfilment.ts);
//   - the audit trail's contract events and the notices.
// No domain function cancels a contract; cancelled ones here are contracts
// never fully signed, the status the schema allows.
import { amendedTerms } from "~/domain/contracts/amend.server";
import { CHECK_CODE_ALPHABET, CHECK_CODE_LENGTH } from "~/domain/contracts/check-code";
import { contractDocument, contractTermColumns } from "~/domain/contracts/document";
import { contractValueLak } from "~/domain/contracts/generate.server";
import { formatContractNumber, laoYear } from "~/domain/contracts/numbering.server";
import { renderContract } from "~/domain/contracts/render";
import { requiredParties } from "~/domain/contracts/signing.server";
import type { ContractSnapshot, PriceMechanism, TemplateCode } from "~/domain/contracts/snapshot";
import { witnessThresholdLak } from "~/utils/env.server";
import { FulfilmentMaker, type Intent } from "./fulfilment";
import type { IdFactory } from "./ids";
import type { Deal } from "./market";
import type { TemplateNode, UserNode, World } from "./model";
import type { Inbox } from "./notifications";
import type { Random } from "./random";
import { snapshotFor } from "./snapshot-source";
import type { Writer } from "./tables";
import { AMENDMENT_REASONS } from "./texts";
import { DAY, HOUR, laoDay } from "./time";

type Party = "fo" | "trader" | "witness";
type Outcome = "cancelled" | "awaiting" | "signed";

interface Plan {
  deal: Deal;
  template: TemplateNode;
  witnessRequired: boolean;
  outcome: Outcome;
  /** signature times of the parties that signed (in order) */
  signatures: { party: Party; at: number }[];
  activatedAt: number | null;
  intent: Intent;
  settledDispute: boolean;
  amendment: null | {
    at: number;
    input: { deliveryDate?: Date; quantityKg?: number; priceLakPerKg?: number; paymentDays?: number; reason: string };
    pending: boolean;
  };
  number?: string;
  year?: number;
  sequence?: number;
  amendmentNumber?: { number: string; year: number; sequence: number };
}

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

export async function generateContracts(
  world: World,
  writer: Writer,
  ids: IdFactory,
  rng: Random,
  inbox: Inbox,
  deals: Deal[],
): Promise<{ contracts: number; amendments: number }> {
  const now = world.now;
  const threshold = witnessThresholdLak();
  const fulfil = new FulfilmentMaker(world, writer, ids, rng.fork("fulfilment"), inbox);
  // Each contract's check code, from a stream of its own (drawing from rng would move every value after it).
  const codes = rng.fork("check-codes");
  const checkCode = () => Array.from({ length: CHECK_CODE_LENGTH }, () => codes.pick([...CHECK_CODE_ALPHABET])).join("");

  // --- plan: what becomes of each contract ---------------------------------------------
  const plans: Plan[] = [];
  const ordered = deals.slice().sort((a, b) => a.acceptedAt - b.acceptedAt);
  for (const deal of ordered) {
    const code = deal.revision.templateCode as TemplateCode;
    const template = world.templates.get(code) ?? world.templates.get("spot_fixed")!;
    const value = contractValueLak(
      {
        quantityKg: deal.revision.quantityKg as number,
        priceLakPerKg: deal.revision.priceLakPerKg as number,
        floorPriceLakPerKg: deal.revision.floorPriceLakPerKg as number | null,
      },
      template.priceMechanism as PriceMechanism,
    );
    const witnessRequired = value >= threshold;
    const age = now - deal.acceptedAt;
    let outcome: Outcome = rng.chance(age < 12 * DAY ? 0.35 : 0.01) ? "awaiting" : age > 7 * DAY && rng.chance(0.03) ? "cancelled" : "signed";
    // Both sides sign within a couple of days, the witness after them.
    const order: Party[] = rng.chance(0.6) ? ["fo", "trader"] : ["trader", "fo"];
    if (witnessRequired) order.push("witness");
    const signatures: { party: Party; at: number }[] = [];
    let t = deal.acceptedAt;
    for (const party of order) {
      t += party === "witness" ? rng.real(2, 72) * HOUR : rng.real(1, 48) * HOUR;
      signatures.push({ party, at: t });
    }
    if (outcome === "signed" && t > now) outcome = "awaiting";
    if (outcome !== "signed") {
      // Not (yet) fully signed: none, or the first side only.
      const keep = rng.chance(0.5) && signatures[0]!.at < now ? 1 : 0;
      signatures.splice(keep);
    }
    const activatedAt = outcome === "signed" ? t : null;
    const intent: Intent = rng.weighted([
      ["complete", 86],
      ["overdue", 5],
      ["disputed", 6],
      ["active", 3],
    ] as const);

    let amendment: Plan["amendment"] = null;
    const delivery = (deal.revision.deliveryDate as Date).getTime();
    if (activatedAt !== null && rng.chance(0.015) && delivery - activatedAt > 3 * DAY) {
      const at = activatedAt + rng.real(1, Math.min(10, (delivery - activatedAt) / DAY - 1)) * DAY;
      if (at < now - 2 * DAY) {
        const kind = rng.weighted([
          ["delivery", 50],
          ["quantity", 25],
          ["price", 15],
          ["payment", 10],
        ] as const);
        const reason =
          kind === "delivery"
            ? AMENDMENT_REASONS[0]!
            : kind === "quantity"
              ? AMENDMENT_REASONS[1]!
              : kind === "price"
                ? AMENDMENT_REASONS[2]!
                : AMENDMENT_REASONS[3]!;
        const input: NonNullable<Plan["amendment"]>["input"] = { reason };
        if (kind === "delivery") input.deliveryDate = new Date(laoDay(delivery + rng.int(7, 21) * DAY));
        if (kind === "quantity") input.quantityKg = Math.max(10, Math.round(((deal.revision.quantityKg as number) * rng.real(0.8, 0.92)) / 10) * 10);
        if (kind === "price") input.priceLakPerKg = Math.max(1, Math.round((deal.revision.priceLakPerKg as number) * rng.real(1.01, 1.04)));
        if (kind === "payment") input.paymentDays = (deal.revision.paymentDays as number) + 7;
        amendment = { at, input, pending: now - at < 20 * DAY && rng.chance(0.3) };
      }
    }
    plans.push({ deal, template, witnessRequired, outcome, signatures, activatedAt, intent, settledDispute: rng.chance(0.05), amendment });
  }

  // --- numbers: per Lao year, in the order the contracts were written -------------------------
  const creations: { at: number; plan: Plan; amendment: boolean }[] = [];
  for (const p of plans) {
    creations.push({ at: p.deal.acceptedAt, plan: p, amendment: false });
    if (p.amendment) creations.push({ at: p.amendment.at, plan: p, amendment: true });
  }
  creations.sort((a, b) => a.at - b.at);
  const sequences = new Map(world.lastSequence);
  for (const c of creations) {
    const year = laoYear(new Date(c.at));
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    if (!c.amendment) Object.assign(c.plan, { year, sequence, number: formatContractNumber(year, sequence) });
    else c.plan.amendmentNumber = { year, sequence, number: "" };
  }

  // --- write ------------------------------------------------------------------------------
  let amendments = 0;
  for (const p of plans) {
    const { deal } = p;
    const fo = deal.listing.fo;
    const snapshot = await snapshotFor({
      offerId: deal.offerId,
      company: deal.company,
      organisation: fo,
      crop: deal.listing.crop,
      revision: deal.revision,
      grade: deal.listing.crop.grades.find((g) => g.id === deal.revision.gradeId) ?? deal.listing.grade,
      template: p.template,
      number: p.number!,
      at: new Date(deal.acceptedAt),
    });
    const original = writeContract(p, snapshot, {
      id: ids.next(deal.acceptedAt),
      number: p.number!,
      year: p.year!,
      sequence: p.sequence!,
      createdAt: deal.acceptedAt,
      signatures: p.signatures,
      amendmentNumber: 1,
      previousContractId: null,
      amendmentReason: null,
    });

    if (p.amendment && p.activatedAt !== null) {
      amendments++;
      // As amendContract: the same parties and template, the changed terms, a new number, signed again.
      const terms = amendedTerms(snapshot.terms, p.amendment.input) ?? snapshot.terms;
      const number = `${p.number!.replace(/-A\d+$/, "")}-A2`;
      const valueLak = contractValueLak(terms, snapshot.template.priceMechanism);
      const amended: ContractSnapshot = {
        ...snapshot,
        number,
        amendmentNumber: 2,
        amends: p.number!,
        amendmentReason: p.amendment.input.reason,
        date: new Date(p.amendment.at).toISOString(),
        terms,
        valueLak: valueLak.toString(),
        witnessRequired: valueLak >= threshold,
      };
      const order: Party[] = [
        ...(rng.chance(0.5) ? (["fo", "trader"] as const) : (["trader", "fo"] as const)),
        ...(amended.witnessRequired ? (["witness"] as const) : []),
      ];
      let t = p.amendment.at;
      const signatures = order.map((party) => ({ party, at: (t += rng.real(2, 40) * HOUR) }));
      const pending = p.amendment.pending || t > now;
      const amendPlan: Plan = {
        ...p,
        witnessRequired: amended.witnessRequired,
        outcome: pending ? "awaiting" : "signed",
        activatedAt: pending ? null : t,
        amendment: null,
      };
      if (pending) signatures.splice(rng.chance(0.5) && signatures[0]!.at < now ? 1 : 0);
      // The original stays in force while its amendment waits, and is superseded once it is signed.
      original.finish(pending ? "active-untouched" : "superseded");
      const a = writeContract(amendPlan, amended, {
        id: ids.next(p.amendment.at),
        number,
        year: p.amendmentNumber!.year,
        sequence: p.amendmentNumber!.sequence,
        createdAt: p.amendment.at,
        signatures,
        amendmentNumber: 2,
        previousContractId: original.id,
        amendmentReason: p.amendment.input.reason,
      });
      a.finish("fulfil");
    } else original.finish("fulfil");
  }
  return { contracts: plans.length, amendments };

  // One contract row with its document, signatures, audit events, notices and (when in force) its fulfilment.
  function writeContract(
    p: Plan,
    snapshot: ContractSnapshot,
    row: {
      id: string;
      number: string;
      year: number;
      sequence: number;
      createdAt: number;
      signatures: { party: Party; at: number }[];
      amendmentNumber: number;
      previousContractId: string | null;
      amendmentReason: string | null;
    },
  ) {
    const { deal } = p;
    const fo = deal.listing.fo;
    const company = deal.company;
    const district = deal.listing.district;
    const rendered = renderContract(snapshot, p.template.clauses);
    const leaderIds = fo.leaders.map((l) => l.user.id);
    const staffIds = company.staff.map((s) => s.user.id);
    const link = `/contracts/${row.id}`;
    const facilitators = district.facilitators.length ? district.facilitators : [world.demo.facilitator];
    const witness = rng.pick(facilitators);
    const signers: Record<Party, UserNode> = { fo: deal.acceptedBy, trader: rng.pick(company.staff).user, witness };
    const onBehalfOf: Record<Party, { lo: string; en: string }> = {
      fo: { lo: fo.nameLo, en: fo.nameEn },
      trader: { lo: company.name, en: company.name },
      witness: { lo: `ພະຍານ, ເມືອງ${district.nameLo}`, en: `Witness, ${district.nameEn} district` },
    };
    const signed = row.signatures.filter((s) => s.at <= now);
    const complete = requiredParties(snapshot.witnessRequired).every((party) => signed.some((s) => s.party === party));
    const activatedAt = complete ? signed.at(-1)!.at : null;

    const audit = (at: number, actorId: string | null, action: string, before: unknown, after: unknown) =>
      writer.insert("AuditEvent", {
        id: ids.next(at),
        actorId,
        action,
        entityType: "Contract",
        entityId: row.id,
        before: before === null ? null : json(before),
        after: json(after),
        createdAt: new Date(at),
      });

    return {
      id: row.id,
      finish(mode: "fulfil" | "superseded" | "active-untouched") {
        let status: string = p.outcome === "cancelled" ? "cancelled" : activatedAt === null ? "awaiting_signatures" : "active";
        let completedAt: number | null = null;
        let version = activatedAt === null ? 0 : 1;
        let ledger = { overdueFrom: null as Date | null, dueFrom: null as Date | null, lateFrom: null as Date | null };
        const term = contractTermColumns(snapshot);
        const doFulfil = mode === "fulfil" && activatedAt !== null;
        // The contract row goes first: the database's report tallies read it when a delivery is written.
        const base = {
          id: row.id,
          number: row.number,
          checkCode: checkCode(),
          year: row.year,
          sequence: row.sequence,
          offerId: deal.offerId,
          acceptedRevisionId: deal.revision.id,
          listingId: deal.listingId,
          organisationId: fo.id,
          companyId: company.id,
          districtId: district.id,
          templateId: p.template.id,
          amendmentNumber: row.amendmentNumber,
          previousContractId: row.previousContractId,
          amendmentReason: row.amendmentReason,
          sha256: rendered.sha256,
          cropId: deal.listing.crop.id,
          ...term,
          valueLak: BigInt(snapshot.valueLak),
          witnessRequired: snapshot.witnessRequired,
          createdAt: new Date(row.createdAt),
        };
        let result: ReturnType<FulfilmentMaker["run"]> | null = null;
        if (doFulfil) {
          // Work out the ledger first (nothing is written by it until its rows are final).
          result = fulfil.run({
            id: row.id,
            number: row.number,
            snapshot,
            activatedAt: activatedAt!,
            fo,
            company,
            district,
            crop: deal.listing.crop,
            intent: p.intent,
            settledDispute: p.settledDispute,
          });
        }
        if (mode === "superseded") {
          status = "superseded";
          version = 2;
        }
        if (result) {
          status = result.status;
          completedAt = result.completedAt;
          version = result.versionSteps;
          ledger = result.ledger;
        }
        writer.insert("Contract", {
          ...base,
          status,
          activatedAt: activatedAt === null ? null : new Date(activatedAt),
          completedAt: completedAt === null ? null : new Date(completedAt),
          ...ledger,
          version,
        });
        writer.insert("ContractDocument", { contractId: row.id, ...contractDocument(snapshot, rendered) });
        for (const s of signed)
          writer.insert("ContractSignature", {
            id: ids.next(s.at),
            contractId: row.id,
            party: s.party,
            userId: signers[s.party].id,
            onBehalfOf: onBehalfOf[s.party].en === onBehalfOf[s.party].lo ? onBehalfOf[s.party].en : `${onBehalfOf[s.party].lo} / ${onBehalfOf[s.party].en}`,
            sha256: rendered.sha256,
            signedAt: new Date(s.at),
          });
        if (result) result.write();

        // The audit trail's contract events, as the domain writes them.
        const actor = row.amendmentNumber > 1 ? signers.fo.id : deal.acceptedBy.id;
        audit(row.createdAt, actor, row.amendmentNumber > 1 ? "contract.amendment_proposed" : "contract.generated", null, {
          number: row.number,
          offerId: deal.offerId,
          template: `${p.template.code} v${p.template.version}`,
          sha256: rendered.sha256,
          valueLak: snapshot.valueLak,
        });
        for (const s of signed) audit(s.at, signers[s.party].id, "contract.signed", null, { party: s.party, sha256: rendered.sha256 });
        if (activatedAt !== null)
          audit(
            activatedAt,
            signed.at(-1) ? signers[signed.at(-1)!.party].id : null,
            "contract.activated",
            { status: "awaiting_signatures" },
            { status: "active" },
          );
        if (completedAt !== null) audit(completedAt, null, "contract.completed", { status: "active" }, { status: "completed" });

        // What the parties were told.
        const title = deal.title;
        inbox.add("contract_ready", row.createdAt, [...leaderIds, ...staffIds], { number: row.number, ...title }, link);
        if (snapshot.witnessRequired)
          inbox.add(
            "contract_witness_needed",
            row.createdAt,
            facilitators.map((f) => f.id),
            { number: row.number, ...title },
            link,
          );
        for (const s of signed)
          inbox.add(
            "contract_signed",
            s.at,
            [...leaderIds, ...staffIds],
            { number: row.number, byLo: onBehalfOf[s.party].lo, byEn: onBehalfOf[s.party].en },
            link,
            signers[s.party].id,
          );
        if (activatedAt !== null) inbox.add("contract_active", activatedAt, [...leaderIds, ...staffIds], { number: row.number }, link);
      },
    };
  }
}
