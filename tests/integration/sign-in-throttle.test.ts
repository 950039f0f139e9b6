// Sign-in abuse, through the sign-in page's action with the client address the
// server would give it: slowed per address and account, never a lock someone
// else controls, one account whichever identifier names it.
import { RouterContextProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { accountKey, signIn } from "~/domain/auth/sign-in.server";
import { THROTTLE_RULES } from "~/domain/auth/throttle";
import { pruneHistory } from "~/domain/notifications/jobs.server";
import { action as loginAction } from "~/routes/auth/login";
import { clientAddressContext } from "~/utils/client-address.server";
import { db } from "~/utils/db.server";
import * as passwords from "~/utils/password.server";
import { requestStateContext, resolveRequestState } from "~/utils/request-state.server";
import { createUser, dataOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";

// Counts the password checks, to show that an attempt that must wait costs no hash.
vi.mock("~/utils/password.server", async (original) => {
  const real = await original<typeof import("~/utils/password.server")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verifyCalls = () => vi.mocked(passwords.verifyPassword).mock.calls.length;

type Answer = { status: number; retryAfter: string | null; formError: { key: string; params?: Record<string, unknown> } | null; cookie: string | null };

/** Posts the sign-in form as a client at `address`. */
async function attempt(identifier: string, password: string, address: string): Promise<Answer> {
  const req = await request("/login", { form: { identifier, password } });
  const context = new RouterContextProvider();
  context.set(requestStateContext, await resolveRequestState(req));
  context.set(clientAddressContext, address);
  let result: unknown;
  try {
    result = await loginAction({ request: req, params: {}, context } as never);
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, retryAfter: null, formError: null, cookie: result.headers.get("Set-Cookie") };
  const init = (result as { init?: { headers?: Record<string, string> } }).init;
  return {
    status: statusOf(result),
    retryAfter: init?.headers?.["Retry-After"] ?? null,
    formError: dataOf<{ formError: Answer["formError"] }>(result).formError,
    cookie: null,
  };
}

const PAIR_FREE = THROTTLE_RULES.pair.free;
let n = 0;
/** A fresh address per use, so tests never share a counter. */
const freshAddress = () => `198.51.100.${++n}`;

beforeEach(() => vi.mocked(passwords.verifyPassword).mockClear());

describe("sign-in limits per address and account", () => {
  it(`makes the attacker's address wait after ${PAIR_FREE} failures, 429 with a translated wait, without checking the password`, async () => {
    const owner = await createUser({ roles: ["trader"], email: "target@test.la" });
    const attacker = freshAddress();
    for (let i = 0; i < PAIR_FREE; i++) expect((await attempt("target@test.la", `guess-${i}`, attacker)).status).toBe(400);
    expect(verifyCalls()).toBe(PAIR_FREE);

    // Even the right password waits: the answer comes before any hash.
    const refused = await attempt("target@test.la", TEST_PASSWORD, attacker);
    expect(refused).toMatchObject({ status: 429, retryAfter: "2", formError: { key: "auth:signIn.waitSeconds", params: { seconds: 2 } } });
    expect(verifyCalls()).toBe(PAIR_FREE);
    expect(await db.session.count({ where: { userId: owner.id } })).toBe(0);
    // A refused attempt is not counted: the account has exactly the failures that were real guesses.
    expect(await db.signInFailure.count({ where: { identifier: accountKey(owner.id) } })).toBe(PAIR_FREE);
  });

  it("lets the owner sign in from another address at once, however often the attacker failed", async () => {
    const owner = await createUser({ roles: ["trader"], email: "owner@test.la" });
    const attacker = freshAddress();
    for (let i = 0; i < PAIR_FREE + 5; i++) await attempt("owner@test.la", `guess-${i}`, attacker);
    expect((await attempt("owner@test.la", TEST_PASSWORD, attacker)).status).toBe(429);

    const fromHome = await attempt("owner@test.la", TEST_PASSWORD, freshAddress());
    expect(fromHome.status).toBe(302);
    expect(fromHome.cookie).toMatch(/__session=/);
    expect(await db.session.count({ where: { userId: owner.id } })).toBe(1);
  });

  it("slows the account only briefly when the failures come from many addresses", async () => {
    const owner = await createUser({ roles: ["fo_leader"], email: "spread@test.la" });
    const start = new Date("2026-12-01T08:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    // Sixty addresses guess once each, a second apart.
    for (let i = 0; i < 60; i++) {
      const r = await signIn(db, { identifier: "spread@test.la", password: `guess-${i}`, clientAddress: `203.0.113.${i}` }, at(i));
      if (i < THROTTLE_RULES.account.free) expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const lastFailure = (await db.signInFailure.aggregate({ where: { identifier: accountKey(owner.id) }, _max: { createdAt: true } }))._max.createdAt!;
    // The owner, at home, waits at most the account's cap, then is in.
    const soon = await signIn(
      db,
      { identifier: "spread@test.la", password: TEST_PASSWORD, clientAddress: "192.0.2.10" },
      new Date(lastFailure.getTime() + 1000),
    );
    expect(soon).toMatchObject({ ok: false, reason: "tooMany" });
    if (!soon.ok && soon.reason === "tooMany") expect(soon.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE_RULES.account.maxDelaySeconds);
    const later = await signIn(
      db,
      { identifier: "spread@test.la", password: TEST_PASSWORD, clientAddress: "192.0.2.10" },
      new Date(lastFailure.getTime() + THROTTLE_RULES.account.maxDelaySeconds * 1000),
    );
    expect(later).toEqual({ ok: true, userId: owner.id });
  });

  it("counts the e-mail and the phone number of one account together", async () => {
    const owner = await createUser({ roles: ["fo_leader"], email: "both@test.la", phone: "8562055587654" });
    const attacker = freshAddress();
    const identifiers = ["both@test.la", "020 5558 7654", "BOTH@test.la", "+856 20 5558 7654", "2055587654"];
    for (const [i, identifier] of identifiers.entries()) expect((await attempt(identifier, `guess-${i}`, attacker)).status, identifier).toBe(400);
    expect(identifiers.length).toBe(PAIR_FREE);
    expect((await attempt("02055587654", "guess", attacker)).status).toBe(429);
    expect((await attempt("both@test.la", "guess", attacker)).status).toBe(429);
    expect(await db.signInFailure.count({ where: { identifier: accountKey(owner.id) } })).toBe(PAIR_FREE);
  });

  it("throttles one address trying thirty accounts once each", async () => {
    const accounts = await Promise.all(Array.from({ length: 30 }, (_, i) => createUser({ roles: ["trader"], email: `many-${i}@test.la` })));
    const scanner = freshAddress();
    const statuses: number[] = [];
    for (const [i, account] of accounts.entries()) statuses.push((await attempt(account.email!, `guess-${i}`, scanner)).status);
    const free = THROTTLE_RULES.address.free;
    expect(statuses.slice(0, free)).toEqual(Array(free).fill(400));
    expect(statuses.slice(free)).toEqual(Array(30 - free).fill(429));
    expect(verifyCalls()).toBe(free);
    // Another client is not held up by it.
    expect((await attempt(accounts[29]!.email!, TEST_PASSWORD, freshAddress())).status).toBe(302);
  });

  it("counts identifiers that name no account per address and per identifier text", async () => {
    const scanner = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < THROTTLE_RULES.address.free + 2; i++) statuses.push((await attempt(`made-up-${i}@test.la`, "guess", scanner)).status);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    // The same made-up text from one other address: its own pair allowance, then a wait.
    const other = freshAddress();
    for (let i = 0; i < PAIR_FREE; i++) expect((await attempt("ghost@test.la", `guess-${i}`, other)).status).toBe(400);
    expect((await attempt("Ghost@Test.la", "guess", other)).status).toBe(429);
  });

  it("forgets the account's failures from an address once the password is right there", async () => {
    const owner = await createUser({ roles: ["trader"], email: "typo@test.la" });
    const home = freshAddress();
    for (let i = 0; i < PAIR_FREE - 1; i++) expect((await attempt("typo@test.la", `typo-${i}`, home)).status).toBe(400);
    expect((await attempt("typo@test.la", TEST_PASSWORD, home)).status).toBe(302);
    expect(await db.signInFailure.count({ where: { identifier: accountKey(owner.id), address: home } })).toBe(0);
    // The full allowance again, then the wait.
    for (let i = 0; i < PAIR_FREE; i++) expect((await attempt("typo@test.la", `again-${i}`, home)).status).toBe(400);
    expect((await attempt("typo@test.la", TEST_PASSWORD, home)).status).toBe(429);
  });

  it("lets no burst of parallel attempts past the allowance", async () => {
    await createUser({ roles: ["trader"], email: "burst@test.la" });
    const attacker = freshAddress();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt("burst@test.la", `guess-${i}`, attacker)));
    expect(answers.filter((a) => a.status === 400)).toHaveLength(PAIR_FREE);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(12 - PAIR_FREE);
    expect(verifyCalls()).toBe(PAIR_FREE);
  });

  it("forgets failures past the window, and pruning removes them", async () => {
    const owner = await createUser({ roles: ["trader"], email: "old@test.la" });
    const address = freshAddress();
    const key = accountKey(owner.id);
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    for (let i = 0; i < PAIR_FREE - 1; i++)
      await db.signInFailure.create({ data: { identifier: key, address, createdAt: new Date(dayAgo.getTime() + i * 1000) } });
    // Counted, those four and two more would make the second attempt wait.
    expect((await attempt("old@test.la", "guess-1", address)).status).toBe(400);
    expect((await attempt("old@test.la", "guess-2", address)).status).toBe(400);
    await pruneHistory(db);
    expect(await db.signInFailure.count({ where: { identifier: key, createdAt: { lt: new Date(Date.now() - 24 * 3600_000) } } })).toBe(0);
    expect(await db.signInFailure.count({ where: { identifier: key } })).toBe(2);
  });
});
