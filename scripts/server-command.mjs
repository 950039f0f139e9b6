// How the built portal is served, in one place: `npm start` runs it, and the
// benchmark starts exactly the same process so that it measures what users get.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** The command, arguments and environment of the production server. */
export function serverCommand(env = process.env) {
  return {
    command: process.execPath,
    // A young generation of 4 MB per semi-space instead of V8's 16 MB: under 32
    // connections the server's RSS stays ~45 MB lower, at no CPU cost measured
    // (docs/performance.md, 2026-12-03): what a request allocates dies young.
    args: ["--max-semi-space-size=4", path.join(root, "server", "index.mjs")],
    // NODE_ENV must be set before React loads, or the development build of React
    // meets the production server renderer.
    env: { ...env, NODE_ENV: "production", PORT: env.PORT ?? "3000" },
    cwd: root,
  };
}

/** Builds the app for production and compresses its browser files once. */
export function buildCommands() {
  return [
    { command: path.join(root, "node_modules", ".bin", "react-router"), args: ["build"] },
    { command: process.execPath, args: [path.join(root, "server", "precompress.mjs"), path.join(root, "build", "client")] },
  ];
}
