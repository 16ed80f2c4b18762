import { describe, expect, it } from "vitest";
import { readEnv } from "@/config/env";

describe("configuration by environment", () => {
  it("has defaults for a local run", () => {
    expect(readEnv({})).toEqual({ ok: true, env: { SITE_URL: "http://localhost:3000", PORT: 3000, HOSTNAME: "0.0.0.0", CACHE_MB: 64, HEAP_MB: 192, CONTENT_DIR: "content", SHUTDOWN_TIMEOUT: 10, TRUST_PROXY: "loopback" } });
  });
  it("accepts a real deployment", () => {
    expect(readEnv({ SITE_URL: "https://kb.example.com", PORT: "8080", CACHE_MB: "0", SHUTDOWN_TIMEOUT: "2.5", TRUST_PROXY: "10.0.0.0/8, ::1" })).toEqual({
      ok: true,
      env: { SITE_URL: "https://kb.example.com", PORT: 8080, HOSTNAME: "0.0.0.0", CACHE_MB: 0, HEAP_MB: 192, CONTENT_DIR: "content", SHUTDOWN_TIMEOUT: 2.5, TRUST_PROXY: "10.0.0.0/8, ::1" },
    });
  });
  it("names the variable that is wrong", () => {
    const result = readEnv({ SITE_URL: "kb.example.com", PORT: "eighty", HEAP_MB: "16", SHUTDOWN_TIMEOUT: "-1", TRUST_PROXY: "my-proxy" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("SITE_URL:");
    expect(result.message).toContain("PORT:");
    expect(result.message).toContain("HEAP_MB:");
    expect(result.message).toContain("SHUTDOWN_TIMEOUT:");
    expect(result.message).toContain("TRUST_PROXY:");
  });
  it("takes an edit-link pattern only with a placeholder and a known scheme", () => {
    const pattern = "https://github.com/o/r/edit/main/content/{path}";
    expect(readEnv({ CONTENT_EDIT_URL: pattern })).toMatchObject({ ok: true, env: { CONTENT_EDIT_URL: pattern } });
    for (const bad of ["https://github.com/o/r/edit/main/content/", "javascript:alert(1)//{path}"]) {
      const result = readEnv({ CONTENT_EDIT_URL: bad });
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toContain("CONTENT_EDIT_URL:");
    }
  });
});
