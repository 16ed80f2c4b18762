import { expect, test } from "@playwright/test";

test("home lists entries by area in Chinese", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "排障知识库" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Docker 部署/ })).toBeVisible();
  await expect(page.getByText("gptlink 用 Docker 部署后，页面提示「服务器错误」")).toBeVisible();
});
