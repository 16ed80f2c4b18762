import { describe, expect, it } from "vitest";
import { ByteLru } from "@/front/cache";

const item = (bytes: number) => ({ bytes });

describe("a byte-bounded LRU", () => {
  it("evicts the least recently used entries once the budget is exceeded", () => {
    const lru = new ByteLru<{ bytes: number }>(100);
    lru.set("a", item(40));
    lru.set("b", item(40));
    lru.get("a");
    lru.set("c", item(40));
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toEqual(item(40));
    expect(lru.get("c")).toEqual(item(40));
    expect(lru.bytes).toBe(80);
  });

  it("refuses a value larger than the whole budget without evicting anything", () => {
    const lru = new ByteLru<{ bytes: number }>(100);
    lru.set("a", item(60));
    lru.set("huge", item(101));
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.size).toBe(1);
  });

  it("counts a replaced key once", () => {
    const lru = new ByteLru<{ bytes: number }>(100);
    lru.set("a", item(30));
    lru.set("a", item(50));
    expect(lru.bytes).toBe(50);
    expect(lru.size).toBe(1);
    lru.delete("a");
    expect(lru.bytes).toBe(0);
  });
});
