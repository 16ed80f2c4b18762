import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2ePort } from "../helpers/front-process";

/**
 * `npm run dev` as an author uses it: `next dev` on a port of this run's range, serving a temporary
 * copy of the content (CONTENT_DIR).
 * - A page must hydrate under the development Content-Security-Policy (a nonce on every page, no
 *   hashes) without a single violation: the theme toggle and the Ctrl+K palette work.
 * - A title edited in the content shows on the next reload without a restart, a broken file is
 *   reported in the terminal as content:check reports it, and the page names its source file.
 *
 * Next.js 16 allows one `next dev` per project folder (a lock in .next/dev), so every dev-mode
 * test shares this one server: add them to this file. It compiles pages on first visit, hence
 * the long timeouts.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRY = "entries/docker/gptlink-docker-server-error.md";
const port = e2ePort(60);
const base = `http://127.0.0.1:${port}`;
let dev: ChildProcess | null = null;
let dir = "";
let output = "";

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = await mkdtemp(path.join(tmpdir(), "kb-dev-content-"));
  await cp(path.join(ROOT, "content"), dir, { recursive: true });
  dev = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "dev", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: dir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "development" },
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

test.afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) process.kill(-dev.pid, "SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

/** Waits until the dev server's terminal shows `text` after `from`. */
async function terminalShows(text: string | RegExp, from: number) {
  await expect.poll(() => output.slice(from), { timeout: 60_000 }).toMatch(text);
}

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

test("an edited title shows on reload, and the page names its source file", async ({ page }) => {
  const file = path.join(dir, ENTRY);
  await page.goto(`${base}/entry/gptlink-docker-server-error`, { timeout: 240_000 });
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(/服务器错误/);
  const edit = page.getByRole("link", { name: "编辑此页" });
  await expect(edit).toHaveAttribute("href", `vscode://file${file}`);
  await expect(page.locator(".edit-link code")).toHaveText(file);

  const before = output.length;
  const source = await readFile(file, "utf8");
  await writeFile(file, source.replace(/^title: .*$/m, "title: 作者刚改过的标题"));
  await page.reload();
  await expect(title).toHaveText("作者刚改过的标题");
  await terminalShows(`content reloaded (${ENTRY} changed)`, before);
});

test("a broken file is reported in the terminal as content:check reports it, and a fix shows again", async ({ page }) => {
  const file = path.join(dir, ENTRY);
  const source = await readFile(file, "utf8");
  const before = output.length;
  await writeFile(file, source.replace("## 原因：", "## 原由："));
  await page.goto(`${base}/entry/gptlink-docker-server-error`, { timeout: 120_000 });
  await terminalShows(/gptlink-docker-server-error\.md:\d+:1 {2}error {2}Unexpected heading `## 原由：.*\[section-unknown\]\n {4}hint: /, before);
  await terminalShows(/\d+ errors?, 0 warnings in \d+ files/, before);

  await writeFile(file, source.replace(/^title: .*$/m, "title: 修好之后的标题"));
  await page.goto(`${base}/entry/gptlink-docker-server-error`, { timeout: 120_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("修好之后的标题");
});
