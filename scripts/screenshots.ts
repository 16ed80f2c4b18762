import { mkdir } from "node:fs/promises";
import { chromium } from "@playwright/test";

/**
 * Screenshots of each page type in both themes, desktop and 360 px wide, for looking at the site
 * the way a user does. Needs a running server: `npm start`, then `npx tsx scripts/screenshots.ts`.
 */
const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const out = process.argv[2] ?? ".reports/screenshots";
const pages = (process.argv[3] ?? "/,/area/docker,/entry/gptlink-docker-server-error,/entry/wecom-app-setup-railway,/entry/wechat-pay-appid-vs-mp-appid,/nope").split(",");

await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const scheme of ["light", "dark"] as const) {
  for (const width of [1280, 360]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(base + path);
      const name = `${path.replace(/[^a-z0-9]+/gi, "_") || "home"}-${scheme}-${width}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL !== "0" });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
