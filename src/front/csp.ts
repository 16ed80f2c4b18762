import { createHash } from "node:crypto";

/**
 * Content-Security-Policy helpers shared by the build (hashes of prerendered pages) and the
 * caching front (hashes of pages it caches). A cached page is sent to many people, so the nonce it
 * was rendered with cannot stay in its policy: the policy names the page's own inline scripts by
 * hash instead, which is what a prerendered page gets.
 */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g;

/** `'sha256-…'` sources for every inline script of a page, once each, in order of appearance. */
export function inlineScriptHashes(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    found.add(`'sha256-${createHash("sha256").update(match[1] ?? "", "utf8").digest("base64")}'`);
  }
  return [...found];
}

/**
 * The same policy with its script nonce replaced by the given hashes. A policy without a nonce
 * (a prerendered page, already pinned to hashes) comes back unchanged.
 */
export function pinScriptHashes(policy: string, hashes: readonly string[]): string {
  return policy.replace(/'nonce-[^']*'/g, () => hashes.join(" "));
}
