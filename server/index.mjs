// The portal's production server: plain node:http in front of the React Router
// build. Static files are served from memory-indexed, precompressed copies;
// every other request goes to the app, whose answer is sent as one buffer
// (compressed when the browser accepts it). Nothing else sits in between:
// each layer of a general-purpose framework costs CPU on every request.
import { createServer } from "node:http";
import path from "node:path";
import { createRequestHandler } from "react-router";
import { createStaticHandler } from "./static.mjs";
import { chooseEncoding, compress } from "./compress.mjs";

const root = path.resolve(import.meta.dirname, "..");
const build = await import(path.join(root, "build/server/index.js"));
const handleRequest = createRequestHandler(build, "production");
const serveStatic = createStaticHandler(path.join(root, "build/client"));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;

function toRequest(req, res) {
  const origin = `http://${req.headers.host ?? `localhost:${port}`}`;
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = req;
    init.duplex = "half";
  }
  return new Request(new URL(req.url, origin), init);
}

async function sendResponse(req, res, response) {
  const headers = {};
  for (const [key, value] of response.headers) {
    if (key === "set-cookie") continue;
    headers[key] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
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
  res.end(body);
}

const server = createServer(async (req, res) => {
  if (serveStatic(req, res)) return;
  try {
    await sendResponse(req, res, await handleRequest(toRequest(req, res)));
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  }
});

server.listen(port, host, () => console.log(`Portal listening on http://${host ?? "localhost"}:${port}`));

// Finish what is in flight, then stop: a restart never cuts a request in half.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
