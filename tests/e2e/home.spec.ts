import { expect, test } from "@playwright/test";

test("home offers search, areas with counts and systems, in Chinese", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("遇到报错了？");
  await expect(page.locator("main").getByRole("searchbox", { name: "搜索报错或问题" })).toBeVisible();
  const areas = page.getByRole("region", { name: "按领域浏览" });
  for (const label of ["微信登录", "微信支付", "Docker 部署", "小程序", "邮件", "CODO", "企业微信"]) {
    await expect(areas.getByRole("link", { name: new RegExp(`^${label}`) })).toBeVisible();
  }
  await expect(areas.getByRole("link", { name: /^Docker 部署/ }).getByLabel(/个条目/)).toHaveText(/^\d+$/);
  await expect(page.getByRole("region", { name: "按系统浏览" }).getByRole("link", { name: /^wechat-api/ })).toBeVisible();
});

test("the home search box submits to /search", async ({ page }) => {
  await page.goto("/");
  await page.locator("main").getByRole("searchbox").fill("errcode 40001");
  await page.locator("main").getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=errcode\+40001/);
});
