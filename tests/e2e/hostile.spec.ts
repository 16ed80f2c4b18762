import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SECRET_CASES, SECRET_LOG } from "../helpers/secret-log";

/**
 * Hostile input against the production server: the probe's adversarial shapes on every route that
 * reads user text (statuses asserted; speed is measured by `npm run bench:search`, not here), and
 * a log holding every kind of secret, with every response body — HTML, RSC payloads, JSON,
 * redirects — searched for each secret.
 */
const KB = 1024;
const repeat = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const SHAPES = ["a.", "a-", "A.", "1%"];

function leaks(body: string): string[] {
  return SECRET_CASES.filter((c) => body.includes(c.secret) || body.includes(encodeURIComponent(c.secret))).map((c) => c.kind);
}

/** Every body of a GET: the redirect (not followed), then where it leads, as a page and as RSC payloads. */
async function bodiesOf(request: APIRequestContext, url: string): Promise<string[]> {
  const bodies: string[] = [];
  const first = await request.get(url, { maxRedirects: 0 });
  bodies.push(`${first.headers()["location"] ?? ""}\n${await first.text()}`);
  expect([200, 303, 307, 308], url).toContain(first.status());
  const target = first.headers()["location"] ?? url;
  const variants: Record<string, string>[] = [{}, { RSC: "1" }, { RSC: "1", "Next-Router-State-Tree": "%5B%22%22%2C%7B%7D%5D" }];
  for (const headers of variants) {
    const response = await request.get(target, { headers });
    expect(response.status(), target).toBe(200);
    bodies.push(await response.text());
  }
  const rsc = await request.get(`${target}${target.includes("?") ? "&" : "?"}_rsc=probe`, { headers: { RSC: "1" } });
  bodies.push(await rsc.text());
  return bodies;
}

/** Every response body the browser receives while `act` runs, and the page at the end. */
async function pageBodies(page: Page, act: () => Promise<void>): Promise<string[]> {
  const pending: Promise<string>[] = [];
  page.on("response", (response) => {
    pending.push(response.text().catch(() => ""));
  });
  await act();
  await page.waitForLoadState("networkidle");
  return [...(await Promise.all(pending)), await page.content(), page.url()];
}

test.describe("a pasted log holding every kind of secret", () => {
  test("is masked in every JSON answer of the API", async ({ request }) => {
    const answers = [
      await request.post("/api/search", { data: { q: SECRET_LOG } }),
      await request.post("/api/search", { data: SECRET_LOG, headers: { "Content-Type": "text/plain" } }),
      await request.get(`/api/search?q=${encodeURIComponent(SECRET_LOG)}`),
    ];
    for (const answer of answers) {
      expect(answer.status()).toBe(200);
      const body = await answer.text();
      expect(leaks(body)).toEqual([]);
      expect(JSON.parse(body).query).toContain("SMTP_PASS=***");
    }
  });

  test("is masked in the HTML, the RSC payloads and the redirect of /search and /wizard", async ({ request }) => {
    const bodies = [
      ...(await bodiesOf(request, `/search?q=${encodeURIComponent(SECRET_LOG)}`)),
      ...(await bodiesOf(request, `/search?mode=log&q=${encodeURIComponent(SECRET_LOG)}`)),
      ...(await bodiesOf(request, `/wizard?q=${encodeURIComponent(SECRET_LOG.replaceAll("\n", " "))}`)),
      ...(await bodiesOf(request, `/wizard?q=${encodeURIComponent(SECRET_CASES.map((c) => c.line).join(" "))}`)),
    ];
    expect(leaks(bodies.join("\n"))).toEqual([]);
  });

  test("log mode posts the log and answers on a URL without it", async ({ page }) => {
    await page.goto("/search?mode=log");
    const bodies = await pageBodies(page, async () => {
      await page.getByLabel(/粘贴日志/).fill(SECRET_LOG);
      await page.getByRole("button", { name: "按日志搜索" }).click();
      await expect(page.locator(".result-card").first()).toBeVisible();
    });
    expect(page.url()).not.toContain("q=");
    expect(leaks(bodies.join("\n"))).toEqual([]);
    await expect(page.getByLabel(/粘贴日志/)).toHaveValue(/SMTP_PASS=\*\*\*/);
    await expect(page.locator(".result-card").first()).toContainText("40001");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("log mode still posts, answers and masks", async ({ page }) => {
      await page.goto("/search?mode=log");
      const bodies = await pageBodies(page, async () => {
        await page.getByLabel(/粘贴日志/).fill(SECRET_LOG);
        await page.getByRole("button", { name: "按日志搜索" }).click();
        await expect(page.locator(".result-card").first()).toBeVisible();
      });
      expect(page.url()).not.toContain("q=");
      expect(leaks(bodies.join("\n"))).toEqual([]);
      await expect(page.getByLabel(/粘贴日志/)).toHaveValue(/SMTP_PASS=\*\*\*/);
    });

    test("the wizard's paste box shows the paste masked when nothing matches", async ({ page }) => {
      const paste = "kubernetes CrashLoopBackOff password=WizardLeak42 13812345678";
      await page.goto(`/wizard?q=${encodeURIComponent(paste)}`);
      await expect(page.getByText(/没有找到与这段报错足够匹配的问题/)).toBeVisible();
      const box = page.getByLabel(/直接粘贴报错/);
      await expect(box).toHaveValue("kubernetes CrashLoopBackOff password=*** <phone>");
      expect(await page.content()).not.toContain("WizardLeak42");
      expect(page.url()).not.toContain("WizardLeak42");
    });
  });
});

test.describe("adversarial input", () => {
  for (const unit of SHAPES) {
    test(`${JSON.stringify(unit)} repeated to 20 KB and 256 KB is answered on every route`, async ({ request }) => {
      const small = repeat(unit, 20 * KB);
      const api = await request.post("/api/search", { data: { q: small } });
      expect(api.status()).toBe(200);
      expect((await api.json()).truncated).toBe(false);

      const big = `${repeat(unit, 256 * KB - 64)}\nSMTP_PASS=TailLeak\nerrcode 40001`;
      const bigApi = await request.post("/api/search", { data: big, headers: { "Content-Type": "text/plain" } });
      expect(bigApi.status()).toBe(200);
      const bigBody = await bigApi.json();
      expect(bigBody.truncated).toBe(true);
      expect(JSON.stringify(bigBody)).not.toContain("TailLeak");
      expect(Buffer.byteLength(bigBody.query)).toBeLessThanOrEqual(20 * KB);

      const tooBig = await request.post("/api/search", { data: repeat(unit, 256 * KB + 1), headers: { "Content-Type": "text/plain" } });
      expect(tooBig.status()).toBe(413);
      expect((await tooBig.json()).error.code).toBe("query_too_large");

      const page = await request.get(`/search?q=${encodeURIComponent(small)}`);
      expect(page.status()).toBe(200);
      const wizard = await request.get(`/wizard?q=${encodeURIComponent(small)}`);
      expect(wizard.status()).toBe(200);
      expect(await wizard.text()).toContain("没有找到与这段报错足够匹配的问题");
    });
  }

  test("the probe's 120 KB URL is refused with 414; a 60 KB one is redirected to its cut, masked form and answered", async ({ request }) => {
    const huge = await request.get(`/search?q=${repeat("a.", 120 * KB)}`, { maxRedirects: 0 });
    expect(huge.status()).toBe(414);
    expect(huge.headers()["x-content-type-options"]).toBe("nosniff");

    const url = `/search?q=${encodeURIComponent(`token=UrlLeak ${repeat("a.", 60 * KB)}`)}`;
    const first = await request.get(url, { maxRedirects: 0 });
    expect(first.status()).toBe(307);
    const location = first.headers()["location"] ?? "";
    expect(location).not.toContain("UrlLeak");
    expect(location.length).toBeLessThanOrEqual(8 * KB + 64);
    const answer = await request.get(location);
    expect(answer.status()).toBe(200);
    expect(await answer.text()).not.toContain("UrlLeak");
  });

  test("pages and the health check answer while big pastes are being searched", async ({ request }) => {
    const pastes = SHAPES.map((unit) => request.post("/api/search", { data: repeat(unit, 256 * KB - 1), headers: { "Content-Type": "text/plain" } }));
    const [health, entry] = await Promise.all([request.get("/api/health"), request.get("/wizard")]);
    expect(health.status()).toBe(200);
    expect(entry.status()).toBe(200);
    for (const paste of await Promise.all(pastes)) expect(paste.status()).toBe(200);
  });
});
