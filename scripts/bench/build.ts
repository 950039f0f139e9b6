// Builds the app when the build is older than its sources, by the same rule as
// scripts/start.mjs (which cannot be imported: it starts the server when
// loaded). Measuring a stale build would credit or blame the wrong code.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "public", "package.json", "vite.config.ts", "react-router.config.ts", "tailwind.config.ts"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    // The generated Prisma client is rewritten by `prisma generate`, not by edits.
    if (entry === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function buildIsStale(root: string): boolean {
  const builtAt = newestMtime(path.join(root, "build", "server", "index.js"));
  return builtAt === 0 || Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) > builtAt;
}

/** Builds if needed; returns what happened, or throws with the build's output. */
export function buildIfStale(root: string, log: (line: string) => void): "fresh" | "built" {
  if (!buildIsStale(root)) return "fresh";
  log("Building (NODE_ENV=production npx react-router build)…");
  const started = performance.now();
  const result = spawnSync(path.join(root, "node_modules", ".bin", "react-router"), ["build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`The build failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return "built";
}
