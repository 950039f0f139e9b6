// Compresses the built browser files once, at build time, so that the server
// sends .br or .gz as stored instead of compressing every response again.
// Run after `react-router build`: node server/precompress.mjs [build/client]
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(js|css|svg|json|txt|webmanifest|html|ico)$/;

export function precompress(dir) {
  let count = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (COMPRESSIBLE.test(entry.name) && statSync(full).size >= 512) {
        const raw = readFileSync(full);
        writeFileSync(
          full + ".br",
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        );
        writeFileSync(full + ".gz", gzipSync(raw, { level: 9 }));
        count++;
      }
    }
  };
  walk(dir);
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? "build/client");
  console.log(`Precompressed ${precompress(dir)} files in ${dir}.`);
}
