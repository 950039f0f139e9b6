// Signs in once per role through the real login form and keeps the session
// cookie. Once, not per request: argon2 verification is deliberately slow and
// is not what the page benchmarks are about.
import http from "node:http";
import { ROLES, type Role } from "./pages";

const PASSWORD = "demo-password";

export type Cookies = Partial<Record<Role, string>>;

function postForm(url: string, form: Record<string, string>, headers: Record<string, string>) {
  const body = new URLSearchParams(form).toString();
  return new Promise<{ status: number; setCookie: string[] }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        timeout: 30_000,
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, setCookie: response.headers["set-cookie"] ?? [] }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("sign-in timed out after 30 s")));
    request.on("error", reject);
    request.end(body);
  });
}

/** Signs in as the demo account of each role; a role that cannot sign in is reported, not thrown. */
export async function signIn(base: string, roles: Role[], language: string): Promise<{ cookies: Cookies; problems: string[] }> {
  const cookies: Cookies = {};
  const problems: string[] = [];
  await Promise.all(
    roles.map(async (role) => {
      const identifier = ROLES[role];
      try {
        // Accept-Language here too: a first sign-in remembers the language it was made in.
        const answer = await postForm(`${base}/login`, { identifier, password: PASSWORD }, { "Accept-Language": language });
        const session = answer.setCookie.map((c) => c.split(";")[0]!).find((c) => c.startsWith("__session="));
        if (answer.status >= 300 && answer.status < 400 && session) cookies[role] = session;
        else problems.push(`${role} (${identifier}): sign-in answered ${answer.status} without a session cookie`);
      } catch (error) {
        problems.push(`${role} (${identifier}): ${(error as Error).message}`);
      }
    }),
  );
  return { cookies, problems };
}
