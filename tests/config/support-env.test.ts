import { describe, expect, it } from "vitest";
import { configWarnings, readEnv } from "@/config/env";

describe("where support summaries are sent", () => {
  it("accepts a ticket URL and a mailbox, both optional", () => {
    const result = readEnv({ SUPPORT_URL: "https://support.example.com/new", SUPPORT_EMAIL: "help@example.com" });
    expect(result.ok && [result.env.SUPPORT_URL, result.env.SUPPORT_EMAIL]).toEqual(["https://support.example.com/new", "help@example.com"]);
    const none = readEnv({ SUPPORT_URL: "", SUPPORT_EMAIL: "" });
    expect(none.ok && [none.env.SUPPORT_URL, none.env.SUPPORT_EMAIL]).toEqual([undefined, undefined]);
  });

  it("names a wrong value", () => {
    const result = readEnv({ SUPPORT_URL: "javascript:alert(1)", SUPPORT_EMAIL: "not an address" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("SUPPORT_URL:");
    expect(result.message).toContain("SUPPORT_EMAIL:");
  });
});

describe("configWarnings", () => {
  it("says so when SITE_URL is not set, since every absolute link would say localhost", () => {
    expect(configWarnings({})).toEqual([expect.stringContaining("SITE_URL is not set")]);
    expect(configWarnings({ SITE_URL: "https://kb.example.com" })).toEqual([]);
  });
});
