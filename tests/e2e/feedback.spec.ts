import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "../../playwright.config";

/**
 * Learning from use, as a reader and as a maintainer: vote on an article with JavaScript on and
 * off, finish a wizard as solved, then log in to /insights and see both; and turn a search that
 * found nothing into the front-matter change that makes it findable. These run in order: the
 * insights test reads what the others recorded.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });
// The first request to each route loads it and the database may still be opening: waiting longer
// than the default 5 s is not a claim about speed (see npm run load for that).
const slow = expect.configure({ timeout: 30_000 });

const ENTRY = "wechat-api-container-exits";
const TITLE = "wechat-api 容器老是自己退出，服务器重启后也不会自动起来";
// A query no entry answers, with a line that looks like an error, made unique per run. The number
// has seven digits: three- and five-digit ones can be error codes, which templates keep (src/search/normalize.ts).
const NONSENSE = `flux-capacitor: ERROR resonance cascade in sector ${1_000_000 + (Date.now() % 1_000_000)}`;

async function login(page: Page) {
  await page.goto("/insights");
  await expect(page.getByRole("heading", { name: "使用情况" })).toBeVisible();
  await page.getByLabel("管理令牌").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
}

test("a reader votes on an article with JavaScript, and adds why it did not help", async ({ page }) => {
  await page.goto(`/entry/${ENTRY}`);
  const vote = page.getByRole("form", { name: "这篇解决了你的问题吗？" });
  await vote.getByRole("button", { name: "没有解决" }).click();
  await slow(vote.getByRole("status")).toHaveText("谢谢你的反馈！");
  // The page did not navigate: the vote went with fetch.
  expect(new URL(page.url()).pathname).toBe(`/entry/${ENTRY}`);
  await vote.getByLabel(/最多 500 字/).fill("容器里 SMTP_PASS=hunter2 也配了，还是退出");
  await vote.getByRole("button", { name: "发送说明" }).click();
  await slow(vote.getByRole("status")).toHaveText("谢谢，已经记下你的说明。");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader votes on an article with a plain form post, on the entry and on a cause", async ({ page }) => {
    await page.goto(`/entry/${ENTRY}`);
    await page.getByRole("form", { name: "这篇解决了你的问题吗？" }).getByRole("button", { name: "解决了" }).click();
    await expect(page).toHaveURL(/\/feedback\?entry=wechat-api-container-exits&helpful=yes&result=ok$/);
    await slow(page.getByRole("heading", { name: "谢谢你的反馈" })).toBeVisible();
    await page.getByRole("link", { name: `回到「${TITLE}」` }).click();
    await expect(page).toHaveURL(new RegExp(`/entry/${ENTRY}$`));

    const cause = page.locator("#cause-restart-policy-none").getByRole("form", { name: "按这个原因处理后，问题解决了吗？" });
    await cause.getByRole("button", { name: "解决了" }).click();
    await expect(page.getByRole("heading", { name: "谢谢你的反馈" })).toBeVisible();
  });
});

test("a reader finishes a wizard as solved", async ({ page }) => {
  await page.goto(`/wizard/${ENTRY}`);
  await page.getByRole("link", { name: "是", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^解决办法：/ })).toBeVisible();
  // "解决了" is a form that records the ending and goes on to the solved step.
  await page.getByRole("button", { name: "解决了" }).click();
  await slow(page).toHaveURL(new RegExp(`/wizard/${ENTRY}/y/y$`));
  await expect(page.getByRole("heading", { name: "问题已解决" })).toBeVisible();
});

test("a search that finds nothing is recorded", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(NONSENSE)}`);
  await expect(page.getByRole("heading", { name: "没有找到足够匹配的条目" })).toBeVisible();
});

test("the maintainer logs in to /insights and sees the votes and the solved walk", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await login(page);
  const entry = page.getByRole("article", { name: TITLE });
  // Writes are queued: reload until they are in.
  await expect(async () => {
    await page.reload();
    await expect(entry).toContainText(/50%\s*（1 是 \/ 1 否）/);
    await expect(entry).toContainText("（解决 1 / 没解决 0 / 离开 0）");
  }).toPass({ timeout: 60_000 });
  const cause = entry.getByRole("row", { name: /没有设置重启策略/ });
  await expect(cause).toContainText(/100%\s*（1 是 \/ 0 否）/);
  await expect(cause.getByRole("cell").nth(2)).toHaveText("1");
  expect(violations).toEqual([]);
});

test("the maintainer gets the front-matter change that makes a failed search findable", async ({ page }) => {
  await login(page);
  const row = page.getByRole("row", { name: /flux-capacitor: error resonance cascade in sector <num>/ });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: "让它能被搜到" }).click();
  const panel = page.getByRole("region", { name: "让这类搜索能找到答案" });
  await expect(panel.getByLabel(/要加的签名/)).toHaveValue(NONSENSE);
  await panel.getByLabel("哪个条目回答了它？").selectOption(ENTRY);
  await panel.getByRole("button", { name: "生成改动" }).click();
  const diff = page.getByLabel("front matter 的改动");
  await expect(diff).toContainText(`--- a/content/entries/docker/${ENTRY}.md`);
  await expect(diff).toContainText(`+  - "${NONSENSE}"`);
});

test("without the token there is a login page, and the API answers 401", async ({ page, request }) => {
  await page.goto("/insights");
  await expect(page.getByLabel("管理令牌")).toBeVisible();
  await expect(page.getByText("没有找到答案的搜索")).toHaveCount(0);
  const api = await request.get("/api/insights");
  expect(api.status()).toBe(401);
  expect((await request.get("/api/insights", { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } })).status()).toBe(200);
});
