import { LRUCache } from "lru-cache";

/**
 * A token bucket per client, in memory only: each client may make `perMinute` writes in a burst
 * and then one every 60/perMinute seconds. Clients are keyed by their anonymous session (when its
 * signature checks out) or by the address that reached the server, which is never stored. The
 * number of clients remembered is bounded; the least recently seen are forgotten first.
 */
export interface RateLimiter {
  /** True if the client may write now (and uses up one write). */
  take(client: string, now?: number): boolean;
}

export function createRateLimiter(options: { perMinute: number; maxClients: number }): RateLimiter {
  if (options.perMinute <= 0) return { take: () => true };
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  const buckets = new LRUCache<string, { tokens: number; at: number }>({ max: options.maxClients });
  return {
    take(client, now = Date.now()) {
      const bucket = buckets.get(client) ?? { tokens: capacity, at: now };
      const tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
      if (tokens < 1) {
        buckets.set(client, { tokens, at: now });
        return false;
      }
      buckets.set(client, { tokens: tokens - 1, at: now });
      return true;
    },
  };
}
