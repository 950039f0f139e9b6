// A throwaway PostgreSQL cluster on 127.0.0.1 for the tests: initdb into a
// temporary folder, run as an unprivileged user (`postgres` when started as
// root), a role `portal` that may create databases, and a database `portal`.
//
//   node scripts/pg-cluster.mjs -- <command …>   runs the command with
//   PG_TEST_URL=postgresql://portal@127.0.0.1:<port>/portal, then stops the
//   cluster and removes its folder.
//
// Debian's PostgreSQL: `apt-get install -y postgresql` (binaries under
// /usr/lib/postgresql/<version>/bin).
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const PG_ROOT = "/usr/lib/postgresql";

/** The folder of the newest installed PostgreSQL's binaries, or null. */
export function findPgBin() {
  if (process.env.PG_BIN) return existsSync(path.join(process.env.PG_BIN, "initdb")) ? process.env.PG_BIN : null;
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(path.join(PG_ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(PG_ROOT, versions[0], "bin") : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; returns its URL and a stop function. */
export async function startCluster() {
  const bin = findPgBin();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql");
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "portal-pg-"));
  const data = path.join(dir, "data");
  if (asRoot) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid) || uid <= 0) throw new Error("Run as root: the user `postgres` is missing (apt-get install -y postgresql creates it)");
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const as = (command, args, options = {}) => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    const result = spawnSync(cmd, argv, { encoding: "utf8", ...options });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const port = await freePort();
  as(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
  as(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-o", options, "-w", "start"]);
  const psql = (sql) =>
    as(path.join(bin, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql]);
  psql("CREATE ROLE portal LOGIN CREATEDB");
  psql("CREATE DATABASE portal OWNER portal");
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      as(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgresql://portal@127.0.0.1:${port}/portal`, port, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dash = process.argv.indexOf("--");
  const command = dash >= 0 ? process.argv.slice(dash + 1) : [];
  if (command.length === 0) {
    console.error("usage: node scripts/pg-cluster.mjs -- <command …>");
    process.exit(2);
  }
  const cluster = await startCluster();
  const onSignal = () => {
    cluster.stop();
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  console.log(`PostgreSQL on ${cluster.url}`);
  const result = spawnSync(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, PG_TEST_URL: cluster.url } });
  cluster.stop();
  process.exit(result.status ?? 1);
}
