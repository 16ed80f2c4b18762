import { describe, expect, it, vi } from "vitest";
import { SEARCH_CONFIG } from "@/search/config";
import { prepareQuery } from "@/search/query";
import * as secrets from "@/search/secrets";

vi.mock("@/search/secrets", { spy: true });

describe("prepareQuery", () => {
  it("cuts before masking: the masking never reads more than the limit", () => {
    prepareQuery(`${"a.".repeat(128 * 1024)}\npassword=x`);
    const read = vi.mocked(secrets.maskSecrets).mock.calls.map(([text]) => Buffer.byteLength(text));
    expect(read.length).toBeGreaterThan(0);
    expect(Math.max(...read)).toBeLessThanOrEqual(SEARCH_CONFIG.maxQueryBytes);
  });
});
