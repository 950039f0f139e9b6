// One page check and one measured load run. CPU time is read from /proc before
// and after each autocannon run, so "CPU ms per request" is the server's own
// cost, independent of how much of the two cores the load generator took.
import autocannon, { type Instance } from "autocannon";
import http from "node:http";
import zlib from "node:zlib";
import { cpuSeconds } from "./proc-stats";

/** autocannon's per-request timeout; a slower answer counts as an error. */
export const TIMEOUT_SECONDS = 30;

export interface PageCheck {
  /** HTTP status, or 0 when no answer came (timeout, refused) */
  status: number;
  location: string | null;
  /** size of the HTML, uncompressed */
  bytes: number;
  /** what gzip (zlib default level) makes of it: what a phone would download */
  gzipBytes: number;
  /** bytes on the wire, when the server compressed the answer itself */
  wireBytes: number;
  contentEncoding: string | null;
  /** the HTML itself, to find what it links */
  html: string;
  ms: number;
  error: string | null;
}

function decode(body: Buffer, encoding: string | null): Buffer {
  if (encoding === "gzip" || encoding === "x-gzip") return zlib.gunzipSync(body);
  if (encoding === "br") return zlib.brotliDecompressSync(body);
  if (encoding === "deflate") return zlib.inflateSync(body);
  return body;
}

/** One GET with the same headers as the load: is the page there, and how big is it? */
export function checkPage(url: string, headers: Record<string, string>): Promise<PageCheck> {
  const started = performance.now();
  return new Promise((resolve) => {
    const failed = (error: string): PageCheck => ({
      status: 0,
      location: null,
      bytes: 0,
      gzipBytes: 0,
      wireBytes: 0,
      contentEncoding: null,
      html: "",
      ms: performance.now() - started,
      error,
    });
    const request = http.get(url, { headers, timeout: TIMEOUT_SECONDS * 1000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error) => resolve(failed(error.message)));
      response.on("end", () => {
        const wire = Buffer.concat(chunks);
        const encoding = (response.headers["content-encoding"] as string | undefined) ?? null;
        let html: Buffer;
        try {
          html = decode(wire, encoding);
        } catch {
          html = wire;
        }
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location ?? null,
          bytes: html.length,
          gzipBytes: zlib.gzipSync(html).length,
          wireBytes: wire.length,
          contentEncoding: encoding,
          html: html.toString("utf8"),
          ms: performance.now() - started,
          error: null,
        });
      });
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_SECONDS} s`)));
    request.on("error", (error) => resolve(failed(error.message)));
  });
}

export interface RunSample {
  requestsPerSecond: number;
  completed: number;
  /** ΔCPU of the measured process tree / requests completed; null when none completed */
  cpuMsPerRequest: number | null;
  /** null when nothing completed: autocannon then reports 0, which would read as fast */
  p50Ms: number | null;
  p99Ms: number | null;
  /** non-2xx answers + socket errors (autocannon's errors include its timeouts) */
  errors: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  seconds: number;
}

let current: Instance | null = null;

/** Stops the load run in progress (Ctrl-C), so its promise settles at once. */
export function stopCurrentLoad() {
  current?.stop();
}

export interface LoadOptions {
  connections: number;
  duration: number;
}

/** Loads `url` for `duration` seconds while measuring the CPU of the process tree at `pid`. */
export async function loadRun(url: string, headers: Record<string, string>, options: LoadOptions, pid: number): Promise<RunSample> {
  const cpuBefore = cpuSeconds(pid);
  current = autocannon({ url, headers, connections: options.connections, duration: options.duration, timeout: TIMEOUT_SECONDS });
  let result;
  try {
    result = await current;
  } finally {
    current = null;
  }
  const cpuAfter = cpuSeconds(pid);
  const completed = result.requests.total;
  const seconds = Math.max(0.001, (result.finish.getTime() - result.start.getTime()) / 1000);
  const socketErrors = result.errors - result.timeouts;
  return {
    requestsPerSecond: completed / seconds,
    completed,
    cpuMsPerRequest: completed > 0 ? ((cpuAfter - cpuBefore) * 1000) / completed : null,
    p50Ms: completed > 0 ? result.latency.p50 : null,
    p99Ms: completed > 0 ? result.latency.p99 : null,
    errors: result.non2xx + result.errors,
    non2xx: result.non2xx,
    socketErrors,
    timeouts: result.timeouts,
    seconds,
  };
}

/**
 * Waits until the process tree stops using CPU: when autocannon stops, the
 * server still has the requests it already read to finish, and that work must
 * not land on the next run (or slow the next page's check).
 */
export async function settle(pid: number, maxMs = TIMEOUT_SECONDS * 1000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = cpuSeconds(pid);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const now = cpuSeconds(pid);
    // Under 10 % of a core over 100 ms: idle apart from timers and background jobs.
    if (now - last < 0.01) return;
    last = now;
  }
}

/** Unmeasured load, so the first measured run does not pay for JIT warm-up and cold caches. */
export async function warmUp(url: string, headers: Record<string, string>, options: LoadOptions): Promise<void> {
  if (options.duration <= 0) return;
  current = autocannon({ url, headers, connections: options.connections, duration: options.duration, timeout: TIMEOUT_SECONDS });
  try {
    await current;
  } finally {
    current = null;
  }
}
