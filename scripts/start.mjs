// `npm start`: migrate the embedded SQLite database (created under data/ on first
// run; or the PostgreSQL database of a postgresql:// DATABASE_URL), seed it (reference data always, demo data only when it has no users),
// build when the sources are newer than the build, and serve on PORT.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildCommands, serverCommand } from "./server-command.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

mkdirSync("data", { recursive: true });
process.env.DATABASE_URL ??= "file:./data/portal.db";
if (!process.env.SESSION_SECRET) {
  // A secret made once per installation and kept beside the database.
  const file = path.join("data", "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  process.env.SESSION_SECRET = readFileSync(file, "utf8").trim();
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

// postgresql://… migrates with the PostgreSQL schema's own migrations.
run(
  bin("prisma"),
  /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL) ? ["migrate", "deploy", "--config", "prisma.postgresql.config.ts"] : ["migrate", "deploy"],
);
run(bin("tsx"), ["prisma/seed.ts"]);

const builtAt = newestMtime(path.join("build", "server", "index.js"));
const sources = ["app", "public", "server", "package.json", "vite.config.ts", "react-router.config.ts", "tailwind.config.ts"];
if (builtAt === 0 || Math.max(...sources.map(newestMtime)) > builtAt) {
  for (const step of buildCommands()) run(step.command, step.args, { NODE_ENV: "production" });
}

const served = serverCommand();
const server = spawn(served.command, served.args, { stdio: "inherit", env: served.env, cwd: served.cwd });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
