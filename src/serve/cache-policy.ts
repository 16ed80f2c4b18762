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
