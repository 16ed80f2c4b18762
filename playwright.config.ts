import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The insights token of the server under test (tests/e2e/feedback.spec.ts logs in with it). */
export const E2E_ADMIN_TOKEN = "e2e-admin-token-0123456789";
/** A fresh embedded database per run, emptied by the web server command below. */
const DATA_DIR = `.reports/e2e-data-${PORT}`;

/**
 * End-to-end tests against the production build (`npm run build` runs before, in scripts/test.sh),
 * in Debian's Chromium: Playwright's own browser download cannot run here.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".reports/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // `next dev` compiles with every core it gets: its tests run after the others, not beside them.
  projects: [
    { name: "production", testIgnore: /dev\.spec\.ts$/ },
    { name: "dev", testMatch: /dev\.spec\.ts$/, dependencies: ["production"] },
  ],
  webServer: {
    // The production server as deployed (see the Dockerfile): the caching front and the standalone
    // Next.js server behind it; `npm run build` prepares both.
    command: `rm -rf ${DATA_DIR} && node .next/standalone/front.mjs`,
    // Ready once the feedback database is open: creating it takes a CPU for seconds, which the
    // first tests should not share.
    url: `http://127.0.0.1:${PORT}/api/health?ready=feedback`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      DATA_DIR,
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      // Every test comes from 127.0.0.1: the per-client limit is tested in tests/feedback.
      FEEDBACK_RATE: "0",
      // Where the wizard's support summary links to and is sent (tests/e2e/wizard.spec.ts).
      SITE_URL: "https://kb.example.test",
      SUPPORT_URL: "https://support.example.test/new",
      SUPPORT_EMAIL: "support@example.test",
    },
  },
});
