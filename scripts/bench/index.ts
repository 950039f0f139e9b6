// `npm run bench -- --db data/scale-10.db`: serves the production build on the
// given database, loads each page with autocannon alternately with a bare
// node:http baseline, and prints medians as Markdown. It only measures: the exit
// code is 0 whenever it could run, however slow or broken the pages were.
// Progress goes to stderr and the report to stdout, so `> out.md` keeps the table.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions, USAGE, UsageError, type BenchOptions } from "./args";
import { buildIfStale } from "./build";
import { inspectDatabase } from "./database";
import { firstLoadBytes } from "./first-load";
import { checkPage, loadRun, settle, stopCurrentLoad, warmUp } from "./measure";
import { PAGES, resolvePath, type Role } from "./pages";
import { isAlive, killAllNow, startBaseline, startPortal, stop, type Running } from "./processes";
import { memory } from "./proc-stats";
import { json, markdown, type BenchMeta, type PageResult } from "./report";
import { signIn } from "./sign-in";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, "..", "..");
const LANGUAGE = "lo";
const log = (line: string) => process.stderr.write(`${line}\n`);

let portal: Running | null = null;
let baseline: (Running & { bytes: number }) | null = null;
let interrupted = false;

async function stopServers() {
  await Promise.all([stop(portal), stop(baseline)]);
}

let firstSignalAt = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Ctrl-C may arrive twice at once (from the terminal and relayed by tsx); only a later one forces.
    if (interrupted && Date.now() - firstSignalAt > 1000) {
      killAllNow();
      process.exit(130);
    }
    if (!interrupted) {
      interrupted = true;
      firstSignalAt = Date.now();
      log(`\n${signal}: stopping after the current run (again to stop at once)…`);
      stopCurrentLoad();
    }
  });
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function describeCommit(): string {
  const head = git(["rev-parse", "--short", "HEAD"]);
  if (!head) return "unknown";
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]);
  return dirty ? `${head} + uncommitted changes` : head;
}

function requestHeaders(cookie: string | undefined, options: BenchOptions): Record<string, string> {
  const headers: Record<string, string> = { "Accept-Language": LANGUAGE };
  if (cookie) headers.Cookie = cookie;
  if (options.acceptEncoding) headers["Accept-Encoding"] = options.acceptEncoding;
  return headers;
}

const fmt = (n: number | null, digits = 0) => (n === null ? "–" : n.toFixed(digits));

async function measurePages(options: BenchOptions, ids: ReturnType<typeof inspectDatabase>["ids"], notes: string[]): Promise<PageResult[]> {
  const chosen = PAGES.filter((p) => options.pages.includes(p.name));
  const planned = chosen.map((page) => ({ page, path: resolvePath(page, ids) }));
  const roles = [...new Set(planned.filter((p) => p.path).map((p) => p.page.role))] as Role[];

  log(`Signing in as ${roles.join(", ")}…`);
  const { cookies, problems } = await signIn(portal!.base, roles, LANGUAGE);
  for (const problem of problems) {
    log(`  sign-in failed: ${problem}`);
    notes.push(`Sign-in failed for ${problem}; that role's pages were loaded without a session.`);
  }

  const results: PageResult[] = [];
  const load = { connections: options.connections, duration: options.duration };
  for (const [index, { page, path: pagePath }] of planned.entries()) {
    const result: PageResult = { name: page.name, role: page.role, path: pagePath, skipped: null, check: null, runs: [], firstLoadBytes: null, rssAfter: null };
    results.push(result);
    if (!pagePath) {
      result.skipped = "the database has no suitable record";
      log(`[${index + 1}/${planned.length}] ${page.name}: skipped (no suitable record in the database)`);
      continue;
    }
    if (interrupted || !isAlive(portal!)) {
      result.skipped = interrupted ? "interrupted" : "the server had exited";
      continue;
    }
    const headers = requestHeaders(cookies[page.role], options);
    const url = `${portal!.base}${pagePath}`;
    const check = await checkPage(url, headers);
    result.check = check;
    if (!check.error && check.status < 300) result.firstLoadBytes = await firstLoadBytes(url, check.html, check.wireBytes, headers);
    const shown = check.error ? check.error : `${check.status}${check.location ? ` → ${check.location}` : ""}, ${(check.bytes / 1024).toFixed(1)} KB`;
    log(`[${index + 1}/${planned.length}] ${page.name} (${page.role}) ${pagePath}: ${shown}, ${check.ms.toFixed(0)} ms`);
    if (check.status >= 300 || check.error)
      notes.push(`${page.name} answered ${check.error ?? check.status} to its check request; its load runs count those answers as errors.`);

    await warmUp(url, headers, { ...load, duration: options.warmup });
    await settle(portal!.pid);
    for (let run = 1; run <= options.runs && !interrupted; run++) {
      const base = await loadRun(`${baseline!.base}/`, {}, load, baseline!.pid);
      if (interrupted) break;
      const measured = await loadRun(url, headers, load, portal!.pid);
      await settle(portal!.pid);
      if (interrupted) break;
      result.runs.push({ page: measured, baseline: base });
      log(
        `    run ${run}/${options.runs}: baseline ${fmt(base.requestsPerSecond)} req/s · page ${fmt(measured.requestsPerSecond)} req/s ` +
          `(${fmt(measured.requestsPerSecond / base.requestsPerSecond, 3)}×) · ${fmt(measured.cpuMsPerRequest, 2)} ms CPU/req · ` +
          `p99 ${fmt(measured.p99Ms, 0)} ms · ${measured.errors} errors`,
      );
      if (!isAlive(portal!)) break;
    }
    if (isAlive(portal!)) result.rssAfter = memory(portal!.pid).rss;
    else if (!interrupted) {
      // Ctrl-C reaches the server too (same process group); only an exit without it is a crash.
      const tail = portal!
        .logTail()
        .split("\n")
        .slice(-12)
        .map((line) => (line.length > 240 ? `${line.slice(0, 240)}…` : line))
        .join("\n");
      notes.push(`The server exited during ${page.name}; the pages after it were not measured. Its last output:\n\n\`\`\`\n${tail}\n\`\`\``);
      log(`  the server exited:\n${tail}`);
    }
  }
  return results;
}

async function main(): Promise<number> {
  let options: BenchOptions | "help";
  try {
    options = parseOptions(process.argv.slice(2), root);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(USAGE);
    return 0;
  }

  const started = Date.now();
  const databaseName = path.relative(root, options.db).startsWith("..") ? options.db : path.relative(root, options.db);
  // Read before the server starts, so the counts describe the data as it was given.
  const facts = inspectDatabase(options.db, root);
  const notes: string[] = [];
  if (facts.pendingMigrations.length) {
    notes.push(`The database lacks migrations ${facts.pendingMigrations.join(", ")}; the server does not migrate, so some pages may fail.`);
    log(`Warning: ${databaseName} lacks migrations ${facts.pendingMigrations.join(", ")}.`);
  }
  for (const problem of facts.problems) {
    notes.push(`Reading the database failed when ${problem}.`);
    log(`Warning: ${problem}`);
  }
  if (facts.ids.search && options.pages.includes("listings-search"))
    notes.push(`listings-search matches ${facts.ids.search.matches} live listing${facts.ids.search.matches === 1 ? "" : "s"}.`);
  notes.push("Signing in adds one Session row per role to the database (and remembers Lao for accounts that had no language).");

  const build = !options.build ? "not checked (--no-build)" : buildIfStale(root, log) === "built" ? "rebuilt for this run" : "up to date";

  const logDir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  const serverLog = path.join(logDir, "server.log");
  let keepLog = false;
  try {
    log(`Starting the portal on ${databaseName} and the baseline…`);
    [portal, baseline] = await Promise.all([startPortal(root, options.db, serverLog), startBaseline(benchDir)]);
    log(`Portal pid ${portal.pid} on ${portal.base}, baseline pid ${baseline.pid} on ${baseline.base}.`);
    await warmUp(`${baseline.base}/`, {}, { connections: options.connections, duration: Math.min(1, options.warmup) });

    const results = await measurePages(options, facts.ids, notes);
    const peakRss = isAlive(portal) ? memory(portal.pid).peak : null;
    const crashed = !isAlive(portal) && !interrupted;
    if (interrupted) notes.push("Interrupted: the table holds only the runs that completed.");
    const cpus = os.cpus();
    const meta: BenchMeta = {
      date: new Date(started),
      database: databaseName,
      databaseBytes: facts.bytes,
      counts: facts.counts,
      connections: options.connections,
      duration: options.duration,
      runs: options.runs,
      warmup: options.warmup,
      acceptLanguage: LANGUAGE,
      acceptEncoding: options.acceptEncoding,
      baselineBytes: baseline.bytes,
      node: `Node ${process.version}`,
      cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}`,
      commit: describeCommit(),
      build,
      peakRss,
      notes,
    };
    await stopServers();
    process.stdout.write(`\n${markdown(meta, results)}`);
    if (options.json) {
      writeFileSync(options.json, json(meta, results));
      log(`Wrote ${options.json}.`);
    }
    log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    if (interrupted) return 130;
    if (crashed) {
      keepLog = true;
      log(`The server's output is in ${serverLog}.`);
      return 1;
    }
    return 0;
  } catch (error) {
    keepLog = true;
    throw Object.assign(error as Error, { serverLog });
  } finally {
    await stopServers();
    if (!keepLog) rmSync(logDir, { recursive: true, force: true });
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: Error & { serverLog?: string }) => {
    log(`\nThe benchmark could not run: ${error.message}`);
    if (error.serverLog) log(`The server's output is in ${error.serverLog}.`);
    killAllNow();
    process.exit(1);
  });
