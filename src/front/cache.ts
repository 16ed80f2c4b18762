/**
 * A least-recently-used map bounded by bytes. A Map keeps insertion order, so re-inserting on
 * every hit makes its first key the least recently used. (The front is bundled into one file
 * that runs beside the standalone server, whose traced node_modules would not carry a cache
 * library; this is the small part of one that the front needs.)
 */
export class ByteLru<V extends { readonly bytes: number }> {
  private readonly items = new Map<string, V>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const value = this.items.get(key);
    if (value === undefined) return undefined;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  /** Stores a value unless it alone exceeds the budget; evicts the oldest until it fits. */
  set(key: string, value: V): void {
    if (value.bytes > this.maxBytes) return;
    this.delete(key);
    this.items.set(key, value);
    this.used += value.bytes;
    for (const [oldest, old] of this.items) {
      if (this.used <= this.maxBytes) break;
      this.items.delete(oldest);
      this.used -= old.bytes;
    }
  }

  delete(key: string): void {
    const value = this.items.get(key);
    if (value === undefined) return;
    this.items.delete(key);
    this.used -= value.bytes;
  }

  get size(): number {
    return this.items.size;
  }

  get bytes(): number {
    return this.used;
  }
}
