import QRCode from "qrcode";
import { afterEach, describe, expect, it } from "vitest";
import { contractHash } from "~/domain/contracts/contract-hash";
import { renderSummary } from "~/domain/contracts/summary";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { signContract } from "~/domain/contracts/signing.server";
import { CHECK_CODE_ALPHABET, formatCheckCode } from "~/domain/contracts/check-code";
import { verifyContract, type ContractVerification } from "~/domain/contracts/verify.server";
import { loader as detailLoader } from "~/routes/contracts/detail";
import { loader as printLoader } from "~/routes/contracts/print";
import { loader as verifyLoader } from "~/routes/verify";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { acceptedContract, contractInForce as signedContract } from "../fixtures/contracts";
import { createCompany } from "../fixtures/market";

// The client refuses to update a contract's content; a tamperer goes around it.
// Behind the client's back, as someone with the database file could.
const tamper = (id: string, column: "textEn" | "sha256", value: string) =>
  column === "sha256"
    ? db.$executeRaw`UPDATE "Contract" SET "sha256" = ${value} WHERE "id" = ${id}`
    : db.$executeRaw`UPDATE "ContractDocument" SET "textEn" = ${value} WHERE "contractId" = ${id}`;

/** The verification, for a number and the contract's own code (or the code given). */
async function verified(number: string, code: string | null, locale?: "lo" | "en"): Promise<ContractVerification | null> {
  const outcome = await verifyContract(db, { number, code }, locale);
  return outcome.found && outcome.verified ? outcome.contract : null;
}

type VerifyPage = {
  query: string | null;
  result: null | {
    number: string;
    matches: boolean;
    fingerprintMatches: boolean;
    storedSha256: string;
    recomputedSha256: string;
    foName: string;
    companyName: string;
    signatures: { party: string; matches: boolean }[];
  };
};

describe("verifyContract", () => {
  it("says a fresh contract matches, and a signed one too", async () => {
    const { fo, trader, contract } = await signedContract();
    const result = await verified(contract.number, contract.checkCode, "en");
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
    expect(result!.signatures.map((s) => [s.party, s.matches])).toEqual([
      ["fo", true],
      ["trader", true],
    ]);
    expect((await verified(contract.number, contract.checkCode, "lo"))!.foName).toBe(fo.organisation.nameLo);
    // As typed from paper: any case, stray spaces, the code in two groups, O for 0 and I or L for 1.
    const typedCode = formatCheckCode(contract.checkCode!).toLowerCase().replace(/0/g, "o").replace(/1/g, "l");
    expect((await verified(` ${contract.number.toLowerCase()} `, ` ${typedCode} `))?.number).toBe(contract.number);

    const unsigned = await acceptedContract();
    expect(await verified(unsigned.contract.number, unsigned.contract.checkCode)).toMatchObject({ matches: true, signatures: [] });
  });

  it("detects a text changed after it was written", async () => {
    const { contract } = await signedContract();
    await tamper(contract.id, "textEn", contract.textEn.replace(/\d/, "9") + "\nThe FO waives payment.");
    const result = await verified(contract.number, contract.checkCode);
    expect(result).toMatchObject({ storedSha256: contract.sha256, fingerprintMatches: false, matches: false });
    expect(result!.recomputedSha256).not.toBe(contract.sha256);
    expect(result!.signatures.every((s) => !s.matches)).toBe(true);
  });

  it("still detects it when the stored hash was rewritten to fit, through the hashes the parties signed", async () => {
    const { contract } = await signedContract();
    const forged = `${contract.textEn}\nThe FO waives payment.`;
    await tamper(contract.id, "textEn", forged);
    await tamper(contract.id, "sha256", contractHash(contract.textLo, forged));
    const result = await verified(contract.number, contract.checkCode);
    expect(result).toMatchObject({ fingerprintMatches: true, matches: false });
    expect(result!.storedSha256).toBe(result!.recomputedSha256);
    expect(result!.signatures.map((s) => [s.party, s.matches])).toEqual([
      ["fo", false],
      ["trader", false],
    ]);
  });

  it("knows nothing of an unknown number", async () => {
    expect(await verifyContract(db, { number: "SSJ-1999-9999", code: "ABCD2345" })).toEqual({ found: false });
    expect(await verifyContract(db, { number: "   " })).toEqual({ found: false });
  });

  it("says only that the contract exists without its code, or with a wrong one", async () => {
    const { contract } = await signedContract();
    expect(await verifyContract(db, { number: contract.number })).toEqual({ found: true, verified: false, number: contract.number, code: "missing" });
    expect(await verifyContract(db, { number: contract.number, code: " " })).toEqual({
      found: true,
      verified: false,
      number: contract.number,
      code: "missing",
    });
    const other = await acceptedContract();
    // Another contract's code, one character off, too short, not a code at all: the same answer.
    const oneOff = contract.checkCode!.slice(0, 7) + (contract.checkCode!.endsWith("Z") ? "Y" : "Z");
    for (const wrong of [other.contract.checkCode!, oneOff, contract.checkCode!.slice(0, 6), "<script>", "x".repeat(500)])
      expect(await verifyContract(db, { number: contract.number, code: wrong }), wrong).toEqual({
        found: true,
        verified: false,
        number: contract.number,
        code: "wrong",
      });
  });

  it("gives every contract its own code of 8 characters, amendments too, and keeps it", async () => {
    const { contract } = await signedContract();
    const { contract: second } = await acceptedContract();
    for (const c of [contract, second]) {
      expect(c.checkCode).toHaveLength(8);
      expect([...c.checkCode!].every((ch) => CHECK_CODE_ALPHABET.includes(ch))).toBe(true);
    }
    expect(second.checkCode).not.toBe(contract.checkCode);
    // The code is not in the hashed text: the text and its hash are as the contract was written.
    expect(contract.textEn).not.toContain(contract.checkCode);
    expect(contract.textLo).not.toContain(contract.checkCode);
    expect(contractHash(contract.textLo, contract.textEn)).toBe(contract.sha256);
    await expect(db.contract.update({ where: { id: contract.id }, data: { checkCode: "ABCDEFGH" } })).rejects.toThrow(/cannot be changed/);
  });
});

const page = async (path: string, number?: string) => {
  const result = await call(verifyLoader, await request(path), number === undefined ? {} : { number });
  return {
    result,
    status: statusOf(result),
    location: locationOf(result),
    data: result instanceof Response ? null : dataOf<VerifyPage & { exists: boolean; code: string | null }>(result),
  };
};

describe("the /verify page", () => {
  it("is public: anonymous visitors with the number and its code get the verdict, without the text", async () => {
    const { contract } = await signedContract();
    const { status, data: d } = await page(`/verify/${contract.number}?code=${contract.checkCode}`, contract.number);
    expect(status).toBe(200);
    expect(d!.result).toMatchObject({ number: contract.number, matches: true });
    const json = JSON.stringify(d);
    expect(json).not.toContain(contract.textEn.slice(0, 200));
    expect(json).not.toContain(contract.summaryEn.slice(0, 60));
    expect(json).not.toContain("Member ");
  });

  it("with the number alone, or a wrong code, says only that the contract exists", async () => {
    const { fo, trader, contract } = await signedContract();
    const { contract: other } = await acceptedContract();
    const answers = [];
    for (const path of [
      `/verify/${contract.number}`,
      `/verify/${contract.number}?code=${other.checkCode}`,
      `/verify/${contract.number}?code=ZZZZ-ZZZZ`,
      `/verify/${contract.number}?code=`,
    ]) {
      const { status, data: d } = await page(path, contract.number);
      expect(status, path).toBe(200);
      expect(d!.result, path).toBeNull();
      expect(d!.exists, path).toBe(true);
      const json = JSON.stringify(d);
      for (const secret of [
        fo.organisation.nameEn,
        fo.organisation.nameLo,
        trader.company.name,
        contract.sha256,
        contract.checkCode!,
        contract.createdAt.toISOString().slice(0, 10),
        "active",
      ])
        expect(json, `${path} shows ${secret}`).not.toContain(secret);
      answers.push(d);
    }
    expect(answers[0]).toEqual({ query: contract.number, exists: true, code: "missing", result: null });
    expect(answers[3]).toEqual(answers[0]);
    // Every wrong code gets the very same answer.
    expect(answers[1]).toEqual({ query: contract.number, exists: true, code: "wrong", result: null });
    expect(answers[2]).toEqual(answers[1]);
  });

  it("shows the mismatch after tampering", async () => {
    const { contract } = await signedContract();
    await tamper(contract.id, "textEn", `${contract.textEn} `);
    const { data: d } = await page(`/verify/${contract.number}?code=${contract.checkCode}`, contract.number);
    expect(d!.result).toMatchObject({ matches: false, fingerprintMatches: false });
  });

  it("answers an unknown number with a 404 page, not an error, code or not", async () => {
    for (const path of ["/verify/SSJ-1999-9999", "/verify/SSJ-1999-9999?code=ABCD2345"]) {
      const { result, status, data: d } = await page(path, "SSJ-1999-9999");
      expect(result).not.toBeInstanceOf(Response);
      expect(status).toBe(404);
      expect(d).toEqual({ query: "SSJ-1999-9999", exists: false, code: null, result: null });
    }
  });

  it("sends the typed number and code (GET form) and a lower-case number to the number's own address, code kept", async () => {
    const { contract } = await acceptedContract();
    const code = contract.checkCode!;
    const typed = await page(
      `/verify?number=${encodeURIComponent(` ${contract.number.toLowerCase()}`)}&code=${encodeURIComponent(formatCheckCode(code).toLowerCase())}`,
    );
    expect(typed.status).toBe(302);
    expect(typed.location).toBe(`/verify/${contract.number}?code=${code}`);
    const noCode = await page(`/verify?number=${encodeURIComponent(contract.number)}&code=`);
    expect(noCode.location).toBe(`/verify/${contract.number}`);
    const lower = await page(`/verify/${contract.number.toLowerCase()}?code=${code.toLowerCase()}`, contract.number.toLowerCase());
    expect(lower.location).toBe(`/verify/${contract.number}?code=${code}`);
    const lowerNoCode = await page(`/verify/${contract.number.toLowerCase()}`, contract.number.toLowerCase());
    expect(lowerNoCode.location).toBe(`/verify/${contract.number}`);
    // The code as typed in two groups: the page answers at its stored form.
    const grouped = await page(`/verify/${contract.number}?code=${encodeURIComponent(formatCheckCode(code))}`, contract.number);
    expect(grouped.location).toBe(`/verify/${contract.number}?code=${code}`);
    expect((await page(`/verify/${contract.number}?code=${code}`, contract.number)).data!.result).toMatchObject({ number: contract.number });
    expect((await page("/verify")).status).toBe(200);
  });
});

describe("the print view", () => {
  afterEach(() => {
    delete process.env.PUBLIC_BASE_URL;
  });

  it("carries both texts, the signatures and a QR code of the verify address", async () => {
    const { fo, contract } = await acceptedContract();
    await signContract(db, { id: fo.leader.id, roles: ["fo_leader"] }, contract.id, {
      as: "fo",
      password: TEST_PASSWORD,
      sha256: contract.sha256,
      confirmRead: true,
    });
    const result = await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: fo.leader.id }), { contractId: contract.id });
    expect(statusOf(result)).toBe(200);
    const page = dataOf<{
      contract: { number: string; checkCode: string | null; sha256: string; textLo: string; textEn: string; summaryLo: string; summaryEn: string };
      signatures: { party: string; signed: { sha256: string } | null }[];
      verifyUrl: string;
      qrSvg: string;
    }>(result);
    // The paper's summary names both parties (tests/integration/contract-summary-voice.test.ts), from the same snapshot.
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    expect(page.contract).toMatchObject({
      number: contract.number,
      sha256: contract.sha256,
      textLo: contract.textLo,
      textEn: contract.textEn,
      summaryLo: renderSummary(snapshot, "lo", "neutral"),
      summaryEn: renderSummary(snapshot, "en", "neutral"),
    });
    expect(page.signatures.map((s) => [s.party, s.signed?.sha256 ?? null])).toEqual([
      ["fo", contract.sha256],
      ["trader", null],
    ]);
    // The check code is printed beside the number and carried in the QR code's address.
    expect(page.contract.checkCode).toBe(formatCheckCode(contract.checkCode!));
    expect(page.verifyUrl).toBe(`http://localhost/verify/${contract.number}?code=${contract.checkCode}`);
    expect(page.qrSvg).toMatch(/^<svg[^>]*>/);
    expect(page.qrSvg).toContain("<path");
    expect(page.qrSvg).toContain(`/verify/${contract.number}?code=${contract.checkCode}`);
    // The very code the qrcode library draws for that address, and the address opens the full check.
    const drawn = await QRCode.toString(page.verifyUrl, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    const paths = (svg: string) => [...svg.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((m) => m[1]);
    expect(paths(page.qrSvg)).toEqual(paths(drawn));
    const url = new URL(page.verifyUrl);
    const checked = await call(verifyLoader, await request(url.pathname + url.search), { number: contract.number });
    expect(dataOf<VerifyPage>(checked).result).toMatchObject({ number: contract.number, matches: true });
  });

  it("the contract page links its parties to the check page with the code", async () => {
    const { fo, contract } = await acceptedContract();
    const page = dataOf<{ contract: { verifyPath: string } }>(
      await call(detailLoader, await request(`/contracts/${contract.id}`, { userId: fo.leader.id }), { contractId: contract.id }),
    );
    expect(page.contract.verifyPath).toBe(`/verify/${contract.number}?code=${contract.checkCode}`);
  });

  it("uses PUBLIC_BASE_URL for the address when set", async () => {
    const { trader, contract } = await acceptedContract();
    process.env.PUBLIC_BASE_URL = "https://portal.example.la/";
    const page = dataOf<{ verifyUrl: string; qrSvg: string }>(
      await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: trader.trader.id }), { contractId: contract.id }),
    );
    expect(page.verifyUrl).toBe(`https://portal.example.la/verify/${contract.number}?code=${contract.checkCode}`);
    expect(page.qrSvg).toContain(`https://portal.example.la/verify/${contract.number}?code=${contract.checkCode}`);
  });

  it("is as private as the contract page: 404 for another company's trader, sign-in for anonymous", async () => {
    const { contract } = await acceptedContract();
    const other = await createCompany();
    expect(statusOf(await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: other.trader.id }), { contractId: contract.id }))).toBe(
      404,
    );
    const admin = await createUser({ roles: ["admin"] });
    expect(statusOf(await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: admin.id }), { contractId: contract.id }))).toBe(404);
    const anonymous = await call(printLoader, await request(`/contracts/${contract.id}/print`), { contractId: contract.id });
    expect(statusOf(anonymous)).toBe(302);
    expect(locationOf(anonymous)).toMatch(/^\/login\?redirectTo=/);
  });
});
