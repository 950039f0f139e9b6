import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { resources } from "~/locales";
import { MAX_UPLOAD_BODY_BYTES } from "~/routes/fo/members/import-upload.server";
import {
  bodyLimitFor,
  contentSecurityPolicy,
  FORM_BODY_BYTES,
  formatLimit,
  INLINE_STYLES,
  refusalPage,
  securityHeaders,
  serverLimits,
} from "~/utils/edge.server";
import { i18nFor } from "~/utils/i18n.server";
import { isForeignWrite, originMiddleware, requestOrigin } from "~/utils/origin.server";
import { requestStateContext, type RequestState } from "~/utils/request-state.server";

const en = resources.en.errors;
const lo = resources.lo.errors;

describe("body limits", () => {
  it("allows 256 KB for a form and the import's own room for the member list", () => {
    expect(FORM_BODY_BYTES).toBe(256 * 1024);
    expect(bodyLimitFor("/login")).toBe(FORM_BODY_BYTES);
    expect(bodyLimitFor("/fo/abc123/members")).toBe(FORM_BODY_BYTES);
    expect(bodyLimitFor("/fo/abc123/members/new")).toBe(FORM_BODY_BYTES);
    expect(bodyLimitFor("/fo/abc123/members/import")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor("/fo/abc123/members/import/")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor("/fo/a/b/members/import")).toBe(FORM_BODY_BYTES);
    expect(MAX_UPLOAD_BODY_BYTES).toBeLessThanOrEqual(2 * 1024 * 1024 + 64 * 1024);
  });

  it("states a limit as people read it", () => {
    expect(formatLimit(FORM_BODY_BYTES)).toBe("256 KB");
    expect(formatLimit(MAX_UPLOAD_BODY_BYTES)).toBe("2 MB");
  });
});

describe("the server's bounds under load", () => {
  it("has defaults for two cores and reads the environment", () => {
    expect(serverLimits({})).toMatchObject({ inFlight: 16, queued: 64, retryAfterSeconds: 5 });
    expect(serverLimits({ MAX_REQUESTS_IN_FLIGHT: "2", MAX_REQUESTS_QUEUED: "0" })).toMatchObject({ inFlight: 2, queued: 0 });
  });

  it("refuses to start on a value that is not a count", () => {
    expect(() => serverLimits({ MAX_REQUESTS_IN_FLIGHT: "0" })).toThrow(/MAX_REQUESTS_IN_FLIGHT must be at least 1/);
    expect(() => serverLimits({ MAX_REQUESTS_QUEUED: "lots" })).toThrow(/MAX_REQUESTS_QUEUED must be a whole number/);
  });
});

describe("the pages the server answers itself", () => {
  it("answers 413 in the language of the cookie, else the browser, else Lao", async () => {
    const english = refusalPage(413, { cookie: "lng=en", "accept-language": "lo" }, { limitBytes: FORM_BODY_BYTES });
    expect(english.status).toBe(413);
    expect(english.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await english.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(en[413].title);
    expect(html).toContain(en[413].text.replace("{{limit}}", "256 KB"));

    const browser = await refusalPage(413, { "accept-language": "en-GB,en;q=0.9" }).text();
    expect(browser).toContain(en[413].title);
    const lao = await refusalPage(413, {}, { limitBytes: MAX_UPLOAD_BODY_BYTES }).text();
    expect(lao).toContain('<html lang="lo">');
    expect(lao).toContain(lo[413].text.replace("{{limit}}", "2 MB"));
  });

  it("answers 503 with Retry-After, and no script or style on the page", async () => {
    const page = refusalPage(503, { cookie: "lng=lo" }, { retryAfterSeconds: 7 });
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toBe("7");
    const html = await page.text();
    expect(html).toContain(lo[503].title);
    expect(html).not.toMatch(/<script|<style|style=/);
  });
});

describe("security headers", () => {
  it("allow only the portal's own files and no framing", () => {
    const csp = contentSecurityPolicy();
    const directives = new Map(csp.split("; ").map((d) => [d.split(" ")[0], d]));
    expect(directives.get("default-src")).toBe("default-src 'self'");
    expect(directives.get("script-src")).toBe("script-src 'self'");
    expect(directives.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directives.get("object-src")).toBe("object-src 'none'");
    expect(directives.get("base-uri")).toBe("base-uri 'none'");
    expect(directives.get("form-action")).toBe("form-action 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    const headers = securityHeaders({});
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Content-Security-Policy"]).toBe(csp);
  });

  it("send HSTS only when the portal is served over HTTPS", () => {
    expect(securityHeaders({})["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ SESSION_COOKIE_SECURE: "false" })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ SESSION_COOKIE_SECURE: "true" })["Strict-Transport-Security"]).toBe("max-age=31536000");
  });

  it("allow each inline <style> the pages render by its hash, and no other", () => {
    // Every <style>{NAME}</style> in the app, with NAME a string constant of its file.
    const app = path.resolve(import.meta.dirname, "../../app");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) {
          if (entry !== "generated") walk(full);
        } else if (full.endsWith(".tsx")) files.push(full);
      }
    };
    walk(app);
    const rendered: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const [, name] of source.matchAll(/<style>\{(\w+)\}<\/style>/g)) {
        const literal = source.match(new RegExp(`const ${name} =\\s*("(?:[^"\\\\]|\\\\.)*");`));
        expect(literal, `${path.relative(app, file)}: ${name} must be a string constant`).not.toBeNull();
        rendered.push(JSON.parse(literal![1]!) as string);
      }
      expect(
        source.includes("<style>") && !/<style>\{\w+\}<\/style>/.test(source),
        `${path.relative(app, file)}: an inline <style> the policy does not know`,
      ).toBe(false);
    }
    expect(rendered.length).toBeGreaterThan(0);
    expect([...rendered].sort()).toEqual([...INLINE_STYLES].sort());
    const csp = contentSecurityPolicy();
    for (const css of rendered) expect(csp).toContain(`'sha256-${createHash("sha256").update(css).digest("base64")}'`);
  });
});

describe("the origin check", () => {
  const post = (headers: Record<string, string>, url = "http://localhost:3100/language") => new Request(url, { method: "POST", headers, body: "locale=en" });

  it("lets through the portal's own pages", () => {
    expect(requestOrigin(post({ Origin: "http://localhost:3100" }), undefined)).toBe("same");
    expect(requestOrigin(post({ Referer: "http://localhost:3100/login?x=1" }), undefined)).toBe("same");
    // behind a proxy that ends TLS and keeps the host
    expect(requestOrigin(post({ Origin: "https://localhost:3100" }), undefined)).toBe("same");
    // under its public name
    expect(requestOrigin(post({ Origin: "https://portal.example.la" }), "https://portal.example.la/")).toBe("same");
  });

  it("refuses another site, by Origin or, without one, by Referer", () => {
    expect(requestOrigin(post({ Origin: "https://evil.example" }), undefined)).toBe("foreign");
    expect(requestOrigin(post({ Origin: "http://localhost:3101" }), undefined)).toBe("foreign");
    expect(requestOrigin(post({ Origin: "http://localhost.evil.example:3100" }), undefined)).toBe("foreign");
    expect(requestOrigin(post({ Origin: "null" }), undefined)).toBe("foreign");
    expect(requestOrigin(post({ Origin: "file://" }), undefined)).toBe("foreign");
    expect(requestOrigin(post({ Referer: "https://evil.example/page" }), undefined)).toBe("foreign");
    expect(requestOrigin(post({ Referer: "not a url" }), undefined)).toBe("foreign");
    // Origin decides over a Referer of the portal
    expect(requestOrigin(post({ Origin: "https://evil.example", Referer: "http://localhost:3100/" }), undefined)).toBe("foreign");
    expect(requestOrigin(post({ Origin: "https://evil.example" }), "https://portal.example.la")).toBe("foreign");
  });

  it("lets a request with neither header through, and never checks GET or HEAD", () => {
    expect(requestOrigin(post({}), undefined)).toBe("unknown");
    expect(isForeignWrite(post({}), undefined)).toBe(false);
    const get = new Request("http://localhost:3100/language", { headers: { Origin: "https://evil.example" } });
    expect(isForeignWrite(get, undefined)).toBe(false);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const req = new Request("http://localhost:3100/logout", { method, headers: { Origin: "https://evil.example" } });
      expect(isForeignWrite(req, undefined), method).toBe(true);
    }
  });

  it("answers a cross-site write with a 403 page in the visitor's language, and runs no route", async () => {
    const context = new RouterContextProvider();
    context.set(requestStateContext, { locale: "en", i18n: i18nFor("en") } as RequestState);
    let ran = false;
    const next = async () => {
      ran = true;
      return new Response("route");
    };
    const args = (request: Request) => ({ request, context, params: {}, unstable_pattern: "" }) as unknown as Parameters<typeof originMiddleware>[0];
    const refused = (await originMiddleware(args(post({ Origin: "https://evil.example" })), next)) as Response;
    expect(ran).toBe(false);
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain(en.crossSite.title);
    expect(html).toContain('<html lang="en">');
    const passed = (await originMiddleware(args(post({ Origin: "http://localhost:3100" })), next)) as Response;
    expect(ran).toBe(true);
    expect(await passed.text()).toBe("route");
  });
});
