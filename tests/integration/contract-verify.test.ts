import { afterEach, describe, expect, it } from "vitest";
import { contractHash } from "~/domain/contracts/render";
import { signContract } from "~/domain/contracts/signing.server";
import { verifyContract } from "~/domain/contracts/verify.server";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { loader as printLoader } from "~/routes/contracts/print";
import { loader as verifyLoader } from "~/routes/verify";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing, readContract } from "../fixtures/market";

async function acceptedContract() {
  const fo = await createFo();
  const listing = await publishedListing(fo);
  const trader = await createCompany();
  const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms());
  if (!made.ok) throw new Error(JSON.stringify(made));
  const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
  if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
  const contract = await readContract(accepted.contractId);
  return { fo, trader, contract };
}

async function signedContract() {
  const scene = await acceptedContract();
  const { contract } = scene;
  for (const [actor, role, as] of [[scene.fo.leader, "fo_leader", "fo"], [scene.trader.trader, "trader", "trader"]] as const) {
    const signed = await signContract(db, { id: actor.id, roles: [role] }, contract.id, { as, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
    if (!signed.ok) throw new Error(JSON.stringify(signed));
  }
  return scene;
}

// The client refuses to update a contract's content; a tamperer goes around it.
// Behind the client's back, as someone with the database file could.
const tamper = (id: string, column: "textEn" | "sha256", value: string) =>
  column === "sha256"
    ? db.$executeRawUnsafe(`UPDATE "Contract" SET "sha256" = ? WHERE "id" = ?`, value, id)
    : db.$executeRawUnsafe(`UPDATE "ContractDocument" SET "textEn" = ? WHERE "contractId" = ?`, value, id);

type VerifyPage = {
  query: string | null;
  result: null | { number: string; matches: boolean; fingerprintMatches: boolean; storedSha256: string; recomputedSha256: string; foName: string; companyName: string; signatures: { party: string; matches: boolean }[] };
};

describe("verifyContract", () => {
  it("says a fresh contract matches, and a signed one too", async () => {
    const { fo, trader, contract } = await signedContract();
    const result = await verifyContract(db, contract.number, "en");
    expect(result).toMatchObject({
      number: contract.number,
      status: "active",
      foName: fo.organisation.nameEn,
      companyName: trader.company.name,
      storedSha256: contract.sha256,
      recomputedSha256: contract.sha256,
      fingerprintMatches: true,
      matches: true,
    });
    expect(result!.signatures.map((s) => [s.party, s.matches])).toEqual([["fo", true], ["trader", true]]);
    expect((await verifyContract(db, contract.number, "lo"))!.foName).toBe(fo.organisation.nameLo);
    // As typed from paper: any case, stray spaces.
    expect((await verifyContract(db, ` ${contract.number.toLowerCase()} `))?.number).toBe(contract.number);

    const unsigned = await acceptedContract();
    expect(await verifyContract(db, unsigned.contract.number)).toMatchObject({ matches: true, signatures: [] });
  });

  it("detects a text changed after it was written", async () => {
    const { contract } = await signedContract();
    await tamper(contract.id, "textEn", contract.textEn.replace(/\d/, "9") + "\nThe FO waives payment.");
    const result = await verifyContract(db, contract.number);
    expect(result).toMatchObject({ storedSha256: contract.sha256, fingerprintMatches: false, matches: false });
    expect(result!.recomputedSha256).not.toBe(contract.sha256);
    expect(result!.signatures.every((s) => !s.matches)).toBe(true);
  });

  it("still detects it when the stored hash was rewritten to fit, through the hashes the parties signed", async () => {
    const { contract } = await signedContract();
    const forged = `${contract.textEn}\nThe FO waives payment.`;
    await tamper(contract.id, "textEn", forged);
    await tamper(contract.id, "sha256", contractHash(contract.textLo, forged));
    const result = await verifyContract(db, contract.number);
    expect(result).toMatchObject({ fingerprintMatches: true, matches: false });
    expect(result!.storedSha256).toBe(result!.recomputedSha256);
    expect(result!.signatures.map((s) => [s.party, s.matches])).toEqual([["fo", false], ["trader", false]]);
  });

  it("returns null for an unknown number", async () => {
    expect(await verifyContract(db, "SSJ-1999-9999")).toBeNull();
    expect(await verifyContract(db, "   ")).toBeNull();
  });
});

describe("the /verify page", () => {
  it("is public: anonymous visitors get the verdict, without the text", async () => {
    const { contract } = await signedContract();
    const result = await call(verifyLoader, await request(`/verify/${contract.number}`), { number: contract.number });
    expect(statusOf(result)).toBe(200);
    const page = dataOf<VerifyPage>(result);
    expect(page.result).toMatchObject({ number: contract.number, matches: true });
    const json = JSON.stringify(page);
    expect(json).not.toContain(contract.textEn.slice(0, 200));
    expect(json).not.toContain(contract.summaryEn.slice(0, 60));
    expect(json).not.toContain("Member ");
  });

  it("shows the mismatch after tampering", async () => {
    const { contract } = await signedContract();
    await tamper(contract.id, "textEn", `${contract.textEn} `);
    const page = dataOf<VerifyPage>(await call(verifyLoader, await request(`/verify/${contract.number}`), { number: contract.number }));
    expect(page.result).toMatchObject({ matches: false, fingerprintMatches: false });
  });

  it("answers an unknown number with a 404 page, not an error", async () => {
    const result = await call(verifyLoader, await request("/verify/SSJ-1999-9999"), { number: "SSJ-1999-9999" });
    expect(result).not.toBeInstanceOf(Response);
    expect(statusOf(result)).toBe(404);
    expect(dataOf<VerifyPage>(result)).toEqual({ query: "SSJ-1999-9999", result: null });
  });

  it("sends the typed number (GET form) and a lower-case number to the number's own address", async () => {
    const { contract } = await acceptedContract();
    const typed = await call(verifyLoader, await request(`/verify?number=${encodeURIComponent(` ${contract.number.toLowerCase()}`)}`), {});
    expect(statusOf(typed)).toBe(302);
    expect(locationOf(typed)).toBe(`/verify/${contract.number}`);
    const lower = await call(verifyLoader, await request(`/verify/${contract.number.toLowerCase()}`), { number: contract.number.toLowerCase() });
    expect(locationOf(lower)).toBe(`/verify/${contract.number}`);
    expect(statusOf(await call(verifyLoader, await request("/verify"), {}))).toBe(200);
  });
});

describe("the print view", () => {
  afterEach(() => {
    delete process.env.PUBLIC_BASE_URL;
  });

  it("carries both texts, the signatures and a QR code of the verify address", async () => {
    const { fo, contract } = await acceptedContract();
    await signContract(db, { id: fo.leader.id, roles: ["fo_leader"] }, contract.id, { as: "fo", password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
    const result = await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: fo.leader.id }), { contractId: contract.id });
    expect(statusOf(result)).toBe(200);
    const page = dataOf<{
      contract: { number: string; sha256: string; textLo: string; textEn: string; summaryLo: string; summaryEn: string };
      signatures: { party: string; signed: { sha256: string } | null }[];
      verifyUrl: string;
      qrSvg: string;
    }>(result);
    expect(page.contract).toMatchObject({ number: contract.number, sha256: contract.sha256, textLo: contract.textLo, textEn: contract.textEn, summaryLo: contract.summaryLo });
    expect(page.signatures.map((s) => [s.party, s.signed?.sha256 ?? null])).toEqual([["fo", contract.sha256], ["trader", null]]);
    expect(page.verifyUrl).toBe(`http://localhost/verify/${contract.number}`);
    expect(page.qrSvg).toMatch(/^<svg[^>]*>/);
    expect(page.qrSvg).toContain("<path");
    expect(page.qrSvg).toContain(`/verify/${contract.number}`);
  });

  it("uses PUBLIC_BASE_URL for the address when set", async () => {
    const { trader, contract } = await acceptedContract();
    process.env.PUBLIC_BASE_URL = "https://portal.example.la/";
    const page = dataOf<{ verifyUrl: string; qrSvg: string }>(await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: trader.trader.id }), { contractId: contract.id }));
    expect(page.verifyUrl).toBe(`https://portal.example.la/verify/${contract.number}`);
    expect(page.qrSvg).toContain(`https://portal.example.la/verify/${contract.number}`);
  });

  it("is as private as the contract page: 404 for another company's trader, sign-in for anonymous", async () => {
    const { contract } = await acceptedContract();
    const other = await createCompany();
    expect(statusOf(await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: other.trader.id }), { contractId: contract.id }))).toBe(404);
    const admin = await createUser({ roles: ["admin"] });
    expect(statusOf(await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: admin.id }), { contractId: contract.id }))).toBe(404);
    const anonymous = await call(printLoader, await request(`/contracts/${contract.id}/print`), { contractId: contract.id });
    expect(statusOf(anonymous)).toBe(302);
    expect(locationOf(anonymous)).toMatch(/^\/login\?redirectTo=/);
  });
});
