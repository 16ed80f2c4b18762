/**
 * After `next build`:
 * - records the hashes of every prerendered page's inline scripts (the proxy sends them in that
 *   page's Content-Security-Policy, so static pages need neither nonces nor 'unsafe-inline');
 * - completes the standalone server with the files Next leaves out of it;
 * - bundles the caching front (src/front) into `front.mjs` beside the standalone `server.js`.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { inlineScriptHashes } from "../src/front/csp";

const root = process.cwd();
const app = path.join(root, ".next", "server", "app");
const hashes: Record<string, string[]> = {};

for (const entry of readdirSync(app, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const file = path.join(entry.parentPath, entry.name);
  const relative = path.relative(app, file).split(path.sep).join("/").replace(/\.html$/, "");
  hashes[relative === "index" ? "/" : `/${relative}`] = inlineScriptHashes(readFileSync(file, "utf8"));
}

const manifest = path.join(root, ".next", "csp-hashes.json");
writeFileSync(manifest, JSON.stringify(hashes));
console.log(`postbuild: script hashes for ${Object.keys(hashes).length} prerendered pages`);

const standalone = path.join(root, ".next", "standalone");
if (!existsSync(standalone)) {
  console.error("postbuild: .next/standalone is missing; is `output: \"standalone\"` still in next.config.ts?");
  process.exit(1);
}
cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
cpSync(manifest, path.join(standalone, ".next", "csp-hashes.json"));
await build({
  entryPoints: [path.join(root, "src", "front", "main.ts")],
  outfile: path.join(standalone, "front.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
console.log("postbuild: standalone server completed with public/, .next/static, the hash manifest and front.mjs");
