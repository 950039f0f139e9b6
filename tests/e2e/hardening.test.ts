// What a hostile visitor tries first, against the built server: redirects to
// another site, forms posted from another site, bodies too large to hold, and
// content the page should not run (a Content-Security-Policy Chromium enforces).
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { demo, DEMO_PASSWORD, expect, fmt, submitSignIn, test, texts, waitUntilSignedIn, type Lang } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const OWN = `http://127.0.0.1:${PORT}`; // the baseURL of playwright.config.ts
const EVIL = "https://evil.example";
const E2E_DB = path.resolve(import.meta.dirname, "../../data/e2e.db");

/** Ids the pages under test need, from the server's own database (read only). */
function lookUp<T>(sql: string, ...params: string[]): T {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(sql).get(...params) as T | undefined;
    if (!row) throw new Error(`nothing found for ${sql}`);
    return row;
  } finally {
    db.close();
  }
}

const sessionCookie = (setCookie: string | undefined) =>
  (setCookie ?? "")
    .split(/,(?=\s*\w+=)/)
    .map((c) => c.split(";")[0]!.trim())
    .find((c) => c.startsWith("__session="));

// ---------------------------------------------------------------------------
// 1. Open redirect
// ---------------------------------------------------------------------------

test.describe("redirects go only to the portal's own pages", () => {
  const hostile = [
    ["a tab", "/\t/evil.example"],
    ["a line feed", "/\n/evil.example"],
    ["a NUL", "/\0/evil.example"],
    ["a non-Latin-1 character", "/ສາລີ"],
    ["a backslash", "/\\evil.example"],
    ["two slashes", "//evil.example"],
    ["dot segments to two slashes", "/..//evil.example"],
    ["an absolute address", "https://evil.example/"],
  ] as const;

  test("sign-in lands on the user's own page for every hostile redirectTo, and never fails", async ({ playwright }) => {
    for (const [name, redirectTo] of hostile) {
      const client = await playwright.request.newContext({ baseURL: OWN });
      const response = await client.post("/login", {
        form: { identifier: demo.leader.email, password: DEMO_PASSWORD, redirectTo },
        maxRedirects: 0,
      });
      expect(response.status(), name).toBe(302);
      expect(response.headers()["location"], name).toBe("/fo");
      await client.dispose();
    }
    // A path of the portal is still honoured.
    const client = await playwright.request.newContext({ baseURL: OWN });
    const kept = await client.post("/login", {
      form: { identifier: demo.leader.email, password: DEMO_PASSWORD, redirectTo: "/listings?crop=maize" },
      maxRedirects: 0,
    });
    expect(kept.headers()["location"]).toBe("/listings?crop=maize");
    await client.dispose();
  });

  test("the language switch goes home for every hostile redirectTo", async ({ request }) => {
    for (const [name, redirectTo] of hostile) {
      const response = await request.post("/language", { form: { locale: "en", redirectTo }, maxRedirects: 0 });
      expect(response.status(), name).toBe(302);
      expect(response.headers()["location"], name).toBe("/");
    }
    const kept = await request.post("/language", { form: { locale: "en", redirectTo: "/register?x=1" }, maxRedirects: 0 });
    expect(kept.headers()["location"]).toBe("/register?x=1");
  });

  test.describe("in Chromium without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("/login?redirectTo=%2F%09%2Fevil.example signs in and stays on the portal", async ({ page }) => {
      await page.goto("/login?redirectTo=%2F%09%2Fevil.example");
      await expect(page.getByRole("main").locator('input[name="redirectTo"]')).toHaveValue("");
      await submitSignIn(page, demo.leader.email, DEMO_PASSWORD);
      await waitUntilSignedIn(page);
      expect(new URL(page.url()).origin).toBe(OWN);
      await expect(page).toHaveURL("/fo");
    });
  });
});

// ---------------------------------------------------------------------------
// 5. Origin checks
// ---------------------------------------------------------------------------

test.describe("a state-changing request must come from the portal's own pages", () => {
  test("/language refuses a foreign Origin, and a foreign Referer without Origin, in the visitor's language", async ({ request }) => {
    const en = texts("en").errors.crossSite;
    const lo = texts("lo").errors.crossSite;
    const byOrigin = await request.post("/language", {
      form: { locale: "en", redirectTo: "/" },
      headers: { Origin: EVIL, Cookie: "lng=en" },
      maxRedirects: 0,
    });
    expect(byOrigin.status()).toBe(403);
    expect(byOrigin.headers()["set-cookie"]).toBeUndefined();
    const html = await byOrigin.text();
    expect(html).toContain(en.title);
    expect(html).toContain(en.text);

    const byReferer = await request.post("/language", {
      form: { locale: "en", redirectTo: "/" },
      headers: { Referer: `${EVIL}/page`, "Accept-Language": "lo" },
      maxRedirects: 0,
    });
    expect(byReferer.status()).toBe(403);
    expect(await byReferer.text()).toContain(lo.title);

    // An Origin of the portal decides over a foreign Referer, and a foreign Origin over the portal's Referer.
    const own = await request.post("/language", { form: { locale: "en", redirectTo: "/" }, headers: { Origin: OWN }, maxRedirects: 0 });
    expect(own.status()).toBe(302);
    expect(own.headers()["set-cookie"]).toMatch(/^lng=en;/);
    const mixed = await request.post("/language", {
      form: { locale: "en", redirectTo: "/" },
      headers: { Origin: EVIL, Referer: `${OWN}/login` },
      maxRedirects: 0,
    });
    expect(mixed.status()).toBe(403);
    const ownReferer = await request.post("/language", { form: { locale: "lo", redirectTo: "/" }, headers: { Referer: `${OWN}/login` }, maxRedirects: 0 });
    expect(ownReferer.status()).toBe(302);
    // "null" (a sandboxed or privacy-hidden origin) is not the portal's.
    const hidden = await request.post("/language", { form: { locale: "en" }, headers: { Origin: "null" }, maxRedirects: 0 });
    expect(hidden.status()).toBe(403);
  });

  test("/logout refuses a foreign Origin and a foreign Referer, and the session survives", async ({ playwright }) => {
    const client = await playwright.request.newContext({ baseURL: OWN });
    const signedIn = await client.post("/login", { form: { identifier: demo.trader.email, password: DEMO_PASSWORD, redirectTo: "" }, maxRedirects: 0 });
    expect(signedIn.status()).toBe(302);
    const cookie = sessionCookie(signedIn.headers()["set-cookie"]);
    expect(cookie).toBeTruthy();

    const foreign: Record<string, string>[] = [{ Origin: EVIL }, { Referer: `${EVIL}/x` }, { Origin: "http://localhost.evil.example" }];
    for (const headers of foreign) {
      const refused = await client.post("/logout", { headers, maxRedirects: 0 });
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect(refused.headers()["set-cookie"], JSON.stringify(headers)).toBeUndefined();
    }
    const still = await client.get("/trader", { maxRedirects: 0 });
    expect(still.status()).toBe(200);

    const out = await client.post("/logout", { headers: { Origin: OWN }, maxRedirects: 0 });
    expect(out.status()).toBe(302);
    expect(out.headers()["location"]).toBe("/login?signedOut=1");
    const gone = await client.get("/trader", { maxRedirects: 0 });
    expect(gone.status()).toBe(302);
    await client.dispose();
  });

  test("a page's own form still works, and a form on another site is refused in Chromium", async ({ page }) => {
    // The portal's own header form (Chromium sends the portal's Origin).
    await page.goto("/login");
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    // A page on another site with a form aimed at the portal (over http: from an https page
    // Chromium would send "Origin: null", refused as well, see above).
    const site = "http://evil.example";
    await page.route(`${site}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!DOCTYPE html><html><body><form method="post" action="${OWN}/language"><input type="hidden" name="locale" value="lo"><input type="hidden" name="redirectTo" value="/"><button>Win a prize</button></form></body></html>`,
      }),
    );
    await page.goto(`${site}/prize`);
    const [response] = await Promise.all([page.waitForResponse(`${OWN}/language`), page.getByRole("button", { name: "Win a prize" }).click()]);
    expect(response.status()).toBe(403);
    expect(await response.request().headerValue("origin")).toBe(site);
    // In the browser's language: the language cookie is SameSite=Lax, so a post from another site does not carry it.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(texts("lo").errors.crossSite.title);
    // The language did not change.
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

// ---------------------------------------------------------------------------
// 2. Body limits
// ---------------------------------------------------------------------------

type Upload = { status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number };

/**
 * Sends a chunked POST of up to `totalBytes` (no Content-Length), 64 KB at a
 * time; stops sending once the answer arrives. Returns the answer and how much
 * had been sent by then.
 */
function chunkedPost(urlPath: string, totalBytes: number, headers: Record<string, string>): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    const req = http.request(`${OWN}${urlPath}`, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" }, agent: false });
    req.on("response", (res) => {
      answered = true;
      const sentBytes = sent;
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8"), sentBytes });
        req.destroy();
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function healthWithin(ms: number): Promise<number> {
  const started = Date.now();
  const response = await fetch(`${OWN}/healthz`, { signal: AbortSignal.timeout(ms) });
  expect(response.status).toBe(200);
  return Date.now() - started;
}

test.describe("a request body is capped while it arrives", () => {
  const limitText = (lang: Lang, limit: string) => fmt(texts(lang).errors[413].text, { limit });

  test("a 1 MB form post to /login is refused with 413, in the language of the cookie or the browser", async ({ request }) => {
    const big = "identifier=" + "a".repeat(1024 * 1024);
    const english = await request.post("/login", {
      data: big,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: "lng=en" },
      maxRedirects: 0,
    });
    expect(english.status()).toBe(413);
    expect(await english.text()).toContain(limitText("en", "256 KB"));
    const lao = await request.post("/login", {
      data: big,
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "th,lo;q=0.5" },
      maxRedirects: 0,
    });
    expect(lao.status()).toBe(413);
    const html = await lao.text();
    expect(html).toContain('<html lang="lo">');
    expect(html).toContain(texts("lo").errors[413].title);
    // A form within the limit is the route's business as before.
    const small = await request.post("/login", { form: { identifier: "nobody@example.la", password: "x" }, maxRedirects: 0 });
    expect(small.status()).toBe(400);
  });

  test("a chunked 100 MB upload is refused at the limit and the server stays responsive", async () => {
    await healthWithin(2_000);
    const [upload, during] = await Promise.all([
      chunkedPost("/login", 100 * 1024 * 1024, { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" }),
      (async () => {
        await new Promise((r) => setTimeout(r, 20));
        return healthWithin(2_000);
      })(),
    ]);
    expect(upload.status).toBe(413);
    expect(upload.body).toContain(limitText("en", "256 KB"));
    // The answer came while the upload had barely started: the server stopped reading at the limit
    // (what was sent beyond it sat in socket buffers), it did not take in 100 MB.
    expect(upload.sentBytes).toBeLessThan(16 * 1024 * 1024);
    expect(during).toBeLessThan(2_000);
    expect(await healthWithin(1_000)).toBeLessThan(1_000);
  });

  test("the member import takes its stated 2 MB, and a chunked upload past it gets 413", async ({ playwright }) => {
    const client = await playwright.request.newContext({ baseURL: OWN });
    const signedIn = await client.post("/login", { form: { identifier: demo.leader.email, password: DEMO_PASSWORD, redirectTo: "" }, maxRedirects: 0 });
    const cookie = sessionCookie(signedIn.headers()["set-cookie"])!;
    await client.dispose();
    const { organisationId } = lookUp<{ organisationId: string }>(
      `SELECT ol.organisationId FROM OrganisationLeader ol JOIN User u ON u.id = ol.userId JOIN Organisation o ON o.id = ol.organisationId
       WHERE u.email = ? AND o.status = 'verified' LIMIT 1`,
      demo.leader.email,
    );
    const upload = await chunkedPost(`/fo/${organisationId}/members/import`, 100 * 1024 * 1024, {
      "Content-Type": "multipart/form-data; boundary=----x",
      Cookie: `${cookie}; lng=en`,
    });
    expect(upload.status).toBe(413);
    expect(upload.body).toContain(limitText("en", "2 MB"));
    expect(upload.sentBytes).toBeLessThan(20 * 1024 * 1024);
    expect(await healthWithin(1_000)).toBeLessThan(1_000);
  });
});

// ---------------------------------------------------------------------------
// 6. Security headers and the Content-Security-Policy in Chromium
// ---------------------------------------------------------------------------

test.describe("security headers", () => {
  test("every kind of response carries them", async ({ request }) => {
    const page = await request.get("/login");
    const asset = (await page.text()).match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
    expect(asset).toBeTruthy();
    const responses = {
      page,
      asset: await request.get(asset!),
      redirect: await request.get("/fo", { maxRedirects: 0 }),
      notFound: await request.get("/no-such-page"),
      health: await request.get("/healthz"),
    };
    for (const [kind, response] of Object.entries(responses)) {
      const h = response.headers();
      expect(h["content-security-policy"], kind).toContain("default-src 'self'");
      expect(h["content-security-policy"], kind).toContain("script-src 'self'");
      expect(h["content-security-policy"], kind).toContain("frame-ancestors 'none'");
      expect(h["content-security-policy"], kind).not.toContain("unsafe-inline");
      expect(h["x-content-type-options"], kind).toBe("nosniff");
      expect(h["referrer-policy"], kind).toBe("same-origin");
      expect(h["permissions-policy"], kind).toContain("camera=()");
      expect(h["x-frame-options"], kind).toBe("DENY");
      // Served over plain HTTP here: no HSTS, no Secure cookies.
      expect(h["strict-transport-security"], kind).toBeUndefined();
    }
  });

  test("the portal's pages load in Chromium without a single policy violation", async ({ page, browser }) => {
    const problems: string[] = [];
    const watch = async (p: typeof page) => {
      await p.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      p.on("console", (message) => {
        // A failed load is judged by its response below (the browser's own favicon request gets 404).
        if (/^Failed to load resource/.test(message.text())) return;
        if (message.type() === "error" || /Content Security Policy|Refused to/i.test(message.text())) problems.push(`${p.url()}: ${message.text()}`);
      });
      p.on("response", (response) => {
        const url = new URL(response.url());
        if (response.status() >= 400 && url.pathname !== "/favicon.ico" && url.pathname !== "/no-such-page")
          problems.push(`${url.pathname}: ${response.status()}`);
      });
      // The browser fetches the tab's icon on its own and cancels it when the test moves on: not a refusal.
      p.on("requestfailed", (request) => {
        const aborted = request.failure()?.errorText === "net::ERR_ABORTED";
        if (!(aborted && new URL(request.url()).pathname === "/favicon.svg")) problems.push(`${request.url()}: ${request.failure()?.errorText}`);
      });
      p.on("pageerror", (error) => problems.push(`${p.url()}: ${error.message}`));
    };
    const visit = async (p: typeof page, url: string, status = 200) => {
      const response = await p.goto(url);
      expect(response?.status(), url).toBe(status);
      expect(response?.headers()["content-security-policy"], url).toContain("script-src 'self'");
      const html = await response!.text();
      // No inline script at all, and no style attribute, anywhere.
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g), `${url}: inline script`).toBeNull();
      expect(html.match(/\sstyle="/g), `${url}: style attribute`).toBeNull();
      await p.waitForLoadState("load");
    };

    await watch(page);
    for (const url of ["/", "/login", "/register", "/verify"]) await visit(page, url);
    await visit(page, "/no-such-page", 404);

    const contract = lookUp<{ id: string; number: string }>(
      `SELECT c.id, c.number FROM Contract c JOIN OrganisationLeader ol ON ol.organisationId = c.organisationId JOIN User u ON u.id = ol.userId
       WHERE u.email = ? AND EXISTS (SELECT 1 FROM Delivery d WHERE d.contractId = c.id) ORDER BY c.number LIMIT 1`,
      demo.leader.email,
    );
    const member = lookUp<{ id: string; organisationId: string }>(
      `SELECT m.id, m.organisationId FROM Member m JOIN OrganisationLeader ol ON ol.organisationId = m.organisationId JOIN User u ON u.id = ol.userId
       JOIN Organisation o ON o.id = m.organisationId WHERE u.email = ? AND o.status = 'verified' LIMIT 1`,
      demo.leader.email,
    );
    await visit(page, `/verify/${contract.number}`);

    const roles: [string, string[]][] = [
      [
        demo.leader.email,
        [
          "/fo",
          "/listings",
          "/listings/new",
          "/prices",
          "/inbox",
          "/contracts",
          `/contracts/${contract.id}`,
          `/contracts/${contract.id}/print`,
          `/contracts/${contract.id}/payout`,
          `/contracts/${contract.id}/deliveries`,
          `/fo/${member.organisationId}/members`,
          `/fo/${member.organisationId}/members/import`,
          `/fo/${member.organisationId}/members/${member.id}`,
          `/fo/${member.organisationId}/members/${member.id}/passbook`,
        ],
      ],
      [demo.trader.email, ["/trader", "/listings", "/contracts"]],
      [demo.facilitator.email, ["/facilitator", "/facilitator/verification", "/templates", "/reports"]],
      [demo.admin.email, ["/admin", "/reports"]],
    ];
    for (const [email, urls] of roles) {
      const context = await browser.newContext({ baseURL: OWN, locale: "lo-LA" });
      const p = await context.newPage();
      await watch(p);
      await p.goto("/login");
      await submitSignIn(p, email, DEMO_PASSWORD);
      await waitUntilSignedIn(p);
      for (const url of urls) await visit(p, url);
      if (email === demo.leader.email) {
        // The page's own script ran (script-src 'self'): it shows the print button.
        await p.goto(`/contracts/${contract.id}/print`);
        await expect(p.locator("button[data-print]")).toBeVisible();
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
