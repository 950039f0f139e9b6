import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SAMPLE_HEADER } from "~/domain/members/records";
import { action as importAction } from "~/routes/fo/members/import";
import { MAX_UPLOAD_BODY_BYTES } from "~/routes/fo/members/import-upload.server";
import { action as languageAction } from "~/routes/language";
import { action as loginAction } from "~/routes/auth/login";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, sessionCookieFor, statusOf, TEST_PASSWORD } from "../fixtures/app";

const tag = () => randomBytes(3).toString("hex");

/** A multipart body sent as a stream without Content-Length (chunked), of `totalBytes`; counts what was read. */
function chunkedUpload(totalBytes: number) {
  const boundary = `----portal${tag()}`;
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="members.csv"\r\nContent-Type: text/csv\r\n\r\n${SAMPLE_HEADER}\n`,
  );
  const chunk = new TextEncoder().encode("Noy,f,f,1990,Ban Nakham,\n".repeat(2600)); // ~65 KB
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      if (sent === 0) {
        controller.enqueue(head);
        sent += head.byteLength;
      } else if (sent < totalBytes) {
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      } else {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
      }
    },
  });
  return { body, boundary, read: () => sent, pulls: () => pulled };
}

describe("the member import counts its body as it arrives", () => {
  it("refuses a chunked upload past its limit without reading the rest", async () => {
    const village = await db.village.findFirstOrThrow({ where: { district: { nameEn: "Beng" }, nameEn: "Ban Phonxay" } });
    const leader = await createUser({ roles: ["fo_leader"] });
    const org = await db.organisation.create({
      data: { nameLo: `ກຸ່ມ ${tag()}`, nameEn: `FO ${tag()}`, type: "cooperative", villageId: village.id, leaders: { create: { userId: leader.id } } },
    });
    const upload = chunkedUpload(100 * 1024 * 1024);
    const req = new Request(`http://localhost/fo/${org.id}/members/import`, {
      method: "POST",
      body: upload.body,
      headers: { Cookie: await sessionCookieFor(leader.id), "Content-Type": `multipart/form-data; boundary=${upload.boundary}` },
      duplex: "half",
    } as RequestInit);
    expect(req.headers.get("Content-Length")).toBeNull();
    const result = await call(importAction, req, { organisationId: org.id });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ error: { key: string } }>(result).error.key).toBe("members:import.errors.tooLarge");
    // It stopped at the limit: far less than the 100 MB offered was produced.
    expect(upload.read()).toBeLessThan(MAX_UPLOAD_BODY_BYTES + 256 * 1024);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });
});

describe("redirects after an action go only to the portal's own paths", () => {
  it.each([["/\t/evil.example"], ["/\n/evil.example"], ["/\0"], ["/ສາລີ"], ["/..//evil.example"], ["\\\\evil.example"], ["https://evil.example/"]])(
    "the language switch goes home instead of to %j",
    async (redirectTo) => {
      const result = await call(languageAction, await request("/language", { form: { locale: "en", redirectTo } }));
      expect(statusOf(result)).toBe(302);
      expect(locationOf(result)).toBe("/");
    },
  );

  it("sign-in goes to the landing page instead of another site, and keeps a path of the portal", async () => {
    const user = await createUser({ roles: ["trader"] });
    const signIn = (redirectTo: string) =>
      request("/login", { form: { identifier: user.email!, password: TEST_PASSWORD, redirectTo } }).then((req) => call(loginAction, req));
    expect(locationOf(await signIn("/\t/evil.example"))).toBe("/trader");
    expect(locationOf(await signIn("/\0x"))).toBe("/trader");
    expect(locationOf(await signIn("/listings?crop=maize"))).toBe("/listings?crop=maize");
  });
});

describe("served over HTTPS", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("sets the session and language cookies Secure, and sends HSTS, only when SESSION_COOKIE_SECURE is true", async () => {
    const user = await createUser({ roles: ["trader"] });
    for (const [value, secure] of [
      ["true", true],
      ["false", false],
    ] as const) {
      vi.stubEnv("SESSION_COOKIE_SECURE", value);
      vi.resetModules();
      const { startSession } = await import("~/utils/session.server");
      const { localeCookieHeader } = await import("~/utils/i18n.server");
      const { securityHeaders } = await import("~/utils/edge.server");
      const { db: client } = await import("~/utils/db.server");
      const session = await startSession(client, user.id);
      expect(/;\s*Secure(;|$)/i.test(session), `session cookie, ${value}`).toBe(secure);
      expect(/;\s*HttpOnly/i.test(session)).toBe(true);
      expect(/;\s*Secure(;|$)/i.test(localeCookieHeader("en")), `language cookie, ${value}`).toBe(secure);
      expect("Strict-Transport-Security" in securityHeaders(), `HSTS, ${value}`).toBe(secure);
    }
  });
});
