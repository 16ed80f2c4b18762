// After `next build`: record the hashes of every prerendered page's inline scripts (the proxy
// sends them in that page's Content-Security-Policy, so static pages need neither nonces nor
// 'unsafe-inline'), and complete the standalone server with the files Next leaves out of it.
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const app = path.join(root, ".next", "server", "app");
const hashes = {};

for (const entry of readdirSync(app, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const file = path.join(entry.parentPath, entry.name);
  const relative = path.relative(app, file).split(path.sep).join("/").replace(/\.html$/, "");
  const route = relative === "index" ? "/" : `/${relative}`;
  const html = readFileSync(file, "utf8");
  const found = new Set();
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)) {
    found.add(`'sha256-${createHash("sha256").update(match[1] ?? "", "utf8").digest("base64")}'`);
  }
  hashes[route] = [...found];
}

const manifest = path.join(root, ".next", "csp-hashes.json");
writeFileSync(manifest, JSON.stringify(hashes));
console.log(`postbuild: script hashes for ${Object.keys(hashes).length} prerendered pages`);

const standalone = path.join(root, ".next", "standalone");
if (existsSync(standalone)) {
  cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
  cpSync(manifest, path.join(standalone, ".next", "csp-hashes.json"));
  console.log("postbuild: standalone server completed with public/, .next/static and the hash manifest");
}
