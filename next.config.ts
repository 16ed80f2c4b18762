import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/serve/headers";

// The Content-Security-Policy and the Cache-Control of pages are set per request in `src/proxy.ts`.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  output: "standalone",
  // The app reads content/ at run time (search API, health); ship it with the standalone server.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
