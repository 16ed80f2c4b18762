import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGE_TYPES = {
  home: "/",
  area: "/area/docker",
  system: "/system/wechat-api",
  problem: "/entry/gptlink-docker-server-error",
  question: "/entry/wechat-pay-appid-vs-mp-appid",
  guide: "/entry/wecom-app-setup-railway",
  notFound: "/entry/no-such-entry",
};

test("home → area → entry in a few clicks", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Docker 部署/ }).first().click();
  await expect(page).toHaveURL(/\/area\/docker$/);
  await expect(page.getByRole("heading", { level: 1, name: "Docker 部署" })).toBeVisible();
  await page.getByRole("link", { name: "gptlink 用 Docker 部署后，页面提示「服务器错误」" }).click();
  await expect(page).toHaveURL(/\/entry\/gptlink-docker-server-error$/);
  await expect(page.getByRole("heading", { level: 2, name: /原因 1：数据库或 Redis 地址填成了 127\.0\.0\.1/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: "Docker 部署" })).toBeVisible();
});

test("a copy button puts the command on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(PAGE_TYPES.problem);
  const block = page.locator(".code-block", { hasText: "SELECT VERSION();" });
  await block.getByRole("button", { name: "复制代码" }).click();
  await expect(block.getByRole("button", { name: "复制代码" })).toHaveText("已复制");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("SELECT VERSION();");
});

test("a signature chip can be copied on its own", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(PAGE_TYPES.problem);
  await page.getByRole("button", { name: "复制：Docker 部署时提示服务器错误" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Docker 部署时提示服务器错误");
});

test("the production server shows no 编辑此页 link without CONTENT_EDIT_URL", async ({ page }) => {
  await page.goto(PAGE_TYPES.problem);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑此页" })).toHaveCount(0);
});

test("a cause anchor scrolls to that cause", async ({ page }) => {
  await page.goto(`${PAGE_TYPES.problem}#cause-compose-start-order`);
  const cause = page.locator("#cause-compose-start-order");
  await expect(cause).toBeInViewport();
  await expect(page.locator("#cause-db-address-localhost")).not.toBeInViewport();
});

test("the dark mode toggle is remembered across reloads", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(PAGE_TYPES.problem);
  await page.getByRole("button", { name: "切换到深色模式" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
  await expect(page.getByRole("button", { name: "切换到浅色模式" })).toBeVisible();
});

test("guide checklists remember their ticks", async ({ page }) => {
  await page.goto(PAGE_TYPES.guide);
  const first = page.locator("input[type=checkbox][data-task]").first();
  await expect(first).not.toBeChecked();
  await first.check();
  await page.reload();
  await expect(page.locator("input[type=checkbox][data-task]").first()).toBeChecked();
});

test.describe("at 360 px wide", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    test(`${name} has no horizontal scroll`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe("while scripts start, on a slow phone", () => {
  test.use({ viewport: { width: 412, height: 823 } });
  // Buttons that need JavaScript appear at hydration; if they took no space before, the page
  // jumped under the reader's finger (Lighthouse measured a layout shift of 0.094 on entries).
  for (const path of ["/entry/gptlink-docker-server-error", "/", "/wizard/gptlink-docker-server-error/n/y"]) {
    test(`nothing moves on ${path}`, async ({ page }) => {
      await page.addInitScript(() => {
        const store = window as unknown as { __shift: number };
        store.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) store.__shift += (entry as unknown as { value: number }).value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.goto(path);
      await expect(page.getByRole("button", { name: /切换到/ })).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.01);
    });
  }
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("entry pages still show the whole content", async ({ page }) => {
    await page.goto(PAGE_TYPES.problem);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("gptlink 用 Docker 部署后，页面提示「服务器错误」");
    await expect(page.getByText("docker-compose restart gptlink")).toBeVisible();
    await expect(page.getByRole("heading", { name: /原因 3/ })).toBeVisible();
  });
  test("home, area and guide pages render", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("searchbox").first()).toBeVisible();
    await page.goto(PAGE_TYPES.area);
    await expect(page.getByRole("heading", { level: 1, name: "Docker 部署" })).toBeVisible();
    await page.goto(PAGE_TYPES.guide);
    await expect(page.locator("input[type=checkbox][data-task]").first()).toBeEnabled();
  });
});

test("an unknown entry gets a Chinese 404 page with search", async ({ page }) => {
  const response = await page.goto(PAGE_TYPES.notFound);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "找不到这个页面" })).toBeVisible();
  await expect(page.locator("main").getByRole("searchbox")).toBeVisible();
});

test("entry pages carry title, description and Open Graph metadata", async ({ page }) => {
  await page.goto(PAGE_TYPES.problem);
  await expect(page).toHaveTitle("gptlink 用 Docker 部署后，页面提示「服务器错误」 · 排障知识库");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /127\.0\.0\.1/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /gptlink/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
});

for (const [name, path] of Object.entries(PAGE_TYPES)) {
  for (const scheme of ["light", "dark"] as const) {
    test(`axe finds no serious or critical violations on ${name} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious).toEqual([]);
    });
  }
}
