import { describe, expect, it } from "vitest";
import { readEnv } from "@/config/env";

describe("configuration by environment", () => {
  it("has defaults for a local run", () => {
    expect(readEnv({})).toEqual({ ok: true, env: { SITE_URL: "http://localhost:3000", PORT: 3000, HOSTNAME: "0.0.0.0", CACHE_MB: 64, HEAP_MB: 192 } });
  });
  it("accepts a real deployment", () => {
    expect(readEnv({ SITE_URL: "https://kb.example.com", PORT: "8080", CACHE_MB: "0" })).toEqual({
      ok: true,
      env: { SITE_URL: "https://kb.example.com", PORT: 8080, HOSTNAME: "0.0.0.0", CACHE_MB: 0, HEAP_MB: 192 },
    });
  });
  it("names the variable that is wrong", () => {
    const result = readEnv({ SITE_URL: "kb.example.com", PORT: "eighty", HEAP_MB: "16" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("SITE_URL:");
    expect(result.message).toContain("PORT:");
    expect(result.message).toContain("HEAP_MB:");
  });
});
