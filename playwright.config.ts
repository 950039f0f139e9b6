import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_DATABASE=postgresql serves from a throwaway PostgreSQL cluster instead of a SQLite file
// (scripts/e2e-server.mjs); its report is kept apart so both runs can be counted.
const POSTGRESQL = process.env.E2E_DATABASE === "postgresql";

// Debian's Chromium, never a downloaded browser. Without the networking flags
// Chromium keeps trying to reach the internet, which this machine refuses.
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.test.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: POSTGRESQL ? ".reports/e2e-pg.json" : ".reports/e2e.json" }]],
  use: {
    // 127.0.0.1, not localhost: the page and page.request must reach the server from one address (limits are per address).
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices["Pixel 5"],
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${PORT}/healthz`,
    // PostgreSQL: initdb and the demo seed over the network take about a minute more.
    timeout: POSTGRESQL ? 300_000 : 180_000,
    reuseExistingServer: false,
    // SIGTERM, not Playwright's default SIGKILL: the server drains, and the PostgreSQL cluster,
    // which runs in a session of its own, is stopped and its folder removed on the way out.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { PORT: String(PORT) },
    stdout: "ignore",
    stderr: "pipe",
  },
});
