import { describe, expect, it } from "vitest";
import { readEnv } from "@/config/env";

const FEEDBACK_DEFAULTS = { DATA_DIR: "./data", RETENTION_DAYS: 180, RERANK: "on", FEEDBACK_RATE: 60 };

describe("configuration by environment", () => {
  it("has defaults for a local run", () => {
    expect(readEnv({})).toEqual({ ok: true, env: { SITE_URL: "http://localhost:3000", PORT: 3000, HOSTNAME: "0.0.0.0", CACHE_MB: 64, HEAP_MB: 192, ...FEEDBACK_DEFAULTS } });
  });
  it("accepts a real deployment", () => {
    expect(readEnv({ SITE_URL: "https://kb.example.com", PORT: "8080", CACHE_MB: "0" })).toEqual({
      ok: true,
      env: { SITE_URL: "https://kb.example.com", PORT: 8080, HOSTNAME: "0.0.0.0", CACHE_MB: 0, HEAP_MB: 192, ...FEEDBACK_DEFAULTS },
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
