import { ADMIN_COOKIE } from "@/feedback/admin";
import { MAX_CACHE_KEY_BYTES, type Target } from "./routes";

/**
 * What the front may keep, and what the Cache-Control of a page says. A response is kept only when
 * its route is on the allow-list (routes.ts) *and* the response itself allows it: a 200 without
 * cookies whose Cache-Control says neither `no-store` nor `private`. Pages that are a function of
 * their path say so (`no-cache`: any cache may keep them but asks again each time, cheaply, with
 * the ETag); pages that show what a visitor typed keep Next.js's `private, no-store`.
 */
export const CACHEABLE_PAGE_CACHE_CONTROL = "no-cache";

/** The key under which a GET of this target is kept: its canonical path. Null when it must not be kept. */
export function cacheKey(target: Target): string | null {
  if (!target.ok || !target.route.cacheable || target.path === null || target.query !== "") return null;
  return new TextEncoder().encode(target.path).byteLength <= MAX_CACHE_KEY_BYTES ? target.path : null;
}

/** The Cache-Control the proxy gives a page, or null to leave Next.js's own. */
export function pageCacheControl(target: Target): string | null {
  return cacheKey(target) !== null && target.ok && target.route.kind === "page" ? CACHEABLE_PAGE_CACHE_CONTROL : null;
}

/** Whether a response may be kept, whatever its route. */
export function mayStore(status: number, headers: { readonly [name: string]: string | readonly string[] | number | undefined }): boolean {
  if (status !== 200 || headers["set-cookie"] !== undefined) return false;
  const directives = String(headers["cache-control"] ?? "")
    .toLowerCase()
    .split(",")
    .map((d) => d.trim().split("=")[0]);
  return !directives.includes("no-store") && !directives.includes("private");
}

/**
 * Whether a request carries credentials (`Authorization`, or the insights cookie): such a request
 * is neither answered from what was kept for anonymous visitors nor kept for them, whatever its
 * route, so that a page that reads credentials can never leak through the cache.
 */
export function carriesCredentials(headers: { readonly authorization?: string | undefined; readonly cookie?: string | undefined }): boolean {
  if (headers.authorization !== undefined) return true;
  return (headers.cookie ?? "").split(";").some((pair) => pair.trim().startsWith(`${ADMIN_COOKIE}=`));
}

const DAY_MS = 86_400_000;
/** Ten minutes past midnight UTC: the order is loaded a moment after midnight (on the first wizard request). */
const RENEW_AT_MS = 10 * 60_000;

/**
 * How long a kept answer may be served from memory: until 00:10 UTC. The cause order learned from
 * use changes at midnight (src/feedback/cause-order.ts) and a wizard step is a function of its
 * path and that order, so every kept page is fetched again once a day, after the new order is in.
 */
export function keepForMs(now: number): number {
  return DAY_MS - ((((now - RENEW_AT_MS) % DAY_MS) + DAY_MS) % DAY_MS);
}
