// The portal's production server: plain node:http in front of the React Router
// build. Static files are served from memory-indexed, precompressed copies;
// every other request goes to the app, whose answer is sent as one buffer
// (compressed when the browser accepts it). Nothing else sits in between:
// each layer of a general-purpose framework costs CPU on every request.
//
// What one request may cost is bounded here, before the app parses anything:
// a body is counted as it arrives and refused (413) past its limit; the app
// works on a bounded number of requests at once with a bounded queue behind
// them, and a request beyond both is refused (503, Retry-After). The limits,
// the refusal pages (translated) and the security headers come from the build
// (app/utils/edge.server.ts, exported by app/entry.server.tsx).
import { createServer } from "node:http";
import path from "node:path";
import { createRequestHandler } from "react-router";
import { createStaticHandler } from "./static.mjs";
import { chooseEncoding, compress } from "./compress.mjs";

const root = path.resolve(import.meta.dirname, "..");
const build = await import(path.join(root, "build/server/index.js"));
const edge = build.entry.module;
const handleRequest = createRequestHandler(build, "production");
const serveStatic = createStaticHandler(path.join(root, "build/client"));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
const limits = edge.serverLimits();
const security = Object.entries(edge.securityHeaders());

let shuttingDown = false;

// ---------------------------------------------------------------------------
// Bodies: counted while they arrive
// ---------------------------------------------------------------------------

let bufferedBytes = 0;

/**
 * Reads the body of `req` into memory, up to `limit` bytes. Resolves
 * { body } when it ended within the limit, { refuse: 413 } past it (the rest is
 * not kept), { refuse: 503 } when all bodies being received together would pass
 * the server's total, { gone: true } when the client went away.
 */
function readBody(req, limit) {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve({ refuse: 413, held: 0 });
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("close", onClose);
      if (!("body" in outcome)) {
        bufferedBytes -= size;
        chunks.length = 0;
        outcome.held = 0;
      } else outcome.held = size;
      resolve(outcome);
    };
    const onData = (chunk) => {
      if (size + chunk.length > limit) return settle({ refuse: 413 });
      if (bufferedBytes + chunk.length > limits.bufferedBodyBytes) return settle({ refuse: 503 });
      size += chunk.length;
      bufferedBytes += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => settle({ body: Buffer.concat(chunks, size) });
    const onGone = () => settle({ gone: true });
    const onClose = () => {
      if (!req.complete) onGone();
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onGone);
    req.on("close", onClose);
  });
}

/**
 * After refusing a body that is still arriving: the whole answer is written at
 * once (Content-Length, so the client has it all), but the response is ended,
 * which closes the connection, only when the client has stopped sending or two
 * seconds have passed. What it sends meanwhile is read and dropped, never kept.
 * Closing at once would reset the connection with its bytes unread, and a reset
 * can destroy the answer before the client reads it.
 */
function endAfterDrain(req, res) {
  req.resume();
  const end = () => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(end, 2_000);
  timer.unref();
  req.once("end", end);
  req.once("close", end);
}

// ---------------------------------------------------------------------------
// Load: a bounded number at work, a bounded queue behind them
// ---------------------------------------------------------------------------

let working = 0;
const queue = [];

/** Resolves true when the request may start, false when it must be refused. */
function admit() {
  if (working < limits.inFlight) {
    working += 1;
    return Promise.resolve(true);
  }
  if (queue.length >= limits.queued) return Promise.resolve(false);
  return new Promise((resolve) => {
    const entry = { resolve, timer: null };
    entry.timer = setTimeout(() => {
      const at = queue.indexOf(entry);
      if (at !== -1) queue.splice(at, 1);
      resolve(false);
    }, limits.queueWaitMs);
    queue.push(entry);
  });
}

function release() {
  const next = queue.shift();
  if (next) {
    clearTimeout(next.timer);
    next.resolve(true);
  } else working -= 1;
}

/** Whether a request arriving now would find room (at work or in the queue). */
const hasRoom = () => working < limits.inFlight || queue.length < limits.queued;

// ---------------------------------------------------------------------------
// Requests and responses
// ---------------------------------------------------------------------------

function toRequest(req, res, body) {
  const origin = `http://${req.headers.host ?? `localhost:${port}`}`;
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const init = { method: req.method, headers, signal: controller.signal };
  if (body) init.body = body;
  return new Request(new URL(req.url, origin), init);
}

/** Writes `response`; with `holdOpen`, leaves the response to be ended by the caller. */
async function sendResponse(req, res, response, { holdOpen = false } = {}) {
  const headers = {};
  for (const [key, value] of response.headers) {
    if (key === "set-cookie") continue;
    headers[key] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  // Once stopping, every answer closes its connection, so none stays open for another request.
  if (shuttingDown) headers.connection = "close";
  if (req.method === "HEAD" || !response.body) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  let body = Buffer.from(await response.arrayBuffer());
  const encoding = headers["content-encoding"] ? null : chooseEncoding(req.headers["accept-encoding"], headers["content-type"], body.length);
  if (encoding) {
    body = compress(body, encoding);
    headers["content-encoding"] = encoding;
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  }
  headers["content-length"] = body.length;
  res.writeHead(response.status, headers);
  if (holdOpen) res.write(body);
  else res.end(body);
}

const hasBody = (req) => req.method !== "GET" && req.method !== "HEAD";

/** A 413 or 503 the server answers itself, in the visitor's language. */
async function refuse(req, res, status, limitBytes) {
  const page = edge.refusalPage(status, req.headers, { limitBytes, retryAfterSeconds: limits.retryAfterSeconds });
  if (!hasBody(req) || req.complete) return sendResponse(req, res, page);
  // The body is still arriving: this connection cannot carry another request.
  res.setHeader("Connection", "close");
  await sendResponse(req, res, page, { holdOpen: true });
  endAfterDrain(req, res);
}

async function handle(req, res) {
  for (const [name, value] of security) res.setHeader(name, value);
  if (shuttingDown) res.setHeader("Connection", "close");
  if (serveStatic(req, res)) return;

  if (!hasRoom()) return refuse(req, res, 503);
  let body;
  let held = 0;
  if (hasBody(req)) {
    const q = req.url.indexOf("?");
    const limit = edge.bodyLimitFor(q === -1 ? req.url : req.url.slice(0, q));
    const read = await readBody(req, limit);
    if (read.gone) return;
    if (read.refuse) return refuse(req, res, read.refuse, limit);
    body = read.body;
    held = read.held;
  }
  try {
    if (!(await admit())) return refuse(req, res, 503);
    try {
      // A client that gave up while its request waited is not worked for.
      if (res.destroyed || req.socket.destroyed) return;
      // The client's address (for the sign-in limits) from the socket; X-Forwarded-For only under TRUST_PROXY.
      const context = edge.loadContextFor(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
      await sendResponse(req, res, await handleRequest(toRequest(req, res, body), context));
    } finally {
      release();
    }
  } finally {
    bufferedBytes -= held;
  }
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
});
// A body must arrive within two minutes (a 2 MB member list on a slow line), headers within twenty seconds.
server.requestTimeout = 120_000;
server.headersTimeout = 20_000;

server.listen(port, host, () => console.log(`Portal listening on http://${host ?? "localhost"}:${port}`));

// ---------------------------------------------------------------------------
// Shutdown: stop accepting, finish what is in flight, close the database
// ---------------------------------------------------------------------------

async function stop(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: finishing requests in flight, then stopping`);
  const forced = setTimeout(() => {
    console.error("Requests still open after 10 s; stopping anyway");
    process.exit(1);
  }, 10_000);
  forced.unref();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeIdleConnections();
  });
  try {
    await edge.closeDatabases();
    console.log("Database closed; stopped");
    process.exit(0);
  } catch (error) {
    console.error("Closing the database failed", error);
    process.exit(1);
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => void stop(signal));
