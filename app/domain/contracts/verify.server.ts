// Checking a contract: anyone holding a printed copy (a member at the FO's
// meeting, a bank, a district officer) types or scans its number and the
// portal tells them whether the stored record is still the contract as it was
// written and signed. The hash is recomputed from the stored Lao and English
// texts with the same `contractHash` that made it, and compared with the stored
// hash and with the hash each party signed. Public: it shows only what the
// paper already shows at its top (number, parties, date, template, hashes),
// never the text or any member's data.
import QRCode from "qrcode";
import { z } from "zod";
import type { Db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { contractHash } from "./render";

export type VerifiedSignature = { party: string; signedAt: Date; sha256: string; matches: boolean };

export type ContractVerification = {
  number: string;
  status: string;
  foName: string;
  companyName: string;
  createdAt: Date;
  template: { name: string; code: string; version: number };
  storedSha256: string;
  recomputedSha256: string;
  /** the stored hash is the hash of the stored texts */
  fingerprintMatches: boolean;
  /** the fingerprint matches and every signature was made on it */
  matches: boolean;
  signatures: VerifiedSignature[];
};

/** A number as someone may type it from paper: spaces trimmed, any case. */
export const ContractNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, "").toUpperCase())
  .pipe(z.string().min(1).max(40));

export function normaliseContractNumber(raw: string | null | undefined): string | null {
  const parsed = ContractNumberSchema.safeParse(raw ?? "");
  return parsed.success ? parsed.data : null;
}

const sameHash = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** null when no contract has this number. */
export async function verifyContract(db: Db, number: string, locale: Locale = "lo"): Promise<ContractVerification | null> {
  const normalised = normaliseContractNumber(number);
  if (!normalised) return null;
  const contract = await db.contract.findUnique({
    where: { number: normalised },
    select: {
      number: true,
      status: true,
      createdAt: true,
      document: { select: { textLo: true, textEn: true } },
      sha256: true,
      organisation: { select: { nameLo: true, nameEn: true } },
      company: { select: { name: true } },
      template: { select: { code: true, version: true, nameLo: true, nameEn: true } },
      signatures: { orderBy: { signedAt: "asc" }, select: { party: true, signedAt: true, sha256: true } },
    },
  });
  if (!contract) return null;
  const recomputed = contract.document ? contractHash(contract.document.textLo, contract.document.textEn) : "";
  const fingerprintMatches = sameHash(contract.sha256, recomputed);
  // A signature vouches for the text it was made on: it must be the text as stored now.
  const signatures = contract.signatures.map((s) => ({
    party: s.party,
    signedAt: s.signedAt,
    sha256: s.sha256,
    matches: sameHash(s.sha256, recomputed),
  }));
  return {
    number: contract.number,
    status: contract.status,
    foName: locale === "lo" ? contract.organisation.nameLo : contract.organisation.nameEn,
    companyName: contract.company.name,
    createdAt: contract.createdAt,
    template: {
      name: locale === "lo" ? contract.template.nameLo : contract.template.nameEn,
      code: contract.template.code,
      version: contract.template.version,
    },
    storedSha256: contract.sha256,
    recomputedSha256: recomputed,
    fingerprintMatches,
    matches: fingerprintMatches && signatures.every((s) => s.matches),
    signatures,
  };
}

// ---------------------------------------------------------------------------
// The address printed on paper, and its QR code
// ---------------------------------------------------------------------------

const PublicBaseUrlSchema = z
  .union([
    z.literal("").transform(() => undefined),
    z.url({ protocol: /^https?$/, error: "PUBLIC_BASE_URL must be an absolute http(s) URL such as https://portal.example.la" }),
  ])
  .optional();

/**
 * The portal's public origin: PUBLIC_BASE_URL when set (the portal behind a
 * proxy sees its own local address), otherwise the origin of the request.
 */
export function publicBaseUrl(request: Request): string {
  const parsed = PublicBaseUrlSchema.safeParse(process.env.PUBLIC_BASE_URL);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return (parsed.data ?? new URL(request.url).origin).replace(/\/+$/, "");
}

/** The absolute address of a contract's public check page. */
export function verifyUrl(request: Request, number: string): string {
  return `${publicBaseUrl(request)}/verify/${encodeURIComponent(number)}`;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An inline SVG QR code for `url`, carrying the address as its title (read by screen readers, searchable). */
export async function qrCodeSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return svg.replace(/<svg\b([^>]*)>/, `<svg$1 role="img"><title>${escapeXml(url)}</title>`);
}
