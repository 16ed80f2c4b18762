import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Page weight per route from the production build (`npm run build` first): prerendered HTML
 * bytes, the JavaScript the page loads (gzip), and the part of it this project adds beyond
 * Next.js and React (everything that is not a root main or polyfill chunk).
 */
const NEXT = path.resolve(".next");
if (!existsSync(path.join(NEXT, "build-manifest.json"))) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
  polyfillFiles: string[];
};
const framework = new Set([...manifest.rootMainFiles, ...manifest.polyfillFiles].map((f) => `/_next/${f}`));

const routes = (process.argv[2] ?? "/,/area/docker,/system/wechat-api,/entry/gptlink-docker-server-error,/entry/wechat-pay-appid-vs-mp-appid,/entry/wecom-app-setup-railway,/_not-found")
  .split(",")
  .filter(Boolean);

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).byteLength;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const rows = routes.map((route) => {
  const file = path.join(NEXT, "server/app", route === "/" ? "index.html" : `${route}.html`);
  if (!existsSync(file)) return { route, missing: true as const };
  const html = readFileSync(file);
  // nomodule scripts (legacy polyfills) are never loaded by the browsers we serve.
  const scripts = [...html.toString("utf8").matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\snomodule/i.test(tag))
    .flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []);
  let total = 0;
  let own = 0;
  for (const src of new Set(scripts)) {
    const local = src.startsWith("/_next/") ? path.join(NEXT, src.slice("/_next/".length)) : path.join("public", src);
    if (!existsSync(local)) continue;
    const size = gz(readFileSync(local));
    total += size;
    if (!framework.has(src)) own += size;
  }
  return { route, missing: false as const, html: html.byteLength, htmlGzip: gz(html), total, own, scripts: scripts.length };
});

console.log("route".padEnd(42), "HTML".padStart(10), "HTML gz".padStart(10), "JS gz".padStart(10), "own JS gz".padStart(10), "scripts".padStart(8));
for (const row of rows) {
  if (row.missing) {
    console.log(row.route.padEnd(42), "not prerendered");
    continue;
  }
  console.log(
    row.route.padEnd(42),
    kb(row.html).padStart(10),
    kb(row.htmlGzip).padStart(10),
    kb(row.total).padStart(10),
    kb(row.own).padStart(10),
    String(row.scripts).padStart(8),
  );
}
console.log("\nown JS = first-load JS that is not a Next.js/React root or polyfill chunk (target ≤ 15 KB gzip on entry pages)");
