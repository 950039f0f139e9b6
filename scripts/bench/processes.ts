// Starting and stopping the two servers under test. The portal is started with
// serverCommand() from scripts/server-command.mjs, exactly as `npm start` does,
// so the benchmark measures what users get. Its output goes to a log file, not
// a pipe: reading a pipe would spend the benchmark's CPU on the same two cores,
// and a pipe nobody reads would stall the server. Every child is tracked so
// that an error, Ctrl-C or exit never leaves a server running.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Running {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  /** the last lines the process printed, for error messages */
  logTail: () => string;
}

const children = new Set<ChildProcess>();

function track(child: ChildProcess) {
  children.add(child);
  child.once("exit", () => children.delete(child));
}

/** Last resort when the benchmark dies: must be synchronous, as in an `exit` handler. */
export function killAllNow() {
  for (const child of children) child.kill("SIGKILL");
}
process.on("exit", killAllNow);

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL if the process has not gone within `graceMs`. */
export async function stop(running: Running | null, graceMs = 3000): Promise<void> {
  if (!running || exited(running.child)) return;
  const gone = new Promise<void>((resolve) => running.child.once("exit", () => resolve()));
  running.child.kill("SIGTERM");
  const timer = setTimeout(() => running.child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

function getStatus(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(0));
  });
}

function tailOf(file: string, lines = 30) {
  return () => {
    try {
      return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  };
}

interface ServerCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Starts the production portal on a free port and waits until /healthz answers 200. */
export async function startPortal(root: string, databaseFile: string, logFile: string, timeoutMs = 60_000): Promise<Running> {
  // Loaded by path at run time: the lead may still change this module, and it has no type declarations.
  const loaded = (await import(pathToFileURL(path.join(root, "scripts", "server-command.mjs")).href)) as {
    serverCommand: (env?: NodeJS.ProcessEnv) => ServerCommand;
  };
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${databaseFile}`,
    PORT: String(port),
    // A fresh secret per run: the cookies this run signs in with are good for this run only.
    SESSION_SECRET: randomBytes(32).toString("hex"),
  };
  // Production behaviour: background jobs run as they would for users.
  delete env.JOBS_DISABLED;
  const served = loaded.serverCommand(env);

  const out = openSync(logFile, "a");
  const child = spawn(served.command, served.args, { cwd: served.cwd, env: served.env, stdio: ["ignore", out, out] });
  closeSync(out);
  track(child);
  const logTail = tailOf(logFile);
  if (!child.pid) throw new Error(`Could not start ${served.command}.`);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`The portal exited during start-up (code ${child.exitCode ?? child.signalCode}):\n${logTail()}`);
    last = await getStatus(`${base}/healthz`, 2000);
    if (last === 200) return { name: "portal", child, pid: child.pid, port, base, logTail };
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop({ name: "portal", child, pid: child.pid, port, base, logTail });
  throw new Error(`The portal did not answer /healthz with 200 within ${timeoutMs / 1000} s (last status ${last || "none"}):\n${logTail()}`);
}

/** Starts the bare node:http baseline in its own process and waits for its port. */
export async function startBaseline(benchDir: string, timeoutMs = 10_000): Promise<Running & { bytes: number }> {
  // execArgv [] so the child is plain node, without the tsx loader this process runs under.
  const child = fork(path.join(benchDir, "baseline-server.mjs"), [], { execArgv: [], stdio: ["ignore", "ignore", "pipe", "ipc"] });
  track(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const { port, bytes } = await new Promise<{ port: number; bytes: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The baseline server did not start:\n${stderr}`)), timeoutMs);
    child.once("message", (message: { port?: number; bytes?: number }) => {
      clearTimeout(timer);
      if (message.port) resolve({ port: message.port, bytes: message.bytes ?? 0 });
      else reject(new Error("The baseline server reported no port."));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The baseline server exited (code ${code}):\n${stderr}`));
    });
  });
  return { name: "baseline", child, pid: child.pid!, port, bytes, base: `http://127.0.0.1:${port}`, logTail: () => stderr };
}

export function isAlive(running: Running) {
  return !exited(running.child);
}
