import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("triage → area → problem wizard → fix, with the back button mid-way", async ({ page }) => {
  await page.goto("/wizard");
  await expect(page.getByRole("heading", { level: 1, name: "你遇到了什么问题？" })).toBeVisible();
  await page.getByRole("link", { name: "Docker 部署" }).click();
  await expect(page).toHaveURL(/\/wizard\/triage\/docker$/);
  await page.getByRole("link", { name: "gptlink 用 Docker 部署后，页面提示「服务器错误」" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("127.0.0.1");
  await expect(page.getByText(/^第 3 步/)).toBeVisible();
  await page.getByRole("link", { name: "否", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("MySQL 的版本");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("127.0.0.1");
  await page.getByRole("link", { name: "是", exact: true }).click();
  await expect(page.getByRole("heading", { name: "解决办法" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("按上面的步骤处理后，问题解决了吗？");
  await expect(page.getByRole("link", { name: "在完整条目里查看这个原因" })).toHaveAttribute("href", "/entry/gptlink-docker-server-error#cause-db-address-localhost");
  const trail = page.getByRole("navigation", { name: "已回答的问题" });
  await expect(trail.getByRole("link")).toHaveCount(3);
  await trail.getByRole("link").nth(1).click();
  await expect(page).toHaveURL(/\/wizard\/triage\/docker$/);
});

test("a shared step URL opens on that step in a fresh page", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/wizard/gptlink-docker-server-error/n/y");
  await expect(page.getByRole("heading", { name: "解决办法" })).toBeVisible();
  await expect(page.getByText("可能的原因：")).toContainText("MySQL 版本低于 5.7");
  await expect(page.locator(".diagram-node.current")).toHaveCount(1);
  await expect(page.locator(".diagram-edge.taken")).toHaveCount(2);
  await context.close();
});

test("finishing unsolved gives a summary that can be copied", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/wizard/gptlink-docker-server-error/n/u/n");
  await expect(page.getByRole("heading", { name: "整理给技术支持的信息" })).toBeVisible();
  await expect(page.getByText("docker logs gptlink", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "复制 Markdown 记录" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("## 排障记录");
  expect(copied).toContain("MySQL 的版本是不是低于 5.7？ **不确定**");
  expect(copied).toContain("docker logs gptlink");
  await page.getByRole("button", { name: "复制纯文本记录" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("【排障记录】");
});

test("pasting an error on the triage step jumps to the matching cause", async ({ page }) => {
  await page.goto("/wizard");
  await page.getByLabel(/直接粘贴看到的报错/).fill("Could not install packages due to an EnvironmentError: [Errno 2] No such file or directory");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(/\/wizard\/codo-docker-build-pip-error/);
  await expect(page.getByText(/^第 1 步/)).toBeVisible();
});

test("an authored flow leads into a problem's cause", async ({ page }) => {
  await page.goto("/wizard/triage/miniprogram");
  await page.getByRole("link", { name: "小程序请求生产服务器失败" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("开发者工具");
  await page.getByRole("link", { name: /是，只有真机失败/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/？|\?$/);
  await expect(page.getByText("可能的原因：")).toBeVisible();
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });
  test("the whole wizard can be walked with plain links", async ({ page }) => {
    await page.goto("/wizard");
    await page.getByRole("link", { name: "CODO" }).click();
    await page.getByRole("link", { name: /创建不了用户/ }).click();
    await expect(page.getByText(/^第 3 步/)).toBeVisible();
    await page.getByRole("link", { name: "是", exact: true }).click();
    // The answer that ends the walk is a form button: it records the ending, then shows the step.
    await page.getByRole("button", { name: "解决了" }).click();
    await expect(page.getByText("太好了")).toBeVisible();
  });
});

test("a tampered URL shows a friendly page with a restart link", async ({ page }) => {
  for (const url of ["/wizard/gptlink-docker-server-error/n/zzz", "/wizard/no-such-wizard", "/wizard/gptlink-docker-server-error/y/y/y/y"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "这一步已经不存在了" })).toBeVisible();
    await expect(page.getByRole("link", { name: "重新开始引导式排查" })).toHaveAttribute("href", "/wizard");
  }
  const malformed = await page.goto("/wizard/%E0%A4%A");
  expect(malformed?.status()).toBe(400);
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test("a wizard step has no horizontal scroll", async ({ page }) => {
    for (const url of ["/wizard", "/wizard/gptlink-docker-server-error/n/y", "/wizard/gptlink-docker-server-error/n/n/n"]) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });
});

for (const [name, url] of [
  ["triage", "/wizard"],
  ["check", "/wizard/gptlink-docker-server-error"],
  ["fix", "/wizard/gptlink-docker-server-error/y"],
  ["unsolved", "/wizard/gptlink-docker-server-error/n/n/n"],
] as const) {
  test(`axe finds no serious or critical violations on the ${name} step`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
}
