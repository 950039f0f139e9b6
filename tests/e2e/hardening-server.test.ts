// The built server under conditions the shared test server must not be put
// through: a low bound on requests, so that a burst is shed with 503; SIGTERM in
// the middle of a request; a 100 MB upload while its memory is watched. Each
// test starts its own `node server/index.mjs` (the build the test run made) on
// its own copy of the end-to-end database.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { demo, DEMO_PASSWORD, expect, test, texts } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const E2E_DB = path.join(ROOT, "data", "e2e.db");
const SHARED_PORT = Number(process.env.E2E_PORT ?? 3100);

type Served = { port: number; child: ChildProcess; dbFile: string; output: () => string; exited: Promise<number | null> };

let nextPort = SHARED_PORT + 40;

/** Starts the production server on a copy of the test database, with `env` added. */
async function startServer(env: Record<string, string> = {}): Promise<Served> {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-hardening-"));
  const dbFile = path.join(dir, "portal.db");
  const source = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  await source.backup(dbFile);
  source.close();
  // The copy is closed cleanly: no -wal or -shm file until the server opens it.
  for (const suffix of ["-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  const port = nextPort++;
  const child = spawn(process.execPath, [path.join(ROOT, "server", "index.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      SESSION_SECRET: "hardening-test-secret-0123456789",
      JOBS_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`http://localhost:${port}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, child, dbFile, output: () => output, exited };
}

async function stopServer(served: Served) {
  if (served.child.exitCode === null) {
    served.child.kill("SIGKILL");
    await served.exited;
  }
  rmSync(path.dirname(served.dbFile), { recursive: true, force: true });
}

/** One request on a connection of its own. */
function get(port: number, urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.get({ host: "localhost", port, path: urlPath, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
    });
    req.on("error", reject);
  });
}

async function signInOn(port: number, email: string): Promise<string> {
  const response = await fetch(`http://localhost:${port}/login`, {
    method: "POST",
    body: new URLSearchParams({ identifier: email, password: DEMO_PASSWORD, redirectTo: "" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("__session="));
  return cookie!.split(";")[0]!;
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]);
}

test.describe.configure({ mode: "serial" });

/** One sign-in on a connection of its own: the password check keeps the request at work for tens of milliseconds. */
function signInRequest(port: number, lang: "lo" | "en") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const body = new URLSearchParams({ identifier: demo.leader.email, password: DEMO_PASSWORD, redirectTo: "" }).toString();
    const req = http.request(
      {
        host: "localhost",
        port,
        path: "/login",
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length), Cookie: `lng=${lang}` },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const burstOf = (port: number, count: number, lang: "lo" | "en") => Promise.all(Array.from({ length: count }, () => signInRequest(port, lang)));

test("under a burst past its bound the server sheds load with a translated 503 and Retry-After, then serves again", async () => {
  const served = await startServer({ MAX_REQUESTS_IN_FLIGHT: "1", MAX_REQUESTS_QUEUED: "1" });
  try {
    const burst = await burstOf(served.port, 40, "en");
    const statuses = burst.map((r) => r.status);
    const shed = burst.filter((r) => r.status === 503);
    // 429: the sign-in throttle counts a burst of one account's attempts; it is the portal answering, not shedding.
    expect(statuses.filter((s) => s !== 302 && s !== 429 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 302).length).toBeGreaterThanOrEqual(1);
    expect(shed.length).toBeGreaterThanOrEqual(1);
    for (const r of shed) {
      expect(r.headers["retry-after"]).toBe("5");
      expect(r.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(r.headers["set-cookie"]).toBeUndefined();
      expect(r.body).toContain(texts("en").errors[503].title);
      expect(r.body).toContain(texts("en").errors[503].text);
    }
    // In Lao for a Lao visitor.
    const laoShed = (await burstOf(served.port, 40, "lo")).find((r) => r.status === 503);
    expect(laoShed?.body).toContain(texts("lo").errors[503].title);
    // Once the burst is over, every request is served again.
    for (let i = 0; i < 5; i++) expect((await signInRequest(served.port, "en")).status).toBe(302);
    expect((await get(served.port, "/listings", { Cookie: await signInOn(served.port, demo.leader.email) })).status).toBe(200);
    expect(served.child.exitCode).toBeNull();
  } finally {
    await stopServer(served);
  }
});

test("with the default bound the same burst is served in full", async () => {
  const served = await startServer();
  try {
    const burst = await burstOf(served.port, 40, "en");
    // Answered by the portal itself (signed in, or told by the sign-in throttle to wait), never shed.
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s !== 302 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 302).length).toBeGreaterThanOrEqual(5);
  } finally {
    await stopServer(served);
  }
});

test("on SIGTERM the server stops accepting, finishes the request in flight, closes the database and exits 0", async () => {
  const served = await startServer();
  try {
    // Both database connections open: Prisma's (health check, sign-in) and the reader (the session query).
    const cookie = await signInOn(served.port, demo.leader.email);
    expect((await get(served.port, "/fo", { Cookie: cookie })).status).toBe(200);
    expect(existsSync(`${served.dbFile}-wal`)).toBe(true);

    // A request in flight: its body is only half sent when the signal comes.
    const body = "locale=en&redirectTo=%2Ffo";
    const answer = new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const req = http.request({
        host: "localhost",
        port: served.port,
        path: "/language",
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length), Cookie: cookie },
      });
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      });
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        served.child.kill("SIGTERM");
        setTimeout(async () => {
          // No new connection is accepted while the request is finishing.
          const refused = await get(served.port, "/healthz").then(
            () => "accepted",
            (error: NodeJS.ErrnoException) => error.code ?? "error",
          );
          try {
            expect(refused).toBe("ECONNREFUSED");
          } catch (error) {
            reject(error);
          }
          req.end(body.slice(10));
        }, 300);
      }, 300);
    });
    const finished = await answer;
    expect(finished.status).toBe(302);
    expect(finished.headers["location"]).toBe("/fo");
    expect(finished.headers["connection"]).toBe("close");

    const code = await Promise.race([served.exited, new Promise((r) => setTimeout(() => r("still running"), 8_000))]);
    expect(code).toBe(0);
    expect(served.output()).toContain("Database closed");
    // Closed cleanly: SQLite checkpointed the log and removed it.
    expect(existsSync(`${served.dbFile}-wal`)).toBe(false);
    expect(existsSync(`${served.dbFile}-shm`)).toBe(false);
    // The write of the request in flight was kept.
    const db = new Database(served.dbFile, { readonly: true });
    const locale = db.prepare("SELECT locale FROM User WHERE email = ?").get(demo.leader.email) as { locale: string };
    db.close();
    expect(locale.locale).toBe("en");
  } finally {
    await stopServer(served);
  }
});

test("a chunked 100 MB upload leaves the server's memory flat", async () => {
  const served = await startServer();
  try {
    const pid = served.child.pid!;
    // Warm up, then measure.
    for (let i = 0; i < 3; i++) await get(served.port, "/login");
    const before = rssKb(pid);
    for (const urlPath of ["/login", "/register", "/fo/anything/members/import"]) {
      const status = await new Promise<number>((resolve, reject) => {
        const chunk = Buffer.alloc(256 * 1024, "x");
        let sent = 0;
        let answered = false;
        const req = http.request({
          host: "localhost",
          port: served.port,
          path: urlPath,
          method: "POST",
          agent: false,
          headers: { "Transfer-Encoding": "chunked", "Content-Type": "application/x-www-form-urlencoded" },
        });
        req.on("response", (res) => {
          answered = true;
          res.resume();
          res.on("end", () => {
            resolve(res.statusCode ?? 0);
            req.destroy();
          });
        });
        req.on("error", (error) => (answered ? undefined : reject(error)));
        const pump = () => {
          while (!answered && sent < 100 * 1024 * 1024) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once("drain", pump);
          }
          if (!answered) req.end();
        };
        pump();
      });
      expect(status, urlPath).toBe(413);
    }
    const after = rssKb(pid);
    expect(after - before).toBeLessThan(40 * 1024);
    expect((await get(served.port, "/healthz")).status).toBe(200);
  } finally {
    await stopServer(served);
  }
});
