import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { chromium } from "@playwright/test";

/**
 * Screenshots of each page type in both themes, desktop and 360 px wide, for looking at the site
 * the way a user does. Needs a running server: `npm start`, then `npx tsx scripts/screenshots.ts`.
 */
const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const out = process.argv[2] ?? ".reports/screenshots";
const pages = (process.argv[3] ?? "/,/area/docker,/entry/gptlink-docker-server-error,/entry/wecom-app-setup-railway,/entry/wechat-pay-appid-vs-mp-appid,/nope").split(",");

// Without a Chinese font every heading renders as boxes, and the screenshots show nothing useful.
const chineseFonts = (() => {
  try {
    return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
})();
if (!chineseFonts) console.warn("no Chinese font on this machine: text will show as boxes (apt-get install -y fonts-noto-cjk)");

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
      await page.goto(base + path, { waitUntil: "networkidle" });
      const name = `${fileStem(path)}-${scheme}-${width}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL !== "0" });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);

/**
 * A file name for a page path: readable where it can be, and never over the file system's
 * 255-byte limit (a long percent-encoded Chinese query is several times that), so a long path
 * keeps its first 80 characters and a hash of the whole.
 */
function fileStem(pagePath: string): string {
  const plain = pagePath.replace(/[^a-z0-9]+/gi, "_") || "home";
  return plain.length <= 120 ? plain : `${plain.slice(0, 80)}_${createHash("sha256").update(pagePath).digest("hex").slice(0, 12)}`;
}
