// Checking a contract: anyone holding a printed copy (a member at the FO's
// meeting, a bank, a district officer) types or scans its number and check
// code, and the portal tells them whether the stored record is still the
// contract as it was written and signed. The hash is recomputed from the stored
// Lao and English texts with the same `contractHash` that made it, and compared
// with the stored hash and with the hash each party signed. Public: it shows
// only what the paper already shows at its top (number, parties, date,
// template, hashes), never the text or any member's data.
//
// THE CHECK CODE (./check-code): numbers run in sequence, so the parties, the
// date and the rest are shown only with the code printed beside the number (and
// carried in the QR code's address). The number alone, or with a wrong code,
// says only that a contract with this number exists: the answer is the same
// whatever wrong code is typed, and nothing else of the contract is read.
import QRCode from "qrcode";
import { z } from "zod";
import type { Db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { reads } from "~/utils/reads.server";
import { checkCodeMatches, normaliseCheckCode } from "./check-code";
import { contractHash } from "./contract-hash";

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
  /** the district office's registration, a record beside the text that the hash does not cover */
  registration: { number: string; registeredOn: Date; office: string } | null;
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

/**
 * What the check page may say of a number and a code: nothing when no contract
 * has the number; only that it exists without the right code; the verification
 * with it.
 */
export type VerifyOutcome =
  | { found: false }
  | { found: true; verified: false; number: string; code: "missing" | "wrong" }
  | { found: true; verified: true; contract: ContractVerification };

export async function verifyContract(db: Db, typed: { number: string; code?: string | null }, locale: Locale = "lo"): Promise<VerifyOutcome> {
  const normalised = normaliseContractNumber(typed.number);
  if (!normalised) return { found: false };
  // A prepared statement: this public page answers every guess, and a wrong one costs no more than this read.
  const entry = await reads().get<{ id: string; number: string; checkCode: string | null }>(
    "SELECT id, number, checkCode FROM Contract WHERE number = ?",
    normalised,
  );
  if (!entry) return { found: false };
  const given = typed.code?.trim() ? typed.code : null;
  if (!checkCodeMatches(entry.checkCode, given)) return { found: true, verified: false, number: entry.number, code: given === null ? "missing" : "wrong" };
  const contract = await db.contract.findUnique({
    where: { id: entry.id },
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
      registration: { select: { number: true, registeredOn: true, office: true } },
    },
  });
  if (!contract) return { found: false };
  const recomputed = contract.document ? contractHash(contract.document.textLo, contract.document.textEn) : "";
  const fingerprintMatches = sameHash(contract.sha256, recomputed);
  // A signature vouches for the text it was made on: it must be the text as stored now.
  const signatures = contract.signatures.map((s) => ({
    party: s.party,
    signedAt: s.signedAt,
    sha256: s.sha256,
    matches: sameHash(s.sha256, recomputed),
  }));
  const verification: ContractVerification = {
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
    registration: contract.registration,
  };
  return { found: true, verified: true, contract: verification };
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

/** The path of a contract's check page, with its check code (see the header). */
export function verifyPath(number: string, checkCode: string | null | undefined): string {
  const code = normaliseCheckCode(checkCode);
  return `/verify/${encodeURIComponent(number)}${code ? `?code=${code}` : ""}`;
}

/** The absolute address of a contract's public check page, as printed and in the QR code. */
export function verifyUrl(request: Request, number: string, checkCode: string | null | undefined): string {
  return `${publicBaseUrl(request)}${verifyPath(number, checkCode)}`;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An inline SVG QR code for `url`, carrying the address as its title (read by screen readers, searchable). */
export async function qrCodeSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return svg.replace(/<svg\b([^>]*)>/, `<svg$1 role="img"><title>${escapeXml(url)}</title>`);
}
