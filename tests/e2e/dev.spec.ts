import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The author's loop under `npm run dev`: `next dev` serves a temporary copy of the content
 * (CONTENT_DIR), a title edited there shows on the next reload without a restart, a broken file
 * is reported in the terminal as content:check reports it, and the page names its source file.
 * The dev server listens on E2E_PORT + 50; it compiles pages on first visit, hence the long timeouts.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BASE = `http://127.0.0.1:${PORT}`;
const ENTRY = "entries/docker/gptlink-docker-server-error.md";

test.describe.configure({ mode: "serial", timeout: 300_000 });

let server: ChildProcess | null = null;
let dir = "";
let output = "";

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = await mkdtemp(path.join(tmpdir(), "kb-dev-content-"));
  await cp(path.join(ROOT, "content"), dir, { recursive: true });
  server = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "dev", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: dir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "development" },
    // Its own process group, so that the server and its workers stop together.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => (output += chunk.toString("utf8"));
  server.stdout?.on("data", collect);
  server.stderr?.on("data", collect);
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`next dev exited:\n${output}`);
    if (output.includes("Ready in")) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next dev did not start:\n${output}`);
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  await rm(dir, { recursive: true, force: true });
});

/** Waits until the dev server's terminal shows `text` after `from`. */
async function terminalShows(text: string | RegExp, from: number) {
  await expect.poll(() => output.slice(from), { timeout: 60_000 }).toMatch(text);
}

test("an edited title shows on reload, and the page names its source file", async ({ page }) => {
  const file = path.join(dir, ENTRY);
  await page.goto(`${BASE}/entry/gptlink-docker-server-error`, { timeout: 240_000 });
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
  await page.goto(`${BASE}/entry/gptlink-docker-server-error`, { timeout: 120_000 });
  await terminalShows(/gptlink-docker-server-error\.md:\d+:1 {2}error {2}Unexpected heading `## 原由：.*\[section-unknown\]\n {4}hint: /, before);
  await terminalShows(/\d+ errors?, 0 warnings in \d+ files/, before);

  await writeFile(file, source.replace(/^title: .*$/m, "title: 修好之后的标题"));
  await page.goto(`${BASE}/entry/gptlink-docker-server-error`, { timeout: 120_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("修好之后的标题");
});

test("the production server shows no 编辑此页 link without CONTENT_EDIT_URL", async ({ page }) => {
  await page.goto("/entry/gptlink-docker-server-error");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑此页" })).toHaveCount(0);
});
