import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

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
    command: "node .next/standalone/front.mjs",
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      // Where the wizard's support summary links to and is sent (tests/e2e/wizard.spec.ts).
      SITE_URL: "https://kb.example.test",
      SUPPORT_URL: "https://support.example.test/new",
      SUPPORT_EMAIL: "support@example.test",
    },
  },
});
