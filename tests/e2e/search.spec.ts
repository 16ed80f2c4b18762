import { expect, test, type Page } from "@playwright/test";

async function openPalette(page: Page) {
  await page.goto("/entry/gptlink-docker-server-error");
  await expect(page.getByRole("button", { name: /快速搜索/ })).toBeVisible();
  await page.keyboard.press("Control+k");
  const input = page.getByRole("combobox", { name: "快速搜索报错或问题" });
  await expect(input).toBeFocused();
  return input;
}

test("the palette waits for the IME to finish composing before it searches", async ({ page }) => {
  const input = await openPalette(page);
  const client = await page.context().newCDPSession(page);
  await client.send("Input.imeSetComposition", { text: "qiwei", selectionStart: 5, selectionEnd: 5 });
  await expect(input).toHaveValue("qiwei");
  await page.waitForTimeout(400);
  await expect(page.getByRole("option")).toHaveCount(0);
  await client.send("Input.insertText", { text: "企微 可信IP" });
  await expect(input).toHaveValue("企微 可信IP");
  await expect(page.getByRole("option").filter({ hasText: "企业可信IP" })).toHaveCount(1);
});

test("the palette opens with / and finds a pasted English error line", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("button", { name: /快速搜索/ })).toBeVisible();
  await page.locator("body").press("/");
  const input = page.getByRole("combobox", { name: "快速搜索报错或问题" });
  await expect(input).toBeFocused();
  await input.fill("request:fail url not in domain list");
  await expect(page.getByRole("option").first()).toContainText("url not in domain list");
  await expect(page.getByRole("option").first().locator("mark").first()).toBeVisible();
});

test("palette results can be walked with the keyboard", async ({ page }) => {
  const input = await openPalette(page);
  await input.fill("微信支付");
  const options = page.getByRole("option");
  await expect(options.nth(1)).toBeVisible();
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await input.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  const title = (await options.nth(1).locator(".palette-title").innerText()).trim();
  await input.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("a multi-line Docker log pasted on /search reports each problem with its line", async ({ page }) => {
  await page.goto("/search?mode=log");
  const log = [
    "2024-06-01 10:00:00 INFO starting wechat-api",
    '2024-06-01 10:05:12 WARN wechat api returned {"errcode":42001,"errmsg":"access_token expired rid: 665a1b2c-3d4e5f60"}',
    "Step 10/16 : RUN pip3 install --upgrade pip",
    "Could not install packages due to an EnvironmentError: [Errno 2] No such file or directory: '/tmp/pip-uninstall-zz81kq0p/usr/local/bin/pip3'",
  ].join("\n");
  await page.getByLabel(/粘贴日志/).fill(log);
  await page.getByRole("button", { name: "按日志搜索" }).click();
  const results = page.locator(".result-card");
  await expect(results.filter({ hasText: "access_token" })).toContainText("第 2 行");
  await expect(results.filter({ hasText: "pip3" })).toContainText("第 4 行");
});

test("a query with nothing behind it says so and offers the guided diagnosis", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("kubernetes pod CrashLoopBackOff OOMKilled")}`);
  await expect(page.getByRole("heading", { name: "没有找到足够匹配的条目" })).toBeVisible();
  await expect(page.getByRole("link", { name: /引导式排查/ })).toHaveAttribute("href", "/wizard");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("/search renders results on the server and can be shared", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent("redirect_uri 与后台配置不一致")}`);
    const first = page.locator(".result-card").first();
    await expect(first.getByRole("link").first()).toHaveAttribute("href", /^\/entry\/wechat-login-redirect-uri-mismatch/);
    await page.locator("main").getByRole("searchbox").fill("Unexpected token '<'");
    await page.locator("main").getByRole("button", { name: "搜索" }).click();
    await expect(page.locator(".result-card").first()).toContainText("Unexpected token");
  });
});

test("a query over 20 KB is cut with a visible note", async ({ request, page }) => {
  const noise = "2024-06-01 10:00:00 INFO heartbeat ok\n".repeat(700);
  const response = await request.post("/api/search", { data: { q: noise + "net::ERR_CONNECTION_CLOSED" } });
  const body = await response.json();
  expect(body.truncated).toBe(true);
  expect(body.results[0].id).toBe("miniprogram-connection-closed");
  await page.goto("/search?mode=log");
  await page.getByLabel(/粘贴日志/).fill(noise + "net::ERR_CONNECTION_CLOSED");
  await page.getByRole("button", { name: "按日志搜索" }).click();
  await expect(page.getByText(/只搜索了最后 20 KB/)).toBeVisible();
});

test.describe("GET /api/search", () => {
  test("returns the documented JSON shape", async ({ request }) => {
    const response = await request.get(`/api/search?q=${encodeURIComponent("errcode 40001")}&limit=3`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.json();
    expect(body).toMatchObject({ query: "errcode 40001", confident: true, truncated: false });
    expect(body.results[0]).toMatchObject({ id: "wechat-access-token-expired", url: expect.stringMatching(/^\/entry\//) });
    expect(typeof body.results[0].score).toBe("number");
  });
  test("answers bad requests with JSON errors", async ({ request }) => {
    const missing = await request.get("/api/search");
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error.code).toBe("missing_query");
    const badLimit = await request.get("/api/search?q=x&limit=abc");
    expect(badLimit.status()).toBe(400);
    expect((await badLimit.json()).error.code).toBe("invalid_limit");
    const clamped = await request.get("/api/search?q=docker&limit=100000");
    expect(clamped.status()).toBe(200);
  });
});
