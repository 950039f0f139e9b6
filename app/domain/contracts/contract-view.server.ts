// Reading a contract for someone allowed to see it: the FO's leaders, the
// trader company's staff, the facilitators of its district. One statement for
// the contract, its document, parties and this user's part in it; one for its
// signatures (prepared statements: every party opens it, often).
import type { Db } from "~/utils/db.server";
import { fromSqlDate, reads } from "~/utils/reads.server";
import type { SessionUser } from "~/utils/request-state.server";
import type { ContractParty } from "./parties.server";
import { requiredParties } from "./signing.server";
import { facilitatesSql, leadsSql, staffsSql } from "~/utils/access.server";

type Row = {
  id: string;
  number: string;
  checkCode: string | null;
  status: string;
  valueLak: number;
  sha256: string;
  witnessRequired: number;
  offerId: string;
  organisationId: string;
  companyId: string;
  districtId: string;
  createdAt: string;
  foLo: string;
  foEn: string;
  company: string;
  templateCode: string;
  templateVersion: number;
  templateLo: string;
  templateEn: string;
  previousId: string | null;
  previousNumber: string | null;
  amendmentId: string | null;
  amendmentNumber: string | null;
  snapshot: string | null;
  summaryLo: string | null;
  summaryEn: string | null;
  textLo: string | null;
  textEn: string | null;
  regNumber: string | null;
  regOn: string | null;
  regOffice: string | null;
  leads: number;
  staffs: number;
  facilitates: number;
};

const CONTRACT_SQL = `
  SELECT c.id, c.number, c.checkCode, c.status, c.valueLak, c.sha256, c.witnessRequired, c.offerId, c.organisationId, c.companyId, c.districtId, c.createdAt,
    o.nameLo AS foLo, o.nameEn AS foEn, t.name AS company,
    tp.code AS templateCode, tp.version AS templateVersion, tp.nameLo AS templateLo, tp.nameEn AS templateEn,
    pc.id AS previousId, pc.number AS previousNumber, ac.id AS amendmentId, ac.number AS amendmentNumber,
    d.snapshot, d.summaryLo, d.summaryEn, d.textLo, d.textEn,
    cr.number AS regNumber, cr.registeredOn AS regOn, cr.office AS regOffice,
    ${leadsSql("c.organisationId")} AS leads,
    ${staffsSql("c.companyId")} AS staffs,
    ${facilitatesSql("c.districtId")} AS facilitates
  FROM Contract c
  JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId JOIN ContractTemplate tp ON tp.id = c.templateId
  LEFT JOIN Contract pc ON pc.id = c.previousContractId LEFT JOIN Contract ac ON ac.previousContractId = c.id
  LEFT JOIN ContractDocument d ON d.contractId = c.id
  LEFT JOIN ContractRegistration cr ON cr.contractId = c.id
  WHERE c.id = ?`;

export async function loadContractFor(_db: Db, user: SessionUser, contractId: string) {
  const row = await reads().get<Row>(CONTRACT_SQL, user.id, user.id, user.id, contractId);
  if (!row || row.snapshot === null) return null;
  const roles = {
    fo: row.leads === 1 && user.roles.includes("fo_leader"),
    trader: row.staffs === 1 && user.roles.includes("trader"),
    facilitator: row.facilitates === 1 && user.roles.includes("facilitator"),
  };
  if (!roles.fo && !roles.trader && !roles.facilitator) return null;
  const signatures = (
    await reads().all<{ party: string; onBehalfOf: string; sha256: string; signedAt: string; userName: string }>(
      "SELECT s.party, s.onBehalfOf, s.sha256, s.signedAt, u.name AS userName FROM ContractSignature s JOIN User u ON u.id = s.userId WHERE s.contractId = ? ORDER BY s.signedAt ASC",
      contractId,
    )
  ).map((s) => ({ party: s.party, onBehalfOf: s.onBehalfOf, sha256: s.sha256, signedAt: fromSqlDate(s.signedAt), user: { name: s.userName } }));
  const witnessRequired = row.witnessRequired === 1;
  const contract = {
    id: row.id,
    number: row.number,
    /** printed beside the number; the public check page needs it (~/domain/contracts/check-code) */
    checkCode: row.checkCode,
    status: row.status,
    valueLak: BigInt(row.valueLak),
    sha256: row.sha256,
    witnessRequired,
    offerId: row.offerId,
    organisationId: row.organisationId,
    companyId: row.companyId,
    districtId: row.districtId,
    createdAt: fromSqlDate(row.createdAt),
    organisation: { nameLo: row.foLo, nameEn: row.foEn },
    company: { name: row.company },
    template: { code: row.templateCode, version: row.templateVersion, nameLo: row.templateLo, nameEn: row.templateEn },
    previousContract: row.previousId ? { id: row.previousId, number: row.previousNumber! } : null,
    amendment: row.amendmentId ? { id: row.amendmentId, number: row.amendmentNumber! } : null,
    signatures,
    /** the district office's registration, beside the frozen text (./registration.server) */
    registration: row.regNumber ? { number: row.regNumber, registeredOn: fromSqlDate(row.regOn!), office: row.regOffice! } : null,
    document: { snapshot: row.snapshot, summaryLo: row.summaryLo!, summaryEn: row.summaryEn!, textLo: row.textLo!, textEn: row.textEn! },
  };
  const required = requiredParties(witnessRequired);
  const signedParties = new Set(signatures.map((s) => s.party));
  // The party this user could still sign for, if any.
  const canSignAs: ContractParty | null =
    contract.status !== "awaiting_signatures"
      ? null
      : roles.fo && !signedParties.has("fo")
        ? "fo"
        : roles.trader && !signedParties.has("trader")
          ? "trader"
          : roles.facilitator && witnessRequired && !signedParties.has("witness")
            ? "witness"
            : null;
  return { contract, roles, required, canSignAs };
}
