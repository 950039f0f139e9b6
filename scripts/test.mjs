// `npm test`: lint, type checking, unit and integration tests (Vitest), the
// tests on a real PostgreSQL (a throwaway cluster, scripts/pg-cluster.mjs), then
// the end-to-end tests (Playwright on Debian's Chromium), one short end-to-end
// journey with the server on PostgreSQL, and one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findPgBin } from "./pg-cluster.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const CHROMIUM = "/usr/bin/chromium";
/**
 * What also runs against a server on PostgreSQL: every role's sign-in and pages, and the
 * marketplace from pledges to a contract (its English tests; the Lao journey repeats the same writes).
 */
const PG_JOURNEY = ["tests/e2e/access.test.ts", "tests/e2e/marketplace.test.ts", "--grep-invert", "\\[lo\\]"];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log("Debian's Chromium is missing; installing it (apt-get install chromium).");
    const ok =
      run("apt-get update", "apt-get", ["update"]) &&
      run("apt-get install chromium", "apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
        DEBIAN_FRONTEND: "noninteractive",
      });
    if (!ok || !existsSync(CHROMIUM)) {
      console.error("Installing Chromium failed; the end-to-end tests need /usr/bin/chromium.");
      process.exit(1);
    }
  } else {
    console.error(
      "The end-to-end tests need Debian's Chromium at /usr/bin/chromium. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nthen run npm test again.",
    );
    process.exit(1);
  }
}

if (!findPgBin()) {
  if (process.getuid?.() === 0) {
    console.log("Debian's PostgreSQL is missing; installing it (apt-get install postgresql).");
    const ok =
      run("apt-get update", "apt-get", ["update"]) &&
      run("apt-get install postgresql", "apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], { DEBIAN_FRONTEND: "noninteractive" });
    if (!ok || !findPgBin()) {
      console.error("Installing PostgreSQL failed; the PostgreSQL tests need /usr/lib/postgresql/<version>/bin.");
      process.exit(1);
    }
  } else {
    console.error(
      "The PostgreSQL tests need Debian's PostgreSQL (they start their own cluster). Install it with:\n  sudo apt-get update && sudo apt-get install -y postgresql\nthen run npm test again.",
    );
    process.exit(1);
  }
}

rmSync(".reports", { recursive: true, force: true });
const lint = run("lint", "npm", ["run", "--silent", "lint"]);
const typecheck = run("type checking", "npm", ["run", "--silent", "typecheck"]);
const unit = run("unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=.reports/vitest.json"]);
const postgres = run("tests on PostgreSQL", "node", [
  "scripts/pg-cluster.mjs",
  "--",
  bin("vitest"),
  "run",
  "--config",
  "vitest.postgresql.config.ts",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=.reports/vitest-pg.json",
]);
const e2e = run("end-to-end tests", bin("playwright"), ["test"]);
// One short journey again with the server on PostgreSQL (a throwaway cluster,
// migrated and seeded by `npm start`): the pages' SQL and the sign-in as a user meets them.
const e2ePg = run("end-to-end journey on PostgreSQL", bin("playwright"), ["test", ...PG_JOURNEY], { E2E_DATABASE: "postgresql" });

function counts(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 1 };
  }
}
const v = counts(".reports/vitest.json", (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTestSuites ?? 0) }));
const pgv = counts(".reports/vitest-pg.json", (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTestSuites ?? 0) }));
const playwrightCounts = (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky });
const p = counts(".reports/e2e.json", playwrightCounts);
const pgp = counts(".reports/e2e-pg.json", playwrightCounts);
// The failing tests' names last, where the end of a long log still shows them.
function failedNames(file) {
  try {
    const r = JSON.parse(readFileSync(file, "utf8"));
    return r.testResults.flatMap((f) => {
      const tests = f.assertionResults.filter((t) => t.status === "failed").map((t) => `${path.relative(root, f.name)} > ${t.fullName}`);
      return tests.length || f.status !== "failed" ? tests : [`${path.relative(root, f.name)}: ${String(f.message ?? "").split("\n")[0]}`];
    });
  } catch {
    return [];
  }
}
for (const name of [...failedNames(".reports/vitest.json"), ...failedNames(".reports/vitest-pg.json")]) console.log(`FAILED ${name}`);
const failed = v.failed + pgv.failed + p.failed + pgp.failed + (typecheck ? 0 : 1) + (lint ? 0 : 1);
console.log(
  `\nLint ${lint ? "passed" : "FAILED"}; type checking ${typecheck ? "passed" : "FAILED"}; Vitest ${v.passed} passed, ${v.failed} failed; on PostgreSQL ${pgv.passed} passed, ${pgv.failed} failed; Playwright ${p.passed} passed, ${p.failed} failed; Playwright on PostgreSQL ${pgp.passed} passed, ${pgp.failed} failed.`,
);
console.log(`${v.passed + pgv.passed + p.passed + pgp.passed} passed, ${failed} failed`);
process.exit(lint && typecheck && unit && postgres && e2e && e2ePg ? 0 : 1);
