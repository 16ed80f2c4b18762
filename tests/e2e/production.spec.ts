import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const PAGES = ["/", "/entry/gptlink-docker-server-error", "/area/docker", "/search?q=40001", "/wizard", "/api/search?q=40001", "/api/health"];

test.describe("security headers", () => {
  for (const url of PAGES) {
    test(`are sent on ${url}`, async ({ request }) => {
      const response = await request.get(url);
      const headers = response.headers();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["cross-origin-resource-policy"]).toBe("same-origin");
      expect(headers["x-permitted-cross-domain-policies"]).toBe("none");
      const csp = headers["content-security-policy"] ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'/);
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(response.headers()["x-powered-by"]).toBeUndefined();
    });
  }

  test("pages run under the policy without violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    for (const url of ["/", "/entry/gptlink-docker-server-error", "/search?q=40001", "/wizard/gptlink-docker-server-error"]) {
      await page.goto(url);
      await expect(page.getByRole("button", { name: /快速搜索/ })).toBeVisible();
    }
    expect(violations).toEqual([]);
  });
});

test.describe("the page cache in front of Next.js", () => {
  // A URL no other test visits, so that the first request here is the first render.
  const url = "/wizard/wechat-login-appid-error";

  test("a repeat visit is served from memory with a nonce of its own, and still runs its scripts", async ({ page, request }) => {
    const first = await request.get(url);
    const second = await request.get(url);
    expect(second.status()).toBe(200);
    expect(second.headers()["x-cache"]).toBe("hit");
    const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? "";
    const [a, b] = [nonceOf(first.headers()["content-security-policy"]), nonceOf(second.headers()["content-security-policy"])];
    expect(a).not.toBe("");
    expect(b).not.toBe(a);
    expect((await second.text()).replaceAll(b, "N")).toBe((await first.text()).replaceAll(a, "N"));
    // Every inline script that runs carries that answer's nonce.
    const scripts = [...(await second.text()).matchAll(/<script(?![^>]*\ssrc=)(?![^>]*application\/ld\+json)([^>]*)>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${b}"`);

    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(url);
    expect(response?.headers()["x-cache"]).toBe("hit");
    await expect(page.getByRole("button", { name: /快速搜索/ })).toBeVisible();
    await page.keyboard.press("Control+k");
    await expect(page.getByRole("combobox", { name: "快速搜索报错或问题" })).toBeFocused();
    expect(violations).toEqual([]);
  });

  test("queries, client-side navigations and the API always reach Next.js", async ({ request }) => {
    for (const [path, headers] of [
      ["/search?q=40001", {}],
      ["/entry/gptlink-docker-server-error", { RSC: "1" }],
      ["/api/health", {}],
    ] as const) {
      await request.get(path, { headers });
      const again = await request.get(path, { headers });
      expect(again.headers()["x-cache"], path).toBeUndefined();
    }
  });

  test("a first visit by many people at once is rendered once and answered to all", async ({ request }) => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => request.get("/wizard/wechat-login-scope-error")));
    // The same page to each, each with a nonce of its own.
    const bodies = await Promise.all(replies.map(async (r) => (await r.text()).replaceAll(/'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1] ?? "?", "N")));
    expect(replies.map((r) => r.status())).toEqual(Array(8).fill(200));
    expect(new Set(bodies).size).toBe(1);
  });
});

test.describe("hostile input", () => {
  const xss = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">"'><svg onload=alert(1)>`;

  test("an XSS payload in the search query is shown as text, never run", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent(xss)}`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator("main").getByRole("searchbox")).toHaveValue(xss);
    const html = await page.content();
    expect(html).not.toContain('<img src="x" onerror');
    expect(html).not.toContain("<script>window.__pwned");
  });

  test("an XSS payload in a wizard URL or query gets the friendly page", async ({ page }) => {
    const response = await page.goto(`/wizard/${encodeURIComponent(xss)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "这一步已经不存在了" })).toBeVisible();
    await page.goto(`/wizard?q=${encodeURIComponent(xss)}`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("a 1 MB query to the search API is refused with 413 and JSON", async ({ request }) => {
    const response = await request.post("/api/search", { data: "x".repeat(1024 * 1024), headers: { "content-type": "text/plain" } });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.code).toBe("query_too_large");
  });

  test("malformed percent-encoding is a 400, not a 500", async ({ request }) => {
    for (const url of ["/entry/%E0%A4%A", "/wizard/%ZZ", "/area/%", "/api/search%E0"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(400);
      expect(await response.text(), url).not.toMatch(/at \w+ \(|node_modules|Error:/);
    }
  });

  test("path traversal and unknown ids are 404s without stack traces", async ({ request }) => {
    for (const url of ["/entry/..%2F..%2Fetc%2Fpasswd", "/entry/../../package.json", "/entry/no-such-entry", "/area/nope", "/system/nope", "/wizard/no-such-wizard/y", "/entry/%2e%2e%2f.env"]) {
      const response = await request.get(url);
      expect([400, 404], url).toContain(response.status());
      const body = await response.text();
      expect(body, url).not.toMatch(/at \w+ \(|node_modules\/|ENOENT|stack/i);
    }
  });

  test("secrets in a pasted log are masked before they are shown back", async ({ page }) => {
    const log = "SMTP_PASS=myRealAuthCode123\nGET /cgi-bin/token?appid=wx1&secret=abcdef0123456789 errcode 40001";
    await page.goto(`/search?mode=log&q=${encodeURIComponent(log)}`);
    const shown = `${await page.locator("body").innerText()}\n${await page.getByLabel(/粘贴日志/).inputValue()}\n${await page.title()}`;
    expect(shown).toContain("SMTP_PASS=***");
    expect(shown).not.toContain("myRealAuthCode123");
    expect(shown).not.toContain("abcdef0123456789");
  });
});

/** Field 4 of /proc/<pid>/stat, after the command name in parentheses; null once the process is gone. */
function parentOf(pid: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1] ?? null;
  } catch {
    return null;
  }
}

test.describe("operations and findability", () => {
  const FRONT = ".next/standalone/front.mjs";

  test("the server refuses to start with an invalid configuration and names the variable", () => {
    const run = spawnSync(process.execPath, [FRONT], { env: { ...process.env, PORT: "99999", CACHE_MB: "lots" }, encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("PORT:");
    expect(run.stderr).toContain("CACHE_MB:");
  });

  test("when the Next.js server dies, the front stops too, so that Docker restarts both", async () => {
    const port = Number(process.env.E2E_PORT ?? 3100) + 50;
    const front = spawn(process.execPath, [FRONT], { env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1" }, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => front.on("exit", (code) => resolve(code)));
    try {
      // A cold start builds the content and the search index; on a busy machine that takes a while.
      test.setTimeout(120_000);
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status, { timeout: 90_000 }).toBe(200);
      const child = readdirSync("/proc").find((pid) => /^\d+$/.test(pid) && parentOf(pid) === String(front.pid));
      expect(child).toBeDefined();
      process.kill(Number(child), "SIGKILL");
      expect(await exited).toBe(1);
    } finally {
      front.kill("SIGKILL");
    }
  });

  test("the health endpoint reports status, content version and counts", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.contentVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(body.entries.total).toBe(body.entries.problem + body.entries.question + body.entries.guide);
  });

  test("robots.txt and sitemap.xml list the site", async ({ request }) => {
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain("Sitemap: ");
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain("/entry/gptlink-docker-server-error</loc>");
    expect((sitemap.match(/<url>/g) ?? []).length).toBeGreaterThan(46);
  });

  test("entry pages carry a canonical URL and JSON-LD of their kind", async ({ page }) => {
    for (const [id, type] of [
      ["gptlink-docker-server-error", "TechArticle"],
      ["wechat-pay-appid-vs-mp-appid", "FAQPage"],
      ["wecom-app-setup-railway", "HowTo"],
    ] as const) {
      await page.goto(`/entry/${id}`);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/entry/${id}$`));
      const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
      expect(data["@type"]).toBe(type);
    }
  });
});
