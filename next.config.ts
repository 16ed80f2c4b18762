import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/config/security-headers";

// The Content-Security-Policy is set per request in `src/proxy.ts`.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  output: "standalone",
  // The app reads content/ at run time (search API, health); ship it with the standalone server.
  // So does the feedback database, which applies its SQL migrations at start-up.
  outputFileTracingIncludes: { "/**": ["./content/**/*", "./src/feedback/migrations/**/*"] },
  // Loaded by Node from node_modules at run time rather than bundled: PGlite finds its .wasm files
  // relative to its own module, and pg has optional native parts.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
