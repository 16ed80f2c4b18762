import { CSP_REPORT_GROUP, CSP_REPORT_PATH } from "./csp";

/**
 * Headers every response carries, whoever answers it: Next.js (next.config.ts), the proxy's own
 * answers (src/proxy.ts) and the front's error pages (src/front). The Content-Security-Policy is
 * per response (src/serve/csp.ts). HSTS is the TLS proxy's to send (README, 部署).
 */
export const SECURITY_HEADERS: readonly { readonly key: string; readonly value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Nothing here is meant to be embedded by another site, not even an image.
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  { key: "X-Permitted-Cross-Domain-Policies", value: "none" },
  // Where the `report-to` of the policy sends violations (the Reporting API resolves it against the page).
  { key: "Reporting-Endpoints", value: `${CSP_REPORT_GROUP}="${CSP_REPORT_PATH}"` },
];

/** The same headers as a lower-case record, for `writeHead`. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, value } of SECURITY_HEADERS) headers[key.toLowerCase()] = value;
  return headers;
}
