// The built browser files. Fingerprinted assets (/assets/…) never change under
// their name, so browsers keep them for a year; they are compressed once at
// build time (./precompress.mjs) and sent as stored, never compressed per request.
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

/** Every file under `dir`, by URL path, with its size and precompressed variants. */
function indexFiles(dir) {
  const files = new Map();
  if (!existsSync(dir)) return files;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.(br|gz)$/.test(entry.name)) {
        const urlPath = "/" + path.relative(dir, full).split(path.sep).join("/");
        const variant = (ext) => (existsSync(full + ext) ? { file: full + ext, size: statSync(full + ext).size } : null);
        files.set(urlPath, { file: full, size: statSync(full).size, br: variant(".br"), gz: variant(".gz") });
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * A handler for the static files of `dir`: answers and returns true when the
 * request names one, else returns false. The index is built once at start-up:
 * the build does not change while the server runs.
 */
export function createStaticHandler(dir) {
  const files = indexFiles(dir);
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const q = req.url.indexOf("?");
    let urlPath = q === -1 ? req.url : req.url.slice(0, q);
    try {
      urlPath = decodeURIComponent(urlPath);
    } catch {
      return false;
    }
    const found = files.get(urlPath);
    if (!found) return false;
    const accept = String(req.headers["accept-encoding"] ?? "");
    const chosen = found.br && /\bbr\b/.test(accept) ? ["br", found.br] : found.gz && /\bgzip\b/.test(accept) ? ["gzip", found.gz] : null;
    const body = chosen ? chosen[1] : found;
    const headers = {
      "Content-Type": TYPES[path.extname(found.file)] ?? "application/octet-stream",
      "Content-Length": body.size,
      "Cache-Control": urlPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    };
    if (found.br || found.gz) headers.Vary = "Accept-Encoding";
    if (chosen) headers["Content-Encoding"] = chosen[0];
    res.writeHead(200, headers);
    if (req.method === "HEAD") res.end();
    else createReadStream(body.file).pipe(res);
    return true;
  };
}
