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

test("an English MySQL refused-connection log from a container lands on the cause, with what its host means", async ({ page }) => {
  await page.goto("/search?mode=log");
  const log = [
    "web_1  | Traceback (most recent call last):",
    "web_1  |   File \"/app/db.py\", line 12, in connect",
    "web_1  | pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on '127.0.0.1' ([Errno 111] Connection refused)\")",
    "web_1 exited with code 1",
  ].join("\n");
  await page.getByLabel(/粘贴日志/).fill(log);
  await page.getByRole("button", { name: "按日志搜索" }).click();
  const first = page.locator(".result-card").first();
  await expect(first.locator(".result-title")).toContainText("连不上 MySQL");
  await expect(first.locator(".result-explain")).toContainText("127.0.0.1 指向的是容器自己");
  await expect(first.locator(".result-snippet")).toContainText("Can't connect to MySQL server");
  await first.locator(".result-cause").getByRole("link").click();
  await expect(page).toHaveURL(/\/entry\/docker-app-cannot-reach-mysql-redis#cause-address-localhost$/);
  await expect(page.locator("#cause-address-localhost")).toContainText("127.0.0.1");
});

test("a result quotes the entry with the asked words marked", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("小程序 支付后订单一直待支付")}`);
  const snippet = page.locator(".result-card").first().locator(".result-snippet");
  await expect(snippet).toBeVisible();
  await expect(snippet.locator("mark").first()).toBeVisible();
});

test("a misspelt query with no answer offers the spelling the knowledge base knows", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("redirct_uri")}`);
  await page.getByText("你要找的是不是").getByRole("link", { name: "redirect_uri" }).click();
  await expect(page.locator(".result-card").first()).toContainText("redirect_uri");
});

test("filters narrow the results by area, with counts taken before filtering", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("Can't connect to MySQL server on 'mysql' (111)")}`);
  const facets = page.getByRole("navigation", { name: "筛选结果" });
  const areas = facets.getByRole("list", { name: "领域" });
  await expect(areas.getByRole("link", { name: "全部" })).toHaveAttribute("aria-current", "true");
  const chip = areas.getByRole("link").nth(2);
  const label = (await chip.innerText()).replace(/\s*\d+$/, "").trim();
  const count = Number((await chip.locator(".facet-count").innerText()).trim());
  await chip.click();
  await expect(areas.getByRole("link", { name: new RegExp(`^${label}`) })).toHaveAttribute("aria-current", "true");
  const shown = page.locator(".result-card, .suggestions li");
  await expect(shown).toHaveCount(count);
  for (const text of await page.locator(".result-meta, .suggestions li .muted").allInnerTexts()) expect(text).toContain(label);
  await areas.getByRole("link", { name: "全部" }).click();
  await expect(areas.getByRole("link", { name: "全部" })).toHaveAttribute("aria-current", "true");
});

test("an unknown filter value is named and ignored, not an error page", async ({ page, request }) => {
  await page.goto(`/search?q=docker&area=${encodeURIComponent("<nope>")}`);
  await expect(page.getByText("筛选条件 领域 的值不认识，已忽略。")).toBeVisible();
  await expect(page.locator(".result-card, .suggestions li").first()).toBeVisible();
  const api = await request.get(`/api/search?q=docker&kind=nope`);
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe("invalid_filter");
});

test("a query with nothing behind it says so and offers the guided diagnosis", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("sourdough starter bubbles flat loaf")}`);
  await expect(page.getByRole("heading", { name: "没有找到足够匹配的条目" })).toBeVisible();
  await expect(page.getByRole("link", { name: /引导式排查/ })).toHaveAttribute("href", "/wizard");
});

test("an error of a neighbouring problem is named, with where to look, and no entry passed off as the answer", async ({ page }) => {
  const log = ["Warning  BackOff  kubelet  Back-off restarting failed container", "Status: CrashLoopBackOff", "mysql container in compose restarts"].join("\n");
  await page.goto(`/search?q=${encodeURIComponent(log)}`);
  await expect(page.getByRole("heading", { name: /这看起来是另一类问题：Kubernetes Pod 反复重启/ })).toBeVisible();
  const note = page.getByRole("note");
  await expect(note).toContainText("Back-off restarting failed container");
  await expect(note).toContainText("kubectl describe pod");
  await expect(page.locator(".result-card")).toHaveCount(0);
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
  // The tail was searched: its entry ranks first (whether it is presented is the gate's business).
  expect([...body.results, ...body.suggestions][0].id).toBe("miniprogram-connection-closed");
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
    expect(body.facets.area[0]).toMatchObject({ value: expect.any(String), count: expect.any(Number) });
    const filtered = await (await request.get(`/api/search?q=${encodeURIComponent("errcode 40001")}&kind=guide`)).json();
    for (const hit of [...filtered.results, ...filtered.suggestions]) expect(hit.kind).toBe("guide");
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
