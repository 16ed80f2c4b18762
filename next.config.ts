import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/serve/headers";

// The Content-Security-Policy and the Cache-Control of pages are set per request in `src/proxy.ts`.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  output: "standalone",
  // The app reads content/ at run time (search API, health); ship it with the standalone server.
  // So does the feedback database: its SQL migrations, and the worker thread that runs the embedded
  // database, which Node loads as it is (with PGlite and its WebAssembly files) rather than bundled.
  outputFileTracingIncludes: {
    "/**": [
      "./content/**/*",
      "./src/feedback/migrations/**/*",
      "./src/feedback/pglite-worker.mjs",
      "./node_modules/@electric-sql/pglite/package.json",
      "./node_modules/@electric-sql/pglite/dist/*.{js,cjs,wasm,data}",
    ],
  },
  // Loaded by Node from node_modules at run time rather than bundled (pg has optional native parts).
  serverExternalPackages: ["pg"],
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
