import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2ePort } from "../helpers/front-process";

/**
 * `npm run dev` as an author uses it: `next dev` on a port of this run's range, and a page that
 * must hydrate under the development Content-Security-Policy (a nonce on every page, no hashes)
 * without a single violation — the theme toggle and the Ctrl+K palette work.
 *
 * Next.js 16 allows one `next dev` per project folder (a lock in .next/dev), so every dev-mode
 * test shares this one server: add them to this file.
 */
test.describe.configure({ mode: "serial" });

const port = e2ePort(60);
const base = `http://127.0.0.1:${port}`;
let dev: ChildProcess | null = null;
let output = "";

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dev = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that the server it starts stops with it.
    detached: true,
  });
  dev.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  dev.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  // The first request compiles the page; under load that takes a while.
  for (let i = 0; i < 2400; i++) {
    const status = await fetch(`${base}/`, { signal: AbortSignal.timeout(120_000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    if (dev.exitCode !== null) throw new Error(`next dev exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next dev did not answer:\n${output}`);
});

test.afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
});

test("a static page hydrates under the dev policy: theme toggle and palette work, no CSP violation", async ({ page }) => {
  test.setTimeout(240_000);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  for (const url of ["/", "/entry/gptlink-docker-server-error"]) {
    const response = await page.goto(`${base}${url}`, { timeout: 180_000 });
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]+'/);
    expect(policy.split("; ").find((d) => d.startsWith("script-src")), url).not.toContain("'unsafe-inline'");

    // The toggle answers only once React has hydrated the header.
    await expect(async () => {
      const toggle = page.getByRole("button", { name: /切换到(深|浅)色模式/ });
      const before = await page.evaluate(() => document.documentElement.dataset.theme ?? "");
      await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme ?? "")).not.toBe(before);
    }).toPass({ timeout: 120_000 });
    await page.keyboard.press("Control+k");
    await expect(page.getByRole("combobox", { name: "快速搜索报错或问题" })).toBeFocused();
    await page.keyboard.press("Escape");
  }
  expect(violations).toEqual([]);
});
