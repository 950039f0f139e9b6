// Two portal servers, started by `npm start` (scripts/start.mjs) as a
// deployment behind a load balancer would run them, on one PostgreSQL
// database. A request to each starts its scheduled jobs at the same moment;
// every queued message leaves exactly once, through one server or the other.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "~/utils/db.server";
import { freshPostgres } from "./engines";

const root = path.resolve(import.meta.dirname, "../..");
const N = 200;

type Server = { port: number; process: ChildProcess; output: () => string };

let db: Db;
const servers: Server[] = [];
const cleanUps: (() => unknown)[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start` on the database; resolves once it listens, without having sent it a request. */
async function startServer(url: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    SESSION_SECRET: "two-servers-session-secret-0123456789",
    MESSAGE_TRANSPORT: "log",
    OUTBOX_PER_RUN: String(N),
  };
  delete env.JOBS_DISABLED;
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const server = { port, process: child, output: () => output };
  servers.push(server);
  const deadline = Date.now() + 240_000;
  while (!output.includes("Portal listening")) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not listen within 240 s:\n${output}`);
    await sleep(200);
  }
  return server;
}

/** The recipients of the SMS a server's log transport printed. */
function sentBy(server: Server): string[] {
  return [...server.output().matchAll(/^\[outbox\] sms to (\S+):/gm)].map((m) => m[1]!);
}

beforeAll(async () => {
  const database = await freshPostgres();
  cleanUps.push(() => database.drop());
  db = await openDb(database.url);
  cleanUps.push(() => db.$disconnect());
  // A user, so the seed leaves out the demo data: the only messages are the test's.
  await db.user.create({ data: { name: "Administrator", email: "admin@example.la", passwordHash: "not-a-hash" } });
  // One after the other: the first migrates, seeds and builds when the build is stale; the second finds all done.
  await startServer(database.url);
  await startServer(database.url);
}, 600_000);

afterAll(async () => {
  for (const server of servers) {
    if (server.process.exitCode !== null) continue;
    server.process.kill("SIGTERM");
    await once(server.process, "exit");
  }
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
}, 60_000);

describe("two servers on one PostgreSQL database", () => {
  it("send each queued message exactly once when both run the outbox at the same moment", async () => {
    await db.outboxMessage.createMany({
      data: Array.from({ length: N }, (_, i) => ({ channel: "sms", recipient: `+8562077${String(i).padStart(6, "0")}`, body: `message ${i}` })),
    });
    // A server's first request starts its scheduled jobs.
    const answers = await Promise.all(servers.map((s) => fetch(`http://127.0.0.1:${s.port}/healthz`)));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);

    const deadline = Date.now() + 60_000;
    while ((await db.outboxMessage.count({ where: { status: { not: "sent" } } })) > 0) {
      if (Date.now() > deadline) throw new Error(`messages still unsent:\n${servers.map((s) => s.output()).join("\n---\n")}`);
      await sleep(250);
    }
    const [first, second] = servers.map(sentBy);
    const all = [...first!, ...second!].sort();
    expect(all).toHaveLength(N);
    expect(new Set(all).size).toBe(N);
    // Both servers sent: they raced for the same messages, and each message went out once.
    expect(first!.length).toBeGreaterThan(0);
    expect(second!.length).toBeGreaterThan(0);
    expect(await db.outboxMessage.count({ where: { status: "sent", attempts: 1 } })).toBe(N);
  });
});
