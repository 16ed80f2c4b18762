import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("a dangerous command comes after a labelled warning, and the safe option comes first", async ({ page }) => {
  await page.goto("/entry/codo-docker-mysql-redis-unreachable");
  const warnings = page.getByRole("note", { name: "警告" });
  await expect(warnings).toHaveCount(2);
  const first = warnings.first();
  await expect(first.locator(".callout-title")).toHaveText(/警告$/);
  await expect(first).toContainText("iptables -F");
  await expect(page.getByText("[!WARNING]")).toHaveCount(0);

  const flush = page.locator("pre", { hasText: "sudo iptables -F" });
  const safe = page.locator("pre", { hasText: "-i docker0 -p tcp --dport 3306" });
  const [warningBox, flushBox, safeBox] = await Promise.all([first.boundingBox(), flush.boundingBox(), safe.boundingBox()]);
  expect(safeBox!.y).toBeLessThan(warningBox!.y);
  expect(warningBox!.y).toBeLessThan(flushBox!.y);
});

test("sources name the upstream document, linked where it is public, without internal ids", async ({ page }) => {
  await page.goto("/entry/gptlink-docker-server-error");
  const meta = page.locator(".entry-meta");
  await expect(meta.getByRole("link", { name: "gptlink 常见问题" })).toHaveAttribute("href", "https://github.com/gptlink/gptlink/blob/HEAD/docs/FAQ.md");
  await expect(meta).not.toContainText(/S\d{3}-\d+/);
  await page.goto("/entry/wechat-api-container-exits");
  await expect(page.locator(".entry-meta")).toContainText("来源：WeChat API 故障排查指南");
  await expect(page.locator(".entry-meta").getByRole("link")).toHaveCount(0);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the warning callout has no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/entry/codo-docker-mysql-redis-unreachable");
    const results = await new AxeBuilder({ page }).include(".callout").analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
  });
}
