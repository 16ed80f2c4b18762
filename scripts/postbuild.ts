/**
 * After `next build`:
 * - records the hashes of every prerendered page's inline scripts, after checking that each is one
 *   Next.js writes (src/serve/script-hashes.ts): the proxy sends them in that page's
 *   Content-Security-Policy, so static pages need neither nonces nor 'unsafe-inline'. A foreign
 *   inline script stops the build, naming the page;
 * - completes the standalone server with the files Next leaves out of it;
 * - bundles the caching front (src/front) into `front.mjs` beside the standalone `server.js`, and
 *   the preload it starts that server with into `next-child.cjs`.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { CspManifest } from "../src/serve/csp-manifest";
import { classify } from "../src/serve/routes";
import { pageScripts } from "../src/serve/script-hashes";

const root = process.cwd();
const app = path.join(root, ".next", "server", "app");
const pages: Record<string, string[]> = {};
const foreign: string[] = [];

for (const entry of readdirSync(app, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const file = path.join(entry.parentPath, entry.name);
  const relative = path.relative(app, file).split(path.sep).join("/").replace(/\.html$/, "");
  const raw = relative === "index" ? "/" : `/${relative}`;
  const target = classify(raw);
  const key = target.ok && target.path !== null ? target.path : raw;
  const scripts = pageScripts(readFileSync(file, "utf8"));
  pages[key] = [...scripts.hashes];
  for (const script of scripts.foreign) foreign.push(`  ${path.relative(root, file)}: <script>${script}…`);
}
if (foreign.length > 0) {
  console.error(`postbuild: inline scripts that Next.js did not write are in prerendered pages; their hashes are not recorded and the build stops:\n${foreign.join("\n")}`);
  process.exit(1);
}

const manifestData: CspManifest = { pages, fallback: [...new Set([...(pages["/_not-found"] ?? []), ...(pages["/_global-error"] ?? [])])] };
const manifest = path.join(root, ".next", "csp-hashes.json");
writeFileSync(manifest, JSON.stringify(manifestData));
console.log(`postbuild: script hashes for ${Object.keys(pages).length} prerendered pages`);

const standalone = path.join(root, ".next", "standalone");
if (!existsSync(standalone)) {
  console.error("postbuild: .next/standalone is missing; is `output: \"standalone\"` still in next.config.ts?");
  process.exit(1);
}
cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
cpSync(manifest, path.join(standalone, ".next", "csp-hashes.json"));
// Preloaded into the Next.js server by front.mjs (src/front/next-child.ts), hence CommonJS.
await build({
  entryPoints: [path.join(root, "src", "front", "next-child.ts")],
  outfile: path.join(standalone, "next-child.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
});
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
console.log("postbuild: standalone server completed with public/, .next/static, the hash manifest, front.mjs and next-child.cjs");
