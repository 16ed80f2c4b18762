import { z } from "zod";

/**
 * What the build recorded about the scripts of its prerendered pages (`scripts/postbuild.ts`
 * writes it to `.next/csp-hashes.json`; the proxy reads it). Keys are canonical paths (routes.ts).
 */
export const CspManifestSchema = z.object({
  /** Every prerendered page: the hashes of its own inline scripts. */
  pages: z.record(z.string(), z.array(z.string())),
  /**
   * The prerendered not-found and error pages, which Next.js may send for any path it does not
   * know; a page rendered with a nonce allows these too.
   */
  fallback: z.array(z.string()),
});

export type CspManifest = z.infer<typeof CspManifestSchema>;

export const EMPTY_MANIFEST: CspManifest = { pages: {}, fallback: [] };

/** How the policy of `path` (canonical) names its scripts: the recorded hashes, or a nonce plus the fallback hashes. */
export function scriptAllowance(manifest: CspManifest, path: string | null): { kind: "hashes"; hashes: readonly string[] } | { kind: "nonce"; hashes: readonly string[] } {
  const recorded = path === null ? undefined : manifest.pages[path];
  if (recorded) return { kind: "hashes", hashes: [...new Set([...recorded, ...manifest.fallback])] };
  return { kind: "nonce", hashes: manifest.fallback };
}
