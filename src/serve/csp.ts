/**
 * The Content-Security-Policy of every response. Scripts run only if the app put them there:
 * - a page the build prerendered names its own inline scripts by the hashes the build recorded
 *   (`script-hashes.ts`, `.next/csp-hashes.json`);
 * - every other page gets a nonce, fresh for each response: Next.js puts it on the scripts it
 *   renders, and the front (src/front) issues a new one each time it answers from its cache.
 * Never 'unsafe-inline'; 'unsafe-eval' only under `next dev`, whose React needs it for its
 * error overlay. No Node.js imports: the proxy may run on the edge runtime.
 */

export const CSP_REPORT_PATH = "/api/csp-report";
/** The `report-to` group, named in the `Reporting-Endpoints` header (headers.ts). */
export const CSP_REPORT_GROUP = "csp";

/** What a page's policy allows for scripts besides `'self'`. */
export interface ScriptAllowance {
  /** The nonce of this response, when the build recorded no hashes for the page. */
  readonly nonce?: string | undefined;
  /** `'sha256-…'` sources recorded by the build. */
  readonly hashes?: readonly string[] | undefined;
  readonly dev?: boolean | undefined;
}

export function pagePolicy({ nonce, hashes = [], dev = false }: ScriptAllowance): string {
  const scripts = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...hashes, ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
    `report-to ${CSP_REPORT_GROUP}`,
  ].join("; ");
}

/** For the plain error pages of the proxy and the front: no script at all, their own inline style. */
export const ERROR_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** 18 random bytes as base64url: 24 characters, all valid in a CSP nonce, in HTML and in JSON unescaped. */
export const NONCE_LENGTH = 24;

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

/** The nonce named in a policy's `script-src`, if any. */
export function policyNonce(policy: string): string | null {
  return /'nonce-([A-Za-z0-9+/_=-]+)'/.exec(policy)?.[1] ?? null;
}
