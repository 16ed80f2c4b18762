import { describe, expect, it } from "vitest";
import { readEnv } from "@/config/env";

describe("configuration by environment", () => {
  it("has defaults for a local run", () => {
    expect(readEnv({})).toEqual({ ok: true, env: { SITE_URL: "http://localhost:3000", PORT: 3000 } });
  });
  it("accepts a real deployment", () => {
    expect(readEnv({ SITE_URL: "https://kb.example.com", PORT: "8080" })).toEqual({ ok: true, env: { SITE_URL: "https://kb.example.com", PORT: 8080 } });
  });
  it("names the variable that is wrong", () => {
    const result = readEnv({ SITE_URL: "kb.example.com", PORT: "eighty" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("SITE_URL:");
    expect(result.message).toContain("PORT:");
  });
});
