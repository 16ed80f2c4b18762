import { describe, expect, it } from "vitest";
import { readEnv } from "@/config/env";

const FEEDBACK_DEFAULTS = { DATA_DIR: "./data", RETENTION_DAYS: 180, RERANK: "on", FEEDBACK_RATE: 60 };

describe("configuration by environment", () => {
  it("has defaults for a local run", () => {
    expect(readEnv({})).toEqual({ ok: true, env: { SITE_URL: "http://localhost:3000", PORT: 3000, HOSTNAME: "0.0.0.0", CACHE_MB: 64, HEAP_MB: 192, CONTENT_DIR: "content", SHUTDOWN_TIMEOUT: 10, TRUST_PROXY: "loopback", ...FEEDBACK_DEFAULTS } });
  });
  it("accepts a real deployment", () => {
    expect(readEnv({ SITE_URL: "https://kb.example.com", PORT: "8080", CACHE_MB: "0", SHUTDOWN_TIMEOUT: "2.5", TRUST_PROXY: "10.0.0.0/8, ::1" })).toEqual({
      ok: true,
      env: { SITE_URL: "https://kb.example.com", PORT: 8080, HOSTNAME: "0.0.0.0", CACHE_MB: 0, HEAP_MB: 192, CONTENT_DIR: "content", SHUTDOWN_TIMEOUT: 2.5, TRUST_PROXY: "10.0.0.0/8, ::1", ...FEEDBACK_DEFAULTS },
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
  it("checks the feedback settings without echoing secrets", () => {
    const result = readEnv({ DATABASE_URL: "mysql://root:hunter2@db/kb", ADMIN_TOKEN: "short", RETENTION_DAYS: "0", RERANK: "maybe" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of ["DATABASE_URL:", "ADMIN_TOKEN:", "RETENTION_DAYS:", "RERANK:"]) expect(result.message).toContain(name);
    expect(result.message).not.toContain("hunter2");
    expect(readEnv({ DATABASE_URL: "postgres://kb:pw@127.0.0.1:5432/kb", ADMIN_TOKEN: "0123456789abcdef", RERANK: "off" })).toMatchObject({
      ok: true,
      env: { DATABASE_URL: "postgres://kb:pw@127.0.0.1:5432/kb", ADMIN_TOKEN: "0123456789abcdef", RERANK: "off" },
    });
  });
});
